#pragma once

#include "yaml/diagnostic.h"

#include <QList>
#include <QStringView>
#include <span>

namespace pw {

// Every diagnostic a loader or validator emits names one of these. The editor shows the
// description as hover help, `pipewright-cli rules` lists them.
struct RuleInfo {
    const char* id;
    Severity severity;
    const char* description;  // one line
};

// Each module keeps its own table beside its validator.
std::span<const RuleInfo> yamlRules();
std::span<const RuleInfo> buildspecRules();
std::span<const RuleInfo> appspecRules();
std::span<const RuleInfo> pipelineRules();
std::span<const RuleInfo> workspaceRules();

QList<RuleInfo> allRules();
const RuleInfo* findRule(QStringView id);

}  // namespace pw
