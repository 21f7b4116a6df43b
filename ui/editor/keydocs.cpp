#include "completionschema.h"

#include <QStringList>

namespace pw {

namespace {

// One documented key. `scope` is the '/'-joined parent path ('*' for any one key) where the
// same key means something else elsewhere; empty matches anywhere in the spec.
struct KeyDoc {
    SpecKind kind;
    const char* scope;
    const char* key;
    const char* help;
    const char* url;
};

#define BS "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html"
#define BATCH "https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html"
#define CD "https://docs.aws.amazon.com/codedeploy/latest/userguide/"
#define CB "https://docs.aws.amazon.com/codebuild/latest/userguide/"

constexpr SpecKind B = SpecKind::Buildspec;
constexpr SpecKind A = SpecKind::Appspec;
constexpr SpecKind W = SpecKind::Workspace;
constexpr SpecKind P = SpecKind::Pipeline;

// One key a line reads as a table.
// clang-format off
const KeyDoc kKeyDocs[] = {
    // ---- buildspec
    {B, "", "version", QT_TRANSLATE_NOOP("CompletionSchema", "Buildspec version; 0.2 runs every command of a phase in one shell."), BS "#build-spec.version"},
    {B, "", "run-as", QT_TRANSLATE_NOOP("CompletionSchema", "Linux user that runs the commands (of the whole build, or of this phase)."), BS "#build-spec.run-as"},
    {B, "", "env", QT_TRANSLATE_NOOP("CompletionSchema", "Shell, variables and secrets available to every phase."), BS "#build-spec.env"},
    {B, "", "shell", QT_TRANSLATE_NOOP("CompletionSchema", "Shell that runs the commands: bash, /bin/sh, pwsh, powershell.exe or cmd.exe."), BS "#build-spec.env.shell"},
    {B, "", "variables", QT_TRANSLATE_NOOP("CompletionSchema", "Plain-text environment variables, NAME: value."), BS "#build-spec.env.variables"},
    {B, "", "parameter-store", QT_TRANSLATE_NOOP("CompletionSchema", "Variables read from Systems Manager Parameter Store: NAME: parameter name."), BS "#build-spec.env.parameter-store"},
    {B, "", "secrets-manager", QT_TRANSLATE_NOOP("CompletionSchema", "Variables read from Secrets Manager: NAME: secret-id:json-key:version-stage:version-id."), BS "#build-spec.env.secrets-manager"},
    {B, "", "exported-variables", QT_TRANSLATE_NOOP("CompletionSchema", "Variables whose final values the build exports to the pipeline."), BS "#build-spec.env.exported-variables"},
    {B, "", "git-credential-helper", QT_TRANSLATE_NOOP("CompletionSchema", "yes lets git use CodeBuild's credentials for private repositories."), BS "#build-spec.env.git-credential-helper"},
    {B, "", "proxy", QT_TRANSLATE_NOOP("CompletionSchema", "Settings for builds that run behind an explicit proxy server."), BS "#build-spec.proxy"},
    {B, "", "upload-artifacts", QT_TRANSLATE_NOOP("CompletionSchema", "yes uploads artifacts through the proxy server."), BS "#build-spec.proxy"},
    {B, "", "logs", QT_TRANSLATE_NOOP("CompletionSchema", "yes sends CloudWatch logs through the proxy server."), BS "#build-spec.proxy"},
    {B, "", "batch", QT_TRANSLATE_NOOP("CompletionSchema", "Batch build settings: a graph, list, matrix or fanout of builds."), BATCH},
    {B, "", "fast-fail", QT_TRANSLATE_NOOP("CompletionSchema", "Whether the batch stops when one of its builds fails."), BATCH "#build-spec.batch.fast-fail"},
    {B, "", "build-graph", QT_TRANSLATE_NOOP("CompletionSchema", "Builds of the batch with dependencies between them."), BATCH "#build-spec.batch.build-graph"},
    {B, "", "build-list", QT_TRANSLATE_NOOP("CompletionSchema", "Builds of the batch that run in parallel."), BATCH "#build-spec.batch.build-list"},
    {B, "", "build-matrix", QT_TRANSLATE_NOOP("CompletionSchema", "Builds of the batch made from every combination of settings."), BATCH "#build-spec.batch.build-matrix"},
    {B, "", "build-fanout", QT_TRANSLATE_NOOP("CompletionSchema", "Test builds of the batch that split the tests between them."), BATCH "#build-spec.batch.build-fanout"},
    {B, "", "identifier", QT_TRANSLATE_NOOP("CompletionSchema", "Name of the build within the batch."), BATCH},
    {B, "", "buildspec", QT_TRANSLATE_NOOP("CompletionSchema", "Buildspec file the batch build runs instead of this one."), BATCH},
    {B, "", "debug-session", QT_TRANSLATE_NOOP("CompletionSchema", "Whether the batch build allows a Session Manager debug session."), BATCH},
    {B, "", "depend-on", QT_TRANSLATE_NOOP("CompletionSchema", "Identifiers of the builds that must finish before this one."), BATCH},
    {B, "", "ignore-failure", QT_TRANSLATE_NOOP("CompletionSchema", "Whether a failure of this build is ignored by the batch."), BATCH},
    {B, "", "static", QT_TRANSLATE_NOOP("CompletionSchema", "Settings every build of the matrix shares."), BATCH "#build-spec.batch.build-matrix"},
    {B, "", "dynamic", QT_TRANSLATE_NOOP("CompletionSchema", "Settings the matrix combines into its builds."), BATCH "#build-spec.batch.build-matrix"},
    {B, "", "parallelism", QT_TRANSLATE_NOOP("CompletionSchema", "Number of builds the fanout runs tests in."), BATCH "#build-spec.batch.build-fanout"},
    {B, "", "compute-type", QT_TRANSLATE_NOOP("CompletionSchema", "Compute type of the batch build's environment."), BATCH},
    {B, "", "fleet", QT_TRANSLATE_NOOP("CompletionSchema", "Reserved fleet the batch build runs on."), BATCH},
    {B, "", "image", QT_TRANSLATE_NOOP("CompletionSchema", "Container image of the batch build's environment."), BATCH},
    {B, "", "privileged-mode", QT_TRANSLATE_NOOP("CompletionSchema", "Whether the batch build runs Docker in privileged mode."), BATCH},
    {B, "", "type", QT_TRANSLATE_NOOP("CompletionSchema", "Environment type of the batch build, e.g. LINUX_CONTAINER."), BATCH},
    {B, "", "phases", QT_TRANSLATE_NOOP("CompletionSchema", "The commands CodeBuild runs, in the order install, pre_build, build, post_build."), BS "#build-spec.phases"},
    {B, "", "install", QT_TRANSLATE_NOOP("CompletionSchema", "Phase for installing packages and runtimes."), BS "#build-spec.phases.install"},
    {B, "", "pre_build", QT_TRANSLATE_NOOP("CompletionSchema", "Phase for work before the build: logins, dependencies."), BS "#build-spec.phases.pre_build"},
    {B, "", "build", QT_TRANSLATE_NOOP("CompletionSchema", "Phase that runs the build itself."), BS "#build-spec.phases.build"},
    {B, "", "post_build", QT_TRANSLATE_NOOP("CompletionSchema", "Phase after the build: packaging, pushing, notifications."), BS "#build-spec.phases.post_build"},
    {B, "", "on-failure", QT_TRANSLATE_NOOP("CompletionSchema", "What a failing phase does: ABORT the build or CONTINUE with the next phase."), BS "#build-spec.phases.on-failure"},
    {B, "", "runtime-versions", QT_TRANSLATE_NOOP("CompletionSchema", "Runtimes the install phase selects, e.g. nodejs: 18."), BS "#build-spec.phases.install.runtime-versions"},
    {B, "", "commands", QT_TRANSLATE_NOOP("CompletionSchema", "Shell commands of the phase, run in order; the first failure ends the phase."), BS "#build-spec.phases.install.commands"},
    {B, "", "finally", QT_TRANSLATE_NOOP("CompletionSchema", "Commands that run after the phase's commands, even when they fail."), BS "#build-spec.phases.install.finally"},
    {B, "", "reports", QT_TRANSLATE_NOOP("CompletionSchema", "Test and coverage report groups the build publishes."), BS "#reports-buildspec-file"},
    {B, "reports/*", "files", QT_TRANSLATE_NOOP("CompletionSchema", "Report files of the group, relative to its base directory."), BS "#reports-buildspec-file"},
    {B, "reports/*", "file-format", QT_TRANSLATE_NOOP("CompletionSchema", "Format of the report files, e.g. JUNITXML or COBERTURAXML."), BS "#reports-buildspec-file"},
    {B, "", "artifacts", QT_TRANSLATE_NOOP("CompletionSchema", "Files the build hands to the next stage."), BS "#build-spec.artifacts"},
    {B, "", "files", QT_TRANSLATE_NOOP("CompletionSchema", "Files in the artifact: paths and globs relative to the base directory."), BS "#build-spec.artifacts.files"},
    {B, "", "name", QT_TRANSLATE_NOOP("CompletionSchema", "Name of the artifact; may use variables."), BS "#build-spec.artifacts.name"},
    {B, "", "discard-paths", QT_TRANSLATE_NOOP("CompletionSchema", "yes flattens the files into the artifact's root folder."), BS "#build-spec.artifacts.discard-paths"},
    {B, "", "base-directory", QT_TRANSLATE_NOOP("CompletionSchema", "Folder the file paths are relative to, and left out of the artifact."), BS "#build-spec.artifacts.base-directory"},
    {B, "", "exclude-paths", QT_TRANSLATE_NOOP("CompletionSchema", "Paths and globs left out of the artifact."), BS "#build-spec.artifacts.exclude-paths"},
    {B, "", "enable-symlinks", QT_TRANSLATE_NOOP("CompletionSchema", "yes keeps symbolic links in a ZIP artifact."), BS "#build-spec.artifacts.enable-symlinks"},
    {B, "", "s3-prefix", QT_TRANSLATE_NOOP("CompletionSchema", "Prefix of the artifact's location in its S3 bucket."), BS "#build-spec.artifacts.s3-prefix"},
    {B, "", "secondary-artifacts", QT_TRANSLATE_NOOP("CompletionSchema", "Further artifacts of the build, each under its identifier."), BS "#build-spec.artifacts.secondary-artifacts"},
    {B, "", "cache", QT_TRANSLATE_NOOP("CompletionSchema", "Paths kept between builds to make them faster."), BS "#build-spec.cache"},
    {B, "cache", "key", QT_TRANSLATE_NOOP("CompletionSchema", "Key the cache is stored under; may use variables."), BS "#build-spec.cache.key"},
    {B, "cache", "fallback-keys", QT_TRANSLATE_NOOP("CompletionSchema", "Keys tried in order when the cache key has no entry."), BS "#build-spec.cache.fallback-keys"},
    {B, "cache", "action", QT_TRANSLATE_NOOP("CompletionSchema", "restore only reads the cache, save only writes it; both when absent."), BS "#build-spec.cache.action"},
    {B, "cache", "paths", QT_TRANSLATE_NOOP("CompletionSchema", "Paths and globs kept in the cache."), BS "#build-spec.cache.paths"},
    // ---- appspec
    {A, "", "version", QT_TRANSLATE_NOOP("CompletionSchema", "AppSpec version; 0.0 is the only one."), CD "reference-appspec-file-structure-version.html"},
    {A, "", "os", QT_TRANSLATE_NOOP("CompletionSchema", "Operating system of the instances: linux or windows."), CD "reference-appspec-file-structure-os.html"},
    {A, "", "files", QT_TRANSLATE_NOOP("CompletionSchema", "Files copied from the revision to the instance during Install."), CD "reference-appspec-file-structure-files.html"},
    {A, "", "source", QT_TRANSLATE_NOOP("CompletionSchema", "File or folder in the revision, relative to its root; / is everything."), CD "reference-appspec-file-structure-files.html"},
    {A, "", "destination", QT_TRANSLATE_NOOP("CompletionSchema", "Absolute path on the instance the source is copied to."), CD "reference-appspec-file-structure-files.html"},
    {A, "", "file_exists_behavior", QT_TRANSLATE_NOOP("CompletionSchema", "What Install does with files that already exist: DISALLOW, OVERWRITE or RETAIN."), CD "reference-appspec-file-structure-files.html"},
    {A, "", "permissions", QT_TRANSLATE_NOOP("CompletionSchema", "Owner, group and mode applied to installed files."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "object", QT_TRANSLATE_NOOP("CompletionSchema", "Installed file or folder the permissions apply to."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "pattern", QT_TRANSLATE_NOOP("CompletionSchema", "Glob of the names inside object the permissions apply to."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "except", QT_TRANSLATE_NOOP("CompletionSchema", "Names inside object left alone."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "owner", QT_TRANSLATE_NOOP("CompletionSchema", "User that owns the files."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "group", QT_TRANSLATE_NOOP("CompletionSchema", "Group that owns the files."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "mode", QT_TRANSLATE_NOOP("CompletionSchema", "Octal file mode such as \"0644\"; quote it so YAML keeps it a string."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "acls", QT_TRANSLATE_NOOP("CompletionSchema", "Access control list entries applied to the files."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "context", QT_TRANSLATE_NOOP("CompletionSchema", "SELinux security context of the files."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "permissions/context", "user", QT_TRANSLATE_NOOP("CompletionSchema", "SELinux user of the context."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "permissions/context", "range", QT_TRANSLATE_NOOP("CompletionSchema", "SELinux range of the context."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "permissions/context", "type", QT_TRANSLATE_NOOP("CompletionSchema", "SELinux type of the context."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "type", QT_TRANSLATE_NOOP("CompletionSchema", "What the permissions apply to: file, directory or both."), CD "reference-appspec-file-structure-permissions.html"},
    {A, "", "hooks", QT_TRANSLATE_NOOP("CompletionSchema", "Scripts run at lifecycle events, in the deployment's fixed order."), CD "reference-appspec-file-structure-hooks.html"},
    {A, "", "location", QT_TRANSLATE_NOOP("CompletionSchema", "Script in the revision that the hook runs."), CD "reference-appspec-file-structure-hooks.html#appspec-hooks-server"},
    {A, "", "timeout", QT_TRANSLATE_NOOP("CompletionSchema", "Seconds a hook script may run before the deployment fails (at most 3600)."), CD "reference-appspec-file-structure-hooks.html#appspec-hooks-server"},
    {A, "", "runas", QT_TRANSLATE_NOOP("CompletionSchema", "User the hook script runs as."), CD "reference-appspec-file-structure-hooks.html#appspec-hooks-server"},
    {A, "", "BeforeBlockTraffic", QT_TRANSLATE_NOOP("CompletionSchema", "Before the instance is taken out of the load balancer."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "AfterBlockTraffic", QT_TRANSLATE_NOOP("CompletionSchema", "After the instance is taken out of the load balancer."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "ApplicationStop", QT_TRANSLATE_NOOP("CompletionSchema", "Stops the running application; its scripts come from the last deployed revision."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "BeforeInstall", QT_TRANSLATE_NOOP("CompletionSchema", "Before the files are copied: backups, decrypting, preparing."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "AfterInstall", QT_TRANSLATE_NOOP("CompletionSchema", "After the files are copied: configuring, changing permissions."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "ApplicationStart", QT_TRANSLATE_NOOP("CompletionSchema", "Starts the application and its services."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "ValidateService", QT_TRANSLATE_NOOP("CompletionSchema", "Checks that the deployment worked."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "BeforeAllowTraffic", QT_TRANSLATE_NOOP("CompletionSchema", "Before the instance is put back into the load balancer."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "AfterAllowTraffic", QT_TRANSLATE_NOOP("CompletionSchema", "After the instance is put back into the load balancer."), CD "reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-list"},
    {A, "", "Resources", QT_TRANSLATE_NOOP("CompletionSchema", "The Lambda function or ECS service the deployment updates."), CD "reference-appspec-file-structure-resources.html"},
    {A, "", "Type", QT_TRANSLATE_NOOP("CompletionSchema", "Resource type: AWS::Lambda::Function or AWS::ECS::Service."), CD "reference-appspec-file-structure-resources.html"},
    {A, "", "Properties", QT_TRANSLATE_NOOP("CompletionSchema", "Properties of the resource being deployed."), CD "reference-appspec-file-structure-resources.html"},
    // ---- workspace
    {W, "", "version", QT_TRANSLATE_NOOP("CompletionSchema", "Workspace file version; 1."), "https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts.html"},
    {W, "", "projects", QT_TRANSLATE_NOOP("CompletionSchema", "Local stand-ins for CodeBuild projects."), CB "working-with-build-projects.html"},
    {W, "", "buildspec", QT_TRANSLATE_NOOP("CompletionSchema", "Buildspec of the project, relative to the workspace root."), CB "build-spec-ref.html#build-spec-ref-name-storage"},
    {W, "projects/*", "source", QT_TRANSLATE_NOOP("CompletionSchema", "Folder built as the primary source."), CB "working-with-build-projects.html"},
    {W, "", "secondary-sources", QT_TRANSLATE_NOOP("CompletionSchema", "Further source folders by identifier, exposed as CODEBUILD_SRC_DIR_<id>."), CB "sample-multi-in-out.html"},
    {W, "", "environment", QT_TRANSLATE_NOOP("CompletionSchema", "Project variables; they win over the buildspec's."), CB "build-env-ref-env-vars.html"},
    {W, "", "variables", QT_TRANSLATE_NOOP("CompletionSchema", "Environment variables, NAME: value."), CB "build-env-ref-env-vars.html"},
    {W, "", "timeout-minutes", QT_TRANSLATE_NOOP("CompletionSchema", "Build timeout in minutes (default 60)."), CB "working-with-build-projects.html"},
    {W, "", "in-place", QT_TRANSLATE_NOOP("CompletionSchema", "true builds in the source folder instead of a copy."), CB "working-with-build-projects.html"},
    {W, "", "sources", QT_TRANSLATE_NOOP("CompletionSchema", "Local stand-ins for source repositories, by the name a source action uses."), "https://docs.aws.amazon.com/codepipeline/latest/userguide/integrations-action-type.html#integrations-source"},
    {W, "", "git", QT_TRANSLATE_NOOP("CompletionSchema", "A local git repository standing in for the source."), "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html"},
    {W, "", "branch", QT_TRANSLATE_NOOP("CompletionSchema", "Branch to check out; default the action's BranchName."), "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html"},
    {W, "sources/*", "path", QT_TRANSLATE_NOOP("CompletionSchema", "A file or folder standing in for an S3 object."), "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-S3.html"},
    {W, "", "applications", QT_TRANSLATE_NOOP("CompletionSchema", "CodeDeploy applications, by the name a deploy action uses."), CD "applications.html"},
    {W, "", "deployment-groups", QT_TRANSLATE_NOOP("CompletionSchema", "Deployment groups of the application: where and how it deploys."), CD "deployment-groups.html"},
    {W, "", "config", QT_TRANSLATE_NOOP("CompletionSchema", "Deployment configuration: how many instances deploy at once."), CD "deployment-configurations.html"},
    {W, "", "minimum-healthy-hosts", QT_TRANSLATE_NOOP("CompletionSchema", "Instances that must stay healthy during a custom deployment."), CD "instances-health.html#minimum-healthy-hosts"},
    {W, "", "value", QT_TRANSLATE_NOOP("CompletionSchema", "Number or percentage of healthy instances."), CD "instances-health.html#minimum-healthy-hosts"},
    {W, "", "style", QT_TRANSLATE_NOOP("CompletionSchema", "in-place updates the instances; blue-green deploys to replacements."), CD "welcome.html#welcome-deployment-overview"},
    {W, "", "instances", QT_TRANSLATE_NOOP("CompletionSchema", "The instances of the group: name, kind and port."), CD "instances.html"},
    {W, "", "name", QT_TRANSLATE_NOOP("CompletionSchema", "Name of the instance."), CD "instances.html"},
    {W, "", "kind", QT_TRANSLATE_NOOP("CompletionSchema", "sandbox puts files under .pipewright/state; host deploys to real paths."), CD "instances.html"},
    {W, "", "port", QT_TRANSLATE_NOOP("CompletionSchema", "Loopback port the service (or the router) listens on."), CD "integrations-aws-elastic-load-balancing.html"},
    {W, "", "load-balancer", QT_TRANSLATE_NOOP("CompletionSchema", "Local router in front of the instances; enables the traffic hooks."), CD "integrations-aws-elastic-load-balancing.html"},
    {W, "", "health-check", QT_TRANSLATE_NOOP("CompletionSchema", "How the router checks that an instance is healthy."), "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html"},
    {W, "", "path", QT_TRANSLATE_NOOP("CompletionSchema", "HTTP path the health check requests."), "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html"},
    {W, "", "expected-status", QT_TRANSLATE_NOOP("CompletionSchema", "HTTP status a healthy instance answers."), "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html"},
    {W, "", "interval-seconds", QT_TRANSLATE_NOOP("CompletionSchema", "Seconds between checks or traffic shifts."), "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html"},
    {W, "", "healthy-threshold", QT_TRANSLATE_NOOP("CompletionSchema", "Passed checks in a row before an instance counts as healthy."), "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html"},
    {W, "", "unhealthy-threshold", QT_TRANSLATE_NOOP("CompletionSchema", "Failed checks in a row before an instance counts as unhealthy."), "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html"},
    {W, "", "blue-green", QT_TRANSLATE_NOOP("CompletionSchema", "Replacement fleet and traffic shifting of a blue/green group."), CD "welcome.html#welcome-deployment-overview-blue-green"},
    {W, "", "replacement-instances", QT_TRANSLATE_NOOP("CompletionSchema", "The green fleet the new revision is deployed to."), CD "welcome.html#welcome-deployment-overview-blue-green"},
    {W, "", "traffic", QT_TRANSLATE_NOOP("CompletionSchema", "How traffic moves to the green fleet: all-at-once, canary or linear."), CD "deployment-configurations.html"},
    {W, "", "type", QT_TRANSLATE_NOOP("CompletionSchema", "all-at-once, canary or linear; for healthy hosts FLEET_PERCENT or HOST_COUNT."), CD "deployment-configurations.html"},
    {W, "", "percent", QT_TRANSLATE_NOOP("CompletionSchema", "Share of traffic moved in each step."), CD "deployment-configurations.html"},
    {W, "", "on-ready", QT_TRANSLATE_NOOP("CompletionSchema", "continue shifts traffic at once; wait holds until you approve."), CD "deployment-groups-create-blue-green.html"},
    {W, "", "original-instances", QT_TRANSLATE_NOOP("CompletionSchema", "keep-alive keeps the blue fleet after the shift; terminate removes it."), CD "deployment-groups-create-blue-green.html"},
    {W, "", "termination-wait-seconds", QT_TRANSLATE_NOOP("CompletionSchema", "Seconds before the blue fleet is terminated."), CD "deployment-groups-create-blue-green.html"},
    {W, "", "auto-rollback", QT_TRANSLATE_NOOP("CompletionSchema", "Roll back automatically when the deployment fails or an alarm fires."), CD "deployments-rollback-and-redeploy.html"},
    {W, "", "enabled", QT_TRANSLATE_NOOP("CompletionSchema", "Whether automatic rollback is on."), CD "deployments-rollback-and-redeploy.html"},
    {W, "", "events", QT_TRANSLATE_NOOP("CompletionSchema", "Events that trigger a rollback, e.g. DEPLOYMENT_FAILURE."), CD "deployments-rollback-and-redeploy.html"},
    {W, "", "alarm", QT_TRANSLATE_NOOP("CompletionSchema", "Error-rate alarm measured at the router; stops the deployment."), CD "monitoring-create-alarms.html"},
    {W, "", "max-error-rate", QT_TRANSLATE_NOOP("CompletionSchema", "Share of 5xx answers over the window that raises the alarm."), CD "monitoring-create-alarms.html"},
    {W, "", "window-seconds", QT_TRANSLATE_NOOP("CompletionSchema", "Seconds over which the error rate is measured."), CD "monitoring-create-alarms.html"},
    {W, "", "ignore-application-stop-failures", QT_TRANSLATE_NOOP("CompletionSchema", "true lets a failing ApplicationStop script pass."), CD "deployments-rollback-and-redeploy.html"},
    {W, "", "file-exists-behavior", QT_TRANSLATE_NOOP("CompletionSchema", "Default for files that already exist when the appspec sets none."), CD "reference-appspec-file-structure-files.html"},
    {W, "", "keep-revisions", QT_TRANSLATE_NOOP("CompletionSchema", "Revisions kept per group for rollbacks."), CD "deployments-rollback-and-redeploy.html"},
    {W, "", "secrets", QT_TRANSLATE_NOOP("CompletionSchema", "Where parameter-store and secrets-manager names resolve locally."), BS "#build-spec.env.secrets-manager"},
    {W, "secrets", "file", QT_TRANSLATE_NOOP("CompletionSchema", "NAME=VALUE file outside the repository with the secret values."), BS "#build-spec.env.secrets-manager"},
    {W, "secrets", "environment", QT_TRANSLATE_NOOP("CompletionSchema", "true also takes secret values from the process environment."), BS "#build-spec.env.secrets-manager"},
    // ---- pipeline (the designer is its form; these help the text view)
    {P, "", "stages", QT_TRANSLATE_NOOP("CompletionSchema", "Stages run one after another; actions in a stage run by runOrder."), "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html"},
};
// clang-format on

bool scopeMatches(const char* scope, const QStringList& path) {
    const QStringList parts = QString::fromLatin1(scope).split(u'/', Qt::SkipEmptyParts);
    if (parts.size() > path.size())
        return false;
    const int offset = int(path.size() - parts.size());  // a scope matches the path's end
    for (int i = 0; i < parts.size(); ++i)
        if (parts[i] != QLatin1String("*") && parts[i] != path[offset + i])
            return false;
    return true;
}

const KeyDoc* findDoc(SpecKind kind, const QStringList& path, const QString& key) {
    const KeyDoc* fallback = nullptr;
    for (const KeyDoc& doc : kKeyDocs) {
        if (doc.kind != kind || key != QLatin1String(doc.key))
            continue;
        if (*doc.scope && scopeMatches(doc.scope, path))
            return &doc;
        if (!*doc.scope && !fallback)
            fallback = &doc;
    }
    return fallback;
}

}  // namespace

QString CompletionSchema::keyHelp(SpecKind kind, const QStringList& path, const QString& key) {
    const KeyDoc* doc = findDoc(kind, path, key);
    return doc ? tr(doc->help) : QString();
}

QString CompletionSchema::keyHelp(SpecKind kind, const QString& key) {
    return keyHelp(kind, {}, key);
}

QString CompletionSchema::keyDocUrl(SpecKind kind, const QStringList& path, const QString& key) {
    const KeyDoc* doc = findDoc(kind, path, key);
    return doc ? QString::fromLatin1(doc->url) : QString();
}

QString CompletionSchema::keyToolTip(SpecKind kind, const QStringList& path, const QString& key) {
    const KeyDoc* doc = findDoc(kind, path, key);
    if (!doc)
        return {};
    return QStringLiteral("<b>%1</b> — %2<br/><a href=\"%3\">%4</a>")
        .arg(key.toHtmlEscaped(), tr(doc->help).toHtmlEscaped(), QLatin1String(doc->url),
             tr("AWS documentation"));
}

}  // namespace pw
