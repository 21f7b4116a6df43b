// Build engine figures (issue 3): run with `scripts/bench.sh` or directly.
//  (a) 500 trivial commands: engine wall time vs bash running the same commands from one
//      script (goal <= 1.3x);
//  (b) submit to first command: start() until the first command's output (goal < 30 ms);
//  (c) a command printing 1,000,000 lines (~80 MB): engine wall vs the same command
//      redirected to a file (goal <= 1.5x), and the engine's max resident memory (< 100 MB).
// The engine runs as `pipewright-cli build` does: history store and log file included (the
// store is opened before the timed window, which ends when the build's last history row is
// written). (a) also prints CPU time (the
// process and its reaped children), which, unlike wall time, does not depend on what else
// the machine runs. `bench_buildengine t` prints where one build of (a) spends its time;
// `bench_buildengine p` runs 60 builds of (a) back to back, for a profiler.
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
#include <memory>

using namespace pw;

namespace {

QTextStream out(stdout);

// CPU time of this process and its reaped children, in ms: unlike wall time it does not
// depend on what else the machine is running.
double cpuMs() {
    struct rusage self {
    }, children{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    const auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(self.ru_utime) + ms(self.ru_stime) + ms(children.ru_utime) + ms(children.ru_stime);
}

struct EngineRun {
    double wallMs = 0;
    double cpuMs = 0;  // engine and its shell, until the shell is reaped
    double firstOutputMs = -1;
    double tailMs = 0;  // from the build's end until its history is written
    RunStatus status = RunStatus::InProgress;
};

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
}

// A build of the folder as `pipewright-cli build` starts it; opens `store` (outside any timing).
BuildRequest benchRequest(const QString& dir, bool inPlace, HistoryStore& store) {
    BuildRequest request;
    request.sourceDirectory = dir;
    request.projectName = QStringLiteral("bench");
    request.inPlace = inPlace;
    request.stateDirectory = dir + QStringLiteral("/.pipewright/state");
    store.open();
    request.buildNumber = store.nextBuildNumber(request.projectName);
    return request;
}

// `history` false: the same build with nobody recording it, to show what the history store
// (SQLite rows and the log file) costs.
EngineRun runEngine(const QString& dir, bool inPlace, bool history = true) {
    HistoryStore store(dir + QStringLiteral("/.pipewright/state"));
    const BuildRequest request = benchRequest(dir, inPlace, store);
    EngineRun run;
    const double cpuBefore = cpuMs();
    auto runner = std::make_unique<BuildRunner>(request);
    QElapsedTimer timer;
    QObject::connect(runner.get(), &BuildRunner::runEvent, [&](const RunEvent& e) {
        if (history)
            store.record(e);
        if (run.firstOutputMs < 0 && e.kind == RunEventKind::LogChunk && e.name.isEmpty())
            run.firstOutputMs = timer.nsecsElapsed() / 1e6;
    });
    QEventLoop loop;
    QObject::connect(runner.get(), &BuildRunner::finished, &loop, &QEventLoop::quit);
    timer.start();
    runner->start();
    if (runner->isRunning())
        loop.exec();
    const double builtMs = timer.nsecsElapsed() / 1e6;
    if (history)
        store.recordResult(runner->result());  // returns once the whole build is in the history
    run.wallMs = timer.nsecsElapsed() / 1e6;
    run.tailMs = run.wallMs - builtMs;
    run.status = runner->result().status;
    runner.reset();  // reaps the shell, so its CPU time is counted
    run.cpuMs = cpuMs() - cpuBefore;
    return run;
}

struct BashRun {
    double wallMs = 0;
    double cpuMs = 0;
};

BashRun runBash(const QString& script, const QString& dir) {
    const double cpuBefore = cpuMs();
    QElapsedTimer timer;
    timer.start();
    QProcess bash;
    bash.setWorkingDirectory(dir);
    bash.setStandardOutputFile(QProcess::nullDevice());
    bash.start(QStringLiteral("/bin/bash"), {script});
    bash.waitForFinished(-1);
    return {timer.nsecsElapsed() / 1e6, cpuMs() - cpuBefore};
}

template <typename F>
double median(int n, F f) {
    QList<double> v;
    for (int i = 0; i < n; ++i)
        v << f();
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The same 500 commands as a buildspec and as a bash script.
void writeTrivialCommands(const QString& dir) {
    QByteArray spec = "version: 0.2\nphases:\n  build:\n    commands:\n";
    QByteArray script;
    for (int i = 0; i < 500; ++i) {
        spec += "      - echo command " + QByteArray::number(i) + "\n";
        script += "echo command " + QByteArray::number(i) + "\n";
    }
    writeFile(dir + "/buildspec.yml", spec);
    writeFile(dir + "/script.sh", script);
}

void benchTrivialCommands(const QString& dir) {
    writeTrivialCommands(dir);
    QList<BashRun> bashRuns;
    QList<EngineRun> inPlaceRuns, copyRuns, unrecordedRuns;
    // Interleaved, so a burst of load hits all alike; a build takes milliseconds, so enough
    // rounds for a median that holds still on a shared machine.
    for (int i = 0; i < 25; ++i) {
        bashRuns << runBash(dir + "/script.sh", dir);
        inPlaceRuns << runEngine(dir, true);
        copyRuns << runEngine(dir, false);
        unrecordedRuns << runEngine(dir, true, false);
    }
    const auto med = [](const auto& runs, auto field) {
        QList<double> v;
        for (const auto& r : runs)
            v << r.*field;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double bash = med(bashRuns, &BashRun::wallMs);
    const double inPlace = med(inPlaceRuns, &EngineRun::wallMs);
    const double copy = med(copyRuns, &EngineRun::wallMs);
    out << "(a) 500 trivial commands, wall: bash script " << bash << " ms; engine in-place "
        << inPlace << " ms (" << inPlace / bash << "x); engine with source copy " << copy << " ms ("
        << copy / bash << "x); goal <= 1.3x\n";
    const double bashCpu = med(bashRuns, &BashRun::cpuMs);
    const double inPlaceCpu = med(inPlaceRuns, &EngineRun::cpuMs);
    const double copyCpu = med(copyRuns, &EngineRun::cpuMs);
    out << "    CPU (process + children): bash " << bashCpu << " ms; engine in-place " << inPlaceCpu
        << " ms (" << inPlaceCpu / bashCpu << "x); with source copy " << copyCpu << " ms ("
        << copyCpu / bashCpu << "x)\n";
    const double unrecorded = med(unrecordedRuns, &EngineRun::wallMs);
    out << "    without the history store (in-place): " << unrecorded << " ms ("
        << unrecorded / bash << "x wall); in-place, history written after the build's end: "
        << med(inPlaceRuns, &EngineRun::tailMs) << " ms\n";
}

void benchFirstCommand(const QString& dir) {
    writeFile(dir + "/buildspec.yml",
              "version: 0.2\nphases:\n  install:\n    commands:\n      - echo first\n");
    const double inPlace = median(9, [&] { return runEngine(dir, true).firstOutputMs; });
    const double copy = median(9, [&] { return runEngine(dir, false).firstOutputMs; });
    out << "(b) submit to first command output: in-place " << inPlace << " ms, with source copy "
        << copy << " ms; goal < 30 ms\n";
    // Most workspaces are git repositories: the build resolves HEAD for its variables.
    const auto git = [&](const QStringList& args) {
        return QProcess::execute(QStringLiteral("git"),
                                 QStringList{"-C", dir, "-c", "user.email=bench@example.com", "-c",
                                             "user.name=bench"} +
                                     args) == 0;
    };
    if (git({"init", "-q"}) && git({"add", "buildspec.yml"}) && git({"commit", "-q", "-m", "b"}))
        out << "    in a git repository, in-place: "
            << median(9, [&] { return runEngine(dir, true).firstOutputMs; }) << " ms\n";
}

void benchMillionLines(const QString& dir) {
    const QByteArray command =
        "seq -f 'line %07g of the benchmark output, padded to about eighty bytes.......' 1 1000000";
    writeFile(dir + "/buildspec.yml",
              "version: 0.2\nphases:\n  build:\n    commands:\n      - \"" + command + "\"\n");
    writeFile(dir + "/script.sh", command + " > " + dir.toUtf8() + "/out.txt\n");
    const double redirected = median(3, [&] { return runBash(dir + "/script.sh", dir).wallMs; });
    const qint64 bytes = QFileInfo(dir + "/out.txt").size();
    const double redirectedCpu = median(3, [&] { return runBash(dir + "/script.sh", dir).cpuMs; });
    QList<EngineRun> runs;
    for (int i = 0; i < 3; ++i)
        runs << runEngine(dir, true);
    std::sort(runs.begin(), runs.end(),
              [](const EngineRun& a, const EngineRun& b) { return a.wallMs < b.wallMs; });
    const double engine = runs[1].wallMs;
    const double engineCpu = runs[1].cpuMs;
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    out << "(c) 1,000,000 lines (" << bytes / 1e6 << " MB): redirected to a file " << redirected
        << " ms; engine " << engine << " ms (" << engine / redirected
        << "x, goal <= 1.5x); engine max RSS " << usage.ru_maxrss / 1024.0
        << " MB (goal < 100 MB)\n    CPU (process + children): redirected " << redirectedCpu
        << " ms; engine " << engineCpu << " ms (" << engineCpu / redirectedCpu << "x)\n";
}

// Where the time of one build goes: microseconds since start() at each phase start.
void timeline(const QString& dir) {
    HistoryStore store(dir + QStringLiteral("/.pipewright/state"));
    const BuildRequest request = benchRequest(dir, true, store);
    BuildRunner runner(request);
    QElapsedTimer timer;
    QObject::connect(&runner, &BuildRunner::runEvent, [&](const RunEvent& e) {
        store.record(e);
        if (e.kind == RunEventKind::StepStarted || e.kind == RunEventKind::RunFinished ||
            (e.kind == RunEventKind::CommandFinished && e.index == 499))
            out << "  " << timer.nsecsElapsed() / 1000 << " us " << runEventKindName(e.kind) << ' '
                << e.step << '\n';
    });
    QEventLoop loop;
    QObject::connect(&runner, &BuildRunner::finished, &loop, &QEventLoop::quit);
    struct rusage before {};
    getrusage(RUSAGE_THREAD, &before);
    timer.start();
    runner.start();
    if (runner.isRunning())
        loop.exec();
    store.recordResult(runner.result());
    out << "  " << timer.nsecsElapsed() / 1000 << " us history written\n";
    struct rusage after {};
    getrusage(RUSAGE_THREAD, &after);
    const auto us = [](const timeval& t) { return t.tv_sec * 1000000LL + t.tv_usec; };
    // The kernel splits user and system time by sampling; their sum is the figure to read.
    out << "  engine thread CPU: "
        << us(after.ru_utime) + us(after.ru_stime) - us(before.ru_utime) - us(before.ru_stime)
        << " us\n";
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    out.setRealNumberPrecision(4);
    QDir().mkpath(dir.path() + "/a");
    QDir().mkpath(dir.path() + "/b");
    QDir().mkpath(dir.path() + "/c");
    // An argument picks one figure (a, b or c) or the timeline (t), for profiling.
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (only.isEmpty() || only == "a")
        benchTrivialCommands(dir.path() + "/a");
    if (only == "p") {
        writeTrivialCommands(dir.path() + "/a");
        for (int i = 0; i < 60; ++i)
            runEngine(dir.path() + "/a", true);
    }
    out.flush();
    if (only == "t") {
        writeTrivialCommands(dir.path() + "/a");
        out << "first build (history created by open):\n";
        timeline(dir.path() + "/a");
        out << "second build (history reopened, its WAL kept):\n";
        timeline(dir.path() + "/a");
    }
    if (only.isEmpty() || only == "b")
        benchFirstCommand(dir.path() + "/b");
    out.flush();
    if (only.isEmpty() || only == "c")
        benchMillionLines(dir.path() + "/c");
    return 0;
}
