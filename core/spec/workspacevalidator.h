#pragma once

#include "yaml/yamldocument.h"

namespace pw {

// Schema and semantic checks of a loaded `.pipewright/workspace.yml` (see spec/workspace.md).
Diagnostics validateWorkspace(const YamlDocument& document);

}  // namespace pw
