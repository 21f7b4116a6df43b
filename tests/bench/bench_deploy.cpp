// Engine overhead of the local CodeDeploy engine: 100 sandbox instances, OneAtATime, no-op hook
// scripts. Overhead per instance = (deployment wall time − baseline) / 100, where the baseline
// runs the same hook scripts, as many times, directly with QProcess in this process. Goal:
// under 30 ms per instance. Two deployments: the first (ApplicationStop is a no-op there) and a
// second (ApplicationStop runs the first revision's script). Usage: bench_deploy [FOLDER].
#include "deploy/deploymentengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <unistd.h>
#include <cstdio>

namespace {

constexpr int kInstances = 100;
const char* const kHooks[] = {"ApplicationStop", "BeforeInstall", "AfterInstall",
                              "ApplicationStart", "ValidateService"};

void write(const QString& path, const QByteArray& text, bool executable = false) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFile::ExeOwner);
}

QString makeRevision(const QString& root, const QString& name) {
    const QString dir = root + QStringLiteral("/revisions/") + name;
    QByteArray appspec =
        "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/app\n"
        "hooks:\n";
    for (const char* hook : kHooks)
        appspec += QByteArray("  ") + hook + ": [{location: scripts/noop.sh}]\n";
    write(dir + QStringLiteral("/appspec.yml"), appspec);
    write(dir + QStringLiteral("/scripts/noop.sh"), "#!/bin/sh\nexit 0\n", true);
    write(dir + QStringLiteral("/app/index.html"), name.toUtf8());
    return dir;
}

// modifier: start each process the way HookRunner does (a child-process modifier that calls
// setsid), to tell the cost of that start from the engine's own work.
double baselineMs(const QString& script, int runs, bool modifier = false) {
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        if (modifier)
            p.setChildProcessModifier([] { ::setsid(); });
        p.start(script, {});
        p.waitForFinished();
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

double deployMs(const QString& root, const QString& revision, pw::DeploymentState* out) {
    pw::DeploymentRequest request;
    request.workspaceRoot = root;
    request.application = QStringLiteral("bench");
    request.group = QStringLiteral("fleet");
    request.revisionPath = revision;
    pw::DeploymentEngine engine(request);
    QEventLoop loop;
    QObject::connect(&engine, &pw::DeploymentEngine::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    engine.start();
    if (!engine.state().isFinished())
        loop.exec();
    *out = engine.state();
    return double(timer.nsecsElapsed()) / 1e6;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("pipewright.*.debug=false\npipewright.*.info=false"));
    // argv[1]: the folder to work in (default: the temp dir, a real disk here; /dev/shm gives
    // the tmpfs figure). The disk is where fsyncs show.
    const QString parent = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::tempPath();
    QTemporaryDir dir(parent + QStringLiteral("/bench_deploy-XXXXXX"));
    const QString root = dir.path();
    std::printf("workspace: %s\n", qPrintable(root));
    QByteArray ws =
        "version: 1\napplications:\n  bench:\n    deployment-groups:\n      fleet:\n"
        "        config: CodeDeployDefault.OneAtATime\n        instances:\n";
    for (int i = 1; i <= kInstances; ++i)
        ws += "          - {name: i" + QByteArray::number(i) + ", kind: sandbox}\n";
    write(root + QStringLiteral("/.pipewright/workspace.yml"), ws);
    const QString r1 = makeRevision(root, QStringLiteral("r1"));
    const QString r2 = makeRevision(root, QStringLiteral("r2"));
    const QString script = r1 + QStringLiteral("/scripts/noop.sh");

    struct Round {
        const char* name;
        QString revision;
        int scriptsPerInstance;
    };
    const Round rounds[] = {{"first deployment", r1, 4}, {"second deployment", r2, 5}};
    bool ok = true;
    for (const Round& round : rounds) {
        const double base = baselineMs(script, kInstances * round.scriptsPerInstance);
        pw::DeploymentState state;
        const double engine = deployMs(root, round.revision, &state);
        const double overhead = (engine - base) / kInstances;
        std::printf("%s: %s, %d instances x %d no-op hooks\n", round.name, qPrintable(state.status),
                    kInstances, round.scriptsPerInstance);
        std::printf("  baseline (same scripts via QProcess): %8.1f ms\n", base);
        std::printf("  engine deployment:                    %8.1f ms (%.2fx baseline)\n", engine,
                    engine / base);
        std::printf("  engine overhead per instance:         %8.2f ms (goal < 30 ms)\n", overhead);
        const double spawn = baselineMs(script, kInstances * round.scriptsPerInstance, true);
        std::printf("  same scripts, QProcess + setsid modifier: %8.1f ms (%.2fx baseline)\n",
                    spawn, spawn / base);
        // Where the time goes: per lifecycle event, mean duration over the instances.
        QMap<QString, double> perEvent;
        for (const pw::InstanceState& i : std::as_const(state.instances))
            for (const pw::LifecycleEventState& e : i.lifecycleEvents)
                perEvent[e.name] += double(e.durationMs()) / kInstances;
        for (auto it = perEvent.cbegin(); it != perEvent.cend(); ++it)
            std::printf("    %-18s %6.2f ms mean\n", qPrintable(it.key()), it.value());
        ok = ok && state.status == u"Succeeded";
    }
    return ok ? 0 : 1;
}
