#pragma once

#include "yamldocument.h"

#include <optional>

namespace pw {

// Strict JSON check for files named *.json. yaml-cpp accepts some broken JSON (or notices the
// break only at the closing bracket), while the AWS services parse these files as JSON; the
// JSON parser also names the exact place of the problem.
std::optional<Diagnostic> strictJsonError(const YamlDocument& document);

}  // namespace pw
