// Batch builds (buildspec.md §1.3) run by the real engine: build-graph dependencies,
// ignore-failure, fast-fail, build-matrix combinations and build-fanout.
#include "engine/batchrunner.h"
#include "spec/buildspec.h"
#include "yaml/yamldocument.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pw;

namespace {

struct BatchRun {
    RunStatus status = RunStatus::InProgress;
    QList<BatchTask> tasks;
    QByteArray log;
    QStringList startOrder;  // projects' build ids in the order they started

    const BatchTask* task(const QString& id) const {
        for (const BatchTask& t : tasks) {
            if (t.identifier == id)
                return &t;
        }
        return nullptr;
    }
};

BatchRun runBatch(const QString& dir, const QByteArray& buildspec, int parallelism = 2) {
    QFile f(dir + "/buildspec.yml");
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write buildspec");
    f.write(buildspec);
    f.close();
    const YamlDocument doc = YamlDocument::load(buildspec, "buildspec.yml");
    const BuildspecParseResult parsed = parseBuildspec(doc);
    BuildRequest base;
    base.sourceDirectory = dir;
    base.projectName = "batch";
    base.inPlace = true;
    BatchRunner runner(base, parsed.spec.batch);
    runner.setParallelism(parallelism);
    BatchRun run;
    QObject::connect(&runner, &BatchRunner::runEvent, [&](const RunEvent& e) {
        if (e.kind == RunEventKind::LogChunk)
            run.log += e.data;
    });
    QEventLoop loop;
    QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    runner.start();
    if (runner.isRunning())
        loop.exec();
    run.status = runner.status();
    run.tasks = runner.tasks();
    return run;
}

}  // namespace

class TestBatchRunner : public QObject {
    Q_OBJECT
private slots:
    void buildGraphWaitsForDependencies() {
        QTemporaryDir dir;
        const BatchRun r = runBatch(dir.path(), R"yaml(version: 0.2
batch:
  build-graph:
    - identifier: first
    - identifier: second
      depend-on: [first]
    - identifier: flaky
      ignore-failure: true
    - identifier: after_flaky
      depend-on: [flaky]
    - identifier: broken
    - identifier: after_broken
      depend-on: [broken]
phases:
  build:
    commands:
      - 'echo "$CODEBUILD_BATCH_BUILD_IDENTIFIER" >> order.txt'
      - 'if [ "$CODEBUILD_BATCH_BUILD_IDENTIFIER" = second ]; then grep -qx first order.txt; fi'
      - 'case "$CODEBUILD_BATCH_BUILD_IDENTIFIER" in flaky|broken) exit 1;; esac'
)yaml");
        QCOMPARE(r.task("first")->status, RunStatus::Succeeded);
        QCOMPARE(r.task("second")->status, RunStatus::Succeeded);  // ran after first
        QCOMPARE(r.task("flaky")->status, RunStatus::Failed);
        // POLICY: a failure with ignore-failure counts as completed for depend-on ...
        QCOMPARE(r.task("after_flaky")->status, RunStatus::Succeeded);
        // ... any other failure skips the tasks that depend on it, and fails the batch.
        QCOMPARE(r.task("broken")->status, RunStatus::Failed);
        QVERIFY(r.task("after_broken")->skipped);
        QVERIFY(!r.task("after_broken")->started);
        QCOMPARE(r.status, RunStatus::Failed);
    }

    void ignoredFailureKeepsBatchGreen() {
        QTemporaryDir dir;
        const BatchRun r = runBatch(dir.path(), R"yaml(version: 0.2
batch:
  build-list:
    - identifier: good
    - identifier: bad
      ignore-failure: true
phases:
  build:
    commands:
      - '[ "$CODEBUILD_BATCH_BUILD_IDENTIFIER" = good ]'
)yaml");
        QCOMPARE(r.task("good")->status, RunStatus::Succeeded);
        QCOMPARE(r.task("bad")->status, RunStatus::Failed);
        QCOMPARE(r.status, RunStatus::Succeeded);
    }

    void fastFailStopsRunningBuilds() {
        QTemporaryDir dir;
        const BatchRun r = runBatch(dir.path(), R"yaml(version: 0.2
batch:
  fast-fail: true
  build-list:
    - identifier: fails
    - identifier: slow
phases:
  build:
    commands:
      - 'if [ "$CODEBUILD_BATCH_BUILD_IDENTIFIER" = fails ]; then exit 1; else sleep 30; fi'
)yaml");
        QCOMPARE(r.task("fails")->status, RunStatus::Failed);
        QCOMPARE(r.task("slow")->status, RunStatus::Stopped);
        QVERIFY(r.status != RunStatus::Succeeded);
    }

    void buildMatrixRunsEveryCombination() {
        QTemporaryDir dir;
        const BatchRun r = runBatch(dir.path(), R"yaml(version: 0.2
batch:
  build-matrix:
    dynamic:
      env:
        variables:
          OS: [linux, mac]
          ARCH: [x86, arm, riscv]
phases:
  build:
    commands:
      - echo "combo $OS-$ARCH"
)yaml",
                                    3);
        QCOMPARE(r.tasks.size(), 6);
        QCOMPARE(r.status, RunStatus::Succeeded);
        for (const char* os : {"linux", "mac"}) {
            for (const char* arch : {"x86", "arm", "riscv"})
                QVERIFY(r.log.contains(QByteArray("\ncombo ") + os + '-' + arch + '\n'));
        }
    }

    void fanoutRunsIdenticalBuilds() {
        QTemporaryDir dir;
        const BatchRun r = runBatch(dir.path(), R"yaml(version: 0.2
batch:
  build-fanout:
    parallelism: 3
phases:
  build:
    commands:
      - echo "shard $CODEBUILD_BATCH_BUILD_IDENTIFIER"
)yaml");
        QCOMPARE(r.tasks.size(), 3);
        QCOMPARE(r.status, RunStatus::Succeeded);
        QCOMPARE(r.log.count("\nshard build"), 3);
        QCOMPARE(r.tasks.at(1).identifier, "build2");  // POLICY
        QCOMPARE(r.tasks.at(1).name, "shard 2 of 3");
    }

    // POLICY (AWS names no matrix builds): build1..N in combination order, each named after
    // its dynamic values; image and compute-type multiply the builds like any dimension.
    void buildMatrixNamesAndDimensions() {
        QTemporaryDir dir;
        const BatchRun r = runBatch(dir.path(), R"yaml(version: 0.2
batch:
  build-matrix:
    dynamic:
      env:
        image: [img/a, img/b]
        variables:
          OS: [linux, mac]
phases:
  build:
    commands:
      - echo "id $CODEBUILD_BATCH_BUILD_IDENTIFIER $OS"
)yaml",
                                    4);
        QCOMPARE(r.tasks.size(), 4);
        QCOMPARE(r.status, RunStatus::Succeeded);
        const QStringList names{"image=img/a, OS=linux", "image=img/a, OS=mac",
                                "image=img/b, OS=linux", "image=img/b, OS=mac"};
        for (int i = 0; i < 4; ++i) {
            const QString id = QStringLiteral("build%1").arg(i + 1);
            QCOMPARE(r.tasks.at(i).identifier, id);
            QCOMPARE(r.tasks.at(i).name, names.at(i));
            const QByteArray os = i % 2 ? "mac" : "linux";
            QVERIFY(r.log.contains("\nid " + id.toUtf8() + ' ' + os + '\n'));
        }
    }
};

QTEST_GUILESS_MAIN(TestBatchRunner)
#include "tst_buildrunner_batch.moc"
