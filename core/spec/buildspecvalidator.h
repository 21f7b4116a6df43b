#pragma once

#include "yaml/yamldocument.h"

namespace pw {

// Schema and semantic checks of a loaded buildspec document. Placeholder until the buildspec model lands.
Diagnostics validateBuildspec(const YamlDocument& document);

}  // namespace pw
