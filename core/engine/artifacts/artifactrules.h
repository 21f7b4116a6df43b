#pragma once

#include "spec/rules.h"

namespace pw {

// Rule ids the artifact packager and the file collector report (artifacts-...).
std::span<const RuleInfo> artifactRules();

}  // namespace pw
