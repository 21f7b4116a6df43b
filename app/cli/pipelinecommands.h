#pragma once

#include <QStringList>

// `pipewright-cli run [PIPELINE] [--var NAME=VALUE]... [--json]`: one execution, with
// stage/action progress. Exit 0 Succeeded, 1 Failed, 2 invalid input, 130 stopped.
int runRunCommand(const QStringList& args);
// `pipewright-cli approve EXECUTION ACTION [--reject] [--comment TEXT]`
int runApproveCommand(const QStringList& args);
// `pipewright-cli executions [--json]`
int runExecutionsCommand(const QStringList& args);
// `pipewright-cli watch [PIPELINE]`: release on change until stopped.
int runWatchCommand(const QStringList& args);
