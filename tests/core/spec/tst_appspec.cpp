#include "spec/appspec.h"
#include "spec/appspeclifecycle.h"
#include "spec/appspecvalidator.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pw;

// The appspec model and parser, the lifecycle tables, the agent's grammars, and the parsing
// and validation cases of appspec.md §7.
class TestAppspec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesServerModel();
    void parsesEcsModel();
    void parsesLambdaJson();
    void detectsPlatform_data();
    void detectsPlatform();
    void serverLifecycleOrder();
    void ecsAndLambdaHooks();
    void yaml11Integers_data();
    void yaml11Integers();
    void permissionModes_data();
    void permissionModes();
    void aclEntries_data();
    void aclEntries();
    void selinuxRanges_data();
    void selinuxRanges();
    void hostileRangeStaysFast();
    void timeoutsAsTheAgentReadsThem_data();
    void timeoutsAsTheAgentReadsThem();
    void tc1HooksAndTimeouts();
    void tc2ScriptsKeepOrder();
    void tc4AndTc6ParseWhatTheEngineNeeds();
    void tc7OctalModeWarnsWithQuoteFix();
    void tc7OctalModeThatSilentlyChanges();
    void tc8VersionAndOsTraps();
    void tc13SilentTypos();
    void tc14LocalEventOrder_data();
    void tc14LocalEventOrder();
    void agentWordingIsKept();
};

namespace {

YamlDocument load(const QByteArray& text, const QString& file = QStringLiteral("appspec.yml")) {
    return YamlDocument::load(text, file);
}

QByteArray applyFix(const QByteArray& text, const Fix& fix) {
    QByteArray out = text;
    for (auto it = fix.edits.crbegin(); it != fix.edits.crend(); ++it)
        out.replace(it->offset, it->length, it->replacement);
    return out;
}

const Diagnostic* findRule(const Diagnostics& diagnostics, const char* rule) {
    for (const Diagnostic& d : diagnostics)
        if (d.rule == QLatin1String(rule))
            return &d;
    return nullptr;
}

}  // namespace

void TestAppspec::parsesServerModel() {
    const YamlDocument doc = load(
        "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /var/www\n"
        "file_exists_behavior: RETAIN\npermissions:\n  - object: /var/www\n    except: [a.txt]\n"
        "    owner: www-data\n    mode: \"0640\"\n    acls: [\"u:bob:rw\"]\n"
        "    context: {name: user_u, type: httpd_t, range: s0}\n    type: [directory]\n"
        "hooks:\n  ApplicationStop:\n    - location: stop.sh\n  AfterInstall:\n"
        "    - location: ' migrate.sh '\n      timeout: 300\n      runas: deploy\n      sudo: "
        "true\n");
    const AppspecParseResult result = parseAppspec(doc);
    QVERIFY(result.diagnostics.isEmpty());
    const Appspec& spec = result.spec;
    QCOMPARE(spec.platform, AppspecPlatform::Server);
    QCOMPARE(spec.os, QStringLiteral("linux"));
    QCOMPARE(spec.fileExistsBehavior, FileExistsBehavior::Retain);
    QCOMPARE(spec.files.size(), 1);
    QCOMPARE(spec.files[0].destination, QStringLiteral("/var/www"));
    QCOMPARE(spec.files[0].mark.line, 4);
    QCOMPARE(spec.permissions.size(), 1);
    const AppspecPermission& permission = spec.permissions[0];
    QCOMPARE(permission.pattern, QStringLiteral("**"));
    QCOMPARE(permission.except, QStringList{QStringLiteral("a.txt")});
    QCOMPARE(permission.mode, QStringLiteral("0640"));
    QCOMPARE(permission.types, QStringList{QStringLiteral("directory")});
    QVERIFY(permission.context.has_value());
    QCOMPARE(permission.context->name, QStringLiteral("user_u"));
    QCOMPARE(spec.hooks.size(), 2);
    QCOMPARE(spec.hooks[0].event, QStringLiteral("ApplicationStop"));
    QCOMPARE(spec.hooks[0].scripts[0].timeoutSeconds, 3600);
    QVERIFY(!spec.hooks[0].scripts[0].timeoutGiven);
    const AppspecScript& migrate = spec.hook(u"AfterInstall")->scripts[0];
    QCOMPARE(migrate.location, QStringLiteral("migrate.sh"));  // the agent strips it
    QCOMPARE(migrate.timeoutSeconds, 300);
    QCOMPARE(migrate.runas, QStringLiteral("deploy"));
    QVERIFY(migrate.sudo);
    QCOMPARE(migrate.mark.line, 19);
    QVERIFY(!spec.hook(u"ValidateService"));
}

void TestAppspec::parsesEcsModel() {
    const YamlDocument doc = load(
        "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n"
        "      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n"
        "          ContainerName: web\n          ContainerPort: 8080\n        PlatformVersion: "
        "1.4.0\n"
        "        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [a, "
        "b]\n"
        "            SecurityGroups: [sg]\n            AssignPublicIp: DISABLED\n"
        "        CapacityProviderStrategy:\n          - {CapacityProvider: FARGATE_SPOT, Weight: "
        "2}\n"
        "Hooks:\n  - AfterAllowTestTraffic: smoke\n  - BeforeInstall: pre\n");
    const AppspecParseResult result = parseAppspec(doc);
    QVERIFY(result.diagnostics.isEmpty());
    QCOMPARE(result.spec.platform, AppspecPlatform::Ecs);
    QVERIFY(result.spec.ecsService.has_value());
    const AppspecEcsService& service = *result.spec.ecsService;
    QCOMPARE(service.logicalName, QStringLiteral("TargetService"));
    QCOMPARE(service.taskDefinition, QStringLiteral("<TASK_DEFINITION>"));
    QCOMPARE(service.containerPort, 8080);
    QCOMPARE(service.platformVersion, QStringLiteral("1.4.0"));
    QCOMPARE(service.subnets.size(), 2);
    QCOMPARE(service.assignPublicIp, QStringLiteral("DISABLED"));
    QCOMPARE(service.capacityProviders.size(), 1);
    QCOMPARE(service.capacityProviders[0].weight, 2);
    QCOMPARE(result.spec.functionFor(u"AfterAllowTestTraffic"), QStringLiteral("smoke"));
    QCOMPARE(result.spec.functionHooks[1].mark.line, 20);
}

void TestAppspec::parsesLambdaJson() {
    const YamlDocument doc = load(
        "{\"version\": 0.0, \"Resources\": [{\"fn\": {\"Type\": \"AWS::Lambda::Function\", "
        "\"Properties\": {\"Name\": \"f\", \"Alias\": \"live\", \"CurrentVersion\": 3, "
        "\"TargetVersion\": \"4\"}}}]}",
        QStringLiteral("appspec.json"));
    const AppspecParseResult result = parseAppspec(doc);
    QVERIFY(result.diagnostics.isEmpty());
    QCOMPARE(result.spec.platform, AppspecPlatform::Lambda);
    QCOMPARE(result.spec.lambdaFunction->alias, QStringLiteral("live"));
    QCOMPARE(result.spec.lambdaFunction->currentVersion, QStringLiteral("3"));
    QCOMPARE(result.spec.lambdaFunction->targetVersion, QStringLiteral("4"));
}

void TestAppspec::detectsPlatform_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<AppspecPlatform>("platform");
    QTest::newRow("server") << QByteArray("version: 0.0\nos: linux\n") << AppspecPlatform::Server;
    QTest::newRow("ecs by name") << QByteArray("Resources:\n  - TargetService: {}\n")
                                 << AppspecPlatform::Ecs;
    QTest::newRow("ecs by type") << QByteArray("resources:\n  - svc: {Type: AWS::ECS::Service}\n")
                                 << AppspecPlatform::Ecs;
    QTest::newRow("lambda") << QByteArray("Resources:\n  - f: {Type: AWS::Lambda::Function}\n")
                            << AppspecPlatform::Lambda;
    QTest::newRow("resources and os")
        << QByteArray("os: linux\nResources: x\n") << AppspecPlatform::Server;
}

void TestAppspec::detectsPlatform() {
    QFETCH(QByteArray, text);
    QFETCH(AppspecPlatform, platform);
    QCOMPARE(detectAppspecPlatform(load(text).root()), platform);
}

void TestAppspec::serverLifecycleOrder() {
    QCOMPARE(scriptableHooks(AppspecPlatform::Server),
             QStringList({"BeforeBlockTraffic", "AfterBlockTraffic", "ApplicationStop",
                          "BeforeInstall", "AfterInstall", "ApplicationStart", "ValidateService",
                          "BeforeAllowTraffic", "AfterAllowTraffic"}));
    // In place without a load balancer (appspec.md §2.2).
    QCOMPARE(serverEventsFor(InstanceRole::InPlace, false),
             QStringList({"Start", "ApplicationStop", "DownloadBundle", "BeforeInstall", "Install",
                          "AfterInstall", "ApplicationStart", "ValidateService", "End"}));
    QCOMPARE(serverEventsFor(InstanceRole::InPlace).size(),
             qsizetype(lifecycleEvents(AppspecPlatform::Server).size()));
    // Blue/green (appspec.md §2.2, TC11).
    QCOMPARE(serverEventsFor(InstanceRole::Replacement),
             QStringList({"ApplicationStop", "DownloadBundle", "BeforeInstall", "Install",
                          "AfterInstall", "ApplicationStart", "ValidateService",
                          "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"}));
    QCOMPARE(serverEventsFor(InstanceRole::Original),
             QStringList({"BeforeBlockTraffic", "BlockTraffic", "AfterBlockTraffic"}));
    QCOMPARE(serverEventsFor(InstanceRole::RollbackOriginal),
             QStringList({"BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"}));
    QCOMPARE(serverEventsFor(InstanceRole::RollbackReplacement, false),
             serverEventsFor(InstanceRole::Original));
    QStringList local;
    for (const char* name : localLifecycleOrder())
        local << QLatin1String(name);
    QCOMPARE(local.size(), 11);
    QCOMPARE(local.indexOf(QStringLiteral("DownloadBundle")), 3);
    QVERIFY(isReservedEvent(AppspecPlatform::Server, u"Install"));
    QVERIFY(!isReservedEvent(AppspecPlatform::Server, u"AfterInstal"));
    QVERIFY(findLifecycleEvent(AppspecPlatform::Server, u"ApplicationStop")->usesPreviousRevision);
    QVERIFY(!findLifecycleEvent(AppspecPlatform::Server, u"BeforeInstall")->usesPreviousRevision);
}

void TestAppspec::ecsAndLambdaHooks() {
    QCOMPARE(scriptableHooks(AppspecPlatform::Ecs),
             QStringList({"BeforeInstall", "AfterInstall", "AfterAllowTestTraffic",
                          "BeforeAllowTraffic", "AfterAllowTraffic"}));
    QCOMPARE(scriptableHooks(AppspecPlatform::Lambda),
             QStringList({"BeforeAllowTraffic", "AfterAllowTraffic"}));
    QVERIFY(!isScriptableHook(AppspecPlatform::Lambda, u"BeforeInstall"));
    QVERIFY(isReservedEvent(AppspecPlatform::Ecs, u"AllowTestTraffic"));
}

void TestAppspec::yaml11Integers_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");  // -1: not an integer
    QTest::newRow("octal") << QByteArray("0755") << qint64(493);
    QTest::newRow("octal 0644") << QByteArray("0644") << qint64(420);
    QTest::newRow("decimal") << QByteArray("644") << qint64(644);
    QTest::newRow("hex") << QByteArray("0x1f") << qint64(31);
    QTest::newRow("underscores") << QByteArray("1_000") << qint64(1000);
    QTest::newRow("quoted") << QByteArray("\"0755\"") << qint64(-1);
    QTest::newRow("not octal") << QByteArray("0789") << qint64(-1);
    QTest::newRow("float") << QByteArray("0.0") << qint64(-1);
}

void TestAppspec::yaml11Integers() {
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    const YamlDocument doc = load("v: " + value + "\n");
    QCOMPARE(yaml11Integer(doc.root().get(u"v")).value_or(-1), expected);
}

void TestAppspec::permissionModes_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("error");  // a fragment of the agent's message; empty = accepted
    QTest::newRow("3 digits") << "644"
                              << "";
    QTest::newRow("2 digits padded") << "44"
                                     << "";
    QTest::newRow("4 digits") << "6763"
                              << "";
    QTest::newRow("5 digits") << "12345"
                              << "length of a permissions mode (12345)";
    QTest::newRow("letter") << "12a"
                            << "mode (12a) in the application specification file contains an "
                               "invalid character (a)";
    QTest::newRow("yaml octal") << "493"
                                << "invalid character (9)";
}

void TestAppspec::permissionModes() {
    QFETCH(QString, mode);
    QFETCH(QString, error);
    const QString message = checkPermissionMode(mode);
    QVERIFY2(error.isEmpty() ? message.isEmpty() : message.contains(error), qPrintable(message));
}

void TestAppspec::aclEntries_data() {
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("isDefault");
    // The agent's own test cases (application_specification_test.rb).
    QTest::newRow("2 parts") << "bob:6"
                             << "" << false;
    QTest::newRow("mask") << "m:6"
                          << "" << false;
    QTest::newRow("default user") << "d:u:bob:rwx"
                                  << "" << true;
    QTest::newRow("default group long") << "default:g:dev:rw"
                                        << "" << true;
    QTest::newRow("default unnamed") << "d::3"
                                     << "" << true;
    QTest::newRow("too few") << "7"
                             << "Invalid acl entry (7)." << false;
    QTest::newRow("too many") << "d:u:bob:7:rwx"
                              << "Invalid acl entry (d:u:bob:7:rwx)." << false;
    QTest::newRow("double default") << "d:d:bob:7"
                                    << "Invalid acl entry (d:d:bob:7)." << false;
    QTest::newRow("bad type") << "d:invalid:bob:7"
                              << "Invalid acl entry (d:invalid:bob:7)." << false;
    QTest::newRow("mask with name") << "mask:name:rwx"
                                    << "Invalid acl entry (mask:name:rwx)." << false;
    QTest::newRow("base entry") << "u::rwx"
                                << "Use mode to set the base acl entry (u::rwx)" << false;
    QTest::newRow("bad perm") << "user:bob:rwxd"
                              << "named user:bob:rwxd in the application specification "
                                 "file contains an invalid character (d)"
                              << false;
}

void TestAppspec::aclEntries() {
    QFETCH(QString, entry);
    QFETCH(QString, error);
    QFETCH(bool, isDefault);
    bool defaultEntry = false;
    const QString message = checkAclEntry(entry, &defaultEntry);
    QVERIFY2(error.isEmpty() ? message.isEmpty() : message.contains(error), qPrintable(message));
    if (error.isEmpty())
        QCOMPARE(defaultEntry, isDefault);
}

void TestAppspec::selinuxRanges_data() {
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("error");
    QTest::newRow("single") << "s0"
                            << "";
    QTest::newRow("full") << "s3-s5:c0.c7,c13"
                          << "";
    QTest::newRow("reversed") << "s3-s2:c0"
                              << "SELinux range specified (s3-s2:c0)";
    QTest::newRow("missing high") << "s3-"
                                  << "invalid range part s3-";
    QTest::newRow("missing low") << ":c0"
                                 << "invalid range part :c0";
    QTest::newRow("bare s") << "s"
                            << "invalid sensitivity s";
    QTest::newRow("negative") << "s0-s-1"
                              << "invalid sensitivity s-1";
    QTest::newRow("letters") << "sd3"
                             << "invalid sensitivity sd3";
    QTest::newRow("category range reversed") << "s0:c2.c1"
                                             << "invalid category range c2.c1";
    QTest::newRow("category range open") << "s0:c2."
                                         << "invalid range part c2.";
    QTest::newRow("no categories") << "s0:"
                                   << "invalid range part s0:";
    QTest::newRow("bare c") << "s0:c"
                            << "invalid category c";
    QTest::newRow("above 1023") << "s0:c1024"
                                << "invalid category c1024";
    QTest::newRow("duplicates") << "s0:c0.c3,c2"
                                << "duplicate categories";
}

void TestAppspec::selinuxRanges() {
    QFETCH(QString, range);
    QFETCH(QString, error);
    const QString message = checkSelinuxRange(range);
    QVERIFY2(error.isEmpty() ? message.isEmpty() : message.contains(error), qPrintable(message));
}

// A megabyte of overlapping category ranges must not expand into billions of categories.
void TestAppspec::hostileRangeStaysFast() {
    const QString range =
        QStringLiteral("s0:") + QStringLiteral("c0.c1023,").repeated(100'000) + u'x';
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(checkSelinuxRange(range), QStringLiteral("invalid category x"));
    QCOMPARE(checkSelinuxRange(range.chopped(2)), QStringLiteral("duplicate categories"));
    QVERIFY(timer.elapsed() < 5000);
}

void TestAppspec::timeoutsAsTheAgentReadsThem_data() {
    QTest::addColumn<QByteArray>("timeout");
    QTest::addColumn<int>("seconds");  // 0: rejected with the agent's timeout message
    QTest::newRow("number") << QByteArray("60") << 60;
    QTest::newRow("string") << QByteArray("\"10\"") << 10;
    QTest::newRow("leading digits") << QByteArray("\"15s\"") << 15;
    QTest::newRow("float") << QByteArray("90.5") << 90;
    QTest::newRow("word") << QByteArray("foo") << 0;
    QTest::newRow("negative") << QByteArray("-5") << 0;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("boolean") << QByteArray("yes") << 0;
}

void TestAppspec::timeoutsAsTheAgentReadsThem() {
    QFETCH(QByteArray, timeout);
    QFETCH(int, seconds);
    const AppspecParseResult result = parseAppspec(load(
        "version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: " +
        timeout + "\n"));
    const Diagnostic* error = findRule(result.diagnostics, "appspec-script-timeout");
    QCOMPARE(error != nullptr, seconds == 0);
    if (seconds > 0)
        QCOMPARE(result.spec.hooks[0].scripts[0].timeoutSeconds, seconds);
    else
        QCOMPARE(error->line, 6);
}

// TC1: the model the scheduler needs, and no diagnostics at all.
void TestAppspec::tc1HooksAndTimeouts() {
    const QByteArray text =
        "version: 0.0\nos: linux\nfiles: [{source: app, destination: /opt/app}]\nhooks:\n"
        "  ApplicationStart: [{location: scripts/start.sh}]\n"
        "  ValidateService:  [{location: scripts/check.sh, timeout: 60}]\n";
    QVERIFY(validateAppspec(load(text)).isEmpty());
    const Appspec spec = parseAppspec(load(text)).spec;
    QCOMPARE(spec.files[0].source, QStringLiteral("app"));
    QCOMPARE(spec.hook(u"ValidateService")->scripts[0].timeoutSeconds, 60);
    QCOMPARE(spec.hook(u"ApplicationStart")->scripts[0].timeoutSeconds, 3600);
}

// TC2: scripts of one event keep their order; the second has the default timeout.
void TestAppspec::tc2ScriptsKeepOrder() {
    const Appspec spec = parseAppspec(load("version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    "
                                           "- location: scripts/migrate.sh\n"
                                           "      timeout: 5\n    - location: scripts/never.sh\n"))
                             .spec;
    const AppspecHook* hook = spec.hook(u"AfterInstall");
    QCOMPARE(hook->scripts.size(), 2);
    QCOMPARE(hook->scripts[0].location, QStringLiteral("scripts/migrate.sh"));
    QCOMPARE(hook->scripts[0].timeoutSeconds, 5);
    QCOMPARE(hook->scripts[1].location, QStringLiteral("scripts/never.sh"));
}

// TC4: no file_exists_behavior means DISALLOW; TC6: the start script's own timeout.
void TestAppspec::tc4AndTc6ParseWhatTheEngineNeeds() {
    const QByteArray tc4 =
        "version: 0.0\nos: linux\nfiles: [{source: html, destination: /var/www/html}]\n";
    QCOMPARE(parseAppspec(load(tc4)).spec.fileExistsBehavior, FileExistsBehavior::Disallow);
    const Appspec overwrite = parseAppspec(load(tc4 + "file_exists_behavior: OVERWRITE\n")).spec;
    QCOMPARE(fileExistsBehaviorName(overwrite.fileExistsBehavior), QStringLiteral("OVERWRITE"));
    const Appspec tc6 = parseAppspec(load("version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n"
                                          "    - location: scripts/start.sh   # ./server &\n"
                                          "      timeout: 15\n"))
                            .spec;
    QCOMPARE(tc6.hook(u"ApplicationStart")->scripts[0].timeoutSeconds, 15);
    QCOMPARE(tc6.hook(u"ApplicationStart")->scripts[0].location,
             QStringLiteral("scripts/start.sh"));
}

// TC7: `mode: 0755` is octal 493 for the Ruby agent, which then fails Install.
void TestAppspec::tc7OctalModeWarnsWithQuoteFix() {
    const QByteArray text =
        "version: 0.0\nos: linux\nfiles: [{source: app, destination: /opt/app}]\n"
        "permissions:\n  - object: /opt/app\n    pattern: \"**\"\n    mode: 0755\n"
        "    type: [file]\n";
    const Diagnostics diagnostics = validateAppspec(load(text));
    QVERIFY(!hasErrors(diagnostics));
    const Diagnostic* warning = findRule(diagnostics, "appspec-mode-octal");
    QVERIFY(warning);
    QCOMPARE(warning->severity, Severity::Warning);
    QCOMPARE(warning->line, 7);
    QVERIFY(warning->message.contains(QLatin1String("permissions mode (493)")));
    QVERIFY(warning->message.contains(QLatin1String("invalid character (9)")));
    QVERIFY(warning->fix.has_value());
    const QByteArray fixed = applyFix(text, *warning->fix);
    QVERIFY(fixed.contains("    mode: \"0755\"\n"));
    QVERIFY(validateAppspec(load(fixed)).isEmpty());
    QCOMPARE(parseAppspec(load(text)).spec.permissions[0].mode, QStringLiteral("0755"));
}

void TestAppspec::tc7OctalModeThatSilentlyChanges() {
    const Diagnostics diagnostics = validateAppspec(
        load("version: 0.0\nos: linux\nfiles: [{source: app, destination: /opt/app}]\n"
             "permissions:\n  - object: /opt/app\n    mode: 0644\n"));
    const Diagnostic* warning = findRule(diagnostics, "appspec-mode-octal");
    QVERIFY(warning);
    QVERIFY(warning->message.contains(QLatin1String("silently sets mode 420")));
}

// TC8: a quoted version warns (the agent rejects it); `os: Linux` is the agent's error.
void TestAppspec::tc8VersionAndOsTraps() {
    const QByteArray quoted = "version: \"0.0\"\nos: linux\n";
    const Diagnostics first = validateAppspec(load(quoted));
    QCOMPARE(first.size(), 1);
    QCOMPARE(first[0].rule, QStringLiteral("appspec-version-quoted"));
    QVERIFY(first[0].message.contains(QLatin1String("invalid version value (0.0)")));
    QCOMPARE(applyFix(quoted, *first[0].fix), QByteArray("version: 0.0\nos: linux\n"));

    const QByteArray capital = "version: 0.0\nos: Linux\n";
    const Diagnostics second = validateAppspec(load(capital));
    QCOMPARE(second.size(), 1);
    QCOMPARE(second[0].severity, Severity::Error);
    QVERIFY(second[0].message.contains(QLatin1String("unsupported operating system (Linux)")));
    QCOMPARE(applyFix(capital, *second[0].fix), QByteArray("version: 0.0\nos: linux\n"));
}

// TC13: `Hooks:` and `AfterInstal:` are accepted silently by the agent; we warn with fixes.
void TestAppspec::tc13SilentTypos() {
    const QByteArray capital =
        "version: 0.0\nos: linux\nHooks:\n  AfterInstall:\n    - location: a.sh\n";
    const Diagnostics first = validateAppspec(load(capital));
    QCOMPARE(first.size(), 1);
    QVERIFY(first[0].message.contains(QLatin1String("did you mean 'hooks'")));
    QVERIFY(applyFix(capital, *first[0].fix).contains("\nhooks:\n"));

    const QByteArray typo =
        "version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n    - location: a.sh\n";
    const Diagnostics second = validateAppspec(load(typo));
    QCOMPARE(second.size(), 1);
    QCOMPARE(second[0].rule, QStringLiteral("appspec-unknown-hook"));
    QVERIFY(
        second[0].message.contains(QLatin1String("unknown lifecycle events: [\"AfterInstal\"]")));
    QVERIFY(applyFix(typo, *second[0].fix).contains("  AfterInstall:\n"));
}

void TestAppspec::tc14LocalEventOrder_data() {
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<QStringList>("runs");
    QTest::addColumn<QString>("error");
    QTest::newRow("default") << QStringList() << QStringList() << QString();
    QTest::newRow("start only") << QStringList{"ApplicationStart"}
                                << QStringList{"DownloadBundle", "Install", "ApplicationStart"}
                                << QString();
    QTest::newRow("stop before download")
        << QStringList{"ApplicationStop", "DownloadBundle", "ApplicationStart"}
        << QStringList{"Install", "ApplicationStop", "DownloadBundle", "ApplicationStart"}
        << QString();
    QTest::newRow("validate before download")
        << QStringList{"ValidateService", "DownloadBundle"} << QStringList()
        << QStringLiteral(
               "The only events that can be specified before DownloadBundle are "
               "BeforeBlockTraffic,AfterBlockTraffic,ApplicationStop. Please fix the order of "
               "your specified events: ValidateService,DownloadBundle");
    QTest::newRow("after install before install")
        << QStringList{"AfterInstall", "Install"} << QStringList()
        << QStringLiteral(
               "The only events that can be specified before Install are BeforeBlockTraffic,"
               "AfterBlockTraffic,ApplicationStop,DownloadBundle,BeforeInstall. Please fix the "
               "order of your specified events: AfterInstall,Install");
}

void TestAppspec::tc14LocalEventOrder() {
    QFETCH(QStringList, requested);
    QFETCH(QStringList, runs);
    QFETCH(QString, error);
    const LocalEventPlan plan = planLocalEvents(requested);
    QCOMPARE(plan.error, error);
    if (requested.isEmpty())
        QCOMPARE(plan.events.size(), qsizetype(localLifecycleOrder().size()));
    else
        QCOMPARE(plan.events, runs);
}

void TestAppspec::agentWordingIsKept() {
    const Diagnostics empty = validateAppspec(load(""));
    QCOMPARE(empty.size(), 1);
    QVERIFY(empty[0].message.startsWith(QLatin1String(
        "The deployment failed because the application specification file was empty.")));
    const Diagnostics missing =
        validateAppspec(load("version: 0.0\nos: linux\nfiles:\n  - source: x\n"));
    QCOMPARE(
        missing[0].message,
        QStringLiteral(
            "The deployment failed because the application specification file specifies only a "
            "source file (x). Add the name of the destination file to the files section of the "
            "AppSpec file, and then try again."));
    const Diagnostics windows =
        validateAppspec(load("version: 0.0\nos: windows\npermissions:\n  - object: c:\\a\n"));
    QVERIFY(windows[0].message.contains(QLatin1String("specifiles file permissions")));
    const Diagnostics context = validateAppspec(
        load("version: 0.0\nos: linux\nfiles: [{source: a, destination: /t}]\npermissions:\n"
             "  - object: /t\n    context:\n      name: 'name'\n"));
    QVERIFY(
        context[0].message.contains(QLatin1String("invalid context type ({\"name\"=>\"name\"})")));
}

QTEST_GUILESS_MAIN(TestAppspec)
#include "tst_appspec.moc"
