#pragma once

#include "yaml/diagnostic.h"

namespace pw {

class YamlDocument;
struct Buildspec;

// Schema and semantic checks of a loaded buildspec document: the parser's shape diagnostics
// plus the cross-field rules and the engine policies of spec/buildspec.md. Rule table:
// buildspecRules() in rules.h.
// `parsed`, when given, receives the model the checks ran on (the engine needs both; parsing
// a 500-command buildspec once instead of twice).
Diagnostics validateBuildspec(const YamlDocument& document, Buildspec* parsed = nullptr);

}  // namespace pw
