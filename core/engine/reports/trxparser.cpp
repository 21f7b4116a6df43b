// Visual Studio TRX: <TestRun><Results><UnitTestResult outcome duration="hh:mm:ss.fffffff">
// and <TestDefinitions><UnitTest id><TestMethod className>. Results usually come first, so
// cases are grouped into one suite per class after the whole file is read.
#include "reportparsing_p.h"

#include <QHash>
#include <QMap>

namespace pw::reports {

namespace {

QString attr(const QXmlStreamReader& xml, const char* name) {
    return xml.attributes().value(QLatin1String(name)).toString();
}

TestStatus trxStatus(const QString& outcome) {
    if (outcome == QLatin1String("Passed") || outcome == QLatin1String("PassedButRunAborted"))
        return TestStatus::Succeeded;
    if (outcome == QLatin1String("Failed") || outcome == QLatin1String("Timeout"))
        return TestStatus::Failed;
    if (outcome == QLatin1String("NotExecuted") || outcome == QLatin1String("Inconclusive") ||
        outcome == QLatin1String("NotRunnable") || outcome == QLatin1String("Pending"))
        return TestStatus::Skipped;
    if (outcome == QLatin1String("Error") || outcome == QLatin1String("Aborted"))
        return TestStatus::Error;
    return TestStatus::Unknown;
}

// "00:01:02.5000000" -> 62500.
qint64 trxDurationMs(const QString& text) {
    const QStringList parts = text.split(u':');
    if (parts.size() != 3)
        return 0;
    const double seconds =
        parts[0].toDouble() * 3600 + parts[1].toDouble() * 60 + parts[2].toDouble();
    return qint64(seconds * 1000.0 + 0.5);
}

// First <Message> anywhere under the result (Output/ErrorInfo/Message).
QString readResultMessage(QXmlStreamReader& xml) {
    QString message;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"Message" && message.isEmpty())
                message = elementText(xml);
            else
                ++depth;
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    return shortMessage(message);
}

struct Pending {
    QString testId;
    TestCase tc;
};

}  // namespace

void parseTrx(const QByteArray& data, TestReport& report) {
    QXmlStreamReader xml(data);
    if (!expectRoot(xml, {QStringLiteral("TestRun")}, report.diagnostics, report.file,
                    QStringLiteral("Visual Studio TRX")))
        return;
    const QString runName = attr(xml, "name");
    QList<Pending> results;
    QHash<QString, QString> classOf;  // test id -> class name
    QString currentTest;
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"UnitTestResult") {
            Pending p{attr(xml, "testId"), {}};
            p.tc.name = attr(xml, "testName");
            p.tc.status = trxStatus(attr(xml, "outcome"));
            p.tc.durationMs = trxDurationMs(attr(xml, "duration"));
            p.tc.message = readResultMessage(xml);
            results << p;
        } else if (xml.name() == u"UnitTest") {
            currentTest = attr(xml, "id");
        } else if (xml.name() == u"TestMethod") {
            classOf.insert(currentTest, attr(xml, "className").section(u',', 0, 0).trimmed());
        }
    }
    QMap<QString, TestSuite> byClass;
    for (Pending& p : results) {
        p.tc.className = classOf.value(p.testId);
        TestSuite& suite = byClass[p.tc.className.isEmpty() ? runName : p.tc.className];
        suite.durationMs += p.tc.durationMs;
        suite.cases << p.tc;
    }
    for (auto it = byClass.begin(); it != byClass.end(); ++it) {
        it->name = it.key();
        report.suites << *it;
    }
    report.valid = finishXml(xml, report.diagnostics, report.file);
}

}  // namespace pw::reports
