#include "workspacebindings.h"

#include "diagnosticsink.h"
#include "pipeline.h"
#include "workspace.h"

namespace pw {

namespace {

const QString kNotBound =
    QStringLiteral(" is not bound in .pipewright/workspace.yml; the action cannot run locally");

class BindingChecker {
public:
    BindingChecker(const Workspace& ws, const Pipeline& p) : m_ws(ws), m_p(p) {}

    Diagnostics run();

private:
    void warn(const Mark& at, const char* rule, QString message, const QString& name,
              const QStringList& known);
    void checkProject(const PipelineAction& a);
    void checkDeployment(const PipelineAction& a);
    void checkSource(const PipelineAction& a);
    const PipelineConfigEntry* named(const PipelineAction& a, QStringView key) const;

    const Workspace& m_ws;
    const Pipeline& m_p;
    Diagnostics m_out;
};

void BindingChecker::warn(const Mark& at, const char* rule, QString message, const QString& name,
                          const QStringList& known) {
    const QString match = closestMatch(name, known);
    if (!match.isEmpty())
        message += QStringLiteral("; did you mean '%1'?").arg(match);
    Diagnostic d;
    d.severity = Severity::Warning;
    d.file = m_p.file;
    d.line = at.line;
    d.column = at.column;
    d.rule = QLatin1String(rule);
    d.message = message;
    m_out << d;
}

// A configuration entry with a literal, non-empty value; intrinsic functions are unknowable.
const PipelineConfigEntry* BindingChecker::named(const PipelineAction& a, QStringView key) const {
    const PipelineConfigEntry* e = a.config(key);
    return e && !e->value.opaque && !e->value.isEmpty() ? e : nullptr;
}

Diagnostics BindingChecker::run() {
    for (const PipelineStage& stage : m_p.stages)
        for (const PipelineAction& a : stage.actions) {
            if (a.provider.text == QLatin1String("CodeBuild"))
                checkProject(a);
            else if (a.provider.text == QLatin1String("CodeDeploy"))
                checkDeployment(a);
            else if (a.category.text == QLatin1String("Source"))
                checkSource(a);
        }
    return m_out;
}

void BindingChecker::checkProject(const PipelineAction& a) {
    const PipelineConfigEntry* e = named(a, u"ProjectName");
    if (!e || m_ws.project(e->value.text))
        return;
    QStringList known;
    for (const WorkspaceProject& p : m_ws.projects)
        known << p.name;
    warn(e->value.mark, "workspace-unbound-project",
         QStringLiteral("CodeBuild project '%1'").arg(e->value.text) + kNotBound, e->value.text,
         known);
}

void BindingChecker::checkDeployment(const PipelineAction& a) {
    const PipelineConfigEntry* app = named(a, u"ApplicationName");
    if (!app)
        return;
    const WorkspaceApplication* bound = m_ws.application(app->value.text);
    if (!bound) {
        QStringList known;
        for (const WorkspaceApplication& w : m_ws.applications)
            known << w.name;
        warn(app->value.mark, "workspace-unbound-application",
             QStringLiteral("CodeDeploy application '%1'").arg(app->value.text) + kNotBound,
             app->value.text, known);
        return;
    }
    const PipelineConfigEntry* group = named(a, u"DeploymentGroupName");
    if (!group || bound->group(group->value.text))
        return;
    QStringList known;
    for (const WorkspaceDeploymentGroup& g : bound->deploymentGroups)
        known << g.name;
    warn(group->value.mark, "workspace-unbound-application",
         QStringLiteral("deployment group '%1' of application '%2'")
                 .arg(group->value.text, app->value.text) +
             kNotBound,
         group->value.text, known);
}

void BindingChecker::checkSource(const PipelineAction& a) {
    const QString name = sourceBindingName(a);
    if (name.isEmpty() || m_ws.source(name))
        return;
    Mark at = a.mark;
    for (const char* key : {"RepositoryName", "FullRepositoryId", "Repo", "S3ObjectKey"})
        if (const PipelineConfigEntry* e = named(a, QString::fromLatin1(key)))
            at = e->value.mark;
    QStringList known;
    for (const WorkspaceSource& s : m_ws.sources)
        known << s.name;
    warn(at, "workspace-unbound-source", QStringLiteral("source '%1'").arg(name) + kNotBound, name,
         known);
}

}  // namespace

QString sourceBindingName(const PipelineAction& a) {
    const auto literal = [&a](const char* key) {
        const PipelineConfigEntry* e = a.config(QString::fromLatin1(key));
        return e && !e->value.opaque ? e->value.text : QString();
    };
    for (const char* key : {"RepositoryName", "FullRepositoryId"})
        if (!literal(key).isEmpty())
            return literal(key);
    if (!literal("Owner").isEmpty() && !literal("Repo").isEmpty())
        return literal("Owner") + QLatin1Char('/') + literal("Repo");
    if (!literal("S3Bucket").isEmpty() && !literal("S3ObjectKey").isEmpty())
        return literal("S3Bucket") + QLatin1Char('/') + literal("S3ObjectKey");
    return {};
}

Diagnostics checkWorkspaceBindings(const Workspace& workspace, const Pipeline& pipeline) {
    return BindingChecker(workspace, pipeline).run();
}

}  // namespace pw
