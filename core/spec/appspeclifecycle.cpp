#include "appspeclifecycle.h"

namespace pw {

namespace {

constexpr unsigned kInPlace = unsigned(InstanceRole::InPlace);
constexpr unsigned kInstall = kInPlace | unsigned(InstanceRole::Replacement);
constexpr unsigned kBlock =
    kInPlace | unsigned(InstanceRole::Original) | unsigned(InstanceRole::RollbackReplacement);
constexpr unsigned kAllow =
    kInPlace | unsigned(InstanceRole::Replacement) | unsigned(InstanceRole::RollbackOriginal);

// Tables, not code, so a correction to the documented order is one line (DESIGN.md).
// Fields: name, scriptable, needsLoadBalancer, usesPreviousRevision, roles.
constexpr LifecycleEventInfo kServerEvents[] = {
    {"Start", false, false, false, kInPlace},
    {"BeforeBlockTraffic", true, true, true, kBlock},
    {"BlockTraffic", false, true, false, kBlock},
    {"AfterBlockTraffic", true, true, true, kBlock},
    {"ApplicationStop", true, false, true, kInstall},
    {"DownloadBundle", false, false, false, kInstall},
    {"BeforeInstall", true, false, false, kInstall},
    {"Install", false, false, false, kInstall},
    {"AfterInstall", true, false, false, kInstall},
    {"ApplicationStart", true, false, false, kInstall},
    {"ValidateService", true, false, false, kInstall},
    {"BeforeAllowTraffic", true, true, false, kAllow},
    {"AllowTraffic", false, true, false, kAllow},
    {"AfterAllowTraffic", true, true, false, kAllow},
    {"End", false, false, false, kInPlace},
};

// Fields: name, scriptable.
constexpr LifecycleEventInfo kEcsEvents[] = {
    {"Start"},
    {"BeforeInstall", true},
    {"Install"},
    {"AfterInstall", true},
    {"AllowTestTraffic"},
    {"AfterAllowTestTraffic", true},
    {"BeforeAllowTraffic", true},
    {"AllowTraffic"},
    {"AfterAllowTraffic", true},
    {"End"},
};

constexpr LifecycleEventInfo kLambdaEvents[] = {
    {"Start"}, {"BeforeAllowTraffic", true}, {"AllowTraffic"}, {"AfterAllowTraffic", true}, {"End"},
};

constexpr const char* kLocalOrder[] = {
    "BeforeBlockTraffic", "AfterBlockTraffic", "ApplicationStop",
    "DownloadBundle",     "BeforeInstall",     "Install",
    "AfterInstall",       "ApplicationStart",  "ValidateService",
    "BeforeAllowTraffic", "AfterAllowTraffic",
};

}  // namespace

QString appspecPlatformName(AppspecPlatform platform) {
    switch (platform) {
        case AppspecPlatform::Server:
            return QStringLiteral("EC2/On-Premises");
        case AppspecPlatform::Ecs:
            return QStringLiteral("Amazon ECS");
        case AppspecPlatform::Lambda:
            return QStringLiteral("AWS Lambda");
    }
    return {};
}

std::span<const LifecycleEventInfo> lifecycleEvents(AppspecPlatform platform) {
    switch (platform) {
        case AppspecPlatform::Server:
            return kServerEvents;
        case AppspecPlatform::Ecs:
            return kEcsEvents;
        case AppspecPlatform::Lambda:
            return kLambdaEvents;
    }
    return {};
}

QStringList serverEventsFor(InstanceRole role, bool loadBalancer) {
    const bool skipTraffic = role == InstanceRole::InPlace && !loadBalancer;
    QStringList names;
    for (const LifecycleEventInfo& event : kServerEvents)
        if ((event.roles & unsigned(role)) && !(skipTraffic && event.needsLoadBalancer))
            names << QLatin1String(event.name);
    return names;
}

QStringList scriptableHooks(AppspecPlatform platform) {
    QStringList names;
    for (const LifecycleEventInfo& event : lifecycleEvents(platform))
        if (event.scriptable)
            names.push_back(QLatin1String(event.name));
    return names;
}

std::span<const char* const> localLifecycleOrder() {
    return kLocalOrder;
}

namespace {

QStringList previousRevisionEvents() {
    QStringList names;
    for (const LifecycleEventInfo& event : kServerEvents)
        if (event.usesPreviousRevision)
            names << QLatin1String(event.name);
    return names;
}

// cli_validator.rb#events_using_new_revision: BeforeInstall is deliberately not among them.
bool needsNewRevision(const QString& name) {
    const LifecycleEventInfo* event = findLifecycleEvent(AppspecPlatform::Server, name);
    return event && event->scriptable && !event->usesPreviousRevision &&
           name != QLatin1String("BeforeInstall");
}

// True when one of `forbidden` comes before `anchor` in `events` (which holds `anchor`).
bool precedes(const QStringList& events, const QString& anchor, auto forbidden) {
    for (const QString& event : events) {
        if (event == anchor)
            return false;
        if (forbidden(event))
            return true;
    }
    return false;
}

}  // namespace

LocalEventPlan planLocalEvents(const QStringList& requested) {
    if (requested.isEmpty()) {
        LocalEventPlan plan;
        for (const char* name : kLocalOrder)
            plan.events << QLatin1String(name);
        return plan;
    }
    const QString download = QStringLiteral("DownloadBundle");
    const QString install = QStringLiteral("Install");
    const QString given = requested.join(u',');
    const QStringList previous = previousRevisionEvents();
    if (requested.contains(download) && precedes(requested, download, [&](const QString& e) {
            return e == install || needsNewRevision(e);
        }))
        return {
            {},
            QStringLiteral("The only events that can be specified before DownloadBundle are %1. "
                           "Please fix the order of your specified events: %2")
                .arg(previous.join(u','), given)};
    if (requested.contains(install) && precedes(requested, install, needsNewRevision))
        return {
            {},
            QStringLiteral("The only events that can be specified before Install are %1. Please "
                           "fix the order of your specified events: %2")
                .arg((previous + QStringList{download, QStringLiteral("BeforeInstall")}).join(u','),
                     given)};
    LocalEventPlan plan;
    for (const QString& required : {download, install})
        if (!requested.contains(required))
            plan.events << required;
    plan.events += requested;
    return plan;
}

const LifecycleEventInfo* findLifecycleEvent(AppspecPlatform platform, QStringView name) {
    for (const LifecycleEventInfo& event : lifecycleEvents(platform))
        if (name == QLatin1String(event.name))
            return &event;
    return nullptr;
}

bool isScriptableHook(AppspecPlatform platform, QStringView name) {
    const LifecycleEventInfo* event = findLifecycleEvent(platform, name);
    return event && event->scriptable;
}

bool isReservedEvent(AppspecPlatform platform, QStringView name) {
    const LifecycleEventInfo* event = findLifecycleEvent(platform, name);
    return event && !event->scriptable;
}

}  // namespace pw
