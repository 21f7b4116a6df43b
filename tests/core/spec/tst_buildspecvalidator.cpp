#include "spec/buildspecvalidator.h"
#include "spec/rules.h"
#include "spec/specvalidator.h"
#include "yaml/yamldocument.h"

#include <QSet>
#include <QTest>

using namespace pw;

// Every buildspec rule with a failing and a passing example. In a failing example the line
// holding "#<" is where the diagnostic must point.
class TestBuildspecValidator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rule_data();
    void rule();
    void everyRuleHasExamples();
    void specTestCasesValidate_data();
    void specTestCasesValidate();
    void yamlTrapsAreWarningsNotErrors();
    void versionKeyMixing_data();
    void versionKeyMixing();
    void hostileInputDoesNotHang();

private:
    QSet<QString> m_tested;
};

static Diagnostics validate(const QByteArray& text) {
    return validateBuildspec(YamlDocument::load(text, QStringLiteral("buildspec.yml")));
}

static int markerLine(const QByteArray& text) {
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains("#<"))
            return i + 1;
    return -1;
}

static QString listing(const Diagnostics& diagnostics) {
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << formatDiagnostic(d);
    return out.join(QLatin1Char('\n'));
}

#define BUILD "phases:\n  build:\n    commands: [echo]\n"

void TestBuildspecValidator::rule_data() {
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("failing");
    QTest::addColumn<QByteArray>("passing");
    auto row = [](const char* rule, const char* failing, const char* passing) {
        QTest::addRow("%s %d", rule, markerLine(failing))
            << QString::fromLatin1(rule) << QByteArray(failing) << QByteArray(passing);
    };
    // Shape.
    row("buildspec-not-mapping", "- version #<\n", "version: 0.2\n" BUILD);
    row("buildspec-type", "version: 0.2\nenv: [A] #<\n" BUILD, "version: 0.2\nenv: {}\n" BUILD);
    row("buildspec-scalar-for-list", "version: 0.2\n" BUILD "artifacts:\n  files: out.zip #<\n",
        "version: 0.2\n" BUILD "artifacts:\n  files: [out.zip]\n");
    row("buildspec-unknown-key", "version: 0.2\n" BUILD "artifact: #<\n  files: [x]\n",
        "version: 0.2\n" BUILD "artifacts:\n  files: [x]\n");
    row("buildspec-unknown-phase", "version: 0.2\nphases:\n  test: #<\n    commands: [echo]\n",
        "version: 0.2\nphases:\n  post_build:\n    commands: [echo]\n");
    row("buildspec-version-missing", "phases: #<\n  build:\n    commands: [echo]\n",
        "version: 0.2\n" BUILD);
    row("buildspec-version-unsupported", "version: 0.3 #<\n" BUILD, "version: 0.1\n" BUILD);
    row("buildspec-version-float", "version: 0.20 #<\n" BUILD, "version: \"0.2\"\n" BUILD);
    row("buildspec-version-key-mismatch", "version: 0.2\nenv:\n  plaintext: #<\n    A: b\n" BUILD,
        "version: 0.2\nenv:\n  variables:\n    A: b\n" BUILD);
    row("buildspec-bool",
        "version: 0.2\n" BUILD "artifacts:\n  files: [x]\n  discard-paths: maybe #<\n",
        "version: 0.2\n" BUILD "artifacts:\n  files: [x]\n  discard-paths: YES\n");
    row("buildspec-command-not-string",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - no #<\n",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - \"no\"\n");
    row("buildspec-yaml11-value",
        "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      python: 3.10 #<\n",
        "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      python: 3.9\n      "
        "dotnet: 6.0\n      golang: \"1.10\"\n");
    row("buildspec-yaml11-value", "version: 0.2\nenv:\n  variables:\n    MODE: 0755 #<\n" BUILD,
        "version: 0.2\nenv:\n  variables:\n    MODE: '0755'\n    ACCOUNT: 012345678901\n" BUILD);
    row("buildspec-yaml11-value", "version: 0.2\nenv:\n  variables:\n    START: 12:30 #<\n" BUILD,
        "version: 0.2\nenv:\n  variables:\n    START: \"12:30\"\n    HEX: '0x1F'\n" BUILD);
    row("buildspec-yaml11-value", "version: 0.2\nenv:\n  variables:\n    DEBUG: on #<\n" BUILD,
        "version: 0.2\nenv:\n  variables:\n    DEBUG: true\n" BUILD);
    row("buildspec-command-template",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - echo {{.Name}} #<\n",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - echo ${NAME}\n");
    row("buildspec-command-mapping",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - echo a: b #<\n",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - 'echo a: b'\n");
    row("buildspec-command-null", "version: 0.2\nphases:\n  build:\n    commands:\n      - ~ #<\n",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - echo\n");
    row("buildspec-commands-empty",
        "version: 0.2\nphases:\n  build:\n    commands: #<\n      # - echo\n",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - echo\n");
    row("buildspec-on-failure",
        "version: 0.2\nphases:\n  build:\n    on-failure: abort #<\n    commands: [echo]\n",
        "version: 0.2\nphases:\n  build:\n    on-failure: CONTINUE\n    commands: [echo]\n");
    row("buildspec-cache-action",
        "version: 0.2\n" BUILD "cache:\n  action: both #<\n  paths: [x]\n",
        "version: 0.2\n" BUILD "cache:\n  action: save\n  paths: [x]\n");
    row("buildspec-batch-kind",
        "version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n  build-graph: #<\n    - "
        "identifier: b\n",
        "version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n    - identifier: b\n");
    // Semantics.
    row("buildspec-phases-missing", "version: 0.2\nphases: #<\nartifacts:\n  files: [x]\n",
        "version: 0.2\n" BUILD "artifacts:\n  files: [x]\n");
    row("buildspec-commands-missing", "version: 0.2\nphases:\n  build: #<\n    run-as: ci\n",
        "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 18\n");
    row("buildspec-runtime-versions-phase",
        "version: 0.2\nphases:\n  build:\n    runtime-versions: #<\n      java: corretto17\n    "
        "commands: [echo]\n",
        "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      java: corretto17\n");
    row("buildspec-runtime-versions-empty",
        "version: 0.2\nphases:\n  install:\n    runtime-versions: {} #<\n    commands: [echo]\n",
        "version: 0.2\nphases:\n  install:\n    runtime-versions: {python: 3.x}\n");
    row("buildspec-retry-count",
        "version: 0.2\nphases:\n  build:\n    on-failure: RETRY-101 #<\n    commands: [echo]\n",
        "version: 0.2\nphases:\n  build:\n    on-failure: RETRY-100\n    commands: [echo]\n");
    row("buildspec-retry-regex",
        "version: 0.2\nphases:\n  build:\n    on-failure: RETRY-2-(unclosed #<\n    commands: "
        "[echo]\n",
        "version: 0.2\nphases:\n  build:\n    on-failure: RETRY-2-(closed)\n    commands: "
        "[echo]\n");
    row("buildspec-env-no-expansion",
        "version: 0.2\nenv:\n  variables:\n    PATH: $PATH:/opt/bin #<\n" BUILD,
        "version: 0.2\nenv:\n  variables:\n    PATH: /usr/bin:/opt/bin\n    PRICE: 5$\n" BUILD);
    row("buildspec-env-duplicate",
        "version: 0.2\nenv:\n  variables:\n    TOKEN: x\n  parameter-store:\n    TOKEN: /ci/t "
        "#<\n" BUILD,
        "version: 0.2\nenv:\n  variables:\n    TOKEN: x\n  parameter-store:\n    OTHER: "
        "/ci/t\n" BUILD);
    row("buildspec-env-reserved-prefix",
        "version: 0.2\nenv:\n  variables:\n    CODEBUILD_MINE: x #<\n" BUILD,
        "version: 0.2\nenv:\n  variables:\n    MY_CODEBUILD_X: x\n" BUILD);
    row("buildspec-env-exported-aws",
        "version: 0.2\nenv:\n  exported-variables:\n    - AWS_REGION #<\n" BUILD,
        "version: 0.2\nenv:\n  exported-variables:\n    - IMAGE_TAG\n" BUILD);
    row("buildspec-secrets-manager-reference",
        "version: 0.2\nenv:\n  secrets-manager:\n    PASS: id:key:stage:version:extra #<\n" BUILD,
        "version: 0.2\nenv:\n  secrets-manager:\n    PASS: id:key:stage:version\n    ARN: "
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password\n" BUILD);
    row("buildspec-shell", "version: 0.2\nenv:\n  shell: zsh #<\n" BUILD,
        "version: 0.2\nenv:\n  shell: powershell.exe\n" BUILD);
    row("buildspec-artifacts-files-missing", "version: 0.2\n" BUILD "artifacts: #<\n  name: out\n",
        "version: 0.2\n" BUILD "artifacts:\n  name: out\n  files: [x]\n");
    row("buildspec-artifacts-primary-files",
        "version: 0.2\n" BUILD "artifacts: #<\n  secondary-artifacts:\n    a1:\n      files: [x]\n",
        "version: 0.2\n" BUILD
        "artifacts:\n  files: [y]\n  secondary-artifacts:\n    a1:\n      "
        "files: [x]\n");
    row("buildspec-reports-limit",
        "version: 0.2\n" BUILD
        "reports:\n  r1: {files: [a]}\n  r2: {files: [a]}\n  r3: {files: "
        "[a]}\n  r4: {files: [a]}\n  r5: {files: [a]}\n  r6: {files: [a]} #<\n",
        "version: 0.2\n" BUILD
        "reports:\n  r1: {files: [a]}\n  r2: {files: [a]}\n  r3: {files: "
        "[a]}\n  r4: {files: [a]}\n  r5: {files: [a]}\n");
    row("buildspec-report-files-missing",
        "version: 0.2\n" BUILD "reports:\n  unit: #<\n    base-directory: out\n",
        "version: 0.2\n" BUILD "reports:\n  unit:\n    files: ['**/*.xml']\n");
    row("buildspec-report-file-format",
        "version: 0.2\n" BUILD "reports:\n  unit:\n    files: [a]\n    file-format: XUNIT #<\n",
        "version: 0.2\n" BUILD "reports:\n  unit:\n    files: [a]\n    file-format: junitxml\n");
    row("buildspec-cache-paths-missing", "version: 0.2\n" BUILD "cache: #<\n  key: k\n",
        "version: 0.2\n" BUILD "cache:\n  key: k\n  paths: [x]\n");
    row("buildspec-cache-fallback-limit",
        "version: 0.2\n" BUILD
        "cache:\n  key: k\n  fallback-keys: [a, b, c, d, e, f] #<\n  paths: [x]\n",
        "version: 0.2\n" BUILD
        "cache:\n  key: k\n  fallback-keys: [a, b, c, d, e]\n  paths: [x]\n");
    row("buildspec-cache-fallback-ignored",
        "version: 0.2\n" BUILD "cache:\n  fallback-keys: [a] #<\n  paths: [x]\n",
        "version: 0.2\n" BUILD "cache:\n  key: k\n  fallback-keys: [a]\n  paths: [x]\n");
    row("buildspec-batch-identifier",
        "version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n    - identifier: a #<\n",
        "version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n    - identifier: b\n");
    row("buildspec-batch-depend-on",
        "version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n    - identifier: b #<\n      "
        "depend-on: [c]\n",
        "version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n    - identifier: b\n      "
        "depend-on: [a]\n");
    row("buildspec-batch-depend-on",
        "version: 0.2\nbatch:\n  build-graph:\n    - identifier: a #<\n      depend-on: [b]\n    - "
        "identifier: b\n      depend-on: [a]\n",
        "version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n    - identifier: b\n      "
        "depend-on: [a]\n");
    row("buildspec-batch-fleet",
        "version: 0.2\nbatch:\n  build-list:\n    - identifier: a #<\n      env:\n        fleet: "
        "f\n        compute-type: BUILD_GENERAL1_SMALL\n",
        "version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n      env:\n        fleet: f\n");
    row("buildspec-batch-parallelism",
        "version: 0.2\nbatch:\n  build-fanout:\n    parallelism: 0 #<\n" BUILD,
        "version: 0.2\nbatch:\n  build-fanout:\n    parallelism: 3\n" BUILD);
    // Policies made visible.
    row("buildspec-abort-policy",
        "version: 0.2\nphases:\n  build:\n    on-failure: ABORT #<\n    commands: [echo]\n",
        "version: 0.2\n" BUILD);
    row("buildspec-continue-policy",
        "version: 0.2\nphases:\n  install:\n    on-failure: CONTINUE #<\n    commands: [echo]\n",
        "version: 0.2\n" BUILD);
    row("buildspec-retry-policy",
        "version: 0.2\nphases:\n  build:\n    on-failure: RETRY #<\n    commands: [echo]\n",
        "version: 0.2\n" BUILD);
    row("buildspec-v01-isolation",
        "version: 0.1\nphases:\n  build:\n    commands:\n      - cd sub #<\n      - make\n",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - cd sub\n      - make\n");
}

void TestBuildspecValidator::rule() {
    QFETCH(QString, rule);
    QFETCH(QByteArray, failing);
    QFETCH(QByteArray, passing);
    m_tested.insert(rule);
    const RuleInfo* info = findRule(rule);
    QVERIFY2(info, qPrintable(rule + " is not in buildspecRules()"));

    const Diagnostics bad = validate(failing);
    const int line = markerLine(failing);
    const auto hit = std::find_if(bad.begin(), bad.end(), [&](const Diagnostic& d) {
        return d.rule == rule && d.line == line;
    });
    QVERIFY2(hit != bad.end(), qPrintable(QStringLiteral("expected %1 at line %2, got:\n%3")
                                              .arg(rule)
                                              .arg(line)
                                              .arg(listing(bad))));
    QCOMPARE(hit->severity, info->severity);
    QVERIFY(!hit->message.isEmpty());

    const Diagnostics good = validate(passing);
    for (const Diagnostic& d : good)
        QVERIFY2(d.rule != rule, qPrintable(listing(good)));
    // Rows whose rule is an error must show a passing example free of errors.
    QVERIFY2(!hasErrors(good), qPrintable(listing(good)));
}

void TestBuildspecValidator::everyRuleHasExamples() {
    QVERIFY(!m_tested.isEmpty());
    QStringList missing;
    for (const RuleInfo& rule : buildspecRules()) {
        QVERIFY2(QString::fromLatin1(rule.id).startsWith(QLatin1String("buildspec-")), rule.id);
        QVERIFY2(std::strlen(rule.description) > 10, rule.id);
        if (!m_tested.contains(QString::fromLatin1(rule.id)))
            missing << QString::fromLatin1(rule.id);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
}

// The twelve test cases of spec/buildspec.md §6 are valid buildspecs (TC8 in both versions).
void TestBuildspecValidator::specTestCasesValidate_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expectedRules");
    QTest::newRow("TC1") << QByteArray(
                                "version: 0.2\nphases:\n  build:\n    commands:\n      - echo "
                                "one\n      - exit 1\n      - "
                                "echo never\n  post_build:\n    commands:\n      - echo "
                                "\"succeeding=$CODEBUILD_BUILD_SUCCEEDING\"\n")
                         << QStringList();
    QTest::newRow("TC2") << QByteArray(
                                "version: 0.2\nphases:\n  install:\n    commands:\n      - exit "
                                "3\n    finally:\n      - "
                                "echo install-finally\n  pre_build:\n    commands: [echo pre]\n  "
                                "build:\n    commands: "
                                "[echo build]\n  post_build:\n    commands: [echo post]\n")
                         << QStringList();
    QTest::newRow("TC3")
        << QByteArray(
               "version: 0.2\nphases:\n  pre_build:\n    commands:\n      - echo login\n      - "
               "exit 1\n"
               "    finally:\n      - echo pre-cleanup\n  build:\n    commands: [echo build]\n    "
               "finally:\n      - echo build-cleanup\n")
        << QStringList();
    QTest::newRow("TC4")
        << QByteArray(
               "version: 0.2\nphases:\n  build:\n    commands: [echo ok]\n    finally:\n      - "
               "exit 2\n "
               " post_build:\n    commands:\n      - exit 4\nartifacts:\n  files: ['**/*']\n")
        << QStringList();
    QTest::newRow("TC5")
        << QByteArray(
               "version: 0.2\nphases:\n  install:\n    on-failure: CONTINUE\n    commands:\n      "
               "- exit "
               "1\n  build:\n    commands:\n      - echo \"s=$CODEBUILD_BUILD_SUCCEEDING\"\n")
        << QStringList{QStringLiteral("buildspec-continue-policy")};
    QTest::newRow("TC6")
        << QByteArray(
               "version: 0.2\nphases:\n  build:\n    on-failure: ABORT\n    commands:\n      - "
               "exit 1\n   "
               " finally:\n      - echo still-runs\n  post_build:\n    commands: [echo post]\n")
        << QStringList{QStringLiteral("buildspec-abort-policy")};
    QTest::newRow("TC7")
        << QByteArray(
               "version: 0.2\nenv:\n  exported-variables:\n    - IMAGE_TAG\nphases:\n  build:\n    "
               "commands:\n      - export IMAGE_TAG=abc123\n      - IMAGE_TAG=\"${IMAGE_TAG}-1\"\n "
               " "
               "post_build:\n    commands:\n      - test \"$IMAGE_TAG\" = \"abc123-1\"\n")
        << QStringList();
    QTest::newRow("TC8 0.1") << QByteArray(
                                    "version: 0.1\nphases:\n  build:\n    commands:\n      - mkdir "
                                    "-p sub && cd sub\n      - "
                                    "test \"$(basename \"$PWD\")\" = sub\n")
                             << QStringList();
    QTest::newRow("TC8 0.1 cd")
        << QByteArray(
               "version: 0.1\nphases:\n  pre_build:\n    commands:\n      - cd sub\n  build:\n    "
               "commands:\n      - test \"$(basename \"$PWD\")\" = sub\n")
        << QStringList{QStringLiteral("buildspec-v01-isolation")};
    QTest::newRow("TC9") << QByteArray(
                                "version: 0.2\nenv:\n  variables:\n    MODE: debug\nphases:\n  "
                                "build:\n    commands:\n"
                                "      - |\n        if [ \"$MODE\" = \"release\" ]; then\n         "
                                " echo release\n        "
                                "else\n          echo debug\n        fi\n      - echo after\n")
                         << QStringList();
    QTest::newRow("TC10")
        << QByteArray(
               "version: 0.2\nenv:\n  shell: bash\nphases:\n  build:\n    commands:\n      - "
               "arr=(a b "
               "c); echo \"${arr[1]}\"\n      - '[[ \"abc\" == a* ]] && echo match'\n")
        << QStringList();
    QTest::newRow("TC11")
        << QByteArray(
               "version: 0.2\nenv:\n  variables:\n    MY_VAR: buildspec\n    PATH: "
               "\"$PATH:/opt/tools/bin\"\nphases:\n  build:\n    commands:\n      - echo "
               "\"$MY_VAR\"\n     "
               " - /bin/echo \"$PATH\"\n")
        << QStringList{QStringLiteral("buildspec-env-no-expansion")};
    QTest::newRow("TC12") << QByteArray(
                                 "version: 0.2\nphases:\n  build:\n    commands: [echo "
                                 "ok]\nartifacts:\n  files:\n    - "
                                 "'**/*'\n  base-directory: 'my-build*'\n  discard-paths: yes\n  "
                                 "exclude-paths:\n    - "
                                 "'**/.*/**/*'\n")
                          << QStringList();
}

void TestBuildspecValidator::specTestCasesValidate() {
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expectedRules);
    const ValidationResult result =
        validateSpec(QStringLiteral("buildspec.yml"), text, SpecKind::Buildspec);
    QStringList rules;
    for (const Diagnostic& d : result.diagnostics)
        rules << d.rule;
    QCOMPARE(rules, expectedRules);
}

void TestBuildspecValidator::yamlTrapsAreWarningsNotErrors() {
    const ValidationResult result = validateSpec(
        QStringLiteral("buildspec.yml"),
        "version: 0.20\nphases:\n  build:\n    commands:\n      - false\n      - yes\n",
        SpecKind::Buildspec);
    QVERIFY2(!hasErrors(result.diagnostics), qPrintable(listing(result.diagnostics)));
    QCOMPARE(countSeverity(result.diagnostics, Severity::Warning), 3);
    QCOMPARE(result.diagnostics[0].rule, QStringLiteral("buildspec-version-float"));
    QCOMPARE(result.diagnostics[1].line, 5);
    QCOMPARE(result.diagnostics[2].line, 6);
}

void TestBuildspecValidator::versionKeyMixing_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("expected");  // a phrase the message must contain
    QTest::newRow("0.1 key in 0.2")
        << QByteArray("version: 0.2\nenvironment_variables:\n  plaintext:\n    A: b\n" BUILD) << 2
        << "version 0.2 uses 'env'";
    QTest::newRow("0.2 key in 0.1")
        << QByteArray("version: 0.1\nenv:\n  variables:\n    A: b\n" BUILD) << 2
        << "version 0.1 uses 'environment_variables'";
    QTest::newRow("variables under environment_variables")
        << QByteArray("version: 0.1\nenvironment_variables:\n  variables:\n    A: b\n" BUILD) << 3
        << "'environment_variables' takes 'plaintext'";
    QTest::newRow("plaintext under env")
        << QByteArray("version: 0.2\nenv:\n  plaintext:\n    A: b\n" BUILD) << 3
        << "'env' takes 'variables'";
    QTest::newRow("artifacts.type in 0.2")
        << QByteArray("version: 0.2\n" BUILD "artifacts:\n  type: zip\n  files: [x]\n") << 6
        << "deprecated in 0.2";
}

void TestBuildspecValidator::versionKeyMixing() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, expected);
    const Diagnostics diagnostics = validate(text);
    QVERIFY2(diagnostics.size() == 1, qPrintable(listing(diagnostics)));
    QCOMPARE(diagnostics[0].rule, QStringLiteral("buildspec-version-key-mismatch"));
    QCOMPARE(diagnostics[0].line, line);
    QVERIFY2(diagnostics[0].message.contains(expected), qPrintable(diagnostics[0].message));
    QVERIFY(!hasErrors(diagnostics));
}

void TestBuildspecValidator::hostileInputDoesNotHang() {
    // Deep cycles, many tasks and a pathological regex must all finish quickly.
    QByteArray graph = "version: 0.2\nbatch:\n  build-graph:\n";
    for (int i = 0; i < 2000; ++i)
        graph += "    - identifier: t" + QByteArray::number(i) + "\n      depend-on: [t" +
                 QByteArray::number((i + 1) % 2000) + "]\n";
    QElapsedTimer timer;
    timer.start();
    const Diagnostics diagnostics = validate(graph);
    QVERIFY(hasErrors(diagnostics));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    // Merge keys that fan out ten ways on every level ("billion laughs" through `<<`).
    QByteArray merges = "version: 0.2\nl0: &l0 {A: x}\n";
    for (int level = 1; level < 12; ++level) {
        const QByteArray prev = "*l" + QByteArray::number(level - 1);
        merges += "l" + QByteArray::number(level) + ": &l" + QByteArray::number(level) +
                  "\n  <<: [" + (prev + ", ").repeated(9) + prev + "]\n";
    }
    merges += "env:\n  variables:\n    <<: *l11\n" BUILD;
    timer.restart();
    validate(merges);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const Diagnostics regex = validate(
        "version: 0.2\nphases:\n  build:\n    on-failure: RETRY-5-(a+)+$\n    commands: [x]\n");
    QVERIFY(!hasErrors(regex));
}

QTEST_GUILESS_MAIN(TestBuildspecValidator)
#include "tst_buildspecvalidator.moc"
