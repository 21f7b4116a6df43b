#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace pw {

class HealthChecker;
class TrafficRouter;
struct WorkspaceDeploymentGroup;

// What outlives a single deployment of a group: its load balancer (the TrafficRouter on the
// group's port) and the health checks of its instances. Deployments register / deregister
// instances through it (AllowTraffic / BlockTraffic) and set blue/green weights; whoever
// hosts it (the app, `pipewright-cli watch`, or a one-shot `deploy`) keeps the port serving.
// On start it restores the registrations the last deployment left (from the state dir), so a
// restarted host serves the same fleet again.
class DeploymentGroupRuntime : public QObject {
    Q_OBJECT
public:
    DeploymentGroupRuntime(const QString& stateDir, const QString& application,
                           const WorkspaceDeploymentGroup& group, QObject* parent = nullptr);
    ~DeploymentGroupRuntime() override;

    // Listens on the group's load-balancer port (no-op without one). Errors come back as text.
    QString start();
    void close();
    bool hasLoadBalancer() const;

    TrafficRouter* router() const;         // null without a load balancer
    HealthChecker* healthChecker() const;  // null without a load balancer

    // AllowTraffic / BlockTraffic; persisted so a restarted host serves the same instances.
    void registerInstance(const QString& name);
    void deregisterInstance(const QString& name);
    bool isRegistered(const QString& name) const;
    // Blue/green: percent (0..100) of requests that go to the replacement fleet.
    void setReplacementShare(int percent);
    int replacementShare() const;
    // Blue/green: which instances setReplacementShare() weighs as the replacement fleet; the
    // others share the rest. Empty (the default): every registered instance weighs the same.
    void setReplacementFleet(const QStringList& names);
    QStringList replacementFleet() const;
    // Restarts the instance's health probing at once (AllowTraffic need not wait an interval).
    void probeNow(const QString& name);

Q_SIGNALS:
    void healthChanged(const QString& instance, bool healthy);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace pw
