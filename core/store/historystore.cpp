#include "historystore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <sqlite3.h>
#include <unistd.h>
#include <csignal>

namespace pw {

Q_LOGGING_CATEGORY(lcStore, "pipewright.store")

namespace {

constexpr const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS builds (id TEXT PRIMARY KEY, number INTEGER, project TEXT,"
    " status TEXT, started_ms INTEGER, ended_ms INTEGER, source_version TEXT, log_path TEXT,"
    " pid INTEGER, buildspec TEXT)",
    "CREATE INDEX IF NOT EXISTS builds_project ON builds(project, number)",
    "CREATE TABLE IF NOT EXISTS phases (build_id TEXT, name TEXT, status TEXT, started_ms INTEGER,"
    " ended_ms INTEGER, context_code TEXT, context_message TEXT, PRIMARY KEY(build_id, name))",
    "CREATE TABLE IF NOT EXISTS commands (build_id TEXT, phase TEXT, seq INTEGER, idx INTEGER,"
    " command TEXT, started_ms INTEGER, ended_ms INTEGER, exit_code INTEGER)",
    "CREATE INDEX IF NOT EXISTS commands_build ON commands(build_id)",
    "CREATE TABLE IF NOT EXISTS exported_variables (build_id TEXT, name TEXT, value TEXT)",
    "CREATE TABLE IF NOT EXISTS artifacts (build_id TEXT, name TEXT, path TEXT, files TEXT,"
    " is_primary INTEGER DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS reports (build_id TEXT, report_group TEXT, file TEXT,"
    " format TEXT, summary TEXT)",
};

bool processAlive(qint64 pid) {
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

// SQLite checkpoints and deletes the WAL when the last connection closes, so every build's
// first write recreated it: two fsyncs (WAL header and folder) inside the build, and two more
// at close. Kept, the WAL grows to its auto-checkpoint size and is reset once in a while.
// QtSql has no option for this; the QSQLITE driver hands out its sqlite3 handle, and core
// links the same system libsqlite3 the driver uses.
void keepWalOnClose(const QSqlDatabase& db) {
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    if (sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData()))
        sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1,
                          static_cast<int*>(nullptr));
}

}  // namespace

HistoryStore::HistoryStore(const QString& stateDirectory)
    : m_stateDir(stateDirectory)
    , m_connection(QStringLiteral("pw-history-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_flushTimer(std::make_unique<QTimer>()) {
    m_flushTimer->setSingleShot(true);
    m_flushTimer->callOnTimeout([this] { commit(); });
}

HistoryStore::~HistoryStore() {
    commit();
    m_prepared.clear();  // before the connection goes
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString HistoryStore::databasePath() const {
    return m_stateDir + QStringLiteral("/history.sqlite");
}
QString HistoryStore::logDirectory() const {
    return m_stateDir + QStringLiteral("/logs");
}

bool HistoryStore::isOpen() const {
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

bool HistoryStore::open(QString* error) {
    QDir().mkpath(logDirectory());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    // WAL: readers (history, GUI) never block the running build; NORMAL is crash-safe in WAL.
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    keepWalOnClose(db);
    for (const char* sql : kSchema) {
        if (!exec(QString::fromLatin1(sql))) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
    }
    // Histories written before deployments read builds' primary artifacts lack the column.
    QSqlQuery(db).exec(
        QStringLiteral("ALTER TABLE artifacts ADD COLUMN is_primary INTEGER DEFAULT 0"));
    markInterrupted();
    return true;
}

bool HistoryStore::exec(const QString& sql, const QVariantList& values) const {
    // Statements are prepared once per store: a build issues the same few thousands of times.
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        auto q = std::make_shared<QSqlQuery>(QSqlDatabase::database(m_connection, false));
        if (!q->prepare(sql)) {
            qCWarning(lcStore) << "prepare failed" << sql << q->lastError().text();
            return false;
        }
        it = m_prepared.insert(sql, q);
    }
    QSqlQuery& q = *it.value();
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    if (!q.exec()) {
        qCWarning(lcStore) << "exec failed" << sql << q.lastError().text();
        return false;
    }
    m_lastInsertId = q.lastInsertId().toLongLong();
    q.finish();
    return true;
}

void HistoryStore::markInterrupted() {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT id, pid FROM builds WHERE status = 'IN_PROGRESS'"));
    QStringList dead;
    while (q.next()) {
        if (!processAlive(q.value(1).toLongLong()))
            dead << q.value(0).toString();
    }
    for (const QString& id : dead) {
        exec(QStringLiteral("UPDATE builds SET status = 'INTERRUPTED' WHERE id = ?"), {id});
        exec(QStringLiteral("UPDATE phases SET status = 'FAULT', context_code = 'INTERRUPTED',"
                            " context_message = 'The process running the build ended' WHERE"
                            " build_id = ? AND status = 'IN_PROGRESS'"),
             {id});
    }
    m_interrupted = int(dead.size());
}

int HistoryStore::nextBuildNumber(const QString& project) {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(number), 0) + 1 FROM builds WHERE project = ?"));
    q.addBindValue(project);
    if (!q.exec() || !q.next())
        return 1;
    return q.value(0).toInt();
}

void HistoryStore::onRunStarted(const RunEvent& e) {
    const QString logPath = QStringLiteral("%1/%2-%3.log").arg(logDirectory(), e.name, e.value);
    exec(QStringLiteral("INSERT OR REPLACE INTO builds (id, number, project, status, started_ms,"
                        " log_path, pid, buildspec) VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)"),
         {e.runId, e.value.toInt(), e.name, e.timeMs, logPath, qint64(::getpid()), e.message});
    auto log = std::make_shared<QFile>(logPath);
    if (!log->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        qCWarning(lcStore) << "cannot write log" << logPath;
    m_logs.insert(e.runId, LogFile{log, {}});
}

void HistoryStore::writeLog(const RunEvent& e) {
    const auto it = m_logs.find(e.runId);
    if (it == m_logs.end() || !it->file->isOpen())
        return;
    QByteArray& out = it->pending;
    // Every line gets its UTC timestamp; the bytes themselves are kept as they came.
    const QByteArray stamp = formatUtcMs(e.timeMs).toLatin1() + ' ';
    qsizetype from = 0;
    while (from < e.data.size()) {
        qsizetype nl = e.data.indexOf('\n', from);
        if (nl < 0)
            nl = e.data.size() - 1;
        out += stamp;
        out.append(e.data.constData() + from, nl - from + 1);
        from = nl + 1;
    }
    if (!out.endsWith('\n'))
        out += '\n';
    // The first line after a quiet spell is on disk at once; a burst waits for the flush.
    if (e.timeMs - m_lastLogWriteMs >= kFlushIntervalMs || out.size() >= (1 << 20))
        flushLogs();
}

void HistoryStore::flushLogs() {
    for (LogFile& log : m_logs) {
        if (log.pending.isEmpty())
            continue;
        log.file->write(log.pending);
        log.pending.clear();
        m_lastLogWriteMs = nowUtcMs();
    }
}

void HistoryStore::beginBatch() {
    if (m_inTransaction)
        return;
    m_inTransaction = QSqlDatabase::database(m_connection, false).transaction();
    m_batchStartMs = nowUtcMs();
}

void HistoryStore::scheduleFlush() {
    if (!m_flushTimer->isActive())
        m_flushTimer->start(int(kFlushIntervalMs));
}

void HistoryStore::commit() {
    m_flushTimer->stop();
    flushLogs();
    if (!m_inTransaction)
        return;
    writePendingCommands();  // a killed build still shows the command it was running
    QSqlDatabase::database(m_connection, false).commit();
    m_inTransaction = false;
}

void HistoryStore::record(const RunEvent& e) {
    beginBatch();
    recordOne(e);
    // A run and the phase it is in are visible at once (a phase's end rides with the next
    // phase's start); commands and log lines within the interval.
    if (e.kind == RunEventKind::StepStarted || e.kind == RunEventKind::RunFinished ||
        e.kind == RunEventKind::RunStarted || nowUtcMs() - m_batchStartMs >= kFlushIntervalMs)
        commit();
    else
        scheduleFlush();
}

void HistoryStore::writeFinishedCommands() {
    const QString head = QStringLiteral(
        "INSERT INTO commands (build_id, phase, seq, idx, command, started_ms, ended_ms,"
        " exit_code) VALUES ");
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?)");
    // Several rows per statement: a 500-command build is 32 statements, not 500.
    for (qsizetype from = 0; from < m_finishedRows.size();) {
        const qsizetype rows = qMin(kRowsPerInsert, (m_finishedRows.size() - from) / kColumns);
        QStringList placeholders(rows, row);
        exec(head + placeholders.join(QLatin1Char(',')), m_finishedRows.mid(from, rows * kColumns));
        from += rows * kColumns;
    }
    m_finishedRows.clear();
}

void HistoryStore::writePendingCommands() {
    writeFinishedCommands();  // first: they started before the ones still running
    for (auto it = m_commands.begin(); it != m_commands.end(); ++it) {
        PendingCommand& c = it.value();
        if (c.row >= 0)
            continue;
        exec(QStringLiteral("INSERT INTO commands (build_id, phase, seq, idx, command, started_ms)"
                            " VALUES (?, ?, ?, ?, ?, ?)"),
             {it.key(), c.step, c.sequence, c.index, c.command, c.startedMs});
        c.row = m_lastInsertId;
    }
}

void HistoryStore::onCommandFinished(const RunEvent& e) {
    // A build runs one command at a time: a finish belongs to its build's last start.
    const auto it = m_commands.find(e.runId);
    if (it == m_commands.end())
        return;
    const PendingCommand& c = *it;
    if (c.row >= 0)
        exec(QStringLiteral("UPDATE commands SET ended_ms = ?, exit_code = ? WHERE rowid = ?"),
             {e.timeMs, e.exitCode, c.row});
    else
        m_finishedRows << e.runId << c.step << c.sequence << c.index << c.command << c.startedMs
                       << e.timeMs << e.exitCode;
    m_commands.erase(it);
    // A full statement's worth goes now, while the build's shell is busy with the next ones.
    if (m_finishedRows.size() >= kRowsPerInsert * kColumns)
        writeFinishedCommands();
}

void HistoryStore::recordOne(const RunEvent& e) {
    switch (e.kind) {
        case RunEventKind::RunStarted:
            onRunStarted(e);
            break;
        case RunEventKind::StepStarted:
            exec(QStringLiteral("INSERT OR REPLACE INTO phases (build_id, name, status, started_ms)"
                                " VALUES (?, ?, 'IN_PROGRESS', ?)"),
                 {e.runId, e.step, e.timeMs});
            break;
        case RunEventKind::StepFinished:
            exec(QStringLiteral("UPDATE phases SET status = ?, ended_ms = ?, context_code = ?,"
                                " context_message = ? WHERE build_id = ? AND name = ?"),
                 {runStatusName(e.status), e.timeMs, e.code, e.message, e.runId, e.step});
            break;
        case RunEventKind::CommandStarted:
            m_commands.insert(e.runId,
                              PendingCommand{e.step, e.sequence, e.index, e.name, e.timeMs});
            break;
        case RunEventKind::CommandFinished:
            onCommandFinished(e);
            break;
        case RunEventKind::LogChunk:
            writeLog(e);
            break;
        case RunEventKind::RunFinished:
            exec(QStringLiteral("UPDATE builds SET status = ?, ended_ms = ? WHERE id = ?"),
                 {runStatusName(e.status), e.timeMs, e.runId});
            writePendingCommands();  // a stopped build's last command keeps its row
            flushLogs();
            m_logs.remove(e.runId);
            m_commands.remove(e.runId);
            break;
        default:
            break;
    }
}

void HistoryStore::recordResult(const BuildResult& r) {
    commit();
    beginBatch();
    struct CommitAtEnd {
        HistoryStore* store;
        ~CommitAtEnd() { store->commit(); }
    } commitAtEnd{this};
    exec(QStringLiteral(
             "UPDATE builds SET status = ?, ended_ms = ?, source_version = ? WHERE id = ?"),
         {runStatusName(r.status), r.endedMs, r.sourceVersion, r.id});
    for (const auto& [name, value] : r.exportedVariables)
        exec(QStringLiteral("INSERT INTO exported_variables VALUES (?, ?, ?)"),
             {r.id, name, value});
    for (const ArtifactRecord& a : r.artifacts)
        exec(QStringLiteral("INSERT INTO artifacts VALUES (?, ?, ?, ?, ?)"),
             {r.id, a.name, a.path, a.files.join(QLatin1Char('\n')), int(a.primary)});
    for (const ReportRecord& rep : r.reports)
        exec(QStringLiteral("INSERT INTO reports VALUES (?, ?, ?, ?, ?)"),
             {r.id, rep.group, rep.file, rep.format,
              QString::fromUtf8(QJsonDocument(rep.summary).toJson(QJsonDocument::Compact))});
}

QList<BuildSummary> HistoryStore::builds(const QString& project) const {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("SELECT id, number, project, status, started_ms, ended_ms, log_path"
                       " FROM builds WHERE ? OR project = ? ORDER BY started_ms DESC"));
    q.addBindValue(project.isEmpty());  // a null QString would bind as NULL
    q.addBindValue(project);
    QList<BuildSummary> list;
    if (!q.exec())
        return list;
    while (q.next())
        list << BuildSummary{q.value(0).toString(),   q.value(1).toInt(),
                             q.value(2).toString(),   q.value(3).toString(),
                             q.value(4).toLongLong(), q.value(5).toLongLong(),
                             q.value(6).toString()};
    return list;
}

std::optional<BuildResult> HistoryStore::build(const QString& id) const {
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT number, project, status, started_ms, ended_ms, source_version,"
                       " log_path FROM builds WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    BuildResult r;
    r.id = id;
    r.number = q.value(0).toInt();
    r.project = q.value(1).toString();
    r.status = runStatusFromName(q.value(2).toString()).value_or(RunStatus::Fault);
    r.startedMs = q.value(3).toLongLong();
    r.endedMs = q.value(4).toLongLong();
    r.sourceVersion = q.value(5).toString();
    r.logPath = q.value(6).toString();
    QSqlQuery p(db);
    p.prepare(QStringLiteral(
        "SELECT name, status, started_ms, ended_ms, context_code,"
        " context_message FROM phases WHERE build_id = ? ORDER BY started_ms, rowid"));
    p.addBindValue(id);
    p.exec();
    while (p.next()) {
        PhaseRecord phase{p.value(0).toString(),
                          runStatusFromName(p.value(1).toString()).value_or(RunStatus::Fault),
                          p.value(2).toLongLong(),
                          p.value(3).toLongLong(),
                          {}};
        if (!p.value(4).toString().isEmpty())
            phase.contexts << PhaseContext{p.value(4).toString(), p.value(5).toString()};
        r.phases << phase;
    }
    QSqlQuery v(db);
    v.prepare(QStringLiteral("SELECT name, value FROM exported_variables WHERE build_id = ?"));
    v.addBindValue(id);
    v.exec();
    while (v.next())
        r.exportedVariables.append({v.value(0).toString(), v.value(1).toString()});
    QSqlQuery a(db);
    a.prepare(
        QStringLiteral("SELECT name, path, files, is_primary FROM artifacts WHERE build_id = ?"));
    a.addBindValue(id);
    a.exec();
    while (a.next())
        r.artifacts << ArtifactRecord{
            a.value(0).toString(), a.value(1).toString(),
            a.value(2).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts),
            a.value(3).toInt() != 0};
    return r;
}

}  // namespace pw
