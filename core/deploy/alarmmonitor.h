#pragma once

#include "spec/workspace.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace pw {

class TrafficRouter;

// The deployment group's alarm, measured at the router: the share of 5xx answers over the
// window above `max-error-rate` triggers it once (DEPLOYMENT_STOP_ON_ALARM, appspec.md §3.3).
class AlarmMonitor : public QObject {
    Q_OBJECT
public:
    AlarmMonitor(TrafficRouter* router, Alarm alarm, QObject* parent = nullptr);

    void start(int pollMs = 200);
    void stop();
    // The message a stopped deployment carries.
    QString describe(double rate) const;

signals:
    void triggered(double errorRate);

private:
    void check();

    QPointer<TrafficRouter> m_router;
    Alarm m_alarm;
    QTimer* m_timer = nullptr;
};

}  // namespace pw
