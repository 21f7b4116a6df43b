#pragma once

#include "spec/workspace.h"

#include <QList>
#include <QObject>

class QTimer;

namespace pw {

// The traffic-shift schedule of a blue/green deployment (appspec.md §5): all at once, canary
// (p% at once, the rest one interval later) or linear (p% more every interval, the first at
// once). Emits each share of traffic on the replacement fleet; the owner applies it.
class BlueGreenShift : public QObject {
    Q_OBJECT
public:
    explicit BlueGreenShift(TrafficShift shift, QObject* parent = nullptr);

    // Percent on the replacement fleet after each step; the last is 100.
    static QList<int> steps(const TrafficShift& shift);

    void start();
    void stop();
    int currentPercent() const { return m_percent; }
    bool isRunning() const;

signals:
    void shifted(int percent);
    void finished();

private:
    void step();

    QList<int> m_steps;
    QTimer* m_timer = nullptr;
    int m_next = 0;
    int m_percent = 0;
};

}  // namespace pw
