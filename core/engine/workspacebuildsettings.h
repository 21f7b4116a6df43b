#pragma once

#include "engine/buildrequest.h"

namespace pw {

struct WorkspaceProject;
struct WorkspaceSecrets;

// `VAR=VAL` lines as the CodeBuild local agent reads them: # comments and blank lines skipped,
// quotes kept as part of the value.
bool readEnvFile(const QString& path, EnvList& into, QString* error);

// A workspace.yml project's settings on a build request: name, variables, timeout, in-place,
// buildspec (unless the request names one) and secondary sources (relative to `root`).
void applyProjectSettings(const WorkspaceProject& project, const QString& root,
                          BuildRequest& request);

// Where parameter-store and secrets-manager names resolve: the secrets file (`~/` and paths
// relative to `root` allowed) and, when enabled, the process environment.
void applySecrets(const WorkspaceSecrets& secrets, const QString& root, BuildRequest& request);

// Reads `<root>/.pipewright/workspace.yml`, when there is one, and applies the named project
// (empty: the project whose buildspec is the request's, else the first) and the secrets.
// Used by the CLI and the app alike, so both build the same way.
void applyWorkspaceFile(const QString& root, const QString& projectName, BuildRequest& request);

}  // namespace pw
