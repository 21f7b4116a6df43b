// TestNG XML: <testng-results>/<suite>/<test>/<class>/<test-method status="PASS|FAIL|SKIP">.
// A <suite> is a suite; configuration methods (is-config="true") are not test cases.
#include "reportparsing_p.h"

namespace pw::reports {

namespace {

QString attr(const QXmlStreamReader& xml, const char* name) {
    return xml.attributes().value(QLatin1String(name)).toString();
}

TestStatus testngStatus(const QString& status) {
    if (status == QLatin1String("PASS"))
        return TestStatus::Succeeded;
    if (status == QLatin1String("FAIL"))
        return TestStatus::Failed;
    if (status == QLatin1String("SKIP"))
        return TestStatus::Skipped;
    return TestStatus::Unknown;
}

// <exception class="..."><message>text</message>...</exception>
QString readException(QXmlStreamReader& xml) {
    const QString type = attr(xml, "class");
    QString message;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"message")
            message = elementText(xml).trimmed();
        else
            xml.skipCurrentElement();
    }
    return shortMessage(message.isEmpty() ? type : type + QStringLiteral(": ") + message);
}

TestCase readMethod(QXmlStreamReader& xml, const QString& className) {
    TestCase tc;
    tc.name = attr(xml, "name");
    tc.className = className;
    tc.status = testngStatus(attr(xml, "status"));
    tc.durationMs = attr(xml, "duration-ms").toLongLong();
    while (xml.readNextStartElement()) {
        if (xml.name() == u"exception")
            tc.message = readException(xml);
        else
            xml.skipCurrentElement();
    }
    return tc;
}

void readChildren(QXmlStreamReader& xml, TestSuite& suite, const QString& className) {
    while (xml.readNextStartElement()) {
        if (xml.name() == u"test") {
            readChildren(xml, suite, className);
        } else if (xml.name() == u"class") {
            const QString name = attr(xml, "name");
            readChildren(xml, suite, name);
        } else if (xml.name() == u"test-method") {
            const bool config = attr(xml, "is-config") == QLatin1String("true");
            const TestCase tc = readMethod(xml, className);
            if (!config)
                suite.cases << tc;
        } else {
            xml.skipCurrentElement();
        }
    }
}

}  // namespace

void parseTestng(const QByteArray& data, TestReport& report) {
    QXmlStreamReader xml(data);
    if (!expectRoot(xml, {QStringLiteral("testng-results")}, report.diagnostics, report.file,
                    QStringLiteral("TestNG XML")))
        return;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"suite") {
            xml.skipCurrentElement();
            continue;
        }
        TestSuite suite;
        suite.name = attr(xml, "name");
        suite.durationMs = attr(xml, "duration-ms").toLongLong();
        readChildren(xml, suite, {});
        report.suites << suite;
    }
    report.valid = finishXml(xml, report.diagnostics, report.file);
}

}  // namespace pw::reports
