#pragma once

#include "spec/pipelineedits.h"

namespace pw {

class YamlDocument;

// Minimal text edits of one action's settings for the inspector, in the style the file already
// uses (block or flow mappings, YAML or JSON quoting). Actions are addressed like pipelineedits:
// stage and action index in document order of the document's first pipeline.

// Sets configuration `key` to `value`: replaces the scalar, adds the entry (and the
// configuration mapping when there is none) or, for an empty value, removes the entry.
PipelineEdit setActionConfiguration(const YamlDocument& document, int stage, int action,
                                    const QString& key, const QString& value);
// Sets the action's `namespace` (empty removes it).
PipelineEdit setActionNamespace(const YamlDocument& document, int stage, int action,
                                const QString& name);

}  // namespace pw
