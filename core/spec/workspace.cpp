#include "workspace.h"

#include "diagnosticsink.h"

#include <QSet>
#include <limits>

namespace pw {

namespace {

const QString kUnknownKey = QStringLiteral("workspace-unknown-key");
const QString kType = QStringLiteral("workspace-type");
const QString kValue = QStringLiteral("workspace-invalid-value");
const QString kRange = QStringLiteral("workspace-range");
constexpr int kMaxInt = std::numeric_limits<int>::max();

class WorkspaceParser {
public:
    explicit WorkspaceParser(const YamlDocument& doc) : m_sink(doc) {}

    WorkspaceParseResult parse();

private:
    bool mapping(const YamlNode& node, const QString& what, const QStringList& keys);
    QString string(const YamlNode& node, const QString& what, const QString& fallback = {});
    int integer(const YamlNode& node, const QString& what, int min, int max, int fallback);
    bool boolean(const YamlNode& node, const QString& what, bool fallback);
    QString choice(const YamlNode& node, const QString& what, const QStringList& allowed,
                   const QString& fallback);
    NamedValues namedValues(const YamlNode& node, const QString& what);

    void parseProjects(const YamlNode& node, Workspace& ws);
    void parseSources(const YamlNode& node, Workspace& ws);
    void parseApplications(const YamlNode& node, Workspace& ws);
    WorkspaceDeploymentGroup parseGroup(const YamlNode& key, const YamlNode& node);
    void parseConfig(const YamlNode& node, WorkspaceDeploymentGroup& group);
    QList<WorkspaceInstance> parseInstances(const YamlNode& node, const QString& what);
    LoadBalancer parseLoadBalancer(const YamlNode& node);
    BlueGreen parseBlueGreen(const YamlNode& node);
    AutoRollback parseAutoRollback(const YamlNode& node);
    Alarm parseAlarm(const YamlNode& node);
    void checkGroup(const YamlNode& node, const WorkspaceDeploymentGroup& group);
    void checkPorts(const WorkspaceDeploymentGroup& group);
    void errorAt(const Mark& at, const char* rule, const QString& message) {
        m_atMarks << m_sink.document().diagnosticAt(at, Severity::Error, QLatin1String(rule),
                                                    message);
    }
    void parseSecrets(const YamlNode& node, Workspace& ws);

    DiagnosticSink m_sink;
    Diagnostics m_atMarks;  // checks on the model, which keeps marks rather than nodes
};

bool WorkspaceParser::mapping(const YamlNode& node, const QString& what, const QStringList& keys) {
    if (!node.isValid() || node.isNull())
        return false;
    if (!node.isMapping()) {
        m_sink.error(node, kType,
                     QStringLiteral("%1 must be a mapping, not a %2").arg(what, node.typeName()));
        return false;
    }
    if (!keys.isEmpty())
        checkKnownKeys(m_sink, node, keys, kUnknownKey, what);
    return true;
}

QString WorkspaceParser::string(const YamlNode& node, const QString& what,
                                const QString& fallback) {
    if (!node.isValid() || node.isNull())
        return fallback;
    if (!node.isScalar()) {
        m_sink.error(node, kType,
                     QStringLiteral("%1 must be a string, not a %2").arg(what, node.typeName()));
        return fallback;
    }
    return node.scalar();
}

int WorkspaceParser::integer(const YamlNode& node, const QString& what, int min, int max,
                             int fallback) {
    if (!node.isValid() || node.isNull())
        return fallback;
    bool ok = false;
    const int v = node.isPlain() ? node.scalar().toInt(&ok) : 0;
    if (!ok) {
        m_sink.error(node, kType, QStringLiteral("%1 must be an integer").arg(what));
        return fallback;
    }
    if (v < min || v > max) {
        const QString range = max == kMaxInt ? QStringLiteral("at least %1").arg(min)
                                             : QStringLiteral("from %1 to %2").arg(min).arg(max);
        m_sink.error(node, kRange, QStringLiteral("%1 must be %2, not %3").arg(what, range).arg(v));
        return fallback;
    }
    return v;
}

bool WorkspaceParser::boolean(const YamlNode& node, const QString& what, bool fallback) {
    if (!node.isValid() || node.isNull())
        return fallback;
    const std::optional<bool> v = yamlBool(node);
    if (!v)
        m_sink.error(node, kType, QStringLiteral("%1 must be true or false").arg(what));
    return v.value_or(fallback);
}

QString WorkspaceParser::choice(const YamlNode& node, const QString& what,
                                const QStringList& allowed, const QString& fallback) {
    const QString v = string(node, what, fallback);
    if (!node.isScalar() || allowed.contains(v))
        return node.isScalar() ? v : fallback;
    QString message =
        QStringLiteral("%1 '%2' is not one of %3").arg(what, v, allowed.join(QLatin1String(", ")));
    const QString match = closestMatch(v, allowed);
    std::optional<Fix> fix;
    if (!match.isEmpty()) {
        message += QStringLiteral("; did you mean '%1'?").arg(match);
        fix =
            replaceScalarFix(node, QStringLiteral("Replace with '%1'").arg(match), match.toUtf8());
    }
    m_sink.error(node, kValue, message, fix);
    return fallback;
}

NamedValues WorkspaceParser::namedValues(const YamlNode& node, const QString& what) {
    NamedValues out;
    if (!mapping(node, what, {}))
        return out;
    for (int i = 0; i < node.size(); ++i)
        out << qMakePair(node.keyAt(i).scalar(),
                         string(node.valueAt(i), what + QLatin1Char('.') + node.keyAt(i).scalar()));
    return out;
}

WorkspaceParseResult WorkspaceParser::parse() {
    WorkspaceParseResult result;
    const YamlNode root = m_sink.document().root();
    static const QStringList keys = {QStringLiteral("version"), QStringLiteral("projects"),
                                     QStringLiteral("sources"), QStringLiteral("applications"),
                                     QStringLiteral("secrets")};
    if (mapping(root, QStringLiteral("the workspace file"), keys)) {
        Workspace& ws = result.workspace;
        const YamlNode version = root.get(u"version");
        ws.version = integer(version, QStringLiteral("version"), std::numeric_limits<int>::min(),
                             kMaxInt, 1);
        if (version.isPlain() && ws.version != 1)
            m_sink.error(
                version, QStringLiteral("workspace-version"),
                QStringLiteral(
                    "workspace version %1 is not supported; this Pipewright reads version 1")
                    .arg(ws.version));
        parseProjects(root.get(u"projects"), ws);
        parseSources(root.get(u"sources"), ws);
        parseApplications(root.get(u"applications"), ws);
        parseSecrets(root.get(u"secrets"), ws);
    }
    result.diagnostics = m_sink.take() + m_atMarks;
    return result;
}

void WorkspaceParser::parseProjects(const YamlNode& node, Workspace& ws) {
    static const QStringList keys = {
        QStringLiteral("buildspec"),         QStringLiteral("source"),
        QStringLiteral("secondary-sources"), QStringLiteral("environment"),
        QStringLiteral("timeout-minutes"),   QStringLiteral("in-place")};
    if (!mapping(node, QStringLiteral("projects"), {}))
        return;
    for (int i = 0; i < node.size(); ++i) {
        WorkspaceProject p;
        p.name = node.keyAt(i).scalar();
        p.mark = node.keyAt(i).mark();
        const YamlNode v = node.valueAt(i);
        const QString ctx = QStringLiteral("projects.") + p.name;
        if (mapping(v, ctx, keys)) {
            p.buildspec = string(v.get(u"buildspec"), QStringLiteral("buildspec"), p.buildspec);
            p.source = string(v.get(u"source"), QStringLiteral("source"), p.source);
            p.secondarySources =
                namedValues(v.get(u"secondary-sources"), ctx + QLatin1String(".secondary-sources"));
            const YamlNode env = v.get(u"environment");
            if (mapping(env, ctx + QLatin1String(".environment"), {QStringLiteral("variables")}))
                p.environmentVariables = namedValues(env.get(u"variables"),
                                                     ctx + QLatin1String(".environment.variables"));
            // CodeBuild accepts 5 to 2160 minutes; locally a shorter floor helps quick experiments.
            p.timeoutMinutes =
                integer(v.get(u"timeout-minutes"), QStringLiteral("timeout-minutes"), 1, 2160, 60);
            p.inPlace = boolean(v.get(u"in-place"), QStringLiteral("in-place"), false);
        }
        ws.projects << p;
    }
}

void WorkspaceParser::parseSources(const YamlNode& node, Workspace& ws) {
    static const QStringList keys = {QStringLiteral("git"), QStringLiteral("branch"),
                                     QStringLiteral("path")};
    if (!mapping(node, QStringLiteral("sources"), {}))
        return;
    for (int i = 0; i < node.size(); ++i) {
        WorkspaceSource s;
        s.name = node.keyAt(i).scalar();
        s.mark = node.keyAt(i).mark();
        const YamlNode v = node.valueAt(i);
        if (mapping(v, QStringLiteral("sources.") + s.name, keys)) {
            s.git = string(v.get(u"git"), QStringLiteral("git"));
            s.branch = string(v.get(u"branch"), QStringLiteral("branch"));
            s.path = string(v.get(u"path"), QStringLiteral("path"));
        }
        if (s.git.isEmpty() == s.path.isEmpty())
            m_sink.error(node.keyAt(i), QStringLiteral("workspace-source"),
                         QStringLiteral("source '%1' needs exactly one of 'git' (a repository) and "
                                        "'path' (an S3 object stand-in)")
                             .arg(s.name));
        else if (!s.branch.isEmpty() && s.git.isEmpty())
            m_sink.warning(
                v.get(u"branch"), QStringLiteral("workspace-source"),
                QStringLiteral("'branch' only applies to a 'git' source; it is ignored here"));
        ws.sources << s;
    }
}

void WorkspaceParser::parseApplications(const YamlNode& node, Workspace& ws) {
    if (!mapping(node, QStringLiteral("applications"), {}))
        return;
    for (int i = 0; i < node.size(); ++i) {
        WorkspaceApplication app;
        app.name = node.keyAt(i).scalar();
        app.mark = node.keyAt(i).mark();
        const YamlNode v = node.valueAt(i);
        const QString ctx = QStringLiteral("applications.") + app.name;
        if (mapping(v, ctx, {QStringLiteral("deployment-groups")})) {
            const YamlNode groups = v.get(u"deployment-groups");
            if (mapping(groups, ctx + QLatin1String(".deployment-groups"), {}))
                for (int g = 0; g < groups.size(); ++g)
                    app.deploymentGroups << parseGroup(groups.keyAt(g), groups.valueAt(g));
        }
        ws.applications << app;
    }
}

WorkspaceDeploymentGroup WorkspaceParser::parseGroup(const YamlNode& key, const YamlNode& node) {
    static const QStringList keys = {QStringLiteral("config"),
                                     QStringLiteral("style"),
                                     QStringLiteral("instances"),
                                     QStringLiteral("load-balancer"),
                                     QStringLiteral("blue-green"),
                                     QStringLiteral("auto-rollback"),
                                     QStringLiteral("alarm"),
                                     QStringLiteral("ignore-application-stop-failures"),
                                     QStringLiteral("file-exists-behavior"),
                                     QStringLiteral("keep-revisions")};
    WorkspaceDeploymentGroup g;
    g.name = key.scalar();
    g.mark = key.mark();
    if (!mapping(node, QStringLiteral("deployment group '%1'").arg(g.name), keys))
        return g;
    parseConfig(node.get(u"config"), g);
    g.blueGreenStyle = choice(node.get(u"style"), QStringLiteral("style"),
                              {QStringLiteral("in-place"), QStringLiteral("blue-green")},
                              QStringLiteral("in-place")) == QLatin1String("blue-green");
    g.instances = parseInstances(node.get(u"instances"), QStringLiteral("instances"));
    if (node.get(u"load-balancer").isMapping())
        g.loadBalancer = parseLoadBalancer(node.get(u"load-balancer"));
    else
        mapping(node.get(u"load-balancer"), QStringLiteral("load-balancer"), {});
    if (node.get(u"blue-green").isMapping())
        g.blueGreen = parseBlueGreen(node.get(u"blue-green"));
    else
        mapping(node.get(u"blue-green"), QStringLiteral("blue-green"), {});
    g.autoRollback = parseAutoRollback(node.get(u"auto-rollback"));
    if (node.get(u"alarm").isMapping())
        g.alarm = parseAlarm(node.get(u"alarm"));
    else
        mapping(node.get(u"alarm"), QStringLiteral("alarm"), {});
    g.ignoreApplicationStopFailures =
        boolean(node.get(u"ignore-application-stop-failures"),
                QStringLiteral("ignore-application-stop-failures"), false);
    g.fileExistsBehavior =
        choice(node.get(u"file-exists-behavior"), QStringLiteral("file-exists-behavior"),
               {QStringLiteral("DISALLOW"), QStringLiteral("OVERWRITE"), QStringLiteral("RETAIN")},
               g.fileExistsBehavior);
    g.keepRevisions =
        integer(node.get(u"keep-revisions"), QStringLiteral("keep-revisions"), 1, kMaxInt, 5);
    checkGroup(node, g);
    return g;
}

void WorkspaceParser::parseConfig(const YamlNode& node, WorkspaceDeploymentGroup& g) {
    static const QStringList predefined = {QStringLiteral("CodeDeployDefault.OneAtATime"),
                                           QStringLiteral("CodeDeployDefault.HalfAtATime"),
                                           QStringLiteral("CodeDeployDefault.AllAtOnce")};
    if (node.isScalar()) {
        g.config = choice(node, QStringLiteral("config"), predefined, g.config);
        return;
    }
    if (!mapping(node, QStringLiteral("config"), {QStringLiteral("minimum-healthy-hosts")}))
        return;
    const YamlNode hosts = node.get(u"minimum-healthy-hosts");
    if (!mapping(hosts, QStringLiteral("minimum-healthy-hosts"),
                 {QStringLiteral("type"), QStringLiteral("value")})) {
        m_sink.error(node, QStringLiteral("workspace-missing-key"),
                     QStringLiteral("a custom config needs 'minimum-healthy-hosts'"));
        return;
    }
    MinimumHealthyHosts m;
    m.type = choice(hosts.get(u"type"), QStringLiteral("type"),
                    {QStringLiteral("HOST_COUNT"), QStringLiteral("FLEET_PERCENT")}, m.type);
    const int max = m.type == QLatin1String("FLEET_PERCENT") ? 99 : kMaxInt;
    m.value =
        integer(hosts.get(u"value"), QStringLiteral("minimum-healthy-hosts value"), 0, max, 0);
    g.config.clear();
    g.customConfig = m;
}

QList<WorkspaceInstance> WorkspaceParser::parseInstances(const YamlNode& node,
                                                         const QString& what) {
    QList<WorkspaceInstance> out;
    if (!node.isValid() || node.isNull())
        return out;
    if (!node.isSequence()) {
        m_sink.error(node, kType,
                     QStringLiteral("%1 must be a list, not a %2").arg(what, node.typeName()));
        return out;
    }
    for (int i = 0; i < node.size(); ++i) {
        const YamlNode item = node.item(i);
        if (!mapping(item, QStringLiteral("an instance"),
                     {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("port")}))
            continue;
        WorkspaceInstance inst;
        inst.mark = item.mark();
        inst.name = string(item.get(u"name"), QStringLiteral("name"));
        if (inst.name.isEmpty())
            m_sink.error(item, QStringLiteral("workspace-missing-key"),
                         QStringLiteral("an instance needs a 'name'"));
        const QString kind =
            choice(item.get(u"kind"), QStringLiteral("kind"),
                   {QStringLiteral("sandbox"), QStringLiteral("host")}, QStringLiteral("sandbox"));
        inst.kind = kind == QLatin1String("host") ? InstanceKind::Host : InstanceKind::Sandbox;
        if (inst.kind == InstanceKind::Host)
            m_sink.info(item.get(u"kind"), QStringLiteral("workspace-host-instance"),
                        QStringLiteral("instance '%1' deploys to the real paths of this machine")
                            .arg(inst.name));
        inst.port = integer(item.get(u"port"), QStringLiteral("port"), 1, 65535, 0);
        out << inst;
    }
    return out;
}

LoadBalancer WorkspaceParser::parseLoadBalancer(const YamlNode& node) {
    LoadBalancer lb;
    mapping(node, QStringLiteral("load-balancer"),
            {QStringLiteral("port"), QStringLiteral("health-check")});
    lb.port = integer(node.get(u"port"), QStringLiteral("port"), 1, 65535, 0);
    if (!node.has(u"port"))
        m_sink.error(node, QStringLiteral("workspace-missing-key"),
                     QStringLiteral("load-balancer needs a 'port' for its router"));
    const YamlNode hc = node.get(u"health-check");
    HealthCheck& h = lb.healthCheck;
    if (mapping(hc, QStringLiteral("health-check"),
                {QStringLiteral("path"), QStringLiteral("expected-status"),
                 QStringLiteral("interval-seconds"), QStringLiteral("healthy-threshold"),
                 QStringLiteral("unhealthy-threshold")})) {
        h.path = string(hc.get(u"path"), QStringLiteral("path"), h.path);
        h.expectedStatus = integer(hc.get(u"expected-status"), QStringLiteral("expected-status"),
                                   100, 599, h.expectedStatus);
        h.intervalSeconds = integer(hc.get(u"interval-seconds"), QStringLiteral("interval-seconds"),
                                    1, 300, h.intervalSeconds);
        h.healthyThreshold =
            integer(hc.get(u"healthy-threshold"), QStringLiteral("healthy-threshold"), 1, 10,
                    h.healthyThreshold);
        h.unhealthyThreshold =
            integer(hc.get(u"unhealthy-threshold"), QStringLiteral("unhealthy-threshold"), 1, 10,
                    h.unhealthyThreshold);
    }
    return lb;
}

BlueGreen WorkspaceParser::parseBlueGreen(const YamlNode& node) {
    BlueGreen bg;
    mapping(node, QStringLiteral("blue-green"),
            {QStringLiteral("replacement-instances"), QStringLiteral("traffic"),
             QStringLiteral("on-ready"), QStringLiteral("original-instances"),
             QStringLiteral("termination-wait-seconds")});
    bg.replacementInstances =
        parseInstances(node.get(u"replacement-instances"), QStringLiteral("replacement-instances"));
    const YamlNode t = node.get(u"traffic");
    if (mapping(t, QStringLiteral("traffic"),
                {QStringLiteral("type"), QStringLiteral("percent"),
                 QStringLiteral("interval-seconds")})) {
        const QString type = choice(
            t.get(u"type"), QStringLiteral("traffic type"),
            {QStringLiteral("all-at-once"), QStringLiteral("canary"), QStringLiteral("linear")},
            QStringLiteral("all-at-once"));
        bg.traffic.type = type == QLatin1String("canary")   ? TrafficType::Canary
                          : type == QLatin1String("linear") ? TrafficType::Linear
                                                            : TrafficType::AllAtOnce;
        if (bg.traffic.type != TrafficType::AllAtOnce) {
            // A canary or linear step of 100% would be all-at-once; CodeDeploy allows 1..99.
            bg.traffic.percent = integer(t.get(u"percent"), QStringLiteral("percent"), 1, 99, 10);
            bg.traffic.intervalSeconds = integer(
                t.get(u"interval-seconds"), QStringLiteral("interval-seconds"), 1, kMaxInt, 60);
        }
    }
    bg.waitOnReady = choice(node.get(u"on-ready"), QStringLiteral("on-ready"),
                            {QStringLiteral("continue"), QStringLiteral("wait")},
                            QStringLiteral("continue")) == QLatin1String("wait");
    bg.keepOriginal = choice(node.get(u"original-instances"), QStringLiteral("original-instances"),
                             {QStringLiteral("keep-alive"), QStringLiteral("terminate")},
                             QStringLiteral("terminate")) == QLatin1String("keep-alive");
    bg.terminationWaitSeconds =
        integer(node.get(u"termination-wait-seconds"), QStringLiteral("termination-wait-seconds"),
                0, 2 * 24 * 3600, bg.terminationWaitSeconds);
    return bg;
}

AutoRollback WorkspaceParser::parseAutoRollback(const YamlNode& node) {
    AutoRollback ar;
    if (!mapping(node, QStringLiteral("auto-rollback"),
                 {QStringLiteral("enabled"), QStringLiteral("events")}))
        return ar;
    ar.enabled = boolean(node.get(u"enabled"), QStringLiteral("enabled"), ar.enabled);
    const YamlNode events = node.get(u"events");
    if (!events.isValid() || events.isNull())
        return ar;
    if (!events.isSequence()) {
        m_sink.error(events, kType,
                     QStringLiteral("events must be a list, not a %1").arg(events.typeName()));
        return ar;
    }
    static const QStringList known = {QStringLiteral("DEPLOYMENT_FAILURE"),
                                      QStringLiteral("DEPLOYMENT_STOP_ON_ALARM"),
                                      QStringLiteral("DEPLOYMENT_STOP_ON_REQUEST")};
    ar.events.clear();
    for (int i = 0; i < events.size(); ++i) {
        const QString e = choice(events.item(i), QStringLiteral("event"), known, {});
        if (!e.isEmpty())
            ar.events << e;
    }
    return ar;
}

Alarm WorkspaceParser::parseAlarm(const YamlNode& node) {
    Alarm alarm;
    mapping(node, QStringLiteral("alarm"),
            {QStringLiteral("max-error-rate"), QStringLiteral("window-seconds")});
    const YamlNode rate = node.get(u"max-error-rate");
    bool ok = false;
    const double v = rate.isPlain() ? rate.scalar().toDouble(&ok) : 0;
    if (rate.isValid() && !ok)
        m_sink.error(rate, kType, QStringLiteral("max-error-rate must be a number"));
    else if (ok && (v < 0 || v > 1))
        m_sink.error(rate, kRange,
                     QStringLiteral("max-error-rate is a share from 0 to 1, not %1").arg(v));
    else if (ok)
        alarm.maxErrorRate = v;
    if (!rate.isValid())
        m_sink.error(node, QStringLiteral("workspace-missing-key"),
                     QStringLiteral("alarm needs 'max-error-rate'"));
    alarm.windowSeconds = integer(node.get(u"window-seconds"), QStringLiteral("window-seconds"), 1,
                                  kMaxInt, alarm.windowSeconds);
    return alarm;
}

void WorkspaceParser::checkGroup(const YamlNode& node, const WorkspaceDeploymentGroup& g) {
    const QString bgRule = QStringLiteral("workspace-blue-green");
    if (g.blueGreenStyle && (!g.blueGreen || g.blueGreen->replacementInstances.isEmpty()))
        m_sink.error(
            node.get(u"style"), bgRule,
            QStringLiteral(
                "deployment group '%1' is blue-green but lists no blue-green.replacement-instances")
                .arg(g.name));
    if (g.blueGreenStyle && !g.loadBalancer)
        m_sink.error(
            node.get(u"style"), bgRule,
            QStringLiteral(
                "a blue-green deployment shifts traffic through a load-balancer; '%1' has none")
                .arg(g.name));
    if (!g.blueGreenStyle && g.blueGreen)
        m_sink.warning(
            node.keyNode(u"blue-green"), bgRule,
            QStringLiteral("blue-green settings are ignored unless style is blue-green"));
    if (g.alarm && !g.loadBalancer)
        m_sink.warning(
            node.keyNode(u"alarm"), QStringLiteral("workspace-alarm"),
            QStringLiteral(
                "the alarm is measured at the load-balancer's router; without one it never fires"));
    checkPorts(g);
}

// Every instance name and loopback port of a group must be distinct, or two services collide.
void WorkspaceParser::checkPorts(const WorkspaceDeploymentGroup& g) {
    QList<WorkspaceInstance> all = g.instances;
    if (g.blueGreen)
        all += g.blueGreen->replacementInstances;
    QSet<QString> names;
    QSet<int> ports;
    if (g.loadBalancer && g.loadBalancer->port > 0)
        ports.insert(g.loadBalancer->port);
    for (const WorkspaceInstance& inst : all) {
        if (!inst.name.isEmpty() && names.contains(inst.name))
            errorAt(inst.mark, "workspace-duplicate-instance",
                    QStringLiteral("instance name '%1' is used twice in deployment group '%2'")
                        .arg(inst.name, g.name));
        names.insert(inst.name);
        if (inst.port > 0 && ports.contains(inst.port))
            errorAt(
                inst.mark, "workspace-port-conflict",
                QStringLiteral("port %1 of instance '%2' is already taken in deployment group '%3'")
                    .arg(inst.port)
                    .arg(inst.name, g.name));
        ports.insert(inst.port);
    }
}

void WorkspaceParser::parseSecrets(const YamlNode& node, Workspace& ws) {
    if (!mapping(node, QStringLiteral("secrets"),
                 {QStringLiteral("file"), QStringLiteral("environment")}))
        return;
    ws.secrets.file = string(node.get(u"file"), QStringLiteral("file"));
    ws.secrets.environment =
        boolean(node.get(u"environment"), QStringLiteral("environment"), false);
    const QString& f = ws.secrets.file;
    if (!f.isEmpty() && !f.startsWith(QLatin1Char('~')) && !f.startsWith(QLatin1Char('/')) &&
        !f.startsWith(QLatin1Char('$')))
        m_sink.warning(node.get(u"file"), QStringLiteral("workspace-secrets-in-repository"),
                       QStringLiteral("the secrets file '%1' lies inside the workspace; keep it "
                                      "outside the repository so it is never committed")
                           .arg(f));
}

}  // namespace

const WorkspaceDeploymentGroup* WorkspaceApplication::group(QStringView name) const {
    for (const WorkspaceDeploymentGroup& g : deploymentGroups)
        if (g.name == name)
            return &g;
    return nullptr;
}

const WorkspaceProject* Workspace::project(QStringView name) const {
    for (const WorkspaceProject& p : projects)
        if (p.name == name)
            return &p;
    return nullptr;
}

const WorkspaceSource* Workspace::source(QStringView name) const {
    for (const WorkspaceSource& s : sources)
        if (s.name == name)
            return &s;
    return nullptr;
}

const WorkspaceApplication* Workspace::application(QStringView name) const {
    for (const WorkspaceApplication& a : applications)
        if (a.name == name)
            return &a;
    return nullptr;
}

WorkspaceParseResult parseWorkspace(const YamlDocument& document) {
    return WorkspaceParser(document).parse();
}

}  // namespace pw
