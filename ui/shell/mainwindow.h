#pragma once

#include "recoverystore.h"
#include "workspacescanner.h"

#include <QMainWindow>

class QDockWidget;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QSettings;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QUrl;

namespace pw {

class BuildMonitor;
class DeploymentsHub;
class BuildRunPage;
class EditorPage;
class InfoBar;
class PipelineWorkbench;
class ProblemsModel;
class WorkspaceTreeModel;

// Where the window keeps its settings and recovery copies. Tests pass temporary ones.
struct ShellConfig {
    QString settingsFile;  // empty: the platform's default QSettings
    QString recoveryDir;   // empty: <AppDataLocation>/recovery
    bool restoreSession = true;
};

// The workspace window: tree, tabbed editors, Problems panel, status bar, menus.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& workspacePath, const ShellConfig& config = {},
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openWorkspace(const QString& path);
    QString workspacePath() const { return m_workspace; }
    EditorPage* openFile(const QString& path);
    EditorPage* newFromTemplate(const QString& templateId);
    EditorPage* currentPage() const;
    QList<EditorPage*> pages() const;
    EditorPage* pageForPath(const QString& path) const;
    bool closePage(EditorPage* page, bool ask = true);
    bool saveCurrent();
    void jumpToProblem(const QModelIndex& proxyIndex);
    // What a drop does: a folder becomes the workspace, a file opens (with its folder when it
    // lies outside the workspace).
    void openDroppedUrls(const QList<QUrl>& urls);

    ProblemsModel* problems() const { return m_problems; }
    WorkspaceTreeModel* treeModel() const { return m_tree; }
    WorkspaceScanner* scanner() const { return m_scanner; }
    InfoBar* windowInfoBar() const { return m_infoBar; }
    const RecoveryStore& recovery() const { return m_recovery; }
    QList<RecoveryStore::Entry> pendingRecovery() const;
    void restoreRecovered();
    void discardRecovered();
    QStringList recentWorkspaces() const;
    QLabel* problemCountLabel() const { return m_problemLabel; }
    QLabel* positionLabel() const { return m_positionLabel; }
    // Builds run in tabs of the Builds dock, several at once.
    BuildRunPage* startBuild(const QString& buildspecPath = {});
    QString buildTarget() const;  // what Build (Ctrl+B) builds now
    QList<BuildRunPage*> buildPages() const;
    QTabWidget* buildTabs() const { return m_buildTabs; }
    QAction* buildAction() const { return m_buildAction; }
    QAction* stopBuildAction() const { return m_stopBuildAction; }
    BuildMonitor* buildMonitor() const { return m_monitor; }
    DeploymentsHub* deployments() const { return m_deployments; }
    // Pipelines run in their page's Design view (mainwindowpipelines.cpp).
    PipelineWorkbench* runPipeline(const QString& pipelinePath = {});
    QString pipelineTarget() const;  // what Run Pipeline runs now
    QAction* runPipelineAction() const { return m_runPipelineAction; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void createRunMenu();
    void createBuildsDock();
    void showTreeMenu(const QPoint& pos);
    void updateBuildActions();
    void connectPipelinePage(EditorPage* page);
    void onBuildFinished(BuildRunPage* page);
    void createDocks();
    void createStatusBar();
    void addPage(EditorPage* page);
    bool saveAs(EditorPage* page);
    bool save(EditorPage* page);
    bool confirmCloseAll();
    void updateTitle();
    void updateStatus();
    void updateProblemCounts();
    void updateTabTitle(EditorPage* page);
    void onScanned(const QString& root, const QList<ScannedFile>& files);
    void onFileChanged(const QString& path);
    void rememberWorkspace(const QString& path);
    void fillRecentMenu();
    void saveSession();
    void restoreSession();
    void offerRecovery();
    void showAbout();
    void goToLine();
    void quickFix();
    void withEditor(const std::function<void(EditorPage*)>& action);

    ShellConfig m_config;
    QSettings* m_settings;
    RecoveryStore m_recovery;
    QString m_workspace;
    QTabWidget* m_tabs;
    QStackedWidget* m_center;
    InfoBar* m_infoBar;
    QTreeView* m_treeView;
    WorkspaceTreeModel* m_tree;
    QDockWidget* m_treeDock;
    QDockWidget* m_problemsDock;
    ProblemsModel* m_problems;
    QSortFilterProxyModel* m_problemsProxy;
    WorkspaceScanner* m_scanner;
    QFileSystemWatcher* m_watcher;
    QLabel* m_positionLabel;
    QLabel* m_kindLabel;
    QLabel* m_problemLabel;
    QMenu* m_recentMenu = nullptr;
    int m_untitledCount = 0;
    QTabWidget* m_buildTabs = nullptr;
    QDockWidget* m_buildsDock = nullptr;
    QAction* m_buildAction = nullptr;
    QAction* m_stopBuildAction = nullptr;
    BuildMonitor* m_monitor = nullptr;
    DeploymentsHub* m_deployments = nullptr;
    QAction* m_runPipelineAction = nullptr;
};

}  // namespace pw
