// NUnit 2 (<test-results>) and NUnit 3 (<test-run>): nested <test-suite> elements hold
// <test-case>s. Cases belong to their nearest fixture; parameterized-method suites are
// folded into the fixture around them, and suites without cases (assembly, namespace) dropped.
#include "reportparsing_p.h"

namespace pw::reports {

namespace {

enum class Version { Two, Three };

QString attr(const QXmlStreamReader& xml, const char* name) {
    return xml.attributes().value(QLatin1String(name)).toString();
}

TestStatus nunit2Status(const QString& result, const QString& executed) {
    if (result == QLatin1String("Success"))
        return TestStatus::Succeeded;
    if (result == QLatin1String("Failure"))
        return TestStatus::Failed;
    if (result == QLatin1String("Error") || result == QLatin1String("NotRunnable") ||
        result == QLatin1String("Cancelled"))
        return TestStatus::Error;
    if (result == QLatin1String("Ignored") || result == QLatin1String("Skipped") ||
        result == QLatin1String("Inconclusive") ||
        executed.compare(u"False", Qt::CaseInsensitive) == 0)
        return TestStatus::Skipped;
    return TestStatus::Unknown;
}

TestStatus nunit3Status(const QString& result, const QString& label) {
    if (result == QLatin1String("Passed") || result == QLatin1String("Warning"))
        return TestStatus::Succeeded;
    if (result == QLatin1String("Failed"))
        return label == QLatin1String("Error") || label == QLatin1String("Invalid") ||
                       label == QLatin1String("Cancelled")
                   ? TestStatus::Error
                   : TestStatus::Failed;
    if (result == QLatin1String("Skipped") || result == QLatin1String("Inconclusive"))
        return TestStatus::Skipped;
    return TestStatus::Unknown;
}

// The <message> inside <failure> or <reason>.
QString readMessage(QXmlStreamReader& xml) {
    QString message;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"message")
            message = elementText(xml);
        else
            xml.skipCurrentElement();
    }
    return shortMessage(message);
}

TestCase readCase(QXmlStreamReader& xml, Version version, const QString& fixture) {
    TestCase tc;
    tc.name = attr(xml, "name");
    if (version == Version::Two) {
        tc.status = nunit2Status(attr(xml, "result"), attr(xml, "executed"));
        tc.durationMs = secondsToMs(xml.attributes().value(QLatin1String("time")));
        tc.className = fixture;
    } else {
        tc.status = nunit3Status(attr(xml, "result"), attr(xml, "label"));
        tc.durationMs = secondsToMs(xml.attributes().value(QLatin1String("duration")));
        tc.className = attr(xml, "classname");
    }
    while (xml.readNextStartElement()) {
        const bool hasMessage = xml.name() == u"failure" || xml.name() == u"reason";
        const QString message = hasMessage ? readMessage(xml) : QString();
        if (!hasMessage)
            xml.skipCurrentElement();
        if (tc.message.isEmpty())
            tc.message = message;
    }
    return tc;
}

bool isMethodSuite(const QString& type) {
    return type == QLatin1String("ParameterizedMethod") || type == QLatin1String("Theory") ||
           type == QLatin1String("GenericMethod");
}

void readSuite(QXmlStreamReader& xml, Version version, TestReport& report, TestSuite* owner);

void readChildren(QXmlStreamReader& xml, Version version, TestReport& report, TestSuite* target) {
    while (xml.readNextStartElement()) {
        if (xml.name() == u"test-case")
            target->cases << readCase(xml, version, target->name);
        else if (xml.name() == u"test-suite")
            readSuite(xml, version, report, target);
        else if (xml.name() == u"results")  // NUnit 2 wraps children in <results>
            readChildren(xml, version, report, target);
        else
            xml.skipCurrentElement();
    }
}

void readSuite(QXmlStreamReader& xml, Version version, TestReport& report, TestSuite* owner) {
    TestSuite own;
    TestSuite* target = owner && isMethodSuite(attr(xml, "type")) ? owner : &own;
    own.name = version == Version::Three && !attr(xml, "fullname").isEmpty() ? attr(xml, "fullname")
                                                                             : attr(xml, "name");
    own.durationMs = secondsToMs(
        xml.attributes().value(QLatin1String(version == Version::Two ? "time" : "duration")));
    readChildren(xml, version, report, target);
    if (!own.cases.isEmpty())
        report.suites << own;
}

void parseNunit(const QByteArray& data, TestReport& report, Version version) {
    QXmlStreamReader xml(data);
    const QString root =
        version == Version::Two ? QStringLiteral("test-results") : QStringLiteral("test-run");
    if (!expectRoot(xml, {root}, report.diagnostics, report.file,
                    version == Version::Two ? QStringLiteral("NUnit 2 XML")
                                            : QStringLiteral("NUnit 3 XML")))
        return;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"test-suite")
            readSuite(xml, version, report, nullptr);
        else
            xml.skipCurrentElement();
    }
    report.valid = finishXml(xml, report.diagnostics, report.file);
}

}  // namespace

void parseNunit2(const QByteArray& data, TestReport& report) {
    parseNunit(data, report, Version::Two);
}

void parseNunit3(const QByteArray& data, TestReport& report) {
    parseNunit(data, report, Version::Three);
}

}  // namespace pw::reports
