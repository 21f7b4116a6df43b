#include "spec/buildspec.h"

#include <QTest>

using namespace pw;

// The typed model and the parser: what the engine and the editor read out of a buildspec.
class TestBuildspec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void blockCommandIsOneCommand();
    void commandMarksPointAtTheirLines();
    void bareBooleanCommandKeepsItsText();
    void bareBooleanCommandFixQuotesIt();
    void nullCommandKeepsItsSourceText();
    void quotedCommandsStayStrings();
    void onFailureGrammar_data();
    void onFailureGrammar();
    void onFailureInPhase();
    void version_data();
    void version();
    void version01EnvironmentVariables();
    void envGroups();
    void literalDollarInVariablesIsKept();
    void artifactsAndSecondary();
    void reportsUpperCaseFormat();
    void cacheKeys();
    void batchGraph();
    void batchMatrixAndFanout();
    void phasesAndRunAs();
    void phaseKeysRoundTrip();
    void mergeKeysAreExpanded();
    void brokenFileGivesPartialModel();
    void notAMapping();
};

static BuildspecParseResult parse(const char* yaml) {
    const YamlDocument doc = YamlDocument::load(QByteArray(yaml), QStringLiteral("buildspec.yml"));
    return parseBuildspec(doc);
}

static QStringList rulesOf(const Diagnostics& diagnostics) {
    QStringList out;
    for (const Diagnostic& d : diagnostics)
        out << d.rule;
    return out;
}

static QStringList texts(const QList<SourceText>& list) {
    QStringList out;
    for (const SourceText& t : list)
        out << t.text;
    return out;
}

void TestBuildspec::blockCommandIsOneCommand() {
    // TC9 of spec/buildspec.md.
    const auto r = parse(
        "version: 0.2\n"
        "env:\n"
        "  variables:\n"
        "    MODE: debug\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - |\n"
        "        if [ \"$MODE\" = \"release\" ]; then\n"
        "          echo release\n"
        "        else\n"
        "          echo debug\n"
        "        fi\n"
        "      - echo after\n");
    const BuildspecPhase& build = r.spec.phase(BuildspecPhaseId::Build);
    QCOMPARE(build.commands.size(), 2);
    QCOMPARE(build.commands[0].text,
             QStringLiteral("if [ \"$MODE\" = \"release\" ]; then\n  echo release\nelse\n  echo "
                            "debug\nfi\n"));
    QCOMPARE(build.commands[1].text, QStringLiteral("echo after"));
    QCOMPARE(r.spec.env.variables.size(), 1);
    QCOMPARE(r.spec.env.variables[0].name, QStringLiteral("MODE"));
    QCOMPARE(r.spec.env.variables[0].value, QStringLiteral("debug"));
    QVERIFY(r.diagnostics.isEmpty());
}

void TestBuildspec::commandMarksPointAtTheirLines() {
    const auto r = parse(
        "version: 0.2\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - echo one\n"
        "\n"
        "      - exit 1\n"
        "    finally:\n"
        "      - echo cleanup\n");
    const BuildspecPhase& build = r.spec.phase(BuildspecPhaseId::Build);
    QCOMPARE(build.commands.size(), 2);
    QCOMPARE(build.commands[0].mark.line, 5);
    QCOMPARE(build.commands[0].mark.column, 9);
    QCOMPARE(build.commands[1].mark.line, 7);
    QCOMPARE(texts(build.finally), QStringList{QStringLiteral("echo cleanup")});
    QCOMPARE(build.finally[0].mark.line, 9);
    QCOMPARE(build.mark.line, 3);
}

void TestBuildspec::bareBooleanCommandKeepsItsText() {
    const auto r = parse(
        "version: 0.2\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - false\n"
        "      - yes\n"
        "      - 0755\n"
        "      - \"false\"\n");
    QCOMPARE(texts(r.spec.phase(BuildspecPhaseId::Build).commands),
             (QStringList{QStringLiteral("false"), QStringLiteral("yes"), QStringLiteral("0755"),
                          QStringLiteral("false")}));
    QCOMPARE(rulesOf(r.diagnostics),
             QStringList(3, QStringLiteral("buildspec-command-not-string")));
    QCOMPARE(r.diagnostics[0].line, 5);
    QCOMPARE(r.diagnostics[0].severity, Severity::Warning);
    QVERIFY(r.diagnostics[0].message.contains(QLatin1String("boolean")));
    QVERIFY(r.diagnostics[2].message.contains(QLatin1String("integer")));
}

void TestBuildspec::bareBooleanCommandFixQuotesIt() {
    const QByteArray text = "version: 0.2\nphases:\n  build:\n    commands:\n      - false\n";
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("buildspec.yml"));
    const auto r = parseBuildspec(doc);
    QCOMPARE(r.diagnostics.size(), 1);
    QVERIFY(r.diagnostics[0].fix.has_value());
    QByteArray fixed = text;
    for (const TextEdit& edit : r.diagnostics[0].fix->edits)
        fixed.replace(edit.offset, edit.length, edit.replacement);
    QCOMPARE(fixed,
             QByteArray("version: 0.2\nphases:\n  build:\n    commands:\n      - \"false\"\n"));
    const auto again = parse(fixed.constData());
    QVERIFY(again.diagnostics.isEmpty());
}

void TestBuildspec::nullCommandKeepsItsSourceText() {
    const auto r = parse(
        "version: 0.2\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - null\n"
        "      - # only a comment\n"
        "      - echo ok\n");
    const BuildspecPhase& build = r.spec.phase(BuildspecPhaseId::Build);
    QCOMPARE(texts(build.commands),
             (QStringList{QStringLiteral("null"), QString(), QStringLiteral("echo ok")}));
    QCOMPARE(rulesOf(r.diagnostics), QStringList(2, QStringLiteral("buildspec-command-null")));
}

void TestBuildspec::quotedCommandsStayStrings() {
    // TC10: a plain scalar cannot start with '[', so the bash test is quoted.
    const auto r = parse(
        "version: 0.2\n"
        "env:\n"
        "  shell: bash\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - arr=(a b c); echo \"${arr[1]}\"\n"
        "      - '[[ \"abc\" == a* ]] && echo match'\n");
    QCOMPARE(r.spec.env.shell, QStringLiteral("bash"));
    QCOMPARE(texts(r.spec.phase(BuildspecPhaseId::Build).commands),
             (QStringList{QStringLiteral("arr=(a b c); echo \"${arr[1]}\""),
                          QStringLiteral("[[ \"abc\" == a* ]] && echo match")}));
    QVERIFY(r.diagnostics.isEmpty());
}

void TestBuildspec::onFailureGrammar_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("regex");
    const int abort = int(OnFailureKind::Abort), cont = int(OnFailureKind::Continue),
              retry = int(OnFailureKind::Retry);
    QTest::newRow("ABORT") << "ABORT" << true << abort << 3 << ".*";
    QTest::newRow("CONTINUE") << "CONTINUE" << true << cont << 3 << ".*";
    QTest::newRow("RETRY") << "RETRY" << true << retry << 3 << ".*";
    QTest::newRow("count") << "RETRY-4" << true << retry << 4 << ".*";
    QTest::newRow("count 0") << "RETRY-0" << true << retry << 0 << ".*";
    QTest::newRow("regex") << "RETRY-invalid+" << true << retry << 3 << "invalid+";
    QTest::newRow("regex with spaces") << "RETRY-.*Error: Unable to connect to database.*" << true
                                       << retry << 3 << ".*Error: Unable to connect to database.*";
    QTest::newRow("count and regex")
        << "RETRY-3-.*connection timed out.*" << true << retry << 3 << ".*connection timed out.*";
    QTest::newRow("count first") << "RETRY-8-invalid+" << true << retry << 8 << "invalid+";
    QTest::newRow("digits then text is a regex") << "RETRY-12abc" << true << retry << 3 << "12abc";
    QTest::newRow("count out of range parses") << "RETRY-101" << true << retry << 101 << ".*";
    QTest::newRow("lower case") << "abort" << false << 0 << 0 << "";
    QTest::newRow("template") << "ABORT | CONTINUE" << false << 0 << 0 << "";
    QTest::newRow("RETRY without dash") << "RETRY3" << false << 0 << 0 << "";
    QTest::newRow("empty") << "" << false << 0 << 0 << "";
}

void TestBuildspec::onFailureGrammar() {
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const std::optional<OnFailure> parsed = parseOnFailure(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(QString, regex);
    QCOMPARE(int(parsed->kind), kind);
    QCOMPARE(parsed->retryCount, count);
    QCOMPARE(parsed->retryRegex, regex);
}

void TestBuildspec::onFailureInPhase() {
    const auto r = parse(
        "version: 0.2\n"
        "phases:\n"
        "  install:\n"
        "    on-failure: CONTINUE\n"
        "    commands:\n"
        "      - exit 1\n"
        "  build:\n"
        "    on-failure: RETRY-2-timeout\n"
        "    commands: [echo b]\n"
        "  post_build:\n"
        "    on-failure: ABORT | CONTINUE\n"
        "    commands: [echo p]\n");
    QCOMPARE(r.spec.phase(BuildspecPhaseId::Install).onFailure.kind, OnFailureKind::Continue);
    QCOMPARE(r.spec.phase(BuildspecPhaseId::Install).onFailure.mark.line, 4);
    const OnFailure& build = r.spec.phase(BuildspecPhaseId::Build).onFailure;
    QCOMPARE(build.kind, OnFailureKind::Retry);
    QCOMPARE(build.retryCount, 2);
    QCOMPARE(build.retryRegex, QStringLiteral("timeout"));
    QCOMPARE(r.spec.phase(BuildspecPhaseId::PreBuild).onFailure.kind, OnFailureKind::Default);
    QCOMPARE(r.spec.phase(BuildspecPhaseId::PostBuild).onFailure.kind, OnFailureKind::Default);
    QCOMPARE(rulesOf(r.diagnostics), QStringList{QStringLiteral("buildspec-on-failure")});
    QCOMPARE(r.diagnostics[0].line, 11);
}

void TestBuildspec::version_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("rule");
    QTest::newRow("0.2 float") << QByteArray("version: 0.2") << int(BuildspecVersion::V0_2) << "";
    QTest::newRow("0.2 quoted") << QByteArray("version: \"0.2\"") << int(BuildspecVersion::V0_2)
                                << "";
    QTest::newRow("0.1") << QByteArray("version: 0.1") << int(BuildspecVersion::V0_1) << "";
    QTest::newRow("0.20 float trap")
        << QByteArray("version: 0.20") << int(BuildspecVersion::V0_2) << "buildspec-version-float";
    QTest::newRow("0.10 float trap")
        << QByteArray("version: 0.10") << int(BuildspecVersion::V0_1) << "buildspec-version-float";
    QTest::newRow("quoted 0.20 is a string")
        << QByteArray("version: '0.20'") << int(BuildspecVersion::Unknown)
        << "buildspec-version-unsupported";
    QTest::newRow("0.3") << QByteArray("version: 0.3") << int(BuildspecVersion::Unknown)
                         << "buildspec-version-unsupported";
    QTest::newRow("1") << QByteArray("version: 1") << int(BuildspecVersion::Unknown)
                       << "buildspec-version-unsupported";
    QTest::newRow("missing") << QByteArray("run-as: root") << int(BuildspecVersion::Unknown)
                             << "buildspec-version-missing";
}

void TestBuildspec::version() {
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(QString, rule);
    const QByteArray text = line + "\nphases:\n  build:\n    commands: [echo]\n";
    const auto r = parse(text.constData());
    QCOMPARE(int(r.spec.versionKind), kind);
    QCOMPARE(rulesOf(r.diagnostics), rule.isEmpty() ? QStringList() : QStringList{rule});
    if (!rule.isEmpty())
        QCOMPARE(r.diagnostics[0].line, 1);
}

void TestBuildspec::version01EnvironmentVariables() {
    const auto r = parse(
        "version: 0.1\n"
        "environment_variables:\n"
        "  plaintext:\n"
        "    key: \"value\"\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - mkdir -p sub && cd sub\n"
        "artifacts:\n"
        "  type: zip\n"
        "  files:\n"
        "    - location\n");
    QCOMPARE(r.spec.versionKind, BuildspecVersion::V0_1);
    QVERIFY(!r.spec.sharedShell());
    QCOMPARE(r.spec.env.variables.size(), 1);
    QCOMPARE(r.spec.env.variables[0].name, QStringLiteral("key"));
    QCOMPARE(r.spec.env.variables[0].valueMark.line, 4);
    QCOMPARE(r.spec.artifacts.type, QStringLiteral("zip"));
    QVERIFY(r.diagnostics.isEmpty());
}

void TestBuildspec::envGroups() {
    const auto r = parse(
        "version: 0.2\n"
        "env:\n"
        "  shell: /bin/sh\n"
        "  variables:\n"
        "    A: 1\n"
        "    B: \"two\"\n"
        "  parameter-store:\n"
        "    TOKEN: /ci/token\n"
        "  secrets-manager:\n"
        "    PASS: prod/db:password:AWSCURRENT\n"
        "  exported-variables:\n"
        "    - IMAGE_TAG\n"
        "  git-credential-helper: yes\n"
        "phases:\n"
        "  build:\n"
        "    commands: [echo]\n");
    const BuildspecEnv& env = r.spec.env;
    QVERIFY(env.present);
    QCOMPARE(env.shell, QStringLiteral("/bin/sh"));
    QCOMPARE(env.variables.size(), 2);
    QCOMPARE(env.variables[0].value, QStringLiteral("1"));
    QCOMPARE(env.variables[1].name, QStringLiteral("B"));
    QCOMPARE(env.parameterStore[0].value, QStringLiteral("/ci/token"));
    QCOMPARE(env.secretsManager[0].value, QStringLiteral("prod/db:password:AWSCURRENT"));
    QCOMPARE(texts(env.exportedVariables), QStringList{QStringLiteral("IMAGE_TAG")});
    QCOMPARE(env.gitCredentialHelper, std::optional<bool>(true));
    QVERIFY(r.diagnostics.isEmpty());
}

void TestBuildspec::literalDollarInVariablesIsKept() {
    // TC11: the value is stored literally; expansion is never done for env.variables.
    const auto r = parse(
        "version: 0.2\n"
        "env:\n"
        "  variables:\n"
        "    MY_VAR: buildspec\n"
        "    PATH: \"$PATH:/opt/tools/bin\"\n"
        "phases:\n"
        "  build:\n"
        "    commands:\n"
        "      - /bin/echo \"$PATH\"\n");
    QCOMPARE(r.spec.env.variables[1].value, QStringLiteral("$PATH:/opt/tools/bin"));
    QCOMPARE(r.spec.env.variables[1].valueMark.line, 5);
}

void TestBuildspec::artifactsAndSecondary() {
    // TC12 plus secondary artifacts.
    const auto r = parse(
        "version: 0.2\n"
        "phases:\n"
        "  build:\n"
        "    commands: [echo ok]\n"
        "artifacts:\n"
        "  files:\n"
        "    - '**/*'\n"
        "  base-directory: 'my-build*'\n"
        "  discard-paths: yes\n"
        "  exclude-paths:\n"
        "    - '**/.*/**/*'\n"
        "  name: builds/$CODEBUILD_BUILD_NUMBER/out\n"
        "  enable-symlinks: no\n"
        "  s3-prefix: pre\n"
        "  secondary-artifacts:\n"
        "    artifact1:\n"
        "      files:\n"
        "        - directory/file1\n"
        "      name: one\n"
        "    artifact2:\n"
        "      files: [directory/file2]\n"
        "      discard-paths: true\n");
    const BuildspecArtifacts& a = r.spec.artifacts;
    QVERIFY(a.present);
    QCOMPARE(texts(a.files), QStringList{QStringLiteral("**/*")});
    QCOMPARE(a.baseDirectory, QStringLiteral("my-build*"));
    QVERIFY(a.discardPaths);
    QCOMPARE(texts(a.excludePaths), QStringList{QStringLiteral("**/.*/**/*")});
    QCOMPARE(a.name, QStringLiteral("builds/$CODEBUILD_BUILD_NUMBER/out"));
    QVERIFY(!a.enableSymlinks);
    QCOMPARE(a.s3Prefix, QStringLiteral("pre"));
    QCOMPARE(r.spec.secondaryArtifacts.size(), 2);
    QCOMPARE(r.spec.secondaryArtifacts[0].identifier, QStringLiteral("artifact1"));
    QCOMPARE(r.spec.secondaryArtifacts[0].name, QStringLiteral("one"));
    QCOMPARE(r.spec.secondaryArtifacts[0].mark.line, 16);
    QVERIFY(r.spec.secondaryArtifacts[1].discardPaths);
    QVERIFY(r.diagnostics.isEmpty());
}

void TestBuildspec::reportsUpperCaseFormat() {
    const auto r = parse(
        "version: 0.2\n"
        "phases:\n"
        "  build:\n"
        "    commands: [echo]\n"
        "reports:\n"
        "  unit:\n"
        "    files: ['**/*.xml']\n"
        "    file-format: cucumberjson\n"
        "  $REPORT_GROUP:\n"
        "    files: [out.xml]\n"
        "    base-directory: build\n"
        "    discard-paths: yes\n");
    QCOMPARE(r.spec.reports.size(), 2);
    QCOMPARE(r.spec.reports[0].fileFormat, QStringLiteral("CUCUMBERJSON"));
    QCOMPARE(r.spec.reports[1].name, QStringLiteral("$REPORT_GROUP"));
    QCOMPARE(r.spec.reports[1].fileFormat, QStringLiteral("JUNITXML"));
    QCOMPARE(r.spec.reports[1].baseDirectory, QStringLiteral("build"));
    QVERIFY(r.spec.reports[1].discardPaths);
    QCOMPARE(r.spec.reports[1].mark.line, 9);
}

void TestBuildspec::cacheKeys() {
    const auto r = parse(
        "version: 0.2\n"
        "phases:\n"
        "  build:\n"
        "    commands: [echo]\n"
        "cache:\n"
        "  key: npm-key-$(codebuild-hash-files package-lock.json)\n"
        "  fallback-keys:\n"
        "    - npm-key-\n"
        "    - npm-\n"
        "  action: restore\n"
        "  paths:\n"
        "    - '/root/.npm/**/*'\n");
    const BuildspecCache& c = r.spec.cache;
    QVERIFY(c.present);
    QCOMPARE(c.key, QStringLiteral("npm-key-$(codebuild-hash-files package-lock.json)"));
    QCOMPARE(c.fallbackKeys, (QStringList{QStringLiteral("npm-key-"), QStringLiteral("npm-")}));
    QCOMPARE(c.action, CacheAction::Restore);
    QCOMPARE(texts(c.paths), QStringList{QStringLiteral("/root/.npm/**/*")});
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(parse("version: 0.2\ncache:\n  paths: [x]\n").spec.cache.action,
             CacheAction::RestoreAndSave);
}

void TestBuildspec::batchGraph() {
    const auto r = parse(
        "version: 0.2\n"
        "batch:\n"
        "  fast-fail: true\n"
        "  build-graph:\n"
        "    - identifier: build1\n"
        "      env:\n"
        "        variables:\n"
        "          BUILD_ID: build1\n"
        "        compute-type: BUILD_GENERAL1_SMALL\n"
        "        privileged-mode: true\n"
        "      ignore-failure: false\n"
        "    - identifier: build2\n"
        "      buildspec: build2.yml\n"
        "      debug-session: true\n"
        "      depend-on:\n"
        "        - build1\n");
    const BuildspecBatch& b = r.spec.batch;
    QVERIFY(b.present);
    QVERIFY(b.fastFail);
    QCOMPARE(b.kind, BatchKind::BuildGraph);
    QCOMPARE(b.tasks.size(), 2);
    QCOMPARE(b.tasks[0].identifier, QStringLiteral("build1"));
    QCOMPARE(b.tasks[0].env.computeType, QStringLiteral("BUILD_GENERAL1_SMALL"));
    QCOMPARE(b.tasks[0].env.privilegedMode, std::optional<bool>(true));
    QCOMPARE(b.tasks[0].env.variables[0].value, QStringLiteral("build1"));
    QCOMPARE(b.tasks[1].buildspec, QStringLiteral("build2.yml"));
    QVERIFY(b.tasks[1].debugSession);
    QCOMPARE(b.tasks[1].dependOn, QStringList{QStringLiteral("build1")});
    QCOMPARE(b.tasks[1].mark.line, 12);
    QVERIFY(r.diagnostics.isEmpty());
}

void TestBuildspec::batchMatrixAndFanout() {
    const auto m = parse(
        "version: 0.2\n"
        "batch:\n"
        "  build-matrix:\n"
        "    static:\n"
        "      ignore-failure: false\n"
        "      env:\n"
        "        type: LINUX_CONTAINER\n"
        "        privileged-mode: true\n"
        "    dynamic:\n"
        "      buildspec:\n"
        "        - matrix1.yml\n"
        "        - matrix2.yml\n"
        "      env:\n"
        "        variables:\n"
        "          MY_VAR:\n"
        "            - VALUE1\n"
        "            - VALUE2\n"
        "            - VALUE3\n");
    const BuildspecBatch& b = m.spec.batch;
    QCOMPARE(b.kind, BatchKind::BuildMatrix);
    QCOMPARE(b.matrix.staticEnv.type, QStringLiteral("LINUX_CONTAINER"));
    QCOMPARE(b.matrix.buildspecs.size(), 2);
    QCOMPARE(b.matrix.variables.size(), 1);
    QCOMPARE(b.matrix.variables[0].first, QStringLiteral("MY_VAR"));
    QCOMPARE(b.matrix.variables[0].second.size(), 3);
    QVERIFY(m.diagnostics.isEmpty());

    const auto f = parse(
        "version: 0.2\n"
        "batch:\n"
        "  fast-fail: false\n"
        "  build-fanout:\n"
        "    parallelism: 5\n"
        "    ignore-failure: true\n"
        "phases:\n"
        "  build:\n"
        "    commands: [codebuild-tests-run --test-command 'npm test']\n");
    QCOMPARE(f.spec.batch.kind, BatchKind::BuildFanout);
    QCOMPARE(f.spec.batch.fanoutParallelism, 5);
    QVERIFY(f.spec.batch.fanoutIgnoreFailure);
}

void TestBuildspec::phasesAndRunAs() {
    const auto r = parse(
        "version: 0.2\n"
        "run-as: User-1\n"
        "phases:\n"
        "  install:\n"
        "    run-as: User-2\n"
        "    runtime-versions:\n"
        "      java: corretto17\n"
        "      nodejs: 18\n"
        "  build:\n"
        "    commands: [echo]\n");
    QCOMPARE(r.spec.runAs, QStringLiteral("User-1"));
    const BuildspecPhase& install = r.spec.phase(BuildspecPhaseId::Install);
    QVERIFY(install.present);
    QCOMPARE(install.runAs, QStringLiteral("User-2"));
    QCOMPARE(install.runtimeVersions.size(), 2);
    QCOMPARE(install.runtimeVersions[1].name, QStringLiteral("nodejs"));
    QCOMPARE(install.runtimeVersions[1].value, QStringLiteral("18"));
    QVERIFY(install.commands.isEmpty());
    QVERIFY(!r.spec.phase(BuildspecPhaseId::PreBuild).present);
    QVERIFY(!r.spec.phase(BuildspecPhaseId::PostBuild).present);
    QVERIFY(r.spec.phase(BuildspecPhaseId::Build).runAs.isEmpty());
    QVERIFY(r.spec.sharedShell());
}

void TestBuildspec::phaseKeysRoundTrip() {
    for (int p = 0; p < kBuildspecPhaseCount; ++p) {
        const auto id = BuildspecPhaseId(p);
        QCOMPARE(buildspecPhaseFromKey(buildspecPhaseKey(id)), std::optional(id));
    }
    QCOMPARE(buildspecPhaseFromKey(u"prebuild"), std::nullopt);
    QCOMPARE(buildspecPhaseKey(BuildspecPhaseId::PreBuild), QStringLiteral("pre_build"));
}

void TestBuildspec::mergeKeysAreExpanded() {
    const auto r = parse(
        "version: 0.2\n"
        "x-common: &common\n"
        "  A: one\n"
        "  B: two\n"
        "env:\n"
        "  variables:\n"
        "    <<: *common\n"
        "    B: override\n"
        "phases:\n"
        "  build:\n"
        "    commands: [echo]\n");
    const QList<NamedValue>& vars = r.spec.env.variables;
    QCOMPARE(vars.size(), 2);
    QCOMPARE(vars[0].name, QStringLiteral("A"));
    QCOMPARE(vars[0].value, QStringLiteral("one"));
    QCOMPARE(vars[1].name, QStringLiteral("B"));
    QCOMPARE(vars[1].value, QStringLiteral("override"));
    QCOMPARE(vars[1].valueMark.line, 8);
    QCOMPARE(rulesOf(r.diagnostics), QStringList{QStringLiteral("buildspec-unknown-key")});
}

void TestBuildspec::brokenFileGivesPartialModel() {
    const auto r = parse(
        "version: 0.2\n"
        "env: []\n"
        "phases:\n"
        "  buld:\n"
        "    commands: [echo a]\n"
        "  build:\n"
        "    commands:\n"
        "      - echo key: value\n"
        "      - echo fine\n");
    QCOMPARE(texts(r.spec.phase(BuildspecPhaseId::Build).commands),
             QStringList{QStringLiteral("echo fine")});
    QVERIFY(!r.spec.env.present);
    const QStringList rules = rulesOf(r.diagnostics);
    QVERIFY2(rules.contains(QStringLiteral("buildspec-type")), qPrintable(rules.join(',')));
    QVERIFY(rules.contains(QStringLiteral("buildspec-unknown-phase")));
    QVERIFY(rules.contains(QStringLiteral("buildspec-command-mapping")));
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == QLatin1String("buildspec-unknown-phase")) {
            QCOMPARE(d.line, 4);
            QVERIFY(d.message.contains(QLatin1String("did you mean 'build'")));
            QVERIFY(d.fix.has_value());
        }
}

void TestBuildspec::notAMapping() {
    for (const char* text : {"", "- a\n- b\n", "just text\n"}) {
        const auto r = parse(text);
        QCOMPARE(rulesOf(r.diagnostics), QStringList{QStringLiteral("buildspec-not-mapping")});
        QVERIFY(!r.spec.phase(BuildspecPhaseId::Build).present);
    }
}

QTEST_GUILESS_MAIN(TestBuildspec)
#include "tst_buildspec.moc"
