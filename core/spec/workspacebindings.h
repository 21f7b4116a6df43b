#pragma once

#include "yaml/diagnostic.h"

namespace pw {

struct Pipeline;
struct PipelineAction;
struct Workspace;

// Warns, at the pipeline file's positions, about names the pipeline uses that the workspace
// does not bind: CodeBuild ProjectName (projects), CodeDeploy ApplicationName and
// DeploymentGroupName (applications), a source action's repository (sources). Such an action
// cannot run locally. Names written as intrinsic functions are skipped: their value is unknown.
Diagnostics checkWorkspaceBindings(const Workspace& workspace, const Pipeline& pipeline);

// The key under `sources` a source action looks up, or empty when it names none
// (RepositoryName, FullRepositoryId, Owner/Repo, S3Bucket/S3ObjectKey).
QString sourceBindingName(const PipelineAction& action);

}  // namespace pw
