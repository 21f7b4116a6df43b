#pragma once

#include <QString>
#include <QStringView>
#include <span>

namespace pw {

// Which sequence of lifecycle events one instance goes through (appspec.md §2.2).
enum class LifecycleRole {
    InPlace,  // no load balancer: the traffic events do not apply
    InPlaceWithLoadBalancer,
    BlueGreenReplacement,
    BlueGreenOriginal,
    BlueGreenRollbackOriginal,     // traffic comes back to the originals
    BlueGreenRollbackReplacement,  // and leaves the replacements
    Local,                         // codedeploy-local's DEFAULT_ORDERED_LIFECYCLE_EVENTS
};

enum class LifecycleEventKind {
    Pseudo,      // Start, End: bookkeeping, never run anything
    Reserved,    // run by the engine itself (DownloadBundle, Install, Block/AllowTraffic)
    Scriptable,  // runs the AppSpec's hook scripts
};

struct PlannedEvent {
    const char* name;
    LifecycleEventKind kind;
    // Blue/green: the replacement waits here for the deployment's ready point
    // (DeploymentReadyOption) before shifting traffic.
    bool waitsForReady = false;
};

// Where a hook's AppSpec and scripts come from (hook_executor.rb,
// MAPPING_BETWEEN_HOOKS_AND_DEPLOYMENTS; appspec.md §2.3).
enum class HookRevision {
    New,                     // the revision being deployed
    LastSuccessfulOrIgnore,  // last_successful_install; no-op when there is none
    MostRecentOrIgnore,      // most_recent_install; no-op when there is none
    LastSuccessful,
};

// What the engine should run a hook from, once resolved against the instance's state.
enum class HookSource { New, LastSuccessful, MostRecent, Nothing };

// The lifecycle orders as data, so a correction is one line.
class LifecyclePlan {
public:
    static std::span<const PlannedEvent> events(LifecycleRole role);
    static const PlannedEvent* find(LifecycleRole role, QStringView name);

    static HookRevision hookRevision(QStringView event, bool blueGreenRollback);
    // The previous revision is used only while the deployment has no archive of its own yet
    // (before DownloadBundle); without a recorded previous revision the hook is a no-op.
    static HookSource resolve(HookRevision revision, bool hasOwnArchive, bool hasLastSuccessful,
                              bool hasMostRecent);
};

QString lifecycleRoleName(LifecycleRole role);  // "InPlace", "BlueGreenReplacement", ...

}  // namespace pw
