#pragma once

#include "engine/buildrequest.h"
#include "engine/buildresult.h"
#include "engine/runevent.h"

#include <QList>
#include <QObject>
#include <functional>

namespace pw {

class BuildRunner;
struct BuildspecBatch;

// One build of a batch, after expanding build-list / build-graph / build-matrix / build-fanout.
struct BatchTask {
    QString identifier;    // CODEBUILD_BATCH_BUILD_IDENTIFIER
    QString name;          // what the build is: its identifier, or its matrix values
    QString buildspec;     // empty: the batch's own buildspec
    QStringList dependOn;  // build-graph
    bool ignoreFailure = false;
    EnvList variables;  // the task's env.variables, applied as start overrides
    RunStatus status = RunStatus::InProgress;
    bool started = false;
    bool skipped = false;  // a dependency failed, or fast-fail stopped the batch
    BuildResult result;
};

// Runs a batch build (spec/buildspec.md §1.3): tasks start when their dependencies
// succeeded, at most `parallelism` at a time (default: the number of cores), all on this
// thread. fast-fail stops the running builds at the first failure that is not ignored.
class BatchRunner : public QObject {
    Q_OBJECT
public:
    BatchRunner(BuildRequest base, const BuildspecBatch& batch, QObject* parent = nullptr);
    ~BatchRunner() override;

    static QList<BatchTask> expand(const BuildspecBatch& batch);

    void setParallelism(int builds) { m_parallelism = qMax(1, builds); }
    // Where each build's number comes from (the history store); default: 1, 2, 3, ...
    void setNumberSource(std::function<int()> next) { m_nextNumber = std::move(next); }
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    const QList<BatchTask>& tasks() const { return m_tasks; }
    RunStatus status() const { return m_status; }

signals:
    void runEvent(const pw::RunEvent& event);
    void finished(pw::RunStatus status);

private:
    void schedule();
    bool dependenciesMet(const BatchTask& task, bool* blocked) const;
    void startTask(int index);
    void onTaskFinished(int index, RunStatus status);
    void finish();

    BuildRequest m_base;
    QList<BatchTask> m_tasks;
    QList<BuildRunner*> m_running_builds;
    std::function<int()> m_nextNumber;
    int m_parallelism = 1;
    int m_active = 0;
    int m_counter = 0;
    bool m_fastFail = false;
    bool m_running = false;
    bool m_stopping = false;
    RunStatus m_status = RunStatus::InProgress;
};

}  // namespace pw
