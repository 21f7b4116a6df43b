#pragma once

#include "deploy/deploymentstate.h"

#include <QWidget>
#include <memory>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace pw {

class DeploymentHeader;
class DeploymentHistoryModel;
class InstanceGridModel;
class LifecycleTimelineModel;
class LiveScriptLogs;
class LogPane;
class PhaseTimelineView;
class TrafficPanel;
class TrafficRouter;

// The dashboard of one deployment group: the header with counts and progress, the instance
// cards, the selected instance's lifecycle timeline, the script log of the chosen event,
// the blue/green traffic at the router and the group's deployment history with Redeploy and
// Rollback. It only shows what it is given (snapshots, script output, history, a router) and
// asks for deployments through signals, so it works live, from the store or from tests.
class DeploymentGroupPage : public QWidget {
    Q_OBJECT
public:
    DeploymentGroupPage(const QString& application, const QString& group,
                        QWidget* parent = nullptr);
    ~DeploymentGroupPage() override;

    const QString& application() const { return m_application; }
    const QString& group() const { return m_group; }

    // The group's past deployments (DeploymentStore::deployments), newest first or not.
    void setHistory(const QList<DeploymentState>& deployments);
    // The group's router while it serves; null hides the live traffic.
    void setRouter(TrafficRouter* router);

    void selectInstance(const QString& instance);
    QString selectedInstance() const;
    // Shows the script log of one event: its log file when it has one, else what arrived live.
    void showEventLog(const QString& instance, const QString& event);
    QString shownLogPath() const { return m_shownLog; }
    // Refreshes running durations; called by the page's own ticker while a deployment runs.
    void setNow(qint64 ms);

    const DeploymentState& state() const { return m_state; }
    DeploymentHeader* header() const { return m_header; }
    InstanceGridModel* instances() const { return m_instances; }
    QListView* instanceView() const { return m_grid; }
    LifecycleTimelineModel* timeline() const { return m_timeline; }
    PhaseTimelineView* timelineView() const { return m_timelineView; }
    DeploymentHistoryModel* history() const { return m_history; }
    QTableView* historyView() const { return m_historyView; }
    TrafficPanel* traffic() const { return m_traffic; }
    LogPane* logPane() const { return m_log; }
    QPushButton* redeployButton() const { return m_redeploy; }
    QPushButton* rollbackButton() const { return m_rollback; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* continueButton() const { return m_continue; }

public slots:
    // DeploymentEngine::stateChanged / finished.
    void setState(const pw::DeploymentState& state);
    // DeploymentEngine::scriptOutput.
    void appendScriptOutput(const QString& instance, const QString& lifecycleEvent,
                            const QByteArray& chunk);

signals:
    void redeployRequested(const QString& revisionId);
    void rollbackRequested();
    void stopRequested();
    // Blue/green waiting in Ready: shift the traffic now (ContinueDeployment).
    void continueRequested();

private:
    QWidget* buildInstancePane();
    QWidget* buildTimelinePane();
    QWidget* buildLogPane();
    QWidget* buildHistoryPane();
    QWidget* titled(const QString& title, QWidget* content, QLabel** label = nullptr);
    void followInstance();
    void onTimelineClicked(const QModelIndex& index);
    void updateButtons();
    void updateTrafficVisibility();
    QString logFileFor(const QString& instance, const QString& event) const;

    QString m_application;
    QString m_group;
    DeploymentState m_state;
    std::unique_ptr<LiveScriptLogs> m_live;
    DeploymentHeader* m_header;
    InstanceGridModel* m_instances;
    LifecycleTimelineModel* m_timeline;
    DeploymentHistoryModel* m_history;
    QListView* m_grid = nullptr;
    PhaseTimelineView* m_timelineView = nullptr;
    QTableView* m_historyView = nullptr;
    TrafficPanel* m_traffic = nullptr;
    QWidget* m_trafficBox = nullptr;
    LogPane* m_log = nullptr;
    QStackedWidget* m_logStack = nullptr;
    QLabel* m_timelineTitle = nullptr;
    QLabel* m_logTitle = nullptr;
    QLabel* m_noLog = nullptr;
    QPushButton* m_redeploy = nullptr;
    QPushButton* m_rollback = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_continue = nullptr;
    QTimer* m_ticker;
    QString m_shownLog;
    QString m_shownInstance, m_shownEvent;
    bool m_userPickedInstance = false;
    bool m_userPickedEvent = false;
    bool m_hasRouter = false;
    bool m_selecting = false;  // the page, not the user, moves the current card
};

}  // namespace pw
