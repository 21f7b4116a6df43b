#include "reportparsing_p.h"

namespace pw::reports {

void warn(Diagnostics& out, const QString& file, const QString& rule, const QString& message,
          int line) {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.file = file;
    d.line = line;
    d.rule = rule;
    d.message = message;
    out << d;
}

bool finishXml(const QXmlStreamReader& xml, Diagnostics& out, const QString& file) {
    if (!xml.hasError())
        return true;
    warn(out, file, QStringLiteral("report-malformed"),
         QStringLiteral("malformed report: %1").arg(xml.errorString()), int(xml.lineNumber()));
    return false;
}

void finishCoverageXml(const QXmlStreamReader& xml, const FileCoverage& totals,
                       CoverageReport& report) {
    report.linesCovered = totals.linesCovered;
    report.linesTotal = totals.linesTotal;
    report.branchesCovered = totals.branchesCovered;
    report.branchesTotal = totals.branchesTotal;
    report.valid = finishXml(xml, report.diagnostics, report.file);
}

bool expectRoot(QXmlStreamReader& xml, const QStringList& roots, Diagnostics& out,
                const QString& file, const QString& formatName) {
    if (!xml.readNextStartElement()) {
        if (finishXml(xml, out, file))
            warn(out, file, QStringLiteral("report-malformed"),
                 QStringLiteral("the %1 report has no root element").arg(formatName));
        return false;
    }
    if (roots.contains(xml.name().toString()))
        return true;
    warn(out, file, QStringLiteral("report-wrong-format"),
         QStringLiteral("root element <%1> is not a %2 report (expected <%3>)")
             .arg(xml.name().toString(), formatName, roots.join(QStringLiteral("> or <"))),
         int(xml.lineNumber()));
    return false;
}

qint64 secondsToMs(QStringView seconds) {
    QString text = seconds.trimmed().toString();
    text.remove(u',');
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && value > 0 ? qint64(value * 1000.0 + 0.5) : 0;
}

QString shortMessage(const QString& message) {
    const QString trimmed = message.trimmed();
    return trimmed.size() > 4000 ? trimmed.left(4000) + QStringLiteral("…") : trimmed;
}

QString elementText(QXmlStreamReader& xml) {
    return xml.readElementText(QXmlStreamReader::IncludeChildElements);
}

void addFileCoverage(CoverageReport& report, const FileCoverage& file) {
    report.linesCovered += file.linesCovered;
    report.linesTotal += file.linesTotal;
    report.branchesCovered += file.branchesCovered;
    report.branchesTotal += file.branchesTotal;
    if (file.linesTotal > 0 || file.branchesTotal > 0)
        report.files << file;
}

}  // namespace pw::reports
