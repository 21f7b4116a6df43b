#pragma once

#include "engine/runevent.h"

#include <QElapsedTimer>
#include <QList>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;

namespace pw {

class ArtifactsPane;
class BuildLauncher;
class LogPane;
class PhaseTimelineModel;
class PhaseTimelineView;
class ReportsModel;
struct BuildResult;
struct LogMarker;

// A run tab: a one-line header (status, what the build produced, elapsed time, busy
// indicator, Stop), the phase timeline on top and Log / Reports / Artifacts tabs below.
// The same page shows a past build read back from the history store.
class BuildRunPage : public QWidget {
    Q_OBJECT
public:
    enum Tab { LogTab, ReportsTab, ArtifactsTab };

    BuildRunPage(const QString& workspace, const QString& buildspec, QWidget* parent = nullptr);
    ~BuildRunPage() override;

    bool start();  // false: the build could not start (the header says why)
    // Shows build `buildId` of the workspace's history instead of running one.
    bool loadFromHistory(const QString& buildId, QString* error = nullptr);
    void stop();
    bool isRunning() const;
    bool isFromHistory() const { return !m_history.isEmpty(); }
    QString title() const;
    QString buildId() const { return m_buildId; }
    RunStatus status() const { return m_status; }

    PhaseTimelineModel* timeline() const { return m_model; }
    PhaseTimelineView* timelineView() const { return m_view; }
    LogPane* logPane() const { return m_log; }
    QLabel* statusLabel() const { return m_statusLabel; }
    QLabel* summary() const { return m_summary; }
    QTabWidget* tabs() const { return m_tabs; }
    ReportsModel* reports() const { return m_reports; }
    ArtifactsPane* artifacts() const { return m_artifacts; }
    BuildLauncher* launcher() const { return m_launcher; }

signals:
    void started();
    void finished(pw::RunStatus status);
    void titleChanged();

private:
    QWidget* createReportsTab();
    void onEvent(const RunEvent& e);
    void onFinished(RunStatus status);
    void tick();
    void showResult(const BuildResult& result, const QStringList& reportRoots);
    void setStatus(RunStatus status);
    void replayHistory(const QList<LogMarker>& markers);
    void endRunning();

    QString m_workspace;
    BuildLauncher* m_launcher;
    PhaseTimelineModel* m_model;
    PhaseTimelineView* m_view;
    LogPane* m_log;
    ReportsModel* m_reports;
    ArtifactsPane* m_artifacts;
    QTabWidget* m_tabs;
    QLabel* m_statusLabel;
    QLabel* m_summary;
    QLabel* m_elapsedLabel;
    QProgressBar* m_busy;
    QPushButton* m_stop;
    QTimer* m_ticker;
    QElapsedTimer m_elapsed;
    QString m_project;
    QString m_buildId;
    int m_number = 0;
    RunStatus m_status = RunStatus::InProgress;
    bool m_logOpen = false;
    QList<RunEvent> m_history;  // a past build's events, replayed into the timeline
};

}  // namespace pw
