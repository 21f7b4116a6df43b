#include "deploymentstate.h"

#include <QJsonArray>

#include <algorithm>

namespace pw {

namespace {

QString str(const QJsonObject& o, const char* key, const QString& fallback = {}) {
    return o.value(QLatin1StringView(key)).toString(fallback);
}

qint64 num(const QJsonObject& o, const char* key) {
    return qint64(o.value(QLatin1StringView(key)).toDouble());
}

void putIfSet(QJsonObject& o, const char* key, const QString& value) {
    if (!value.isEmpty())
        o.insert(QLatin1StringView(key), value);
}

bool isFinishedEvent(const LifecycleEventState& e) {
    return e.status == u"Succeeded" || e.status == u"Failed" || e.status == u"Skipped";
}

}  // namespace

QJsonObject LifecycleEventState::toJson() const {
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("status"), status}};
    // The keys of the issue's --json shape are always there; times not reached are null.
    o.insert(QStringLiteral("errorCode"), errorCode);
    o.insert(QStringLiteral("message"), message);
    o.insert(QStringLiteral("startedAt"), startedAtMs > 0 ? QJsonValue(startedAtMs) : QJsonValue());
    o.insert(QStringLiteral("endedAt"), endedAtMs > 0 ? QJsonValue(endedAtMs) : QJsonValue());
    putIfSet(o, "logPath", logPath);
    return o;
}

LifecycleEventState LifecycleEventState::fromJson(const QJsonObject& o) {
    LifecycleEventState e;
    e.name = str(o, "name");
    e.status = str(o, "status", QStringLiteral("Pending"));
    e.errorCode = str(o, "errorCode");
    e.message = str(o, "message");
    e.startedAtMs = num(o, "startedAt");
    e.endedAtMs = num(o, "endedAt");
    e.logPath = str(o, "logPath");
    return e;
}

QString InstanceState::currentEvent() const {
    QString last;
    for (const LifecycleEventState& e : lifecycleEvents) {
        if (e.status == u"InProgress")
            return e.name;
        // Skipped events never ran: a failed instance shows the event that failed.
        if (e.status != u"Skipped" && (e.startedAtMs > 0 || isFinishedEvent(e)))
            last = e.name;
    }
    return last;
}

double InstanceState::progress() const {
    if (lifecycleEvents.isEmpty())
        return 0;
    const auto done =
        std::count_if(lifecycleEvents.cbegin(), lifecycleEvents.cend(), isFinishedEvent);
    return double(done) / double(lifecycleEvents.size());
}

QJsonObject InstanceState::toJson() const {
    QJsonArray events;
    for (const LifecycleEventState& e : lifecycleEvents)
        events.append(e.toJson());
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("fleet"), fleet},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("healthy"), healthy},
                  {QStringLiteral("lifecycleEvents"), events}};
    if (port)
        o.insert(QStringLiteral("port"), int(port));
    putIfSet(o, "revisionId", revisionId);
    return o;
}

InstanceState InstanceState::fromJson(const QJsonObject& o) {
    InstanceState s;
    s.name = str(o, "name");
    s.fleet = str(o, "fleet", QStringLiteral("original"));
    s.port = quint16(o.value(QStringLiteral("port")).toInt());
    s.status = str(o, "status", QStringLiteral("Pending"));
    s.revisionId = str(o, "revisionId");
    s.healthy = o.value(QStringLiteral("healthy")).toBool();
    for (const QJsonValue& v : o.value(QStringLiteral("lifecycleEvents")).toArray())
        s.lifecycleEvents.append(LifecycleEventState::fromJson(v.toObject()));
    return s;
}

QJsonObject DeploymentOverview::toJson() const {
    return {{QStringLiteral("Pending"), pending},     {QStringLiteral("InProgress"), inProgress},
            {QStringLiteral("Succeeded"), succeeded}, {QStringLiteral("Failed"), failed},
            {QStringLiteral("Skipped"), skipped},     {QStringLiteral("Ready"), ready}};
}

bool RollbackInfo::isEmpty() const {
    return rollbackDeploymentId.isEmpty() && rollbackTriggeringDeploymentId.isEmpty() &&
           rollbackMessage.isEmpty();
}

QJsonObject RollbackInfo::toJson() const {
    QJsonObject o;
    putIfSet(o, "rollbackDeploymentId", rollbackDeploymentId);
    putIfSet(o, "rollbackTriggeringDeploymentId", rollbackTriggeringDeploymentId);
    putIfSet(o, "rollbackMessage", rollbackMessage);
    return o;
}

RollbackInfo RollbackInfo::fromJson(const QJsonObject& o) {
    return {str(o, "rollbackDeploymentId"), str(o, "rollbackTriggeringDeploymentId"),
            str(o, "rollbackMessage")};
}

bool DeploymentState::isFinished() const {
    return status == u"Succeeded" || status == u"Failed" || status == u"Stopped";
}

DeploymentOverview DeploymentState::overview() const {
    DeploymentOverview o;
    for (const InstanceState& i : instances) {
        if (i.status == u"Pending")
            ++o.pending;
        else if (i.status == u"InProgress")
            ++o.inProgress;
        else if (i.status == u"Succeeded")
            ++o.succeeded;
        else if (i.status == u"Failed")
            ++o.failed;
        else if (i.status == u"Skipped")
            ++o.skipped;
        else if (i.status == u"Ready")
            ++o.ready;
    }
    return o;
}

QJsonObject DeploymentState::toJson() const {
    QJsonArray list;
    for (const InstanceState& i : instances)
        list.append(i.toJson());
    QJsonObject o{{QStringLiteral("deploymentId"), deploymentId},
                  {QStringLiteral("application"), application},
                  {QStringLiteral("group"), group},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("creator"), creator},
                  {QStringLiteral("configName"), configName},
                  {QStringLiteral("style"), style},
                  {QStringLiteral("revisionId"), revisionId},
                  {QStringLiteral("revisionSource"), revisionSource},
                  {QStringLiteral("createdAt"), createdAtMs},
                  {QStringLiteral("trafficPercent"), trafficPercent},
                  {QStringLiteral("overview"), overview().toJson()},
                  {QStringLiteral("instances"), list},
                  {QStringLiteral("rollbackInfo"), rollbackInfo.toJson()}};
    putIfSet(o, "errorCode", errorCode);
    putIfSet(o, "errorMessage", errorMessage);
    if (completedAtMs > 0)
        o.insert(QStringLiteral("completedAt"), completedAtMs);
    return o;
}

DeploymentState DeploymentState::fromJson(const QJsonObject& o) {
    DeploymentState s;
    s.deploymentId = str(o, "deploymentId");
    s.application = str(o, "application");
    s.group = str(o, "group");
    s.status = str(o, "status", QStringLiteral("Created"));
    s.creator = str(o, "creator", QStringLiteral("user"));
    s.configName = str(o, "configName");
    s.style = str(o, "style", QStringLiteral("in-place"));
    s.revisionId = str(o, "revisionId");
    s.revisionSource = str(o, "revisionSource");
    s.errorCode = str(o, "errorCode");
    s.errorMessage = str(o, "errorMessage");
    s.createdAtMs = num(o, "createdAt");
    s.completedAtMs = num(o, "completedAt");
    s.trafficPercent = o.value(QStringLiteral("trafficPercent")).toInt();
    for (const QJsonValue& v : o.value(QStringLiteral("instances")).toArray())
        s.instances.append(InstanceState::fromJson(v.toObject()));
    s.rollbackInfo = RollbackInfo::fromJson(o.value(QStringLiteral("rollbackInfo")).toObject());
    return s;
}

}  // namespace pw
