#include "historysink.h"

#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QVarLengthArray>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace pw {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace {

const char kInsertPhase[] =
    "INSERT OR REPLACE INTO phases (build_id, name, status, started_ms)"
    " VALUES (?, ?, 'IN_PROGRESS', ?)";
const char kFinishPhase[] =
    "UPDATE phases SET status = ?, ended_ms = ?, context_code = ?,"
    " context_message = ? WHERE build_id = ? AND name = ?";
const char kInsertBuild[] =
    "INSERT OR REPLACE INTO builds (id, number, project, status, started_ms,"
    " log_path, pid, buildspec) VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)";
const char kFinishBuild[] = "UPDATE builds SET status = ?, ended_ms = ? WHERE id = ?";
const char kBuildResult[] =
    "UPDATE builds SET status = ?, ended_ms = ?, source_version = ? WHERE id = ?";
const char kInsertVariable[] = "INSERT INTO exported_variables VALUES (?, ?, ?)";
const char kInsertArtifact[] = "INSERT INTO artifacts VALUES (?, ?, ?, ?, ?)";
const char kInsertReport[] = "INSERT INTO reports VALUES (?, ?, ?, ?, ?)";
const char kWriteBatch[] =
    "INSERT OR REPLACE INTO command_batches (build_id, phase, first_seq, commands)"
    " VALUES (?, ?, ?, ?)";

}  // namespace

// Binds values in order, runs the statement once and resets it for the next use. Text is
// bound as UTF-8, the database's encoding (UTF-16 would be translated by SQLite, slowly).
class HistorySink::Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement& operator<<(const QString& text) {
        if (text.isNull()) {  // as QtSql binds a null QString, so readers see NULL
            sqlite3_bind_null(m_stmt, ++m_column);
            return *this;
        }
        m_text.push_back(text.toUtf8());  // kept until run(): bound without a copy
        const QByteArray& utf8 = m_text.back();
        sqlite3_bind_text(m_stmt, ++m_column, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        return *this;
    }
    Statement& operator<<(const QByteArray& utf8) {  // must outlive run()
        sqlite3_bind_text(m_stmt, ++m_column, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        return *this;
    }
    Statement& operator<<(qint64 value) {
        sqlite3_bind_int64(m_stmt, ++m_column, value);
        return *this;
    }
    Statement& operator<<(int value) { return *this << qint64(value); }
    // Returns the new row's id for an INSERT, -1 when the statement failed.
    qint64 run() {
        if (!m_stmt)
            return -1;
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_text.clear();
        m_column = 0;
        if (rc != SQLITE_DONE) {
            qCWarning(lcStore) << "history write failed:" << sqlite3_errmsg(m_db);
            return -1;
        }
        return sqlite3_last_insert_rowid(m_db);
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    int m_column = 0;
    QVarLengthArray<QByteArray, 8> m_text;  // moving a QByteArray keeps its bytes in place
};

HistorySink::HistorySink(QString databasePath, QString logDirectory)
    : m_databasePath(std::move(databasePath)), m_logDirectory(std::move(logDirectory)) {}

HistorySink::~HistorySink() {
    commit();
    for (auto it = m_logs.begin(); it != m_logs.end(); ++it)
        ::close(it->fd);
    for (const auto& entry : m_statements)
        sqlite3_finalize(entry.second);
    sqlite3_close(m_db);
}

bool HistorySink::open(QString* error) {
    const QByteArray path = m_databasePath.toUtf8();
    if (sqlite3_open_v2(path.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);  // another process (the GUI, a second CLI) may write
    // WAL was set by the store; NORMAL is crash-safe in WAL. The WAL is kept on close so the
    // next build does not recreate it (two fsyncs).
    exec("PRAGMA synchronous=NORMAL");
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, static_cast<int*>(nullptr));
    // Prepared now (reading the schema once), not while the first build waits for its rows.
    for (const char* sql :
         {kInsertBuild, kFinishBuild, kInsertPhase, kFinishPhase, kWriteBatch, kBuildResult})
        statement(sql);
    return true;
}

void HistorySink::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK)
        qCWarning(lcStore) << sql << "failed:" << message;
    sqlite3_free(message);
}

HistorySink::Statement HistorySink::statement(const char* sql) {
    sqlite3_stmt*& stmt = m_statements[sql];
    if (!stmt &&
        sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcStore) << "prepare failed" << sql << sqlite3_errmsg(m_db);
        stmt = nullptr;
    }
    return Statement(m_db, stmt);
}

void HistorySink::begin() {
    if (m_inTransaction || !m_db)
        return;
    exec("BEGIN");
    m_inTransaction = true;
}

void HistorySink::commit() {
    if (m_inTransaction) {
        for (auto it = m_batches.begin(); it != m_batches.end(); ++it) {
            if (it->dirty)
                writeBatch(it.key(), *it);
        }
        exec("COMMIT");
        m_inTransaction = false;
    }
    flushLogs();
}

void HistorySink::write(const RunEvent& e) {
    switch (e.kind) {
        case RunEventKind::RunStarted:
            onRunStarted(e);
            break;
        case RunEventKind::StepStarted:
            (statement(kInsertPhase) << e.runId << e.step << e.timeMs).run();
            break;
        case RunEventKind::StepFinished:
            (statement(kFinishPhase)
             << runStatusName(e.status) << e.timeMs << e.code << e.message << e.runId << e.step)
                .run();
            closeBatch(e.runId, &e.step);
            break;
        case RunEventKind::CommandStarted:
            onCommandStarted(e);
            break;
        case RunEventKind::CommandFinished:
            onCommandFinished(e);
            break;
        case RunEventKind::LogChunk:
            writeLog(e);
            break;
        case RunEventKind::RunFinished:
            onRunFinished(e);
            break;
        default:
            break;
    }
}

void HistorySink::onRunStarted(const RunEvent& e) {
    const QString logPath = QStringLiteral("%1/%2-%3.log").arg(m_logDirectory, e.name, e.value);
    (statement(kInsertBuild) << e.runId << e.value.toInt() << e.name << e.timeMs << logPath
                             << qint64(::getpid()) << e.message)
        .run();
    closeLog(e.runId);
    const int fd = ::open(QFile::encodeName(logPath).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        qCWarning(lcStore) << "cannot write log" << logPath << ::strerror(errno);
    m_logs.insert(e.runId, LogFile{fd, {}});
}

void HistorySink::onRunFinished(const RunEvent& e) {
    (statement(kFinishBuild) << runStatusName(e.status) << e.timeMs << e.runId).run();
    closeBatch(e.runId, nullptr);  // a stopped build's last command keeps its place, unfinished
    m_batches.remove(e.runId);
    closeLog(e.runId);
}

void HistorySink::onCommandStarted(const RunEvent& e) {
    CommandBatch& batch = m_batches[e.runId];
    if (!batch.isEmpty() && (batch.step != e.step || batch.isFull())) {
        writeBatch(e.runId, batch);
        batch.reset();
    }
    if (batch.isEmpty()) {
        batch.step = e.step;
        // Events without sequences (or replayed ones) must not reuse a key: a row would go.
        batch.firstSeq = std::max(e.sequence, batch.lastKey + 1);
        batch.lastKey = batch.firstSeq;
    } else if (batch.running) {  // never ended (a build runs one command at a time)
        finishCurrent(batch, nullptr);
    }
    batch.current = CommandRecord{e.index, e.name, e.timeMs, {}, 0};
    batch.running = true;
    batch.dirty = true;
}

void HistorySink::onCommandFinished(const RunEvent& e) {
    const auto it = m_batches.find(e.runId);
    if (it == m_batches.end() || !it->running)
        return;
    finishCurrent(*it, &e);
    // A full batch will not change again: written now, its memory freed.
    if (it->isFull()) {
        writeBatch(e.runId, *it);
        it->reset();
    }
}

void HistorySink::finishCurrent(CommandBatch& batch, const RunEvent* end) {
    if (batch.count > 0)
        batch.done += ',';
    if (end) {
        batch.current.endedMs = end->timeMs;
        batch.current.exitCode = end->exitCode;
    }
    appendCommandJson(batch.done, batch.current);
    ++batch.count;
    batch.running = false;
    batch.dirty = true;
}

void HistorySink::closeBatch(const QString& runId, const QString* step) {
    const auto it = m_batches.find(runId);
    if (it == m_batches.end() || (step && it->step != *step))
        return;
    if (it->dirty)
        writeBatch(runId, *it);
    it->reset();
}

void HistorySink::writeBatch(const QString& runId, CommandBatch& batch) {
    QByteArray json;
    json.reserve(batch.done.size() + 64 + (batch.running ? batch.current.command.size() * 3 : 0));
    json += '[';
    json += batch.done;
    if (batch.running) {
        if (batch.count > 0)
            json += ',';
        appendCommandJson(json, batch.current);
    }
    json += ']';
    (statement(kWriteBatch) << runId << batch.step << batch.firstSeq << json).run();
    batch.dirty = false;
}

void HistorySink::write(const BuildResult& r) {
    (statement(kBuildResult) << runStatusName(r.status) << r.endedMs << r.sourceVersion << r.id)
        .run();
    for (const auto& [name, value] : r.exportedVariables)
        (statement(kInsertVariable) << r.id << name << value).run();
    for (const ArtifactRecord& a : r.artifacts)
        (statement(kInsertArtifact)
         << r.id << a.name << a.path << a.files.join(QLatin1Char('\n')) << int(a.primary))
            .run();
    for (const ReportRecord& rep : r.reports)
        (statement(kInsertReport) << r.id << rep.group << rep.file << rep.format
                                  << QString::fromUtf8(
                                         QJsonDocument(rep.summary).toJson(QJsonDocument::Compact)))
            .run();
}

void HistorySink::writeLog(const RunEvent& e) {
    const auto it = m_logs.find(e.runId);
    if (it == m_logs.end() || it->fd < 0)
        return;
    QByteArray& out = it->pending;
    // Every line gets its UTC timestamp; the bytes themselves are kept as they came. Events
    // come many to a millisecond: the stamp is formatted once for each.
    if (e.timeMs != m_stampMs) {
        m_stampMs = e.timeMs;
        m_stamp = formatUtcMs(e.timeMs).toLatin1() + ' ';
    }
    const QByteArray& stamp = m_stamp;
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
    if (out.size() >= (1 << 20))
        flushLogs();
}

void HistorySink::flushLogs() {
    for (LogFile& log : m_logs) {
        qsizetype from = 0;
        while (from < log.pending.size()) {
            const ssize_t n =
                ::write(log.fd, log.pending.constData() + from, size_t(log.pending.size() - from));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                qCWarning(lcStore) << "log write failed:" << ::strerror(errno);
                break;
            }
            from += n;
        }
        log.pending.clear();
    }
}

void HistorySink::closeLog(const QString& runId) {
    const auto it = m_logs.find(runId);
    if (it == m_logs.end())
        return;
    flushLogs();
    if (it->fd >= 0)
        ::close(it->fd);
    m_logs.erase(it);
}

}  // namespace pw
