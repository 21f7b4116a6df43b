#include "rules.h"

#include "engine/artifacts/artifactrules.h"
#include "engine/cache/cacherules.h"
#include "engine/reports/reportrules.h"
#include "engine/sourcecopy.h"

#include <array>

namespace pw {

namespace {
// Spec validators first: findRule() returns the first table's entry for an id.
std::array<std::span<const RuleInfo>, 9> tables() {
    return {yamlRules(),     buildspecRules(), appspecRules(), pipelineRules(),  workspaceRules(),
            artifactRules(), reportRules(),    cacheRules(),   sourceCopyRules()};
}
}  // namespace

QList<RuleInfo> allRules() {
    QList<RuleInfo> rules;
    for (auto table : tables())
        for (const RuleInfo& rule : table)
            rules.push_back(rule);
    return rules;
}

const RuleInfo* findRule(QStringView id) {
    for (auto table : tables())
        for (const RuleInfo& rule : table)
            if (id == QLatin1String(rule.id))
                return &rule;
    return nullptr;
}

}  // namespace pw
