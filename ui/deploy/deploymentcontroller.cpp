#include "deploymentcontroller.h"

#include "deploy/deploymentengine.h"
#include "deploy/deploymentgroupruntime.h"
#include "deploy/deploymentstore.h"
#include "deploymentgrouppage.h"
#include "spec/workspace.h"
#include "uilog.h"
#include "yaml/yamldocument.h"

#include <QDir>

namespace pw {

DeploymentController::DeploymentController(const QString& workspaceRoot, const QString& application,
                                           const QString& group, DeploymentGroupPage* page,
                                           QObject* parent)
    : QObject(parent)
    , m_root(workspaceRoot)
    , m_application(application)
    , m_group(group)
    , m_page(page) {
    connect(page, &DeploymentGroupPage::redeployRequested, this, &DeploymentController::redeploy);
    connect(page, &DeploymentGroupPage::rollbackRequested, this, &DeploymentController::rollback);
    connect(page, &DeploymentGroupPage::stopRequested, this, &DeploymentController::stop);
    connect(page, &DeploymentGroupPage::continueRequested, this,
            &DeploymentController::continueDeployment);
}

DeploymentController::~DeploymentController() {
    // The page is usually this controller's parent and half destroyed by now: leave it be
    // (its traffic panel holds the router through a QPointer).
    if (m_engine)
        m_engine->stop();
}

QString DeploymentController::stateDir() const {
    return QDir(m_root).filePath(QStringLiteral(".pipewright/state"));
}

QString DeploymentController::open() {
    const QString file = QDir(m_root).filePath(QStringLiteral(".pipewright/workspace.yml"));
    const Workspace ws = parseWorkspace(YamlDocument::loadFile(file)).workspace;
    const WorkspaceApplication* app = ws.application(m_application);
    const WorkspaceDeploymentGroup* group = app ? app->group(m_group) : nullptr;
    if (!group)
        return tr("%1 binds no deployment group %2 of application %3")
            .arg(QDir::toNativeSeparators(file), m_group, m_application);
    m_runtime = std::make_unique<DeploymentGroupRuntime>(stateDir(), m_application, *group);
    const QString error = m_runtime->start();
    if (!error.isEmpty())
        return error;
    m_page->setRouter(m_runtime->router());
    reloadHistory();
    return {};
}

void DeploymentController::reloadHistory() {
    DeploymentStore store(stateDir());
    QString error;
    if (!store.open(&error)) {
        qCWarning(lcUi) << "deployment history unavailable:" << error;
        return;
    }
    const QList<DeploymentState> deployments = store.deployments(m_application, m_group);
    m_page->setHistory(deployments);
    // Opening a page shows the group's latest deployment until a new one starts.
    if (m_page->state().deploymentId.isEmpty() && !deployments.isEmpty())
        m_page->setState(deployments.first());
}

DeploymentRequest DeploymentController::request() const {
    DeploymentRequest r;
    r.workspaceRoot = m_root;
    r.stateDir = stateDir();
    r.application = m_application;
    r.group = m_group;
    return r;
}

bool DeploymentController::deploy(const QString& revisionPath, const QString& configName) {
    DeploymentRequest r = request();
    r.revisionPath = revisionPath;
    r.configName = configName;
    return start(r);
}

bool DeploymentController::redeploy(const QString& revisionId) {
    DeploymentRequest r = request();
    r.redeployRevisionId = revisionId;
    return start(r);
}

bool DeploymentController::rollback() {
    DeploymentRequest r = request();
    r.rollback = true;
    r.creator = QStringLiteral("codeDeployRollback");
    r.rollbackOf = m_page->state().deploymentId;
    return start(r);
}

bool DeploymentController::start(const DeploymentRequest& r) {
    if (m_running || !m_runtime)
        return false;
    if (m_engine)
        m_engine->deleteLater();
    m_engine = new DeploymentEngine(r, m_runtime.get(), this);
    connect(m_engine, &DeploymentEngine::stateChanged, m_page, &DeploymentGroupPage::setState);
    connect(m_engine, &DeploymentEngine::scriptOutput, m_page,
            &DeploymentGroupPage::appendScriptOutput);
    connect(m_engine, &DeploymentEngine::finished, this, &DeploymentController::onFinished);
    m_running = true;
    emit started();
    m_engine->start();
    return true;
}

void DeploymentController::onFinished(const DeploymentState& state) {
    m_running = false;
    m_page->setState(state);
    reloadHistory();
    emit finished(state);
}

void DeploymentController::stop() {
    if (m_engine && m_running)
        m_engine->stop();
}

void DeploymentController::continueDeployment() {
    if (m_engine && m_running)
        m_engine->continueDeployment();
}

bool DeploymentController::isRunning() const {
    return m_running;
}

}  // namespace pw
