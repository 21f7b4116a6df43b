#pragma once

#include <QStringList>

namespace pw {
struct RunEvent;
}

// `pipewright-cli deploy --application NAME --group NAME [--revision PATH | --build ID]
//  [--config NAME] [--json]`: one deployment with lifecycle progress per instance, then the
// per-instance lifecycle table. Without --revision / --build the workspace folder is the
// revision. Exit 0 Succeeded, 1 Failed, 2 invalid input, 130 stopped by Ctrl+C.
int runDeployCommand(const QStringList& args);
// `pipewright-cli deployments [--application A] [--group G] [--json]`, newest first.
int runDeploymentsCommand(const QStringList& args);
// `pipewright-cli rollback --application NAME --group NAME [--json]`: redeploys the group's last
// successful revision as a new deployment (creator codeDeployRollback). Exit codes as deploy.
int runRollbackCommand(const QStringList& args);

// One progress line for a deployment's lifecycle event (step = event, name = instance), or
// empty when the event is not one to show. Shared with the pipeline commands' Deploy actions.
QString deploymentProgressLine(const pw::RunEvent& event);
