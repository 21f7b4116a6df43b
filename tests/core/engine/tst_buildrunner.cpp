// Spec §6 test cases TC1-TC11 (buildspec.md), each run by the real engine on a real
// buildspec file in a temporary workspace. Cases marked POLICY assert a Pipewright decision
// where AWS is silent; DIAGRAM ones follow the phase diagram only.
#include "engine/buildrunner.h"

#include <QDate>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>
#include <csignal>
#include <functional>

using namespace pw;

namespace {

struct Run {
    BuildResult result;
    QByteArray log;  // everything the build printed, engine lines included
    QList<RunEvent> events;
    QList<qint64> groups;
    QString sourceRoot;

    QString phase(const char* name) const {
        const PhaseRecord* p = result.phase(QString::fromLatin1(name));
        return p ? runStatusName(p->status) : QStringLiteral("NOT_RUN");
    }
    bool printed(const QByteArray& line) const { return log.split('\n').contains(line); }
};

using Tweak = std::function<void(BuildRequest&)>;
using Action = std::function<void(BuildRunner&, const RunEvent&)>;

Run runBuild(const QString& dir, const QByteArray& buildspec, const Tweak& tweak = {},
             const Action& onEvent = {}) {
    QFile file(dir + QStringLiteral("/buildspec.yml"));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write buildspec");
    file.write(buildspec);
    file.close();
    BuildRequest request;
    request.sourceDirectory = dir;
    request.projectName = QStringLiteral("demo");
    request.killGraceMs = 500;
    if (tweak)
        tweak(request);
    BuildRunner runner(request);
    Run run;
    QObject::connect(&runner, &BuildRunner::runEvent, [&](const RunEvent& e) {
        run.events << e;
        if (e.kind == RunEventKind::LogChunk)
            run.log += e.data;
        if (onEvent)
            onEvent(runner, e);
    });
    QEventLoop loop;
    QObject::connect(&runner, &BuildRunner::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    runner.start();
    if (runner.isRunning())
        loop.exec();
    run.result = runner.result();
    run.groups = runner.processGroups();
    run.sourceRoot = runner.sourceRoot();
    return run;
}

bool anyGroupAlive(const QList<qint64>& groups) {
    for (qint64 g : groups) {
        if (::kill(-pid_t(g), 0) == 0)
            return true;
    }
    return false;
}

}  // namespace

class TestBuildRunner : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString dir() const { return m_dir.path(); }

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup() {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void tc1_failingBuildCommandThenPostBuild() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    commands:
      - echo one
      - exit 1
      - echo never
  post_build:
    commands:
      - echo "succeeding=$CODEBUILD_BUILD_SUCCEEDING"
)yaml");
        QCOMPARE(r.phase("INSTALL"), "SUCCEEDED");
        QCOMPARE(r.phase("PRE_BUILD"), "SUCCEEDED");
        QCOMPARE(r.phase("BUILD"), "FAILED");
        QVERIFY(r.printed("one"));
        QVERIFY(!r.log.contains("never"));
        QCOMPARE(r.phase("POST_BUILD"), "SUCCEEDED");
        QVERIFY(r.printed("succeeding=0"));
        QCOMPARE(r.phase("UPLOAD_ARTIFACTS"), "SUCCEEDED");
        QCOMPARE(r.phase("COMPLETED"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Failed);
        const PhaseRecord* build = r.result.phase("BUILD");
        QCOMPARE(build->contexts.size(), 1);
        QCOMPARE(build->contexts.first().statusCode, "COMMAND_EXECUTION_ERROR");
        QVERIFY(build->contexts.first().message.contains("exit status 1"));
    }

    void tc2_installFailureSkipsToFinalizing() {  // DIAGRAM, corroborated by #102
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  install:
    commands:
      - exit 3
    finally:
      - echo install-finally
  pre_build:
    commands: [echo pre]
  build:
    commands: [echo build]
  post_build:
    commands: [echo post]
)yaml");
        QCOMPARE(r.phase("INSTALL"), "FAILED");
        QVERIFY(r.printed("install-finally"));
        for (const char* skipped : {"PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS"})
            QCOMPARE(r.phase(skipped), "NOT_RUN");
        QVERIFY(!r.printed("pre") && !r.printed("build") && !r.printed("post"));
        QCOMPARE(r.phase("FINALIZING"), "SUCCEEDED");
        QCOMPARE(r.phase("COMPLETED"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Failed);
    }

    void tc3_preBuildFailureSkipsBuildFinally() {  // DIAGRAM only
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  pre_build:
    commands:
      - echo login
      - exit 1
    finally:
      - echo pre-cleanup
  build:
    commands: [echo build]
    finally:
      - echo build-cleanup
)yaml");
        QCOMPARE(r.phase("INSTALL"), "SUCCEEDED");
        QCOMPARE(r.phase("PRE_BUILD"), "FAILED");
        QVERIFY(r.printed("login"));
        QVERIFY(r.printed("pre-cleanup"));
        QVERIFY(!r.log.contains("build-cleanup"));
        QCOMPARE(r.phase("BUILD"), "NOT_RUN");
        QCOMPARE(r.phase("POST_BUILD"), "NOT_RUN");
        QCOMPARE(r.phase("UPLOAD_ARTIFACTS"), "NOT_RUN");
        QCOMPARE(r.result.status, RunStatus::Failed);
    }

    void tc4_finallyFailureFailsPhase() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    commands: [echo ok]
    finally:
      - exit 2
  post_build:
    commands:
      - exit 4
artifacts:
  files: ['**/*']
)yaml");
        QVERIFY(r.printed("ok"));
        QCOMPARE(r.phase("BUILD"), "FAILED");
        QCOMPARE(r.phase("POST_BUILD"), "FAILED");
        QCOMPARE(r.phase("UPLOAD_ARTIFACTS"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Failed);
        QCOMPARE(r.result.artifacts.size(), 1);
        QVERIFY(r.result.artifacts.first().files.contains("buildspec.yml"));
    }

    void tc5_onFailureContinue() {  // POLICY: phase stays FAILED, build FAILED, s=0
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  install:
    on-failure: CONTINUE
    commands:
      - exit 1
  build:
    commands:
      - echo "s=$CODEBUILD_BUILD_SUCCEEDING"
)yaml");
        QCOMPARE(r.phase("INSTALL"), "FAILED");
        QCOMPARE(r.phase("PRE_BUILD"), "SUCCEEDED");
        QCOMPARE(r.phase("BUILD"), "SUCCEEDED");
        QVERIFY(r.printed("s=0"));
        QCOMPARE(r.phase("POST_BUILD"), "SUCCEEDED");
        QCOMPARE(r.phase("UPLOAD_ARTIFACTS"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Failed);
    }

    void tc6_onFailureAbort() {  // POLICY: ABORT skips UPLOAD_ARTIFACTS
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    on-failure: ABORT
    commands:
      - exit 1
    finally:
      - echo still-runs
  post_build:
    commands: [echo post]
)yaml");
        QCOMPARE(r.phase("BUILD"), "FAILED");
        QVERIFY(r.printed("still-runs"));
        QCOMPARE(r.phase("POST_BUILD"), "NOT_RUN");
        QVERIFY(!r.printed("post"));
        QCOMPARE(r.phase("UPLOAD_ARTIFACTS"), "NOT_RUN");
        QCOMPARE(r.phase("FINALIZING"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Failed);
    }

    void tc7_exportedVariables() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
env:
  exported-variables:
    - IMAGE_TAG
phases:
  build:
    commands:
      - export IMAGE_TAG=abc123
      - IMAGE_TAG="${IMAGE_TAG}-1"
  post_build:
    commands:
      - test "$IMAGE_TAG" = "abc123-1"
)yaml");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        QCOMPARE(r.result.exportedVariables.size(), 1);
        QCOMPARE(r.result.exportedVariables.first().first, "IMAGE_TAG");
        QCOMPARE(r.result.exportedVariables.first().second, "abc123-1");
        const auto exported = std::find_if(r.events.begin(), r.events.end(), [](const RunEvent& e) {
            return e.kind == RunEventKind::VariableExported;
        });
        QVERIFY(exported != r.events.end());
        QCOMPARE(exported->value, "abc123-1");
    }

    void tc8_version01IsolatesCommands_data() {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("0.1") << QByteArray("0.1") << false;
        QTest::newRow("0.2") << QByteArray("0.2") << true;
    }
    void tc8_version01IsolatesCommands() {
        QFETCH(QByteArray, version);
        QFETCH(bool, succeeds);
        const Run r = runBuild(dir(), "version: " + version + R"yaml(
phases:
  build:
    commands:
      - mkdir -p sub && cd sub
      - test "$(basename "$PWD")" = sub
)yaml");
        QCOMPARE(r.phase("BUILD"), succeeds ? "SUCCEEDED" : "FAILED");
        QCOMPARE(r.phase("POST_BUILD"), "SUCCEEDED");
        QCOMPARE(r.phase("UPLOAD_ARTIFACTS"), "SUCCEEDED");
        QCOMPARE(r.result.status, succeeds ? RunStatus::Succeeded : RunStatus::Failed);
    }

    void tc8_cdCarriesAcrossPhases() {  // POLICY ("same instance" implies it)
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  pre_build:
    commands:
      - mkdir -p sub && cd sub
  build:
    commands:
      - test "$(basename "$PWD")" = sub
)yaml");
        QCOMPARE(r.phase("BUILD"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
    }

    void tc9_blockIsOneCommand() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
env:
  variables:
    MODE: debug
phases:
  build:
    commands:
      - |
        if [ "$MODE" = "release" ]; then
          echo release
        else
          echo debug
        fi
      - echo after
)yaml");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        const qsizetype debug = r.log.indexOf("\ndebug\n");
        QVERIFY(debug >= 0);
        QVERIFY(r.log.indexOf("\nafter\n") > debug);
        QVERIFY(!r.printed("release"));
        int started = 0;
        for (const RunEvent& e : r.events)
            started += e.kind == RunEventKind::CommandStarted && e.step == "BUILD";
        QCOMPARE(started, 2);
        QCOMPARE(r.log.count("Running command "), 2);
    }

    void tc10_bashShell_data() {
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("bash") << QByteArray("env:\n  shell: bash\n") << true;
        // POLICY: the default shell is /bin/sh; on dash the array syntax is an error.
        QTest::newRow("default sh") << QByteArray() << false;
    }
    void tc10_bashShell() {
        QFETCH(QByteArray, env);
        QFETCH(bool, succeeds);
        if (!succeeds && QFileInfo("/bin/sh").symLinkTarget().endsWith("bash"))
            QSKIP("/bin/sh is bash here");
        const Run r = runBuild(dir(), "version: 0.2\n" + env + R"yaml(phases:
  build:
    commands:
      - arr=(a b c); echo "${arr[1]}"
      - '[[ "abc" == a* ]] && echo match'
)yaml");
        QCOMPARE(r.phase("BUILD"), succeeds ? "SUCCEEDED" : "FAILED");
        QCOMPARE(r.printed("b"), succeeds);
        QCOMPARE(r.printed("match"), succeeds);
        QCOMPARE(r.result.status, succeeds ? RunStatus::Succeeded : RunStatus::Failed);
    }

    void tc11_environmentPrecedence_data() {
        QTest::addColumn<bool>("project");
        QTest::addColumn<bool>("override");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("override") << true << true << QByteArray("override");
        QTest::newRow("project") << true << false << QByteArray("project");
        QTest::newRow("buildspec") << false << false << QByteArray("buildspec");
    }
    void tc11_environmentPrecedence() {
        QFETCH(bool, project);
        QFETCH(bool, override);
        QFETCH(QByteArray, expected);
        const Run r = runBuild(dir(), R"yaml(version: 0.2
env:
  variables:
    MY_VAR: buildspec
    PATH: "$PATH:/opt/tools/bin"
phases:
  build:
    commands:
      - echo "$MY_VAR"
      - /bin/echo "$PATH"
)yaml",
                               [&](BuildRequest& req) {
                                   if (project)
                                       req.projectVariables = {{"MY_VAR", "project"}};
                                   if (override)
                                       req.overrideVariables = {{"MY_VAR", "override"}};
                               });
        QVERIFY2(r.printed(expected), r.log.constData());
        QVERIFY(r.printed("$PATH:/opt/tools/bin"));  // literal, never expanded
        QCOMPARE(r.result.status, RunStatus::Succeeded);
    }

    // ---- beyond §6 ---------------------------------------------------------------------

    // The shell starts before the buildspec is read (in the build folder when the source is
    // copied); the commands must not notice: they start in the copy with OLDPWD as the
    // engine had it, and see a buildspec variable that replaces one of the machine's.
    void provisionedShellLooksFresh() {
        qputenv("PW_PROVISION_TEST", "machine");
        const QByteArray oldpwd = qEnvironmentVariableIsSet("OLDPWD")
                                      ? "old=" + qgetenv("OLDPWD") + "|"
                                      : QByteArray("old=unset|");
        const Run r = runBuild(dir(), R"yaml(version: 0.2
env:
  variables:
    PW_PROVISION_TEST: buildspec
phases:
  build:
    commands:
      - echo "dir=$(pwd)|"
      - echo "old=${OLDPWD-unset}|"
      - echo "var=$PW_PROVISION_TEST|"
)yaml");
        qunsetenv("PW_PROVISION_TEST");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        QVERIFY2(r.printed("dir=" + r.sourceRoot.toUtf8() + "|"), r.log.constData());
        QVERIFY2(r.printed(oldpwd), r.log.constData());
        QVERIFY2(r.printed("var=buildspec|"), r.log.constData());
    }

    // Spec §4.3: `name` uses the shell command language, evaluated in the build's shell at
    // UPLOAD_ARTIFACTS, so it sees buildspec variables and what the commands exported.
    void artifactNameIsEvaluatedByTheShell() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
env:
  variables:
    STAGE: beta
phases:
  build:
    commands:
      - export FROM_BUILD=exported
      - mkdir -p out && echo hi > out/a.txt
artifacts:
  files: [out/a.txt]
  name: "$(printf 'x%s' $((1+2)))-${UNSET_ONE:-dflt}-$STAGE-$FROM_BUILD-$(date +%Y)"
  secondary-artifacts:
    second:
      files: [out/a.txt]
      name: plain-${STAGE}
)yaml");
        QCOMPARE(r.phase("UPLOAD_ARTIFACTS"), "SUCCEEDED");
        QCOMPARE(r.result.artifacts.size(), 2);
        const QString year = QString::number(QDate::currentDate().year());
        QCOMPARE(QFileInfo(r.result.artifacts.at(0).path).fileName(),
                 "x3-dflt-beta-exported-" + year + ".zip");
        QCOMPARE(QFileInfo(r.result.artifacts.at(1).path).fileName(), "plain-beta.zip");
    }

    void invalidBuildspecFailsDownloadSource() {
        const Run r = runBuild(dir(), "version: 0.2\nphases:\n  build:\n    comands: [echo hi]\n");
        QCOMPARE(r.phase("DOWNLOAD_SOURCE"), "FAILED");
        QCOMPARE(r.result.phase("DOWNLOAD_SOURCE")->contexts.first().statusCode, "YAML_FILE_ERROR");
        QVERIFY(r.result.invalidInput);
        QCOMPARE(r.phase("INSTALL"), "NOT_RUN");
        QCOMPARE(r.phase("FINALIZING"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Failed);
    }

    void missingBuildspecIsYamlFileError() {
        const Run r = runBuild(dir(), "version: 0.2\n",
                               [](BuildRequest& req) { req.buildspecPath = "nope.yml"; });
        QCOMPARE(r.result.phase("DOWNLOAD_SOURCE")->contexts.first().statusCode, "YAML_FILE_ERROR");
        QVERIFY(r.result.invalidInput);
    }

    void builtinVariables() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    commands:
      - echo "id=$CODEBUILD_BUILD_ID"
      - echo "n=$CODEBUILD_BUILD_NUMBER"
      - echo "src=$CODEBUILD_SRC_DIR"
      - echo "start=$CODEBUILD_START_TIME"
)yaml",
                               [](BuildRequest& req) { req.buildNumber = 7; });
        QVERIFY(r.printed(("id=" + r.result.id).toUtf8()));
        QVERIFY(r.result.id.startsWith("demo:"));
        QVERIFY(r.printed("n=7"));
        QVERIFY(r.printed(("src=" + r.sourceRoot).toUtf8()));
        QVERIFY(r.printed(("start=" + QString::number(r.result.startedMs)).toUtf8()));
    }

    void buildDoesNotDirtySourceTree() {
        const Run r = runBuild(dir(),
                               "version: 0.2\nphases:\n  build:\n    commands:\n"
                               "      - echo x > made-by-build\n");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        QVERIFY(QFile::exists(r.sourceRoot + "/made-by-build"));
        QVERIFY(!QFile::exists(dir() + "/made-by-build"));
    }

    void inPlaceBuildsInTheFolder() {
        const Run r = runBuild(dir(),
                               "version: 0.2\nphases:\n  build:\n    commands:\n"
                               "      - echo x > made-by-build\n",
                               [](BuildRequest& req) { req.inPlace = true; });
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        QVERIFY(QFile::exists(dir() + "/made-by-build"));
    }

    void exitAndSyntaxErrorKeepShellState() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  install:
    on-failure: CONTINUE
    commands:
      - export KEPT=yes; mkdir -p deep && cd deep
      - 'if then'
  build:
    commands:
      - exit 0
      - echo "kept=$KEPT in $(basename "$PWD")"
)yaml");
        QCOMPARE(r.phase("INSTALL"), "FAILED");  // the syntax error
        QCOMPARE(r.phase("BUILD"), "SUCCEEDED");
        QVERIFY2(r.printed("kept=yes in deep"), r.log.constData());
    }

    void runAsUser() {
        if (::geteuid() != 0)
            QSKIP("run-as needs root (the engine warns instead)");
        const Run r = runBuild(dir(), R"yaml(version: 0.2
run-as: nobody
phases:
  install:
    run-as: root
    commands:
      - echo "install as $(id -un)"
  build:
    commands:
      - echo "build as $(id -un)"
      - 'echo "it''s $(id -u)"'
)yaml");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        QVERIFY2(r.printed("install as root"), r.log.constData());  // the phase's run-as wins
        QVERIFY(r.printed("build as nobody"));
        QVERIFY(r.printed("it's 65534"));
        QVERIFY(r.log.contains("Running command echo \"build as $(id -un)\""));
    }

    void runAsUnknownUserFailsThePhase() {
        if (::geteuid() != 0)
            QSKIP("run-as needs root");
        const Run r = runBuild(dir(),
                               "version: 0.2\nrun-as: no-such-user-pw\nphases:\n  build:\n"
                               "    commands: [echo hi]\n");
        QCOMPARE(r.phase("INSTALL"), "FAILED");
        QCOMPARE(r.result.status, RunStatus::Failed);
    }

    void retryRerunsThePhase() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    on-failure: RETRY-2
    commands:
      - 'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo "attempt $n"; [ $n -ge 3 ]'
)yaml");
        QVERIFY(r.printed("attempt 3"));
        QCOMPARE(r.phase("BUILD"), "SUCCEEDED");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
    }

    void retryGivesUpAfterCount() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    on-failure: RETRY-1
    commands:
      - 'echo try; exit 5'
)yaml");
        QCOMPARE(r.log.count("\ntry\n"), 2);
        QCOMPARE(r.phase("BUILD"), "FAILED");
    }

    void secretsAreMasked() {
        const Run r =
            runBuild(dir(), R"yaml(version: 0.2
env:
  parameter-store:
    DB_PASS: /app/db-pass
  secrets-manager:
    TOKEN: prod/api:token
  exported-variables: [DB_PASS]
phases:
  build:
    commands:
      - echo "pass=$DB_PASS token=$TOKEN"
      - printf 'no newline %s' "$DB_PASS"
      - 'echo "$DB_PASS" >&2; exit 1'
)yaml",
                     [](BuildRequest& req) {
                         req.parameterStore = {{"/app/db-pass", "hunter2-s3cret"}};
                         req.secretsManager = {{"prod/api", R"({"token":"tok-XYZ-987"})"}};
                     });
        QVERIFY2(r.printed("pass=*** token=***"), r.log.constData());
        QVERIFY(r.log.contains("no newline ***"));
        for (const RunEvent& e : r.events) {
            const QByteArray json = e.toJsonLine();
            QVERIFY2(!json.contains("hunter2-s3cret") && !json.contains("tok-XYZ-987"), json);
        }
        QVERIFY(!r.log.contains("hunter2-s3cret"));
    }

    void unresolvedSecretFailsDownloadSource() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
env:
  parameter-store:
    DB_PASS: /missing
phases:
  build:
    commands: [echo never]
)yaml");
        QCOMPARE(r.phase("DOWNLOAD_SOURCE"), "FAILED");
        QVERIFY(!r.printed("never"));
        QCOMPARE(r.result.status, RunStatus::Failed);
    }

    void stopLeavesNoProcess() {
        bool stopped = false;
        const Run r = runBuild(
            dir(), R"yaml(version: 0.2
phases:
  build:
    commands:
      - sleep 300 & echo started; trap '' TERM; sleep 300
      - echo never
)yaml",
            {}, [&](BuildRunner& runner, const RunEvent& e) {
                if (!stopped && e.kind == RunEventKind::LogChunk && e.data.contains("started\n")) {
                    stopped = true;
                    QTimer::singleShot(50, &runner, &BuildRunner::stop);
                }
            });
        QVERIFY(stopped);
        QCOMPARE(r.result.status, RunStatus::Stopped);
        QCOMPARE(r.phase("BUILD"), "STOPPED");
        QCOMPARE(r.phase("POST_BUILD"), "NOT_RUN");
        QVERIFY(!r.printed("never"));
        QVERIFY(!r.groups.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!anyGroupAlive(r.groups), 3000);
    }

    void phaseTimeoutLeavesNoProcess() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    commands:
      - sleep 300 & sleep 300
)yaml",
                               [](BuildRequest& req) { req.phaseTimeoutMs = 300; });
        QCOMPARE(r.result.status, RunStatus::TimedOut);
        QCOMPARE(r.phase("BUILD"), "TIMED_OUT");
        QCOMPARE(r.result.phase("BUILD")->contexts.first().statusCode, "BUILD_TIMED_OUT");
        QTRY_VERIFY_WITH_TIMEOUT(!anyGroupAlive(r.groups), 3000);
    }

    void buildTimeout() {
        const Run r = runBuild(dir(),
                               "version: 0.2\nphases:\n  install:\n    commands:\n"
                               "      - sleep 300\n",
                               [](BuildRequest& req) { req.buildTimeoutMs = 300; });
        QCOMPARE(r.result.status, RunStatus::TimedOut);
        QCOMPARE(r.phase("INSTALL"), "TIMED_OUT");
        QCOMPARE(r.phase("BUILD"), "NOT_RUN");
        QTRY_VERIFY_WITH_TIMEOUT(!anyGroupAlive(r.groups), 3000);
    }

    void backgroundJobsDieWithTheBuild() {
        const Run r = runBuild(dir(),
                               "version: 0.2\nphases:\n  build:\n    commands:\n"
                               "      - (sleep 300 &) ; echo bg\n");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        QTRY_VERIFY_WITH_TIMEOUT(!anyGroupAlive(r.groups), 3000);
    }

    void awkwardOutputIsKept() {
        const Run r = runBuild(dir(), R"yaml(version: 0.2
phases:
  build:
    commands:
      - printf 'bad \377\376 utf8\n'
      - head -c 3000000 /dev/zero | tr '\0' x
      - head -c 4096 /dev/urandom > /dev/null; printf '\001\002\000bin\n'
)yaml");
        QCOMPARE(r.result.status, RunStatus::Succeeded);
        QVERIFY(r.log.contains("bad \377\376 utf8\n"));
        qsizetype xs = 0;  // the 3 MB line arrives cut into pieces, none lost
        for (const QByteArray& line : r.log.split('\n')) {
            if (!line.isEmpty() && line.count('x') == line.size())
                xs += line.size();
        }
        QCOMPARE(xs, 3000000);
        QVERIFY(r.log.contains(QByteArray("\001\002\000bin\n", 7)));
    }

    void eventsAreOrderedAndSerialisable() {
        const Run r = runBuild(dir(), "version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n");
        QVERIFY(!r.events.isEmpty());
        QCOMPARE(r.events.first().kind, RunEventKind::RunStarted);
        QCOMPARE(r.events.last().kind, RunEventKind::RunFinished);
        for (qsizetype i = 0; i < r.events.size(); ++i) {
            QCOMPARE(r.events[i].sequence, i + 1);
            const auto back =
                RunEvent::fromJson(QJsonDocument::fromJson(r.events[i].toJsonLine()).object());
            QVERIFY(back);
            QCOMPARE(back->kind, r.events[i].kind);
            QCOMPARE(back->step, r.events[i].step);
            QCOMPARE(back->timeMs, r.events[i].timeMs);
        }
        QStringList order;
        for (const RunEvent& e : r.events) {
            if (e.kind == RunEventKind::StepStarted)
                order << e.step;
        }
        QCOMPARE(order, QStringList({"SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE",
                                     "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD",
                                     "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"}));
    }
};

QTEST_GUILESS_MAIN(TestBuildRunner)
#include "tst_buildrunner.moc"
