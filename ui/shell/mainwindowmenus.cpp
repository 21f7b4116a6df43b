// Menu, toolbar and context-menu construction for MainWindow, kept apart so the window's
// behaviour stays readable in mainwindow.cpp.
#include "editor/findreplacebar.h"
#include "editor/yamleditor.h"
#include "editorpage.h"
#include "mainwindow.h"

#include "deploymentshub.h"
#include "monitor/buildmonitor.h"
#include "monitor/buildrunpage.h"
#include "templatecatalog.h"
#include "workspacetreemodel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>

namespace pw {

void MainWindow::createActions() {
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createRunMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QMenu* newMenu = file->addMenu(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New"));
    for (const TemplateCatalog::Template& t : TemplateCatalog::all()) {
        QAction* action = newMenu->addAction(WorkspaceTreeModel::iconFor(t.kind), t.title);
        connect(action, &QAction::triggered, this, [this, id = t.id] { newFromTemplate(id); });
    }
    QAction* openWs = file->addAction(tr("Open &Workspace…"), this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_workspace);
        if (!dir.isEmpty())
            openWorkspace(dir);
    });
    openWs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* open = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open File…"), this, [this] {
            const QString path = QFileDialog::getOpenFileName(
                this, tr("Open File"), m_workspace,
                tr("YAML and JSON (*.yml *.yaml *.json);;All files (*)"));
            if (!path.isEmpty())
                openFile(path);
        });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"), this,
                    &MainWindow::saveCurrent)
        ->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &As…"), this,
                    [this] { withEditor([this](EditorPage* p) { saveAs(p); }); })
        ->setShortcut(QKeySequence::SaveAs);
    file->addAction(tr("Save A&ll"), this,
                    [this] {
                        for (EditorPage* page : pages())
                            if (page->isModified())
                                save(page);
                    })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    file->addAction(tr("Re&load from Disk"), this,
                    [this] { withEditor([](EditorPage* p) { p->reloadFromDisk(); }); })
        ->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    file->addAction(tr("&Close"), this, [this] { closePage(currentPage()); })
        ->setShortcut(QKeySequence::Close);
    file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this,
                    &QWidget::close)
        ->setShortcut(QKeySequence::Quit);
}

void MainWindow::createEditMenu() {
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    const auto add = [this, edit](const QString& text, QKeySequence key,
                                  std::function<void(EditorPage*)> action) {
        QAction* a = edit->addAction(text, this, [this, action] { withEditor(action); });
        a->setShortcut(key);
        return a;
    };
    add(tr("&Undo"), QKeySequence::Undo, [](EditorPage* p) { p->editor()->undo(); });
    add(tr("&Redo"), QKeySequence::Redo, [](EditorPage* p) { p->editor()->redo(); });
    edit->addSeparator();
    add(tr("Cu&t"), QKeySequence::Cut, [](EditorPage* p) { p->editor()->cut(); });
    add(tr("&Copy"), QKeySequence::Copy, [](EditorPage* p) { p->editor()->copy(); });
    add(tr("&Paste"), QKeySequence::Paste, [](EditorPage* p) { p->editor()->paste(); });
    add(tr("Select &All"), QKeySequence::SelectAll,
        [](EditorPage* p) { p->editor()->selectAll(); });
    edit->addSeparator();
    add(tr("&Find…"), QKeySequence::Find, [](EditorPage* p) { p->findBar()->showFind(); });
    add(tr("R&eplace…"), QKeySequence::Replace, [](EditorPage* p) { p->findBar()->showReplace(); });
    add(tr("Find &Next"), QKeySequence::FindNext, [](EditorPage* p) { p->findBar()->findNext(); });
    add(tr("Find Pre&vious"), QKeySequence::FindPrevious,
        [](EditorPage* p) { p->findBar()->findPrevious(); });
    edit->addSeparator();
    add(tr("Toggle &Comment"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
        [](EditorPage* p) { p->editor()->toggleComment(); });
    add(tr("&Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_G),
        [this](EditorPage*) { goToLine(); });
    add(tr("Complete"), QKeySequence(Qt::CTRL | Qt::Key_Space),
        [](EditorPage* p) { p->editor()->complete(); });
    add(tr("&Quick Fix"), QKeySequence(Qt::CTRL | Qt::Key_Period),
        [this](EditorPage*) { quickFix(); });
}

void MainWindow::createViewMenu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_treeDock->toggleViewAction());
    view->addAction(m_problemsDock->toggleViewAction());
    view->addAction(m_buildsDock->toggleViewAction());
    view->addAction(m_monitor->historyDock()->toggleViewAction());
    view->addAction(m_deployments->dock()->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Next Problem"), this,
                    [this] { withEditor([](EditorPage* p) { p->editor()->nextProblem(); }); })
        ->setShortcut(QKeySequence(Qt::Key_F8));
    view->addAction(tr("&Previous Problem"), this,
                    [this] { withEditor([](EditorPage* p) { p->editor()->previousProblem(); }); })
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    view->addAction(tr("Re&scan Workspace"), this, [this] { m_scanner->scan(m_workspace); });
    view->addSeparator();
    QAction* full = view->addAction(tr("&Full Screen"), this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
    full->setCheckable(true);
    full->setShortcut(QKeySequence::FullScreen);
}

void MainWindow::createHelpMenu() {
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(windowIcon(), tr("&About Pipewright"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    for (const QString& path : recentWorkspaces()) {
        QAction* a = m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                             [this, path] { openWorkspace(path); });
        a->setEnabled(QFileInfo(path).isDir());
    }
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear List"), this,
                            [this] { m_settings->remove(QStringLiteral("recentWorkspaces")); });
}

void MainWindow::createRunMenu() {
    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_buildAction = run->addAction(QIcon::fromTheme(QStringLiteral("media-playback-start")),
                                   tr("&Build"), this, [this] { startBuild(); });
    m_buildAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_buildAction->setToolTip(tr("Build the current buildspec (Ctrl+B)"));
    m_stopBuildAction = run->addAction(
        QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("&Stop Build"), this, [this] {
            if (auto* page = qobject_cast<BuildRunPage*>(m_buildTabs->currentWidget()))
                page->stop();
        });
    run->addSeparator();
    m_runPipelineAction = run->addAction(QIcon::fromTheme(QStringLiteral("media-seek-forward")),
                                         tr("Run &Pipeline"), this, [this] { runPipeline(); });
    m_runPipelineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    run->addSeparator();
    run->addMenu(m_deployments->menu());
    m_runPipelineAction->setToolTip(
        tr("Run the current pipeline, or the workspace's pipeline.yml (Ctrl+Shift+B)"));
    QToolBar* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("RunToolBar"));
    bar->addAction(m_buildAction);
    bar->addAction(m_stopBuildAction);
    bar->addAction(m_runPipelineAction);
    updateBuildActions();
}

void MainWindow::showTreeMenu(const QPoint& pos) {
    const QModelIndex index = m_treeView->indexAt(pos);
    if (!index.isValid() || m_tree->isDir(index))
        return;
    const QString path = m_tree->filePath(index);
    const SpecKind kind = m_tree->kindOf(path);
    QMenu menu(this);
    if (kind == SpecKind::Buildspec)
        menu.addAction(m_buildAction->icon(), tr("Build"), this,
                       [this, path] { startBuild(path); });
    else if (kind == SpecKind::Pipeline)
        menu.addAction(m_runPipelineAction->icon(), tr("Run Pipeline"), this,
                       [this, path] { runPipeline(path); });
    else
        return;
    menu.exec(m_treeView->viewport()->mapToGlobal(pos));
}

}  // namespace pw
