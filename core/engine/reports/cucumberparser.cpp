// Cucumber JSON: an array of features, each with scenario `elements` made of steps whose
// `result` has a status and a duration in nanoseconds. A feature is a suite, a scenario a case.
#include "reportparsing_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw::reports {

namespace {

// Worst step wins: failed > undefined/pending/skipped > passed.
TestCase readScenario(const QJsonObject& scenario, const QString& feature) {
    TestCase tc;
    tc.name = scenario.value(QLatin1String("name")).toString();
    tc.className = feature;
    qint64 nanos = 0;
    for (const QJsonValue& stepValue : scenario.value(QLatin1String("steps")).toArray()) {
        const QJsonObject result = stepValue.toObject().value(QLatin1String("result")).toObject();
        const QString status = result.value(QLatin1String("status")).toString();
        nanos += qint64(result.value(QLatin1String("duration")).toDouble());
        if (status == QLatin1String("failed") && tc.status != TestStatus::Failed) {
            tc.status = TestStatus::Failed;
            tc.message = shortMessage(
                result.value(QLatin1String("error_message")).toString().section(u'\n', 0, 0));
        } else if (status != QLatin1String("passed") && tc.status == TestStatus::Succeeded) {
            tc.status = TestStatus::Skipped;
            tc.message = QStringLiteral("step %1").arg(status);
        }
    }
    tc.durationMs = nanos / 1000000;
    return tc;
}

}  // namespace

void parseCucumber(const QByteArray& data, TestReport& report) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray()) {
        warn(report.diagnostics, report.file, QStringLiteral("report-malformed"),
             error.error != QJsonParseError::NoError
                 ? QStringLiteral("malformed Cucumber JSON at offset %1: %2")
                       .arg(error.offset)
                       .arg(error.errorString())
                 : QStringLiteral("a Cucumber JSON report is an array of features"));
        return;
    }
    for (const QJsonValue& featureValue : doc.array()) {
        const QJsonObject feature = featureValue.toObject();
        TestSuite suite;
        suite.name = feature.value(QLatin1String("name")).toString();
        for (const QJsonValue& element : feature.value(QLatin1String("elements")).toArray()) {
            const QJsonObject scenario = element.toObject();
            // Backgrounds are steps shared by scenarios, not tests of their own.
            if (scenario.value(QLatin1String("type")).toString() == QLatin1String("background"))
                continue;
            suite.cases << readScenario(scenario, suite.name);
            suite.durationMs += suite.cases.last().durationMs;
        }
        report.suites << suite;
    }
    report.valid = true;
}

}  // namespace pw::reports
