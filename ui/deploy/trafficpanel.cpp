#include "trafficpanel.h"

#include "deploy/deploymentstate.h"
#include "trafficsampler.h"
#include "trafficsplitbar.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

namespace pw {

TrafficPanel::TrafficPanel(QWidget* parent)
    : QWidget(parent)
    , m_sampler(new TrafficSampler(this))
    , m_split(new TrafficSplitBar)
    , m_figures(new QLabel)
    , m_view(new QChartView)
    , m_chart(new QChart)
    , m_original(new QLineSeries)
    , m_replacement(new QLineSeries)
    , m_errors(new QLineSeries)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis) {
    buildChart();
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_split);
    layout->addWidget(m_figures);
    layout->addWidget(m_view, 1);
    connect(m_sampler, &TrafficSampler::sampled, this, &TrafficPanel::onSample);
    m_split->setShares(-1, 0);
    m_figures->setText(figuresText());
    applyPalette();
}

void TrafficPanel::buildChart() {
    m_original->setName(tr("Original req/s"));
    m_replacement->setName(tr("Replacement req/s"));
    m_errors->setName(tr("Errors/s"));
    m_original->setPen(QPen(TrafficSplitBar::originalColor(), 2));
    m_replacement->setPen(QPen(TrafficSplitBar::replacementColor(), 2));
    m_errors->setPen(QPen(QColor(0xd1, 0x33, 0x2b), 2));
    for (QLineSeries* s : {m_original, m_replacement, m_errors})
        m_chart->addSeries(s);
    m_x->setRange(-kWindowSeconds, 0);
    m_x->setLabelFormat(QStringLiteral("%d s"));
    m_x->setTickCount(7);
    m_y->setRange(0, 10);
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_y->setTitleText(tr("per second"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries* s : {m_original, m_replacement, m_errors}) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
}

void TrafficPanel::applyPalette() {
    // The chart follows the widget palette, so light and dark themes both read well.
    const QPalette& pal = palette();
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QValueAxis* axis : {m_x, m_y}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
    m_view->setBackgroundBrush(pal.color(QPalette::Window));
}

void TrafficPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TrafficPanel::setRouter(TrafficRouter* router) {
    m_sampler->setRouter(router);
    for (QLineSeries* s : {m_original, m_replacement, m_errors})
        s->clear();
    if (router)
        m_sampler->start();
    else
        m_sampler->stop();
}

void TrafficPanel::setState(const DeploymentState& state) {
    QHash<QString, QString> fleets;
    for (const InstanceState& in : state.instances)
        fleets.insert(in.name, in.fleet);
    m_sampler->setFleets(fleets);
    m_configured = state.trafficPercent;
    // In place there is one fleet: its requests are simply the group's.
    const bool blueGreen = state.style == QLatin1String("blue-green");
    m_replacement->setVisible(blueGreen);
    m_original->setName(blueGreen ? tr("Original req/s") : tr("Requests/s"));
    const QList<TrafficSample>& samples = m_sampler->samples();
    m_split->setShares(samples.isEmpty() ? -1 : samples.last().replacementPercent, m_configured);
}

void TrafficPanel::onSample(const TrafficSample& last) {
    // The x axis is "seconds ago", so now is always the right edge.
    QList<QPointF> original, replacement, errors;
    double top = 10;
    for (const TrafficSample& s : m_sampler->samples()) {
        const double x = double(s.timeMs - last.timeMs) / 1000.0;
        if (x < -kWindowSeconds - 1)
            continue;
        original.append({x, s.originalPerSecond});
        replacement.append({x, s.replacementPerSecond});
        errors.append({x, s.errorsPerSecond});
        top = std::max({top, s.originalPerSecond, s.replacementPerSecond, s.errorsPerSecond});
    }
    m_original->replace(original);
    m_replacement->replace(replacement);
    m_errors->replace(errors);
    m_y->setRange(0, std::ceil(top * 1.1));
    m_y->applyNiceNumbers();
    m_split->setShares(last.replacementPercent, m_configured);
    m_figures->setText(figuresText());
}

QString TrafficPanel::figuresText() const {
    const QList<TrafficSample>& samples = m_sampler->samples();
    if (samples.isEmpty())
        return tr("No requests at the router yet");
    const TrafficSample& s = samples.last();
    const double total = s.originalPerSecond + s.replacementPerSecond;
    return tr("%1 req/s  ·  %2 errors/s  ·  p99 %3 ms")
        .arg(total, 0, 'f', 0)
        .arg(s.errorsPerSecond, 0, 'f', 0)
        .arg(double(s.p99Us) / 1000.0, 0, 'f', 1);
}

}  // namespace pw
