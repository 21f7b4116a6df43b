#pragma once

#include "spec/rules.h"

namespace pw {

// Rule ids of report parsing (report-...) and of collecting report files (reports-...).
// All are warnings: a bad report never fails a build (buildspec.md §4.5).
std::span<const RuleInfo> reportRules();

}  // namespace pw
