#pragma once

#include "engine/reports/reportformat.h"
#include "yaml/diagnostic.h"

#include <QList>
#include <QString>

namespace pw {

struct FileCoverage {
    QString path;
    int linesCovered = 0;
    int linesTotal = 0;
    int branchesCovered = 0;
    int branchesTotal = 0;
};

// Rates are 0..1; CodeBuild shows them as percentages. A rate with a total of zero is 0.
struct CoverageReport {
    ReportFormat format = ReportFormat::CoberturaXml;
    QString file;
    int linesCovered = 0;
    int linesTotal = 0;
    int branchesCovered = 0;
    int branchesTotal = 0;
    QList<FileCoverage> files;
    Diagnostics diagnostics;  // warnings only
    bool valid = false;

    double lineRate() const;
    double branchRate() const;
};

}  // namespace pw
