#include "reportformat.h"

#include <array>

namespace pw {

namespace {

struct FormatName {
    ReportFormat format;
    const char* name;
};

constexpr std::array<FormatName, 10> kFormats{{
    {ReportFormat::JunitXml, "JUNITXML"},
    {ReportFormat::CucumberJson, "CUCUMBERJSON"},
    {ReportFormat::NunitXml, "NUNITXML"},
    {ReportFormat::Nunit3Xml, "NUNIT3XML"},
    {ReportFormat::TestngXml, "TESTNGXML"},
    {ReportFormat::VisualStudioTrx, "VISUALSTUDIOTRX"},
    {ReportFormat::CloverXml, "CLOVERXML"},
    {ReportFormat::CoberturaXml, "COBERTURAXML"},
    {ReportFormat::JacocoXml, "JACOCOXML"},
    {ReportFormat::SimpleCov, "SIMPLECOV"},
}};

}  // namespace

std::optional<ReportFormat> parseReportFormat(const QString& text) {
    const QString upper = text.trimmed().toUpper();
    if (upper.isEmpty())
        return ReportFormat::JunitXml;
    for (const FormatName& f : kFormats) {
        if (upper == QLatin1String(f.name))
            return f.format;
    }
    return std::nullopt;
}

QString reportFormatName(ReportFormat format) {
    for (const FormatName& f : kFormats) {
        if (f.format == format)
            return QString::fromLatin1(f.name);
    }
    return {};
}

bool isCoverageFormat(ReportFormat format) {
    switch (format) {
        case ReportFormat::CloverXml:
        case ReportFormat::CoberturaXml:
        case ReportFormat::JacocoXml:
        case ReportFormat::SimpleCov:
            return true;
        default:
            return false;
    }
}

}  // namespace pw
