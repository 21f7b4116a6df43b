#include "buildrunpage.h"

#include "buildlauncher.h"
#include "engine/buildrunner.h"
#include "monitor/logpane.h"
#include "monitor/logview.h"
#include "phasetimelinemodel.h"
#include "phasetimelineview.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace pw {

BuildRunPage::BuildRunPage(const QString& workspace, const QString& buildspec, QWidget* parent)
    : QWidget(parent)
    , m_launcher(new BuildLauncher(workspace, buildspec, this))
    , m_model(new PhaseTimelineModel(this))
    , m_view(new PhaseTimelineView)
    , m_log(new LogPane)
    , m_statusLabel(new QLabel)
    , m_elapsedLabel(new QLabel)
    , m_busy(new QProgressBar)
    , m_stop(new QPushButton(tr("Stop")))
    , m_summary(new QTextBrowser)
    , m_ticker(new QTimer(this)) {
    m_view->setTimelineModel(m_model);
    m_busy->setRange(0, 0);  // indeterminate: busy from the first click on
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_statusLabel->setTextFormat(Qt::RichText);
    m_summary->setVisible(false);
    m_summary->setMaximumHeight(80);

    auto* header = new QHBoxLayout;
    header->addWidget(m_statusLabel, 1);
    header->addWidget(m_elapsedLabel);
    header->addWidget(m_busy);
    header->addWidget(m_stop);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_view);
    split->addWidget(m_log);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);

    m_ticker->setInterval(250);
    connect(m_ticker, &QTimer::timeout, this, &BuildRunPage::tick);
    connect(m_stop, &QPushButton::clicked, this, &BuildRunPage::stop);
    connect(m_view, &PhaseTimelineView::logLineRequested, this,
            [this](qint64 line) { m_log->view()->scrollToLine(line); });
    connect(m_launcher, &BuildLauncher::event, this, &BuildRunPage::onEvent);
    connect(m_launcher, &BuildLauncher::finished, this, &BuildRunPage::onFinished);
    m_project = QFileInfo(workspace).fileName();
    setStatus(RunStatus::InProgress);
}

BuildRunPage::~BuildRunPage() {
    m_launcher->stop();
}

bool BuildRunPage::start() {
    m_elapsed.start();
    m_ticker->start();
    emit started();
    QString error;
    if (m_launcher->start(&error))
        return true;
    m_ticker->stop();
    m_busy->setVisible(false);
    m_stop->setEnabled(false);
    m_status = RunStatus::Fault;
    m_statusLabel->setText(error.toHtmlEscaped());
    emit finished(m_status);
    return false;
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
        emit titleChanged();
        setStatus(RunStatus::InProgress);
    }
    // The store has created the file by now; the pane follows it as it grows.
    if (!m_logOpen && QFileInfo::exists(m_launcher->logPath()))
        m_logOpen = m_log->openFile(m_launcher->logPath());
}

void BuildRunPage::onFinished(RunStatus status) {
    m_ticker->stop();
    tick();
    m_busy->setVisible(false);
    m_stop->setEnabled(false);
    setStatus(status);
    showSummary();
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
        QStringLiteral("<b>%1</b> &nbsp;<span style='color:%2'>%3</span>")
            .arg(title().toHtmlEscaped(), runStatusColor(int(status)).name(), word));
}

void BuildRunPage::showSummary() {
    const BuildResult& r = m_launcher->runner()->result();
    QString html;
    auto section = [&html](const QString& title, const QStringList& rows) {
        html += QStringLiteral("<b>%1</b>: ").arg(title.toHtmlEscaped());
        html += rows.isEmpty() ? tr("none") : rows.join(QStringLiteral(", "));
        html += QStringLiteral("<br>");
    };
    QStringList vars, artifacts, reports;
    for (const auto& [name, value] : r.exportedVariables)
        vars << QStringLiteral("<code>%1=%2</code>")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    for (const ArtifactRecord& a : r.artifacts)
        artifacts << tr("%1 (%2 files)")
                         .arg(QFileInfo(a.path).fileName().toHtmlEscaped())
                         .arg(a.files.size());
    for (const ReportRecord& rep : r.reports)
        reports << QStringLiteral("%1 (%2)").arg(rep.group.toHtmlEscaped(), rep.format);
    section(tr("Exported variables"), vars);
    section(tr("Artifacts"), artifacts);
    section(tr("Reports"), reports);
    m_summary->setHtml(html);
    m_summary->setVisible(true);
}

}  // namespace pw
