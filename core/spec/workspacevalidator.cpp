#include "workspacevalidator.h"

#include "rules.h"
#include "workspace.h"

namespace pw {

namespace {

const RuleInfo kRules[] = {
    {"workspace-unknown-key", Severity::Error,
     "A key workspace.md does not define (with \"did you mean\")"},
    {"workspace-type", Severity::Error,
     "A value has the wrong type (mapping, list, string, integer or boolean expected)"},
    {"workspace-version", Severity::Error, "The workspace file format version is 1"},
    {"workspace-invalid-value", Severity::Error,
     "A value is not one of the allowed words (style, kind, traffic type, events...)"},
    {"workspace-range", Severity::Error,
     "A number is outside its range (ports 1-65535, percent 1-99, error rate 0-1...)"},
    {"workspace-missing-key", Severity::Error,
     "A required key is missing (instance name, load-balancer port, alarm rate...)"},
    {"workspace-source", Severity::Error, "A source binds exactly one of git and path"},
    {"workspace-blue-green", Severity::Error,
     "Blue-green groups need replacement instances and a load-balancer"},
    {"workspace-alarm", Severity::Warning,
     "An alarm is measured at the load-balancer, so it needs one"},
    {"workspace-duplicate-instance", Severity::Error,
     "Instance names are unique within a deployment group"},
    {"workspace-port-conflict", Severity::Error,
     "Instances and the router of a group listen on distinct ports"},
    {"workspace-host-instance", Severity::Info,
     "A host instance deploys to the real paths of this machine"},
    {"workspace-secrets-in-repository", Severity::Warning,
     "The secrets file should live outside the repository"},
    {"workspace-unbound-project", Severity::Warning,
     "A CodeBuild action's ProjectName is not a key under projects"},
    {"workspace-unbound-application", Severity::Warning,
     "A CodeDeploy action's application or deployment group is not under applications"},
    {"workspace-unbound-source", Severity::Warning,
     "A source action's repository is not a key under sources"},
};

}  // namespace

std::span<const RuleInfo> workspaceRules() {
    return kRules;
}

Diagnostics validateWorkspace(const YamlDocument& document) {
    return parseWorkspace(document).diagnostics;
}

}  // namespace pw
