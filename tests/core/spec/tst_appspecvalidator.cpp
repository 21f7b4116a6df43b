#include "spec/appspecvalidator.h"
#include "spec/rules.h"
#include "spec/specvalidator.h"

#include <QSet>
#include <QTest>

using namespace pw;

// Every appspec rule with a failing example (reported, at the expected line, with the
// severity its RuleInfo declares) and a passing one (not reported).
class TestAppspecValidator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void everyRuleHasPassingAndFailingExamples();
    void everyRuleIsUniqueAndDescribed();
    void validExamplesHaveNoErrors();
    void jsonAppspecValidates();
    void prefixesNeverCrash();
};

namespace {

const char* const kServer = "version: 0.0\nos: linux\n";
// Lines 1-2 are kServer; lines 3-5 install app/ into /var/www.
const char* const kFiles = "files:\n  - source: app\n    destination: /var/www\n";

QByteArray server(const char* rest) {
    return QByteArray(kServer) + rest;
}
QByteArray withFiles(const char* rest) {
    return QByteArray(kServer) + kFiles + rest;
}

// Properties start at line 6.
QByteArray ecs(const char* properties, const char* hooks = "") {
    return QByteArray(
               "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n"
               "      Properties:\n") +
           properties + hooks;
}
const char* const kEcsTask =
    "        TaskDefinition: \"arn:aws:ecs:us-east-1:111122223333:task-definition/web:3\"\n";
const char* const kEcsBalancer = "        LoadBalancerInfo:\n          ContainerName: web\n";

QByteArray ecsPort(const char* port) {
    return ecs((QByteArray(kEcsTask) + kEcsBalancer + "          ContainerPort: " + port + "\n")
                   .constData());
}

QByteArray ecsWith(const char* extra) {
    return ecs((QByteArray(kEcsTask) + kEcsBalancer + "          ContainerPort: 80\n" + extra)
                   .constData());
}

// Name on line 6, Alias 7, CurrentVersion 8, TargetVersion 9, Hooks 10.
QByteArray lambda(const char* name, const char* current, const char* target,
                  const char* hook = "BeforeAllowTraffic: check") {
    return QByteArray(
               "version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n"
               "      Properties:\n        Name: ") +
           name + "\n        Alias: live\n        CurrentVersion: " + current +
           "\n        TargetVersion: " + target + "\nHooks:\n  - " + hook + "\n";
}

struct Row {
    const char* rule;
    QByteArray failing;
    int line;  // where the failing example must be reported; 0 = the whole file
    QByteArray passing;
};

QList<Row> rows() {
    return {
        {"appspec-empty", " \n", 0, server("")},
        {"appspec-not-mapping", "- version\n- os\n", 1, server("")},
        {"appspec-wrong-type", server("files: app\n"), 3, withFiles("")},
        {"appspec-version", "version: 1\nos: linux\n", 1, server("")},
        {"appspec-os", "version: 0.0\nos: Linux\n", 2, server("")},
        {"appspec-file-exists-behavior", server("file_exists_behavior: overwrite\n"), 3,
         server("file_exists_behavior: OVERWRITE\n")},
        {"appspec-files-source", server("files:\n  - destination: /var/www\n"), 4, withFiles("")},
        {"appspec-files-destination", server("files:\n  - source: app\n"), 4, withFiles("")},
        {"appspec-files-duplicate-target",
         server("files:\n  - source: a/app.conf\n    destination: /etc\n  - source: b/app.conf\n"
                "    destination: /etc/\n"),
         6,
         server("files:\n  - source: a/app.conf\n    destination: /etc\n  - source: b/app.conf\n"
                "    destination: /etc/b\n")},
        {"appspec-permission-object", withFiles("permissions:\n  - owner: bob\n"), 7,
         withFiles("permissions:\n  - object: /var/www\n    owner: bob\n")},
        {"appspec-permissions-windows",
         "version: 0.0\nos: windows\npermissions:\n  - object: c:\\app\n", 4,
         "version: 0.0\nos: windows\nfiles:\n  - source: app\n    destination: c:\\app\n"},
        {"appspec-permission-type",
         withFiles("permissions:\n  - object: /var/www\n    type: [file, link]\n"), 8,
         withFiles("permissions:\n  - object: /var/www\n    type: [file, directory]\n")},
        {"appspec-permission-mode",
         withFiles("permissions:\n  - object: /var/www\n    mode: 12a\n"), 8,
         withFiles("permissions:\n  - object: /var/www\n    mode: 644\n")},
        {"appspec-permission-acl",
         withFiles("permissions:\n  - object: /var/www\n    acls:\n      - mask:name:rwx\n"), 9,
         withFiles("permissions:\n  - object: /var/www\n    acls:\n      - u:bob:rw\n")},
        {"appspec-selinux-context",
         withFiles("permissions:\n  - object: /var/www\n    context:\n      name: user_u\n"), 9,
         withFiles("permissions:\n  - object: /var/www\n    context:\n      type: httpd_t\n")},
        {"appspec-selinux-range",
         withFiles("permissions:\n  - object: /var/www\n    context:\n      type: t\n      range: "
                   "s3-s2\n"),
         10,
         withFiles("permissions:\n  - object: /var/www\n    context:\n      type: t\n      range: "
                   "s0-s2:c0.c7\n")},
        {"appspec-file-permission",
         server("files:\n  - source: site/index.html\n    destination: /var/www\npermissions:\n"
                "  - object: /var/www/index.html\n    pattern: \"*.html\"\n"),
         8,
         server("files:\n  - source: site/index.html\n    destination: /var/www\npermissions:\n"
                "  - object: /var/www\n    pattern: \"*.html\"\n    type: [file]\n")},
        {"appspec-hook-null", server("hooks:\n  BeforeInstall:\n"), 4,
         server("hooks:\n  BeforeInstall: []\n")},
        {"appspec-script-location", server("hooks:\n  AfterInstall:\n    - timeout: 30\n"), 5,
         server("hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 30\n")},
        {"appspec-script-timeout",
         server("hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: foo\n"), 6,
         server("hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: \"10\"\n")},
        {"appspec-resources", ecsWith("") + "  - Other:\n      Type: AWS::ECS::Service\n", 10,
         ecsWith("")},
        {"appspec-resource-type",
         "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::TaskSet\n      "
         "Properties:\n" +
             QByteArray(kEcsTask) + kEcsBalancer + "          ContainerPort: 80\n",
         4, ecsWith("")},
        {"appspec-ecs-task-definition",
         ecs((QByteArray("        TaskDefinition: \"\"\n") + kEcsBalancer +
              "          ContainerPort: 80\n")
                 .constData()),
         6, ecsWith("")},
        {"appspec-ecs-load-balancer", ecsPort("your-container-port"), 9, ecsPort("8080")},
        {"appspec-ecs-network",
         ecsWith("        NetworkConfiguration:\n          AwsvpcConfiguration:\n            "
                 "Subnets: [s-1]\n"
                 "            AssignPublicIp: YES\n"),
         13,
         ecsWith("        NetworkConfiguration:\n          AwsvpcConfiguration:\n            "
                 "Subnets: [s-1]\n"
                 "            AssignPublicIp: ENABLED\n")},
        {"appspec-ecs-capacity-provider",
         ecsWith("        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n       "
                 "     Base: 1\n"
                 "          - CapacityProvider: FARGATE_SPOT\n            Base: 2\n"),
         14,
         ecsWith("        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n       "
                 "     Base: 1\n"
                 "          - CapacityProvider: FARGATE_SPOT\n            Weight: 2\n")},
        {"appspec-lambda-property", lambda("fn", "\"1\"", "latest"), 9, lambda("fn", "\"1\"", "2")},
        {"appspec-function-hook", lambda("fn", "1", "2", "LifeCycleEvent: check"), 11,
         lambda("fn", "1", "2")},
        {"appspec-unknown-key", server("Hooks:\n  AfterInstall:\n    - location: a.sh\n"), 3,
         server("hooks:\n  AfterInstall:\n    - location: a.sh\n")},
        {"appspec-unknown-hook", server("hooks:\n  AfterInstal:\n    - location: a.sh\n"), 4,
         server("hooks:\n  AfterInstall:\n    - location: a.sh\n")},
        {"appspec-reserved-hook", server("hooks:\n  DownloadBundle:\n    - location: a.sh\n"), 4,
         server("hooks:\n  BeforeInstall:\n    - location: a.sh\n")},
        {"appspec-hook-timeout",
         server("hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 3000\n"
                "    - location: b.sh\n      timeout: 1000\n"),
         4,
         server("hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 1800\n"
                "    - location: b.sh\n      timeout: 1800\n")},
        {"appspec-context-user",
         withFiles(
             "permissions:\n  - object: /var/www\n    context:\n      user: u\n      type: t\n"),
         9,
         withFiles(
             "permissions:\n  - object: /var/www\n    context:\n      name: u\n      type: t\n")},
        {"appspec-selinux-range-shape",
         withFiles("permissions:\n  - object: /var/www\n    context:\n      type: t\n      "
                   "range:\n        low: s0\n"),
         11,
         withFiles(
             "permissions:\n  - object: /var/www\n    context:\n      type: t\n      range: s0\n")},
        {"appspec-permission-unmatched", withFiles("permissions:\n  - object: /etc/nginx\n"), 7,
         withFiles("permissions:\n  - object: /var/www/html\n")},
        {"appspec-mode-octal", withFiles("permissions:\n  - object: /var/www\n    mode: 0755\n"), 8,
         withFiles("permissions:\n  - object: /var/www\n    mode: \"0755\"\n")},
        {"appspec-version-quoted", "version: \"0.0\"\nos: linux\n", 1, server("")},
        {"appspec-runas-windows",
         "version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: a.bat\n      runas: "
         "Administrator\n",
         6, server("hooks:\n  AfterInstall:\n    - location: a.sh\n      runas: ec2-user\n")},
        {"appspec-destination-path", server("files:\n  - source: app\n    destination: var/www\n"),
         5, withFiles("")},
        {"appspec-ecs-container-port-quoted", ecsPort("\"80\""), 9, ecsPort("80")},
        {"appspec-task-definition-arn",
         ecs((QByteArray(
                  "        TaskDefinition: \"arn:aws:ecs:us-east-1::task-definition/web:3\"\n") +
              kEcsBalancer + "          ContainerPort: 80\n")
                 .constData()),
         6, ecsWith("")},
        {"appspec-lambda-same-version", lambda("fn", "\"1\"", "\"1\""), 9,
         lambda("fn", "\"1\"", "\"2\"")},
        {"appspec-template-token", lambda("\"{{FUNCTION}}\"", "1", "2"), 6, lambda("fn", "1", "2")},
    };
}

Diagnostics validate(const QByteArray& text) {
    return validateSpec(QStringLiteral("appspec.yml"), text, SpecKind::Appspec).diagnostics;
}

QList<Diagnostic> withRule(const Diagnostics& diagnostics, const QString& rule) {
    QList<Diagnostic> out;
    for (const Diagnostic& d : diagnostics)
        if (d.rule == rule)
            out << d;
    return out;
}

QString dump(const Diagnostics& diagnostics) {
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        lines << formatDiagnostic(d);
    return lines.join(u'\n');
}

}  // namespace

void TestAppspecValidator::rules_data() {
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("expectReported");
    QTest::addColumn<int>("line");
    for (const Row& row : rows()) {
        QTest::addRow("%s fails", row.rule)
            << QString::fromLatin1(row.rule) << row.failing << true << row.line;
        QTest::addRow("%s passes", row.rule)
            << QString::fromLatin1(row.rule) << row.passing << false << 0;
    }
}

void TestAppspecValidator::rules() {
    QFETCH(QString, rule);
    QFETCH(QByteArray, text);
    QFETCH(bool, expectReported);
    QFETCH(int, line);
    const Diagnostics diagnostics = validate(text);
    const QList<Diagnostic> found = withRule(diagnostics, rule);
    QVERIFY2(found.isEmpty() != expectReported, qPrintable(dump(diagnostics)));
    if (!expectReported)
        return;
    const RuleInfo* info = findRule(rule);
    QVERIFY(info);
    QCOMPARE(found.first().severity, info->severity);
    QCOMPARE(found.first().line, line);
    QVERIFY(!found.first().message.isEmpty());
}

void TestAppspecValidator::everyRuleHasPassingAndFailingExamples() {
    QSet<QString> covered;
    for (const Row& row : rows())
        covered.insert(QString::fromLatin1(row.rule));
    for (const RuleInfo& rule : appspecRules())
        QVERIFY2(covered.contains(QString::fromLatin1(rule.id)), rule.id);
    QCOMPARE(covered.size(), qsizetype(appspecRules().size()));
}

void TestAppspecValidator::everyRuleIsUniqueAndDescribed() {
    QSet<QString> ids;
    for (const RuleInfo& rule : appspecRules()) {
        const QString id = QString::fromLatin1(rule.id);
        QVERIFY2(id.startsWith(QLatin1String("appspec-")), rule.id);
        QVERIFY2(!ids.contains(id), rule.id);
        ids.insert(id);
        QVERIFY2(QString::fromLatin1(rule.description).endsWith(u'.'), rule.id);
    }
}

// Each rule's passing example is also clean of every error, so it is a usable file.
void TestAppspecValidator::validExamplesHaveNoErrors() {
    for (const Row& row : rows()) {
        const Diagnostics diagnostics = validate(row.passing);
        QVERIFY2(!hasErrors(diagnostics),
                 qPrintable(QString::fromLatin1(row.rule) + u'\n' + dump(diagnostics)));
    }
}

void TestAppspecValidator::jsonAppspecValidates() {
    const QByteArray json =
        "{\n\t\"version\": 0.0,\n\t\"Resources\": [{\"myFn\": {\"Type\": "
        "\"AWS::Lambda::Function\",\n"
        "\t\t\"Properties\": {\"Name\": \"fn\", \"Alias\": \"live\", \"CurrentVersion\": \"1\",\n"
        "\t\t\"TargetVersion\": \"2\"}}}],\n\t\"Hooks\": [{\"BeforeAllowTraffic\": \"check\"},\n"
        "\t\t{\"AfterAllowTrafic\": \"after\"}]\n}\n";
    const Diagnostics diagnostics =
        validateSpec(QStringLiteral("appspec.json"), json, SpecKind::Appspec).diagnostics;
    const QList<Diagnostic> hook = withRule(diagnostics, QStringLiteral("appspec-function-hook"));
    QCOMPARE(hook.size(), 1);
    QCOMPARE(hook.first().line, 7);
    QVERIFY(hook.first().fix.has_value());
    QCOMPARE(hook.first().fix->edits.first().replacement, QByteArray("AfterAllowTraffic"));
    QCOMPARE(countSeverity(diagnostics, Severity::Error), 1);
}

// Every prefix of a rich file is a plausible half-typed editor buffer: none may crash.
void TestAppspecValidator::prefixesNeverCrash() {
    const QByteArray server = withFiles(
        "file_exists_behavior: RETAIN\npermissions:\n  - object: /var/www\n    pattern: \"**\"\n"
        "    except: [a.txt]\n    mode: 0644\n    acls: [\"d:u:bob:rw\", \"m::rwx\"]\n"
        "    context: {user: u, type: t, range: \"s0-s1:c0.c3,c5\"}\n    type: [file]\n"
        "hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 99999\n      runas: root\n"
        "      sudo: yes\n  Install: &x\n    - location: b.sh\n  BeforeInstall: *x\n");
    const QByteArray service = ecsWith(
        "        NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [a]}}\n"
        "        CapacityProviderStrategy: [{CapacityProvider: x, Base: 1}]\n");
    for (const QByteArray& text : {server, service, lambda("fn", "1", "2")}) {
        int withErrors = 0;
        for (qsizetype n = 0; n <= text.size(); ++n)
            withErrors += hasErrors(validate(text.left(n))) ? 1 : 0;
        QVERIFY(withErrors > 0);
        QVERIFY(!hasErrors(validate(text)));
    }
}

QTEST_GUILESS_MAIN(TestAppspecValidator)
#include "tst_appspecvalidator.moc"
