#include "appspecvalidator.h"

#include "appspec.h"
#include "diagnosticsink.h"
#include "rules.h"

#include <QDir>

namespace pw {

namespace {

constexpr RuleInfo kAppspecRules[] = {
    // Errors: the CodeDeploy agent (EC2/on-premises) or service (ECS, Lambda) rejects these.
    {"appspec-empty", Severity::Error,
     "The AppSpec file is empty; it needs at least version and os."},
    {"appspec-not-mapping", Severity::Error, "The top of an AppSpec file must be a mapping."},
    {"appspec-wrong-type", Severity::Error,
     "A value has the wrong shape (a string where a list or mapping belongs, or the reverse)."},
    {"appspec-version", Severity::Error, "version is missing or not 0.0."},
    {"appspec-os", Severity::Error, "os is missing or not exactly \"linux\" or \"windows\"."},
    {"appspec-file-exists-behavior", Severity::Error,
     "file_exists_behavior is not DISALLOW, OVERWRITE or RETAIN (upper case)."},
    {"appspec-files-source", Severity::Error, "A files entry has no source."},
    {"appspec-files-destination", Severity::Error, "A files entry has no destination."},
    {"appspec-files-duplicate-target", Severity::Error,
     "Two files entries copy a file of the same name to the same destination."},
    {"appspec-permission-object", Severity::Error, "A permissions entry has no object."},
    {"appspec-permissions-windows", Severity::Error,
     "permissions are given for os: windows, where the agent supports none."},
    {"appspec-permission-type", Severity::Error,
     "A permissions type entry is not file or directory."},
    {"appspec-permission-mode", Severity::Error,
     "A permissions mode is longer than four characters or has a non-octal digit."},
    {"appspec-permission-acl", Severity::Error,
     "An ACL entry does not follow [d:][u|g|m|o:]name:perm as the agent reads it."},
    {"appspec-selinux-context", Severity::Error, "An SELinux context has no type."},
    {"appspec-selinux-range", Severity::Error, "An SELinux range is not s#[-s#][:c#[.c#],...]."},
    {"appspec-file-permission", Severity::Error,
     "A permission that applies to files uses a pattern, except list or default ACL, which "
     "Install rejects for files."},
    {"appspec-hook-null", Severity::Error, "A hook has no value; older agents crash on it."},
    {"appspec-script-location", Severity::Error, "A hook script has no location."},
    {"appspec-script-timeout", Severity::Error,
     "A hook script's timeout is not a positive number."},
    {"appspec-resources", Severity::Error,
     "An ECS or Lambda AppSpec must list exactly one resource with Properties."},
    {"appspec-resource-type", Severity::Error,
     "The resource Type is not AWS::ECS::Service or AWS::Lambda::Function."},
    {"appspec-ecs-task-definition", Severity::Error, "The ECS service has no TaskDefinition."},
    {"appspec-ecs-load-balancer", Severity::Error,
     "LoadBalancerInfo needs a ContainerName and a numeric ContainerPort."},
    {"appspec-ecs-network", Severity::Error,
     "NetworkConfiguration needs subnets, and AssignPublicIp must be ENABLED or DISABLED."},
    {"appspec-ecs-capacity-provider", Severity::Error,
     "A capacity provider strategy item is incomplete or more than one defines a Base."},
    {"appspec-lambda-property", Severity::Error,
     "The Lambda function needs Name, Alias and numeric CurrentVersion and TargetVersion."},
    {"appspec-function-hook", Severity::Error,
     "An ECS or Lambda hook names an event the platform does not have, or no function."},
    // Warnings: accepted, but the file does not do what it seems to.
    {"appspec-unknown-key", Severity::Warning,
     "A key CodeDeploy does not read is silently ignored."},
    {"appspec-unknown-hook", Severity::Warning,
     "An EC2/on-premises hook names no lifecycle event, so it never runs."},
    {"appspec-reserved-hook", Severity::Warning,
     "A hook on a reserved event (DownloadBundle, Install, ...) never runs."},
    {"appspec-hook-timeout", Severity::Warning,
     "The timeouts of one lifecycle event add up to more than 3600 seconds."},
    {"appspec-context-user", Severity::Warning,
     "context.user is ignored; the agent reads the SELinux user from context.name."},
    {"appspec-selinux-range-shape", Severity::Warning,
     "An SELinux range is not a string, which the CodeDeploy agent cannot read."},
    {"appspec-permission-unmatched", Severity::Warning,
     "A permissions object lies outside everything the files section installs, so it does "
     "nothing."},
    {"appspec-mode-octal", Severity::Warning,
     "An unquoted mode with a leading zero is an octal number in YAML 1.1 and changes meaning."},
    {"appspec-version-quoted", Severity::Warning,
     "A quoted version \"0.0\" is a string, which the CodeDeploy agent rejects."},
    {"appspec-runas-windows", Severity::Warning,
     "runas and sudo are ignored on Windows instances."},
    {"appspec-destination-path", Severity::Warning, "A files destination is not an absolute path."},
    {"appspec-ecs-container-port-quoted", Severity::Warning,
     "ContainerPort is a quoted string rather than a number."},
    {"appspec-task-definition-arn", Severity::Warning,
     "TaskDefinition looks like an ARN but is malformed."},
    {"appspec-lambda-same-version", Severity::Warning,
     "CurrentVersion equals TargetVersion, so no traffic would shift."},
    {"appspec-template-token", Severity::Warning,
     "A value holds an unrendered template token such as {{NAME}}, ${NAME} or <%= name %>."},
};

const QStringList kServerKeys = {
    QStringLiteral("version"),     QStringLiteral("os"),
    QStringLiteral("files"),       QStringLiteral("file_exists_behavior"),
    QStringLiteral("permissions"), QStringLiteral("hooks")};
const QStringList kFunctionKeys = {QStringLiteral("version"), QStringLiteral("Resources"),
                                   QStringLiteral("Hooks"), QStringLiteral("resources"),
                                   QStringLiteral("hooks")};
const QStringList kFileKeys = {QStringLiteral("source"), QStringLiteral("destination")};
const QStringList kPermissionKeys = {
    QStringLiteral("object"), QStringLiteral("pattern"), QStringLiteral("except"),
    QStringLiteral("owner"),  QStringLiteral("group"),   QStringLiteral("mode"),
    QStringLiteral("acls"),   QStringLiteral("context"), QStringLiteral("type")};
const QStringList kContextKeys = {QStringLiteral("name"), QStringLiteral("type"),
                                  QStringLiteral("range"), QStringLiteral("user")};
const QStringList kScriptKeys = {QStringLiteral("location"), QStringLiteral("timeout"),
                                 QStringLiteral("runas"), QStringLiteral("sudo")};
const QStringList kResourceKeys = {QStringLiteral("Type"), QStringLiteral("Properties")};
const QStringList kEcsKeys = {QStringLiteral("TaskDefinition"), QStringLiteral("LoadBalancerInfo"),
                              QStringLiteral("PlatformVersion"),
                              QStringLiteral("NetworkConfiguration"),
                              QStringLiteral("CapacityProviderStrategy")};
const QStringList kLambdaKeys = {QStringLiteral("Name"), QStringLiteral("Alias"),
                                 QStringLiteral("CurrentVersion"), QStringLiteral("TargetVersion")};

constexpr int kMaxEventSeconds = 3600;

// Like checkKnownKeys, but warns (the agent ignores unknown keys) and also suggests keys
// that differ only in case ("Hooks" -> "hooks"), which closestMatch treats as equal.
void warnUnknownKeys(DiagnosticSink& sink, const YamlNode& map, const QStringList& allowed,
                     const QString& context) {
    for (int i = 0; map.isMapping() && i < map.size(); ++i) {
        const YamlNode key = map.keyAt(i);
        const QString name = key.scalar();
        if (allowed.contains(name) || (key.isPlain() && name == QLatin1String("<<")))
            continue;
        QString suggestion;
        for (const QString& candidate : allowed)
            if (candidate.compare(name, Qt::CaseInsensitive) == 0)
                suggestion = candidate;
        if (suggestion.isEmpty())
            suggestion = closestMatch(name, allowed);
        QString message =
            QStringLiteral("unknown key '%1' in %2; CodeDeploy ignores it").arg(name, context);
        std::optional<Fix> fix;
        if (!suggestion.isEmpty()) {
            message += QStringLiteral("; did you mean '%1'?").arg(suggestion);
            fix = replaceScalarFix(key, QStringLiteral("Rename to '%1'").arg(suggestion),
                                   suggestion.toUtf8());
        }
        sink.warning(key, QStringLiteral("appspec-unknown-key"), message, std::move(fix));
    }
}

// Mustache/Jinja, shell-style and ERB tokens: nothing in CodeDeploy expands them.
bool looksLikeTemplate(const QString& text) {
    return (text.contains(QLatin1String("{{")) && text.contains(QLatin1String("}}"))) ||
           (text.contains(QLatin1String("<%")) && text.contains(QLatin1String("%>"))) ||
           (text.contains(QLatin1String("${")) && text.contains(u'}'));
}

class AppspecLinter {
public:
    AppspecLinter(const YamlDocument& document, const Appspec& spec)
        : m_sink(document), m_root(document.root()), m_spec(spec) {}
    Diagnostics run();

private:
    void checkServerKeys();
    void checkVersionQuoted();
    void checkFiles();
    void checkPermission(const YamlNode& permission);
    void checkObjectInstalled(const YamlNode& object);
    void checkMode(const YamlNode& mode);
    void checkContext(const YamlNode& context);
    void checkHooks();
    void checkHookName(const YamlNode& key);
    void checkEventTimeouts(const YamlNode& key);
    void checkFunctionKeys();
    void checkEcs(const YamlNode& properties);
    void checkLambda(const YamlNode& properties);
    void checkTemplateTokens(const YamlNode& node, int depth);

    DiagnosticSink m_sink;
    YamlNode m_root;
    const Appspec& m_spec;
};

Diagnostics AppspecLinter::run() {
    if (!m_root.isMapping())
        return {};
    if (m_spec.platform == AppspecPlatform::Server) {
        checkServerKeys();
        checkVersionQuoted();
        checkFiles();
        const YamlNode permissions = m_root.get(u"permissions");
        for (int i = 0; permissions.isSequence() && i < permissions.size(); ++i)
            checkPermission(permissions.item(i));
        checkHooks();
    } else {
        checkFunctionKeys();
    }
    checkTemplateTokens(m_root, 0);
    return m_sink.take();
}

void AppspecLinter::checkServerKeys() {
    warnUnknownKeys(m_sink, m_root, kServerKeys, QStringLiteral("the AppSpec file"));
}

// The Ruby agent compares version with the Float 0.0, so a quoted "0.0" fails there
// although the user guide says "specify version with a string" (appspec.md §1.1.1).
void AppspecLinter::checkVersionQuoted() {
    const YamlNode version = m_root.get(u"version");
    bool ok = false;
    if (!version.isScalar() || version.isPlain() || version.scalar().toDouble(&ok) != 0.0 || !ok)
        return;
    m_sink.warning(
        version, QStringLiteral("appspec-version-quoted"),
        QStringLiteral("version is the string \"%1\"; the CodeDeploy agent compares it "
                       "with the number 0.0 and fails BeforeInstall with \"an invalid "
                       "version value (%1) was entered\". Write it unquoted: version: 0.0")
            .arg(m_spec.version),
        replaceScalarFix(version, QStringLiteral("Write version: 0.0"), "0.0"));
}

void AppspecLinter::checkFiles() {
    const YamlNode files = m_root.get(u"files");
    const bool windows = m_spec.os == QLatin1String("windows");
    for (int i = 0; files.isSequence() && i < files.size(); ++i) {
        const YamlNode entry = files.item(i);
        warnUnknownKeys(m_sink, entry, kFileKeys, QStringLiteral("a files entry"));
        const YamlNode destination = entry.get(u"destination");
        const QString path = destination.scalar().trimmed();
        if (!destination.isScalar() || path.isEmpty() || looksLikeTemplate(path))
            continue;
        const bool absolute = windows
                                  ? (path.size() > 2 && path[1] == u':') || path.startsWith(u'\\')
                                  : path.startsWith(u'/');
        if (!absolute)
            m_sink.warning(destination, QStringLiteral("appspec-destination-path"),
                           QStringLiteral("destination '%1' is not a fully qualified path; the "
                                          "agent resolves it against its own working directory")
                               .arg(path));
    }
}

void AppspecLinter::checkPermission(const YamlNode& permission) {
    warnUnknownKeys(m_sink, permission, kPermissionKeys, QStringLiteral("a permissions entry"));
    checkObjectInstalled(permission.get(u"object"));
    checkMode(permission.get(u"mode"));
    checkContext(permission.get(u"context"));
}

// The agent sets permissions only on what this deployment copies or creates
// (installer.rb#generate_instructions): an object neither inside nor above a destination
// matches nothing.
void AppspecLinter::checkObjectInstalled(const YamlNode& object) {
    const QString path = QDir::cleanPath(object.scalar().trimmed());
    if (!object.isScalar() || path.isEmpty() || looksLikeTemplate(path))
        return;
    auto within = [](const QString& inner, const QString& outer) {
        return inner == outer || outer == QLatin1String("/") ||
               inner.startsWith(outer + QLatin1Char('/'));
    };
    for (const AppspecFile& file : m_spec.files) {
        const QString destination = QDir::cleanPath(file.destination.trimmed());
        if (within(path, destination) || within(destination, path))
            return;
    }
    m_sink.warning(object, QStringLiteral("appspec-permission-unmatched"),
                   QStringLiteral("'%1' is not installed by the files section; the agent applies "
                                  "permissions only to what this deployment copies, so this "
                                  "entry changes nothing")
                       .arg(path));
}

// YAML 1.1 (the Ruby agent's Psych) reads a plain 0755 as octal: the agent then sees "493"
// and fails, and 0644 becomes "420" and silently sets r---w----. Other parsers read 755.
void AppspecLinter::checkMode(const YamlNode& mode) {
    if (!mode.isPlain() || mode.scalar().size() < 2 || !mode.scalar().startsWith(u'0'))
        return;
    const std::optional<qint64> octal = yaml11Integer(mode);
    if (!octal)
        return;
    const QString written = mode.scalar();
    const QString agentView = QString::number(*octal);
    const QString agentError = checkPermissionMode(agentView);
    const QString consequence =
        agentError.isEmpty()
            ? QStringLiteral("which silently sets mode %1 instead of %2").arg(agentView, written)
            : QStringLiteral("and fails the deployment (\"%1\")").arg(agentError);
    m_sink.warning(mode, QStringLiteral("appspec-mode-octal"),
                   QStringLiteral("unquoted mode %1 is the octal number %2 in YAML 1.1: the "
                                  "CodeDeploy agent reads \"%2\" %3. Quote it (\"%1\") or drop "
                                  "the leading zero")
                       .arg(written, agentView, consequence),
                   replaceScalarFix(mode, QStringLiteral("Quote as \"%1\"").arg(written),
                                    '"' + written.toUtf8() + '"'));
}

void AppspecLinter::checkContext(const YamlNode& context) {
    if (!context.isMapping())
        return;
    warnUnknownKeys(m_sink, context, kContextKeys, QStringLiteral("an SELinux context"));
    const YamlNode userKey = context.keyNode(u"user");
    if (userKey.isValid()) {
        std::optional<Fix> fix;
        if (!context.has(u"name"))
            fix = replaceScalarFix(userKey, QStringLiteral("Rename to 'name'"), "name");
        m_sink.warning(userKey, QStringLiteral("appspec-context-user"),
                       QStringLiteral("the documented context.user is ignored: the CodeDeploy "
                                      "agent reads the SELinux user from 'name'"),
                       std::move(fix));
    }
    const YamlNode range = context.get(u"range");
    if (range.isValid() && !range.isScalar() && !range.isNull())
        m_sink.warning(range, QStringLiteral("appspec-selinux-range-shape"),
                       QStringLiteral("the CodeDeploy agent reads range as a string such as "
                                      "s0-s2:c0.c7, not a %1")
                           .arg(range.typeName()));
}

void AppspecLinter::checkHooks() {
    const YamlNode hooks = m_root.get(u"hooks");
    const bool windows = m_spec.os == QLatin1String("windows");
    for (int i = 0; hooks.isMapping() && i < hooks.size(); ++i) {
        checkHookName(hooks.keyAt(i));
        const YamlNode scripts = hooks.valueAt(i);
        checkEventTimeouts(hooks.keyAt(i));
        for (int s = 0; scripts.isSequence() && s < scripts.size(); ++s) {
            const YamlNode script = scripts.item(s);
            warnUnknownKeys(m_sink, script, kScriptKeys, QStringLiteral("a hook script"));
            for (QStringView key : {u"runas", u"sudo"})
                if (windows && script.isMapping() && script.has(key))
                    m_sink.warning(script.keyNode(key), QStringLiteral("appspec-runas-windows"),
                                   QStringLiteral("'%1' is ignored on Windows instances; the "
                                                  "script runs as the agent's user")
                                       .arg(key));
        }
    }
}

void AppspecLinter::checkHookName(const YamlNode& key) {
    const QString name = key.scalar();
    if (isScriptableHook(AppspecPlatform::Server, name))
        return;
    if (isReservedEvent(AppspecPlatform::Server, name)) {
        m_sink.warning(key, QStringLiteral("appspec-reserved-hook"),
                       QStringLiteral("%1 is run by CodeDeploy itself and cannot be scripted; "
                                      "these scripts never run")
                           .arg(name));
        return;
    }
    const QString suggestion = closestMatch(name, scriptableHooks(AppspecPlatform::Server));
    QString message = QStringLiteral(
                          "'%1' is not a lifecycle event: CodeDeploy never runs it, and "
                          "codedeploy-local fails with \"appspec.yml file contains "
                          "unknown lifecycle events: [\"%1\"]\"")
                          .arg(name);
    std::optional<Fix> fix;
    if (!suggestion.isEmpty()) {
        message += QStringLiteral("; did you mean '%1'?").arg(suggestion);
        fix = replaceScalarFix(key, QStringLiteral("Rename to '%1'").arg(suggestion),
                               suggestion.toUtf8());
    }
    m_sink.warning(key, QStringLiteral("appspec-unknown-hook"), message, std::move(fix));
}

void AppspecLinter::checkEventTimeouts(const YamlNode& key) {
    const AppspecHook* hook = m_spec.hook(key.scalar());
    if (!hook)
        return;
    qint64 total = 0;
    for (const AppspecScript& script : hook->scripts)
        total += script.timeoutGiven ? script.timeoutSeconds : 0;
    if (total <= kMaxEventSeconds)
        return;
    m_sink.warning(key, QStringLiteral("appspec-hook-timeout"),
                   QStringLiteral("the timeouts of %1 add up to %2 s; CodeDeploy allows %3 s per "
                                  "lifecycle event and fails the deployment when its scripts run "
                                  "longer")
                       .arg(key.scalar())
                       .arg(total)
                       .arg(kMaxEventSeconds));
}

void AppspecLinter::checkFunctionKeys() {
    warnUnknownKeys(m_sink, m_root, kFunctionKeys, QStringLiteral("the AppSpec file"));
    const YamlNode resources =
        m_root.has(u"Resources") ? m_root.get(u"Resources") : m_root.get(u"resources");
    const YamlNode item = resources.item(0);
    if (!item.isMapping() || item.size() != 1)
        return;
    const YamlNode definition = item.valueAt(0);
    warnUnknownKeys(m_sink, definition, kResourceKeys, QStringLiteral("the resource"));
    if (m_spec.platform == AppspecPlatform::Ecs)
        checkEcs(definition.get(u"Properties"));
    else
        checkLambda(definition.get(u"Properties"));
}

void AppspecLinter::checkEcs(const YamlNode& properties) {
    warnUnknownKeys(m_sink, properties, kEcsKeys, QStringLiteral("the ECS service Properties"));
    const YamlNode info = properties.get(u"LoadBalancerInfo");
    warnUnknownKeys(m_sink, info,
                    {QStringLiteral("ContainerName"), QStringLiteral("ContainerPort")},
                    QStringLiteral("LoadBalancerInfo"));
    const YamlNode port = info.get(u"ContainerPort");
    if (port.isScalar() && !port.isPlain() && m_spec.ecsService &&
        m_spec.ecsService->containerPort > 0)
        m_sink.warning(port, QStringLiteral("appspec-ecs-container-port-quoted"),
                       QStringLiteral("ContainerPort is the string \"%1\"; write it as a number")
                           .arg(port.scalar()),
                       replaceScalarFix(port, QStringLiteral("Unquote"), port.scalar().toUtf8()));
    const YamlNode network = properties.get(u"NetworkConfiguration");
    warnUnknownKeys(m_sink, network, {QStringLiteral("AwsvpcConfiguration")},
                    QStringLiteral("NetworkConfiguration"));
    warnUnknownKeys(m_sink, network.get(u"AwsvpcConfiguration"),
                    {QStringLiteral("Subnets"), QStringLiteral("SecurityGroups"),
                     QStringLiteral("AssignPublicIp")},
                    QStringLiteral("AwsvpcConfiguration"));
    const YamlNode strategy = properties.get(u"CapacityProviderStrategy");
    for (int i = 0; strategy.isSequence() && i < strategy.size(); ++i)
        warnUnknownKeys(
            m_sink, strategy.item(i),
            {QStringLiteral("Base"), QStringLiteral("CapacityProvider"), QStringLiteral("Weight")},
            QStringLiteral("a capacity provider strategy item"));
    const YamlNode task = properties.get(u"TaskDefinition");
    const QStringList arn = task.scalar().split(u':');
    if (task.isScalar() && arn.first() == QLatin1String("arn") &&
        !looksLikeTemplate(task.scalar()) &&
        (arn.size() < 6 || arn[2] != QLatin1String("ecs") || arn[4].isEmpty() ||
         !arn[5].startsWith(QLatin1String("task-definition/"))))
        m_sink.warning(
            task, QStringLiteral("appspec-task-definition-arn"),
            QStringLiteral("'%1' is not a task definition ARN "
                           "(arn:aws:ecs:region:account:task-definition/family:revision)")
                .arg(task.scalar()));
}

void AppspecLinter::checkLambda(const YamlNode& properties) {
    warnUnknownKeys(m_sink, properties, kLambdaKeys,
                    QStringLiteral("the Lambda function Properties"));
    if (!m_spec.lambdaFunction)
        return;
    const AppspecLambdaFunction& function = *m_spec.lambdaFunction;
    if (!function.targetVersion.isEmpty() &&
        function.currentVersion.trimmed() == function.targetVersion.trimmed())
        m_sink.warning(properties.get(u"TargetVersion"),
                       QStringLiteral("appspec-lambda-same-version"),
                       QStringLiteral("TargetVersion equals CurrentVersion (%1): the alias already "
                                      "points there, so no traffic shifts")
                           .arg(function.targetVersion));
}

void AppspecLinter::checkTemplateTokens(const YamlNode& node, int depth) {
    if (depth > 64 || node.isAlias())
        return;
    if (node.isScalar()) {
        if (looksLikeTemplate(node.scalar()))
            m_sink.warning(node, QStringLiteral("appspec-template-token"),
                           QStringLiteral("'%1' looks like an unrendered template token; "
                                          "CodeDeploy uses it literally")
                               .arg(node.scalar()));
        return;
    }
    const int count = node.size();
    for (int i = 0; i < count; ++i)
        checkTemplateTokens(node.isMapping() ? node.valueAt(i) : node.item(i), depth + 1);
}

}  // namespace

std::span<const RuleInfo> appspecRules() {
    return kAppspecRules;
}

Diagnostics validateAppspec(const YamlDocument& document) {
    AppspecParseResult parsed = parseAppspec(document);
    Diagnostics diagnostics = std::move(parsed.diagnostics);
    diagnostics += AppspecLinter(document, parsed.spec).run();
    return diagnostics;
}

}  // namespace pw
