#pragma once

#include "engine/pipeline/actionrunner.h"

namespace pw {

class DeploymentEngine;
class DeploymentGroupRuntime;

// Deploy actions with the CodeDeploy provider run the local deployment engine on the group
// bound by ApplicationName / DeploymentGroupName (workspace.yml `applications`), with the
// action's input artifact folder as the revision and creator "CodePipeline".
//
// A long-lived host (`pipewright-cli watch`, the app) keeps each group's router serving
// between executions by parenting a DeploymentGroupRuntime named runtimeName(app, group) to
// an ancestor of the runner (the pipeline controller); the deployment then uses it. Without
// one the engine makes its own for the duration of the deployment.
class DeployActionRunner : public ActionRunner {
    Q_OBJECT
public:
    explicit DeployActionRunner(ActionContext context, QObject* parent = nullptr);
    void start() override;
    void stop() override;

    static QString runtimeName(const QString& application, const QString& group);
    // The runtime hosted for the group by `object` or one of its ancestors, else null.
    static DeploymentGroupRuntime* hostedRuntime(const QObject* object, const QString& application,
                                                 const QString& group);

private:
    void onFinished();

    DeploymentEngine* m_engine = nullptr;
    bool m_stopped = false;
};

}  // namespace pw
