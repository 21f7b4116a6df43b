#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <span>

namespace pw {

// CodeDeploy's computePlatform: decides which AppSpec keys and hooks apply.
enum class AppspecPlatform { Server, Ecs, Lambda };

QString appspecPlatformName(AppspecPlatform platform);  // "EC2/On-Premises", "Amazon ECS", ...

// The instance roles of the hook availability table (appspec.md §2.1), as bits.
enum class InstanceRole : unsigned {
    InPlace = 1,               // in-place deployment and in-place rollback
    Original = 2,              // blue/green: the instance being replaced
    Replacement = 4,           // blue/green: the new instance
    RollbackOriginal = 8,      // blue/green rollback: the original gets traffic back
    RollbackReplacement = 16,  // blue/green rollback: the replacement loses it
};

// One event of a deployment lifecycle. Reserved events are run by CodeDeploy itself and
// cannot carry hooks (appspec.md §2.1).
struct LifecycleEventInfo {
    const char* name;
    bool scriptable = false;
    // Server only: the event runs only when the deployment group has a load balancer.
    bool needsLoadBalancer = false;
    // Server only: its scripts come from the last successful revision (appspec.md §2.3).
    bool usesPreviousRevision = false;
    unsigned roles = 0;  // Server only: InstanceRole bits of the instances that run it
};

// Every event of one deployment in order, reserved ones included (appspec.md §2.2). For
// Server this is the in-place order with a load balancer; drop needsLoadBalancer events
// for a group without one.
std::span<const LifecycleEventInfo> lifecycleEvents(AppspecPlatform platform);
// The Server events an instance in `role` runs, in order. Without a load balancer an in-place
// deployment skips the traffic events; blue/green always has one. Start and End are listed
// for in-place only: they frame the whole deployment, not one instance.
QStringList serverEventsFor(InstanceRole role, bool loadBalancer = true);
// The events a hook may name, in lifecycle order.
QStringList scriptableHooks(AppspecPlatform platform);
// codedeploy-local's DEFAULT_ORDERED_LIFECYCLE_EVENTS: what it runs without --events.
std::span<const char* const> localLifecycleOrder();

// What `codedeploy-local --events a,b` runs: DownloadBundle and Install are prepended when
// missing, and events that need the new revision may not precede them. `error` carries the
// tool's own message (cli_validator.rb) and `events` is then empty. No events = the default.
struct LocalEventPlan {
    QStringList events;
    QString error;
};
LocalEventPlan planLocalEvents(const QStringList& requested);

const LifecycleEventInfo* findLifecycleEvent(AppspecPlatform platform, QStringView name);
bool isScriptableHook(AppspecPlatform platform, QStringView name);
// A known event that CodeDeploy runs itself (DownloadBundle, Install, AllowTraffic, ...).
bool isReservedEvent(AppspecPlatform platform, QStringView name);

}  // namespace pw
