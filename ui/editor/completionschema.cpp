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
    {SpecKind::Buildspec, "reports/*", "files base-directory discard-paths file-format"},
    {SpecKind::Buildspec, "cache", "key fallback-keys action paths"},
    {SpecKind::Buildspec, "proxy", "upload-artifacts logs"},
    {SpecKind::Appspec, "", "version os files permissions file_exists_behavior hooks Resources"},
    {SpecKind::Appspec, "files", "source destination"},
    {SpecKind::Appspec, "permissions", "object pattern except owner group mode acls context type"},
    {SpecKind::Appspec, "hooks",
     "BeforeBlockTraffic AfterBlockTraffic ApplicationStop BeforeInstall AfterInstall "
     "ApplicationStart ValidateService BeforeAllowTraffic AfterAllowTraffic"},
    {SpecKind::Appspec, "hooks/*", "location timeout runas"},
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
    {SpecKind::Workspace, "applications/*", "deployment-groups"},
    {SpecKind::Workspace, "applications/*/deployment-groups/*",
     "config style instances load-balancer blue-green auto-rollback alarm "
     "ignore-application-stop-failures file-exists-behavior keep-revisions"},
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

QString CompletionSchema::keyHelp(SpecKind kind, const QString& key) {
    if (kind == SpecKind::Buildspec) {
        if (key == QLatin1String("version"))
            return tr("Buildspec version; 0.2 runs every command of a phase in one shell.");
        if (key == QLatin1String("phases"))
            return tr(
                "The commands CodeBuild runs, in the order install, pre_build, build, post_build.");
        if (key == QLatin1String("on-failure"))
            return tr(
                "What a failing phase does: ABORT the build or CONTINUE with the next phase.");
        if (key == QLatin1String("finally"))
            return tr("Commands that run after the phase's commands, even when they fail.");
        if (key == QLatin1String("commands"))
            return tr(
                "Shell commands of the phase, run in order; the first failure ends the phase.");
        if (key == QLatin1String("artifacts"))
            return tr("Files the build hands to the next stage.");
        if (key == QLatin1String("reports"))
            return tr("Test and coverage report groups the build publishes.");
        if (key == QLatin1String("cache"))
            return tr("Paths kept between builds to make them faster.");
        if (key == QLatin1String("env"))
            return tr("Shell, variables and secrets available to every phase.");
    }
    if (kind == SpecKind::Appspec) {
        if (key == QLatin1String("os"))
            return tr("Operating system of the instances: linux or windows.");
        if (key == QLatin1String("files"))
            return tr("Files copied from the revision to the instance during Install.");
        if (key == QLatin1String("permissions"))
            return tr("Owner, group and mode applied to installed files.");
        if (key == QLatin1String("hooks"))
            return tr("Scripts run at lifecycle events, in the deployment's fixed order.");
        if (key == QLatin1String("file_exists_behavior"))
            return tr(
                "What Install does with files that already exist: DISALLOW, OVERWRITE or RETAIN.");
        if (key == QLatin1String("timeout"))
            return tr("Seconds a hook script may run before the deployment fails (at most 3600).");
        if (key == QLatin1String("runas"))
            return tr("User the hook script runs as.");
    }
    if (kind == SpecKind::Pipeline && key == QLatin1String("stages"))
        return tr("Stages run one after another; actions in a stage run by runOrder.");
    if (kind == SpecKind::Workspace && key == QLatin1String("projects"))
        return tr("Local stand-ins for CodeBuild projects.");
    return {};
}

}  // namespace pw
