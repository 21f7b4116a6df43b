#include "deploy/healthchecker.h"
#include "deploy/httpmessageparser.h"
#include "deploy/targetstats.h"
#include "deploy/trafficrouter.h"
#include "testbackend.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QtNetwork/QTcpSocket>

using namespace pw;
using pw::test::TestBackend;

namespace {

struct Response {
    int status = 0;
    QByteArray raw;
    QByteArray body;  // after the head, still chunk-encoded if it was
    bool complete = false;
};

// A client on its own connection; waits with the event loop running, since the router and
// the backends live on this same thread.
class Client {
public:
    explicit Client(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    Response send(const QByteArray& request, int timeoutMs = 5000) {
        Response r;
        HttpMessageParser parser(HttpMessageParser::Kind::Response);
        QList<QByteArray> lines = request.split(' ');
        parser.setRequestMethod(lines.value(0));
        m_socket.write(request);
        // A real event loop, not qWaitFor's 10 ms naps: each request crosses several sockets.
        QEventLoop loop;
        const auto check = [&] {
            m_buffer.append(m_socket.readAll());
            const qsizetype n = parser.feed(m_buffer.constData(), m_buffer.size());
            r.raw.append(m_buffer.left(n));
            m_buffer.remove(0, n);
            if (m_socket.state() == QAbstractSocket::UnconnectedState && !parser.isDone())
                parser.finishOnClose();
            if (parser.isDone() || parser.hasError())
                loop.quit();
        };
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &loop, check);
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &loop, check);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        check();
        if (!parser.isDone() && !parser.hasError())
            loop.exec();
        r.complete = parser.isDone();
        r.status = parser.status();
        r.body = r.raw.mid(r.raw.indexOf("\r\n\r\n") + 4);
        return r;
    }

    Response get(const QByteArray& path = "/") {
        return send("GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n");
    }

    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

}  // namespace

class TestTrafficRouter : public QObject {
    Q_OBJECT

    std::unique_ptr<TrafficRouter> m_router;
    std::unique_ptr<TestBackend> m_a, m_b;

    void addBackend(const QString& name, TestBackend* backend, int weight = 1) {
        m_router->addTarget(name, backend->port(), weight);
        m_router->registerTarget(name);
    }

private slots:
    void init() {
        m_router = std::make_unique<TrafficRouter>();
        QCOMPARE(m_router->listen(0), QString());
        m_a = std::make_unique<TestBackend>("A");
        m_b = std::make_unique<TestBackend>("B");
        QVERIFY(m_a->listen());
        QVERIFY(m_b->listen());
    }

    void cleanup() {
        m_router.reset();
        m_a.reset();
        m_b.reset();
    }

    void parserFramesPipelinedAndSplitRequests() {
        HttpMessageParser p(HttpMessageParser::Kind::Request);
        const QByteArray two =
            "POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /y HTTP/1.1\r\n\r\n";
        // Fed one byte at a time: the head terminator straddles reads.
        qsizetype used = 0;
        while (!p.isDone())
            used += p.feed(two.constData() + used, 1);
        QCOMPARE(used, two.indexOf("GET"));
        QCOMPARE(p.method(), QByteArray("POST"));
        p.reset();
        QCOMPARE(p.feed(two.constData() + used, two.size() - used), two.size() - used);
        QVERIFY(p.isDone());
        QCOMPARE(p.target(), QByteArray("/y"));
    }

    void parserChunkedTrailersHeadAndClose() {
        HttpMessageParser p(HttpMessageParser::Kind::Response);
        const QByteArray chunked =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            "4;ext=1\r\nabcd\r\n0\r\nX-Trailer: 1\r\n\r\nNEXT";
        QCOMPARE(p.feed(chunked.constData(), chunked.size()), chunked.size() - 4);
        QVERIFY(p.isDone());

        HttpMessageParser head(HttpMessageParser::Kind::Response);
        head.setRequestMethod("HEAD");
        const QByteArray h = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";
        QCOMPARE(head.feed(h.constData(), h.size()), h.size());
        QVERIFY(head.isDone());

        HttpMessageParser old(HttpMessageParser::Kind::Response);
        const QByteArray o = "HTTP/1.0 200 OK\r\n\r\nuntil close";
        old.feed(o.constData(), o.size());
        QVERIFY(!old.isDone());
        QVERIFY(!old.keepAlive());
        old.finishOnClose();
        QVERIFY(old.isDone());

        HttpMessageParser bad(HttpMessageParser::Kind::Request);
        const QByteArray b = "NONSENSE\r\n\r\n";
        bad.feed(b.constData(), b.size());
        QVERIFY(bad.hasError());
    }

    void statsPercentilesAndWindow() {
        TargetStats s;
        for (int ms = 1; ms <= 100; ++ms)
            s.record(ms == 100 ? 503 : 200, ms * 1000, 10'000);
        QVERIFY(qAbs(s.latencyPercentileUs(0.5) - 50'000) <= 2'000);
        QVERIFY(qAbs(s.latencyPercentileUs(0.99) - 99'000) <= 4'000);
        QCOMPARE(s.errors(), 1);
        QCOMPARE(s.errorRate(60'000, 10'500), 0.01);
        QCOMPARE(s.errorRate(60'000, 200'000), 0.0);  // the window moved on
        s.record(500, 1000, 200'000);
        QCOMPARE(s.errorRate(60'000, 200'000), 1.0);
        QCOMPARE(s.requestsInWindow(60'000, 200'000), 1);
    }

    void forwardsWithKeepAliveOnBothSides() {
        addBackend(QStringLiteral("a"), m_a.get());
        Client client(m_router->port());
        for (int i = 0; i < 3; ++i) {
            const Response r = client.get();
            QVERIFY(r.complete);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("A"));
        }
        QVERIFY(client.connected());
        QCOMPARE(m_a->requests, 3);
        QCOMPARE(m_a->connections, 1);  // the upstream connection was reused
        QCOMPARE(m_router->stats(QStringLiteral("a"))->requests(), 3);
    }

    void badGatewayWithoutHealthyTarget() {
        Client client(m_router->port());
        QCOMPARE(client.get().status, 502);
        m_router->addTarget(QStringLiteral("a"), m_a->port());
        QCOMPARE(client.get().status, 502);  // not registered yet
        m_router->registerTarget(QStringLiteral("a"));
        m_router->setHealthy(QStringLiteral("a"), false);
        QCOMPARE(client.get().status, 502);
        QVERIFY(client.connected());  // a 502 keeps the connection
        m_router->setHealthy(QStringLiteral("a"), true);
        QCOMPARE(client.get().status, 200);
        QCOMPARE(m_router->unrouted(), 3);
        QCOMPARE(m_a->requests, 1);
    }

    void weightedSplitOfRealRequests() {
        addBackend(QStringLiteral("blue"), m_a.get(), 90);
        addBackend(QStringLiteral("green"), m_b.get(), 10);
        Client client(m_router->port());
        QList<QByteArray> seen;
        for (int i = 0; i < 100; ++i)
            seen.append(client.get().body);
        QCOMPARE(seen.count("A"), 90);
        QCOMPARE(seen.count("B"), 10);
        QCOMPARE(m_b->requests, 10);
        // Smooth: the ten green requests are spread out, not in one burst.
        QVERIFY(seen.indexOf("B") < 15);

        m_router->setWeight(QStringLiteral("blue"), 50);
        m_router->setWeight(QStringLiteral("green"), 50);
        seen.clear();
        for (int i = 0; i < 10; ++i)
            seen.append(client.get().body);
        QCOMPARE(seen.count("B"), 5);
    }

    void deregisterDrainsToTheOthers() {
        addBackend(QStringLiteral("a"), m_a.get());
        addBackend(QStringLiteral("b"), m_b.get());
        Client client(m_router->port());
        client.get();
        client.get();
        QCOMPARE(m_b->requests, 1);
        m_router->deregisterTarget(QStringLiteral("b"));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(client.get().body, QByteArray("A"));
        QCOMPARE(m_b->requests, 1);
        QVERIFY(!m_router->isServing(QStringLiteral("b")));
    }

    void chunkedBodiesBothWays() {
        m_a->chunked = true;
        addBackend(QStringLiteral("a"), m_a.get());
        Client client(m_router->port());
        const QByteArray body = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        const Response r = client.send(
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QVERIFY(r.raw.contains("Transfer-Encoding: chunked"));
        QVERIFY(r.body.endsWith("0\r\n\r\n"));
        // The backend echoed the raw chunked request body inside its own chunks.
        QVERIFY(r.body.contains("hello\r\n6\r"));
        // A Content-Length body with a pipelined request right behind it.
        m_a->chunked = false;
        const Response p = client.send("POST /e HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        QCOMPARE(p.body, QByteArray("abc"));
        QCOMPARE(m_a->requests, 2);
    }

    void countsErrorsForTheAlarm() {
        qint64 now = 1'000'000;
        m_router->setClock([&now] { return now; });
        addBackend(QStringLiteral("a"), m_a.get());
        Client client(m_router->port());
        for (int i = 0; i < 3; ++i)
            client.get();
        m_a->status = 500;
        QCOMPARE(client.get().status, 500);
        QCOMPARE(m_router->stats(QStringLiteral("a"))->errors(), 1);
        QCOMPARE(m_router->errorRate(60'000), 0.25);
        now += 120'000;
        QCOMPARE(m_router->errorRate(60'000), 0.0);
        QVERIFY(m_router->stats(QStringLiteral("a"))->latencyPercentileUs(0.5) > 0);
    }

    void deadTargetIsA502AgainstIt() {
        const quint16 dead = m_b->port();
        m_b->close();
        m_router->addTarget(QStringLiteral("dead"), dead);
        m_router->registerTarget(QStringLiteral("dead"));
        Client client(m_router->port());
        const Response r = client.get();
        QCOMPARE(r.status, 502);
        QVERIFY(r.body.contains("dead"));
        QCOMPARE(m_router->stats(QStringLiteral("dead"))->errors(), 1);
    }

    void retriesAKeptAliveConnectionTheTargetClosed() {
        m_a->closeAfterMs = 20;
        addBackend(QStringLiteral("a"), m_a.get());
        Client client(m_router->port());
        QCOMPARE(client.get().status, 200);
        QTest::qWait(100);
        QCOMPARE(client.get().status, 200);
        QCOMPARE(m_a->connections, 2);
        QCOMPARE(m_router->stats(QStringLiteral("a"))->errors(), 0);
    }

    void upstreamTimeoutIsA504() {
        m_a->silent = true;
        m_router->setUpstreamTimeoutMs(150);
        addBackend(QStringLiteral("a"), m_a.get());
        Client client(m_router->port());
        QCOMPARE(client.get().status, 504);
        m_a->silent = false;
        QCOMPARE(client.get().status, 200);
    }

    void measuresLatency() {
        m_a->delayMs = 30;
        addBackend(QStringLiteral("a"), m_a.get());
        Client client(m_router->port());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.get().status, 200);
        const qint64 p50 = m_router->stats(QStringLiteral("a"))->latencyPercentileUs(0.5);
        QVERIFY2(p50 >= 29'000 && p50 < 1'000'000, qPrintable(QString::number(p50)));
    }

    void healthChecksGateTraffic() {
        HealthCheckSettings settings;
        settings.path = QStringLiteral("/health");
        settings.intervalMs = 40;
        settings.timeoutMs = 200;
        settings.healthyThreshold = 2;
        settings.unhealthyThreshold = 3;
        HealthChecker checker(settings);
        connect(&checker, &HealthChecker::healthChanged, m_router.get(),
                &TrafficRouter::setHealthy);
        QSignalSpy changes(&checker, &HealthChecker::healthChanged);
        addBackend(QStringLiteral("a"), m_a.get());
        checker.addTarget(QStringLiteral("a"), m_a->port());
        QVERIFY(!m_router->isServing(QStringLiteral("a")));  // gated until it passes
        QTRY_VERIFY_WITH_TIMEOUT(checker.isHealthy(QStringLiteral("a")), 3000);
        QVERIFY(checker.probes(QStringLiteral("a")) >= 2);
        QVERIFY(m_router->isServing(QStringLiteral("a")));
        Client client(m_router->port());
        QCOMPARE(client.get().status, 200);

        m_a->healthStatus = 503;
        const int before = checker.probes(QStringLiteral("a"));
        QTRY_VERIFY_WITH_TIMEOUT(!checker.isHealthy(QStringLiteral("a")), 3000);
        QVERIFY(checker.probes(QStringLiteral("a")) - before >= 3);
        QCOMPARE(client.get().status, 502);
        QCOMPARE(changes.size(), 3);  // false (added), true, false
    }

    void healthCheckOnADeadPortNeverPasses() {
        const quint16 dead = m_b->port();
        m_b->close();
        HealthCheckSettings settings;
        settings.intervalMs = 30;
        settings.healthyThreshold = 1;
        HealthChecker checker(settings);
        QSignalSpy probed(&checker, &HealthChecker::probed);
        checker.addTarget(QStringLiteral("dead"), dead);
        QTRY_VERIFY_WITH_TIMEOUT(probed.size() >= 3, 3000);
        QVERIFY(!checker.isHealthy(QStringLiteral("dead")));
        QVERIFY(!probed.first().at(1).toBool());
    }
};

QTEST_GUILESS_MAIN(TestTrafficRouter)
#include "tst_trafficrouter.moc"
