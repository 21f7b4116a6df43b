#pragma once

#include "yaml/yamldocument.h"

namespace pw {

// Schema and semantic checks of a loaded appspec document. Placeholder until the appspec model lands.
Diagnostics validateAppspec(const YamlDocument& document);

}  // namespace pw
