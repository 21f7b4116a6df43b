#pragma once

#include "engine/runevent.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace pw {

class BuildLauncher;
class LogPane;
class PhaseTimelineModel;
class PhaseTimelineView;

// A run tab: status header with elapsed time, busy indicator and Stop; the phase timeline on
// top, the followed build log below, and what the build produced once it ends.
class BuildRunPage : public QWidget {
    Q_OBJECT
public:
    BuildRunPage(const QString& workspace, const QString& buildspec, QWidget* parent = nullptr);
    ~BuildRunPage() override;

    bool start();  // false: the build could not start (the header says why)
    void stop();
    bool isRunning() const;
    QString title() const;
    RunStatus status() const { return m_status; }

    PhaseTimelineModel* timeline() const { return m_model; }
    PhaseTimelineView* timelineView() const { return m_view; }
    LogPane* logPane() const { return m_log; }
    QLabel* statusLabel() const { return m_statusLabel; }
    QTextBrowser* summary() const { return m_summary; }
    BuildLauncher* launcher() const { return m_launcher; }

signals:
    void started();
    void finished(pw::RunStatus status);
    void titleChanged();

private:
    void onEvent(const RunEvent& e);
    void onFinished(RunStatus status);
    void tick();
    void showSummary();
    void setStatus(RunStatus status);

    BuildLauncher* m_launcher;
    PhaseTimelineModel* m_model;
    PhaseTimelineView* m_view;
    LogPane* m_log;
    QLabel* m_statusLabel;
    QLabel* m_elapsedLabel;
    QProgressBar* m_busy;
    QPushButton* m_stop;
    QTextBrowser* m_summary;
    QTimer* m_ticker;
    QElapsedTimer m_elapsed;
    QString m_project;
    int m_number = 0;
    RunStatus m_status = RunStatus::InProgress;
    bool m_logOpen = false;
};

}  // namespace pw
