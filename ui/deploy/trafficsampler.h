#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace pw {

class TrafficRouter;

// One interval at the router: rates per fleet and the share the replacement fleet really got.
struct TrafficSample {
    qint64 timeMs = 0;
    double originalPerSecond = 0;
    double replacementPerSecond = 0;
    double errorsPerSecond = 0;   // 5xx the router sent, its own 502/504 included
    int replacementPercent = -1;  // of the requests routed in the interval; -1 without any
    qint64 p99Us = 0;             // router-wide p99 latency so far
};

// Turns a TrafficRouter's running counters into per-second rates per fleet, once per
// interval. Reads only the router's public figures; the fleets come from the deployment.
class TrafficSampler : public QObject {
    Q_OBJECT
public:
    static constexpr int kHistory = 120;  // samples kept, two minutes at the default rate

    explicit TrafficSampler(QObject* parent = nullptr);

    void setRouter(TrafficRouter* router);
    TrafficRouter* router() const;
    // Instance name -> "original" | "replacement"; targets not named count as original.
    void setFleets(const QHash<QString, QString>& fleets) { m_fleets = fleets; }
    void start(int intervalMs = 1000);
    void stop();

    // Rates since the previous call (the first call only takes the baseline).
    TrafficSample sample(qint64 nowMs);
    const QList<TrafficSample>& samples() const { return m_samples; }
    void clear();

signals:
    void sampled(const pw::TrafficSample& sample);

private:
    struct Counters {
        qint64 original = 0, replacement = 0, errors = 0;
    };
    Counters read() const;

    QPointer<TrafficRouter> m_router;
    QHash<QString, QString> m_fleets;
    QList<TrafficSample> m_samples;
    QTimer* m_timer;
    Counters m_last;
    qint64 m_lastMs = 0;
};

}  // namespace pw
