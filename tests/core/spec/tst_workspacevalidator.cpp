#include "spec/rules.h"
#include "spec/specvalidator.h"

#include <QSet>
#include <QTest>

using namespace pw;

namespace {

const QByteArray kBase =
    "version: 1\n"                                             // 1
    "projects:\n"                                              // 2
    "  app-build:\n"                                           // 3
    "    buildspec: buildspec.yml\n"                           // 4
    "    timeout-minutes: 60\n"                                // 5
    "sources:\n"                                               // 6
    "  my-org/app:\n"                                          // 7
    "    git: .\n"                                             // 8
    "applications:\n"                                          // 9
    "  web:\n"                                                 // 10
    "    deployment-groups:\n"                                 // 11
    "      web-dev:\n"                                         // 12
    "        style: in-place\n"                                // 13
    "        instances:\n"                                     // 14
    "          - {name: web-1, kind: sandbox, port: 18081}\n"  // 15
    "          - {name: web-2, kind: sandbox, port: 18082}\n"  // 16
    "        load-balancer: {port: 18080}\n"                   // 17
    "        alarm: {max-error-rate: 0.05}\n"                  // 18
    "secrets:\n"                                               // 19
    "  file: ~/.config/pipewright/secrets.env\n";              // 20

QByteArray edited(const QByteArray& from, const QByteArray& to) {
    return from.isEmpty() ? kBase : QByteArray(kBase).replace(from, to);
}

Diagnostics validate(const QByteArray& text) {
    return validateSpec(QStringLiteral(".pipewright/workspace.yml"), text, SpecKind::Workspace)
        .diagnostics;
}

// Rules that rules_data() gave a passing and a failing example.
QSet<QString>& rowRules() {
    static QSet<QString> rules;
    return rules;
}

}  // namespace

class TestWorkspaceValidator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void baseIsClean();
    void rules_data();
    void rules();
    void everyRuleHasARow();
    void everyRuleIsDocumented();
    void misspeltKeyOffersRename();
};

void TestWorkspaceValidator::baseIsClean() {
    const Diagnostics d = validate(kBase);
    QVERIFY2(d.isEmpty(), d.isEmpty() ? "" : qPrintable(formatDiagnostic(d.front())));
}

void TestWorkspaceValidator::rules_data() {
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("passing");
    QTest::addColumn<QByteArray>("failing");
    QTest::addColumn<int>("line");
    const auto row = [](const char* name, const char* rule, const QByteArray& passing,
                        const QByteArray& failing, int line) {
        QTest::newRow(name) << QString::fromLatin1(rule) << passing << failing << line;
        rowRules() << QString::fromLatin1(rule);
    };
    row("unknown-key", "workspace-unknown-key", kBase,
        edited("timeout-minutes: 60", "timeout-minute: 60"), 5);
    row("unknown-top-key", "workspace-unknown-key", kBase, edited("sources:", "source:"), 6);
    row("type", "workspace-type", kBase, edited("timeout-minutes: 60", "timeout-minutes: soon"), 5);
    row("type-instances", "workspace-type", kBase,
        edited("        instances:\n", "        instances: web-1\n        ignored:\n"), 14);
    row("version", "workspace-version", kBase, edited("version: 1", "version: 2"), 1);
    row("invalid-value", "workspace-invalid-value",
        edited("kind: sandbox, port: 18081", "kind: host, port: 18081"),
        edited("kind: sandbox, port: 18081", "kind: sandbx, port: 18081"), 15);
    row("invalid-style", "workspace-invalid-value", kBase,
        edited("style: in-place", "style: inplace"), 13);
    row("range-port", "workspace-range", edited("port: 18081", "port: 65535"),
        edited("port: 18081", "port: 70000"), 15);
    row("range-rate", "workspace-range", edited("max-error-rate: 0.05", "max-error-rate: 1"),
        edited("max-error-rate: 0.05", "max-error-rate: 5"), 18);
    row("missing-key", "workspace-missing-key", kBase, edited("{name: web-1, ", "{"), 15);
    row("source", "workspace-source", edited("git: .", "path: app.zip"),
        edited("git: .", "branch: main"), 7);
    row("blue-green", "workspace-blue-green", kBase, edited("style: in-place", "style: blue-green"),
        13);
    row("alarm", "workspace-alarm", kBase, edited("        load-balancer: {port: 18080}\n", ""),
        17);
    row("duplicate-instance", "workspace-duplicate-instance", kBase,
        edited("name: web-2", "name: web-1"), 16);
    row("port-conflict", "workspace-port-conflict", kBase, edited("port: 18082", "port: 18080"),
        16);
    row("host-instance", "workspace-host-instance", kBase,
        edited("kind: sandbox, port: 18082", "kind: host, port: 18082"), 16);
    row("secrets", "workspace-secrets-in-repository", edited("~/.config", "/etc"),
        edited("~/.config/pipewright/", ""), 20);
}

void TestWorkspaceValidator::rules() {
    QFETCH(QString, rule);
    QFETCH(QByteArray, passing);
    QFETCH(QByteArray, failing);
    QFETCH(int, line);
    for (const Diagnostic& d : validate(passing))
        QVERIFY2(d.rule != rule, qPrintable(formatDiagnostic(d)));
    QStringList lines;
    bool atLine = false;
    for (const Diagnostic& d : validate(failing)) {
        lines << formatDiagnostic(d);
        atLine = atLine || (d.rule == rule && d.line == line);
        QVERIFY2(findRule(d.rule), qPrintable(QStringLiteral("rule not in any table: ") + d.rule));
    }
    QVERIFY2(atLine, qPrintable(QStringLiteral("no %1 at line %2 in:\n").arg(rule).arg(line) +
                                lines.join(u'\n')));
}

void TestWorkspaceValidator::everyRuleHasARow() {
    if (rowRules().isEmpty())
        QSKIP("run together with rules()");
    // workspace-unbound-* are exercised by tst_workspacebindings.
    for (const RuleInfo& rule : workspaceRules()) {
        const QString id = QLatin1String(rule.id);
        if (!rowRules().contains(id) && !id.startsWith(QLatin1String("workspace-unbound-")))
            QFAIL(qPrintable(QStringLiteral("rule %1 has no passing/failing row").arg(id)));
    }
}

void TestWorkspaceValidator::everyRuleIsDocumented() {
    QStringList ids;
    for (const RuleInfo& rule : workspaceRules()) {
        QVERIFY(QByteArray(rule.id).startsWith("workspace-"));
        QVERIFY(qstrlen(rule.description) > 10);
        QVERIFY2(!ids.contains(QLatin1String(rule.id)), rule.id);
        ids << QLatin1String(rule.id);
    }
    QVERIFY(findRule(u"workspace-unbound-project"));
}

void TestWorkspaceValidator::misspeltKeyOffersRename() {
    const QByteArray text = edited("buildspec: buildspec.yml", "buildspce: buildspec.yml");
    const Diagnostics all = validate(text);
    QCOMPARE(all.size(), 1);
    const Diagnostic& d = all.front();
    QVERIFY(d.message.contains(QLatin1String("did you mean 'buildspec'")));
    QVERIFY(d.fix);
    const TextEdit& edit = d.fix->edits.front();
    QCOMPARE(text.mid(edit.offset, edit.length), QByteArray("buildspce"));
    QCOMPARE(edit.replacement, QByteArray("buildspec"));
}

QTEST_GUILESS_MAIN(TestWorkspaceValidator)
#include "tst_workspacevalidator.moc"
