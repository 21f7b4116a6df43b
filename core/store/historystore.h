#pragma once

#include "engine/buildresult.h"
#include "engine/runevent.h"

#include <QString>
#include <QVariantList>
#include <memory>
#include <optional>

class QTimer;

namespace pw {

class HistoryWriter;

// One row of `pipewright-cli history`.
struct BuildSummary {
    QString id;
    int number = 0;
    QString project;
    QString status;  // CodeBuild word, or INTERRUPTED for a build whose process died
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QString logPath;
};

// The run history of a workspace: `<state>/history.sqlite` (WAL) with builds, phases,
// commands, exported variables, artifacts and reports, plus one full log file per build under
// `<state>/logs/`. It persists RunEvents as they come, so a build whose process is killed
// still has its history; the next open marks it INTERRUPTED. Writes happen on a thread of
// their own (HistoryWriter) and are grouped: a run's start and end are committed at once,
// phases, commands and log lines within 100 ms (a log line after a quiet spell goes to the
// file at once); a build's result is written before recordResult() returns (callers record
// it when the runner finishes), and reads first wait for what is queued.
class HistoryStore {
public:
    explicit HistoryStore(const QString& stateDirectory);
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    bool open(QString* error = nullptr);
    bool isOpen() const;
    int interruptedOnOpen() const { return m_interrupted; }
    QString databasePath() const;
    QString logDirectory() const;

    int nextBuildNumber(const QString& project);
    void record(const RunEvent& event);
    // Writes what only the end result knows (artifact file lists, reports, variables), and
    // returns once everything recorded so far is in the history.
    void recordResult(const BuildResult& result);

    QList<BuildSummary> builds(const QString& project = {}) const;
    std::optional<BuildResult> build(const QString& id) const;

    // Returns once everything recorded so far is written (the destructor writes it too).
    void flush();

private:
    bool exec(const QString& sql, const QVariantList& values = {}) const;
    void markInterrupted();
    bool migrateCommandRows();

    QString m_stateDir;
    QString m_connection;  // schema, recovery and reads; writes go through m_writer
    int m_interrupted = 0;
    std::unique_ptr<HistoryWriter> m_writer;
    std::unique_ptr<QTimer> m_handOverTimer;
    mutable QString m_lastError;  // of the last exec() that failed, for open()'s message
};

}  // namespace pw
