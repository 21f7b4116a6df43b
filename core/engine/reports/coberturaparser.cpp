// Cobertura XML: <coverage><packages><package><classes><class filename><lines><line number
// hits branch condition-coverage="50% (1/2)">. Lines under <methods> repeat the class's own
// lines and are ignored; classes sharing a file are merged line by line.
#include "reportparsing_p.h"

#include <QMap>
#include <QRegularExpression>

namespace pw::reports {

namespace {

struct LineHits {
    qint64 hits = 0;
    int branchesCovered = 0;
    int branchesTotal = 0;
};

using FileLines = QMap<int, LineHits>;

void readLine(const QXmlStreamReader& xml, FileLines& lines) {
    static const QRegularExpression conditions(QStringLiteral("\\((\\d+)/(\\d+)\\)"));
    const QXmlStreamAttributes a = xml.attributes();
    LineHits& line = lines[a.value(QLatin1String("number")).toInt()];
    line.hits = std::max(line.hits, a.value(QLatin1String("hits")).toLongLong());
    const auto m = conditions.match(a.value(QLatin1String("condition-coverage")));
    if (a.value(QLatin1String("branch")) == u"true" && m.hasMatch()) {
        line.branchesCovered = std::max(line.branchesCovered, m.captured(1).toInt());
        line.branchesTotal = std::max(line.branchesTotal, m.captured(2).toInt());
    }
}

FileCoverage summarize(const QString& path, const FileLines& lines) {
    FileCoverage file{path};
    for (const LineHits& line : lines) {
        ++file.linesTotal;
        file.linesCovered += line.hits > 0;
        file.branchesCovered += line.branchesCovered;
        file.branchesTotal += line.branchesTotal;
    }
    return file;
}

// Root totals, for reports written without <line> elements.
void useRootTotals(const QXmlStreamAttributes& root, CoverageReport& report) {
    report.linesCovered = root.value(QLatin1String("lines-covered")).toInt();
    report.linesTotal = root.value(QLatin1String("lines-valid")).toInt();
    report.branchesCovered = root.value(QLatin1String("branches-covered")).toInt();
    report.branchesTotal = root.value(QLatin1String("branches-valid")).toInt();
}

}  // namespace

void parseCobertura(const QByteArray& data, CoverageReport& report) {
    QXmlStreamReader xml(data);
    if (!expectRoot(xml, {QStringLiteral("coverage")}, report.diagnostics, report.file,
                    QStringLiteral("Cobertura XML")))
        return;
    const QXmlStreamAttributes rootAttributes = xml.attributes();
    QMap<QString, FileLines> files;
    QString currentFile;
    int methodsDepth = 0;
    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == u"methods")
            --methodsDepth;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"methods")
            ++methodsDepth;
        else if (xml.name() == u"class")
            currentFile = xml.attributes().value(QLatin1String("filename")).toString();
        else if (xml.name() == u"line" && methodsDepth == 0)
            readLine(xml, files[currentFile]);
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        addFileCoverage(report, summarize(it.key(), it.value()));
    if (files.isEmpty())
        useRootTotals(rootAttributes, report);
    report.valid = finishXml(xml, report.diagnostics, report.file);
}

}  // namespace pw::reports
