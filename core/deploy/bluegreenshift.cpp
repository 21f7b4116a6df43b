#include "bluegreenshift.h"

#include <QTimer>

namespace pw {

BlueGreenShift::BlueGreenShift(TrafficShift shift, QObject* parent)
    : QObject(parent), m_steps(steps(shift)), m_timer(new QTimer(this)) {
    m_timer->setInterval(std::max(0, shift.intervalSeconds) * 1000);
    connect(m_timer, &QTimer::timeout, this, &BlueGreenShift::step);
}

QList<int> BlueGreenShift::steps(const TrafficShift& shift) {
    const int p = std::clamp(shift.percent, 1, 100);
    switch (shift.type) {
        case TrafficType::AllAtOnce:
            return {100};
        case TrafficType::Canary:
            return p >= 100 ? QList<int>{100} : QList<int>{p, 100};
        case TrafficType::Linear: {
            QList<int> list;
            for (int v = p; v < 100; v += p)
                list.append(v);
            list.append(100);
            return list;
        }
    }
    return {100};
}

void BlueGreenShift::start() {
    m_next = 0;
    step();
    if (m_next < m_steps.size())
        m_timer->start();
}

void BlueGreenShift::stop() {
    m_timer->stop();
    m_next = int(m_steps.size());
}

bool BlueGreenShift::isRunning() const {
    return m_timer->isActive();
}

void BlueGreenShift::step() {
    if (m_next >= m_steps.size())
        return;
    m_percent = m_steps.at(m_next++);
    emit shifted(m_percent);
    if (m_next >= m_steps.size()) {
        m_timer->stop();
        emit finished();
    }
}

}  // namespace pw
