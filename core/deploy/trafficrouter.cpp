#include "trafficrouter.h"

#include "deploy/deploylogging.h"
#include "deploy/httpmessageparser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace pw {

namespace {

constexpr int kMaxIdlePerTarget = 64;

QByteArray reasonPhrase(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 502:
            return "Bad Gateway";
        case 504:
            return "Gateway Timeout";
    }
    return "Error";
}

}  // namespace

// One client connection: parses its requests one at a time, forwards each to an upstream
// socket and streams the response back while finding where it ends. Not a Q_OBJECT: it only
// connects lambdas, with itself as the context so they die with it.
class ProxyConnection : public QObject {
public:
    ProxyConnection(TrafficRouter* router, QTcpSocket* client);

private:
    void onClientData();
    void processNext();
    void dispatch();
    void connectUpstream(bool allowReuse);
    void onUpstreamData();
    void onUpstreamLost();
    void onTimeout();
    void completeResponse(bool leftover);
    void failExchange(int status, const QByteArray& why);
    void finishExchange(bool keepClient);
    void detachUpstream(bool reusable);
    void closeClient();

    TrafficRouter* m_router;
    QTcpSocket* m_client;
    QByteArray m_in;       // client bytes not yet parsed
    QByteArray m_request;  // the complete request being forwarded
    HttpMessageParser m_req{HttpMessageParser::Kind::Request};
    HttpMessageParser m_resp{HttpMessageParser::Kind::Response};
    QTcpSocket* m_upstream = nullptr;
    QString m_target;
    QElapsedTimer m_elapsed;
    QTimer m_timeout;
    bool m_busy = false;
    bool m_closing = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_responseStarted = false;
};

ProxyConnection::ProxyConnection(TrafficRouter* router, QTcpSocket* client)
    : QObject(router), m_router(router), m_client(client) {
    client->setParent(this);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { onTimeout(); });
    connect(client, &QTcpSocket::readyRead, this, [this] { onClientData(); });
    connect(client, &QTcpSocket::disconnected, this, [this] {
        detachUpstream(false);
        deleteLater();
    });
}

void ProxyConnection::onClientData() {
    m_in.append(m_client->readAll());
    if (!m_busy && !m_closing)
        processNext();
}

// Pipelined requests wait in m_in until the one before has been answered.
void ProxyConnection::processNext() {
    while (!m_busy && !m_closing && !m_in.isEmpty()) {
        const qsizetype n = m_req.feed(m_in.constData(), m_in.size());
        m_request.append(m_in.constData(), n);
        m_in.remove(0, n);
        if (m_req.hasError()) {
            m_target.clear();
            failExchange(400, "malformed request");
            return;
        }
        if (!m_req.isDone())
            return;
        dispatch();
    }
}

void ProxyConnection::dispatch() {
    m_busy = true;
    m_retried = false;
    m_elapsed.start();
    m_target = m_router->pickTarget();
    if (m_target.isEmpty()) {
        ++m_router->m_unrouted;
        failExchange(502, "no healthy target is registered");
        return;
    }
    connectUpstream(true);
}

void ProxyConnection::connectUpstream(bool allowReuse) {
    m_reused = false;
    m_upstream = allowReuse ? m_router->takeUpstream(m_target, &m_reused) : nullptr;
    if (!m_upstream) {
        m_upstream = new QTcpSocket(this);
        // Socket options only stick once the socket exists; Nagle would add ~40 ms per hop.
        QTcpSocket* socket = m_upstream;
        connect(socket, &QTcpSocket::connected, socket,
                [socket] { socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        socket->connectToHost(QHostAddress::LocalHost, m_router->targetPort(m_target));
    }
    m_upstream->setParent(this);
    connect(m_upstream, &QTcpSocket::readyRead, this, [this] { onUpstreamData(); });
    connect(m_upstream, &QTcpSocket::disconnected, this, [this] { onUpstreamLost(); });
    connect(m_upstream, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::RemoteHostClosedError)
                    onUpstreamLost();
            });
    m_resp.reset();
    m_resp.setRequestMethod(m_req.method());
    m_responseStarted = false;
    m_upstream->write(m_request);  // buffered until connected
    m_timeout.start(m_router->upstreamTimeoutMs());
}

void ProxyConnection::onUpstreamData() {
    if (!m_upstream)
        return;
    QByteArray data = m_upstream->readAll();
    qsizetype offset = 0;
    while (offset < data.size() && m_upstream) {
        const qsizetype n = m_resp.feed(data.constData() + offset, data.size() - offset);
        if (n > 0) {
            m_client->write(data.constData() + offset, n);
            m_responseStarted = true;
            offset += n;
        }
        if (m_resp.hasError()) {
            detachUpstream(false);
            closeClient();
            return;
        }
        if (!m_resp.isDone())
            break;
        if (m_resp.status() >= 100 && m_resp.status() < 200 && m_resp.status() != 101) {
            m_resp.reset();  // 100 Continue: the real response follows
            m_resp.setRequestMethod(m_req.method());
            continue;
        }
        completeResponse(offset < data.size());
        return;
    }
}

void ProxyConnection::onUpstreamLost() {
    if (!m_upstream)
        return;
    if (m_resp.state() == HttpMessageParser::State::Body && m_resp.bodyEndsAtClose()) {
        onUpstreamData();  // anything still buffered
        if (!m_upstream)
            return;
        m_resp.finishOnClose();
        completeResponse(false);
        return;
    }
    if (!m_responseStarted && m_reused && !m_retried) {
        // A kept-alive connection the target had already closed: try once on a fresh one.
        m_retried = true;
        detachUpstream(false);
        connectUpstream(false);
        return;
    }
    const QString error = m_upstream->errorString();
    detachUpstream(false);
    if (m_responseStarted) {
        m_router->recordResponse(m_target, 502, m_elapsed.nsecsElapsed() / 1000);
        closeClient();
        return;
    }
    qCDebug(lcDeploy) << "router: target" << m_target << "failed:" << error;
    failExchange(502, "target " + m_target.toUtf8() + " failed: " + error.toUtf8());
}

void ProxyConnection::onTimeout() {
    if (!m_upstream)
        return;
    const bool started = m_responseStarted;
    detachUpstream(false);
    if (started) {
        m_router->recordResponse(m_target, 504, m_elapsed.nsecsElapsed() / 1000);
        closeClient();
        return;
    }
    failExchange(504, "target " + m_target.toUtf8() + " did not answer in time");
}

void ProxyConnection::completeResponse(bool leftover) {
    m_router->recordResponse(m_target, m_resp.status(), m_elapsed.nsecsElapsed() / 1000);
    const bool framed = !m_resp.bodyEndsAtClose();
    detachUpstream(framed && m_resp.keepAlive() && !leftover);
    finishExchange(framed && m_resp.keepAlive() && m_req.keepAlive());
}

// Answers the client from the router itself (502, 504, 400).
void ProxyConnection::failExchange(int status, const QByteArray& why) {
    m_router->recordResponse(m_target, status,
                             m_elapsed.isValid() ? m_elapsed.nsecsElapsed() / 1000 : 0);
    const bool keep = status != 400 && m_req.keepAlive();
    const QByteArray body = "pipewright router: " + why + "\n";
    m_client->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
        "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: " + (keep ? "keep-alive" : "close") + "\r\n\r\n" + body);
    finishExchange(keep);
}

void ProxyConnection::finishExchange(bool keepClient) {
    m_busy = false;
    m_request.clear();
    m_req.reset();
    m_timeout.stop();
    if (!keepClient) {
        closeClient();
        return;
    }
    processNext();
}

void ProxyConnection::detachUpstream(bool reusable) {
    m_timeout.stop();
    if (!m_upstream)
        return;
    QTcpSocket* socket = m_upstream;
    m_upstream = nullptr;
    socket->disconnect(this);
    if (reusable && socket->state() == QAbstractSocket::ConnectedState) {
        m_router->returnUpstream(m_target, socket);
        return;
    }
    socket->abort();
    socket->deleteLater();
}

void ProxyConnection::closeClient() {
    m_closing = true;
    m_busy = false;
    m_client->disconnectFromHost();  // flushes what was written first
}

TrafficRouter::TrafficRouter(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    connect(m_server, &QTcpServer::newConnection, this, &TrafficRouter::onNewConnection);
}

TrafficRouter::~TrafficRouter() {
    close();
}

QString TrafficRouter::listen(quint16 port) {
    if (m_server->listen(QHostAddress::LocalHost, port))
        return {};
    return QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
        .arg(port)
        .arg(m_server->errorString());
}

quint16 TrafficRouter::port() const {
    return m_server->serverPort();
}

void TrafficRouter::close() {
    m_server->close();
    for (Target& target : m_targets)
        dropIdle(target);
}

void TrafficRouter::onNewConnection() {
    while (QTcpSocket* client = m_server->nextPendingConnection())
        new ProxyConnection(this, client);
}

void TrafficRouter::addTarget(const QString& name, quint16 port, int weight) {
    if (!m_targets.contains(name))
        m_order.append(name);
    Target& target = m_targets[name];
    dropIdle(target);
    target.info.name = name;
    target.info.port = port;
    target.info.weight = weight;
}

void TrafficRouter::removeTarget(const QString& name) {
    auto it = m_targets.find(name);
    if (it == m_targets.end())
        return;
    dropIdle(*it);
    m_targets.erase(it);
    m_order.removeAll(name);
}

// Changing the split restarts the round robin, so the new ratio holds from the next request.
void TrafficRouter::setWeight(const QString& name, int weight) {
    auto it = m_targets.find(name);
    if (it == m_targets.end())
        return;
    it->info.weight = std::max(0, weight);
    for (Target& target : m_targets)
        target.currentWeight = 0;
}

void TrafficRouter::registerTarget(const QString& name) {
    if (auto it = m_targets.find(name); it != m_targets.end())
        it->info.registered = true;
}

// In-flight requests finish; new ones go elsewhere.
void TrafficRouter::deregisterTarget(const QString& name) {
    if (auto it = m_targets.find(name); it != m_targets.end()) {
        it->info.registered = false;
        dropIdle(*it);
    }
}

void TrafficRouter::setHealthy(const QString& name, bool healthy) {
    if (auto it = m_targets.find(name); it != m_targets.end())
        it->info.healthy = healthy;
}

quint16 TrafficRouter::targetPort(const QString& name) const {
    auto it = m_targets.find(name);
    return it == m_targets.end() ? 0 : it->info.port;
}

QList<RouterTargetInfo> TrafficRouter::targets() const {
    QList<RouterTargetInfo> list;
    for (const QString& name : m_order)
        list.append(m_targets.value(name).info);
    return list;
}

bool TrafficRouter::isServing(const QString& name) const {
    auto it = m_targets.find(name);
    return it != m_targets.end() && it->info.serving();
}

const TargetStats* TrafficRouter::stats(const QString& name) const {
    auto it = m_targets.find(name);
    return it == m_targets.end() ? nullptr : &it->stats;
}

double TrafficRouter::errorRate(qint64 windowMs) const {
    return m_totals.errorRate(windowMs, now());
}

// nginx's smooth weighted round robin: exact ratios, interleaved rather than in bursts.
QString TrafficRouter::pickTarget() {
    Target* best = nullptr;
    int total = 0;
    for (const QString& name : std::as_const(m_order)) {
        Target& target = m_targets[name];
        if (!target.info.serving())
            continue;
        target.currentWeight += target.info.weight;
        total += target.info.weight;
        if (!best || target.currentWeight > best->currentWeight)
            best = &target;
    }
    if (!best)
        return {};
    best->currentWeight -= total;
    return best->info.name;
}

QTcpSocket* TrafficRouter::takeUpstream(const QString& name, bool* reused) {
    auto it = m_targets.find(name);
    if (it == m_targets.end())
        return nullptr;
    while (!it->idle.isEmpty()) {
        QTcpSocket* socket = it->idle.takeLast();
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState) {
            *reused = true;
            return socket;
        }
        socket->deleteLater();
    }
    return nullptr;
}

void TrafficRouter::returnUpstream(const QString& name, QTcpSocket* socket) {
    auto it = m_targets.find(name);
    if (it == m_targets.end() || !it->info.serving() || it->idle.size() >= kMaxIdlePerTarget) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    it->idle.append(socket);
    // An idle connection that closes or talks out of turn is of no further use.
    const auto discard = [this, name, socket] {
        if (auto t = m_targets.find(name); t != m_targets.end())
            t->idle.removeAll(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    };
    connect(socket, &QTcpSocket::disconnected, this, discard);
    connect(socket, &QTcpSocket::readyRead, this, discard);
}

void TrafficRouter::dropIdle(Target& target) {
    for (QTcpSocket* socket : std::as_const(target.idle)) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    target.idle.clear();
}

void TrafficRouter::recordResponse(const QString& name, int status, qint64 latencyUs) {
    const qint64 t = now();
    m_totals.record(status, latencyUs, t);
    if (auto it = m_targets.find(name); it != m_targets.end())
        it->stats.record(status, latencyUs, t);
    emit requestRouted(name, status, latencyUs);
}

}  // namespace pw
