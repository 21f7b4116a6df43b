#include "deployactionrunner.h"

#include "deploy/deploymentengine.h"
#include "deploy/deploymentgroupruntime.h"
#include "spec/workspace.h"

namespace pw {

DeployActionRunner::DeployActionRunner(ActionContext context, QObject* parent)
    : ActionRunner(std::move(context), parent) {}

QString DeployActionRunner::runtimeName(const QString& application, const QString& group) {
    return application + QLatin1Char('/') + group;
}

DeploymentGroupRuntime* DeployActionRunner::hostedRuntime(const QObject* object,
                                                          const QString& application,
                                                          const QString& group) {
    const QString name = runtimeName(application, group);
    for (const QObject* o = object; o; o = o->parent())
        if (auto* runtime = o->findChild<DeploymentGroupRuntime*>(name, Qt::FindDirectChildrenOnly))
            return runtime;
    return nullptr;
}

void DeployActionRunner::start() {
    const QString application = m_context.config(QStringLiteral("ApplicationName"));
    const QString group = m_context.config(QStringLiteral("DeploymentGroupName"));
    const WorkspaceApplication* app =
        m_context.workspace ? m_context.workspace->application(application) : nullptr;
    if (!app || !app->group(group)) {
        finish(ActionStatus::Failed,
               tr("CodeDeploy deployment group '%1' of application '%2' is not bound in "
                  ".pipewright/workspace.yml (add it under `applications`), so it cannot run "
                  "locally.")
                   .arg(group, application));
        return;
    }
    if (m_context.inputArtifacts.isEmpty()) {
        finish(ActionStatus::Failed, tr("a CodeDeploy action needs an input artifact"));
        return;
    }
    DeploymentRequest request;
    request.workspaceRoot = m_context.workspaceRoot;
    request.stateDir = m_context.stateDirectory;
    request.application = application;
    request.group = group;
    // CodePipeline deploys the action's one input artifact as the revision.
    request.revisionPath = m_context.inputArtifacts.constFirst().second;
    request.creator = QStringLiteral("CodePipeline");
    m_engine = new DeploymentEngine(request, hostedRuntime(this, application, group), this);
    connect(m_engine, &DeploymentEngine::runEvent, this, [this](const RunEvent& e) {
        if (e.kind == RunEventKind::RunStarted)
            Q_EMIT externalRunStarted(e.runId);
        Q_EMIT runEvent(e);
    });
    connect(m_engine, &DeploymentEngine::finished, this, &DeployActionRunner::onFinished);
    m_engine->start();
}

void DeployActionRunner::stop() {
    m_stopped = true;
    if (m_engine && !m_engine->state().isFinished()) {
        // The engine ends running scripts (SIGTERM to their group) and then finishes Stopped;
        // the action ends Abandoned at that point, so no script outlives it.
        m_engine->stop();
        return;
    }
    finish(ActionStatus::Abandoned, tr("Stopped"), {}, {},
           m_engine ? m_engine->state().deploymentId : QString());
}

void DeployActionRunner::onFinished() {
    const DeploymentState& s = m_engine->state();
    if (m_stopped) {
        finish(ActionStatus::Abandoned,
               tr("Stopped: deployment %1 ended %2").arg(s.deploymentId, s.status), {}, {},
               s.deploymentId);
        return;
    }
    if (s.status == QLatin1String("Succeeded")) {
        finish(ActionStatus::Succeeded, tr("Deployment %1 succeeded").arg(s.deploymentId), {}, {},
               s.deploymentId);
        return;
    }
    QString summary = tr("Deployment %1 ended %2").arg(s.deploymentId, s.status);
    if (!s.errorMessage.isEmpty())
        summary += QStringLiteral(": ") + s.errorMessage;
    finish(ActionStatus::Failed, summary, {}, {}, s.deploymentId);
}

}  // namespace pw
