#pragma once

#include "spec/pipeline.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace pw {

struct Workspace;

// Release on change: watches the git branches bound to the pipeline's source actions and
// reports each new commit, so the caller can start an execution for it (the local
// equivalent of CodePipeline's change detection).
class SourceWatcher : public QObject {
    Q_OBJECT
public:
    SourceWatcher(const Pipeline& pipeline, const Workspace& workspace,
                  const QString& workspaceRoot, QObject* parent = nullptr);
    void start(int intervalMs = 500);
    void stop();
    int watchedCount() const { return int(m_targets.size()); }

Q_SIGNALS:
    // The current heads are recorded: commits from now on count as changes.
    void ready();
    void changed(const QString& repository, const QString& branch, const QString& commit);

private:
    struct Target {
        QString repository;  // absolute path
        QString branch;      // empty: the current branch (HEAD)
    };
    void poll();
    void check(const Target& target);
    void record(const Target& target, const QString& commit);

    QList<Target> m_targets;
    QHash<QString, QString> m_seen;  // "repo|branch" -> commit
    QTimer* m_timer = nullptr;
    int m_inFlight = 0;
    bool m_ready = false;
};

}  // namespace pw
