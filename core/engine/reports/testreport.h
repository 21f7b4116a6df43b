#pragma once

#include "engine/reports/reportformat.h"
#include "yaml/diagnostic.h"

#include <QList>
#include <QString>

namespace pw {

// CodeBuild test case statuses.
enum class TestStatus { Succeeded, Failed, Skipped, Error, Unknown };
QString testStatusName(TestStatus status);  // "SUCCEEDED", "FAILED", "SKIPPED", "ERROR", "UNKNOWN"

struct TestCase {
    QString name;
    QString className;  // class, fixture or feature the case belongs to; may be empty
    TestStatus status = TestStatus::Succeeded;
    qint64 durationMs = 0;
    QString message;  // failure or skip message, first line of detail when no message
};

struct TestSuite {
    QString name;
    qint64 durationMs = 0;
    QList<TestCase> cases;
};

struct TestCounts {
    int total = 0;
    int succeeded = 0;
    int failed = 0;
    int skipped = 0;
    int error = 0;
    int unknown = 0;
};

struct TestReport {
    ReportFormat format = ReportFormat::JunitXml;
    QString file;
    QList<TestSuite> suites;
    Diagnostics diagnostics;  // warnings only: a malformed report never fails the engine
    bool valid = false;       // false when the file could not be read as this format at all

    TestCounts counts() const;
};

}  // namespace pw
