// Scheduler overhead of the local pipeline executor: 50 no-op actions (`:` through the
// Pipewright-LocalCommand provider) run one after another. Overhead per action is the execution's
// wall time minus the time spent inside the actions, divided by the action count; the goal is
// under 20 ms per action. Baseline in the same run: 50 `sh -c :` processes started back to back.
#include "engine/pipeline/pipelinecontroller.h"
#include "spec/workspace.h"
#include "yaml/yamldocument.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const int actions = 50;
    QByteArray text = "pipeline:\n  name: bench\n  stages:\n    - name: Work\n      actions:\n";
    for (int i = 1; i <= actions; ++i)
        text += "        - name: A" + QByteArray::number(i) +
                "\n          actionTypeId: {category: Build, owner: Custom, provider: "
                "Pipewright-LocalCommand, "
                "version: '1'}\n          runOrder: " +
                QByteArray::number(i) + "\n          configuration: {Command: ':'}\n";
    const pw::YamlDocument doc = pw::YamlDocument::load(text, QStringLiteral("bench.yml"));
    const pw::Pipeline pipeline = pw::parsePipeline(doc).pipeline;

    QElapsedTimer baseline;
    baseline.start();
    for (int i = 0; i < actions; ++i) {
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral(":")});
        p.waitForFinished();
    }
    const double baselineMs = double(baseline.nsecsElapsed()) / 1e6;

    QTemporaryDir dir;
    pw::Workspace workspace;
    pw::ExecutionOptions options;
    options.workspaceRoot = dir.path();
    options.stateDirectory = dir.filePath(QStringLiteral("state"));
    options.workspace = &workspace;
    pw::PipelineController controller(pipeline, options);
    QEventLoop loop;
    QObject::connect(&controller, &pw::PipelineController::executionFinished, &loop,
                     &QEventLoop::quit);
    QElapsedTimer wall;
    wall.start();
    const QString id = controller.startExecution();
    loop.exec();
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    const pw::ExecutionState& state = controller.execution(id)->state();
    double insideMs = 0;
    for (const pw::ActionState& a : state.stages.first().actions)
        insideMs += double(a.endedMs - a.startedMs);
    std::printf(
        "%d sequential no-op actions: execution %.1f ms, inside actions %.1f ms, "
        "scheduler overhead %.2f ms per action (goal < 20 ms); status %s\n",
        actions, wallMs, insideMs, (wallMs - insideMs) / actions,
        qPrintable(pw::executionStatusName(state.status)));
    std::printf(
        "baseline: %d `sh -c :` processes back to back %.1f ms (%.2f ms each); execution / "
        "baseline %.2fx\n",
        actions, baselineMs, baselineMs / actions, wallMs / baselineMs);
    return state.status == pw::ExecutionStatus::Succeeded ? 0 : 1;
}
