#pragma once

#include "spec/speckind.h"

#include <QCoreApplication>
#include <QStringList>

namespace pw {

// What may be typed where: a small schema per spec kind, enough for completion and hover
// help. `path` is the chain of mapping keys from the root to the mapping being edited
// (sequence levels skipped), e.g. {"phases", "build"}.
class CompletionSchema {
    Q_DECLARE_TR_FUNCTIONS(CompletionSchema)
public:
    // Keys allowed in the mapping at `path`, in the order a reader expects them (phases and
    // hooks in the order they run).
    static QStringList keys(SpecKind kind, const QStringList& path);
    // Values for `key` in the mapping at `path`; empty when free-form.
    static QStringList values(SpecKind kind, const QStringList& path, const QString& key);
    // One line saying what the key means, or empty.
    static QString keyHelp(SpecKind kind, const QString& key);
};

}  // namespace pw
