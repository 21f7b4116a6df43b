#include "sourcewatcher.h"

#include "spec/workspace.h"
#include "spec/workspacebindings.h"

#include <QDir>
#include <QProcess>
#include <QTimer>

namespace pw {

SourceWatcher::SourceWatcher(const Pipeline& pipeline, const Workspace& workspace,
                             const QString& workspaceRoot, QObject* parent)
    : QObject(parent) {
    for (const PipelineStage& stage : pipeline.stages) {
        for (const PipelineAction& action : stage.actions) {
            if (action.category.text != QLatin1String("Source"))
                continue;
            const WorkspaceSource* bound = workspace.source(sourceBindingName(action));
            if (!bound || bound->git.isEmpty())
                continue;
            const QString branch =
                !bound->branch.isEmpty() ? bound->branch : action.configValue(u"BranchName");
            const Target target{QDir::cleanPath(QDir(workspaceRoot).absoluteFilePath(bound->git)),
                                branch};
            const bool known =
                std::any_of(m_targets.begin(), m_targets.end(), [&](const Target& t) {
                    return t.repository == target.repository && t.branch == target.branch;
                });
            if (!known)
                m_targets.append(target);
        }
    }
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &SourceWatcher::poll);
}

void SourceWatcher::start(int intervalMs) {
    poll();  // records the current heads; only later commits count as changes
    m_timer->start(intervalMs);
}

void SourceWatcher::stop() {
    m_timer->stop();
}

void SourceWatcher::poll() {
    if (m_inFlight > 0)
        return;  // a slow git answer must not pile up processes
    for (const Target& t : std::as_const(m_targets))
        check(t);
}

void SourceWatcher::check(const Target& target) {
    auto* git = new QProcess(this);
    ++m_inFlight;
    connect(git, &QProcess::finished, this, [this, git, target](int code, QProcess::ExitStatus) {
        git->deleteLater();
        --m_inFlight;
        if (code == 0)
            record(target, QString::fromUtf8(git->readAllStandardOutput()).trimmed());
        if (m_inFlight == 0 && !m_ready) {
            m_ready = true;
            Q_EMIT ready();
        }
    });
    const QString rev = target.branch.isEmpty() ? QStringLiteral("HEAD") : target.branch;
    git->start(QStringLiteral("git"), {QStringLiteral("-C"), target.repository,
                                       QStringLiteral("rev-parse"), QStringLiteral("--verify"),
                                       QStringLiteral("-q"), rev + QStringLiteral("^{commit}")});
}

void SourceWatcher::record(const Target& target, const QString& commit) {
    const QString key = target.repository + QLatin1Char('|') + target.branch;
    const auto it = m_seen.constFind(key);
    const bool first = it == m_seen.constEnd();
    if (!first && it.value() == commit)
        return;
    m_seen.insert(key, commit);
    if (!first)
        Q_EMIT changed(target.repository, target.branch, commit);
}

}  // namespace pw
