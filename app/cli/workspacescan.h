#pragma once

#include <QStringList>

// Spec files Pipewright recognises below `root`, in a stable order. Build output, VCS folders,
// dependency folders and Pipewright's own state are skipped.
QStringList findSpecFiles(const QString& root);
