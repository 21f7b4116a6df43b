#include "logpane.h"

#include "logsearchbar.h"
#include "logview.h"
#include "store/logindex.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QToolBar>
#include <QVBoxLayout>

namespace pw {

LogPane::LogPane(QWidget* parent)
    : QWidget(parent)
    , m_toolBar(new QToolBar(this))
    , m_view(new LogView(this))
    , m_search(new LogSearchBar(this))
    , m_status(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_search);
    m_search->hide();
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    createActions();
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_status);

    connect(m_view, &LogView::findRequested, m_search, &LogSearchBar::activate);
    connect(m_view, &LogView::searchStatusChanged, this, &LogPane::updateSearchStatus);
    connect(m_search, &LogSearchBar::queryChanged, this,
            [this] { m_view->setSearch(m_search->query()); });
    connect(m_search, &LogSearchBar::nextRequested, m_view, &LogView::findNext);
    connect(m_search, &LogSearchBar::previousRequested, m_view, &LogView::findPrevious);
    connect(m_search, &LogSearchBar::closed, this, [this] {
        m_view->setSearch({});
        m_view->setFocus();
    });
}

QAction* LogPane::addToggle(const QString& text, const QString& tip, bool checked) {
    QAction* a = m_toolBar->addAction(text);
    a->setToolTip(tip);
    a->setCheckable(true);
    a->setChecked(checked);
    return a;
}

void LogPane::createActions() {
    m_follow = addToggle(tr("Follow"), tr("Keep the newest lines in view (Ctrl+End)"), true);
    connect(m_follow, &QAction::toggled, m_view, &LogView::setFollowing);
    connect(m_view, &LogView::followingChanged, m_follow, &QAction::setChecked);
    QAction* stamps = addToggle(tr("Timestamps"), tr("Show each line's UTC time"), true);
    connect(stamps, &QAction::toggled, m_view, &LogView::setTimestampsVisible);
    QAction* wrap = addToggle(tr("Wrap"), tr("Wrap long lines"), false);
    connect(wrap, &QAction::toggled, m_view, &LogView::setWrap);
    m_toolBar->addSeparator();
    QAction* error = m_toolBar->addAction(tr("First error"), m_view, &LogView::jumpToFirstError);
    error->setToolTip(tr("Jump to the first error line"));
    m_toolBar->addAction(tr("Collapse all"), m_view, &LogView::collapseAll);
    m_toolBar->addAction(tr("Expand all"), m_view, &LogView::expandAll);
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Find"), m_search, &LogSearchBar::activate)
        ->setToolTip(tr("Search the log (Ctrl+F)"));
    m_toolBar->addAction(tr("Save as…"), this, &LogPane::saveAs);
    m_toolBar->addAction(QStringLiteral("A−"), m_view, &LogView::zoomOut)
        ->setToolTip(tr("Smaller text (Ctrl+-)"));
    m_toolBar->addAction(QStringLiteral("A+"), m_view, &LogView::zoomIn)
        ->setToolTip(tr("Larger text (Ctrl++, Ctrl+0 resets)"));
}

bool LogPane::openFile(const QString& path, QString* error) {
    if (!m_view->openFile(path, error))
        return false;
    setIndex(m_view->index());
    return true;
}

void LogPane::setIndex(LogIndex* index) {
    if (m_view->index() != index)
        m_view->setIndex(index);
    connect(index, &LogIndex::linesAdded, this, &LogPane::updateStatus, Qt::UniqueConnection);
    connect(index, &LogIndex::indexingFinished, this, &LogPane::updateStatus, Qt::UniqueConnection);
    connect(index, &LogIndex::firstErrorFound, this, &LogPane::updateStatus, Qt::UniqueConnection);
    updateStatus();
}

void LogPane::updateStatus() {
    const LogIndex* index = m_view->index();
    if (!index)
        return;
    const qint64 lines = index->lineCount();
    const qint64 estimate = index->isIndexing() ? index->estimatedLineCount() : lines;
    // A big file is readable before it is indexed: say how long it will be.
    QString text = estimate > lines ? tr("%L1 of about %L2 lines").arg(lines).arg(estimate)
                                    : tr("%L1 lines").arg(lines);
    if (index->isIndexing())
        text += tr(" · indexing…");
    if (index->firstErrorLine() >= 0)
        text += tr(" · first error on line %L1").arg(index->firstErrorLine() + 1);
    m_status->setText(text);
}

QString LogPane::statusText() const {
    return m_status->text();
}

void LogPane::updateSearchStatus() {
    const LogIndex* index = m_view->index();
    if (!index)
        return;
    const LogSearchResult& r = index->searchResult();
    m_search->setStatus(m_view->currentMatchNumber(), qint64(r.lines.size()), r.matches,
                        index->isSearching(), r.error);
}

void LogPane::saveAs() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save log as"), QStringLiteral("build.log"),
                                     tr("Logs (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, path] {
        if (!watcher->result())
            QMessageBox::warning(this, tr("Save log"), tr("Could not save %1.").arg(path));
        watcher->deleteLater();
    });
    watcher->setFuture(m_view->saveTo(path));
}

}  // namespace pw
