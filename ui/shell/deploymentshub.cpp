#include "deploymentshub.h"

#include "deploy/deploymentcontroller.h"
#include "deploy/deploymentgrouppage.h"
#include "spec/workspace.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QTabWidget>

namespace pw {

namespace {

QList<QPair<QString, QString>> boundGroups(const QString& root) {
    const QString file = QDir(root).filePath(QStringLiteral(".pipewright/workspace.yml"));
    QList<QPair<QString, QString>> groups;
    if (root.isEmpty() || !QFileInfo::exists(file))
        return groups;
    const Workspace ws = parseWorkspace(YamlDocument::loadFile(file)).workspace;
    for (const WorkspaceApplication& app : ws.applications)
        for (const WorkspaceDeploymentGroup& group : app.deploymentGroups)
            groups.append({app.name, group.name});
    return groups;
}

DeploymentController* controllerOf(DeploymentGroupPage* page) {
    return page->findChild<DeploymentController*>(QString(), Qt::FindDirectChildrenOnly);
}

}  // namespace

DeploymentsHub::DeploymentsHub(QMainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_dock(new QDockWidget(tr("Deployments"), window))
    , m_tabs(new QTabWidget(m_dock))
    , m_menu(new QMenu(tr("&Deployments"), window)) {
    m_dock->setObjectName(QStringLiteral("DeploymentsDock"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_dock->setWidget(m_tabs);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget* page = m_tabs->widget(index);
        if (auto* c = controllerOf(static_cast<DeploymentGroupPage*>(page)); c && c->isRunning())
            c->stop();
        m_tabs->removeTab(index);
        page->deleteLater();
    });
    connect(m_menu, &QMenu::aboutToShow, this, &DeploymentsHub::fillMenu);
}

void DeploymentsHub::setWorkspace(const QString& root) {
    if (root == m_root)
        return;
    m_root = root;
    while (m_tabs->count() > 0) {
        QWidget* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
}

void DeploymentsHub::fillMenu() {
    m_menu->clear();
    const auto groups = boundGroups(m_root);
    if (groups.isEmpty()) {
        m_menu->addAction(tr("No deployment groups in .pipewright/workspace.yml"))
            ->setEnabled(false);
        return;
    }
    for (const auto& [app, group] : groups) {
        const QString name = app + QStringLiteral(" / ") + group;
        m_menu->addAction(tr("Open %1").arg(name), this, [this, app, group] {
            QString error;
            if (!openGroup(app, group, &error))
                Q_EMIT message(error);
        });
        m_menu->addAction(tr("Deploy Workspace to %1").arg(name), this, [this, app, group] {
            QString error;
            if (!deployWorkspace(app, group, &error))
                Q_EMIT message(error);
        });
    }
}

DeploymentGroupPage* DeploymentsHub::openGroup(const QString& application, const QString& group,
                                               QString* error) {
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* page = static_cast<DeploymentGroupPage*>(m_tabs->widget(i));
        if (page->application() == application && page->group() == group) {
            m_tabs->setCurrentIndex(i);
            m_dock->show();
            m_dock->raise();
            return page;
        }
    }
    auto* page = new DeploymentGroupPage(application, group);
    auto* controller = new DeploymentController(m_root, application, group, page, page);
    // The group's router may be held by another process (e.g. `pipewright-cli watch`): the
    // page still shows the history, without live traffic.
    if (const QString problem = controller->open(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        Q_EMIT message(problem);
    }
    m_tabs->setCurrentIndex(m_tabs->addTab(page, application + QStringLiteral(" / ") + group));
    m_dock->show();
    m_dock->raise();
    return page;
}

bool DeploymentsHub::deployWorkspace(const QString& application, const QString& group,
                                     QString* error) {
    DeploymentGroupPage* page = openGroup(application, group);
    DeploymentController* controller = page ? controllerOf(page) : nullptr;
    if (!controller || controller->isRunning()) {
        if (error)
            *error = tr("A deployment to %1 is already running").arg(group);
        return false;
    }
    if (!controller->deploy(m_root)) {
        if (error)
            *error = tr("Could not start a deployment to %1").arg(group);
        return false;
    }
    Q_EMIT message(tr("Deploying %1 to %2").arg(QDir(m_root).dirName(), group));
    return true;
}

}  // namespace pw
