#pragma once

// Synthetic DeploymentState snapshots for the dashboard tests and screenshots: the shapes the
// engine emits (appspec.md §2.2 orders, CodeDeploy's status words), built by hand.

#include "deploy/deploymentstate.h"

#include <QStringList>

namespace deploytest {

inline const QStringList& inPlaceEvents() {
    static const QStringList events{
        QStringLiteral("ApplicationStop"), QStringLiteral("DownloadBundle"),
        QStringLiteral("BeforeInstall"),   QStringLiteral("Install"),
        QStringLiteral("AfterInstall"),    QStringLiteral("ApplicationStart"),
        QStringLiteral("ValidateService")};
    return events;
}

inline const QStringList& replacementEvents() {
    static const QStringList events = [] {
        QStringList e = inPlaceEvents();
        e << QStringLiteral("BeforeAllowTraffic") << QStringLiteral("AllowTraffic")
          << QStringLiteral("AfterAllowTraffic");
        return e;
    }();
    return events;
}

inline const QStringList& originalEvents() {
    static const QStringList events{QStringLiteral("BeforeBlockTraffic"),
                                    QStringLiteral("BlockTraffic"),
                                    QStringLiteral("AfterBlockTraffic")};
    return events;
}

// An instance whose first `done` events succeeded (each `step` ms long from `t0`), the next one
// running when `running`, the rest pending.
inline pw::InstanceState instance(const QString& name, const QStringList& events, int done,
                                  bool running, qint64 t0, qint64 step = 1000) {
    pw::InstanceState in;
    in.name = name;
    in.revisionId = QStringLiteral("3fa9c1d2e4b5a6978877665544332211");
    for (int i = 0; i < events.size(); ++i) {
        pw::LifecycleEventState e;
        e.name = events[i];
        if (i < done) {
            e.status = QStringLiteral("Succeeded");
            e.errorCode = QStringLiteral("Success");
            e.startedAtMs = t0 + i * step;
            e.endedAtMs = t0 + (i + 1) * step;
        } else if (i == done && running) {
            e.status = QStringLiteral("InProgress");
            e.startedAtMs = t0 + i * step;
        }
        in.lifecycleEvents << e;
    }
    if (running)
        in.status = QStringLiteral("InProgress");
    else if (done == events.size())
        in.status = QStringLiteral("Succeeded");
    in.healthy = in.status == QLatin1String("Succeeded");
    return in;
}

// An in-place OneAtATime deployment of `count` instances: `finished` of them succeeded, the
// next one is in its event `runningEvent` (or none runs when it is -1).
inline pw::DeploymentState inPlace(int count, int finished, int runningEvent, qint64 t0) {
    pw::DeploymentState s;
    s.deploymentId = QStringLiteral("d-INPLACE01");
    s.application = QStringLiteral("shop");
    s.group = QStringLiteral("web");
    s.status = QStringLiteral("InProgress");
    s.configName = QStringLiteral("CodeDeployDefault.OneAtATime");
    s.revisionId = QStringLiteral("3fa9c1d2e4b5a6978877665544332211");
    s.revisionSource = QStringLiteral("dist/shop-1.4.2.zip");
    s.createdAtMs = t0;
    const qint64 perInstance = inPlaceEvents().size() * 1000;
    for (int i = 0; i < count; ++i) {
        const qint64 start = t0 + i * perInstance;
        const bool running = i == finished && runningEvent >= 0;
        const int done = i < finished ? int(inPlaceEvents().size()) : running ? runningEvent : 0;
        pw::InstanceState in =
            instance(QStringLiteral("web-%1").arg(i + 1), inPlaceEvents(), done, running, start);
        in.port = quint16(8081 + i);
        s.instances << in;
    }
    return s;
}

}  // namespace deploytest
