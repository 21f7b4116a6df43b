#include "executionstore.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <unistd.h>
#include <csignal>

Q_LOGGING_CATEGORY(lcExecutionStore, "pipewright.store")

namespace pw {

ExecutionStore::ExecutionStore(const QString& stateDirectory)
    : m_stateDir(stateDirectory)
    , m_connection(QStringLiteral("executions-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

ExecutionStore::~ExecutionStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool ExecutionStore::open(QString* error) {
    QDir().mkpath(m_stateDir);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    // Its own file: builds write history.sqlite in long transactions, and sharing that lock
    // would stall every execution event behind them.
    db.setDatabaseName(QDir(m_stateDir).filePath(QStringLiteral("executions.sqlite")));
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    const bool ok =
        exec(QStringLiteral("PRAGMA journal_mode=WAL")) &&
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS pipeline_executions (id TEXT PRIMARY KEY, "
                            "pipeline TEXT, status TEXT, started_ms INTEGER, ended_ms INTEGER, "
                            "pid INTEGER, state TEXT)")) &&
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS pipeline_events (execution_id TEXT, "
                            "time_ms INTEGER, kind TEXT, event TEXT)")) &&
        exec(QStringLiteral("CREATE INDEX IF NOT EXISTS pipeline_events_by_execution ON "
                            "pipeline_events(execution_id)"));
    if (!ok) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    markInterrupted();
    return true;
}

bool ExecutionStore::exec(const QString& sql, const QVariantList& values) const {
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(sql);
    for (const QVariant& v : values)
        query.addBindValue(v);
    if (!query.exec()) {
        qCWarning(lcExecutionStore) << "SQL failed:" << sql << query.lastError().text();
        return false;
    }
    return true;
}

void ExecutionStore::markInterrupted() {
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.exec(
        QStringLiteral("SELECT id, pid, state FROM pipeline_executions WHERE status IN "
                       "('InProgress','Stopping')"));
    QList<ExecutionState> dead;
    while (query.next()) {
        const qint64 pid = query.value(1).toLongLong();
        // kill(pid, 0) tells whether the process that ran it is still alive.
        if (pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM))
            continue;
        ExecutionState state = ExecutionState::fromJson(
            QJsonDocument::fromJson(query.value(2).toByteArray()).object());
        state.status = ExecutionStatus::Failed;
        state.statusSummary =
            QStringLiteral("interrupted: the process running this execution ended");
        dead.append(state);
    }
    for (const ExecutionState& state : dead)
        saveState(state);
}

void ExecutionStore::saveState(const ExecutionState& state) {
    exec(QStringLiteral("INSERT OR REPLACE INTO pipeline_executions (id, pipeline, status, "
                        "started_ms, ended_ms, pid, "
                        "state) VALUES (?, ?, ?, ?, ?, ?, ?)"),
         {state.executionId, state.pipelineName, executionStatusName(state.status), state.startedMs,
          state.endedMs, qint64(::getpid()),
          QJsonDocument(state.toJson()).toJson(QJsonDocument::Compact)});
}

void ExecutionStore::recordEvent(const RunEvent& event) {
    if (event.kind == RunEventKind::LogChunk)
        return;  // build logs live in the build history; the execution keeps its state changes
    exec(
        QStringLiteral(
            "INSERT INTO pipeline_events (execution_id, time_ms, kind, event) VALUES (?, ?, ?, ?)"),
        {event.runId, event.timeMs, runEventKindName(event.kind), event.toJsonLine()});
}

QList<ExecutionState> ExecutionStore::executions(const QString& pipeline) const {
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        pipeline.isEmpty()
            ? QStringLiteral("SELECT state FROM pipeline_executions ORDER BY started_ms DESC")
            : QStringLiteral("SELECT state FROM pipeline_executions WHERE pipeline = ? ORDER BY "
                             "started_ms DESC"));
    if (!pipeline.isEmpty())
        query.addBindValue(pipeline);
    QList<ExecutionState> list;
    if (query.exec())
        while (query.next())
            list.append(ExecutionState::fromJson(
                QJsonDocument::fromJson(query.value(0).toByteArray()).object()));
    return list;
}

std::optional<ExecutionState> ExecutionStore::execution(const QString& id) const {
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT state FROM pipeline_executions WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return ExecutionState::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
}

QList<RunEvent> ExecutionStore::events(const QString& executionId) const {
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        QStringLiteral("SELECT event FROM pipeline_events WHERE execution_id = ? ORDER BY rowid"));
    query.addBindValue(executionId);
    QList<RunEvent> list;
    if (query.exec())
        while (query.next())
            if (auto e = RunEvent::fromJson(
                    QJsonDocument::fromJson(query.value(0).toByteArray()).object()))
                list.append(*e);
    return list;
}

}  // namespace pw
