// Log viewer figures on generated build logs, each next to a baseline measured in the same run
// on the same (page-cached) file: a plain chunked read counting newlines, `wc -l` and `grep -c`.
//   1. 1,000,000 lines (~100 MB): first lines readable, full index, RSS growth vs file size.
//   2. search that file: plain text, regex, case-insensitive (goal < 500 ms).
//   3. append while following at >= 100,000 lines/s: lines indexed per second and the longest
//      event-loop stall (a 2 ms QTimer heartbeat; goal <= 50 ms).
//   4. 10,000,000 lines (~1 GB) generated under /tmp, indexed, deleted (goal < 3 s, peak RSS
//      far below the file size).
// "Open" is what the user waits for: the first screen (60 lines) read through the index and
// the total line count estimated from the bytes indexed so far (the status line shows it);
// "full index" is every line offset known, with the scrollbar at its final size.
// Usage: bench_logview [--skip-huge]
#include "store/logindex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <ctime>

using namespace pw;

namespace {

const char kStamp[] = "2026-11-26T04:00:00.000Z ";

// Resident and peak resident set size in bytes, from /proc.
qint64 procStatus(const char* key) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(std::strlen(key))).trimmed().split(' ').first().toLongLong() *
                   1024;
    return -1;
}

QByteArray logLine(qint64 i) {
    QByteArray line = kStamp;
    if (i % 100000 == 0)
        return line + "[Container] 2026/11/26 04:00:00.000 Entering phase BUILD\n";
    if (i % 5000 == 0)
        return line + "[Container] 2026/11/26 04:00:00.000 Running command make -C module_" +
               QByteArray::number(i / 5000) + "\n";
    if (i % 1000 == 0)
        return line + "\x1b[1;32mPASS\x1b[0m test_" + QByteArray::number(i) +
               " (\x1b[38;5;244m12 ms\x1b[0m) all assertions held, nothing to report here\n";
    return line + "g++ -O2 -Wall -fPIC -c src/module_" + QByteArray::number(i % 977) + "/file_" +
           QByteArray::number(i) + ".cpp -o build/obj_" + QByteArray::number(i) + ".o\n";
}

qint64 generate(const QString& path, qint64 lines, qint64 errorAt) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    QByteArray buffer;
    buffer.reserve(8 << 20);
    for (qint64 i = 0; i < lines; ++i) {
        buffer +=
            i == errorAt ? QByteArray(kStamp) + "make: *** [all] Error 2 needle\n" : logLine(i);
        if (buffer.size() > (8 << 20) - 512) {
            f.write(buffer);
            buffer.clear();
        }
    }
    f.write(buffer);
    return f.size();
}

double plainReadMs(const QString& path, qint64* newlines) {
    QElapsedTimer t;
    t.start();
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    QByteArray chunk(4 << 20, Qt::Uninitialized);
    qint64 n = 0, count = 0;
    while ((n = f.read(chunk.data(), chunk.size())) > 0) {
        const char* end = chunk.constData() + n;
        for (const char* p = chunk.constData();
             (p = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)))); ++p)
            ++count;
    }
    *newlines = count;
    return t.nsecsElapsed() / 1e6;
}

double toolMs(const QString& program, const QStringList& args, QByteArray* out = nullptr) {
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(program, args);
    p.waitForFinished(-1);
    if (out)
        *out = p.readAllStandardOutput().trimmed();
    return t.nsecsElapsed() / 1e6;
}

void waitForSignal(QObject* sender, const char* signal, int timeoutMs) {
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, SLOT(quit()));
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
}

struct OpenFigures {
    double firstLinesMs = 0, fullMs = 0, cpuMs = 0;
    qint64 rssGrowth = 0, peakGrowth = 0, indexBytes = 0, lines = 0, estimate = 0;
};

// `analyse` false: line offsets only, no error and marker detection (what that costs).
OpenFigures openLog(const QString& path, bool analyse = true) {
    OpenFigures f;
    QFile clear(QStringLiteral("/proc/self/clear_refs"));  // "5" resets the peak (VmHWM)
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
    clear.close();
    const qint64 rss0 = procStatus("VmRSS:");
    const qint64 peak0 = procStatus("VmHWM:");
    QElapsedTimer t;
    t.start();
    const std::clock_t cpu0 = std::clock();
    LogIndex index;
    if (!analyse) {
        index.setErrorPatterns({});
        index.setMarkerRules({});
    }
    index.open(path);
    if (index.lineCount() == 0)
        waitForSignal(&index, SIGNAL(linesAdded(qint64)), 10000);
    const QList<QByteArray> screen = index.lines(0, 60);  // what the first paint reads
    f.estimate = index.estimatedLineCount();              // what the status line says
    f.firstLinesMs = t.nsecsElapsed() / 1e6;
    index.waitForIdle(600000);
    f.fullMs = t.nsecsElapsed() / 1e6;
    f.cpuMs = 1000.0 * double(std::clock() - cpu0) / CLOCKS_PER_SEC;  // all threads
    f.lines = index.lineCount();
    f.indexBytes = index.indexMemoryBytes();
    f.rssGrowth = procStatus("VmRSS:") - rss0;
    f.peakGrowth = std::max<qint64>(0, procStatus("VmHWM:") - peak0);
    if (screen.size() != 60 || index.line(f.lines - 1) != logLine(f.lines - 1).chopped(1))
        std::printf("  !! index content check FAILED\n");
    return f;
}

void printOpen(const char* what, const OpenFigures& f, qint64 size, double readMs, double wcMs) {
    std::printf("%s: %lld lines, %.1f MB\n", what, f.lines, size / 1e6);
    std::printf(
        "  open: first screen     %8.1f ms   (60 lines read + estimated total %lld lines, "
        "%+.2f%% off; x%.4f of the plain read)\n",
        f.firstLinesMs, f.estimate, 100.0 * double(f.estimate - f.lines) / double(f.lines),
        f.firstLinesMs / readMs);
    std::printf(
        "  full index             %8.1f ms   (plain read %.1f ms -> x%.2f, wc -l %.1f ms "
        "-> x%.2f)\n",
        f.fullMs, readMs, f.fullMs / readMs, wcMs, f.fullMs / wcMs);
    std::printf(
        "  CPU time, all threads  %8.1f ms   (the machine is shared: wall time includes "
        "waiting for a core)\n",
        f.cpuMs);
    std::printf("  index memory           %8.1f MB   (%.2f%% of the file, %.2f bytes/line)\n",
                f.indexBytes / 1e6, 100.0 * f.indexBytes / size, double(f.indexBytes) / f.lines);
    std::printf("  RSS growth             %8.1f MB   (x%.3f of the file), peak growth %.1f MB\n",
                f.rssGrowth / 1e6, double(f.rssGrowth) / size, f.peakGrowth / 1e6);
}

void searchBench(const QString& path, qint64 size, double readMs) {
    LogIndex index;
    index.open(path);
    index.waitForIdle(600000);
    QByteArray grepCount;
    const double grepMs = toolMs(
        QStringLiteral("grep"), {QStringLiteral("-c"), QStringLiteral("needle"), path}, &grepCount);
    std::printf("search %.1f MB (grep -c needle: %.1f ms, %s lines; plain read %.1f ms)\n",
                size / 1e6, grepMs, grepCount.constData(), readMs);
    const LogSearchQuery queries[] = {
        {QStringLiteral("needle"), false, true},
        {QStringLiteral("NEEDLE"), false, false},
        {QStringLiteral("exit status [1-9]|Error \\d+"), true, false},
        {QStringLiteral("PASS"), false, true},
    };
    for (const LogSearchQuery& q : queries) {
        QElapsedTimer t;
        t.start();
        const LogSearchResult r = index.search(q, 0, index.lineCount());
        const double syncMs = t.nsecsElapsed() / 1e6;
        t.restart();
        index.startSearch(q);
        waitForSignal(&index, SIGNAL(searchFinished()), 60000);
        const double asyncMs = t.nsecsElapsed() / 1e6;
        std::printf(
            "  %-36s %-5s %7.1f ms (async %7.1f ms, x%.2f grep) -> %zu lines, %lld "
            "matches%s\n",
            qPrintable(q.text), q.regex ? "regex" : "plain", syncMs, asyncMs, syncMs / grepMs,
            r.lines.size(), r.matches,
            index.searchResult().lines == r.lines ? "" : "  !! async differs");
    }
}

// Writes `rate` lines/s in 10 ms batches from its own thread, as the engine's store would.
class Writer : public QThread {
public:
    Writer(QString path, qint64 rate, int seconds) : m_path(path), m_rate(rate), m_s(seconds) {}
    std::atomic<qint64> written{0};

protected:
    void run() override {
        QFile f(m_path);
        f.open(QIODevice::Append);
        QElapsedTimer t;
        t.start();
        qint64 i = 0;
        while (t.elapsed() < m_s * 1000) {
            const qint64 due = m_rate * t.elapsed() / 1000;
            QByteArray batch;
            for (; i < due; ++i)
                batch += logLine(i + 1);
            f.write(batch);
            f.flush();
            written = i;
            QThread::msleep(10);
        }
    }

private:
    QString m_path;
    qint64 m_rate;
    int m_s;
};

void followBench(const QString& dir) {
    const QString path = dir + QStringLiteral("/follow.log");
    generate(path, 1, -1);
    LogIndex index;
    index.open(path);
    index.waitForIdle();
    index.setPollInterval(50);
    qint64 longest = 0, reads = 0;
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setInterval(2);
    QObject::connect(&heartbeat, &QTimer::timeout,
                     [&] { longest = std::max(longest, beat.restart()); });
    // What the view does on each batch: read the screenful at the bottom.
    QObject::connect(&index, &LogIndex::linesAdded, [&](qint64 n) {
        reads += index.lines(std::max<qint64>(0, n - 60), 60).size();
    });
    index.startSearch({QStringLiteral("module_7/"), false, true});  // a search that follows too
    Writer writer(path, 150000, 3);
    QElapsedTimer t;
    t.start();
    beat.start();
    heartbeat.start();
    writer.start();
    while (!writer.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    index.refresh();
    index.waitForIdle();
    const double secs = t.nsecsElapsed() / 1e9;
    std::printf("follow: writer %lld lines in %.2f s (%.0f lines/s), indexed %lld, searched %lld\n",
                writer.written.load(), secs, writer.written.load() / secs, index.lineCount(),
                index.searchResult().searchedLines);
    std::printf("  longest event-loop stall %lld ms (goal <= 50), %lld lines read for display\n",
                longest, reads);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const bool skipHuge = app.arguments().contains(QStringLiteral("--skip-huge"));
    QTemporaryDir dir(QStringLiteral("/tmp/pipewright-bench-logview-XXXXXX"));
    const QString log = dir.filePath(QStringLiteral("build-1m.log"));
    const qint64 size = generate(log, 1000000, 900000);
    qint64 newlines = 0;
    plainReadMs(log, &newlines);  // warm the page cache so every figure reads from memory
    const double readMs = plainReadMs(log, &newlines);
    const double wcMs = toolMs(QStringLiteral("wc"), {QStringLiteral("-l"), log});
    printOpen("open 1M", openLog(log), size, readMs, wcMs);
    searchBench(log, size, readMs);
    followBench(dir.path());
    if (skipHuge)
        return 0;
    const QString huge = dir.filePath(QStringLiteral("build-10m.log"));
    const qint64 hugeSize = generate(huge, 10000000, 9000000);
    const double hugeReadMs = plainReadMs(huge, &newlines);
    const double hugeWcMs = toolMs(QStringLiteral("wc"), {QStringLiteral("-l"), huge});
    printOpen("open 10M", openLog(huge), hugeSize, hugeReadMs, hugeWcMs);
    printOpen("open 10M, offsets only (no error/marker detection)", openLog(huge, false), hugeSize,
              hugeReadMs, hugeWcMs);
    QFile::remove(huge);
    return 0;
}
