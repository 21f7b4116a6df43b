#include "coveragereport.h"

namespace pw {

double CoverageReport::lineRate() const {
    return linesTotal > 0 ? double(linesCovered) / linesTotal : 0.0;
}

double CoverageReport::branchRate() const {
    return branchesTotal > 0 ? double(branchesCovered) / branchesTotal : 0.0;
}

}  // namespace pw
