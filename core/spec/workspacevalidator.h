#pragma once

#include "yaml/yamldocument.h"

namespace pw {

// Schema and semantic checks of a loaded workspace document. Placeholder until the workspace model lands.
Diagnostics validateWorkspace(const YamlDocument& document);

}  // namespace pw
