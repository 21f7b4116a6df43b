// JaCoCo XML: <report><package name><sourcefile name><counter type="LINE|BRANCH" missed
// covered/>. Counters appear at every level; the report's own counters are the totals and
// each sourcefile's own counters give the per-file figures.
#include "reportparsing_p.h"

namespace pw::reports {

namespace {

// Applies a <counter> to the line and branch figures of `file`.
void readCounter(const QXmlStreamReader& xml, FileCoverage& file) {
    const QXmlStreamAttributes a = xml.attributes();
    const int covered = a.value(QLatin1String("covered")).toInt();
    const int total = covered + a.value(QLatin1String("missed")).toInt();
    const QStringView type = a.value(QLatin1String("type"));
    if (type == u"LINE") {
        file.linesCovered = covered;
        file.linesTotal = total;
    } else if (type == u"BRANCH") {
        file.branchesCovered = covered;
        file.branchesTotal = total;
    }
}

}  // namespace

void parseJacoco(const QByteArray& data, CoverageReport& report) {
    QXmlStreamReader xml(data);
    if (!expectRoot(xml, {QStringLiteral("report")}, report.diagnostics, report.file,
                    QStringLiteral("JaCoCo XML")))
        return;
    QStringList stack{QStringLiteral("report")};
    QString package;
    FileCoverage totals;
    FileCoverage current;
    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if ((stack.isEmpty() ? QString() : stack.takeLast()) == QLatin1String("sourcefile") &&
                current.linesTotal > 0)
                report.files << current;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        const QString parent = stack.value(stack.size() - 1);
        stack << name;
        if (name == QLatin1String("package")) {
            package = xml.attributes().value(QLatin1String("name")).toString();
        } else if (name == QLatin1String("sourcefile")) {
            const QString file = xml.attributes().value(QLatin1String("name")).toString();
            current = FileCoverage{package.isEmpty() ? file : package + u'/' + file};
        } else if (name == QLatin1String("counter")) {
            if (parent == QLatin1String("report"))
                readCounter(xml, totals);
            else if (parent == QLatin1String("sourcefile"))
                readCounter(xml, current);
        }
    }
    finishCoverageXml(xml, totals, report);
}

}  // namespace pw::reports
