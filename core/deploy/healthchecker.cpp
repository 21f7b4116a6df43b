#include "healthchecker.h"

#include "deploy/deploylogging.h"
#include "spec/workspace.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

namespace pw {

HealthCheckSettings HealthCheckSettings::fromWorkspace(const HealthCheck& check) {
    HealthCheckSettings s;
    s.path = check.path;
    s.expectedStatus = check.expectedStatus;
    s.intervalMs = check.intervalSeconds * 1000;
    s.timeoutMs = std::min(s.intervalMs, 5000);
    s.healthyThreshold = check.healthyThreshold;
    s.unhealthyThreshold = check.unhealthyThreshold;
    return s;
}

HealthChecker::HealthChecker(HealthCheckSettings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)) {}

HealthChecker::~HealthChecker() {
    for (const QString& name : m_targets.keys())
        removeTarget(name);
}

void HealthChecker::addTarget(const QString& name, quint16 port) {
    removeTarget(name);
    Target& target = m_targets[name];
    target.port = port;
    target.timer = new QTimer(this);
    target.timer->setInterval(m_settings.intervalMs);
    connect(target.timer, &QTimer::timeout, this, [this, name] { probe(name); });
    target.timer->start();
    emit healthChanged(name, false);
    probe(name);
}

void HealthChecker::removeTarget(const QString& name) {
    auto it = m_targets.find(name);
    if (it == m_targets.end())
        return;
    delete it->timer;
    if (it->socket) {
        it->socket->disconnect(this);
        it->socket->abort();
        it->socket->deleteLater();
    }
    m_targets.erase(it);
}

bool HealthChecker::isHealthy(const QString& name) const {
    return m_targets.value(name).healthy;
}

int HealthChecker::probes(const QString& name) const {
    return m_targets.value(name).probes;
}

// One probe at a time per target; a probe still running when the next is due counts as a
// timeout, like an ELB check that outlives its timeout.
void HealthChecker::probe(const QString& name) {
    auto it = m_targets.find(name);
    if (it == m_targets.end() || it->socket)
        return;
    auto* socket = new QTcpSocket(this);
    it->socket = socket;
    it->response.clear();
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        socket->write("GET " + m_settings.path.toUtf8() +
                      " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: pipewright-health-check\r\n"
                      "Connection: close\r\n\r\n");
    });
    connect(socket, &QTcpSocket::readyRead, this, [this, name] { onProbeData(name); });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [this, name, socket] { conclude(name, false, socket->errorString()); });
    QTimer::singleShot(m_settings.timeoutMs, socket, [this, name, socket] {
        if (m_targets.value(name).socket == socket)
            conclude(name, false,
                     QStringLiteral("timed out after %1 ms").arg(m_settings.timeoutMs));
    });
    socket->connectToHost(QHostAddress::LocalHost, it->port);
}

void HealthChecker::onProbeData(const QString& name) {
    auto it = m_targets.find(name);
    if (it == m_targets.end() || !it->socket)
        return;
    it->response.append(it->socket->readAll());
    const qsizetype eol = it->response.indexOf("\r\n");
    if (eol < 0)
        return;
    const QList<QByteArray> parts = it->response.left(eol).split(' ');
    const int status = parts.size() > 1 ? parts.at(1).toInt() : 0;
    conclude(name, status == m_settings.expectedStatus, QStringLiteral("HTTP %1").arg(status));
}

void HealthChecker::conclude(const QString& name, bool passed, const QString& detail) {
    auto it = m_targets.find(name);
    if (it == m_targets.end() || !it->socket)
        return;
    QTcpSocket* socket = it->socket;
    it->socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    ++it->probes;
    it->passes = passed ? it->passes + 1 : 0;
    it->failures = passed ? 0 : it->failures + 1;
    emit probed(name, passed, detail);
    if (!it->healthy && it->passes >= m_settings.healthyThreshold) {
        it->healthy = true;
        qCInfo(lcDeploy) << "target" << name << "is healthy";
        emit healthChanged(name, true);
    } else if (it->healthy && it->failures >= m_settings.unhealthyThreshold) {
        it->healthy = false;
        qCInfo(lcDeploy) << "target" << name << "is unhealthy:" << detail;
        emit healthChanged(name, false);
    }
}

}  // namespace pw
