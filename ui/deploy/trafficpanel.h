#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace pw {

class TrafficRouter;
class TrafficSampler;
class TrafficSplitBar;
struct DeploymentState;
struct TrafficSample;

// Blue/green at the router, live: the traffic split between the fleets and a chart of
// requests per second per fleet and errors per second over the last minute.
class TrafficPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kWindowSeconds = 60;

    explicit TrafficPanel(QWidget* parent = nullptr);

    void setRouter(TrafficRouter* router);
    // The fleets of the instances and the configured share (trafficPercent).
    void setState(const DeploymentState& state);
    TrafficSampler* sampler() const { return m_sampler; }
    TrafficSplitBar* splitBar() const { return m_split; }
    QChart* chart() const { return m_chart; }
    QLineSeries* originalSeries() const { return m_original; }
    QLineSeries* replacementSeries() const { return m_replacement; }
    QLineSeries* errorSeries() const { return m_errors; }
    QString figuresText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildChart();
    void applyPalette();
    void onSample(const TrafficSample& sample);

    TrafficSampler* m_sampler;
    TrafficSplitBar* m_split;
    QLabel* m_figures;
    QChartView* m_view;
    QChart* m_chart;
    QLineSeries* m_original;
    QLineSeries* m_replacement;
    QLineSeries* m_errors;
    QValueAxis* m_x;
    QValueAxis* m_y;
    int m_configured = 0;
};

}  // namespace pw
