#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QTcpSocket;
class QTimer;

namespace pw {

struct HealthCheck;

// What to probe and how often; milliseconds so tests need not wait whole seconds.
struct HealthCheckSettings {
    QString path = QStringLiteral("/");
    int expectedStatus = 200;
    int intervalMs = 5000;
    int timeoutMs = 2000;
    int healthyThreshold = 2;    // consecutive passes to become healthy
    int unhealthyThreshold = 2;  // consecutive failures to become unhealthy

    static HealthCheckSettings fromWorkspace(const HealthCheck& check);
};

// Probes targets on loopback with plain HTTP GETs, like a target group's health check: a
// target starts unhealthy, turns healthy after `healthyThreshold` passes in a row and
// unhealthy again after `unhealthyThreshold` failures. One raw socket per probe, all on this
// thread. Connect healthChanged to TrafficRouter::setHealthy to gate traffic.
class HealthChecker : public QObject {
    Q_OBJECT

public:
    explicit HealthChecker(HealthCheckSettings settings, QObject* parent = nullptr);
    ~HealthChecker() override;

    // Starts probing at once; emits healthChanged(name, false) so the target is gated until
    // it has passed.
    void addTarget(const QString& name, quint16 port);
    void removeTarget(const QString& name);
    bool isHealthy(const QString& name) const;
    int probes(const QString& name) const;  // probes completed so far
    const HealthCheckSettings& settings() const { return m_settings; }

signals:
    void healthChanged(const QString& name, bool healthy);
    void probed(const QString& name, bool passed, const QString& detail);

private:
    struct Target {
        quint16 port = 0;
        bool healthy = false;
        int passes = 0;
        int failures = 0;
        int probes = 0;
        QTimer* timer = nullptr;
        QTcpSocket* socket = nullptr;
        QByteArray response;
    };

    void probe(const QString& name);
    void onProbeData(const QString& name);
    void conclude(const QString& name, bool passed, const QString& detail);

    HealthCheckSettings m_settings;
    QHash<QString, Target> m_targets;
};

}  // namespace pw
