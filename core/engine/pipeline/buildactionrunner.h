#pragma once

#include "engine/pipeline/actionrunner.h"

namespace pw {

class BuildRunner;
class HistoryStore;

// Build and Test actions with the CodeBuild provider run the bound project's buildspec on the
// local build engine. Input artifacts become the primary and secondary sources, the build's
// artifacts the output artifacts, its exported variables the action's output variables.
class BuildActionRunner : public ActionRunner {
    Q_OBJECT
public:
    BuildActionRunner(ActionContext context, HistoryStore* history, QObject* parent = nullptr);
    void start() override;
    void stop() override;

private:
    bool prepareRequest(struct BuildRequest& request);
    void onBuildFinished();
    void extractNext();

    HistoryStore* m_history;
    BuildRunner* m_build = nullptr;
    NamedPaths m_pendingZips;  // artifact name -> zip still to extract
    NamedPaths m_outputs;
    VariableList m_variables;
    QString m_buildId;
    bool m_stopped = false;
};

}  // namespace pw
