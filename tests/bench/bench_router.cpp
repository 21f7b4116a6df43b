// Router overhead: requests/s and p99 latency through pw::TrafficRouter versus calling the
// backend directly, measured by `wrk` (a real load generator). The backend and the router
// each run on their own thread, as they would in separate processes.
//   bench_router [seconds=5] [connections=16]
#include "../core/deploy/testbackend.h"
#include "deploy/trafficrouter.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace pw;

namespace {

struct WrkResult {
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    QString raw;
};

double toMs(const QString& value, const QString& unit) {
    const double v = value.toDouble();
    if (unit == QLatin1String("us"))
        return v / 1000.0;
    if (unit == QLatin1String("s"))
        return v * 1000.0;
    return v;
}

WrkResult runWrk(const QString& wrk, quint16 port, int seconds, int connections) {
    QProcess p;
    // wrk needs at least one connection per thread.
    p.start(wrk, {QStringLiteral("-t%1").arg(std::min(2, connections)),
                  QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(seconds),
                  QStringLiteral("--latency"), QStringLiteral("http://127.0.0.1:%1/").arg(port)});
    p.waitForFinished(seconds * 1000 + 30000);
    WrkResult r;
    r.raw = QString::fromUtf8(p.readAllStandardOutput());
    const auto rps = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(r.raw);
    r.requestsPerSecond = rps.captured(1).toDouble();
    const QRegularExpression pct(QStringLiteral("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$"),
                                 QRegularExpression::MultilineOption);
    for (auto it = pct.globalMatch(r.raw); it.hasNext();) {
        const auto m = it.next();
        (m.captured(1) == QLatin1String("50") ? r.p50Ms : r.p99Ms) =
            toMs(m.captured(2), m.captured(3));
    }
    return r;
}

// Creates `make()` on a fresh thread and returns it once it is listening.
template <typename T, typename Make>
T* onThread(QThread& thread, Make make) {
    thread.start();
    T* object = nullptr;
    auto* anchor = new QObject;
    anchor->moveToThread(&thread);
    QMetaObject::invokeMethod(
        anchor, [&] { object = make(); }, Qt::BlockingQueuedConnection);
    anchor->deleteLater();
    return object;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? atoi(argv[1]) : 5;
    const int connections = argc > 2 ? atoi(argv[2]) : 16;
    QTextStream out(stdout);
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty()) {
        out << "bench_router: wrk not found (apt-get install wrk); nothing measured\n";
        return 0;
    }

    QThread backendThread, routerThread;
    auto* backend = onThread<test::TestBackend>(backendThread, [] {
        auto* b = new test::TestBackend("hello-from-the-backend");
        b->listen();
        return b;
    });
    const quint16 backendPort = backend->port();
    auto* router = onThread<TrafficRouter>(routerThread, [backendPort] {
        auto* r = new TrafficRouter;
        r->listen(0);
        r->addTarget(QStringLiteral("blue"), backendPort);
        r->registerTarget(QStringLiteral("blue"));
        return r;
    });
    const quint16 routerPort = router->port();

    runWrk(wrk, backendPort, 1, connections);  // warm-up
    const WrkResult direct = runWrk(wrk, backendPort, seconds, connections);
    const WrkResult routed = runWrk(wrk, routerPort, seconds, connections);

    out << QStringLiteral("wrk -c%1 -d%2s, loopback, %3 cores\n")
               .arg(connections)
               .arg(seconds)
               .arg(QThread::idealThreadCount());
    out << QStringLiteral("direct : %1 req/s  p50 %2 ms  p99 %3 ms\n")
               .arg(direct.requestsPerSecond, 0, 'f', 0)
               .arg(direct.p50Ms, 0, 'f', 3)
               .arg(direct.p99Ms, 0, 'f', 3);
    out << QStringLiteral("router : %1 req/s  p50 %2 ms  p99 %3 ms\n")
               .arg(routed.requestsPerSecond, 0, 'f', 0)
               .arg(routed.p50Ms, 0, 'f', 3)
               .arg(routed.p99Ms, 0, 'f', 3);
    out << QStringLiteral("added  : p50 %1 ms  p99 %2 ms  throughput ratio %3\n")
               .arg(routed.p50Ms - direct.p50Ms, 0, 'f', 3)
               .arg(routed.p99Ms - direct.p99Ms, 0, 'f', 3)
               .arg(direct.requestsPerSecond > 0
                        ? routed.requestsPerSecond / direct.requestsPerSecond
                        : 0.0,
                    0, 'f', 2);
    out.flush();
    if (routed.requestsPerSecond == 0)
        fprintf(stderr, "%s\n", qPrintable(routed.raw));

    QMetaObject::invokeMethod(
        router, [router] { delete router; }, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        backend, [backend] { delete backend; }, Qt::BlockingQueuedConnection);
    routerThread.quit();
    backendThread.quit();
    routerThread.wait();
    backendThread.wait();
    return 0;
}
