#include "reportsmodel.h"

#include "engine/reports/reportparser.h"
#include "phasetimelinemodel.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>

namespace pw {

namespace {

int count(const QJsonObject& summary, const char* key) {
    return summary.value(QLatin1String(key)).toInt();
}

bool isCoverage(const ReportRecord& r) {
    return r.summary.value(QLatin1String("type")).toString() == QLatin1String("coverage");
}

QString percent(double rate) {
    return QStringLiteral("%1%").arg(rate * 100.0, 0, 'f', 1);
}

}  // namespace

ReportsModel::ReportsModel(QObject* parent) : QAbstractItemModel(parent) {}

void ReportsModel::setReports(const QList<ReportRecord>& reports, const QStringList& sourceRoots) {
    beginResetModel();
    m_reports.clear();
    for (const ReportRecord& record : reports) {
        Report r{record, {}, false};
        if (!isCoverage(record) && count(record.summary, "failed") + count(record.summary, "error"))
            r.failed = failedCases(record, sourceRoots, &r.casesRead);
        m_reports << r;
    }
    endResetModel();
}

QList<TestCase> ReportsModel::failedCases(const ReportRecord& record, const QStringList& roots,
                                          bool* read) {
    const auto format = parseReportFormat(record.format);
    QList<TestCase> failed;
    for (const QString& root : roots) {
        const QString path = QDir(root).absoluteFilePath(record.file);
        if (!format || !QFileInfo::exists(path))
            continue;
        const ParsedReport parsed = ReportParser::parseFile(*format, path);
        const auto* tests = std::get_if<TestReport>(&parsed);
        if (!tests || !tests->valid)
            continue;
        for (const TestSuite& suite : tests->suites)
            for (const TestCase& c : suite.cases)
                if (c.status == TestStatus::Failed || c.status == TestStatus::Error)
                    failed << c;
        *read = true;
        break;
    }
    return failed;
}

int ReportsModel::failedTotal() const {
    int n = 0;
    for (const Report& r : m_reports)
        n += count(r.record.summary, "failed") + count(r.record.summary, "error");
    return n;
}

int ReportsModel::testTotal() const {
    int n = 0;
    for (const Report& r : m_reports)
        n += count(r.record.summary, "total");
    return n;
}

// internalId 0: a report; n > 0: a failed case of report n - 1.
QModelIndex ReportsModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : 0);
}

QModelIndex ReportsModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ReportsModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_reports.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_reports.value(parent.row()).failed.size());
}

int ReportsModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ReportsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    if (index.internalId() == 0)
        return reportData(m_reports.at(index.row()), index.column(), role);
    const Report& report = m_reports.at(int(index.internalId() - 1));
    return caseData(report.failed.at(index.row()), index.column(), role);
}

QVariant ReportsModel::reportData(const Report& r, int column, int role) const {
    const QJsonObject& s = r.record.summary;
    const bool coverage = isCoverage(r.record);
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 (%2)").arg(r.record.file, r.record.format);
    if (role == Qt::ForegroundRole && column == FailedColumn && !coverage)
        return count(s, "failed") + count(s, "error") ? runStatusColor(int(RunStatus::Failed))
                                                      : QVariant();
    if (role == Qt::DecorationRole && column == NameColumn)
        return runStatusColor(int(coverage || count(s, "failed") + count(s, "error") == 0
                                      ? RunStatus::Succeeded
                                      : RunStatus::Failed));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
        case NameColumn:
            return r.record.group;
        case PassedColumn:
            return coverage ? QVariant() : count(s, "succeeded");
        case FailedColumn:
            return coverage ? QVariant() : count(s, "failed") + count(s, "error");
        case SkippedColumn:
            return coverage ? QVariant() : count(s, "skipped");
        case CoverageColumn:
            return coverage ? tr("lines %1, branches %2")
                                  .arg(percent(s.value(QLatin1String("lineRate")).toDouble()),
                                       percent(s.value(QLatin1String("branchRate")).toDouble()))
                            : QVariant();
        case MessageColumn:
            if (!coverage && r.failed.isEmpty() && count(s, "failed") + count(s, "error"))
                return tr("The report file is gone; failed cases cannot be listed");
            return QFileInfo(r.record.file).fileName();
        default:
            return {};
    }
}

QVariant ReportsModel::caseData(const TestCase& c, int column, int role) const {
    if (role == Qt::ToolTipRole)
        return c.message;
    if (role == Qt::ForegroundRole && column == FailedColumn)
        return runStatusColor(int(RunStatus::Failed));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
        case NameColumn:
            return c.className.isEmpty() ? c.name : c.className + QLatin1Char('.') + c.name;
        case FailedColumn:
            return testStatusName(c.status);
        case MessageColumn:
            return c.message.section(QLatin1Char('\n'), 0, 0);
        default:
            return {};
    }
}

QVariant ReportsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case NameColumn:
            return tr("Report / failed case");
        case PassedColumn:
            return tr("Passed");
        case FailedColumn:
            return tr("Failed");
        case SkippedColumn:
            return tr("Skipped");
        case CoverageColumn:
            return tr("Coverage");
        case MessageColumn:
            return tr("Message");
        default:
            return {};
    }
}

}  // namespace pw
