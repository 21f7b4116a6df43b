#include "buildspecvalidator.h"

#include "buildspec.h"
#include "rules.h"
#include "yaml/yamldocument.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace pw {

namespace {

constexpr RuleInfo kBuildspecRules[] = {
    // Shape, reported while parsing (buildspec.cpp).
    {"buildspec-not-mapping", Severity::Error, "A buildspec must be a YAML mapping."},
    {"buildspec-type", Severity::Error, "A key holds the wrong kind of YAML value."},
    {"buildspec-scalar-for-list", Severity::Info,
     "A single value where a sequence is expected is read as a one-item list."},
    {"buildspec-unknown-key", Severity::Warning, "A key the buildspec schema does not define."},
    {"buildspec-unknown-phase", Severity::Error,
     "Phases are install, pre_build, build and post_build only."},
    {"buildspec-version-missing", Severity::Error, "The buildspec has no 'version'."},
    {"buildspec-version-unsupported", Severity::Error, "The version is not 0.2 or 0.1."},
    {"buildspec-version-float", Severity::Warning,
     "A version such as 0.20 is a YAML float that only reads as 0.2; quote it."},
    {"buildspec-version-key-mismatch", Severity::Warning,
     "A key of the other buildspec version (environment_variables/plaintext/artifacts.type "
     "vs env/variables)."},
    {"buildspec-bool", Severity::Error, "A flag must be yes/no or true/false."},
    {"buildspec-command-not-string", Severity::Warning,
     "A bare command such as `- false` or `- yes` that YAML 1.1 reads as a boolean or number."},
    {"buildspec-yaml11-value", Severity::Warning,
     "A plain value YAML 1.1 rewrites (python: 3.10 reads 3.1, 0755 reads 493); quote it."},
    {"buildspec-command-mapping", Severity::Error,
     "A command that YAML reads as a mapping or sequence (e.g. an unquoted ': ')."},
    {"buildspec-command-template", Severity::Warning,
     "A command holding an unrendered {{ }} template action, which is not shell."},
    {"buildspec-command-null", Severity::Warning,
     "An empty command item (e.g. `- # comment`) that runs nothing."},
    {"buildspec-commands-empty", Severity::Warning,
     "A 'commands' or 'finally' key with no items (YAML null)."},
    {"buildspec-on-failure", Severity::Error,
     "on-failure must be ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or "
     "RETRY-<count>-<regex>."},
    {"buildspec-cache-action", Severity::Error, "cache.action must be restore or save."},
    {"buildspec-batch-kind", Severity::Error,
     "A batch holds only one of build-list, build-graph, build-matrix, build-fanout."},
    // Semantics (this file).
    {"buildspec-phases-missing", Severity::Error, "The buildspec has no phases."},
    {"buildspec-commands-missing", Severity::Error,
     "pre_build, build and post_build need 'commands' when they are present."},
    {"buildspec-runtime-versions-phase", Severity::Error,
     "runtime-versions is only allowed in the install phase."},
    {"buildspec-runtime-versions-empty", Severity::Error,
     "runtime-versions must name at least one runtime."},
    {"buildspec-retry-count", Severity::Error, "The RETRY count must be between 0 and 100."},
    {"buildspec-retry-regex", Severity::Error, "The RETRY regular expression does not compile."},
    {"buildspec-env-no-expansion", Severity::Warning,
     "env values are literal: $VAR is not expanded (CodeBuild documents this)."},
    {"buildspec-env-duplicate", Severity::Error,
     "A name set in more than one of variables, parameter-store and secrets-manager."},
    {"buildspec-env-reserved-prefix", Severity::Error,
     "Variable names starting with CODEBUILD_ are reserved."},
    {"buildspec-env-exported-aws", Severity::Warning,
     "Variables starting with AWS_ cannot be exported."},
    {"buildspec-secrets-manager-reference", Severity::Error,
     "A secrets-manager value is secret-id[:json-key[:version-stage[:version-id]]]."},
    {"buildspec-shell", Severity::Warning,
     "env.shell is bash or /bin/sh (Linux), powershell.exe or cmd.exe (Windows)."},
    {"buildspec-artifacts-files-missing", Severity::Error,
     "An artifact (primary with no secondary-artifacts, or a secondary one) has no 'files'."},
    {"buildspec-artifacts-primary-files", Severity::Warning,
     "artifacts.files is documented as required even when only secondary-artifacts are used."},
    {"buildspec-reports-limit", Severity::Error, "At most 5 report groups per buildspec."},
    {"buildspec-report-files-missing", Severity::Error, "A report group needs 'files'."},
    {"buildspec-report-file-format", Severity::Error, "Unknown report file-format."},
    {"buildspec-cache-paths-missing", Severity::Error, "cache needs 'paths'."},
    {"buildspec-cache-fallback-limit", Severity::Error,
     "cache.fallback-keys holds at most 5 keys."},
    {"buildspec-cache-fallback-ignored", Severity::Warning,
     "cache.fallback-keys is ignored without cache.key."},
    {"buildspec-batch-identifier", Severity::Error, "Every batch task needs a unique identifier."},
    {"buildspec-batch-depend-on", Severity::Error,
     "depend-on names a task that does not exist, or the graph has a cycle."},
    {"buildspec-batch-fleet", Severity::Error,
     "A batch task cannot set both fleet and compute-type."},
    {"buildspec-batch-parallelism", Severity::Error,
     "build-fanout parallelism must be an integer greater than 0."},
    // Engine policies made visible.
    {"buildspec-abort-policy", Severity::Info,
     "Pipewright policy: ABORT goes straight to FINALIZING, skipping artifact upload."},
    {"buildspec-continue-policy", Severity::Info,
     "Pipewright policy: a phase continued with CONTINUE stays FAILED and so does the build."},
    {"buildspec-retry-policy", Severity::Info,
     "Pipewright policy: RETRY re-runs the phase's commands and finally."},
    {"buildspec-v01-isolation", Severity::Info,
     "Version 0.1 runs every command in a fresh shell: cd and export do not carry over."},
};

const QStringList kFileFormats = {QStringLiteral("JUNITXML"),  QStringLiteral("CUCUMBERJSON"),
                                  QStringLiteral("NUNITXML"),  QStringLiteral("NUNIT3XML"),
                                  QStringLiteral("TESTNGXML"), QStringLiteral("VISUALSTUDIOTRX"),
                                  QStringLiteral("CLOVERXML"), QStringLiteral("COBERTURAXML"),
                                  QStringLiteral("JACOCOXML"), QStringLiteral("SIMPLECOV")};
const QStringList kShells = {QStringLiteral("bash"), QStringLiteral("/bin/sh"),
                             QStringLiteral("powershell.exe"), QStringLiteral("cmd.exe")};
constexpr int kMaxReportGroups = 5;
constexpr int kMaxFallbackKeys = 5;
constexpr int kMaxRetryCount = 100;

class BuildspecValidator {
public:
    BuildspecValidator(const YamlDocument& doc, const Buildspec& spec, Diagnostics& out)
        : m_doc(doc), m_spec(spec), m_out(out) {}
    void run();

private:
    void report(Severity severity, const Mark& at, const char* rule, const QString& message) {
        m_out.push_back(m_doc.diagnosticAt(at, severity, QString::fromLatin1(rule), message));
    }
    YamlNode phasesNode() const { return m_doc.root().get(u"phases"); }

    void checkPhases();
    void checkPhase(BuildspecPhaseId id);
    void checkRuntimeVersions(BuildspecPhaseId id, const YamlNode& node);
    void checkOnFailure(const BuildspecPhase& phase);
    void checkV01Isolation(const BuildspecPhase& phase);
    void checkEnv();
    void checkEnvNames();
    void checkExpansion(const QList<NamedValue>& values, const QString& group);
    void checkSecretReferences();
    void checkArtifacts(const BuildspecArtifacts& artifacts);
    void checkReports();
    void checkCache();
    void checkBatch();
    void checkBatchGraph();
    QString firstCycle() const;
    Mark taskMark(const QString& id) const;

    const YamlDocument& m_doc;
    const Buildspec& m_spec;
    Diagnostics& m_out;
};

void BuildspecValidator::run() {
    checkPhases();
    checkEnv();
    if (m_spec.artifacts.present)
        checkArtifacts(m_spec.artifacts);
    for (const BuildspecArtifacts& secondary : m_spec.secondaryArtifacts)
        checkArtifacts(secondary);
    checkReports();
    checkCache();
    checkBatch();
}

// --- phases -------------------------------------------------------------------------------

void BuildspecValidator::checkPhases() {
    const YamlNode phases = phasesNode();
    bool any = false;
    for (const BuildspecPhase& phase : m_spec.phases)
        any = any || phase.present;
    // A batch buildspec may leave the phases to the buildspecs its tasks name.
    const bool wrongType = phases.isValid() && !phases.isMapping() && !phases.isNull();
    if (!any && !wrongType && !m_spec.batch.present) {
        const Mark at =
            phases.isValid() ? m_doc.root().keyNode(u"phases").mark() : m_doc.root().mark();
        report(Severity::Error, at, "buildspec-phases-missing",
               phases.isValid() ? QStringLiteral("'phases' has no phase; add install, pre_build, "
                                                 "build or post_build")
                                : QStringLiteral("'phases' is required"));
    }
    for (int p = 0; p < kBuildspecPhaseCount; ++p)
        if (m_spec.phases[size_t(p)].present)
            checkPhase(BuildspecPhaseId(p));
}

void BuildspecValidator::checkPhase(BuildspecPhaseId id) {
    const BuildspecPhase& phase = m_spec.phase(id);
    const YamlNode node = phasesNode().get(buildspecPhaseKey(id));
    const bool hasCommands = node.isMapping() && node.has(u"commands");
    if (id != BuildspecPhaseId::Install && !hasCommands && (node.isMapping() || node.isNull()))
        report(Severity::Error, phase.mark, "buildspec-commands-missing",
               QStringLiteral("phase '%1' is present but has no 'commands'; CodeBuild requires "
                              "them (remove the phase or add commands)")
                   .arg(buildspecPhaseKey(id)));
    checkRuntimeVersions(id, node);
    checkOnFailure(phase);
    checkV01Isolation(phase);
}

void BuildspecValidator::checkRuntimeVersions(BuildspecPhaseId id, const YamlNode& node) {
    const YamlNode versions = node.get(u"runtime-versions");
    if (!versions.isValid())
        return;
    const Mark at = node.keyNode(u"runtime-versions").mark();
    if (id != BuildspecPhaseId::Install)
        report(Severity::Error, at, "buildspec-runtime-versions-phase",
               QStringLiteral("runtime-versions is only allowed in the install phase, not in "
                              "'%1'")
                   .arg(buildspecPhaseKey(id)));
    else if (versions.isNull() || (versions.isMapping() && versions.size() == 0))
        report(Severity::Error, at, "buildspec-runtime-versions-empty",
               QStringLiteral("runtime-versions must name at least one runtime"));
}

void BuildspecValidator::checkOnFailure(const BuildspecPhase& phase) {
    const OnFailure& f = phase.onFailure;
    switch (f.kind) {
        case OnFailureKind::Default:
            return;
        case OnFailureKind::Abort:
            report(Severity::Info, f.mark, "buildspec-abort-policy",
                   QStringLiteral("ABORT: Pipewright skips the remaining phases and the artifact "
                                  "upload (AWS does not document whether upload is attempted)"));
            return;
        case OnFailureKind::Continue:
            report(Severity::Info, f.mark, "buildspec-continue-policy",
                   QStringLiteral("CONTINUE: the next phase runs, but this phase stays FAILED, "
                                  "CODEBUILD_BUILD_SUCCEEDING becomes 0 and the build fails"));
            return;
        case OnFailureKind::Retry:
            break;
    }
    if (f.retryCount < 0 || f.retryCount > kMaxRetryCount)
        report(Severity::Error, f.mark, "buildspec-retry-count",
               QStringLiteral("RETRY count %1 is out of range 0..100").arg(f.retryCount));
    const QRegularExpression re(f.retryRegex);
    if (!re.isValid())
        report(
            Severity::Error, f.mark, "buildspec-retry-regex",
            QStringLiteral("RETRY regex '%1' is invalid: %2").arg(f.retryRegex, re.errorString()));
    report(Severity::Info, f.mark, "buildspec-retry-policy",
           QStringLiteral("RETRY: Pipewright re-runs this phase's commands and finally up to %1 "
                          "times while the error matches '%2'")
               .arg(f.retryCount)
               .arg(f.retryRegex));
}

void BuildspecValidator::checkV01Isolation(const BuildspecPhase& phase) {
    if (m_spec.versionKind != BuildspecVersion::V0_1)
        return;
    static const QRegularExpression stateful(
        QStringLiteral("^\\s*(cd|export|pushd|source|\\.)\\s"));
    for (const SourceText& command : phase.commands)
        if (stateful.match(command.text).hasMatch() && !command.text.contains(QLatin1String("&&")))
            report(Severity::Info, command.mark, "buildspec-v01-isolation",
                   QStringLiteral("version 0.1 runs each command in a separate shell: the effect "
                                  "of '%1' is lost for the next command (use 0.2 or join with &&)")
                       .arg(command.text.trimmed()));
}

// --- env ----------------------------------------------------------------------------------

void BuildspecValidator::checkEnv() {
    const BuildspecEnv& env = m_spec.env;
    if (!env.present)
        return;
    if (!env.shell.isEmpty() && !kShells.contains(env.shell)) {
        const YamlNode envNode = m_doc.root().get(u"env");
        report(Severity::Warning, envNode.get(u"shell").mark(), "buildspec-shell",
               QStringLiteral("unknown shell '%1'; CodeBuild supports bash and /bin/sh on Linux, "
                              "powershell.exe and cmd.exe on Windows")
                   .arg(env.shell));
    }
    checkEnvNames();
    checkExpansion(env.variables, QStringLiteral("variables"));
    checkExpansion(env.parameterStore, QStringLiteral("parameter-store"));
    checkSecretReferences();
    for (const SourceText& name : env.exportedVariables)
        if (name.text.startsWith(QLatin1String("AWS_")))
            report(Severity::Warning, name.mark, "buildspec-env-exported-aws",
                   QStringLiteral("'%1' cannot be exported: CodeBuild does not export variables "
                                  "starting with AWS_")
                       .arg(name.text));
}

void BuildspecValidator::checkEnvNames() {
    const BuildspecEnv& env = m_spec.env;
    QHash<QString, QString> seen;  // name -> group that set it first
    const std::pair<const QList<NamedValue>*, QString> groups[] = {
        {&env.variables, QStringLiteral("variables")},
        {&env.parameterStore, QStringLiteral("parameter-store")},
        {&env.secretsManager, QStringLiteral("secrets-manager")}};
    for (const auto& [values, group] : groups) {
        QSet<QString> inGroup;
        for (const NamedValue& v : *values) {
            if (v.name.startsWith(QLatin1String("CODEBUILD_")))
                report(Severity::Error, v.nameMark, "buildspec-env-reserved-prefix",
                       QStringLiteral("'%1': names starting with CODEBUILD_ are reserved for "
                                      "CodeBuild")
                           .arg(v.name));
            if (seen.contains(v.name) && !inGroup.contains(v.name))
                report(Severity::Error, v.nameMark, "buildspec-env-duplicate",
                       QStringLiteral("'%1' is set in both %2 and %3; the precedence is undefined")
                           .arg(v.name, seen.value(v.name), group));
            inGroup.insert(v.name);
            if (!seen.contains(v.name))
                seen.insert(v.name, group);
        }
    }
}

void BuildspecValidator::checkExpansion(const QList<NamedValue>& values, const QString& group) {
    static const QRegularExpression var(QStringLiteral("\\$(\\{?[A-Za-z_][A-Za-z0-9_]*|\\()"));
    for (const NamedValue& v : values) {
        if (!var.match(v.value).hasMatch())
            continue;
        report(Severity::Warning, v.valueMark, "buildspec-env-no-expansion",
               QStringLiteral("env.%1.%2 is used literally: CodeBuild does not expand '$' here, "
                              "so the value is exactly '%3' (export it in a command to expand)")
                   .arg(group, v.name, v.value));
    }
}

void BuildspecValidator::checkSecretReferences() {
    for (const NamedValue& v : m_spec.env.secretsManager) {
        QStringList parts = v.value.split(QLatin1Char(':'));
        // An ARN carries six colons of its own: arn:aws:secretsmanager:region:account:secret:name
        const int idFields = v.value.startsWith(QLatin1String("arn:")) ? 7 : 1;
        const bool tooMany = parts.size() > idFields + 3;
        const bool noId = v.value.trimmed().isEmpty() || parts.size() < idFields;
        if (tooMany || noId)
            report(Severity::Error, v.valueMark, "buildspec-secrets-manager-reference",
                   QStringLiteral("secrets-manager '%1' must be "
                                  "secret-id[:json-key[:version-stage[:version-id]]], got '%2'")
                       .arg(v.name, v.value));
    }
}

// --- artifacts, reports, cache ------------------------------------------------------------

void BuildspecValidator::checkArtifacts(const BuildspecArtifacts& artifacts) {
    if (!artifacts.files.isEmpty())
        return;
    if (artifacts.identifier.isEmpty() && !m_spec.secondaryArtifacts.isEmpty()) {
        // BSR says required and the local agent fails ("no definition for primary artifacts"),
        // yet AWS's own samples omit it when the project's primary artifact is NO_ARTIFACTS.
        report(Severity::Warning, artifacts.mark, "buildspec-artifacts-primary-files",
               QStringLiteral("artifacts.files is documented as required even when only "
                              "secondary-artifacts are used; the CodeBuild agent fails with 'no "
                              "definition for primary artifacts' unless the project has no "
                              "primary artifact"));
        return;
    }
    const QString message =
        artifacts.identifier.isEmpty()
            ? QStringLiteral("artifacts.files is required")
            : QStringLiteral("secondary artifact '%1' has no 'files'").arg(artifacts.identifier);
    report(Severity::Error, artifacts.mark, "buildspec-artifacts-files-missing", message);
}

void BuildspecValidator::checkReports() {
    for (int i = 0; i < m_spec.reports.size(); ++i) {
        const BuildspecReportGroup& group = m_spec.reports[i];
        if (i == kMaxReportGroups)
            report(Severity::Error, group.mark, "buildspec-reports-limit",
                   QStringLiteral("%1 report groups; CodeBuild allows at most 5")
                       .arg(m_spec.reports.size()));
        if (group.files.isEmpty())
            report(Severity::Error, group.mark, "buildspec-report-files-missing",
                   QStringLiteral("report group '%1' needs 'files'").arg(group.name));
        if (!kFileFormats.contains(group.fileFormat)) {
            const YamlNode node = m_doc.root().get(u"reports").get(group.name).get(u"file-format");
            report(Severity::Error, node.mark(), "buildspec-report-file-format",
                   QStringLiteral("unknown file-format '%1'; expected one of %2")
                       .arg(group.fileFormat, kFileFormats.join(QStringLiteral(", "))));
        }
    }
}

void BuildspecValidator::checkCache() {
    const BuildspecCache& cache = m_spec.cache;
    if (!cache.present)
        return;
    const YamlNode node = m_doc.root().get(u"cache");
    if (cache.paths.isEmpty())
        report(Severity::Error, m_doc.root().keyNode(u"cache").mark(),
               "buildspec-cache-paths-missing", QStringLiteral("cache needs 'paths'"));
    const Mark fallback = node.keyNode(u"fallback-keys").mark();
    if (cache.fallbackKeys.size() > kMaxFallbackKeys)
        report(Severity::Error, fallback, "buildspec-cache-fallback-limit",
               QStringLiteral("%1 fallback-keys; CodeBuild uses at most 5")
                   .arg(cache.fallbackKeys.size()));
    if (!cache.fallbackKeys.isEmpty() && cache.key.isEmpty())
        report(Severity::Warning, fallback, "buildspec-cache-fallback-ignored",
               QStringLiteral("fallback-keys are ignored because cache.key is not set"));
}

// --- batch --------------------------------------------------------------------------------

void BuildspecValidator::checkBatch() {
    const BuildspecBatch& batch = m_spec.batch;
    if (!batch.present)
        return;
    if (batch.kind == BatchKind::BuildFanout && batch.fanoutParallelism <= 0) {
        const YamlNode node = m_doc.root().get(u"batch").get(u"build-fanout");
        const YamlNode value = node.get(u"parallelism");
        report(Severity::Error, value.isValid() ? value.mark() : node.mark(),
               "buildspec-batch-parallelism",
               QStringLiteral("build-fanout needs 'parallelism', an integer greater than 0"));
    }
    QSet<QString> ids;
    for (const BuildspecBatchTask& task : batch.tasks) {
        if (task.identifier.isEmpty())
            report(Severity::Error, task.mark, "buildspec-batch-identifier",
                   QStringLiteral("batch task without 'identifier'"));
        else if (ids.contains(task.identifier))
            report(Severity::Error, task.mark, "buildspec-batch-identifier",
                   QStringLiteral("duplicate batch identifier '%1'").arg(task.identifier));
        ids.insert(task.identifier);
        if (!task.env.fleet.isEmpty() && !task.env.computeType.isEmpty())
            report(
                Severity::Error, task.mark, "buildspec-batch-fleet",
                QStringLiteral("task '%1' sets both fleet and compute-type").arg(task.identifier));
    }
    if (batch.kind == BatchKind::BuildGraph)
        checkBatchGraph();
}

void BuildspecValidator::checkBatchGraph() {
    QSet<QString> ids;
    for (const BuildspecBatchTask& task : m_spec.batch.tasks)
        ids.insert(task.identifier);
    for (const BuildspecBatchTask& task : m_spec.batch.tasks)
        for (const QString& dep : task.dependOn)
            if (!ids.contains(dep))
                report(Severity::Error, task.mark, "buildspec-batch-depend-on",
                       QStringLiteral("task '%1' depends on unknown task '%2'")
                           .arg(task.identifier, dep));
    if (const QString at = firstCycle(); !at.isNull())
        report(Severity::Error, taskMark(at), "buildspec-batch-depend-on",
               QStringLiteral("build-graph has a dependency cycle through '%1'").arg(at));
}

Mark BuildspecValidator::taskMark(const QString& id) const {
    for (const BuildspecBatchTask& task : m_spec.batch.tasks)
        if (task.identifier == id)
            return task.mark;
    return {};
}

// Iterative depth-first search (a generated graph may be deep); the task where the first
// cycle closes, or a null string.
QString BuildspecValidator::firstCycle() const {
    QHash<QString, QStringList> deps;
    for (const BuildspecBatchTask& task : m_spec.batch.tasks)
        deps[task.identifier] += task.dependOn;
    enum { Fresh, OnPath, Done };
    QHash<QString, int> state;
    for (const BuildspecBatchTask& root : m_spec.batch.tasks) {
        if (state.value(root.identifier, Fresh) != Fresh)
            continue;
        QList<QPair<QString, int>> stack{{root.identifier, 0}};
        state.insert(root.identifier, OnPath);
        while (!stack.isEmpty()) {
            auto& [id, next] = stack.last();
            const QStringList& out = deps[id];
            if (next == out.size()) {
                state.insert(id, Done);
                stack.removeLast();
                continue;
            }
            const QString dep = out[next++];
            const int s = state.value(dep, Fresh);
            if (s == OnPath)
                return dep;
            if (s == Fresh && deps.contains(dep)) {
                state.insert(dep, OnPath);
                stack.push_back({dep, 0});
            }
        }
    }
    return {};
}

}  // namespace

std::span<const RuleInfo> buildspecRules() {
    return kBuildspecRules;
}

Diagnostics validateBuildspec(const YamlDocument& document, Buildspec* spec) {
    BuildspecParseResult parsed = parseBuildspec(document);
    if (document.root().isMapping())
        BuildspecValidator(document, parsed.spec, parsed.diagnostics).run();
    if (spec)
        *spec = std::move(parsed.spec);
    return parsed.diagnostics;
}

}  // namespace pw
