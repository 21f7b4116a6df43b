#include "engine/reports/reportparser.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include "engine/reports/reportrules.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

bool isDocumentedRule(const QString& id) {
    for (const RuleInfo& rule : reportRules()) {
        if (id == QLatin1String(rule.id))
            return true;
    }
    return false;
}

// Rule ids of `diagnostics`; each must have an entry in the module's RuleInfo table.
QStringList rules(const Diagnostics& diagnostics) {
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        if (!isDocumentedRule(d.rule))
            QTest::qFail(qPrintable("undocumented rule " + d.rule), __FILE__, __LINE__);
        out << d.rule;
    }
    return out;
}

const TestCase* findCase(const TestReport& report, const QString& name) {
    for (const TestSuite& suite : report.suites) {
        for (const TestCase& tc : suite.cases) {
            if (tc.name == name)
                return &tc;
        }
    }
    return nullptr;
}

const QByteArray kJunit = R"RPT(<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="com.acme.CartTest" tests="4" time="1.25">
    <testcase name="adds" classname="com.acme.CartTest" time="0.5"/>
    <testcase name="removes" classname="com.acme.CartTest" time="0.25">
      <failure message="expected 1 but was 2" type="AssertionError">stack...</failure>
    </testcase>
    <testcase name="loads" classname="com.acme.CartTest" time="0.01">
      <error type="IOError"><![CDATA[disk gone
at line 3]]></error>
    </testcase>
    <testcase name="later" classname="com.acme.CartTest"><skipped/></testcase>
  </testsuite>
  <testsuite name="outer">
    <testsuite name="inner" time="1,234.5">
      <testcase name="deep" time="0.002"/>
    </testsuite>
  </testsuite>
</testsuites>)RPT";

}  // namespace

class TestReports : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatNames();
    void junit();
    void junitSingleSuiteRoot();
    void cucumber();
    void nunit2();
    void nunit3();
    void testng();
    void trx();
    void cobertura();
    void jacoco();
    void clover();
    void simplecov_data();
    void simplecov();
    void malformed_data();
    void malformed();
    void wrongRootIsWarning();
    void unreadableFile();
    void corpusFileFormats();
};

void TestReports::formatNames() {
    QCOMPARE(parseReportFormat("cucumberjson"), ReportFormat::CucumberJson);
    QCOMPARE(parseReportFormat(""), ReportFormat::JunitXml);
    QCOMPARE(parseReportFormat("Nunit3Xml"), ReportFormat::Nunit3Xml);
    QVERIFY(!parseReportFormat("XUNIT").has_value());
    QCOMPARE(reportFormatName(ReportFormat::VisualStudioTrx), QString("VISUALSTUDIOTRX"));
    QVERIFY(isCoverageFormat(ReportFormat::SimpleCov));
    QVERIFY(!isCoverageFormat(ReportFormat::TestngXml));
}

void TestReports::junit() {
    const TestReport r = ReportParser::parseTests(ReportFormat::JunitXml, kJunit, "junit.xml");
    QVERIFY(r.valid);
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.suites.size(), 2);  // "outer" holds no case of its own
    QCOMPARE(r.suites[0].name, QString("com.acme.CartTest"));
    QCOMPARE(r.suites[0].durationMs, 1250);
    QCOMPARE(r.suites[1].name, QString("inner"));
    QCOMPARE(r.suites[1].durationMs, 1234500);
    const TestCounts c = r.counts();
    QCOMPARE(c.total, 5);
    QCOMPARE(c.succeeded, 2);
    QCOMPARE(c.failed, 1);
    QCOMPARE(c.error, 1);
    QCOMPARE(c.skipped, 1);
    QCOMPARE(findCase(r, "removes")->message, QString("expected 1 but was 2"));
    QCOMPARE(findCase(r, "removes")->durationMs, 250);
    QCOMPARE(findCase(r, "loads")->message, QString("disk gone"));
    QCOMPARE(findCase(r, "adds")->className, QString("com.acme.CartTest"));
    QCOMPARE(testStatusName(findCase(r, "later")->status), QString("SKIPPED"));
}

void TestReports::junitSingleSuiteRoot() {
    const TestReport r = ReportParser::parseTests(
        ReportFormat::JunitXml,
        R"RPT(<testsuite name="pytest"><testcase name="t1" time="0.1"/></testsuite>)RPT");
    QVERIFY(r.valid);
    QCOMPARE(r.suites.size(), 1);
    QCOMPARE(r.counts().succeeded, 1);
}

void TestReports::cucumber() {
    const QByteArray json = R"RPT([{"name": "Checkout", "elements": [
      {"type": "background", "name": "", "steps": [{"result": {"status": "passed"}}]},
      {"type": "scenario", "name": "pays", "steps": [
        {"result": {"status": "passed", "duration": 1500000}},
        {"result": {"status": "passed", "duration": 2500000}}]},
      {"type": "scenario", "name": "declined", "steps": [
        {"result": {"status": "passed", "duration": 1000000}},
        {"result": {"status": "failed", "duration": 1000000, "error_message": "card declined\nat x"}},
        {"result": {"status": "skipped"}}]},
      {"type": "scenario", "name": "todo", "steps": [{"result": {"status": "undefined"}}]}
    ]}])RPT";
    const TestReport r = ReportParser::parseTests(ReportFormat::CucumberJson, json);
    QVERIFY(r.valid);
    QCOMPARE(r.suites.size(), 1);
    QCOMPARE(r.suites[0].cases.size(), 3);
    QCOMPARE(findCase(r, "pays")->status, TestStatus::Succeeded);
    QCOMPARE(findCase(r, "pays")->durationMs, 4);
    QCOMPARE(findCase(r, "declined")->status, TestStatus::Failed);
    QCOMPARE(findCase(r, "declined")->message, QString("card declined"));
    QCOMPARE(findCase(r, "todo")->status, TestStatus::Skipped);
    QCOMPARE(findCase(r, "pays")->className, QString("Checkout"));
}

void TestReports::nunit2() {
    const QByteArray xml = R"RPT(<?xml version="1.0"?>
<test-results name="Tests.dll" total="4" failures="1">
  <environment nunit-version="2.6.4"/>
  <test-suite type="Assembly" name="Tests.dll" executed="True" result="Failure" time="0.5">
    <results>
      <test-suite type="Namespace" name="Acme"><results>
        <test-suite type="TestFixture" name="CartTests" time="0.3"><results>
          <test-case name="Acme.CartTests.Adds" executed="True" result="Success" time="0.120"/>
          <test-case name="Acme.CartTests.Removes" executed="True" result="Failure" time="0.010">
            <failure><message><![CDATA[Expected: 1 But was: 2]]></message><stack-trace/></failure>
          </test-case>
          <test-case name="Acme.CartTests.Later" executed="False" result="Ignored">
            <reason><message>not yet</message></reason>
          </test-case>
          <test-suite type="ParameterizedTest" name="Sum"><results>
            <test-case name="Acme.CartTests.Sum(1)" executed="True" result="Error" time="0.001"/>
          </results></test-suite>
        </results></test-suite>
      </results></test-suite>
    </results>
  </test-suite>
</test-results>)RPT";
    const TestReport r = ReportParser::parseTests(ReportFormat::NunitXml, xml);
    QVERIFY(r.valid);
    QCOMPARE(r.counts().total, 4);
    QCOMPARE(findCase(r, "Acme.CartTests.Adds")->durationMs, 120);
    QCOMPARE(findCase(r, "Acme.CartTests.Removes")->status, TestStatus::Failed);
    QCOMPARE(findCase(r, "Acme.CartTests.Removes")->message, QString("Expected: 1 But was: 2"));
    QCOMPARE(findCase(r, "Acme.CartTests.Later")->status, TestStatus::Skipped);
    QCOMPARE(findCase(r, "Acme.CartTests.Later")->message, QString("not yet"));
    QCOMPARE(findCase(r, "Acme.CartTests.Sum(1)")->status, TestStatus::Error);
    QCOMPARE(findCase(r, "Acme.CartTests.Adds")->className, QString("CartTests"));
}

void TestReports::nunit3() {
    const QByteArray xml = R"RPT(<test-run id="2" testcasecount="4" result="Failed">
  <test-suite type="Assembly" name="Tests.dll">
    <test-suite type="TestFixture" name="CartTests" fullname="Acme.CartTests" duration="0.25">
      <test-case name="Adds" classname="Acme.CartTests" result="Passed" duration="0.1"/>
      <test-case name="Removes" classname="Acme.CartTests" result="Failed" duration="0.02">
        <failure><message><![CDATA[Expected 1]]></message></failure>
      </test-case>
      <test-case name="Crashes" classname="Acme.CartTests" result="Failed" label="Error">
        <failure><message>NullReferenceException</message></failure>
      </test-case>
      <test-suite type="ParameterizedMethod" name="Sum">
        <test-case name="Sum(2)" classname="Acme.CartTests" result="Skipped" label="Ignored">
          <reason><message>later</message></reason>
        </test-case>
      </test-suite>
    </test-suite>
  </test-suite>
</test-run>)RPT";
    const TestReport r = ReportParser::parseTests(ReportFormat::Nunit3Xml, xml);
    QVERIFY(r.valid);
    QCOMPARE(r.suites.size(), 1);  // the parameterized method folds into its fixture
    QCOMPARE(r.suites[0].name, QString("Acme.CartTests"));
    QCOMPARE(r.suites[0].durationMs, 250);
    const TestCounts c = r.counts();
    QCOMPARE(c.total, 4);
    QCOMPARE(c.succeeded, 1);
    QCOMPARE(c.failed, 1);
    QCOMPARE(c.error, 1);
    QCOMPARE(c.skipped, 1);
    QCOMPARE(findCase(r, "Removes")->message, QString("Expected 1"));
    QCOMPARE(findCase(r, "Sum(2)")->message, QString("later"));
}

void TestReports::testng() {
    const QByteArray xml = R"RPT(<testng-results total="3" passed="1" failed="1" skipped="1">
  <reporter-output/>
  <suite name="Suite" duration-ms="1200">
    <groups/>
    <test name="Unit" duration-ms="1100">
      <class name="com.acme.CartTest">
        <test-method status="PASS" name="setUp" is-config="true" duration-ms="3"/>
        <test-method status="PASS" signature="adds()" name="adds" duration-ms="40"/>
        <test-method status="FAIL" signature="removes()" name="removes" duration-ms="7">
          <exception class="java.lang.AssertionError">
            <message><![CDATA[expected [1] but found [2]]]></message>
            <full-stacktrace>...</full-stacktrace>
          </exception>
        </test-method>
        <test-method status="SKIP" name="later" duration-ms="0"/>
      </class>
    </test>
  </suite>
</testng-results>)RPT";
    const TestReport r = ReportParser::parseTests(ReportFormat::TestngXml, xml);
    QVERIFY(r.valid);
    QCOMPARE(r.suites.size(), 1);
    QCOMPARE(r.suites[0].durationMs, 1200);
    QCOMPARE(r.counts().total, 3);  // setUp is configuration, not a test
    QCOMPARE(findCase(r, "adds")->durationMs, 40);
    QCOMPARE(findCase(r, "removes")->status, TestStatus::Failed);
    QCOMPARE(findCase(r, "removes")->message,
             QString("java.lang.AssertionError: expected [1] but found [2]"));
    QCOMPARE(findCase(r, "later")->status, TestStatus::Skipped);
    QCOMPARE(findCase(r, "adds")->className, QString("com.acme.CartTest"));
}

void TestReports::trx() {
    const QByteArray xml = R"RPT(<?xml version="1.0" encoding="utf-8"?>
<TestRun id="1" name="run 1" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <Results>
    <UnitTestResult testId="a" testName="Adds" outcome="Passed" duration="00:00:00.1234567"/>
    <UnitTestResult testId="b" testName="Removes" outcome="Failed" duration="00:01:02.5000000">
      <Output><ErrorInfo><Message>Assert.AreEqual failed</Message><StackTrace>at x</StackTrace></ErrorInfo></Output>
    </UnitTestResult>
    <UnitTestResult testId="c" testName="Later" outcome="NotExecuted"/>
  </Results>
  <TestDefinitions>
    <UnitTest id="a" name="Adds"><TestMethod className="Acme.CartTests, Acme.Tests" name="Adds"/></UnitTest>
    <UnitTest id="b" name="Removes"><TestMethod className="Acme.CartTests, Acme.Tests" name="Removes"/></UnitTest>
    <UnitTest id="c" name="Later"><TestMethod className="Acme.OtherTests" name="Later"/></UnitTest>
  </TestDefinitions>
</TestRun>)RPT";
    const TestReport r = ReportParser::parseTests(ReportFormat::VisualStudioTrx, xml);
    QVERIFY(r.valid);
    QCOMPARE(r.suites.size(), 2);
    QCOMPARE(r.suites[0].name, QString("Acme.CartTests"));
    QCOMPARE(r.suites[0].cases.size(), 2);
    QCOMPARE(findCase(r, "Adds")->durationMs, 123);
    QCOMPARE(findCase(r, "Removes")->durationMs, 62500);
    QCOMPARE(findCase(r, "Removes")->status, TestStatus::Failed);
    QCOMPARE(findCase(r, "Removes")->message, QString("Assert.AreEqual failed"));
    QCOMPARE(findCase(r, "Later")->status, TestStatus::Skipped);
    QCOMPARE(findCase(r, "Later")->className, QString("Acme.OtherTests"));
}

void TestReports::cobertura() {
    const QByteArray xml = R"RPT(<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage line-rate="0.9" branch-rate="0.9" lines-covered="99" lines-valid="100">
  <packages><package name="app"><classes>
    <class name="Cart" filename="app/cart.py">
      <methods><method name="add"><lines><line number="1" hits="0"/></lines></method></methods>
      <lines>
        <line number="1" hits="3"/>
        <line number="2" hits="0"/>
        <line number="3" hits="1" branch="true" condition-coverage="50% (1/2)"/>
      </lines>
    </class>
    <class name="CartHelper" filename="app/cart.py">
      <lines><line number="2" hits="1"/><line number="4" hits="0"/></lines>
    </class>
    <class name="Util" filename="app/util.py">
      <lines><line number="1" hits="0" branch="true" condition-coverage="0% (0/4)"/></lines>
    </class>
  </classes></package></packages>
</coverage>)RPT";
    const CoverageReport r = ReportParser::parseCoverage(ReportFormat::CoberturaXml, xml);
    QVERIFY(r.valid);
    // cart.py: lines 1,2,3,4 with 1,2,3 hit; util.py: line 1 missed.
    QCOMPARE(r.linesTotal, 5);
    QCOMPARE(r.linesCovered, 3);
    QCOMPARE(r.branchesTotal, 6);
    QCOMPARE(r.branchesCovered, 1);
    QCOMPARE(r.lineRate(), 0.6);
    QCOMPARE(r.files.size(), 2);
    QCOMPARE(r.files[0].path, QString("app/cart.py"));
    QCOMPARE(r.files[0].linesCovered, 3);
}

void TestReports::jacoco() {
    const QByteArray xml = R"RPT(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
<report name="app">
  <sessioninfo id="x" start="1" dump="2"/>
  <package name="com/acme">
    <class name="com/acme/Cart" sourcefilename="Cart.java">
      <method name="add" desc="()V" line="3"><counter type="LINE" missed="9" covered="9"/></method>
      <counter type="LINE" missed="2" covered="8"/>
    </class>
    <sourcefile name="Cart.java">
      <line nr="3" mi="0" ci="3" mb="0" cb="0"/>
      <counter type="INSTRUCTION" missed="5" covered="20"/>
      <counter type="BRANCH" missed="1" covered="3"/>
      <counter type="LINE" missed="2" covered="8"/>
    </sourcefile>
    <counter type="LINE" missed="2" covered="8"/>
  </package>
  <counter type="BRANCH" missed="1" covered="3"/>
  <counter type="LINE" missed="2" covered="8"/>
</report>)RPT";
    const CoverageReport r = ReportParser::parseCoverage(ReportFormat::JacocoXml, xml);
    QVERIFY(r.valid);
    QCOMPARE(r.linesCovered, 8);
    QCOMPARE(r.linesTotal, 10);
    QCOMPARE(r.branchRate(), 0.75);
    QCOMPARE(r.files.size(), 1);
    QCOMPARE(r.files[0].path, QString("com/acme/Cart.java"));
    QCOMPARE(r.files[0].branchesTotal, 4);
}

void TestReports::clover() {
    const QByteArray xml = R"RPT(<?xml version="1.0" encoding="UTF-8"?>
<coverage generated="1" clover="4.4.1">
  <project timestamp="1" name="app">
    <metrics statements="40" coveredstatements="30" conditionals="10" coveredconditionals="4"
             methods="5" coveredmethods="5" elements="55" coveredelements="39"/>
    <package name="app">
      <metrics statements="40" coveredstatements="30" conditionals="10" coveredconditionals="4"/>
      <file name="cart.js" path="/src/app/cart.js">
        <metrics statements="40" coveredstatements="30" conditionals="10" coveredconditionals="4"/>
        <line num="1" count="1" type="stmt"/>
      </file>
    </package>
  </project>
</coverage>)RPT";
    const CoverageReport r = ReportParser::parseCoverage(ReportFormat::CloverXml, xml);
    QVERIFY(r.valid);
    QCOMPARE(r.lineRate(), 0.75);
    QCOMPARE(r.branchRate(), 0.4);
    QCOMPARE(r.files.size(), 1);
    QCOMPARE(r.files[0].path, QString("/src/app/cart.js"));
}

void TestReports::simplecov_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("linesCovered");
    QTest::addColumn<int>("linesTotal");
    QTest::addColumn<int>("branchesCovered");
    QTest::addColumn<int>("branchesTotal");
    QTest::newRow("resultset") << QByteArray(R"RPT({"RSpec": {"coverage": {
        "/app/cart.rb": {"lines": [null, 1, 0, 2, null],
                         "branches": {"[:if, 0, 3, 4, 3, 10]": {"[:then, 1, 3, 4, 3, 5]": 2,
                                                                "[:else, 2, 3, 4, 3, 10]": 0}}},
        "/app/util.rb": {"lines": [1, 1]}}, "timestamp": 1}})RPT")
                               << 4 << 5 << 1 << 2;
    QTest::newRow("legacy resultset") << QByteArray(R"RPT({"Minitest": {"coverage": {
        "/app/cart.rb": [null, 1, 0, "ignored"]}}})RPT")
                                      << 1 << 2 << 0 << 0;
    QTest::newRow("json formatter") << QByteArray(R"RPT({"meta": {"simplecov_version": "0.22.0"},
        "coverage": {"/app/cart.rb": {"lines": [1, 0, 0, 1],
            "branches": [{"type": "then", "coverage": 1}, {"type": "else", "coverage": 0}]}}})RPT")
                                    << 2 << 4 << 1 << 2;
    QTest::newRow("simplecov-json files") << QByteArray(R"RPT({"timestamp": 1, "files": [
        {"filename": "/app/cart.rb", "covered_percent": 50, "coverage": [1, 0, null]}],
        "metrics": {"covered_percent": 50}})RPT")
                                          << 1 << 2 << 0 << 0;
}

void TestReports::simplecov() {
    QFETCH(QByteArray, json);
    const CoverageReport r = ReportParser::parseCoverage(ReportFormat::SimpleCov, json);
    QVERIFY(r.valid);
    QTEST(r.linesCovered, "linesCovered");
    QTEST(r.linesTotal, "linesTotal");
    QTEST(r.branchesCovered, "branchesCovered");
    QTEST(r.branchesTotal, "branchesTotal");
    QVERIFY(!r.files.isEmpty());
}

void TestReports::malformed_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("data");
    const QByteArray truncatedXml = "<testsuites><testsuite name=\"a\"><testcase name=\"x\">";
    QTest::newRow("junit truncated") << int(ReportFormat::JunitXml) << truncatedXml;
    QTest::newRow("junit garbage")
        << int(ReportFormat::JunitXml) << QByteArray("\x00\xff{not xml", 10);
    QTest::newRow("junit mismatched")
        << int(ReportFormat::JunitXml) << QByteArray("<testsuite><testcase></testsuite>");
    QTest::newRow("nunit2 truncated")
        << int(ReportFormat::NunitXml) << QByteArray("<test-results><test-suite><results>");
    QTest::newRow("nunit3 empty") << int(ReportFormat::Nunit3Xml) << QByteArray("   ");
    QTest::newRow("testng bad entity")
        << int(ReportFormat::TestngXml) << QByteArray("<testng-results>&bogus;</testng-results>");
    QTest::newRow("trx truncated") << int(ReportFormat::VisualStudioTrx)
                                   << QByteArray("<TestRun><Results><UnitTestResult outcome=");
    QTest::newRow("cucumber bad json")
        << int(ReportFormat::CucumberJson) << QByteArray("[{\"name\":");
    QTest::newRow("cucumber object") << int(ReportFormat::CucumberJson) << QByteArray("{}");
    QTest::newRow("cobertura truncated")
        << int(ReportFormat::CoberturaXml) << QByteArray("<coverage><packages><package>");
    QTest::newRow("jacoco extra root")
        << int(ReportFormat::JacocoXml) << QByteArray("<report></report><report/>");
    QTest::newRow("clover truncated")
        << int(ReportFormat::CloverXml) << QByteArray("<coverage><pro");
    QTest::newRow("simplecov array") << int(ReportFormat::SimpleCov) << QByteArray("[1,2]");
    QTest::newRow("simplecov no files")
        << int(ReportFormat::SimpleCov) << QByteArray(R"RPT({"RSpec": {"timestamp": 1}})RPT");
}

void TestReports::malformed() {
    QFETCH(int, format);
    QFETCH(QByteArray, data);
    const ParsedReport parsed = ReportParser::parse(ReportFormat(format), data, "bad.report");
    std::visit(
        [](const auto& r) {
            QVERIFY(!r.valid);
            QVERIFY(!r.diagnostics.isEmpty());
            for (const Diagnostic& d : r.diagnostics) {
                QCOMPARE(d.severity, Severity::Warning);
                QCOMPARE(d.file, QString("bad.report"));
                QVERIFY(d.rule.startsWith("report-"));
            }
        },
        parsed);
}

void TestReports::wrongRootIsWarning() {
    const TestReport r = ReportParser::parseTests(ReportFormat::JunitXml,
                                                  "<test-run><test-case/></test-run>", "r.xml");
    QVERIFY(!r.valid);
    QCOMPARE(rules(r.diagnostics), QStringList{"report-wrong-format"});
    QVERIFY(r.diagnostics[0].message.contains("test-run"));
    // A coverage format handed to the test parser is a warning too, not a crash.
    QCOMPARE(rules(ReportParser::parseTests(ReportFormat::JacocoXml, "<report/>").diagnostics),
             QStringList{"report-wrong-format"});
}

void TestReports::unreadableFile() {
    QTemporaryDir dir;
    const ParsedReport r =
        ReportParser::parseFile(ReportFormat::JunitXml, dir.path() + "/none.xml");
    QVERIFY(std::holds_alternative<TestReport>(r));
    QCOMPARE(rules(std::get<TestReport>(r).diagnostics), QStringList{"report-unreadable"});
}

void TestReports::corpusFileFormats() {
    const QDir corpus(QStringLiteral(PIPEWRIGHT_CORPUS_DIR "/buildspec"));
    if (!corpus.exists())
        QSKIP("corpus not present");
    QSet<ReportFormat> seen;
    for (const QString& name : corpus.entryList({"*.yml", "*.yaml"}, QDir::Files)) {
        const YamlDocument doc = YamlDocument::loadFile(corpus.filePath(name));
        const YamlNode reports = doc.root().get(u"reports");
        for (int i = 0; reports.isMapping() && i < reports.size(); ++i) {
            const YamlNode format = reports.valueAt(i).get(u"file-format");
            const auto parsed = parseReportFormat(format.isScalar() ? format.scalar() : QString());
            QVERIFY2(parsed.has_value(), qPrintable(name));
            seen << *parsed;
        }
    }
    // The corpus uses the default, a Cucumber and a Clover group at least.
    QVERIFY(seen.contains(ReportFormat::JunitXml));
    QVERIFY(seen.contains(ReportFormat::CucumberJson));
    QVERIFY(seen.contains(ReportFormat::CloverXml));
}

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
