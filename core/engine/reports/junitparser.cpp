// JUnit XML: <testsuites>/<testsuite>/<testcase> with <failure>, <error> or <skipped>;
// suites may nest (some runners write one suite per package holding one per class).
#include "reportparsing_p.h"

namespace pw::reports {

namespace {

QString attr(const QXmlStreamReader& xml, QLatin1String name) {
    return xml.attributes().value(name).toString();
}

// Keeps the worst outcome: error > failure > skipped.
void applyOutcome(QXmlStreamReader& xml, TestCase& tc) {
    const QStringView tag = xml.name();
    const TestStatus status = tag == u"error"     ? TestStatus::Error
                              : tag == u"failure" ? TestStatus::Failed
                                                  : TestStatus::Skipped;
    QString message = attr(xml, QLatin1String("message"));
    const QString text = elementText(xml);
    if (message.isEmpty())
        message = text.trimmed().section(u'\n', 0, 0);
    const auto rank = [](TestStatus s) {
        return s == TestStatus::Error ? 3 : s == TestStatus::Failed ? 2 : s == TestStatus::Skipped;
    };
    if (rank(status) > rank(tc.status)) {
        tc.status = status;
        tc.message = shortMessage(message);
    }
}

TestCase readCase(QXmlStreamReader& xml) {
    TestCase tc;
    tc.name = attr(xml, QLatin1String("name"));
    tc.className = attr(xml, QLatin1String("classname"));
    tc.durationMs = secondsToMs(xml.attributes().value(QLatin1String("time")));
    while (xml.readNextStartElement()) {
        const QStringView tag = xml.name();
        if (tag == u"failure" || tag == u"error" || tag == u"skipped")
            applyOutcome(xml, tc);
        else
            xml.skipCurrentElement();
    }
    return tc;
}

void readSuite(QXmlStreamReader& xml, TestReport& report) {
    TestSuite suite;
    suite.name = attr(xml, QLatin1String("name"));
    suite.durationMs = secondsToMs(xml.attributes().value(QLatin1String("time")));
    bool nested = false;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"testcase") {
            suite.cases << readCase(xml);
        } else if (xml.name() == u"testsuite") {
            nested = true;
            readSuite(xml, report);
        } else {
            xml.skipCurrentElement();
        }
    }
    if (!suite.cases.isEmpty() || !nested)
        report.suites << suite;
}

}  // namespace

void parseJunit(const QByteArray& data, TestReport& report) {
    QXmlStreamReader xml(data);
    if (!expectRoot(xml, {QStringLiteral("testsuites"), QStringLiteral("testsuite")},
                    report.diagnostics, report.file, QStringLiteral("JUnit XML")))
        return;
    if (xml.name() == u"testsuite") {
        readSuite(xml, report);
    } else {
        while (xml.readNextStartElement()) {
            if (xml.name() == u"testsuite")
                readSuite(xml, report);
            else
                xml.skipCurrentElement();
        }
    }
    report.valid = finishXml(xml, report.diagnostics, report.file);
}

}  // namespace pw::reports
