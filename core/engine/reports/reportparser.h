#pragma once

#include "engine/reports/coveragereport.h"
#include "engine/reports/testreport.h"

#include <QByteArray>
#include <QString>
#include <variant>

namespace pw {

using ParsedReport = std::variant<TestReport, CoverageReport>;

// Reads the test and coverage report formats CodeBuild accepts (buildspec.md §4.5).
// Never throws and never fails the build: malformed input gives valid == false and a
// warning ("report-malformed") in the report's diagnostics.
class ReportParser {
public:
    static TestReport parseTests(ReportFormat format, const QByteArray& data,
                                 const QString& file = {});
    static CoverageReport parseCoverage(ReportFormat format, const QByteArray& data,
                                        const QString& file = {});
    // Dispatches on isCoverageFormat(format).
    static ParsedReport parse(ReportFormat format, const QByteArray& data,
                              const QString& file = {});
    // Reads the file first; an unreadable file is a warning too.
    static ParsedReport parseFile(ReportFormat format, const QString& path);
};

}  // namespace pw
