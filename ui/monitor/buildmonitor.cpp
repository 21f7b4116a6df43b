#include "buildmonitor.h"

#include "buildrunpage.h"
#include "historypanel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>

namespace pw {

BuildMonitor::BuildMonitor(QMainWindow* window, QTabWidget* buildTabs, QDockWidget* buildsDock)
    : QObject(window)
    , m_window(window)
    , m_buildTabs(buildTabs)
    , m_buildsDock(buildsDock)
    , m_dock(new QDockWidget(tr("Build history"), window))
    , m_panel(new HistoryPanel) {
    m_dock->setObjectName(QStringLiteral("HistoryDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    window->tabifyDockWidget(buildsDock, m_dock);
    m_notifier = [this](const QString& title, const QString& text, bool ok) {
        trayNotify(title, text, ok);
    };
    connect(m_panel, &HistoryPanel::openRequested, this, &BuildMonitor::openPastBuild);
}

void BuildMonitor::setWorkspace(const QString& workspace) {
    m_panel->setWorkspace(workspace);
}

bool BuildMonitor::buildFinished(BuildRunPage* page) {
    m_panel->refresh();
    const QString text = tr("%1: %2").arg(page->title(), runStatusName(page->status()));
    if (m_window->isActiveWindow()) {
        m_window->statusBar()->showMessage(text, 5000);
        return false;
    }
    // Nobody is looking: tell the desktop, and leave it in the status bar for later.
    m_window->statusBar()->showMessage(text);
    m_notifier(tr("Build finished"), text, page->status() == RunStatus::Succeeded);
    return true;
}

void BuildMonitor::trayNotify(const QString& title, const QString& text, bool ok) {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
        m_tray->show();
    }
    m_tray->showMessage(title, text, ok ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
}

BuildRunPage* BuildMonitor::openPastBuild(const QString& workspace, const QString& buildId) {
    for (int i = 0; i < m_buildTabs->count(); ++i) {
        auto* open = qobject_cast<BuildRunPage*>(m_buildTabs->widget(i));
        if (open && open->buildId() == buildId && !open->isRunning()) {
            showBuildTab(open);
            return open;
        }
    }
    auto* page = new BuildRunPage(workspace, {}, m_buildTabs);
    QString error;
    if (!page->loadFromHistory(buildId, &error)) {
        m_window->statusBar()->showMessage(error, 5000);
        delete page;
        return nullptr;
    }
    m_buildTabs->setTabToolTip(m_buildTabs->addTab(page, page->title()), buildId);
    showBuildTab(page);
    return page;
}

void BuildMonitor::showBuildTab(BuildRunPage* page) {
    if (m_buildsDock->isHidden()) {
        m_buildsDock->show();
        // As for a new build: room for the timeline and the log.
        m_window->resizeDocks({m_buildsDock}, {m_window->height() / 2}, Qt::Vertical);
    }
    m_buildsDock->raise();
    m_buildTabs->setCurrentWidget(page);
}

}  // namespace pw
