#include "lifecycleplan.h"

namespace pw {

namespace {

constexpr auto P = LifecycleEventKind::Pseudo;
constexpr auto R = LifecycleEventKind::Reserved;
constexpr auto S = LifecycleEventKind::Scriptable;

constexpr PlannedEvent kInPlace[] = {
    {"Start", P},   {"ApplicationStop", S}, {"DownloadBundle", R},   {"BeforeInstall", S},
    {"Install", R}, {"AfterInstall", S},    {"ApplicationStart", S}, {"ValidateService", S},
    {"End", P},
};

constexpr PlannedEvent kInPlaceWithLoadBalancer[] = {
    {"Start", P},
    {"BeforeBlockTraffic", S},
    {"BlockTraffic", R},
    {"AfterBlockTraffic", S},
    {"ApplicationStop", S},
    {"DownloadBundle", R},
    {"BeforeInstall", S},
    {"Install", R},
    {"AfterInstall", S},
    {"ApplicationStart", S},
    {"ValidateService", S},
    {"BeforeAllowTraffic", S},
    {"AllowTraffic", R},
    {"AfterAllowTraffic", S},
    {"End", P},
};

constexpr PlannedEvent kBlueGreenReplacement[] = {
    {"Start", P},
    {"ApplicationStop", S},
    {"DownloadBundle", R},
    {"BeforeInstall", S},
    {"Install", R},
    {"AfterInstall", S},
    {"ApplicationStart", S},
    {"ValidateService", S},
    {"BeforeAllowTraffic", S, true},
    {"AllowTraffic", R},
    {"AfterAllowTraffic", S},
    {"End", P},
};

constexpr PlannedEvent kBlueGreenOriginal[] = {
    {"Start", P}, {"BeforeBlockTraffic", S}, {"BlockTraffic", R}, {"AfterBlockTraffic", S},
    {"End", P},
};

constexpr PlannedEvent kBlueGreenRollbackOriginal[] = {
    {"Start", P}, {"BeforeAllowTraffic", S}, {"AllowTraffic", R}, {"AfterAllowTraffic", S},
    {"End", P},
};

// codedeploy-local has no service, so no BlockTraffic/AllowTraffic and no Start/End.
constexpr PlannedEvent kLocal[] = {
    {"BeforeBlockTraffic", S}, {"AfterBlockTraffic", S}, {"ApplicationStop", S},
    {"DownloadBundle", R},     {"BeforeInstall", S},     {"Install", R},
    {"AfterInstall", S},       {"ApplicationStart", S},  {"ValidateService", S},
    {"BeforeAllowTraffic", S}, {"AfterAllowTraffic", S},
};

bool isBlockTrafficHook(QStringView event) {
    return event == u"BeforeBlockTraffic" || event == u"AfterBlockTraffic";
}

bool isAllowTrafficHook(QStringView event) {
    return event == u"BeforeAllowTraffic" || event == u"AfterAllowTraffic";
}

}  // namespace

std::span<const PlannedEvent> LifecyclePlan::events(LifecycleRole role) {
    switch (role) {
        case LifecycleRole::InPlace:
            return kInPlace;
        case LifecycleRole::InPlaceWithLoadBalancer:
            return kInPlaceWithLoadBalancer;
        case LifecycleRole::BlueGreenReplacement:
            return kBlueGreenReplacement;
        case LifecycleRole::BlueGreenOriginal:
        case LifecycleRole::BlueGreenRollbackReplacement:
            return kBlueGreenOriginal;
        case LifecycleRole::BlueGreenRollbackOriginal:
            return kBlueGreenRollbackOriginal;
        case LifecycleRole::Local:
            return kLocal;
    }
    return {};
}

const PlannedEvent* LifecyclePlan::find(LifecycleRole role, QStringView name) {
    for (const PlannedEvent& event : events(role)) {
        if (name == QLatin1StringView(event.name))
            return &event;
    }
    return nullptr;
}

HookRevision LifecyclePlan::hookRevision(QStringView event, bool blueGreenRollback) {
    if (blueGreenRollback) {
        if (isBlockTrafficHook(event))
            return HookRevision::MostRecentOrIgnore;
        if (event == u"ApplicationStop" || isAllowTrafficHook(event))
            return HookRevision::LastSuccessful;
        return HookRevision::New;
    }
    if (isBlockTrafficHook(event) || event == u"ApplicationStop")
        return HookRevision::LastSuccessfulOrIgnore;
    return HookRevision::New;
}

HookSource LifecyclePlan::resolve(HookRevision revision, bool hasOwnArchive, bool hasLastSuccessful,
                                  bool hasMostRecent) {
    if (revision == HookRevision::New || hasOwnArchive)
        return HookSource::New;
    if (revision == HookRevision::MostRecentOrIgnore)
        return hasMostRecent ? HookSource::MostRecent : HookSource::Nothing;
    return hasLastSuccessful ? HookSource::LastSuccessful : HookSource::Nothing;
}

QString lifecycleRoleName(LifecycleRole role) {
    switch (role) {
        case LifecycleRole::InPlace:
            return QStringLiteral("InPlace");
        case LifecycleRole::InPlaceWithLoadBalancer:
            return QStringLiteral("InPlaceWithLoadBalancer");
        case LifecycleRole::BlueGreenReplacement:
            return QStringLiteral("BlueGreenReplacement");
        case LifecycleRole::BlueGreenOriginal:
            return QStringLiteral("BlueGreenOriginal");
        case LifecycleRole::BlueGreenRollbackOriginal:
            return QStringLiteral("BlueGreenRollbackOriginal");
        case LifecycleRole::BlueGreenRollbackReplacement:
            return QStringLiteral("BlueGreenRollbackReplacement");
        case LifecycleRole::Local:
            return QStringLiteral("Local");
    }
    return {};
}

}  // namespace pw
