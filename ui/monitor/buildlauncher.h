#pragma once

#include "engine/runevent.h"

#include <QObject>
#include <memory>

namespace pw {

class BuildRunner;
class HistoryStore;
struct BuildRequest;
struct BuildResult;

// One GUI build: a BuildRunner whose events the workspace's history store records first, so
// the build's log file exists before any observer looks for it.
class BuildLauncher : public QObject {
    Q_OBJECT
public:
    // `buildspec` absolute or relative to `workspace`; empty: buildspec.yml.
    BuildLauncher(const QString& workspace, const QString& buildspec, QObject* parent = nullptr);
    ~BuildLauncher() override;

    static BuildRequest makeRequest(const QString& workspace, const QString& buildspec);

    bool start(QString* error = nullptr);
    void stop();
    bool isRunning() const;
    BuildRunner* runner() const { return m_runner.get(); }
    QString logPath() const { return m_logPath; }
    QString buildspecPath() const { return m_buildspec; }

signals:
    void event(const pw::RunEvent& event);
    void finished(pw::RunStatus status);

private:
    void onEvent(const RunEvent& e);

    QString m_workspace;
    QString m_buildspec;
    QString m_logPath;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<BuildRunner> m_runner;
};

}  // namespace pw
