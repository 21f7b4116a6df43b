#include "deploy/hookrunner.h"

#include <unistd.h>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace pw;

class TestHookRunner : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_revision;
    QString m_root;

    void script(const QString& name, const QByteArray& body, bool executable = true) {
        const QString path = m_revision + u'/' + name;
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(body);
        f.close();
        if (executable)
            f.setPermissions(f.permissions() | QFile::ExeOwner);
    }

    HookContext context(const QString& event = QStringLiteral("ApplicationStart")) {
        return {event,
                QStringLiteral("d-ABC123"),
                QStringLiteral("shop"),
                QStringLiteral("web"),
                QStringLiteral("dg-42"),
                m_revision,
                m_root,
                8081};
    }

    HookResult run(HookRunner& runner, int timeoutMs = 10000) {
        QSignalSpy finished(&runner, &HookRunner::finished);
        runner.start();
        if (finished.isEmpty())
            finished.wait(timeoutMs);
        if (finished.isEmpty())
            return {HookErrorCode::UnknownError, QStringLiteral("test: no result")};
        return finished.first().first().value<HookResult>();
    }

    // Running, not merely an unreaped zombie.
    static bool running(pid_t pid) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
    }

private slots:
    void initTestCase() { qRegisterMetaType<HookResult>(); }

    void init() {
        static int n = 0;
        m_revision = m_tmp.filePath(QStringLiteral("rev%1").arg(++n));
        m_root = m_tmp.filePath(QStringLiteral("root%1").arg(n));
        QDir().mkpath(m_revision);
        QDir().mkpath(m_root);
    }

    void runsScriptsInOrderWithTheAgentsEnvironment() {
        script("scripts/a.sh",
               "#!/bin/sh\necho \"$LIFECYCLE_EVENT $DEPLOYMENT_ID $APPLICATION_NAME "
               "$DEPLOYMENT_GROUP_NAME $DEPLOYMENT_GROUP_ID $PIPEWRIGHT_INSTANCE_PORT\"\n"
               "pwd\necho oops >&2\n");
        script("scripts/b.sh", "echo second without a shebang\nprintf 'no newline'\n", false);
        HookRunner runner(context(), {{QStringLiteral("scripts/a.sh"), 5000, {}},
                                      {QStringLiteral("scripts/b.sh"), 5000, {}}});
        const HookResult r = run(runner);
        QCOMPARE(r.code, HookErrorCode::Succeeded);
        const QByteArray log = runner.log();
        QVERIFY2(log.contains("[stdout]ApplicationStart d-ABC123 shop web dg-42 8081\n"), log);
        QVERIFY(log.contains("[stdout]" + QFileInfo(m_root).canonicalFilePath().toUtf8() + "\n"));
        QVERIFY(log.contains("[stderr]oops\n"));
        QVERIFY(log.indexOf("Script - scripts/a.sh") < log.indexOf("Script - scripts/b.sh"));
        QVERIFY(log.contains("[stdout]second without a shebang\n"));
        QVERIFY(log.contains("[stdout]no newline\n"));
    }

    void missingScript() {
        HookRunner runner(context(), {{QStringLiteral("scripts/nope.sh"), 5000, {}}});
        const HookResult r = run(runner);
        QCOMPARE(r.code, HookErrorCode::ScriptMissing);
        QCOMPARE(r.message,
                 QStringLiteral("Script does not exist at specified location: ") +
                     QDir(m_revision).absoluteFilePath(QStringLiteral("scripts/nope.sh")));
        QCOMPARE(apiErrorCode(r.code), QStringLiteral("ScriptMissing"));
    }

    void failingScriptStopsTheEvent() {
        script("fail.sh", "#!/bin/sh\nexit 3\n");
        script("never.sh", "#!/bin/sh\ntouch \"$PIPEWRIGHT_INSTANCE_ROOT/ran\"\n");
        HookRunner runner(context(), {{QStringLiteral("fail.sh"), 5000, {}},
                                      {QStringLiteral("never.sh"), 5000, {}}});
        const HookResult r = run(runner);
        QCOMPARE(r.code, HookErrorCode::ScriptFailed);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.message,
                 QStringLiteral("Script at specified location: fail.sh failed with exit code 3"));
        QVERIFY(!QFile::exists(m_root + QStringLiteral("/ran")));
    }

    // appspec.md TC2: SIGTERM goes to the whole group, children included.
    void timeoutTerminatesTheProcessGroup() {
        script("migrate.sh",
               "#!/bin/sh\nsleep 30 &\necho $! > \"$PIPEWRIGHT_INSTANCE_ROOT/child.pid\"\n"
               "sleep 30\n");
        HookRunner runner(context(QStringLiteral("AfterInstall")),
                          {{QStringLiteral("migrate.sh"), 1000, {}}});
        QElapsedTimer clock;
        clock.start();
        const HookResult r = run(runner);
        QCOMPARE(r.code, HookErrorCode::ScriptTimedOut);
        QCOMPARE(r.message, QStringLiteral("Script at specified location: migrate.sh failed to "
                                           "complete in 1 seconds"));
        QVERIFY(clock.elapsed() >= 1000 && clock.elapsed() < 5000);
        QFile pidFile(m_root + QStringLiteral("/child.pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t child = pid_t(pidFile.readAll().trimmed().toInt());
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!running(child), 3000);
    }

    // appspec.md TC6: `./server &` keeps stdout open after the script exits.
    void daemonHoldingStdoutFailsToClose() {
        script("start.sh", "#!/bin/sh\nsleep 5 &\necho started\n");
        HookRunner runner(context(), {{QStringLiteral("start.sh"), 800, {}}});
        const HookResult r = run(runner);
        QCOMPARE(r.code, HookErrorCode::OutputsLeftOpen);
        QCOMPARE(r.message,
                 QStringLiteral("Script at specified location: start.sh failed to close STDOUT"));
        QCOMPARE(apiErrorCode(r.code), QStringLiteral("UnknownError"));
        QVERIFY(runner.log().contains("[stdout]started\n"));
    }

    void daemonWithRedirectedOutputSucceeds() {
        script("start.sh", "#!/bin/sh\nsleep 5 > /dev/null 2> /dev/null < /dev/null &\n");
        HookRunner runner(context(), {{QStringLiteral("start.sh"), 3000, {}}});
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(run(runner).code, HookErrorCode::Succeeded);
        QVERIFY(clock.elapsed() < 2000);  // did not wait for the deadline
    }

    void stderrLeftOpen() {
        script("start.sh", "#!/bin/sh\nsleep 5 > /dev/null 2>&2 < /dev/null &\n");
        HookRunner runner(context(), {{QStringLiteral("start.sh"), 600, {}}});
        QCOMPARE(run(runner).message,
                 QStringLiteral("Script at specified location: start.sh failed to close STDERR"));
    }

    void cancelStopsTheScript() {
        script("long.sh", "#!/bin/sh\nsleep 30\n");
        HookRunner runner(context(), {{QStringLiteral("long.sh"), 60000, {}}});
        QSignalSpy finished(&runner, &HookRunner::finished);
        runner.start();
        QTest::qWait(200);
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().value<HookResult>().code, HookErrorCode::UnknownError);
    }

    void restartMessage() {
        QCOMPARE(failedAfterRestartMessage(),
                 QStringLiteral("Failing in-progress lifecycle event after an agent restart."));
        QCOMPARE(hookErrorCodeName(HookErrorCode::FailedAfterRestart),
                 QStringLiteral("FailedAfterRestart"));
    }
};

QTEST_GUILESS_MAIN(TestHookRunner)
#include "tst_hookrunner.moc"
