#pragma once

#include "yaml/yamldocument.h"

namespace pw {

// Schema and semantic checks of a loaded appspec document: the errors parseAppspec reports
// (what the CodeDeploy agent or service rejects) plus warnings for what they accept silently
// (appspec.md §4.5) and YAML 1.1 traps. Rule ids and descriptions: appspecRules() in rules.h.
Diagnostics validateAppspec(const YamlDocument& document);

}  // namespace pw
