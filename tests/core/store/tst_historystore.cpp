#include "store/historyquery.h"
#include "store/historystore.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtSql/QSqlRecord>

using namespace pw;

namespace {

RunEvent makeEvent(RunEventKind kind, const QString& runId, const QString& step = {}) {
    RunEvent e;
    e.kind = kind;
    e.runId = runId;
    e.timeMs = nowUtcMs();
    e.step = step;
    return e;
}

void startRun(HistoryStore& store, const QString& id, const QString& project, int number) {
    RunEvent e = makeEvent(RunEventKind::RunStarted, id);
    e.name = project;
    e.value = QString::number(number);
    store.record(e);
}

// Rows straight from history.sqlite through a read-only connection of its own, as another
// reader (the `history` command, the GUI) sees them.
QList<QVariantList> readRows(const QString& dir, const QString& sql) {
    QList<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "reader");
        db.setDatabaseName(dir + "/history.sqlite");
        db.setConnectOptions("QSQLITE_OPEN_READONLY");
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(sql);
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row << q.value(i);
                rows << row;
            }
        }
    }
    QSqlDatabase::removeDatabase("reader");
    return rows;
}

}  // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT
private slots:
    void recordsABuild() {
        QTemporaryDir dir;
        {
            HistoryStore store(dir.path());
            QVERIFY(store.open());
            QCOMPARE(store.nextBuildNumber("app"), 1);
            startRun(store, "app:1", "app", 1);
            store.record(makeEvent(RunEventKind::StepStarted, "app:1", "BUILD"));
            RunEvent cmd = makeEvent(RunEventKind::CommandStarted, "app:1", "BUILD");
            cmd.name = "make";
            cmd.index = 0;
            store.record(cmd);
            RunEvent log = makeEvent(RunEventKind::LogChunk, "app:1", "BUILD");
            log.data = QByteArray("line one\nbad \377 byte\n");
            store.record(log);
            RunEvent fin = makeEvent(RunEventKind::StepFinished, "app:1", "BUILD");
            fin.status = RunStatus::Failed;
            fin.code = "COMMAND_EXECUTION_ERROR";
            fin.message = "Error while executing command: make. Reason: exit status 2";
            store.record(fin);
            RunEvent end = makeEvent(RunEventKind::RunFinished, "app:1");
            end.status = RunStatus::Failed;
            store.record(end);
            BuildResult result;
            result.id = "app:1";
            result.status = RunStatus::Failed;
            result.exportedVariables = {{"TAG", "v1"}};
            result.artifacts = {{"", "/x/a.zip", {"a.txt", "b/c.txt"}, true},
                                {"reports", "/x/r.zip", {"r.xml"}, false}};
            store.recordResult(result);
            QCOMPARE(store.nextBuildNumber("app"), 2);
            QCOMPARE(store.nextBuildNumber("other"), 1);
        }
        HistoryStore reopened(dir.path());
        QVERIFY(reopened.open());
        const QList<BuildSummary> builds = reopened.builds();
        QCOMPARE(builds.size(), 1);
        QCOMPARE(builds.first().status, "FAILED");
        const auto build = reopened.build("app:1");
        QVERIFY(build);
        QCOMPARE(build->phases.size(), 1);
        QCOMPARE(build->phases.first().contexts.first().statusCode, "COMMAND_EXECUTION_ERROR");
        QCOMPARE(build->exportedVariables.first().second, "v1");
        QCOMPARE(build->artifacts.first().files, QStringList({"a.txt", "b/c.txt"}));
        // A deployment of this build finds its revision by the primary flag.
        QVERIFY(build->artifacts.first().primary);
        QVERIFY(!build->artifacts.last().primary);
        QFile log(builds.first().logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().split('\n');
        QVERIFY(lines[0].endsWith("Z line one"));
        QVERIFY(lines[1].endsWith("Z bad \377 byte"));  // bytes kept as they came
        QCOMPARE(lines[0].indexOf('Z'), 23);            // 2026-11-26T04:00:00.123Z
    }

    // Builds of a batch build share the store and their commands interleave, yet each
    // finish lands on its own build's command.
    void interleavedBuildsKeepTheirCommands() {
        QTemporaryDir dir;
        {
            HistoryStore store(dir.path());
            QVERIFY(store.open());
            for (const char* id : {"app:a", "app:b"}) {
                startRun(store, id, "app", id[4] == 'a' ? 1 : 2);
                store.record(makeEvent(RunEventKind::StepStarted, id, "BUILD"));
            }
            for (const char* id : {"app:a", "app:b"}) {
                RunEvent cmd = makeEvent(RunEventKind::CommandStarted, id, "BUILD");
                cmd.name = QString("make ") + id;
                cmd.index = 0;
                store.record(cmd);
            }
            RunEvent finB = makeEvent(RunEventKind::CommandFinished, "app:b", "BUILD");
            finB.exitCode = 3;
            store.record(finB);
            store.flush();  // a:'s command is still running: written unfinished ...
            RunEvent finA = makeEvent(RunEventKind::CommandFinished, "app:a", "BUILD");
            finA.exitCode = 0;
            store.record(finA);  // ... and completed in place
            for (const char* id : {"app:a", "app:b"}) {
                store.record(makeEvent(RunEventKind::StepFinished, id, "BUILD"));
                store.record(makeEvent(RunEventKind::RunFinished, id));
            }
        }
        const QList<QVariantList> rows =
            readRows(dir.path(),
                     "SELECT build_id, command, idx, exit_code, ended_ms IS NOT NULL FROM commands"
                     " ORDER BY build_id");
        QCOMPARE(rows.size(), 2);
        for (const QVariantList& row : rows) {
            const QString id = row.at(0).toString();
            QCOMPARE(row.at(1).toString(), "make " + id);
            QCOMPARE(row.at(2).toInt(), 0);
            QCOMPARE(row.at(3).toInt(), id == "app:a" ? 0 : 3);
            QVERIFY(row.at(4).toBool());
        }
    }

    // Closing keeps SQLite's WAL (no checkpoint): the next build's first write appends to it
    // instead of recreating it with two fsyncs. Readers, read-only ones too, still see it all.
    void walIsKeptAcrossOpenings() {
        QTemporaryDir dir;
        {
            HistoryStore store(dir.path());
            QVERIFY(store.open());
            startRun(store, "app:1", "app", 1);
        }
        QVERIFY(QFileInfo(dir.path() + "/history.sqlite-wal").size() > 0);
        QCOMPARE(readRows(dir.path(), "SELECT id FROM builds").size(), 1);
        HistoryStore again(dir.path());
        QVERIFY(again.open());
        QCOMPARE(again.nextBuildNumber("app"), 2);
    }

    // Log lines of a burst are written together: the first at once, the rest within the
    // flush interval even when nothing follows them (a command that then runs silently).
    void logBurstReachesTheFileWithoutFlush() {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        QVERIFY(store.open());
        startRun(store, "app:1", "app", 1);
        QFile log(dir.path() + "/logs/app-1.log");
        for (int i = 0; i < 100; ++i) {
            RunEvent e = makeEvent(RunEventKind::LogChunk, "app:1", "BUILD");
            e.data = "line " + QByteArray::number(i) + '\n';
            store.record(e);
        }
        QTRY_VERIFY(QFileInfo(log.fileName()).size() > 0);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QByteArray text;
        QTRY_VERIFY((text += log.readAll()).endsWith("Z line 99\n"));
        QCOMPARE(text.split('\n').size(), 101);
    }

    // Commands are kept in batches (a row per run of up to 64 commands of a phase); what comes
    // back is every command in order, its text exactly, and the one still running unfinished.
    void commandsComeBackInOrderFromTheirBatches() {
        QTemporaryDir dir;
        const QStringList tricky = {"echo \"quoted\" \\ back\\slash", "printf 'a\tb'\nls\n",
                                    QString::fromUtf8("echo h\u00e9llo \U0001F680 \x01 end"),
                                    QString("x") + QChar(0) + "y"};
        HistoryStore store(dir.path());
        QVERIFY(store.open());
        startRun(store, "app:1", "app", 1);
        qint64 sequence = 0;
        const auto command = [&](const QString& step, int index, const QString& text,
                                 std::optional<int> exitCode) {
            RunEvent start = makeEvent(RunEventKind::CommandStarted, "app:1", step);
            start.index = index;
            start.name = text;
            start.sequence = ++sequence;
            store.record(start);
            if (!exitCode)
                return;
            RunEvent end = makeEvent(RunEventKind::CommandFinished, "app:1", step);
            end.exitCode = *exitCode;
            end.sequence = ++sequence;
            store.record(end);
        };
        store.record(makeEvent(RunEventKind::StepStarted, "app:1", "BUILD"));
        for (int i = 0; i < 150; ++i)
            command("BUILD", i, i < tricky.size() ? tricky[i] : "echo " + QString::number(i),
                    i % 7);
        store.record(makeEvent(RunEventKind::StepFinished, "app:1", "BUILD"));
        store.record(makeEvent(RunEventKind::StepStarted, "app:1", "POST_BUILD"));
        command("POST_BUILD", 0, "make report", 0);
        command("POST_BUILD", 1, "make forever", std::nullopt);
        store.flush();

        QCOMPARE(readRows(dir.path(),
                          "SELECT phase, first_seq FROM command_batches"
                          " ORDER BY first_seq"),
                 (QList<QVariantList>{
                     {"BUILD", 1}, {"BUILD", 129}, {"BUILD", 257}, {"POST_BUILD", 301}}));
        HistoryQuery query(dir.path());
        QVERIFY(query.open());
        QList<RunEvent> starts, ends;
        for (const RunEvent& e : query.events("app:1")) {
            if (e.kind == RunEventKind::CommandStarted)
                starts << e;
            if (e.kind == RunEventKind::CommandFinished)
                ends << e;
        }
        QCOMPARE(starts.size(), 152);
        QCOMPARE(ends.size(), 151);  // make forever has not ended
        for (int i = 0; i < 150; ++i) {
            QCOMPARE(starts[i].step, "BUILD");
            QCOMPARE(starts[i].index, i);
            QCOMPARE(starts[i].name, i < tricky.size() ? tricky[i] : "echo " + QString::number(i));
            QCOMPARE(ends[i].exitCode, i % 7);
        }
        QCOMPARE(starts.last().name, "make forever");
        QCOMPARE(starts.last().step, "POST_BUILD");
        // The same rows through the `commands` view, for whoever reads the file by hand.
        QCOMPARE(readRows(dir.path(), "SELECT count(*), sum(exit_code IS NULL) FROM commands"),
                 (QList<QVariantList>{{152, 1}}));
    }

    // Events without sequences (as some callers record them) still give each batch its own
    // row: none overwrites another.
    void batchesWithoutSequencesKeepEveryCommand() {
        QTemporaryDir dir;
        HistoryStore store(dir.path());
        QVERIFY(store.open());
        startRun(store, "app:1", "app", 1);
        for (const char* step : {"BUILD", "POST_BUILD"}) {
            store.record(makeEvent(RunEventKind::StepStarted, "app:1", step));
            for (int i = 0; i < 70; ++i) {
                RunEvent start = makeEvent(RunEventKind::CommandStarted, "app:1", step);
                start.index = i;
                start.name = QString("%1 %2").arg(step).arg(i);
                store.record(start);
                store.record(makeEvent(RunEventKind::CommandFinished, "app:1", step));
            }
            store.record(makeEvent(RunEventKind::StepFinished, "app:1", step));
        }
        store.record(makeEvent(RunEventKind::RunFinished, "app:1"));
        store.flush();
        QCOMPARE(readRows(dir.path(), "SELECT count(*), count(DISTINCT command) FROM commands"),
                 (QList<QVariantList>{{140, 140}}));
        QCOMPARE(readRows(dir.path(), "SELECT count(*) FROM command_batches"),
                 (QList<QVariantList>{{4}}));
    }

    // A history written before the batches (a row per command) is moved into them on open.
    void migratesCommandRowsOfOlderHistories() {
        QTemporaryDir dir;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "old");
            db.setDatabaseName(dir.path() + "/history.sqlite");
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char* sql :
                 {"CREATE TABLE builds (id TEXT PRIMARY KEY, number INTEGER, project TEXT,"
                  " status TEXT, started_ms INTEGER, ended_ms INTEGER, source_version TEXT,"
                  " log_path TEXT, pid INTEGER, buildspec TEXT)",
                  "CREATE TABLE phases (build_id TEXT, name TEXT, status TEXT, started_ms"
                  " INTEGER, ended_ms INTEGER, context_code TEXT, context_message TEXT,"
                  " PRIMARY KEY(build_id, name))",
                  "CREATE TABLE commands (build_id TEXT, phase TEXT, seq INTEGER, idx INTEGER,"
                  " command TEXT, started_ms INTEGER, ended_ms INTEGER, exit_code INTEGER)",
                  "CREATE INDEX commands_build ON commands(build_id)",
                  "INSERT INTO builds VALUES ('app:1', 1, 'app', 'FAILED', 1, 9, '', '', 0, '')",
                  "INSERT INTO phases VALUES ('app:1', 'BUILD', 'FAILED', 2, 8, '', '')",
                  "INSERT INTO commands VALUES ('app:1', 'BUILD', 5, 1, 'make \"all\"', 5, 7, 2)",
                  "INSERT INTO commands VALUES ('app:1', 'BUILD', 3, 0, 'cd src', 3, 4, 0)",
                  "INSERT INTO commands VALUES ('app:1', 'BUILD', 9, 2, 'hang', 9, NULL, NULL)",
                  // Rows without sequences, in two phases: neither batch may replace the other.
                  "INSERT INTO commands VALUES ('app:2', 'BUILD', 0, 0, 'make', 1, 2, 0)",
                  "INSERT INTO commands VALUES ('app:2', 'POST_BUILD', 0, 0, 'ship', 3, 4, 0)"})
                QVERIFY2(q.exec(sql), sql);
        }
        QSqlDatabase::removeDatabase("old");
        HistoryQuery query(dir.path());
        QVERIFY(query.open());
        QStringList seen;
        for (const RunEvent& e : query.events("app:1")) {
            if (e.kind == RunEventKind::CommandStarted)
                seen << QString("%1 %2").arg(e.index).arg(e.name);
            if (e.kind == RunEventKind::CommandFinished)
                seen << QString("exit %1 at %2").arg(e.exitCode).arg(e.timeMs);
        }
        QCOMPARE(seen, QStringList(
                           {"0 cd src", "exit 0 at 4", "1 make \"all\"", "exit 2 at 7", "2 hang"}));
        QCOMPARE(readRows(dir.path(), "SELECT type FROM sqlite_master WHERE name = 'commands'"),
                 (QList<QVariantList>{{"view"}}));
        QCOMPARE(readRows(dir.path(),
                          "SELECT phase, command FROM commands WHERE build_id ="
                          " 'app:2' ORDER BY batch"),
                 (QList<QVariantList>{{"BUILD", "make"}, {"POST_BUILD", "ship"}}));
    }

    // A `commands` table that is not the old shape cannot be moved: open() says so, names
    // the file, and leaves it as it was.
    void unreadableOldCommandsFailToOpenClearly() {
        QTemporaryDir dir;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "odd");
            db.setDatabaseName(dir.path() + "/history.sqlite");
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec("CREATE TABLE commands (x TEXT)"));
        }
        QSqlDatabase::removeDatabase("odd");
        HistoryStore store(dir.path());
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY2(error.startsWith(dir.path() + "/history.sqlite: cannot move the command rows"),
                 qPrintable(error));
        QVERIFY2(error.contains("build_id"), qPrintable(error));
        QCOMPARE(readRows(dir.path(), "SELECT type FROM sqlite_master WHERE name = 'commands'"),
                 (QList<QVariantList>{{"table"}}));
    }

    // Runs in a child process started by the next test: records a build, then hangs until
    // it is killed.
    void childRecordsAndHangs() {
        const QString dir = qEnvironmentVariable("PW_STORE_CHILD_DIR");
        if (dir.isEmpty())
            QSKIP("helper for buildOfAKilledProcessIsInterrupted");
        HistoryStore store(dir);
        QVERIFY(store.open());
        startRun(store, "app:dead", "app", 2);
        store.record(makeEvent(RunEventKind::StepStarted, "app:dead", "BUILD"));
        RunEvent cmd = makeEvent(RunEventKind::CommandStarted, "app:dead", "BUILD");
        cmd.name = "make forever";
        cmd.index = 0;
        store.record(cmd);
        RunEvent log = makeEvent(RunEventKind::LogChunk, "app:dead", "BUILD");
        log.data = "working\n";
        store.record(log);
        store.flush();  // what a build recorded by now; the kill then comes mid-build
        QTextStream(stdout) << "ready" << Qt::endl;
        QThread::sleep(300);
    }

    void buildOfAKilledProcessIsInterrupted() {
        if (qEnvironmentVariableIsSet("PW_STORE_CHILD_DIR"))
            QSKIP("in the helper process");
        QTemporaryDir dir;
        {
            HistoryStore store(dir.path());
            QVERIFY(store.open());
            startRun(store, "app:live", "app", 1);  // this process is alive: stays IN_PROGRESS
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PW_STORE_CHILD_DIR", dir.path());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {"childRecordsAndHangs"});
        QByteArray output;
        while (!output.contains("ready\n") && child.waitForReadyRead(10000))
            output += child.readAllStandardOutput();
        QVERIFY2(output.contains("ready\n"), output.constData());
        child.kill();  // SIGKILL: no chance to clean up
        QVERIFY(child.waitForFinished());
        HistoryStore reopened(dir.path());
        QVERIFY(reopened.open());
        QCOMPARE(reopened.interruptedOnOpen(), 1);
        const QList<BuildSummary> builds = reopened.builds();
        QCOMPARE(builds.size(), 2);
        for (const BuildSummary& b : builds)
            QCOMPARE(b.status, b.id == "app:dead" ? "INTERRUPTED" : "IN_PROGRESS");
        QCOMPARE(reopened.build("app:dead")->phases.first().status, RunStatus::Fault);
        QFile log(dir.path() + "/logs/app-2.log");
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().endsWith("Z working\n"));
        // The command it was running when it died has its row, without an end.
        const QList<QVariantList> rows =
            readRows(dir.path(),
                     "SELECT command, ended_ms IS NULL FROM commands WHERE build_id = 'app:dead'");
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().at(0).toString(), "make forever");
        QVERIFY(rows.first().at(1).toBool());
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
