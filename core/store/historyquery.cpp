#include "historyquery.h"

#include "store/commandbatch.h"
#include "store/historystore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace pw {

namespace {

RunEvent makeEvent(RunEventKind kind, const QString& id, qint64 timeMs, const QString& step) {
    RunEvent e;
    e.kind = kind;
    e.runId = id;
    e.timeMs = timeMs;
    e.step = step;
    return e;
}

}  // namespace

HistoryQuery::HistoryQuery(const QString& stateDirectory)
    : m_stateDir(stateDirectory)
    , m_connection(QStringLiteral("pw-history-query-") +
                   QUuid::createUuid().toString(QUuid::Id128)) {}

HistoryQuery::~HistoryQuery() {
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool HistoryQuery::open(QString* error) {
    const QString path = m_stateDir + QStringLiteral("/history.sqlite");
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("no history at %1").arg(path);
        return false;
    }
    // The store's own reader for phases, variables and artifacts; ours for the rest.
    m_store = std::make_unique<HistoryStore>(m_stateDir);
    if (!m_store->open(error))
        return false;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
    return db.open();
}

QList<HistoryBuildRow> HistoryQuery::builds() const {
    QList<HistoryBuildRow> rows;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT id, number, project, status, source_version, started_ms,"
                               " ended_ms, log_path FROM builds ORDER BY started_ms DESC")))
        return rows;
    while (q.next())
        rows << HistoryBuildRow{q.value(0).toString(),   q.value(1).toInt(),
                                q.value(2).toString(),   q.value(3).toString(),
                                q.value(4).toString(),   q.value(5).toLongLong(),
                                q.value(6).toLongLong(), q.value(7).toString()};
    return rows;
}

std::optional<BuildResult> HistoryQuery::build(const QString& id) const {
    if (!m_store)
        return std::nullopt;
    std::optional<BuildResult> result = m_store->build(id);
    if (result)
        result->reports = reports(id);
    return result;
}

QList<ReportRecord> HistoryQuery::reports(const QString& id) const {
    QList<ReportRecord> list;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(
        QStringLiteral("SELECT report_group, file, format, summary FROM reports"
                       " WHERE build_id = ? ORDER BY rowid"));
    q.addBindValue(id);
    if (!q.exec())
        return list;
    while (q.next())
        list << ReportRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             QJsonDocument::fromJson(q.value(3).toByteArray()).object()};
    return list;
}

QList<RunEvent> HistoryQuery::events(const QString& id) const {
    const std::optional<BuildResult> r = build(id);
    if (!r)
        return {};
    QList<RunEvent> out;
    RunEvent start = makeEvent(RunEventKind::RunStarted, id, r->startedMs, {});
    start.name = r->project;
    start.value = QString::number(r->number);
    out << start;
    QSqlQuery c(QSqlDatabase::database(m_connection, false));
    c.prepare(
        QStringLiteral("SELECT commands FROM command_batches WHERE build_id = ? AND"
                       " phase = ? ORDER BY first_seq"));
    for (const PhaseRecord& phase : r->phases) {
        out << makeEvent(RunEventKind::StepStarted, id, phase.startedMs, phase.name);
        c.bindValue(0, id);
        c.bindValue(1, phase.name);
        c.exec();
        while (c.next()) {
            for (const CommandRecord& record : parseCommandBatch(c.value(0).toByteArray())) {
                RunEvent cmd =
                    makeEvent(RunEventKind::CommandStarted, id, record.startedMs, phase.name);
                cmd.index = record.index;
                cmd.name = record.command;
                out << cmd;
                if (!record.endedMs)
                    continue;  // still running, or the process died
                cmd.kind = RunEventKind::CommandFinished;
                cmd.timeMs = *record.endedMs;
                cmd.exitCode = record.exitCode;
                out << cmd;
            }
        }
        if (phase.status == RunStatus::InProgress)
            continue;
        RunEvent end = makeEvent(RunEventKind::StepFinished, id, phase.endedMs, phase.name);
        end.status = phase.status;
        if (!phase.contexts.isEmpty()) {
            end.code = phase.contexts.first().statusCode;
            end.message = phase.contexts.first().message;
        }
        out << end;
    }
    if (r->status != RunStatus::InProgress && r->endedMs) {
        RunEvent finish = makeEvent(RunEventKind::RunFinished, id, r->endedMs, {});
        finish.status = r->status;
        out << finish;
    }
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i].sequence = i + 1;
    return out;
}

}  // namespace pw
