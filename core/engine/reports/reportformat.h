#pragma once

#include <QString>
#include <optional>

namespace pw {

// `reports.<group>.file-format` values (buildspec.md §1).
enum class ReportFormat {
    JunitXml,
    CucumberJson,
    NunitXml,
    Nunit3Xml,
    TestngXml,
    VisualStudioTrx,
    CloverXml,
    CoberturaXml,
    JacocoXml,
    SimpleCov,
};

// Case-insensitive; an empty string gives JUNITXML, the CodeBuild default.
std::optional<ReportFormat> parseReportFormat(const QString& text);
QString reportFormatName(ReportFormat format);  // "JUNITXML", ...
bool isCoverageFormat(ReportFormat format);

}  // namespace pw
