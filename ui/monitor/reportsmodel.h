#pragma once

#include "engine/buildresult.h"
#include "engine/reports/testreport.h"

#include <QAbstractItemModel>
#include <QList>

namespace pw {

// A build's reports as rows: test reports with pass/fail/skip counts and their failed cases
// as child rows (name, status, message), coverage reports with line and branch rates.
// Counts come from the stored summary; failed cases are read from the report file when it
// is still there.
class ReportsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        PassedColumn,
        FailedColumn,
        SkippedColumn,
        CoverageColumn,
        MessageColumn,
        ColumnCount
    };

    explicit ReportsModel(QObject* parent = nullptr);

    // `sourceRoots`: folders the relative report paths are tried against, in order.
    void setReports(const QList<ReportRecord>& reports, const QStringList& sourceRoots);
    int failedTotal() const;
    int testTotal() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Report {
        ReportRecord record;
        QList<TestCase> failed;  // failed and error cases
        bool casesRead = false;
    };
    QVariant reportData(const Report& r, int column, int role) const;
    QVariant caseData(const TestCase& c, int column, int role) const;
    static QList<TestCase> failedCases(const ReportRecord& record, const QStringList& roots,
                                       bool* read);

    QList<Report> m_reports;
};

}  // namespace pw
