#include "completionschema.h"

namespace pw {

namespace {

struct KeySet {
    SpecKind kind;
    const char* path;  // '/'-joined parent keys; '*' matches any one key
    const char* keys;  // space separated
};

const KeySet kKeySets[] = {
    {SpecKind::Buildspec, "", "version run-as env proxy batch phases reports artifacts cache"},
    {SpecKind::Buildspec, "env",
     "shell variables parameter-store exported-variables secrets-manager git-credential-helper"},
    {SpecKind::Buildspec, "phases", "install pre_build build post_build"},
    {SpecKind::Buildspec, "phases/install", "run-as on-failure runtime-versions commands finally"},
    {SpecKind::Buildspec, "phases/*", "run-as on-failure commands finally"},
    {SpecKind::Buildspec, "artifacts",
     "files name discard-paths base-directory exclude-paths enable-symlinks s3-prefix "
     "secondary-artifacts"},
    {SpecKind::Buildspec, "artifacts/secondary-artifacts/*",
     "files name discard-paths base-directory exclude-paths enable-symlinks s3-prefix"},
    {SpecKind::Buildspec, "reports/*", "files base-directory discard-paths file-format"},
    {SpecKind::Buildspec, "cache", "key fallback-keys action paths"},
    {SpecKind::Buildspec, "proxy", "upload-artifacts logs"},
    {SpecKind::Buildspec, "batch", "fast-fail build-graph build-list build-matrix build-fanout"},
    {SpecKind::Buildspec, "batch/build-graph",
     "identifier buildspec env debug-session depend-on ignore-failure"},
    {SpecKind::Buildspec, "batch/build-list",
     "identifier buildspec env debug-session ignore-failure"},
    {SpecKind::Buildspec, "batch/build-matrix", "static dynamic"},
    {SpecKind::Buildspec, "batch/build-fanout", "parallelism ignore-failure"},
    {SpecKind::Buildspec, "batch/*/env", "compute-type fleet image privileged-mode type variables"},
    {SpecKind::Appspec, "", "version os files permissions file_exists_behavior hooks Resources"},
    {SpecKind::Appspec, "files", "source destination"},
    {SpecKind::Appspec, "permissions", "object pattern except owner group mode acls context type"},
    {SpecKind::Appspec, "permissions/context", "user type range"},
    {SpecKind::Appspec, "hooks",
     "BeforeBlockTraffic AfterBlockTraffic ApplicationStop BeforeInstall AfterInstall "
     "ApplicationStart ValidateService BeforeAllowTraffic AfterAllowTraffic"},
    {SpecKind::Appspec, "hooks/*", "location timeout runas"},
    {SpecKind::Appspec, "Resources/*", "Type Properties"},
    {SpecKind::Pipeline, "", "pipeline"},
    {SpecKind::Pipeline, "pipeline",
     "name roleArn artifactStore artifactStores stages version pipelineType variables triggers"},
    {SpecKind::Pipeline, "pipeline/stages", "name actions blockers onFailure"},
    {SpecKind::Pipeline, "pipeline/stages/actions",
     "name actionTypeId runOrder configuration inputArtifacts outputArtifacts region namespace "
     "roleArn"},
    {SpecKind::Pipeline, "pipeline/stages/actions/actionTypeId", "category owner provider version"},
    {SpecKind::Workspace, "", "version projects sources applications secrets"},
    {SpecKind::Workspace, "projects/*",
     "buildspec source secondary-sources environment timeout-minutes in-place"},
    {SpecKind::Workspace, "projects/*/environment", "variables"},
    {SpecKind::Workspace, "sources/*", "git branch path"},
    {SpecKind::Workspace, "applications/*", "deployment-groups"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*",
     "config style instances load-balancer blue-green auto-rollback alarm "
     "ignore-application-stop-failures file-exists-behavior keep-revisions"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/config", "minimum-healthy-hosts"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/config/minimum-healthy-hosts",
     "type value"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/instances", "name kind port"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/load-balancer", "port health-check"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/load-balancer/health-check",
     "path expected-status interval-seconds healthy-threshold unhealthy-threshold"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/blue-green",
     "replacement-instances traffic on-ready original-instances termination-wait-seconds"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/blue-green/replacement-instances",
     "name kind port"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/blue-green/traffic",
     "type percent interval-seconds"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/auto-rollback", "enabled events"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*/alarm",
     "max-error-rate window-seconds"},
    {SpecKind::Workspace, "secrets", "file environment"},
};

struct ValueSet {
    SpecKind kind;
    const char* key;
    const char* values;
};

const ValueSet kValueSets[] = {
    {SpecKind::Buildspec, "version", "0.2 0.1"},
    {SpecKind::Buildspec, "shell", "bash /bin/sh sh powershell.exe pwsh cmd.exe"},
    {SpecKind::Buildspec, "on-failure", "ABORT CONTINUE RETRY"},
    {SpecKind::Buildspec, "file-format",
     "JUNITXML CUCUMBERJSON TESTNGXML VISUALSTUDIOTRX NUNITXML NUNIT3XML CLOVERXML "
     "COBERTURAXML JACOCOXML SIMPLECOV"},
    {SpecKind::Buildspec, "discard-paths", "yes no"},
    {SpecKind::Buildspec, "enable-symlinks", "yes no"},
    {SpecKind::Buildspec, "git-credential-helper", "yes no"},
    {SpecKind::Buildspec, "action", "restore save"},
    {SpecKind::Appspec, "version", "0.0"},
    {SpecKind::Appspec, "os", "linux windows"},
    {SpecKind::Appspec, "file_exists_behavior", "DISALLOW OVERWRITE RETAIN"},
    {SpecKind::Appspec, "type", "file directory"},
    {SpecKind::Pipeline, "category", "Source Build Test Deploy Approval Invoke"},
    {SpecKind::Pipeline, "owner", "AWS ThirdParty Custom"},
    {SpecKind::Workspace, "config",
     "CodeDeployDefault.OneAtATime CodeDeployDefault.HalfAtATime CodeDeployDefault.AllAtOnce"},
    {SpecKind::Workspace, "style", "in-place blue-green"},
    {SpecKind::Workspace, "file-exists-behavior", "DISALLOW OVERWRITE RETAIN"},
    {SpecKind::Workspace, "kind", "sandbox host"},
    {SpecKind::Workspace, "on-ready", "continue wait"},
    {SpecKind::Workspace, "original-instances", "keep-alive terminate"},
    {SpecKind::Workspace, "in-place", "true false"},
    {SpecKind::Workspace, "enabled", "true false"},
};

bool pathMatches(const char* pattern, const QStringList& path) {
    const QStringList parts = QString::fromLatin1(pattern).split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != path.size())
        return false;
    for (int i = 0; i < parts.size(); ++i)
        if (parts[i] != QLatin1String("*") && parts[i] != path[i])
            return false;
    return true;
}

QStringList split(const char* words) {
    return QString::fromLatin1(words).split(u' ', Qt::SkipEmptyParts);
}

}  // namespace

QStringList CompletionSchema::keys(SpecKind kind, const QStringList& path) {
    // Exact paths win over wildcards ("phases/install" over "phases/*").
    for (const KeySet& set : kKeySets)
        if (set.kind == kind && !QByteArray(set.path).contains('*') && pathMatches(set.path, path))
            return split(set.keys);
    for (const KeySet& set : kKeySets)
        if (set.kind == kind && pathMatches(set.path, path))
            return split(set.keys);
    return {};
}

QStringList CompletionSchema::values(SpecKind kind, const QStringList& path, const QString& key) {
    Q_UNUSED(path);
    for (const ValueSet& set : kValueSets)
        if (set.kind == kind && key == QLatin1String(set.key))
            return split(set.values);
    return {};
}

QList<QPair<QStringList, QStringList>> CompletionSchema::keySets(SpecKind kind) {
    QList<QPair<QStringList, QStringList>> sets;
    for (const KeySet& set : kKeySets)
        if (set.kind == kind)
            sets.append(
                {QString::fromLatin1(set.path).split(u'/', Qt::SkipEmptyParts), split(set.keys)});
    return sets;
}

}  // namespace pw
