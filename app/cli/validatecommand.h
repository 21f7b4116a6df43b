#pragma once

#include <QStringList>

// `pipewright-cli validate PATH... [--kind K] [--format text|json]`
// Exit 0 without errors, 1 with errors, 2 on a usage or I/O problem.
int runValidateCommand(const QStringList& args);
