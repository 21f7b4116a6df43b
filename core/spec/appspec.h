#pragma once

#include "appspeclifecycle.h"
#include "yaml/diagnostic.h"
#include "yaml/yamldocument.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw {

// Typed model of a CodeDeploy AppSpec (appspec.md §1): EC2/on-premises, ECS and Lambda.
// Every entry keeps the Mark of its node so the engine and the editor can point back at it.

enum class FileExistsBehavior { Disallow, Overwrite, Retain };

struct AppspecFile {
    QString source;       // relative to the bundle root; "/" is the whole bundle
    QString destination;  // a directory on the host
    Mark mark;
};

struct AppspecSelinuxContext {
    QString name;  // SELinux user; the agent reads `name`, not the documented `user`
    QString type;
    QString range;  // s#[-s#][:c#[.c#](,c#[.c#])*]
    Mark mark;
};

struct AppspecPermission {
    QString object;
    QString pattern = QStringLiteral("**");
    QStringList except;
    QString owner;
    QString group;
    QString mode;  // octal digits as written ("0755" even when unquoted); empty when unset
    QStringList acls;
    std::optional<AppspecSelinuxContext> context;
    QStringList types = {QStringLiteral("file"), QStringLiteral("directory")};
    bool typesGiven = false;
    Mark mark;
};

struct AppspecScript {
    QString location;
    int timeoutSeconds = 3600;
    bool timeoutGiven = false;
    QString runas;
    bool sudo = false;  // undocumented, agent-only
    Mark mark;
};

// EC2/on-premises: an event and its scripts, in document order.
struct AppspecHook {
    QString event;
    QList<AppspecScript> scripts;
    Mark mark;
};

// ECS and Lambda: an event and the Lambda function that validates it.
struct AppspecFunctionHook {
    QString event;
    QString function;
    Mark mark;
};

struct AppspecCapacityProvider {
    QString provider;
    int base = 0;
    int weight = 0;
    Mark mark;
};

struct AppspecEcsService {
    QString logicalName;  // "TargetService"
    QString taskDefinition;
    QString containerName;
    int containerPort = 0;
    QString platformVersion = QStringLiteral("LATEST");
    QStringList subnets;
    QStringList securityGroups;
    QString assignPublicIp;
    QList<AppspecCapacityProvider> capacityProviders;
    Mark mark;
};

struct AppspecLambdaFunction {
    QString logicalName;
    QString name;
    QString alias;
    QString currentVersion;
    QString targetVersion;
    Mark mark;
};

struct Appspec {
    AppspecPlatform platform = AppspecPlatform::Server;
    QString version;  // as written
    QString os;       // Server only: "linux" or "windows"
    QList<AppspecFile> files;
    FileExistsBehavior fileExistsBehavior = FileExistsBehavior::Disallow;
    // Written in the file: then it wins over the deployment's fileExistsBehavior (§1.1.3).
    bool fileExistsBehaviorGiven = false;
    QList<AppspecPermission> permissions;
    QList<AppspecHook> hooks;
    std::optional<AppspecEcsService> ecsService;
    std::optional<AppspecLambdaFunction> lambdaFunction;
    QList<AppspecFunctionHook> functionHooks;

    const AppspecHook* hook(QStringView event) const;  // nullptr when absent
    QString functionFor(QStringView event) const;      // empty when absent
};

struct AppspecParseResult {
    Appspec spec;
    Diagnostics diagnostics;  // errors the agent or the service would raise
};

QString fileExistsBehaviorName(FileExistsBehavior behavior);  // "DISALLOW", ...

// Resources holding a TargetService or an AWS::ECS::Service -> Ecs, an AWS::Lambda::Function
// -> Lambda, anything else Server.
AppspecPlatform detectAppspecPlatform(const YamlNode& root);

// Builds the model and reports what the CodeDeploy agent (Server) or service (ECS, Lambda)
// rejects, with the agent's own wording where it has one. Lint warnings are the validator's.
AppspecParseResult parseAppspec(const YamlDocument& document);

// The agent's grammars, shared with the validator: each returns the agent's error message,
// or an empty string when the value is accepted.
QString checkPermissionMode(const QString& mode);
QString checkAclEntry(const QString& entry, bool* isDefault = nullptr);
QString checkSelinuxRange(const QString& range);
// YAML 1.1 reading of a plain scalar as the Ruby agent sees it (0755 -> 493, 0x1f -> 31).
std::optional<qint64> yaml11Integer(const YamlNode& node);

}  // namespace pw
