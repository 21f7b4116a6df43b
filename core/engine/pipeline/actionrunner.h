#pragma once

#include "engine/pipeline/pipelinestate.h"
#include "engine/runevent.h"

#include <QObject>
#include <memory>

namespace pw {

struct Workspace;

using NamedPaths = QList<QPair<QString, QString>>;  // artifact name -> folder

// Everything one action needs, with its configuration already resolved (#{...} replaced).
struct ActionContext {
    QString executionId;
    QString pipelineName;
    QString stageName;
    QString actionName;
    QString category;
    QString owner;
    QString provider;
    VariableList configuration;
    QString sourceBinding;  // source actions: the key under workspace.yml `sources`
    NamedPaths inputArtifacts;
    QStringList outputArtifacts;
    QString artifactDirectory;  // outputs go to <artifactDirectory>/<name>/
    QString workspaceRoot;
    QString stateDirectory;
    const Workspace* workspace = nullptr;               // may be null: nothing is bound
    qint64 approvalTimeoutMs = 7LL * 24 * 3600 * 1000;  // CodePipeline's seven days

    QString config(const QString& key) const;
};

struct ActionOutcome {
    ActionStatus status = ActionStatus::Failed;
    QString summary;
    VariableList outputVariables;
    NamedPaths outputArtifacts;
    QString externalRunId;
};

// One running action of a pipeline execution: a local stand-in for a CodePipeline provider.
// Implementations are asynchronous and report through signals on the calling thread.
class HistoryStore;

class ActionRunner : public QObject {
    Q_OBJECT
public:
    explicit ActionRunner(ActionContext context, QObject* parent = nullptr)
        : QObject(parent), m_context(std::move(context)) {}

    virtual void start() = 0;
    virtual void stop() = 0;  // ends the action Abandoned; leaves no process behind
    virtual bool isApproval() const { return false; }
    virtual void respond(bool /*approved*/, const QString& /*comment*/) {}
    const ActionContext& context() const { return m_context; }

Q_SIGNALS:
    void runEvent(const pw::RunEvent& event);
    void externalRunStarted(const QString& id);
    void finished(const pw::ActionOutcome& outcome);

protected:
    void finish(ActionStatus status, const QString& summary, VariableList variables = {},
                NamedPaths artifacts = {}, const QString& externalRunId = {});
    bool isFinished() const { return m_done; }
    ActionContext m_context;

private:
    bool m_done = false;
};

// The provider table: which runner stands in for which actionTypeId.
// `history` records the builds that build actions start; it may be null.
std::unique_ptr<ActionRunner> createActionRunner(ActionContext context, HistoryStore* history);
// True when Pipewright can run this provider locally (for validation and the designer).
bool hasLocalRunner(const QString& category, const QString& provider);

}  // namespace pw
