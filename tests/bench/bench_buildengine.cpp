// Build engine figures (issue 3): run with `scripts/bench.sh` or directly.
//  (a) 500 trivial commands: engine wall time vs bash running the same commands from one
//      script (goal <= 1.3x);
//  (b) submit to first command: start() until the first command's output (goal < 30 ms);
//  (c) a command printing 1,000,000 lines (~80 MB): engine wall vs the same command
//      redirected to a file (goal <= 1.5x), and the engine's max resident memory (< 100 MB).
// The engine runs as `pipewright-cli build` does: history store and log file included.
#include "engine/buildrunner.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <algorithm>

using namespace pw;

namespace {

QTextStream out(stdout);

struct EngineRun {
    double wallMs = 0;
    double firstOutputMs = -1;
    RunStatus status = RunStatus::InProgress;
};

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
}

EngineRun runEngine(const QString& dir, bool inPlace) {
    BuildRequest request;
    request.sourceDirectory = dir;
    request.projectName = QStringLiteral("bench");
    request.inPlace = inPlace;
    request.stateDirectory = dir + QStringLiteral("/.pipewright/state");
    HistoryStore store(request.stateDirectory);
    store.open();
    request.buildNumber = store.nextBuildNumber(request.projectName);
    BuildRunner runner(request);
    EngineRun run;
    QElapsedTimer timer;
    QObject::connect(&runner, &BuildRunner::event, [&](const RunEvent& e) {
        store.record(e);
        if (run.firstOutputMs < 0 && e.kind == RunEventKind::LogChunk && e.name.isEmpty())
            run.firstOutputMs = timer.nsecsElapsed() / 1e6;
    });
    QEventLoop loop;
    QObject::connect(&runner, &BuildRunner::finished, &loop, &QEventLoop::quit);
    timer.start();
    runner.start();
    if (runner.isRunning())
        loop.exec();
    run.wallMs = timer.nsecsElapsed() / 1e6;
    store.recordResult(runner.result());
    run.status = runner.result().status;
    return run;
}

double runBash(const QString& script, const QString& dir) {
    QElapsedTimer timer;
    timer.start();
    QProcess bash;
    bash.setWorkingDirectory(dir);
    bash.setStandardOutputFile(QProcess::nullDevice());
    bash.start(QStringLiteral("/bin/bash"), {script});
    bash.waitForFinished(-1);
    return timer.nsecsElapsed() / 1e6;
}

template <typename F>
double median(int n, F f) {
    QList<double> v;
    for (int i = 0; i < n; ++i)
        v << f();
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void benchTrivialCommands(const QString& dir) {
    QByteArray spec = "version: 0.2\nphases:\n  build:\n    commands:\n";
    QByteArray script;
    for (int i = 0; i < 500; ++i) {
        spec += "      - echo command " + QByteArray::number(i) + "\n";
        script += "echo command " + QByteArray::number(i) + "\n";
    }
    writeFile(dir + "/buildspec.yml", spec);
    writeFile(dir + "/script.sh", script);
    const double bash = median(5, [&] { return runBash(dir + "/script.sh", dir); });
    const double engineInPlace = median(5, [&] { return runEngine(dir, true).wallMs; });
    const double engineCopy = median(5, [&] { return runEngine(dir, false).wallMs; });
    out << "(a) 500 trivial commands: bash script " << bash << " ms; engine in-place "
        << engineInPlace << " ms (" << engineInPlace / bash << "x); engine with source copy "
        << engineCopy << " ms (" << engineCopy / bash << "x); goal <= 1.3x\n";
}

void benchFirstCommand(const QString& dir) {
    writeFile(dir + "/buildspec.yml",
              "version: 0.2\nphases:\n  install:\n    commands:\n      - echo first\n");
    const double inPlace = median(9, [&] { return runEngine(dir, true).firstOutputMs; });
    const double copy = median(9, [&] { return runEngine(dir, false).firstOutputMs; });
    out << "(b) submit to first command output: in-place " << inPlace << " ms, with source copy "
        << copy << " ms; goal < 30 ms\n";
}

void benchMillionLines(const QString& dir) {
    const QByteArray command =
        "seq -f 'line %07g of the benchmark output, padded to about eighty bytes.......' 1 1000000";
    writeFile(dir + "/buildspec.yml",
              "version: 0.2\nphases:\n  build:\n    commands:\n      - \"" + command + "\"\n");
    writeFile(dir + "/script.sh", command + " > " + dir.toUtf8() + "/out.txt\n");
    const double redirected = median(3, [&] { return runBash(dir + "/script.sh", dir); });
    const qint64 bytes = QFileInfo(dir + "/out.txt").size();
    const double engine = median(3, [&] { return runEngine(dir, true).wallMs; });
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    out << "(c) 1,000,000 lines (" << bytes / 1e6 << " MB): redirected to a file " << redirected
        << " ms; engine " << engine << " ms (" << engine / redirected
        << "x, goal <= 1.5x); engine max RSS " << usage.ru_maxrss / 1024.0
        << " MB (goal < 100 MB)\n";
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    out.setRealNumberPrecision(4);
    QDir().mkpath(dir.path() + "/a");
    QDir().mkpath(dir.path() + "/b");
    QDir().mkpath(dir.path() + "/c");
    // An argument picks one figure (a, b or c), for profiling.
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (only.isEmpty() || only == "a")
        benchTrivialCommands(dir.path() + "/a");
    out.flush();
    if (only.isEmpty() || only == "b")
        benchFirstCommand(dir.path() + "/b");
    out.flush();
    if (only.isEmpty() || only == "c")
        benchMillionLines(dir.path() + "/c");
    return 0;
}
