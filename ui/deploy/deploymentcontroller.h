#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace pw {

class DeploymentEngine;
class DeploymentGroupPage;
class DeploymentGroupRuntime;
struct DeploymentRequest;
struct DeploymentState;

// Runs deployments of one group for the app and feeds its page: owns the group's runtime (so
// the router keeps serving between deployments) and the engine of the deployment in flight,
// and answers the page's Redeploy and Rollback buttons.
class DeploymentController : public QObject {
    Q_OBJECT
public:
    DeploymentController(const QString& workspaceRoot, const QString& application,
                         const QString& group, DeploymentGroupPage* page,
                         QObject* parent = nullptr);
    ~DeploymentController() override;

    // Reads the group's binding from workspace.yml, starts its router and shows the history.
    // Returns an error text, empty on success.
    QString open();
    bool deploy(const QString& revisionPath, const QString& configName = {});
    bool redeploy(const QString& revisionId);
    bool rollback();
    void stop();
    void continueDeployment();
    bool isRunning() const;

    QString stateDir() const;
    DeploymentGroupRuntime* runtime() const { return m_runtime.get(); }
    DeploymentEngine* engine() const { return m_engine; }

signals:
    void started();
    void finished(const pw::DeploymentState& state);

private:
    DeploymentRequest request() const;
    bool start(const DeploymentRequest& request);
    void onFinished(const DeploymentState& state);
    void reloadHistory();

    QString m_root;
    QString m_application;
    QString m_group;
    DeploymentGroupPage* m_page;
    std::unique_ptr<DeploymentGroupRuntime> m_runtime;
    DeploymentEngine* m_engine = nullptr;
    bool m_running = false;
};

}  // namespace pw
