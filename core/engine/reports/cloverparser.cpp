// Clover XML: <coverage><project><metrics statements coveredstatements conditionals
// coveredconditionals/>...<file name path><metrics/>. Statements stand for lines and
// conditionals for branches, the way CodeBuild reads Clover.
#include "reportparsing_p.h"

namespace pw::reports {

namespace {

void readMetrics(const QXmlStreamReader& xml, FileCoverage& into) {
    const QXmlStreamAttributes a = xml.attributes();
    into.linesCovered = a.value(QLatin1String("coveredstatements")).toInt();
    into.linesTotal = a.value(QLatin1String("statements")).toInt();
    into.branchesCovered = a.value(QLatin1String("coveredconditionals")).toInt();
    into.branchesTotal = a.value(QLatin1String("conditionals")).toInt();
}

}  // namespace

void parseClover(const QByteArray& data, CoverageReport& report) {
    QXmlStreamReader xml(data);
    if (!expectRoot(xml, {QStringLiteral("coverage")}, report.diagnostics, report.file,
                    QStringLiteral("Clover XML")))
        return;
    QStringList stack{QStringLiteral("coverage")};
    FileCoverage totals;
    FileCoverage current;
    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if ((stack.isEmpty() ? QString() : stack.takeLast()) == QLatin1String("file") &&
                (current.linesTotal > 0 || current.branchesTotal > 0))
                report.files << current;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        const QString parent = stack.value(stack.size() - 1);
        stack << name;
        if (name == QLatin1String("file")) {
            const QXmlStreamAttributes a = xml.attributes();
            current = FileCoverage{a.hasAttribute(QLatin1String("path"))
                                       ? a.value(QLatin1String("path")).toString()
                                       : a.value(QLatin1String("name")).toString()};
        } else if (name == QLatin1String("metrics")) {
            if (parent == QLatin1String("project"))
                readMetrics(xml, totals);
            else if (parent == QLatin1String("file"))
                readMetrics(xml, current);
        }
    }
    finishCoverageXml(xml, totals, report);
}

}  // namespace pw::reports
