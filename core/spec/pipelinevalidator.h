#pragma once

#include "yaml/yamldocument.h"

namespace pw {

// Schema and semantic checks of a loaded pipeline document. Placeholder until the pipeline model lands.
Diagnostics validatePipeline(const YamlDocument& document);

}  // namespace pw
