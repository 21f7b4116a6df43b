#pragma once

// Helpers shared by the files of BuildRunner (buildrunner.cpp, buildrunner_phases.cpp,
// buildrunner_outputs.cpp); not part of any interface.
#include "engine/phasetable.h"
#include "spec/buildspec.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QStringList>
#include <QtConcurrent>

#include <functional>
#include <optional>

namespace pw::buildrunner_detail {

// How much of a phase's last output RETRY's regex is matched against.
constexpr qsizetype kOutputTailBytes = 4096;

inline std::optional<BuildspecPhaseId> specPhaseOf(BuildPhase phase) {
    switch (phase) {
        case BuildPhase::Install:
            return BuildspecPhaseId::Install;
        case BuildPhase::PreBuild:
            return BuildspecPhaseId::PreBuild;
        case BuildPhase::Build:
            return BuildspecPhaseId::Build;
        case BuildPhase::PostBuild:
            return BuildspecPhaseId::PostBuild;
        default:
            return std::nullopt;
    }
}

inline QStringList commandTexts(const QList<SourceText>& list) {
    QStringList out;
    for (const SourceText& t : list)
        out << t.text;
    return out;
}

inline QString resolveShell(const QString& wanted, const QString& fallback) {
    const QString name = wanted.isEmpty() ? fallback : wanted;
    if (QFileInfo(name).isAbsolute())
        return name;
    const QString found = QStandardPaths::findExecutable(name);
    return found.isEmpty() ? name : found;
}

// The `name` of the primary artifact and of each secondary one, in BuildOutputs' order.
inline QStringList artifactNames(const Buildspec& spec) {
    QStringList names;
    if (spec.artifacts.present)
        names << spec.artifacts.name;
    for (const BuildspecArtifacts& a : spec.secondaryArtifacts)
        names << a.name;
    return names;
}

template <typename T, typename Done>
void runInWorker(QObject* context, std::function<T()> work, Done done) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace pw::buildrunner_detail
