#include "deploymentheader.h"

#include "deploy/deploymentstate.h"
#include "deploystatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <cmath>

namespace pw {

double deploymentProgress(const DeploymentState& state) {
    if (state.instances.isEmpty())
        return state.isFinished() ? 1.0 : 0.0;
    double sum = 0;
    for (const InstanceState& in : state.instances)
        sum += in.progress();
    return sum / double(state.instances.size());
}

const QStringList& DeploymentHeader::countWords() {
    // CodeDeploy's console order (DeploymentOverview).
    static const QStringList words{QStringLiteral("Pending"),   QStringLiteral("InProgress"),
                                   QStringLiteral("Succeeded"), QStringLiteral("Failed"),
                                   QStringLiteral("Skipped"),   QStringLiteral("Ready")};
    return words;
}

DeploymentHeader::DeploymentHeader(const QString& application, const QString& group,
                                   QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_status(new QLabel)
    , m_details(new QLabel)
    , m_error(new QLabel)
    , m_progress(new QProgressBar)
    , m_done(new QLabel) {
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setText(QStringLiteral("%1 / %2").arg(application, group));
    m_status->setFont(big);
    m_status->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long ids and names must not widen the page; the error gets a line of its own.
    m_details->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(fontMetrics().height());
    m_progress->setMinimumWidth(220);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addSpacing(12);
    top->addWidget(m_status);
    top->addStretch(1);
    for (const QString& word : countWords())
        top->addWidget(addCount(word));
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_details, 1);
    bottom->addWidget(m_done);
    bottom->addWidget(m_progress);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(bottom);
    layout->addWidget(m_error);
    m_details->setText(tr("No deployment yet"));
}

QLabel* DeploymentHeader::addCount(const QString& word) {
    auto* label = new QLabel;
    label->setTextFormat(Qt::RichText);
    label->setContentsMargins(8, 0, 0, 0);
    m_counts.insert(word, label);
    setCount(word, 0);
    return label;
}

void DeploymentHeader::setCount(const QString& word, int count) {
    m_values.insert(word, count);
    // A zero count is dimmed, so the statuses that matter stand out.
    const QColor color =
        count ? deployStatusColor(word) : palette().color(QPalette::PlaceholderText);
    m_counts.value(word)->setText(QStringLiteral("<span style='color:%1'><b>%2</b> %3</span>")
                                      .arg(color.name())
                                      .arg(count)
                                      .arg(word));
}

int DeploymentHeader::shownCount(const QString& word) const {
    return m_values.value(word, -1);
}

QString DeploymentHeader::statusText() const {
    return m_status->text();
}

QString DeploymentHeader::progressText() const {
    return m_done->text();
}

QString DeploymentHeader::errorText() const {
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QString DeploymentHeader::detailsText() const {
    return m_details->text();
}

void DeploymentHeader::setState(const DeploymentState& s) {
    m_status->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                          .arg(deployStatusColor(s.status).name(), s.status.toHtmlEscaped()));
    QStringList details{s.deploymentId, s.configName, s.style,
                        tr("revision %1").arg(shortRevision(s.revisionId)),
                        tr("by %1").arg(s.creator)};
    if (s.style == QLatin1String("blue-green"))
        details << tr("%1% traffic on replacement").arg(s.trafficPercent);
    details.removeAll(QString());
    const bool failed = !s.errorCode.isEmpty() || !s.errorMessage.isEmpty();
    m_error->setVisible(failed);
    m_error->setText(QStringLiteral("<span style='color:%1'><b>%2</b> %3</span>")
                         .arg(deployStatusColor(QStringLiteral("Failed")).name(),
                              s.errorCode.toHtmlEscaped(), s.errorMessage.toHtmlEscaped()));
    if (!s.rollbackInfo.rollbackMessage.isEmpty())
        details << s.rollbackInfo.rollbackMessage;
    m_details->setText(details.join(QStringLiteral("  ·  ")));
    const DeploymentOverview o = s.overview();
    setCount(QStringLiteral("Pending"), o.pending);
    setCount(QStringLiteral("InProgress"), o.inProgress);
    setCount(QStringLiteral("Succeeded"), o.succeeded);
    setCount(QStringLiteral("Failed"), o.failed);
    setCount(QStringLiteral("Skipped"), o.skipped);
    setCount(QStringLiteral("Ready"), o.ready);
    const double progress = deploymentProgress(s);
    m_progress->setValue(int(std::lround(progress * 1000)));
    const int done = o.succeeded + o.failed + o.skipped;
    m_done->setText(tr("%1 of %2 instances done · %3%")
                        .arg(done)
                        .arg(s.instances.size())
                        .arg(int(std::lround(progress * 100))));
}

}  // namespace pw
