#include "buildlauncher.h"

#include "engine/workspacebuildsettings.h"

#include "engine/buildrunner.h"
#include "store/historystore.h"

#include <QDir>

namespace pw {

BuildLauncher::BuildLauncher(const QString& workspace, const QString& buildspec, QObject* parent)
    : QObject(parent), m_workspace(QDir(workspace).absolutePath()), m_buildspec(buildspec) {}

BuildLauncher::~BuildLauncher() {
    if (m_runner)
        m_runner->disconnect(this);  // no events into a half-destroyed launcher
}

// The same defaults as `pipewright-cli build DIR`: state under the workspace, the project
// named after its folder.
BuildRequest BuildLauncher::makeRequest(const QString& workspace, const QString& buildspec) {
    BuildRequest request;
    request.sourceDirectory = QDir(workspace).absolutePath();
    request.buildspecPath = buildspec;
    request.projectName = QDir(request.sourceDirectory).dirName();
    request.stateDirectory = request.sourceDirectory + QStringLiteral("/.pipewright/state");
    // The project's variables, timeout and secrets, exactly as `pipewright-cli build` reads them.
    applyWorkspaceFile(request.sourceDirectory, {}, request);
    return request;
}

bool BuildLauncher::start(QString* error) {
    BuildRequest request = makeRequest(m_workspace, m_buildspec);
    m_store = std::make_unique<HistoryStore>(request.stateDirectory);
    QString why;
    if (!m_store->open(&why)) {
        if (error)
            *error = tr("Cannot open the build history: %1").arg(why);
        return false;
    }
    request.buildNumber = m_store->nextBuildNumber(request.projectName);
    m_logPath = QStringLiteral("%1/%2-%3.log")
                    .arg(m_store->logDirectory(), request.projectName)
                    .arg(request.buildNumber);
    m_runner = std::make_unique<BuildRunner>(std::move(request));
    connect(m_runner.get(), &BuildRunner::runEvent, this, &BuildLauncher::onEvent);
    connect(m_runner.get(), &BuildRunner::finished, this, [this](RunStatus status) {
        BuildResult result = m_runner->result();
        result.logPath = m_logPath;
        m_store->recordResult(result);
        emit finished(status);
    });
    m_runner->start();
    return true;
}

void BuildLauncher::onEvent(const RunEvent& e) {
    m_store->record(e);
    emit event(e);
}

void BuildLauncher::stop() {
    if (m_runner)
        m_runner->stop();
}

bool BuildLauncher::isRunning() const {
    return m_runner && m_runner->isRunning();
}

}  // namespace pw
