#pragma once

#include "yaml/yamldocument.h"

namespace pw {

// Schema and semantic checks of a loaded pipeline document: get-pipeline JSON/YAML or a
// CloudFormation template holding AWS::CodePipeline::Pipeline resources (each is checked).
Diagnostics validatePipeline(const YamlDocument& document);

}  // namespace pw
