#pragma once

#include "engine/buildresult.h"
#include "engine/runevent.h"

#include <QFile>
#include <QHash>
#include <QString>
#include <memory>
#include <optional>

class QSqlQuery;

namespace pw {

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
// still has its history; the next open marks it INTERRUPTED.
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
    // Writes what only the end result knows (artifact file lists, reports, variables).
    void recordResult(const BuildResult& result);

    QList<BuildSummary> builds(const QString& project = {}) const;
    std::optional<BuildResult> build(const QString& id) const;

private:
    static constexpr qint64 kCommitIntervalMs = 200;
    void recordOne(const RunEvent& e);
    void beginBatch();
    void commit();
    void onRunStarted(const RunEvent& e);
    void writeLog(const RunEvent& e);
    bool exec(const QString& sql, const QVariantList& values = {}) const;
    void markInterrupted();

    QString m_stateDir;
    QString m_connection;
    int m_interrupted = 0;
    bool m_inTransaction = false;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    mutable qint64 m_lastInsertId = -1;
    qint64 m_lastCommandRow = -1;
    qint64 m_batchStartMs = 0;
    QHash<QString, std::shared_ptr<QFile>> m_logs;  // open log file per running build
};

}  // namespace pw
