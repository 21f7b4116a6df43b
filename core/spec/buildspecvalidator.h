#pragma once

#include "yaml/diagnostic.h"

namespace pw {

class YamlDocument;

// Schema and semantic checks of a loaded buildspec document: the parser's shape diagnostics
// plus the cross-field rules and the engine policies of spec/buildspec.md. Rule table:
// buildspecRules() in rules.h.
Diagnostics validateBuildspec(const YamlDocument& document);

}  // namespace pw
