#pragma once

#include <QObject>
#include <functional>

class QDockWidget;
class QMainWindow;
class QSystemTrayIcon;
class QTabWidget;

namespace pw {

class BuildRunPage;
class HistoryPanel;

// What the main window does around builds besides starting them: the Build history dock,
// past builds opened as run tabs, and telling the user a build finished — on the status bar
// when they look at the window, as a desktop notification when they do not.
class BuildMonitor : public QObject {
    Q_OBJECT
public:
    // (title, text, succeeded); the default shows a system tray message.
    using Notifier = std::function<void(const QString&, const QString&, bool)>;

    BuildMonitor(QMainWindow* window, QTabWidget* buildTabs, QDockWidget* buildsDock);

    void setWorkspace(const QString& workspace);
    // Call when a run tab's build ends; returns true when a desktop notification went out.
    bool buildFinished(BuildRunPage* page);
    BuildRunPage* openPastBuild(const QString& workspace, const QString& buildId);

    void setNotifier(Notifier notifier) { m_notifier = std::move(notifier); }
    HistoryPanel* historyPanel() const { return m_panel; }
    QDockWidget* historyDock() const { return m_dock; }

private:
    void trayNotify(const QString& title, const QString& text, bool ok);
    void showBuildTab(BuildRunPage* page);

    QMainWindow* m_window;
    QTabWidget* m_buildTabs;
    QDockWidget* m_buildsDock;
    QDockWidget* m_dock;
    HistoryPanel* m_panel;
    QSystemTrayIcon* m_tray = nullptr;
    Notifier m_notifier;
};

}  // namespace pw
