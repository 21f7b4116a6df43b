// SimpleCov JSON in its three shapes: `.resultset.json` ({"RSpec": {"coverage": {...}}}),
// the simplecov_json_formatter's coverage.json ({"coverage": {...}}) and the older
// simplecov-json ({"files": [{"filename", "coverage"}]}). Per file, `lines` holds null (not
// relevant), 0 (missed) or a hit count; `branches` is an array of {coverage} or a map of
// condition -> {branch -> hits}.
#include "reportparsing_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace pw::reports {

namespace {

void countBranch(const QJsonValue& hits, FileCoverage& file) {
    if (!hits.isDouble())
        return;
    ++file.branchesTotal;
    file.branchesCovered += hits.toDouble() > 0;
}

void readBranches(const QJsonValue& branches, FileCoverage& file) {
    if (branches.isArray()) {
        for (const QJsonValue& b : branches.toArray())
            countBranch(b.toObject().value(QLatin1String("coverage")), file);
        return;
    }
    const QJsonObject conditions = branches.toObject();
    for (auto c = conditions.begin(); c != conditions.end(); ++c) {
        const QJsonObject arms = c.value().toObject();
        for (auto arm = arms.begin(); arm != arms.end(); ++arm)
            countBranch(arm.value(), file);
    }
}

// `value` is a hit array (old resultsets) or {"lines": [...], "branches": ...}.
FileCoverage readFile(const QString& path, const QJsonValue& value) {
    FileCoverage file{path};
    const QJsonArray lines = value.isArray()
                                 ? value.toArray()
                                 : value.toObject().value(QLatin1String("lines")).toArray();
    for (const QJsonValue& hits : lines) {
        if (!hits.isDouble())
            continue;  // null: not a relevant line; "ignored": nocov
        ++file.linesTotal;
        file.linesCovered += hits.toDouble() > 0;
    }
    if (value.isObject())
        readBranches(value.toObject().value(QLatin1String("branches")), file);
    return file;
}

// Merges a path -> coverage map (resultsets may list the same file under several runs).
void readCoverageMap(const QJsonObject& coverage, QMap<QString, FileCoverage>& files) {
    for (auto it = coverage.begin(); it != coverage.end(); ++it) {
        const FileCoverage file = readFile(it.key(), it.value());
        FileCoverage& seen = files[it.key()];
        if (seen.path.isEmpty() || file.linesCovered > seen.linesCovered)
            seen = file;
    }
}

}  // namespace

void parseSimpleCov(const QByteArray& data, CoverageReport& report) {
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(data, &error).object();
    if (error.error != QJsonParseError::NoError || root.isEmpty()) {
        warn(report.diagnostics, report.file, QStringLiteral("report-malformed"),
             error.error != QJsonParseError::NoError
                 ? QStringLiteral("malformed SimpleCov JSON at offset %1: %2")
                       .arg(error.offset)
                       .arg(error.errorString())
                 : QStringLiteral("a SimpleCov report is a non-empty JSON object"));
        return;
    }
    QMap<QString, FileCoverage> files;
    if (root.value(QLatin1String("files")).isArray()) {
        for (const QJsonValue& v : root.value(QLatin1String("files")).toArray()) {
            const QJsonObject f = v.toObject();
            const QString path = f.value(QLatin1String("filename")).toString();
            files[path] = readFile(path, f.value(QLatin1String("coverage")));
        }
    } else if (root.value(QLatin1String("coverage")).isObject()) {
        readCoverageMap(root.value(QLatin1String("coverage")).toObject(), files);
    } else {
        for (auto run = root.begin(); run != root.end(); ++run)
            readCoverageMap(run.value().toObject().value(QLatin1String("coverage")).toObject(),
                            files);
    }
    if (files.isEmpty()) {
        warn(report.diagnostics, report.file, QStringLiteral("report-wrong-format"),
             QStringLiteral("no file coverage found in the SimpleCov report"));
        return;
    }
    for (const FileCoverage& file : files)
        addFileCoverage(report, file);
    report.valid = true;
}

}  // namespace pw::reports
