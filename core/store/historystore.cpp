#include "historystore.h"

#include "commandbatch.h"
#include "historywriter.h"

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
#include <algorithm>
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
    // See commandbatch.h. first_seq: the event sequence of the batch's first command.
    "CREATE TABLE IF NOT EXISTS command_batches (build_id TEXT, phase TEXT, first_seq INTEGER,"
    " commands TEXT, PRIMARY KEY(build_id, first_seq))",
    "CREATE TABLE IF NOT EXISTS exported_variables (build_id TEXT, name TEXT, value TEXT)",
    "CREATE TABLE IF NOT EXISTS artifacts (build_id TEXT, name TEXT, path TEXT, files TEXT,"
    " is_primary INTEGER DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS reports (build_id TEXT, report_group TEXT, file TEXT,"
    " format TEXT, summary TEXT)",
};

// A row per command, as histories before the batches kept them, for reading by hand.
const char kCommandsView[] =
    "CREATE VIEW IF NOT EXISTS commands AS SELECT b.build_id AS build_id, b.phase AS phase,"
    " b.first_seq AS batch, j.key AS position, json_extract(j.value, '$[0]') AS idx,"
    " json_extract(j.value, '$[1]') AS command, json_extract(j.value, '$[2]') AS started_ms,"
    " json_extract(j.value, '$[3]') AS ended_ms, json_extract(j.value, '$[4]') AS exit_code"
    " FROM command_batches AS b, json_each(b.commands) AS j";

// Moves the rows of a history written before the batches into batches: read in order, a
// batch per build and run of one phase, keys growing per build as the writer's do.
class CommandRowMigration {
public:
    explicit CommandRowMigration(const QSqlDatabase& db) : m_db(db) {}

    bool add(const QSqlQuery& row) {
        const QString build = row.value(0).toString();
        const QString phase = row.value(1).toString();
        if (m_count && (build != m_build || phase != m_phase) && !flush())
            return false;
        if (build != m_build)
            m_lastKey = -1;
        if (!m_count) {
            m_build = build;
            m_phase = phase;
            m_key = m_lastKey = std::max(row.value(2).toLongLong(), m_lastKey + 1);
        }
        CommandRecord c{
            row.value(3).toInt(), row.value(4).toString(), row.value(5).toLongLong(), {}, 0};
        if (!row.value(7).isNull()) {
            c.endedMs = row.value(6).toLongLong();
            c.exitCode = row.value(7).toInt();
        }
        m_json += m_count++ ? ',' : '[';
        appendCommandJson(m_json, c);
        return true;
    }

    bool flush() {
        if (!m_count)
            return true;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO command_batches VALUES (?, ?, ?, ?)"));
        for (const QVariant& value : {QVariant(m_build), QVariant(m_phase), QVariant(m_key),
                                      QVariant(QString::fromUtf8(m_json + ']'))})
            q.addBindValue(value);
        m_json.clear();
        m_count = 0;
        if (q.exec())
            return true;
        m_error = q.lastError().text();
        return false;
    }

    QString error() const { return m_error; }

private:
    const QSqlDatabase& m_db;
    QString m_build;
    QString m_phase;
    qint64 m_key = 0;
    qint64 m_lastKey = -1;
    QByteArray m_json;
    int m_count = 0;
    QString m_error;
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
    , m_handOverTimer(std::make_unique<QTimer>()) {
    m_handOverTimer->setSingleShot(true);
    m_handOverTimer->setInterval(int(HistoryWriter::kFlushIntervalMs));
    m_handOverTimer->callOnTimeout([this] {
        if (m_writer)
            m_writer->handOver();
    });
}

HistoryStore::~HistoryStore() {
    m_writer.reset();  // writes what is queued
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
                *error = m_lastError;
            return false;
        }
    }
    // Histories written before deployments read builds' primary artifacts lack the column.
    QSqlQuery(db).exec(
        QStringLiteral("ALTER TABLE artifacts ADD COLUMN is_primary INTEGER DEFAULT 0"));
    if (!migrateCommandRows()) {
        if (error)
            *error = databasePath() +
                     QStringLiteral(
                         ": cannot move the command rows of an older history into"
                         " batches: ") +
                     m_lastError;
        return false;
    }
    if (!exec(QString::fromLatin1(kCommandsView))) {
        if (error)
            *error = m_lastError;
        return false;
    }
    markInterrupted();
    auto writer = std::make_unique<HistoryWriter>(databasePath(), logDirectory());
    if (!writer->open(error))
        return false;
    m_writer = std::move(writer);
    return true;
}

bool HistoryStore::exec(const QString& sql, const QVariantList& values) const {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    bool ok = q.prepare(sql);
    for (qsizetype i = 0; ok && i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    ok = ok && q.exec();
    if (!ok) {
        m_lastError = q.lastError().text();
        qCWarning(lcStore) << "failed:" << sql << m_lastError;
    }
    return ok;
}

// Histories written before the batches have a row per command in a `commands` table:
// moved into batches once, in one transaction (another process may be opening it too).
bool HistoryStore::migrateCommandRows() {
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const auto hasCommandsTable = [&db] {
        QSqlQuery q(db);
        q.exec(QStringLiteral(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commands'"));
        return q.next();
    };
    if (!hasCommandsTable())
        return true;
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    bool ok = true;
    if (hasCommandsTable()) {  // still: another process may have moved them meanwhile
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        ok = rows.exec(QStringLiteral(
            "SELECT build_id, phase, seq, idx, command, started_ms, ended_ms, exit_code"
            " FROM commands ORDER BY build_id, seq, rowid"));
        CommandRowMigration migration(db);
        while (ok && rows.next())
            ok = migration.add(rows);
        ok = ok && migration.flush();
        if (!ok)
            m_lastError = rows.lastError().isValid() ? rows.lastError().text() : migration.error();
        ok = ok && exec(QStringLiteral("DROP TABLE commands"));
    }
    if (!ok) {
        const QString cause = m_lastError;
        exec(QStringLiteral("ROLLBACK"));
        m_lastError = cause;
        return false;
    }
    return exec(QStringLiteral("COMMIT"));
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
    flush();  // a build of this process may still be queued
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(number), 0) + 1 FROM builds WHERE project = ?"));
    q.addBindValue(project);
    if (!q.exec() || !q.next())
        return 1;
    return q.value(0).toInt();
}

void HistoryStore::record(const RunEvent& e) {
    if (!m_writer)
        return;
    // What waits on this thread reaches the writer within its flush interval even when the
    // run then goes quiet (a command running silently for minutes).
    if (m_writer->post(e) && !m_handOverTimer->isActive())
        m_handOverTimer->start();
}

void HistoryStore::recordResult(const BuildResult& r) {
    if (!m_writer)
        return;
    m_writer->post(r);
    m_writer->flush();
}

void HistoryStore::flush() {
    if (m_writer)
        m_writer->flush();
}

QList<BuildSummary> HistoryStore::builds(const QString& project) const {
    if (m_writer)
        m_writer->flush();
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
    if (m_writer)
        m_writer->flush();
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
