#pragma once

#include "engine/pipeline/pipelinestate.h"
#include "engine/runevent.h"

#include <QString>
#include <optional>

namespace pw {

// Pipeline executions in `<state>/executions.sqlite` (beside the builds' history.sqlite): each
// execution's latest state as JSON plus every RunEvent it emitted. Rows of
// executions whose process died are marked Failed ("interrupted") when the store opens.
class ExecutionStore {
public:
    explicit ExecutionStore(const QString& stateDirectory);
    ~ExecutionStore();
    ExecutionStore(const ExecutionStore&) = delete;
    ExecutionStore& operator=(const ExecutionStore&) = delete;

    bool open(QString* error = nullptr);
    void saveState(const ExecutionState& state);
    void recordEvent(const RunEvent& event);

    QList<ExecutionState> executions(const QString& pipeline = {}) const;  // newest first
    std::optional<ExecutionState> execution(const QString& id) const;
    QList<RunEvent> events(const QString& executionId) const;

private:
    bool exec(const QString& sql, const QVariantList& values = {}) const;
    void markInterrupted();

    QString m_stateDir;
    QString m_connection;
};

}  // namespace pw
