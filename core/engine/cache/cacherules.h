#pragma once

#include "spec/rules.h"

namespace pw {

// Rule ids of the local cache (cache-...). All are warnings: a cache problem never fails a build.
std::span<const RuleInfo> cacheRules();

}  // namespace pw
