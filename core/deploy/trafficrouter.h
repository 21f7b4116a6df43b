#pragma once

#include "deploy/targetstats.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace pw {

class ProxyConnection;

struct RouterTargetInfo {
    QString name;
    quint16 port = 0;
    int weight = 1;
    bool registered = false;  // AllowTraffic done, BlockTraffic not yet
    bool healthy = true;      // as the HealthChecker last said; true without one
    bool serving() const { return registered && healthy && weight > 0; }
};

// The deployment group's load balancer: an HTTP/1.1 reverse proxy on a loopback port that
// forwards each request to one registered, healthy target, chosen by smooth weighted round
// robin (so a 90/10 shift sends exactly 9 of every 10 requests to the first). Keep-alive on
// both sides, Content-Length and chunked bodies, event-driven on the thread it lives in.
// 502 when no target can take the request.
class TrafficRouter : public QObject {
    Q_OBJECT

public:
    explicit TrafficRouter(QObject* parent = nullptr);
    ~TrafficRouter() override;

    // Port 0 picks a free one. Errors come back as text.
    QString listen(quint16 port);
    quint16 port() const;
    void close();

    void addTarget(const QString& name, quint16 port, int weight = 1);
    void removeTarget(const QString& name);
    void setWeight(const QString& name, int weight);
    void registerTarget(const QString& name);    // AllowTraffic
    void deregisterTarget(const QString& name);  // BlockTraffic
    void setHealthy(const QString& name, bool healthy);
    QList<RouterTargetInfo> targets() const;
    bool isServing(const QString& name) const;

    const TargetStats* stats(const QString& name) const;
    const TargetStats& totals() const { return m_totals; }  // every response the router sent
    // The alarm's figure: 5xx share of all responses over the last window.
    double errorRate(qint64 windowMs) const;
    qint64 unrouted() const { return m_unrouted; }  // 502s for want of a healthy target

    // Milliseconds since the epoch; replaceable so tests can move time.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }
    // How long a target may take to answer before the client gets a 504.
    void setUpstreamTimeoutMs(int ms) { m_upstreamTimeoutMs = ms; }
    int upstreamTimeoutMs() const { return m_upstreamTimeoutMs; }

signals:
    void requestRouted(const QString& target, int status, qint64 latencyUs);

private:
    friend class ProxyConnection;

    struct Target {
        RouterTargetInfo info;
        int currentWeight = 0;  // smooth weighted round robin state
        TargetStats stats;
        QList<QTcpSocket*> idle;  // kept-alive upstream connections
    };

    void onNewConnection();
    // The next serving target, or empty.
    QString pickTarget();
    quint16 targetPort(const QString& name) const;
    QTcpSocket* takeUpstream(const QString& target, bool* reused);
    void returnUpstream(const QString& target, QTcpSocket* socket);
    void dropIdle(Target& target);
    void recordResponse(const QString& target, int status, qint64 latencyUs);

    QTcpServer* m_server = nullptr;
    QHash<QString, Target> m_targets;
    QStringList m_order;  // targets in the order added: ties go to the first
    TargetStats m_totals;
    qint64 m_unrouted = 0;
    int m_upstreamTimeoutMs = 30000;
    std::function<qint64()> m_clock;
};

}  // namespace pw
