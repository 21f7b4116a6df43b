#pragma once

#include "spec/speckind.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
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
    // One line saying what the key means in the mapping at `path`, or empty. Every key of
    // keySets() has one, with a link to the AWS documentation of the setting.
    static QString keyHelp(SpecKind kind, const QStringList& path, const QString& key);
    static QString keyHelp(SpecKind kind, const QString& key);
    static QString keyDocUrl(SpecKind kind, const QStringList& path, const QString& key);
    // Rich-text tooltip: the key, its help and the documentation link.
    static QString keyToolTip(SpecKind kind, const QStringList& path, const QString& key);
    // The schema itself: each mapping path ('*' for any one key) with its keys.
    static QList<QPair<QStringList, QStringList>> keySets(SpecKind kind);
};

}  // namespace pw
