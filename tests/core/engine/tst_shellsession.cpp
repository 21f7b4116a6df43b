#include "engine/shellsession.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace pw;

namespace {

struct Outcome {
    int exitCode = -1;
    QByteArray output;
};

Outcome runOne(ShellSession& shell, const QString& command, int timeoutMs = 10000) {
    Outcome o;
    auto c1 = QObject::connect(&shell, &ShellSession::output,
                               [&](const QByteArray& b) { o.output += b; });
    QSignalSpy done(&shell, &ShellSession::commandFinished);
    QSignalSpy batch(&shell, &ShellSession::batchFinished);
    shell.run(command);
    if (batch.wait(timeoutMs) && done.size() == 1)
        o.exitCode = done.first().first().toInt();
    QObject::disconnect(c1);
    return o;
}

}  // namespace

class TestShellSession : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ShellSession::Options options(ShellSession::Mode mode) const {
        ShellSession::Options o;
        o.mode = mode;
        o.workingDirectory = m_dir.path();
        o.environment = QProcessEnvironment::systemEnvironment();
        o.stateDirectory = m_dir.path() + "/.state";
        o.killGraceMs = 300;
        return o;
    }

private slots:
    // Without a state folder of its own, a session uses a private scratch folder (memory-backed
    // where there is one) that goes with it; one left by a killed process goes with the next.
    void scratchStateIsCleanedUp() {
        ShellSession::Options o = options(ShellSession::Mode::Persistent);
        o.stateDirectory.clear();
        QString state;
        {
            ShellSession shell(o);
            state = shell.stateDirectory();
            QVERIFY(QFileInfo(state).isDir());
            QCOMPARE(QFile::permissions(state) & QFileDevice::ReadGroup,
                     QFileDevice::Permissions());
            QCOMPARE(runOne(shell, "exit 0").exitCode, 0);  // the EXIT trap writes there
        }
        QVERIFY(!QFileInfo::exists(state));
        QProcess gone;  // a process id that is no longer in use
        gone.start("sleep", {"0.1"});
        QVERIFY(gone.waitForStarted());
        const qint64 pid = gone.processId();
        QVERIFY(pid > 0);
        QVERIFY(gone.waitForFinished());
        const QString orphan =
            QFileInfo(state).path() + QStringLiteral("/pipewright-%1-PWtest").arg(pid);
        QVERIFY(QDir().mkpath(orphan));
        ShellSession next(o);
        QVERIFY(!QFileInfo::exists(orphan));
        QVERIFY(QFileInfo(next.stateDirectory()).isDir());
    }

    void persistentKeepsDirectoryAndVariables() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        QCOMPARE(runOne(shell, "mkdir -p a && cd a; export X=1; Y=2").exitCode, 0);
        const Outcome o = runOne(shell, "echo \"$(basename \"$PWD\") $X $Y\"");
        QCOMPARE(o.output, QByteArray("a 1 2\n"));
        QCOMPARE(shell.processGroups().size(), 1);  // one shell for all commands
    }

    void perCommandIsolates() {
        ShellSession shell(options(ShellSession::Mode::PerCommand));
        QCOMPARE(runOne(shell, "mkdir -p b && cd b; export X=1").exitCode, 0);
        const Outcome o = runOne(shell, "echo \"$(basename \"$PWD\")-${X:-unset}\"");
        QCOMPARE(o.output, (QFileInfo(m_dir.path()).fileName() + "-unset\n").toUtf8());
        QCOMPARE(shell.processGroups().size(), 2);
    }

    void exitStatusIsReported_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("code");
        QTest::newRow("true") << "true" << 0;
        QTest::newRow("false") << "false" << 1;
        QTest::newRow("exit 7 kills the shell") << "exit 7" << 7;
        QTest::newRow("syntax error") << "if then" << 2;
        QTest::newRow("block status is the last statement") << "false\ntrue" << 0;
    }
    void exitStatusIsReported() {
        QFETCH(QString, command);
        QFETCH(int, code);
        ShellSession shell(options(ShellSession::Mode::Persistent));
        QCOMPARE(runOne(shell, command).exitCode, code);
        QCOMPARE(runOne(shell, "echo alive").output, QByteArray("alive\n"));
    }

    void stateSurvivesShellExit() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        runOne(shell, "mkdir -p c && cd c && export KEEP='it''s \"q\"'");
        QCOMPARE(runOne(shell, "exit 3").exitCode, 3);
        const Outcome o = runOne(shell, "echo \"$(basename \"$PWD\") $KEEP\"");
        QCOMPARE(o.output, QByteArray("c its \"q\"\n"));
        QCOMPARE(shell.processGroups().size(), 2);
    }

    void stdinIsNull() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        // If commands shared the shell's stdin, `cat` would swallow the next block.
        const Outcome o = runOne(shell, "cat; echo after");
        QCOMPARE(o.output, QByteArray("after\n"));
    }

    void outputWithoutNewlineAndMarkerLookalikes() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        const Outcome o = runOne(shell, "printf 'a\\036b\\036PWfake 1\\036\\nend'");
        QCOMPARE(o.output, QByteArray("a\036b\036PWfake 1\036\nend"));
        QCOMPARE(o.exitCode, 0);
    }

    void stderrIsMergedInOrder() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        const Outcome o = runOne(shell, "echo 1; echo 2 >&2; echo 3");
        QCOMPARE(o.output, QByteArray("1\n2\n3\n"));
    }

    void variablesSetBeforeNextCommand() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        shell.setVariable("CODEBUILD_BUILD_SUCCEEDING", "0");
        QCOMPARE(runOne(shell, "echo $CODEBUILD_BUILD_SUCCEEDING").output, QByteArray("0\n"));
    }

    void queryVariables() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        runOne(shell, "A='x y'; export B=2; C=");
        QSignalSpy read(&shell, &ShellSession::variablesRead);
        shell.queryVariables({"A", "B", "C", "UNSET_ONE"});
        QVERIFY(read.wait(5000));
        const auto values = read.first().first().value<QMap<QString, QString>>();
        QCOMPARE(values.value("A"), "x y");
        QCOMPARE(values.value("B"), "2");
        QVERIFY(values.contains("C"));
        QVERIFY(!values.contains("UNSET_ONE"));
    }

    void batchStopsAtFirstFailure() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        QSignalSpy started(&shell, &ShellSession::commandStarted);
        QSignalSpy done(&shell, &ShellSession::commandFinished);
        QSignalSpy batch(&shell, &ShellSession::batchFinished);
        QByteArray output;
        connect(&shell, &ShellSession::output, this, [&](const QByteArray& b) { output += b; });
        shell.runBatch({"echo one", "exit 0", "echo two; (exit 4)", "echo never"});
        QVERIFY(batch.wait(5000));
        QCOMPARE(started.size(), 3);
        QCOMPARE(done.size(), 3);
        QCOMPARE(done.at(1).first().toInt(), 0);  // `exit 0` ended a shell; the rest went on
        QCOMPARE(done.at(2).first().toInt(), 4);
        QCOMPARE(output, QByteArray("one\ntwo\n"));
    }

    // One marker per command: a start is implied by the previous command's zero status, and
    // what follows a failure is neither reported nor even parsed (its syntax error included).
    void skippedCommandsAreNotReported_data() {
        QTest::addColumn<QString>("program");
        QTest::newRow("sh") << "/bin/sh";
        QTest::newRow("bash") << "/bin/bash";
    }
    void skippedCommandsAreNotReported() {
        QFETCH(QString, program);
        ShellSession::Options o = options(ShellSession::Mode::Persistent);
        o.program = program;
        ShellSession shell(o);
        QSignalSpy started(&shell, &ShellSession::commandStarted);
        QSignalSpy done(&shell, &ShellSession::commandFinished);
        QSignalSpy batch(&shell, &ShellSession::batchFinished);
        shell.runBatch({"true", "(exit 5)", "if then", "echo never"});
        QVERIFY(batch.wait(5000));
        QCOMPARE(started.size(), 2);
        QCOMPARE(started.at(1).first().toInt(), 1);
        QCOMPARE(done.size(), 2);
        QCOMPARE(done.at(1).first().toInt(), 5);
        QCOMPARE(runOne(shell, "echo alive").output, QByteArray("alive\n"));
        QCOMPARE(shell.processGroups().size(), 1);  // the syntax error was never parsed
    }

    // bash keeps running after a syntax error in the sourced batch; sh ends (and restarts).
    void syntaxErrorMidBatch_data() { skippedCommandsAreNotReported_data(); }
    void syntaxErrorMidBatch() {
        QFETCH(QString, program);
        ShellSession::Options o = options(ShellSession::Mode::Persistent);
        o.program = program;
        ShellSession shell(o);
        QSignalSpy done(&shell, &ShellSession::commandFinished);
        QSignalSpy batch(&shell, &ShellSession::batchFinished);
        QByteArray output;
        connect(&shell, &ShellSession::output, this, [&](const QByteArray& b) { output += b; });
        shell.runBatch({"export K=kept; echo one", "if then", "echo never"});
        QVERIFY(batch.wait(5000));
        QCOMPARE(done.size(), 2);
        QCOMPARE(done.at(0).first().toInt(), 0);
        QCOMPARE(done.at(1).first().toInt(), 2);
        QVERIFY(output.startsWith("one\n"));
        QVERIFY(!output.contains("never"));
        QCOMPARE(runOne(shell, "echo $K").output, QByteArray("kept\n"));
    }

    void expandWordsInTheSessionShell() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        runOne(shell, "export V=shell; cd /");
        QSignalSpy expanded(&shell, &ShellSession::wordsExpanded);
        shell.expandWords({"$(printf x%s $((1+2)))-${UNSET_ONE:-dflt}-$V", "a b  c", "$PWD"});
        QVERIFY(expanded.wait(5000));
        QVERIFY(expanded.first().at(1).toBool());
        QCOMPARE(expanded.first().first().toStringList(),
                 QStringList({"x3-dflt-shell", "a b  c", "/"}));
        shell.expandWords({"$(", "x"});  // a syntax error: no values
        QVERIFY(expanded.wait(5000));
        QVERIFY(!expanded.last().at(1).toBool());
        QVERIFY(expanded.last().first().toStringList().isEmpty());
        QCOMPARE(runOne(shell, "echo $V").output, QByteArray("shell\n"));  // state restored
    }

    void missingShellFailsTheCommand_data() {
        QTest::addColumn<ShellSession::Mode>("mode");
        QTest::newRow("persistent") << ShellSession::Mode::Persistent;
        QTest::newRow("per command") << ShellSession::Mode::PerCommand;
    }
    void missingShellFailsTheCommand() {
        QFETCH(ShellSession::Mode, mode);
        ShellSession::Options o = options(mode);
        o.program = m_dir.path() + "/no-such-shell";
        ShellSession shell(o);
        QCOMPARE(runOne(shell, "true").exitCode, 127);
    }

    void perCommandBatch() {
        ShellSession shell(options(ShellSession::Mode::PerCommand));
        QSignalSpy done(&shell, &ShellSession::commandFinished);
        QSignalSpy batch(&shell, &ShellSession::batchFinished);
        shell.runBatch({"true", "exit 3", "echo never"});
        QVERIFY(batch.wait(5000));
        QCOMPARE(done.size(), 2);
        QCOMPARE(done.at(1).first().toInt(), 3);
    }

    void terminateKillsBackgroundJobs() {
        ShellSession shell(options(ShellSession::Mode::Persistent));
        QSignalSpy done(&shell, &ShellSession::commandFinished);
        QSignalSpy out(&shell, &ShellSession::output);
        shell.run("sleep 300 & trap '' TERM; echo go; sleep 300");
        QVERIFY(out.wait(5000));
        shell.terminate();
        QVERIFY(done.wait(5000));
        QVERIFY(done.first().first().toInt() != 0);
        const qint64 group = shell.processGroups().first();
        QTRY_VERIFY_WITH_TIMEOUT(::kill(-pid_t(group), 0) != 0, 3000);
    }
};

QTEST_GUILESS_MAIN(TestShellSession)
#include "tst_shellsession.moc"
