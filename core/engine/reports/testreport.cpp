#include "testreport.h"

namespace pw {

QString testStatusName(TestStatus status) {
    switch (status) {
        case TestStatus::Succeeded:
            return QStringLiteral("SUCCEEDED");
        case TestStatus::Failed:
            return QStringLiteral("FAILED");
        case TestStatus::Skipped:
            return QStringLiteral("SKIPPED");
        case TestStatus::Error:
            return QStringLiteral("ERROR");
        case TestStatus::Unknown:
            break;
    }
    return QStringLiteral("UNKNOWN");
}

TestCounts TestReport::counts() const {
    TestCounts c;
    for (const TestSuite& suite : suites) {
        for (const TestCase& tc : suite.cases) {
            ++c.total;
            switch (tc.status) {
                case TestStatus::Succeeded:
                    ++c.succeeded;
                    break;
                case TestStatus::Failed:
                    ++c.failed;
                    break;
                case TestStatus::Skipped:
                    ++c.skipped;
                    break;
                case TestStatus::Error:
                    ++c.error;
                    break;
                case TestStatus::Unknown:
                    ++c.unknown;
                    break;
            }
        }
    }
    return c;
}

}  // namespace pw
