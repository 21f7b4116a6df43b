#pragma once

#include "spec/pipeline.h"
#include "spec/workspace.h"

#include <QString>
#include <memory>
#include <optional>

// What the pipeline commands need to know about the workspace they run in: its root (the
// folder holding `.pipewright/`, else the git work tree, else the folder given), its state
// folder, the parsed workspace file and the pipeline definition to run.
struct WorkspaceContext {
    QString root;
    QString stateDirectory;
    pw::Workspace workspace;
    pw::Diagnostics diagnostics;  // from workspace.yml

    static WorkspaceContext open(const QString& start);
    // PIPELINE may be a file path, or a pipeline name looked up among the workspace's files;
    // empty picks the only pipeline in the workspace. On failure `error` says why.
    std::optional<pw::PipelineParseResult> loadPipeline(const QString& pipeline, QString* path,
                                                        QString* error) const;
};
