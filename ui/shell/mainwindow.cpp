#include "mainwindow.h"

#include "deploymentshub.h"

#include "editor/findreplacebar.h"
#include "editor/livevalidator.h"
#include "editor/yamleditor.h"
#include "editorpage.h"
#include "infobar.h"
#include "monitor/buildmonitor.h"
#include "monitor/buildrunpage.h"
#include "problemsmodel.h"
#include "templatecatalog.h"
#include "uilog.h"
#include "uiresources.h"
#include "workspacetreemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace pw {

// Bumped when docks are added, so a layout saved without them is not restored over them.
constexpr int kDockLayoutVersion = 2;

namespace {

constexpr int kMaxRecent = 10;

QString defaultRecoveryDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QSettings* makeSettings(const ShellConfig& config, QObject* parent) {
    if (config.settingsFile.isEmpty())
        return new QSettings(parent);
    return new QSettings(config.settingsFile, QSettings::IniFormat, parent);
}

QString sessionKey(const QString& workspace) {
    return QStringLiteral("session/") + RecoveryStore::keyForPath(workspace);
}

}  // namespace

MainWindow::MainWindow(const QString& workspacePath, const ShellConfig& config, QWidget* parent)
    : QMainWindow(parent)
    , m_config(config)
    , m_settings(makeSettings(config, this))
    , m_recovery(config.recoveryDir.isEmpty() ? defaultRecoveryDir() : config.recoveryDir)
    , m_tabs(new QTabWidget(this))
    , m_center(new QStackedWidget(this))
    , m_infoBar(new InfoBar(this))
    , m_treeView(new QTreeView(this))
    , m_tree(new WorkspaceTreeModel(this))
    , m_problems(new ProblemsModel(this))
    , m_problemsProxy(new QSortFilterProxyModel(this))
    , m_scanner(new WorkspaceScanner(this))
    , m_watcher(new QFileSystemWatcher(this)) {
    initUiResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/pipewright/icons/pipewright.svg")));
    setAcceptDrops(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    auto* welcome = new QLabel(tr("<h3>No file open</h3><p>Pick a file in the workspace tree, "
                                  "drop one here, or start from a template with File → New.</p>"),
                               this);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setForegroundRole(QPalette::PlaceholderText);
    m_center->addWidget(welcome);
    m_center->addWidget(m_tabs);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_infoBar);
    layout->addWidget(m_center, 1);
    setCentralWidget(central);
    createDocks();
    createStatusBar();
    createActions();
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closePage(qobject_cast<EditorPage*>(m_tabs->widget(index))); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_center->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
        updateTitle();
        updateStatus();
    });
    connect(m_scanner, &WorkspaceScanner::scanned, this, &MainWindow::onScanned);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::onFileChanged);
    connect(m_problems, &ProblemsModel::countsChanged, this, &MainWindow::updateProblemCounts);
    resize(1280, 820);
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(m_settings->value(QStringLiteral("window/state")).toByteArray(),
                 kDockLayoutVersion);
    openWorkspace(workspacePath);
    offerRecovery();
}

MainWindow::~MainWindow() = default;

// ---- construction ---------------------------------------------------------------------------

void MainWindow::createDocks() {
    m_treeView->setModel(m_tree);
    m_treeView->setHeaderHidden(true);
    for (int column = 1; column < 4; ++column)
        m_treeView->hideColumn(column);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAnimated(true);
    connect(m_treeView, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (!m_tree->isDir(index))
            openFile(m_tree->filePath(index));
    });
    m_treeDock = new QDockWidget(tr("Workspace"), this);
    m_treeDock->setObjectName(QStringLiteral("WorkspaceDock"));
    m_treeDock->setWidget(m_treeView);
    addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);

    m_problemsProxy->setSourceModel(m_problems);
    m_problemsProxy->setSortRole(ProblemsModel::SortRole);
    auto* table = new QTableView(this);
    table->setObjectName(QStringLiteral("ProblemsView"));
    table->setModel(m_problemsProxy);
    table->horizontalHeader()->setSortIndicator(ProblemsModel::FileColumn, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setSectionResizeMode(ProblemsModel::MessageColumn,
                                                    QHeaderView::Stretch);
    table->horizontalHeader()->setHighlightSections(false);
    table->setColumnWidth(ProblemsModel::SeverityColumn, 90);
    table->setColumnWidth(ProblemsModel::FileColumn, 220);
    table->setColumnWidth(ProblemsModel::LineColumn, 60);
    table->setColumnWidth(ProblemsModel::RuleColumn, 220);
    connect(table, &QTableView::activated, this, &MainWindow::jumpToProblem);
    connect(table, &QTableView::clicked, this, &MainWindow::jumpToProblem);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("ProblemsDock"));
    m_problemsDock->setWidget(table);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    resizeDocks({m_treeDock}, {260}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {190}, Qt::Vertical);
    createBuildsDock();
}

void MainWindow::createStatusBar() {
    m_positionLabel = new QLabel(this);
    m_kindLabel = new QLabel(this);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setTextFormat(Qt::RichText);
    statusBar()->addPermanentWidget(m_kindLabel);
    statusBar()->addPermanentWidget(m_positionLabel);
    statusBar()->addPermanentWidget(m_problemLabel);
    updateProblemCounts();
}

// ---- workspace ------------------------------------------------------------------------------

bool MainWindow::openWorkspace(const QString& path) {
    const QFileInfo info(path);
    const QString root =
        QDir(info.isFile() ? info.absolutePath() : info.absoluteFilePath()).absolutePath();
    if (!QFileInfo(root).isDir())
        return false;
    if (!m_workspace.isEmpty() && root != m_workspace) {
        if (!confirmCloseAll())
            return false;
        saveSession();
        for (EditorPage* page : pages())
            closePage(page, false);
    }
    m_workspace = root;
    m_treeView->setRootIndex(m_tree->setRootPath(root));
    m_problems->clear();
    m_problems->setWorkspaceRoot(root);
    m_scanner->scan(root);
    m_monitor->setWorkspace(root);
    m_deployments->setWorkspace(root);
    rememberWorkspace(root);
    if (m_config.restoreSession)
        restoreSession();
    if (info.isFile())
        openFile(info.absoluteFilePath());
    updateTitle();
    return true;
}

void MainWindow::onScanned(const QString& root, const QList<ScannedFile>& files) {
    if (!root.isEmpty() && root != m_workspace)
        return;
    QHash<QString, SpecKind> kinds;
    for (const ScannedFile& f : files) {
        kinds.insert(f.path, f.kind);
        if (!pageForPath(f.path))  // open buffers report their own, newer diagnostics
            m_problems->setFileDiagnostics(f.path, f.diagnostics);
    }
    if (!root.isEmpty())
        m_tree->setKnownKinds(kinds);
}

void MainWindow::rememberWorkspace(const QString& path) {
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings->setValue(QStringLiteral("recentWorkspaces"), recent);
}

QStringList MainWindow::recentWorkspaces() const {
    return m_settings->value(QStringLiteral("recentWorkspaces")).toStringList();
}

// ---- pages ----------------------------------------------------------------------------------

QList<EditorPage*> MainWindow::pages() const {
    QList<EditorPage*> result;
    for (int i = 0; i < m_tabs->count(); ++i)
        result.append(qobject_cast<EditorPage*>(m_tabs->widget(i)));
    return result;
}

EditorPage* MainWindow::currentPage() const {
    return qobject_cast<EditorPage*>(m_tabs->currentWidget());
}

EditorPage* MainWindow::pageForPath(const QString& path) const {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (EditorPage* page : pages())
        if (page->filePath() == absolute)
            return page;
    return nullptr;
}

void MainWindow::withEditor(const std::function<void(EditorPage*)>& action) {
    if (EditorPage* page = currentPage())
        action(page);
}

EditorPage* MainWindow::openFile(const QString& path) {
    if (EditorPage* existing = pageForPath(path)) {
        m_tabs->setCurrentWidget(existing);
        return existing;
    }
    auto* page = new EditorPage(&m_recovery, this);
    QString error;
    if (!page->openFile(path, &error)) {
        delete page;
        QMessageBox::warning(this, tr("Open File"), tr("Cannot open “%1”: %2").arg(path, error));
        return nullptr;
    }
    addPage(page);
    m_watcher->addPath(page->filePath());
    return page;
}

EditorPage* MainWindow::newFromTemplate(const QString& templateId) {
    const std::optional<TemplateCatalog::Template> t = TemplateCatalog::find(templateId);
    if (!t)
        return nullptr;
    auto* page = new EditorPage(&m_recovery, this);
    page->setUntitled(t->fileName, TemplateCatalog::text(*t), t->kind);
    addPage(page);
    return page;
}

void MainWindow::addPage(EditorPage* page) {
    const int index =
        m_tabs->addTab(page, WorkspaceTreeModel::iconFor(page->specKind()), page->displayName());
    m_tabs->setTabToolTip(index, page->isUntitled() ? page->displayName()
                                                    : QDir::toNativeSeparators(page->filePath()));
    connect(page, &EditorPage::modificationChanged, this, [this, page] {
        updateTabTitle(page);
        updateTitle();
    });
    connect(page, &EditorPage::titleChanged, this, [this, page] {
        updateTabTitle(page);
        updateTitle();
    });
    connect(page, &EditorPage::diagnosticsChanged, m_problems, &ProblemsModel::setFileDiagnostics);
    connect(page, &EditorPage::fileSaved, this, [this](const QString& path) {
        if (!m_watcher->files().contains(path))
            m_watcher->addPath(path);  // QSaveFile replaces the file, which drops the watch
    });
    connect(page->editor(), &QPlainTextEdit::cursorPositionChanged, this,
            &MainWindow::updateStatus);
    if (page->specKind() == SpecKind::Pipeline)
        connectPipelinePage(page);  // mainwindowpipelines.cpp
    m_tabs->setCurrentWidget(page);
    page->editor()->setFocus();
}

void MainWindow::updateTabTitle(EditorPage* page) {
    const int index = m_tabs->indexOf(page);
    if (index < 0)
        return;
    m_tabs->setTabText(
        index, page->displayName() + (page->isModified() ? QStringLiteral(" ●") : QString()));
    m_tabs->setTabIcon(index, WorkspaceTreeModel::iconFor(page->specKind()));
}

bool MainWindow::closePage(EditorPage* page, bool ask) {
    if (!page)
        return false;
    if (ask && page->isModified()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
            tr("“%1” has unsaved changes. Save them before closing?").arg(page->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save(page)))
            return false;
    }
    if (ask || !page->isModified())
        page->discardRecovery();  // closed on purpose: nothing left to recover
    const QString path = page->filePath();
    m_tabs->removeTab(m_tabs->indexOf(page));
    page->deleteLater();
    if (!path.isEmpty()) {
        m_watcher->removePath(path);
        m_scanner->scanFile(path);  // the Problems panel goes back to what is on disk
    }
    return true;
}

bool MainWindow::save(EditorPage* page) {
    if (page->isUntitled())
        return saveAs(page);
    QString error;
    if (page->save(&error)) {
        statusBar()->showMessage(tr("Saved %1").arg(page->displayName()), 3000);
        return true;
    }
    QMessageBox::critical(this, tr("Save"),
                          tr("Cannot save “%1”: %2\nYour text is kept in the editor.")
                              .arg(page->displayName(), error));
    return false;
}

bool MainWindow::saveAs(EditorPage* page) {
    const QString suggestion =
        page->isUntitled() ? QDir(m_workspace).filePath(page->suggestedName()) : page->filePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save As"), suggestion,
                                                      tr("YAML (*.yml *.yaml);;All files (*)"));
    if (path.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString error;
    if (!page->saveAs(path, &error)) {
        QMessageBox::critical(this, tr("Save As"), tr("Cannot save “%1”: %2").arg(path, error));
        return false;
    }
    m_watcher->addPath(page->filePath());
    return true;
}

bool MainWindow::saveCurrent() {
    EditorPage* page = currentPage();
    return page && save(page);
}

void MainWindow::onFileChanged(const QString& path) {
    if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);  // editors that save by rename drop the watch
    if (EditorPage* page = pageForPath(path))
        page->checkDiskChange();
}

void MainWindow::jumpToProblem(const QModelIndex& proxyIndex) {
    const Diagnostic d = m_problems->diagnostic(m_problemsProxy->mapToSource(proxyIndex));
    if (d.file.isEmpty())
        return;
    if (EditorPage* page = openFile(d.file)) {
        page->editor()->goToLine(qMax(1, d.line), d.column);
        page->editor()->setFocus();
    }
}

// ---- status and title -----------------------------------------------------------------------

void MainWindow::updateTitle() {
    const QString ws = QDir(m_workspace).dirName();
    EditorPage* page = currentPage();
    setWindowFilePath(page ? page->filePath() : m_workspace);
    setWindowTitle(page ? tr("%1[*] — %2 — Pipewright").arg(page->displayName(), ws)
                        : tr("%1 — Pipewright").arg(ws));
    setWindowModified(page && page->isModified());
}

void MainWindow::updateStatus() {
    EditorPage* page = currentPage();
    if (!page) {
        m_positionLabel->clear();
        m_kindLabel->clear();
        return;
    }
    const QTextCursor cursor = page->editor()->textCursor();
    m_positionLabel->setText(
        tr("Ln %1, Col %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
    const SpecKind kind = page->specKind();
    m_kindLabel->setText(kind == SpecKind::Unknown ? tr("YAML") : specKindName(kind));
}

void MainWindow::updateProblemCounts() {
    const int errors = m_problems->count(Severity::Error);
    const int warnings = m_problems->count(Severity::Warning);
    m_problemLabel->setText(
        QStringLiteral(
            "<img src=\":/pipewright/icons/error.svg\" width=\"12\" height=\"12\"/> %1 "
            "&nbsp;<img src=\":/pipewright/icons/warning.svg\" width=\"12\" height=\"12\"/> %2")
            .arg(errors)
            .arg(warnings));
    m_problemLabel->setToolTip(tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                               tr("%n warning(s)", nullptr, warnings));
}

// ---- commands -------------------------------------------------------------------------------

void MainWindow::goToLine() {
    EditorPage* page = currentPage();
    if (!page)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line:"),
                                          page->editor()->textCursor().blockNumber() + 1, 1,
                                          page->editor()->blockCount(), 1, &ok);
    if (ok)
        page->editor()->goToLine(line);
}

void MainWindow::quickFix() {
    EditorPage* page = currentPage();
    if (!page)
        return;
    const QList<Fix> fixes = page->editor()->fixesAtCursor();
    if (fixes.isEmpty()) {
        statusBar()->showMessage(tr("No quick fix on this line"), 3000);
        return;
    }
    QMenu menu(this);
    for (const Fix& fix : fixes)
        menu.addAction(fix.title, this, [page, fix] { page->editor()->applyFix(fix); });
    menu.exec(page->editor()->viewport()->mapToGlobal(page->editor()->cursorRect().bottomLeft()));
}

void MainWindow::showAbout() {
#ifdef YAML_CPP_VERSION
    const QString yamlCpp = QStringLiteral(YAML_CPP_VERSION);
#else
    const QString yamlCpp = QStringLiteral("0.7");
#endif
#ifdef PIPEWRIGHT_HAVE_KSYNTAX
    const QString highlighter = tr("KSyntaxHighlighting (KDE Frameworks 6)");
#else
    const QString highlighter = tr("built-in YAML highlighter");
#endif
    QMessageBox::about(
        this, tr("About Pipewright"),
        tr("<h3>Pipewright %1</h3><p>A desktop studio for AWS-style delivery pipelines: edit, "
           "validate and run buildspecs, appspecs and pipelines on your own machine.</p>"
           "<table><tr><td>Qt</td><td>%2 (built with %3)</td></tr>"
           "<tr><td>yaml-cpp</td><td>%4</td></tr><tr><td>Highlighter</td><td>%5</td></tr></table>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 QStringLiteral(QT_VERSION_STR), yamlCpp, highlighter));
}

// ---- session, recovery, closing -------------------------------------------------------------

void MainWindow::saveSession() {
    if (m_workspace.isEmpty())
        return;
    QStringList open;
    for (EditorPage* page : pages())
        if (!page->isUntitled())
            open.append(page->filePath());
    const QString key = sessionKey(m_workspace);
    m_settings->setValue(key + QStringLiteral("/files"), open);
    m_settings->setValue(key + QStringLiteral("/current"),
                         currentPage() ? currentPage()->filePath() : QString());
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/state"), saveState(kDockLayoutVersion));
    m_settings->sync();
}

void MainWindow::restoreSession() {
    const QString key = sessionKey(m_workspace);
    for (const QString& path : m_settings->value(key + QStringLiteral("/files")).toStringList())
        if (QFileInfo::exists(path))
            openFile(path);
    const QString current = m_settings->value(key + QStringLiteral("/current")).toString();
    if (EditorPage* page = pageForPath(current))
        m_tabs->setCurrentWidget(page);
}

QList<RecoveryStore::Entry> MainWindow::pendingRecovery() const {
    QList<RecoveryStore::Entry> pending;
    for (const RecoveryStore::Entry& entry : m_recovery.entries()) {
        bool live = false;  // our own buffers' copies are not "from a previous session"
        for (EditorPage* page : pages())
            live = live || page->recoveryKey() == entry.key;
        if (!live && !RecoveryStore::ownedByOtherLiveProcess(entry))
            pending.append(entry);
    }
    return pending;
}

void MainWindow::offerRecovery() {
    const QList<RecoveryStore::Entry> pending = pendingRecovery();
    if (pending.isEmpty())
        return;
    m_infoBar->clearButtons();
    m_infoBar->showMessage(
        InfoBar::Kind::Warning,
        tr("Pipewright found unsaved changes to %n file(s) from a session that did "
           "not end normally.",
           nullptr, int(pending.size())));
    connect(m_infoBar->addButton(tr("Restore")), &QPushButton::clicked, this,
            &MainWindow::restoreRecovered);
    connect(m_infoBar->addButton(tr("Discard")), &QPushButton::clicked, this,
            &MainWindow::discardRecovered);
}

void MainWindow::restoreRecovered() {
    for (const RecoveryStore::Entry& entry : pendingRecovery()) {
        EditorPage* page = nullptr;
        if (!entry.path.isEmpty() && QFileInfo::exists(entry.path)) {
            page = openFile(entry.path);
        } else {
            page = new EditorPage(&m_recovery, this);
            const QString name = entry.path.isEmpty()
                                     ? tr("Recovered-%1.yml").arg(++m_untitledCount)
                                     : QFileInfo(entry.path).fileName();
            page->setUntitled(name, QByteArray(), SpecKind::Unknown);
            addPage(page);
            m_recovery.remove(entry.key);
        }
        if (page) {
            page->restoreText(entry.text);
            page->writeRecoveryNow();
        }
    }
    m_infoBar->hide();
}

void MainWindow::discardRecovered() {
    for (const RecoveryStore::Entry& entry : pendingRecovery())
        m_recovery.remove(entry.key);
    m_infoBar->hide();
}

bool MainWindow::confirmCloseAll() {
    QStringList names;
    for (EditorPage* page : pages())
        if (page->isModified())
            names.append(page->displayName());
    if (names.isEmpty())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Changes"),
        tr("These files have unsaved changes:\n%1\n\nSave them?").arg(names.join(u'\n')),
        QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::SaveAll);
    if (answer == QMessageBox::Cancel)
        return false;
    for (EditorPage* page : pages()) {
        if (!page->isModified())
            continue;
        if (answer == QMessageBox::SaveAll && !save(page))
            return false;
        if (answer == QMessageBox::Discard)
            page->discardRecovery();
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmCloseAll()) {
        event->ignore();
        return;
    }
    saveSession();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    openDroppedUrls(event->mimeData()->urls());
    event->acceptProposedAction();
}

void MainWindow::openDroppedUrls(const QList<QUrl>& urls) {
    for (const QUrl& url : urls) {
        const QFileInfo info(url.toLocalFile());
        if (info.isDir()) {
            openWorkspace(info.absoluteFilePath());
            break;
        }
        if (info.isFile()) {
            // A file from elsewhere brings its folder along as the workspace.
            if (!info.absoluteFilePath().startsWith(m_workspace + u'/'))
                openWorkspace(info.absolutePath());
            openFile(info.absoluteFilePath());
        }
    }
}

}  // namespace pw

// ---- builds ---------------------------------------------------------------------------------

namespace pw {

void MainWindow::createBuildsDock() {
    m_buildTabs = new QTabWidget(this);
    m_buildTabs->setObjectName(QStringLiteral("BuildTabs"));
    m_buildTabs->setDocumentMode(true);
    m_buildTabs->setTabsClosable(true);
    connect(m_buildTabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget* page = m_buildTabs->widget(index);
        m_buildTabs->removeTab(index);
        page->deleteLater();  // its destructor stops a build still running
        if (m_buildTabs->count() == 0)
            m_buildsDock->hide();
        updateBuildActions();
    });
    connect(m_buildTabs, &QTabWidget::currentChanged, this, &MainWindow::updateBuildActions);
    m_buildsDock = new QDockWidget(tr("Builds"), this);
    m_buildsDock->setObjectName(QStringLiteral("BuildsDock"));
    m_buildsDock->setWidget(m_buildTabs);
    addDockWidget(Qt::BottomDockWidgetArea, m_buildsDock);
    tabifyDockWidget(m_problemsDock, m_buildsDock);
    m_buildsDock->hide();
    m_monitor = new BuildMonitor(this, m_buildTabs, m_buildsDock);  // history dock, notifications
    m_deployments = new DeploymentsHub(this);
    // One bottom panel with tabs: Problems first, then history; Builds and Deployments appear
    // there when something runs.
    tabifyDockWidget(m_problemsDock, m_monitor->historyDock());
    tabifyDockWidget(m_problemsDock, m_deployments->dock());
    m_problemsDock->raise();
    connect(m_deployments, &DeploymentsHub::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_treeView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_treeView, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeMenu);
}

// The buildspec in the current editor, else the workspace's buildspec.yml.
QString MainWindow::buildTarget() const {
    const EditorPage* page = currentPage();
    if (page && !page->isUntitled() && page->specKind() == SpecKind::Buildspec)
        return page->filePath();
    const QString fallback = QDir(m_workspace).filePath(QStringLiteral("buildspec.yml"));
    return QFileInfo::exists(fallback) ? fallback : QString();
}

BuildRunPage* MainWindow::startBuild(const QString& buildspecPath) {
    const QString target = buildspecPath.isEmpty() ? buildTarget() : buildspecPath;
    if (!QFileInfo::exists(target) || m_workspace.isEmpty()) {
        statusBar()->showMessage(tr("No buildspec to build"), 5000);
        return nullptr;
    }
    // The build reads the file from disk, so it must see what the editor shows.
    if (EditorPage* open = pageForPath(target); open && open->isModified() && !save(open))
        return nullptr;
    auto* page = new BuildRunPage(m_workspace, target, m_buildTabs);
    const int index = m_buildTabs->addTab(page, page->title());
    m_buildTabs->setTabToolTip(index, target);
    connect(page, &BuildRunPage::titleChanged, this,
            [this, page] { m_buildTabs->setTabText(m_buildTabs->indexOf(page), page->title()); });
    connect(page, &BuildRunPage::finished, this, [this, page] { onBuildFinished(page); });
    if (m_buildsDock->isHidden()) {
        m_buildsDock->show();
        resizeDocks({m_buildsDock}, {height() / 2}, Qt::Vertical);  // room for the log
    }
    m_buildsDock->raise();
    m_buildTabs->setCurrentWidget(page);
    page->start();
    updateBuildActions();
    return page;
}

QList<BuildRunPage*> MainWindow::buildPages() const {
    QList<BuildRunPage*> result;
    for (int i = 0; i < m_buildTabs->count(); ++i)
        if (auto* page = qobject_cast<BuildRunPage*>(m_buildTabs->widget(i)))
            result.append(page);
    return result;
}

void MainWindow::updateBuildActions() {
    if (!m_stopBuildAction)
        return;
    auto* page = qobject_cast<BuildRunPage*>(m_buildTabs->currentWidget());
    m_stopBuildAction->setEnabled(page && page->isRunning());
}

void MainWindow::onBuildFinished(BuildRunPage* page) {
    updateBuildActions();
    m_monitor->buildFinished(page);
}

}  // namespace pw
