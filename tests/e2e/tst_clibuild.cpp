// Drives `pipewright-cli build` / `history` as a user would, on buildspecs written to a
// temporary workspace.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun cli(const QStringList& args, const QString& cwd = {}) {
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(PIPEWRIGHT_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void write(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// `sleep <marker>` processes: the distinctive durations tell this test's processes apart.
QByteArray sleepCommandLine(const QByteArray& marker) {
    return QByteArray("sleep") + '\0' + marker + '\0';
}

int countProcesses(const QByteArray& marker) {
    int n = 0;
    for (const QString& pid : QDir("/proc").entryList(QDir::Dirs)) {
        QFile cmdline("/proc/" + pid + "/cmdline");
        if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly) &&
            cmdline.readAll().contains(sleepCommandLine(marker)))
            ++n;
    }
    return n;
}

void killProcesses(const QByteArray& marker) {
    for (const QString& pid : QDir("/proc").entryList(QDir::Dirs)) {
        QFile cmdline("/proc/" + pid + "/cmdline");
        if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly) &&
            cmdline.readAll().contains(sleepCommandLine(marker)))
            ::kill(pid.toInt(), SIGKILL);
    }
}

}  // namespace

class TestCliBuild : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString ws() const { return m_dir.path(); }

private slots:
    void cleanup() {
        for (const char* marker : {"313", "314", "315"})
            killProcesses(marker);  // only matters when a test failed half-way
        QDir(ws()).removeRecursively();
        QDir().mkpath(ws());
    }

    void succeedsWithPhaseTable() {
        write(ws() + "/buildspec.yml",
              "version: 0.2\nphases:\n  build:\n    commands:\n"
              "      - echo built-it\n");
        const CliRun r = cli({"build", ws()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("\nbuilt-it\n"));
        QVERIFY(r.out.contains("Phase details"));
        for (const char* phase :
             {"SUBMITTED", "DOWNLOAD_SOURCE", "BUILD", "UPLOAD_ARTIFACTS", "COMPLETED"})
            QVERIFY2(QRegularExpression(QString("\\n%1 +SUCCEEDED").arg(phase))
                         .match(QString::fromUtf8(r.out))
                         .hasMatch(),
                     phase);
    }

    void failureExitsOne() {
        write(ws() + "/buildspec.yml",
              "version: 0.2\nphases:\n  build:\n    commands:\n"
              "      - exit 9\n");
        const CliRun r = cli({"build", ws()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QRegularExpression("\\nBUILD +FAILED .*COMMAND_EXECUTION_ERROR")
                    .match(QString::fromUtf8(r.out))
                    .hasMatch());
    }

    void invalidBuildspecExitsTwo() {
        write(ws() + "/buildspec.yml", "version: 0.2\nphases:\n  biuld:\n    commands: [ls]\n");
        const CliRun r = cli({"build", ws()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(QRegularExpression("\\nDOWNLOAD_SOURCE +FAILED .*YAML_FILE_ERROR")
                    .match(QString::fromUtf8(r.out))
                    .hasMatch());
        QVERIFY(r.out.contains("biuld"));  // the diagnostic is in the log
    }

    void badArgumentsExitTwo() {
        QCOMPARE(cli({"build", "--no-such-option"}).exitCode, 2);
        QCOMPARE(cli({"build", ws() + "/missing-folder"}).exitCode, 2);
    }

    void jsonResultAndEvents() {
        write(ws() + "/buildspec.yml", R"yaml(version: 0.2
env:
  exported-variables: [TAG, FROM_FILE]
phases:
  build:
    commands:
      - export TAG="$MY_VAR-1"
artifacts:
  files: [buildspec.yml]
)yaml");
        write(ws() + "/overrides.env", "# comment\n\nFROM_FILE=\"quoted\"\n");
        const QString events = ws() + "/events.jsonl";
        const CliRun r = cli({"build", ws(), "--json", "--events", events, "--env", "MY_VAR=over",
                              "--env-file", ws() + "/overrides.env", "--project", "shop"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["status"].toString(), "SUCCEEDED");
        QCOMPARE(doc["project"].toString(), "shop");
        QCOMPARE(doc["number"].toInt(), 1);
        QVERIFY(doc["id"].toString().startsWith("shop:"));
        QCOMPARE(doc["phases"].toArray().size(), 11);
        const QJsonObject build = doc["phases"].toArray()[6].toObject();
        QCOMPARE(build["name"].toString(), "BUILD");
        QVERIFY(build.contains("durationMs") && build.contains("contexts"));
        QCOMPARE(doc["exportedVariables"].toObject()["TAG"].toString(), "over-1");
        // --env-file keeps quotes, as the local agent does.
        QCOMPARE(doc["exportedVariables"].toObject()["FROM_FILE"].toString(), "\"quoted\"");
        const QJsonArray artifacts = doc["artifacts"].toArray();
        QCOMPARE(artifacts.size(), 1);
        QVERIFY(QFile::exists(artifacts[0].toObject()["path"].toString()));
        QFile f(events);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QVERIFY(lines.size() > 20);
        QCOMPARE(QJsonDocument::fromJson(lines.first()).object()["event"].toString(),
                 "run-started");
        QCOMPARE(QJsonDocument::fromJson(lines.last()).object()["event"].toString(),
                 "run-finished");
        for (const QByteArray& line : lines)
            QVERIFY2(QJsonDocument::fromJson(line).isObject(), line);
        // Numbers increase per project.
        QCOMPARE(QJsonDocument::fromJson(cli({"build", ws(), "--json", "--project", "shop"}).out)
                     .object()["number"]
                     .toInt(),
                 2);
    }

    void batchBuildsEachRecorded() {
        write(ws() + "/buildspec.yml", R"yaml(version: 0.2
batch:
  build-list:
    - identifier: ok
    - identifier: ko
phases:
  build:
    commands:
      - '[ "$CODEBUILD_BATCH_BUILD_IDENTIFIER" = ok ]'
)yaml");
        const CliRun r = cli({"build", ws(), "--batch"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QRegularExpression("\\nok +SUCCEEDED").match(QString::fromUtf8(r.out)).hasMatch());
        QVERIFY(QRegularExpression("\\nko +FAILED").match(QString::fromUtf8(r.out)).hasMatch());
        QCOMPARE(QJsonDocument::fromJson(cli({"history", ws(), "--json"}).out).array().size(), 2);
        write(ws() + "/buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands: [ls]\n");
        QCOMPARE(cli({"build", ws(), "--batch"}).exitCode, 2);  // no batch section
    }

    // An invalid buildspec is invalid input (exit 2) for a batch as for a plain build: the
    // batch's own buildspec runs nothing, a task's invalid buildspec fails that build.
    void invalidBatchBuildspecExitsTwo() {
        write(ws() + "/buildspec.yml", R"yaml(version: 0.2
batch:
  build-list:
    - identifier: one
phases:
  biuld:
    commands: [ls]
)yaml");
        const CliRun r = cli({"build", ws(), "--batch"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("biuld"));
        QVERIFY(!r.out.contains("Batch builds"));  // nothing ran
        write(ws() + "/bad.yml", "version: 0.2\nphases:\n  biuld:\n    commands: [ls]\n");
        write(ws() + "/buildspec.yml", R"yaml(version: 0.2
batch:
  build-list:
    - identifier: good
    - identifier: bad
      buildspec: bad.yml
phases:
  build:
    commands: ['true']
)yaml");
        const CliRun mixed = cli({"build", ws(), "--batch"});
        QCOMPARE(mixed.exitCode, 2);
        QVERIFY(QRegularExpression("\\ngood +SUCCEEDED")
                    .match(QString::fromUtf8(mixed.out))
                    .hasMatch());
        QVERIFY(
            QRegularExpression("\\nbad +FAILED").match(QString::fromUtf8(mixed.out)).hasMatch());
    }

    void ctrlCStopsTheWholeTree() {
        write(ws() + "/buildspec.yml",
              "version: 0.2\nphases:\n  build:\n    commands:\n"
              "      - sleep 313 & echo started; sleep 314\n");
        QProcess p;
        p.start(QStringLiteral(PIPEWRIGHT_CLI_PATH), {"build", ws()});
        QByteArray out;
        while (!out.contains("\nstarted\n") && p.waitForReadyRead(10000))
            out += p.readAllStandardOutput();
        QVERIFY2(out.contains("started"), out.constData());
        QTRY_COMPARE_WITH_TIMEOUT(countProcesses("313"), 1, 5000);  // forked, now exec'd
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 130);
        out += p.readAllStandardOutput();
        QVERIFY(QRegularExpression("\\nBUILD +STOPPED").match(QString::fromUtf8(out)).hasMatch());
        QTRY_COMPARE_WITH_TIMEOUT(countProcesses("313") + countProcesses("314"), 0, 3000);
    }

    void historySurvivesAKill() {
        write(ws() + "/buildspec.yml",
              "version: 0.2\nphases:\n  build:\n    commands:\n"
              "      - echo started; sleep 315\n");
        QProcess p;
        p.start(QStringLiteral(PIPEWRIGHT_CLI_PATH), {"build", ws()});
        QByteArray out;
        while (!out.contains("\nstarted\n") && p.waitForReadyRead(10000))
            out += p.readAllStandardOutput();
        QTRY_COMPARE_WITH_TIMEOUT(countProcesses("315"), 1, 5000);
        // Phases reach the history within its flush interval (0.1 s) while the build runs.
        const auto lastPhase = [this] {
            const QJsonArray builds =
                QJsonDocument::fromJson(cli({"history", ws(), "--json"}).out).array();
            const QJsonArray phases =
                builds.isEmpty() ? QJsonArray() : builds[0].toObject()["phases"].toArray();
            return phases.isEmpty() ? QString() : phases.last().toObject()["name"].toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(lastPhase(), QStringLiteral("BUILD"), 5000);
        p.kill();
        QVERIFY(p.waitForFinished());
        killProcesses("315");  // a SIGKILLed engine cannot clean up; this test does
        const CliRun r = cli({"history", ws(), "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray builds = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(builds.size(), 1);
        QCOMPARE(builds[0].toObject()["status"].toString(), "INTERRUPTED");
        const QJsonArray phases = builds[0].toObject()["phases"].toArray();
        QCOMPARE(phases.last().toObject()["name"].toString(), "BUILD");
        QCOMPARE(phases.last().toObject()["status"].toString(), "FAULT");
        const CliRun text = cli({"history", ws()});
        QVERIFY(text.out.contains("INTERRUPTED"));
        // A later build still works and gets the next number.
        write(ws() + "/buildspec.yml",
              "version: 0.2\nphases:\n  build:\n    commands: [echo ok]\n");
        QCOMPARE(cli({"build", ws()}).exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(cli({"history", ws(), "--json"}).out).array().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliBuild)
#include "tst_clibuild.moc"
