#include "alarmmonitor.h"

#include "deploy/trafficrouter.h"

#include <QTimer>

namespace pw {

AlarmMonitor::AlarmMonitor(TrafficRouter* router, Alarm alarm, QObject* parent)
    : QObject(parent), m_router(router), m_alarm(alarm), m_timer(new QTimer(this)) {
    connect(m_timer, &QTimer::timeout, this, &AlarmMonitor::check);
}

void AlarmMonitor::start(int pollMs) {
    if (m_router && m_alarm.maxErrorRate > 0)
        m_timer->start(pollMs);
}

void AlarmMonitor::stop() {
    m_timer->stop();
}

QString AlarmMonitor::describe(double rate) const {
    return QStringLiteral(
               "The deployment was stopped because the alarm fired: %1% of the router's "
               "answers over the last %2 s were server errors (alarm.max-error-rate "
               "%3%).")
        .arg(rate * 100, 0, 'f', 1)
        .arg(m_alarm.windowSeconds)
        .arg(m_alarm.maxErrorRate * 100, 0, 'f', 1);
}

void AlarmMonitor::check() {
    if (!m_router)
        return;
    const double rate = m_router->errorRate(qint64(m_alarm.windowSeconds) * 1000);
    if (rate > m_alarm.maxErrorRate) {
        m_timer->stop();
        emit triggered(rate);
    }
}

}  // namespace pw
