#include "trafficsampler.h"

#include "deploy/trafficrouter.h"
#include "engine/runevent.h"

#include <QTimer>
#include <cmath>

namespace pw {

TrafficSampler::TrafficSampler(QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
    connect(m_timer, &QTimer::timeout, this, [this] { sample(nowUtcMs()); });
}

void TrafficSampler::setRouter(TrafficRouter* router) {
    m_router = router;
    clear();
}

TrafficRouter* TrafficSampler::router() const {
    return m_router;
}

void TrafficSampler::start(int intervalMs) {
    m_timer->start(intervalMs);
}

void TrafficSampler::stop() {
    m_timer->stop();
}

void TrafficSampler::clear() {
    m_samples.clear();
    m_lastMs = 0;
    m_last = {};
}

TrafficSampler::Counters TrafficSampler::read() const {
    Counters c;
    if (!m_router)
        return c;
    for (const RouterTargetInfo& t : m_router->targets()) {
        const TargetStats* stats = m_router->stats(t.name);
        if (!stats)
            continue;
        const bool replacement = m_fleets.value(t.name) == QLatin1String("replacement");
        (replacement ? c.replacement : c.original) += stats->requests();
    }
    c.errors = m_router->totals().errors();
    return c;
}

TrafficSample TrafficSampler::sample(qint64 nowMs) {
    const Counters now = read();
    TrafficSample s;
    s.timeMs = nowMs;
    s.p99Us = m_router ? m_router->totals().latencyPercentileUs(0.99) : 0;
    if (m_lastMs && nowMs > m_lastMs) {
        const double seconds = double(nowMs - m_lastMs) / 1000.0;
        // A target removed and added again restarts its counters: never a negative rate.
        const qint64 original = qMax<qint64>(0, now.original - m_last.original);
        const qint64 replacement = qMax<qint64>(0, now.replacement - m_last.replacement);
        s.originalPerSecond = double(original) / seconds;
        s.replacementPerSecond = double(replacement) / seconds;
        s.errorsPerSecond = double(qMax<qint64>(0, now.errors - m_last.errors)) / seconds;
        if (original + replacement > 0)
            s.replacementPercent =
                int(std::lround(100.0 * double(replacement) / double(original + replacement)));
        m_samples.append(s);
        if (m_samples.size() > kHistory)
            m_samples.removeFirst();
        emit sampled(s);
    }
    m_last = now;
    m_lastMs = nowMs;
    return s;
}

}  // namespace pw
