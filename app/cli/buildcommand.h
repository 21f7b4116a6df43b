#pragma once

#include <QStringList>

// `pipewright-cli build [DIR] [--buildspec FILE] [--project NAME] [--env NAME=VALUE]...
//  [--env-file FILE] [--in-place] [--events FILE] [--json] [--timeout SECONDS] [--batch]`
// --batch runs the buildspec's batch section (build-list/graph/matrix/fanout) instead.
// Exit 0 SUCCEEDED, 1 FAILED (or FAULT / TIMED_OUT), 2 invalid input, 130 stopped by Ctrl+C.
int runBuildCommand(const QStringList& args);
