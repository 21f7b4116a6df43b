#include "buildactionrunner.h"

#include "engine/buildrunner.h"
#include "engine/workspacebuildsettings.h"
#include "spec/workspace.h"
#include "store/historystore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace pw {

BuildActionRunner::BuildActionRunner(ActionContext context, HistoryStore* history, QObject* parent)
    : ActionRunner(std::move(context), parent), m_history(history) {}

bool BuildActionRunner::prepareRequest(BuildRequest& request) {
    const QString projectName = m_context.config(QStringLiteral("ProjectName"));
    const WorkspaceProject* project =
        m_context.workspace ? m_context.workspace->project(projectName) : nullptr;
    if (!project) {
        finish(ActionStatus::Failed,
               tr("CodeBuild project '%1' is not bound in .pipewright/workspace.yml (add it under "
                  "`projects`), so it cannot run locally.")
                   .arg(projectName));
        return false;
    }
    if (m_context.inputArtifacts.isEmpty()) {
        finish(ActionStatus::Failed, tr("a CodeBuild action needs an input artifact"));
        return false;
    }
    // PrimarySource names the input that holds the buildspec; the others are secondary sources.
    const QString primary = m_context.config(QStringLiteral("PrimarySource"));
    NamedPaths inputs = m_context.inputArtifacts;
    qsizetype primaryIndex = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i)
        if (inputs[i].first == primary)
            primaryIndex = i;
    request.sourceDirectory = inputs.takeAt(primaryIndex).second;
    for (const auto& [name, path] : inputs)
        request.secondarySources.append({name, path});
    const QString override = m_context.config(QStringLiteral("BuildspecOverride"));
    request.buildspecPath = override.isEmpty() ? project->buildspec : override;
    request.projectName = projectName;
    request.stateDirectory = m_context.stateDirectory;
    request.initiator = QStringLiteral("codepipeline/") + m_context.pipelineName;
    request.projectVariables = project->environmentVariables;
    request.buildTimeoutMs = qint64(project->timeoutMinutes) * 60 * 1000;
    applySecrets(m_context.workspace->secrets, m_context.workspaceRoot, request);
    const QJsonArray overrides =
        QJsonDocument::fromJson(m_context.config(QStringLiteral("EnvironmentVariables")).toUtf8())
            .array();
    for (const QJsonValue& v : overrides)
        request.overrideVariables.append(
            {v[QStringLiteral("name")].toString(), v[QStringLiteral("value")].toString()});
    if (m_history)
        request.buildNumber = m_history->nextBuildNumber(projectName);
    return true;
}

void BuildActionRunner::start() {
    BuildRequest request;
    if (!prepareRequest(request))
        return;
    m_build = new BuildRunner(request, this);
    connect(m_build, &BuildRunner::runEvent, this, [this](const RunEvent& e) {
        if (e.kind == RunEventKind::RunStarted) {
            m_buildId = e.runId;
            Q_EMIT externalRunStarted(e.runId);
        }
        if (m_history)
            m_history->record(e);
        Q_EMIT runEvent(e);
    });
    connect(m_build, &BuildRunner::finished, this, [this](RunStatus) { onBuildFinished(); });
    m_build->start();
}

void BuildActionRunner::stop() {
    m_stopped = true;
    if (m_build && m_build->isRunning())
        m_build->stop();
    finish(ActionStatus::Abandoned, tr("Stopped"), {}, {}, m_buildId);
}

void BuildActionRunner::onBuildFinished() {
    if (m_stopped)
        return;
    const BuildResult& result = m_build->result();
    if (m_history)
        m_history->recordResult(result);
    if (result.status != RunStatus::Succeeded) {
        finish(ActionStatus::Failed,
               tr("Build %1 ended %2").arg(result.id, runStatusName(result.status)), {}, {},
               result.id);
        return;
    }
    m_variables = result.exportedVariables;
    // The primary artifact feeds the first output artifact, a secondary artifact the output
    // artifact of the same name (CodePipeline maps them by identifier).
    for (qsizetype i = 0; i < m_context.outputArtifacts.size(); ++i) {
        const QString name = m_context.outputArtifacts[i];
        const qsizetype before = m_pendingZips.size();
        for (const ArtifactRecord& a : result.artifacts) {
            if ((i == 0 && a.primary) || (!a.primary && a.name == name)) {
                m_pendingZips.append({name, a.path});
                break;
            }
        }
        if (m_pendingZips.size() == before) {
            finish(
                ActionStatus::Failed,
                tr("Build %1 produced no artifact for output artifact '%2' (check the buildspec's "
                   "artifacts / secondary-artifacts)")
                    .arg(result.id, name),
                {}, {}, result.id);
            return;
        }
    }
    extractNext();
}

void BuildActionRunner::extractNext() {
    if (m_pendingZips.isEmpty()) {
        finish(ActionStatus::Succeeded, tr("Build %1 succeeded").arg(m_buildId), m_variables,
               m_outputs, m_buildId);
        return;
    }
    const auto next = m_pendingZips.takeFirst();
    const QString name = next.first;  // named copies: clang 14 cannot capture structured bindings
    const QString zip = next.second;
    const QString folder = QDir(m_context.artifactDirectory).filePath(name);
    QDir().mkpath(folder);
    auto* unzip = new QProcess(this);
    connect(unzip, &QProcess::finished, this,
            [this, unzip, name, folder](int code, QProcess::ExitStatus) {
                unzip->deleteLater();
                if (m_stopped)
                    return;
                if (code != 0) {
                    finish(ActionStatus::Failed,
                           tr("could not unpack artifact %1: %2")
                               .arg(name, QString::fromLocal8Bit(unzip->readAllStandardError())),
                           {}, {}, m_buildId);
                    return;
                }
                m_outputs.append({name, folder});
                extractNext();
            });
    unzip->start(QStringLiteral("unzip"),
                 {QStringLiteral("-q"), QStringLiteral("-o"), zip, QStringLiteral("-d"), folder});
}

}  // namespace pw
