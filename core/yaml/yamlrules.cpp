#include "spec/rules.h"

namespace pw {

namespace {
constexpr RuleInfo kYamlRules[] = {
    {"yaml-syntax", Severity::Error, "The text is not valid YAML."},
    {"yaml-duplicate-key", Severity::Error,
     "A mapping repeats a key; YAML parsers keep only the last value, silently losing data."},
    {"yaml-tab-indent", Severity::Error, "Tabs are not allowed in YAML indentation; use spaces."},
    {"yaml-invalid-utf8", Severity::Error, "The file is not valid UTF-8."},
    {"yaml-too-large", Severity::Error, "The file exceeds the size Pipewright loads."},
    {"yaml-too-deep", Severity::Error, "Collections are nested deeper than Pipewright accepts."},
    {"yaml-alias-bomb", Severity::Error,
     "Aliases expand to an enormous document (a \"billion laughs\" attack)."},
    {"json-syntax", Severity::Error, "A .json file is not valid JSON."},
    {"io-error", Severity::Error, "The file could not be read."},
};
}  // namespace

std::span<const RuleInfo> yamlRules() {
    return kYamlRules;
}

}  // namespace pw
