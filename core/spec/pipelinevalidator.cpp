#include "pipelinevalidator.h"

#include "diagnosticsink.h"
#include "pipeline.h"
#include "rules.h"

#include <QRegularExpression>
#include <QSet>
#include <map>

namespace pw {

namespace {

const RuleInfo kRules[] = {
    {"pipeline-not-found", Severity::Error,
     "The document holds no CodePipeline declaration or AWS::CodePipeline::Pipeline resource"},
    {"pipeline-bare-declaration", Severity::Warning,
     "A pipeline declaration without the {\"pipeline\": ...} wrapper that create-pipeline expects"},
    {"pipeline-unknown-key", Severity::Error,
     "A key the pipeline structure does not define (with \"did you mean\")"},
    {"pipeline-type", Severity::Error,
     "A value has the wrong type (mapping, list, string or integer expected)"},
    {"pipeline-missing-key", Severity::Error,
     "A required key is missing (name, roleArn, stages, actions, actionTypeId fields, artifact "
     "name)"},
    {"pipeline-artifact-store", Severity::Error,
     "A pipeline needs exactly one of artifactStore and artifactStores"},
    {"pipeline-invalid-name", Severity::Error,
     "Pipeline, stage and action names match [A-Za-z0-9.@_-]{1,100}"},
    {"pipeline-placeholder", Severity::Warning,
     "A name is a documentation placeholder like <my-pipeline-name>"},
    {"pipeline-invalid-value", Severity::Error,
     "pipelineType is V1 or V2; executionMode is QUEUED, SUPERSEDED or PARALLEL"},
    {"pipeline-stage-count", Severity::Error, "A pipeline has at least two stages"},
    {"pipeline-empty-stage", Severity::Error, "A stage has at least one action"},
    {"pipeline-duplicate-stage", Severity::Error, "Stage names are unique within the pipeline"},
    {"pipeline-duplicate-action", Severity::Error, "Action names are unique within a stage"},
    {"pipeline-run-order", Severity::Error, "runOrder is an integer from 1 to 999"},
    {"pipeline-source-stage", Severity::Error,
     "The first stage holds only Source actions, and only the first stage does"},
    {"pipeline-unknown-category", Severity::Error,
     "Action category is Source, Build, Test, Deploy, Approval, Invoke or Compute"},
    {"pipeline-unknown-owner", Severity::Error, "Action owner is AWS, ThirdParty or Custom"},
    {"pipeline-unknown-provider", Severity::Error,
     "The provider is not a known provider for the action's owner and category"},
    {"pipeline-invalid-version", Severity::Error, "Action type version matches [0-9A-Za-z_-]{1,9}"},
    {"pipeline-artifact-count", Severity::Error,
     "Input/output artifact counts are within what the action type allows"},
    {"pipeline-input-artifact", Severity::Error,
     "Every input artifact is produced by an earlier action (earlier stage or lower runOrder)"},
    {"pipeline-duplicate-artifact", Severity::Error,
     "No output artifact name is produced twice in a pipeline"},
    {"pipeline-missing-configuration", Severity::Error,
     "A configuration key the provider requires is missing"},
};

// Artifact bounds from the AWS "Valid input and output artifacts for each action type" table,
// completed from each provider's action reference page; required keys from the same pages.
struct ActionType {
    const char* category;
    const char* provider;
    int minIn, maxIn, minOut, maxOut;
    const char* required;  // space-separated configuration keys
};

const ActionType kActionTypes[] = {
    {"Source", "S3", 0, 0, 1, 1, "S3Bucket S3ObjectKey"},
    {"Source", "CodeCommit", 0, 0, 1, 1, "RepositoryName BranchName"},
    {"Source", "ECR", 0, 0, 1, 1, "RepositoryName"},
    {"Source", "CodeStarSourceConnection", 0, 0, 1, 1, "ConnectionArn FullRepositoryId BranchName"},
    {"Source", "GitHub", 0, 0, 1, 1, "Owner Repo Branch OAuthToken"},
    {"Source", "Bitbucket", 0, 0, 1, 1, ""},
    {"Build", "CodeBuild", 1, 5, 0, 5, "ProjectName"},
    {"Build", "ECRBuildAndPublish", 0, 1, 0, 0, "ECRRepositoryName"},
    {"Build", "Commands", 1, 10, 0, 1, ""},
    {"Build", "Jenkins", 0, 5, 0, 5, ""},
    {"Test", "CodeBuild", 1, 5, 0, 5, "ProjectName"},
    {"Test", "DeviceFarm", 1, 1, 0, 0, "ProjectId DevicePoolArn AppType"},
    {"Test", "Jenkins", 0, 5, 0, 5, ""},
    {"Approval", "Manual", 0, 0, 0, 0, ""},
    {"Deploy", "S3", 1, 1, 0, 0, "BucketName Extract"},
    {"Deploy", "CloudFormation", 0, 10, 0, 1, "ActionMode StackName"},
    {"Deploy", "CloudFormationStackSet", 1, 10, 0, 0, "StackSetName"},
    {"Deploy", "CloudFormationStackInstances", 0, 10, 0, 0, "StackSetName"},
    {"Deploy", "CodeDeploy", 1, 1, 0, 0, "ApplicationName DeploymentGroupName"},
    {"Deploy", "CodeDeployToECS", 1, 3, 0, 0, "ApplicationName DeploymentGroupName"},
    {"Deploy", "ECS", 1, 1, 0, 0, "ClusterName ServiceName"},
    {"Deploy", "ElasticBeanstalk", 1, 1, 0, 0, "ApplicationName EnvironmentName"},
    {"Deploy", "OpsWorks", 1, 1, 0, 0, "Stack"},
    {"Deploy", "ServiceCatalog", 1, 1, 0, 0, "ProductId"},
    {"Deploy", "AppConfig", 1, 1, 0, 0, "Application Environment ConfigurationProfile"},
    {"Deploy", "EKS", 1, 1, 0, 0, "ClusterName"},
    {"Deploy", "EC2", 1, 1, 0, 0, ""},
    {"Deploy", "AlexaSkillsKit", 1, 2, 0, 0, "ClientId ClientSecret RefreshToken SkillId"},
    {"Invoke", "Lambda", 0, 5, 0, 5, "FunctionName"},
    {"Invoke", "StepFunctions", 0, 1, 0, 1, "StateMachineArn"},
    {"Invoke", "InspectorScan", 0, 1, 0, 1, ""},
};

// Custom actions declare their own bounds; AWS caps them at five.
const ActionType kCustomType = {"", "", 0, 5, 0, 5, ""};

const QStringList kCategories = {QStringLiteral("Source"),   QStringLiteral("Build"),
                                 QStringLiteral("Test"),     QStringLiteral("Deploy"),
                                 QStringLiteral("Approval"), QStringLiteral("Invoke"),
                                 QStringLiteral("Compute")};
const QStringList kOwners = {QStringLiteral("AWS"), QStringLiteral("ThirdParty"),
                             QStringLiteral("Custom")};

const ActionType* findActionType(const QString& category, const QString& provider) {
    for (const ActionType& t : kActionTypes)
        if (category == QLatin1String(t.category) && provider == QLatin1String(t.provider))
            return &t;
    return nullptr;
}

QStringList providersOf(const QString& category) {
    QStringList out;
    for (const ActionType& t : kActionTypes)
        if (category == QLatin1String(t.category))
            out << QLatin1String(t.provider);
    return out;
}

QString withSuggestion(QString message, const QString& word, const QStringList& candidates) {
    const QString match = closestMatch(word, candidates);
    if (!match.isEmpty())
        message += QStringLiteral("; did you mean '%1'?").arg(match);
    return message;
}

bool validName(const PipelineValue& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9.@_-]{1,100}$"));
    return name.opaque || re.match(name.text).hasMatch();
}

// Documentation examples write "<my-pipeline-name>" for the reader to fill in.
bool isPlaceholder(const QString& text) {
    return text.size() > 2 && text.startsWith(QLatin1Char('<')) && text.endsWith(QLatin1Char('>'));
}

class PipelineChecker {
public:
    PipelineChecker(const YamlDocument& doc, const Pipeline& pipeline)
        : m_doc(doc), m_p(pipeline) {}

    Diagnostics run();

private:
    void report(const Mark& at, const char* rule, const QString& message,
                Severity s = Severity::Error) {
        m_out << m_doc.diagnosticAt(at, s, QLatin1String(rule), message);
    }
    void checkName(const PipelineValue& name, const char* what);
    void checkPipelineFields();
    void checkStages();
    void checkAction(const PipelineAction& action, int stageIndex);
    void checkActionType(const PipelineAction& action);
    void checkBounds(const PipelineAction& action, const ActionType& type);
    void checkConfiguration(const PipelineAction& action, const ActionType& type);
    void checkArtifactFlow();

    const YamlDocument& m_doc;
    const Pipeline& m_p;
    Diagnostics m_out;
};

Diagnostics PipelineChecker::run() {
    checkPipelineFields();
    checkStages();
    checkArtifactFlow();
    return m_out;
}

void PipelineChecker::checkName(const PipelineValue& name, const char* what) {
    if (name.isEmpty() || validName(name))
        return;
    if (isPlaceholder(name.text))
        report(name.mark, "pipeline-placeholder",
               QStringLiteral("%1 name '%2' is a placeholder to fill in")
                   .arg(QLatin1String(what), name.text),
               Severity::Warning);
    else
        report(name.mark, "pipeline-invalid-name",
               QStringLiteral("%1 name '%2' must match [A-Za-z0-9.@_-]{1,100}")
                   .arg(QLatin1String(what), name.text));
}

void PipelineChecker::checkPipelineFields() {
    checkName(m_p.name, "pipeline");
    const PipelineValue& type = m_p.pipelineType;
    if (!type.isEmpty() && !type.opaque && type.text != QLatin1String("V1") &&
        type.text != QLatin1String("V2"))
        report(type.mark, "pipeline-invalid-value",
               QStringLiteral("pipelineType '%1' is not V1 or V2").arg(type.text));
    static const QStringList modes = {QStringLiteral("QUEUED"), QStringLiteral("SUPERSEDED"),
                                      QStringLiteral("PARALLEL")};
    const PipelineValue& mode = m_p.executionMode;
    if (!mode.isEmpty() && !mode.opaque && !modes.contains(mode.text))
        report(mode.mark, "pipeline-invalid-value",
               withSuggestion(
                   QStringLiteral("executionMode '%1' is not QUEUED, SUPERSEDED or PARALLEL")
                       .arg(mode.text),
                   mode.text, modes));
}

void PipelineChecker::checkStages() {
    if (m_p.stages.size() == 1)
        report(m_p.stages.front().mark, "pipeline-stage-count",
               QStringLiteral("a pipeline needs at least two stages; this one has one"));
    QSet<QString> stageNames;
    for (int i = 0; i < m_p.stages.size(); ++i) {
        const PipelineStage& stage = m_p.stages[i];
        checkName(stage.name, "stage");
        if (!stage.name.opaque && !stage.name.isEmpty()) {
            if (stageNames.contains(stage.name.text))
                report(stage.name.mark, "pipeline-duplicate-stage",
                       QStringLiteral("stage name '%1' is used twice").arg(stage.name.text));
            stageNames.insert(stage.name.text);
        }
        if (stage.actions.isEmpty())
            report(stage.mark, "pipeline-empty-stage",
                   QStringLiteral("stage '%1' has no actions").arg(stage.name.text));
        QSet<QString> actionNames;
        for (const PipelineAction& action : stage.actions) {
            if (!action.name.opaque && !action.name.isEmpty()) {
                if (actionNames.contains(action.name.text))
                    report(action.name.mark, "pipeline-duplicate-action",
                           QStringLiteral("action name '%1' is used twice in stage '%2'")
                               .arg(action.name.text, stage.name.text));
                actionNames.insert(action.name.text);
            }
            checkAction(action, i);
        }
    }
}

void PipelineChecker::checkAction(const PipelineAction& action, int stageIndex) {
    checkName(action.name, "action");
    if (action.runOrderMark.isValid() && (action.runOrder < 1 || action.runOrder > 999))
        report(action.runOrderMark, "pipeline-run-order",
               QStringLiteral("runOrder %1 is outside 1..999").arg(action.runOrder));
    const bool isSource = action.category.text == QLatin1String("Source");
    if (!action.category.opaque && !action.category.isEmpty()) {
        if (stageIndex == 0 && !isSource)
            report(
                action.category.mark, "pipeline-source-stage",
                QStringLiteral("the first stage may hold only Source actions; '%1' is a %2 action")
                    .arg(action.name.text, action.category.text));
        if (stageIndex > 0 && isSource)
            report(action.category.mark, "pipeline-source-stage",
                   QStringLiteral("Source action '%1' must be in the first stage")
                       .arg(action.name.text));
    }
    checkActionType(action);
}

void PipelineChecker::checkActionType(const PipelineAction& a) {
    static const QRegularExpression versionRe(QStringLiteral("^[0-9A-Za-z_-]{1,9}$"));
    if (a.version.mark.isValid() && !a.version.opaque &&
        !versionRe.match(a.version.text).hasMatch())
        report(a.version.mark, "pipeline-invalid-version",
               QStringLiteral("action type version '%1' must match [0-9A-Za-z_-]{1,9}")
                   .arg(a.version.text));
    const bool knownCategory = a.category.opaque || kCategories.contains(a.category.text);
    if (a.category.mark.isValid() && !knownCategory)
        report(a.category.mark, "pipeline-unknown-category",
               withSuggestion(QStringLiteral("unknown action category '%1'").arg(a.category.text),
                              a.category.text, kCategories));
    if (a.owner.mark.isValid() && !a.owner.opaque && !kOwners.contains(a.owner.text))
        report(a.owner.mark, "pipeline-unknown-owner",
               withSuggestion(QStringLiteral("action owner '%1' is not AWS, ThirdParty or Custom")
                                  .arg(a.owner.text),
                              a.owner.text, kOwners));
    if (a.category.opaque || a.provider.opaque || a.owner.opaque || !knownCategory)
        return;
    if (a.owner.text == QLatin1String("Custom")) {
        checkBounds(a, kCustomType);
        return;
    }
    const ActionType* type = findActionType(a.category.text, a.provider.text);
    if (type) {
        checkBounds(a, *type);
        checkConfiguration(a, *type);
    } else if (a.provider.mark.isValid() && kOwners.contains(a.owner.text)) {
        // AWS's own providers are a closed list; partners add ThirdParty ones over time.
        const Severity s =
            a.owner.text == QLatin1String("AWS") ? Severity::Error : Severity::Warning;
        report(a.provider.mark, "pipeline-unknown-provider",
               withSuggestion(QStringLiteral("'%1' is not a known %2 provider")
                                  .arg(a.provider.text, a.category.text),
                              a.provider.text, providersOf(a.category.text)),
               s);
    }
}

void PipelineChecker::checkBounds(const PipelineAction& a, const ActionType& t) {
    const auto check = [&](const QList<PipelineValue>& list, int min, int max, const char* what) {
        const int n = int(list.size());
        if (n >= min && n <= max)
            return;
        const QString range =
            min == max ? QString::number(min) : QStringLiteral("%1 to %2").arg(min).arg(max);
        const Mark at = n > max ? list[max].mark : a.mark;
        report(at, "pipeline-artifact-count",
               QStringLiteral("action '%1' (%2 %3) takes %4 %5 artifact(s), not %6")
                   .arg(a.name.text, a.category.text, a.provider.text, range, QLatin1String(what))
                   .arg(n));
    };
    check(a.inputArtifacts, t.minIn, t.maxIn, "input");
    check(a.outputArtifacts, t.minOut, t.maxOut, "output");
}

void PipelineChecker::checkConfiguration(const PipelineAction& a, const ActionType& t) {
    const QStringList required =
        QString::fromLatin1(t.required).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& key : required)
        if (!a.config(key))
            report(a.mark, "pipeline-missing-configuration",
                   QStringLiteral("%1 action '%2' needs configuration '%3'")
                       .arg(a.provider.text, a.name.text, key));
}

// Artifacts flow forward: an action sees what earlier stages and lower runOrders produced.
void PipelineChecker::checkArtifactFlow() {
    QSet<QString> produced;
    bool someOpaque = false;
    QSet<QString> all;
    for (const PipelineStage& stage : m_p.stages)
        for (const PipelineAction& a : stage.actions)
            for (const PipelineValue& out : a.outputArtifacts)
                all.insert(out.text);
    for (const PipelineStage& stage : m_p.stages) {
        std::map<int, QList<const PipelineAction*>> byOrder;
        for (const PipelineAction& a : stage.actions)
            byOrder[a.runOrder] << &a;
        for (const auto& [order, actions] : byOrder) {
            for (const PipelineAction* a : actions)
                for (const PipelineValue& in : a->inputArtifacts) {
                    if (produced.contains(in.text) || in.opaque || someOpaque)
                        continue;
                    report(in.mark, "pipeline-input-artifact",
                           all.contains(in.text)
                               ? QStringLiteral("input artifact '%1' of action '%2' is produced "
                                                "only by a later action")
                                     .arg(in.text, a->name.text)
                               : QStringLiteral("input artifact '%1' of action '%2' is not "
                                                "produced by any action")
                                     .arg(in.text, a->name.text));
                }
            for (const PipelineAction* a : actions)
                for (const PipelineValue& out : a->outputArtifacts) {
                    someOpaque = someOpaque || out.opaque;
                    if (produced.contains(out.text) && !out.opaque)
                        report(out.mark, "pipeline-duplicate-artifact",
                               QStringLiteral(
                                   "output artifact '%1' is already produced by another action")
                                   .arg(out.text));
                    produced.insert(out.text);
                }
        }
    }
}

Diagnostics notFound(const YamlDocument& document) {
    return {document.diagnosticAt(
        document.root(), Severity::Error, QStringLiteral("pipeline-not-found"),
        QStringLiteral("no pipeline here: expected {\"pipeline\": {...}} or a template "
                       "with an AWS::CodePipeline::Pipeline resource"))};
}

}  // namespace

std::span<const RuleInfo> pipelineRules() {
    return kRules;
}

Diagnostics validatePipeline(const YamlDocument& document) {
    const QList<PipelineParseResult> results = parsePipelines(document);
    if (results.isEmpty())
        return document.root().isValid() ? notFound(document) : Diagnostics{};
    Diagnostics out;
    const YamlNode root = document.root();
    if (root.has(u"stages") && !root.has(u"pipeline"))
        out << document.diagnosticAt(
            root, Severity::Warning, QStringLiteral("pipeline-bare-declaration"),
            QStringLiteral("bare pipeline declaration: create-pipeline expects it wrapped "
                           "as {\"pipeline\": {...}}"));
    for (const PipelineParseResult& r : results) {
        out += r.diagnostics;
        out += PipelineChecker(document, r.pipeline).run();
    }
    return out;
}

}  // namespace pw
