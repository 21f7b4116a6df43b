#include "deploymentsetup.h"

#include "deploy/workspacerevision.h"

#include "deploy/deploymentengine.h"
#include "deploy/deploymentstore.h"
#include "deploy/revisionappspec.h"
#include "store/historystore.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace pw {

namespace {

void fail(DeploymentSetup& s, const char* code, const QString& message) {
    s.errorCode = QLatin1StringView(code);
    s.errorMessage = message;
}

std::optional<DeploymentConfig> resolveConfig(const DeploymentRequest& request,
                                              const WorkspaceDeploymentGroup& group,
                                              QString* error) {
    const QString name = request.configName.isEmpty() ? group.config : request.configName;
    if (request.configName.isEmpty() && group.customConfig) {
        const auto type = minimumHealthyTypeFromName(group.customConfig->type);
        DeploymentConfig config = DeploymentConfig::custom(
            QStringLiteral("Custom.%1.%2")
                .arg(group.customConfig->type)
                .arg(group.customConfig->value),
            type.value_or(MinimumHealthyType::HostCount), group.customConfig->value);
        if (auto e = config.definitionError()) {
            *error = e->message;
            return std::nullopt;
        }
        return config;
    }
    if (name.isEmpty())
        return DeploymentConfig::oneAtATime();
    if (auto config = DeploymentConfig::predefined(name))
        return config;
    *error = QStringLiteral(
                 "No deployment configuration named %1: use CodeDeployDefault.OneAtATime, "
                 ".HalfAtATime, .AllAtOnce or a custom minimum-healthy-hosts in "
                 "workspace.yml.")
                 .arg(name);
    return std::nullopt;
}

QString absolute(const QString& root, const QString& path) {
    return QFileInfo(path).isAbsolute() ? path : QDir(root).absoluteFilePath(path);
}

// The revision the request names, imported into the store.
void resolveRevision(const DeploymentRequest& request, DeploymentSetup& s) {
    RevisionStore store(s.stateDir);
    const int given = int(!request.revisionPath.isEmpty()) + int(!request.buildId.isEmpty()) +
                      int(!request.redeployRevisionId.isEmpty()) + int(request.rollback);
    if (given != 1)
        return fail(s, "REVISION_MISSING",
                    QStringLiteral("Give exactly one of a revision path, a build id, a kept "
                                   "revision to redeploy, or a rollback."));
    QString id;
    if (request.rollback) {
        const auto target = DeploymentSetup::rollbackTarget(
            s.stateDir, s.group.name, s.rolledBack ? &*s.rolledBack : nullptr);
        if (!target)
            return fail(s, "REVISION_MISSING",
                        DeploymentSetup::cannotRollBackMessage(s.group.name));
        id = *target;
        s.revisionSource = QStringLiteral("revision:") + id;
    } else if (!request.redeployRevisionId.isEmpty()) {
        id = request.redeployRevisionId;
        s.revisionSource = QStringLiteral("revision:") + id;
    }
    if (!id.isEmpty()) {
        if (!store.contains(id))
            return fail(s, "REVISION_MISSING",
                        QStringLiteral("Revision %1 is not kept by the revision store.").arg(id));
        s.revision = StoredRevision{id, store.revisionPath(id)};
        return;
    }
    QString source = absolute(request.workspaceRoot, request.revisionPath);
    s.revisionSource = request.revisionPath;
    if (!request.buildId.isEmpty()) {
        s.revisionSource = QStringLiteral("build:") + request.buildId;
        HistoryStore history(s.stateDir);
        std::optional<BuildResult> build =
            history.open() ? history.build(request.buildId) : std::nullopt;
        source.clear();
        for (const ArtifactRecord& a : build ? build->artifacts : QList<ArtifactRecord>())
            if (a.primary)
                source = a.path;
        if (source.isEmpty())
            return fail(s, "REVISION_MISSING",
                        QStringLiteral("Build %1 has no primary artifact in the history.")
                            .arg(request.buildId));
    }
    // The workspace itself: a copy without .git and .pipewright (which holds the store).
    QTemporaryDir staged;
    if (QDir(source) == QDir(request.workspaceRoot)) {
        if (const QString error = stageWorkspaceFolder(source, staged.path()); !error.isEmpty())
            return fail(s, "INVALID_REVISION", error);
        source = staged.path();
    }
    RevisionImport imported = store.import(source);
    if (!imported.revision)
        return fail(s, "INVALID_REVISION", imported.error);
    s.revision = imported.revision;
}

}  // namespace

QString DeploymentSetup::defaultStateDir(const QString& workspaceRoot) {
    return QDir(workspaceRoot).absoluteFilePath(QStringLiteral(".pipewright/state"));
}

QString DeploymentSetup::cannotRollBackMessage(const QString& group) {
    return QStringLiteral(
               "The deployment can't be rolled back: deployment group %1 has no "
               "earlier successful revision.")
        .arg(group);
}

bool DeploymentSetup::reroutes() const {
    return rolledBack && rolledBack->style == u"blue-green" && rolledBack->status != u"Succeeded" &&
           group.blueGreen.has_value();
}

std::optional<WorkspaceDeploymentGroup> DeploymentSetup::findGroup(const QString& root,
                                                                   const QString& application,
                                                                   const QString& group,
                                                                   QString* code,
                                                                   QString* message) {
    const QString path = root + QStringLiteral("/.pipewright/workspace.yml");
    if (!QFileInfo::exists(path) && group == u"default") {
        WorkspaceDeploymentGroup implicit;
        implicit.name = group;
        implicit.instances.append({QStringLiteral("default"), InstanceKind::Sandbox, 0, {}});
        return implicit;
    }
    const WorkspaceParseResult parsed = parseWorkspace(YamlDocument::loadFile(path));
    const WorkspaceApplication* app = parsed.workspace.application(application);
    if (!app) {
        *code = QStringLiteral("APPLICATION_MISSING");
        *message = QStringLiteral("Application %1 is not bound in %2.").arg(application, path);
        return std::nullopt;
    }
    const WorkspaceDeploymentGroup* found = app->group(group);
    if (!found) {
        *code = QStringLiteral("DEPLOYMENT_GROUP_MISSING");
        *message = QStringLiteral("Deployment group %1 of application %2 is not bound in %3.")
                       .arg(group, application, path);
        return std::nullopt;
    }
    return *found;
}

std::optional<QString> DeploymentSetup::rollbackTarget(const QString& stateDir,
                                                       const QString& group,
                                                       const DeploymentState* rolledBack) {
    const QList<RevisionRecord> history = RevisionStore(stateDir).history(group);
    const bool undoSuccess = rolledBack && rolledBack->status == u"Succeeded";
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        if (!it->succeeded || (rolledBack && it->deploymentId == rolledBack->deploymentId))
            continue;
        if (undoSuccess && it->revisionId == rolledBack->revisionId)
            continue;
        if (RevisionStore(stateDir).contains(it->revisionId))
            return it->revisionId;
    }
    return std::nullopt;
}

DeploymentSetup DeploymentSetup::prepare(const DeploymentRequest& request) {
    DeploymentSetup s;
    s.stateDir =
        request.stateDir.isEmpty() ? defaultStateDir(request.workspaceRoot) : request.stateDir;
    auto group = findGroup(request.workspaceRoot, request.application, request.group, &s.errorCode,
                           &s.errorMessage);
    if (!group)
        return s;
    s.group = *group;
    if (s.group.instances.isEmpty()) {
        fail(s, "NO_INSTANCES",
             QStringLiteral("Deployment group %1 has no instances.").arg(s.group.name));
        return s;
    }
    QString configError;
    s.config = resolveConfig(request, s.group, &configError);
    if (!s.config) {
        fail(s, "DEPLOYMENT_CONFIG_DOES_NOT_EXIST", configError);
        return s;
    }
    if (request.rollback) {
        DeploymentStore store(s.stateDir);
        if (store.open()) {
            const QString of = request.rollbackOf;
            if (!of.isEmpty())
                s.rolledBack = store.deployment(of);
            else if (auto list = store.deployments(request.application, request.group);
                     !list.isEmpty())
                s.rolledBack = list.first();
        }
    }
    resolveRevision(request, s);
    if (!s.ok())
        return s;
    const RevisionAppspec appspec = RevisionAppspec::load(s.revision->path);
    if (!appspec.spec) {
        fail(s, "INVALID_REVISION", appspec.error);
        return s;
    }
    s.appspec = appspec.spec;
    return s;
}

}  // namespace pw
