#include "reportparser.h"

#include "engine/enginelogging.h"
#include "engine/reports/reportparsing_p.h"

#include <QFile>

namespace pw {

TestReport ReportParser::parseTests(ReportFormat format, const QByteArray& data,
                                    const QString& file) {
    TestReport report;
    report.format = format;
    report.file = file;
    if (data.trimmed().isEmpty()) {
        reports::warn(report.diagnostics, file, QStringLiteral("report-malformed"),
                      QStringLiteral("the report file is empty"));
        return report;
    }
    switch (format) {
        case ReportFormat::JunitXml:
            reports::parseJunit(data, report);
            break;
        case ReportFormat::CucumberJson:
            reports::parseCucumber(data, report);
            break;
        case ReportFormat::NunitXml:
            reports::parseNunit2(data, report);
            break;
        case ReportFormat::Nunit3Xml:
            reports::parseNunit3(data, report);
            break;
        case ReportFormat::TestngXml:
            reports::parseTestng(data, report);
            break;
        case ReportFormat::VisualStudioTrx:
            reports::parseTrx(data, report);
            break;
        default:
            reports::warn(report.diagnostics, file, QStringLiteral("report-wrong-format"),
                          QStringLiteral("%1 is a coverage format").arg(reportFormatName(format)));
            break;
    }
    return report;
}

CoverageReport ReportParser::parseCoverage(ReportFormat format, const QByteArray& data,
                                           const QString& file) {
    CoverageReport report;
    report.format = format;
    report.file = file;
    if (data.trimmed().isEmpty()) {
        reports::warn(report.diagnostics, file, QStringLiteral("report-malformed"),
                      QStringLiteral("the report file is empty"));
        return report;
    }
    switch (format) {
        case ReportFormat::CoberturaXml:
            reports::parseCobertura(data, report);
            break;
        case ReportFormat::JacocoXml:
            reports::parseJacoco(data, report);
            break;
        case ReportFormat::CloverXml:
            reports::parseClover(data, report);
            break;
        case ReportFormat::SimpleCov:
            reports::parseSimpleCov(data, report);
            break;
        default:
            reports::warn(
                report.diagnostics, file, QStringLiteral("report-wrong-format"),
                QStringLiteral("%1 is a test report format").arg(reportFormatName(format)));
            break;
    }
    return report;
}

ParsedReport ReportParser::parse(ReportFormat format, const QByteArray& data, const QString& file) {
    if (isCoverageFormat(format))
        return parseCoverage(format, data, file);
    return parseTests(format, data, file);
}

ParsedReport ReportParser::parseFile(ReportFormat format, const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcEngine) << "cannot read report" << path << file.errorString();
        ParsedReport empty = parse(format, {}, path);
        std::visit(
            [&](auto& report) {
                report.diagnostics.first().rule = QStringLiteral("report-unreadable");
                report.diagnostics.first().message =
                    QStringLiteral("cannot read the report: %1").arg(file.errorString());
            },
            empty);
        return empty;
    }
    return parse(format, file.readAll(), path);
}

}  // namespace pw
