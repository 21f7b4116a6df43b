#include "rules.h"

namespace pw {

QList<RuleInfo> allRules() {
    QList<RuleInfo> rules;
    for (auto table :
         {yamlRules(), buildspecRules(), appspecRules(), pipelineRules(), workspaceRules()})
        for (const RuleInfo& rule : table)
            rules.push_back(rule);
    return rules;
}

const RuleInfo* findRule(QStringView id) {
    for (auto table :
         {yamlRules(), buildspecRules(), appspecRules(), pipelineRules(), workspaceRules()})
        for (const RuleInfo& rule : table)
            if (id == QLatin1String(rule.id))
                return &rule;
    return nullptr;
}

}  // namespace pw
