#include "buildrunpage.h"

#include "artifactspane.h"
#include "buildlauncher.h"
#include "engine/buildrunner.h"
#include "monitor/logpane.h"
#include "monitor/logview.h"
#include "phasetimelinemodel.h"
#include "phasetimelineview.h"
#include "reportsmodel.h"
#include "store/historyquery.h"
#include "store/logindex.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace pw {

BuildRunPage::BuildRunPage(const QString& workspace, const QString& buildspec, QWidget* parent)
    : QWidget(parent)
    , m_workspace(QDir(workspace).absolutePath())
    , m_launcher(new BuildLauncher(workspace, buildspec, this))
    , m_model(new PhaseTimelineModel(this))
    , m_view(new PhaseTimelineView)
    , m_log(new LogPane)
    , m_reports(new ReportsModel(this))
    , m_artifacts(new ArtifactsPane)
    , m_tabs(new QTabWidget)
    , m_statusLabel(new QLabel)
    , m_summary(new QLabel)
    , m_elapsedLabel(new QLabel)
    , m_busy(new QProgressBar)
    , m_stop(new QPushButton(tr("Stop")))
    , m_ticker(new QTimer(this)) {
    m_view->setTimelineModel(m_model);
    m_busy->setRange(0, 0);  // indeterminate: busy from the first click on
    m_busy->setMaximumSize(120, 14);
    m_busy->setTextVisible(false);
    m_statusLabel->setTextFormat(Qt::RichText);
    m_summary->setTextFormat(Qt::RichText);
    // A long failure reason is cut at the window's edge (its tooltip has it all), never
    // widening the page.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // One line of header: the old summary box under the log took 80 px for three facts.
    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 2, 6, 2);
    header->addWidget(m_statusLabel);
    header->addSpacing(12);
    header->addWidget(m_summary, 1);
    header->addSpacing(8);
    header->addWidget(m_elapsedLabel);
    header->addSpacing(6);
    header->addWidget(m_busy);
    header->addWidget(m_stop);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_log, tr("Log"));
    m_tabs->addTab(createReportsTab(), tr("Reports"));
    m_tabs->addTab(m_artifacts, tr("Artifacts"));
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_view);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 3);
    split->setSizes({300, 450});  // room for the eleven phases and a few commands
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    m_ticker->setInterval(250);
    connect(m_ticker, &QTimer::timeout, this, &BuildRunPage::tick);
    connect(m_stop, &QPushButton::clicked, this, &BuildRunPage::stop);
    connect(m_view, &PhaseTimelineView::logLineRequested, this, [this](qint64 line) {
        m_tabs->setCurrentWidget(m_log);
        m_log->view()->scrollToLine(line);
    });
    connect(m_launcher, &BuildLauncher::event, this, &BuildRunPage::onEvent);
    connect(m_launcher, &BuildLauncher::finished, this, &BuildRunPage::onFinished);
    m_project = QFileInfo(workspace).fileName();
    setStatus(RunStatus::InProgress);
}

BuildRunPage::~BuildRunPage() {
    m_launcher->stop();
}

QWidget* BuildRunPage::createReportsTab() {
    auto* tree = new QTreeView;
    tree->setObjectName(QStringLiteral("ReportsView"));
    tree->setModel(m_reports);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(true);
    connect(m_reports, &QAbstractItemModel::modelReset, tree, [tree, this] {
        tree->expandAll();  // the failed cases are what one looks for
        for (int c = 0; c < ReportsModel::MessageColumn; ++c)
            tree->resizeColumnToContents(c);
        tree->setColumnWidth(0, qMax(tree->columnWidth(0), 220));
    });
    return tree;
}

bool BuildRunPage::start() {
    m_elapsed.start();
    m_ticker->start();
    emit started();
    QString error;
    if (m_launcher->start(&error))
        return true;
    endRunning();
    m_status = RunStatus::Fault;
    m_statusLabel->setText(error.toHtmlEscaped());
    emit finished(m_status);
    return false;
}

void BuildRunPage::endRunning() {
    m_ticker->stop();
    m_busy->setVisible(false);
    m_stop->setVisible(false);
}

bool BuildRunPage::loadFromHistory(const QString& buildId, QString* error) {
    HistoryQuery query(m_workspace + QStringLiteral("/.pipewright/state"));
    if (!query.open(error))
        return false;
    const std::optional<BuildResult> result = query.build(buildId);
    m_history = query.events(buildId);
    if (!result || m_history.isEmpty()) {
        if (error)
            *error = tr("No build %1 in the history").arg(buildId);
        return false;
    }
    endRunning();
    m_buildId = buildId;
    m_project = result->project;
    m_number = result->number;
    replayHistory({});
    m_elapsedLabel->setText(formatPhaseDuration(result->endedMs - result->startedMs));
    setStatus(result->status);
    const QString buildDir = QStringLiteral("%1/builds/%2-%3/src")
                                 .arg(query.stateDirectory(), result->project)
                                 .arg(result->number);
    showResult(*result, {buildDir, m_workspace});
    m_logOpen = m_log->openFile(result->logPath);
    if (LogIndex* index = m_log->view()->index()) {
        // Where each phase and command began in the log is known once the markers are found.
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(index, &LogIndex::indexingFinished, this, [this, index, conn] {
            disconnect(*conn);
            replayHistory(index->markers());
        });
    }
    emit titleChanged();
    return true;
}

// The stored events into the timeline, with log chunks standing in for the lines before
// each phase and command start so every row knows its log line, as it did live.
void BuildRunPage::replayHistory(const QList<LogMarker>& markers) {
    m_model->clear();
    qint64 lines = 0;
    qsizetype next = 0;
    const auto advanceTo = [&](LogMarkerKind kind, const QString& phase) {
        for (qsizetype i = next; i < markers.size(); ++i) {
            const LogMarker& m = markers.at(i);
            if (m.kind != kind || (kind == LogMarkerKind::PhaseStart && m.title != phase))
                continue;
            next = i + 1;
            if (m.line > lines) {
                RunEvent chunk;
                chunk.data = QByteArray(m.line - lines, '\n');
                m_model->addEvent(chunk);
                lines = m.line;
            }
            return;
        }
    };
    for (const RunEvent& e : std::as_const(m_history)) {
        if (e.kind == RunEventKind::StepStarted)
            advanceTo(LogMarkerKind::PhaseStart, e.step);
        else if (e.kind == RunEventKind::CommandStarted)
            advanceTo(LogMarkerKind::CommandStart, {});
        m_model->addEvent(e);
    }
}

void BuildRunPage::stop() {
    m_launcher->stop();
}

bool BuildRunPage::isRunning() const {
    return m_launcher->isRunning();
}

QString BuildRunPage::title() const {
    return m_number ? tr("Build %1 #%2").arg(m_project).arg(m_number)
                    : tr("Build %1").arg(m_project);
}

void BuildRunPage::onEvent(const RunEvent& e) {
    m_model->addEvent(e);
    if (e.kind == RunEventKind::RunStarted) {
        m_project = e.name;
        m_number = e.value.toInt();
        m_buildId = e.runId;
        emit titleChanged();
        setStatus(RunStatus::InProgress);
    }
    // The store has created the file by now; the pane follows it as it grows.
    if (!m_logOpen && QFileInfo::exists(m_launcher->logPath()))
        m_logOpen = m_log->openFile(m_launcher->logPath());
}

void BuildRunPage::onFinished(RunStatus status) {
    tick();
    endRunning();
    setStatus(status);
    showResult(m_launcher->runner()->result(), {m_launcher->runner()->sourceRoot()});
    emit finished(status);
}

void BuildRunPage::tick() {
    m_model->setNow(nowUtcMs());
    m_elapsedLabel->setText(formatPhaseDuration(m_elapsed.elapsed()));
}

void BuildRunPage::setStatus(RunStatus status) {
    m_status = status;
    const QString word = status == RunStatus::InProgress ? tr("Running") : runStatusName(status);
    m_statusLabel->setText(
        QStringLiteral("<b>%1</b> &nbsp;<b style='color:%2'>%3</b>")
            .arg(title().toHtmlEscaped(), runStatusColor(int(status)).name(), word));
}

void BuildRunPage::showResult(const BuildResult& r, const QStringList& reportRoots) {
    m_reports->setReports(r.reports, reportRoots);
    m_artifacts->setResult(r);
    const int failed = m_reports->failedTotal();
    m_tabs->setTabText(ReportsTab, failed ? tr("Reports (%1 failed)").arg(failed)
                                          : tr("Reports (%1)").arg(r.reports.size()));
    m_tabs->setTabText(ArtifactsTab, tr("Artifacts (%1)").arg(r.artifacts.size()));
    QStringList parts;
    // Why it failed comes first: the context of the first failed phase.
    for (const PhaseRecord& p : r.phases) {
        if (p.status == RunStatus::Succeeded || p.status == RunStatus::InProgress ||
            p.contexts.isEmpty())
            continue;
        const QString why =
            QStringLiteral("%1: %2: %3")
                .arg(p.name, p.contexts.first().statusCode, p.contexts.first().message);
        parts << QStringLiteral("<span style='color:%1'>%2</span>")
                     .arg(runStatusColor(int(p.status)).name(), why.toHtmlEscaped());
        break;
    }
    if (!r.reports.isEmpty()) {
        const QString tests = tr("%1 tests, %2 failed").arg(m_reports->testTotal()).arg(failed);
        parts << (failed ? QStringLiteral("<span style='color:%1'>%2</span>")
                               .arg(runStatusColor(int(RunStatus::Failed)).name(), tests)
                         : tests);
    }
    const auto n = [](qsizetype count) { return int(count); };
    parts << (r.artifacts.size() == 1 ? tr("1 artifact")
                                      : tr("%1 artifacts").arg(n(r.artifacts.size())))
          << (r.exportedVariables.size() == 1
                  ? tr("1 exported variable")
                  : tr("%1 exported variables").arg(n(r.exportedVariables.size())));
    if (!r.sourceVersion.isEmpty())
        parts << tr("source %1").arg(r.sourceVersion.left(12).toHtmlEscaped());
    m_summary->setText(parts.join(QStringLiteral(" &middot; ")));
    m_summary->setToolTip(QTextDocumentFragment::fromHtml(m_summary->text()).toPlainText());
}

}  // namespace pw
