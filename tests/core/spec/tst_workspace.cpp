#include "spec/workspace.h"

#include <QTest>

using namespace pw;

namespace {

// The example of spec/workspace.md, trimmed to one of each construct.
const QByteArray kExample =
    "version: 1\n"
    "projects:\n"
    "  app-build:\n"
    "    buildspec: ci/buildspec.yml\n"
    "    secondary-sources:\n"
    "      assets: ../assets\n"
    "    environment:\n"
    "      variables:\n"
    "        STAGE: dev\n"
    "    timeout-minutes: 30\n"
    "    in-place: true\n"
    "  plain: {}\n"
    "sources:\n"
    "  my-org/app:\n"
    "    git: .\n"
    "    branch: main\n"
    "  my-bucket/app.zip:\n"
    "    path: dist/app.zip\n"
    "applications:\n"
    "  web:\n"
    "    deployment-groups:\n"
    "      web-dev:\n"
    "        config: {minimum-healthy-hosts: {type: FLEET_PERCENT, value: 75}}\n"
    "        style: blue-green\n"
    "        instances:\n"
    "          - {name: web-1, kind: sandbox, port: 18081}\n"
    "          - {name: web-2, port: 18082}\n"
    "        load-balancer:\n"
    "          port: 18080\n"
    "          health-check: {path: /health, interval-seconds: 2}\n"
    "        blue-green:\n"
    "          replacement-instances:\n"
    "            - {name: web-3, kind: sandbox, port: 18083}\n"
    "          traffic: {type: canary, percent: 10, interval-seconds: 30}\n"
    "          on-ready: wait\n"
    "          original-instances: keep-alive\n"
    "          termination-wait-seconds: 300\n"
    "        auto-rollback:\n"
    "          enabled: true\n"
    "          events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]\n"
    "        alarm: {max-error-rate: 0.05, window-seconds: 30}\n"
    "        file-exists-behavior: OVERWRITE\n"
    "        keep-revisions: 3\n"
    "      web-prod: {}\n"
    "secrets:\n"
    "  file: ~/.config/pipewright/secrets.env\n"
    "  environment: true\n";

WorkspaceParseResult parse(const QByteArray& text) {
    return parseWorkspace(YamlDocument::load(text, QStringLiteral(".pipewright/workspace.yml")));
}

}  // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheSpecExample();
    void appliesDefaults();
    void emptyFileIsAnEmptyWorkspace();
    void lookupsByName();
};

void TestWorkspace::readsTheSpecExample() {
    const WorkspaceParseResult r = parse(kExample);
    QVERIFY2(r.diagnostics.isEmpty(),
             r.diagnostics.isEmpty() ? "" : qPrintable(formatDiagnostic(r.diagnostics.front())));
    const Workspace& ws = r.workspace;
    QCOMPARE(ws.projects.size(), 2);
    const WorkspaceProject& p = ws.projects.front();
    QCOMPARE(p.buildspec, QStringLiteral("ci/buildspec.yml"));
    QCOMPARE(p.secondarySources.front().second, QStringLiteral("../assets"));
    QCOMPARE(p.environmentVariables.front(),
             qMakePair(QStringLiteral("STAGE"), QStringLiteral("dev")));
    QCOMPARE(p.timeoutMinutes, 30);
    QVERIFY(p.inPlace);
    QCOMPARE(p.mark.line, 3);
    QCOMPARE(ws.sources.size(), 2);
    QCOMPARE(ws.sources[0].git, QStringLiteral("."));
    QCOMPARE(ws.sources[1].path, QStringLiteral("dist/app.zip"));
    const WorkspaceDeploymentGroup& g = ws.applications.front().deploymentGroups.front();
    QVERIFY(g.config.isEmpty());
    QVERIFY(g.customConfig);
    QCOMPARE(g.customConfig->type, QStringLiteral("FLEET_PERCENT"));
    QCOMPARE(g.customConfig->value, 75);
    QVERIFY(g.blueGreenStyle);
    QCOMPARE(g.instances.size(), 2);
    QCOMPARE(g.instances[1].port, 18082);
    QVERIFY(g.instances[1].kind == InstanceKind::Sandbox);
    QCOMPARE(g.loadBalancer->port, 18080);
    QCOMPARE(g.loadBalancer->healthCheck.path, QStringLiteral("/health"));
    QCOMPARE(g.loadBalancer->healthCheck.intervalSeconds, 2);
    QCOMPARE(g.loadBalancer->healthCheck.expectedStatus, 200);
    QVERIFY(g.blueGreen->traffic.type == TrafficType::Canary);
    QCOMPARE(g.blueGreen->traffic.percent, 10);
    QVERIFY(g.blueGreen->waitOnReady);
    QVERIFY(g.blueGreen->keepOriginal);
    QCOMPARE(g.blueGreen->terminationWaitSeconds, 300);
    QVERIFY(g.autoRollback.enabled);
    QCOMPARE(g.autoRollback.events.size(), 2);
    QCOMPARE(g.alarm->maxErrorRate, 0.05);
    QCOMPARE(g.fileExistsBehavior, QStringLiteral("OVERWRITE"));
    QCOMPARE(g.keepRevisions, 3);
    QCOMPARE(ws.secrets.file, QStringLiteral("~/.config/pipewright/secrets.env"));
    QVERIFY(ws.secrets.environment);
}

void TestWorkspace::appliesDefaults() {
    const Workspace ws = parse(kExample).workspace;
    const WorkspaceProject& p = ws.projects[1];
    QCOMPARE(p.buildspec, QStringLiteral("buildspec.yml"));
    QCOMPARE(p.source, QStringLiteral("."));
    QCOMPARE(p.timeoutMinutes, 60);
    QVERIFY(!p.inPlace);
    const WorkspaceDeploymentGroup& g = ws.applications.front().deploymentGroups[1];
    QCOMPARE(g.config, QStringLiteral("CodeDeployDefault.OneAtATime"));
    QVERIFY(!g.blueGreenStyle);
    QVERIFY(!g.loadBalancer && !g.blueGreen && !g.alarm);
    QVERIFY(!g.autoRollback.enabled);
    QCOMPARE(g.fileExistsBehavior, QStringLiteral("DISALLOW"));
    QCOMPARE(g.keepRevisions, 5);
    QCOMPARE(ws.sources[0].branch, QStringLiteral("main"));
    QVERIFY(ws.sources[1].branch.isEmpty());  // the action's BranchName decides
}

void TestWorkspace::emptyFileIsAnEmptyWorkspace() {
    for (const QByteArray& text :
         {QByteArray(), QByteArray("# nothing yet\n"), QByteArray("version: 1\n")}) {
        const WorkspaceParseResult r = parse(text);
        QVERIFY(r.diagnostics.isEmpty());
        QVERIFY(r.workspace.projects.isEmpty());
        QCOMPARE(r.workspace.version, 1);
    }
}

void TestWorkspace::lookupsByName() {
    const Workspace ws = parse(kExample).workspace;
    QVERIFY(ws.project(u"app-build"));
    QVERIFY(!ws.project(u"app"));
    QVERIFY(ws.source(u"my-org/app"));
    QVERIFY(ws.application(u"web"));
    QVERIFY(ws.application(u"web")->group(u"web-prod"));
    QVERIFY(!ws.application(u"web")->group(u"web-test"));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
