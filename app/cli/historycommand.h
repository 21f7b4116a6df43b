#pragma once

#include <QStringList>

// `pipewright-cli history [DIR] [--project NAME] [--json]`: the workspace's builds, newest first.
int runHistoryCommand(const QStringList& args);
