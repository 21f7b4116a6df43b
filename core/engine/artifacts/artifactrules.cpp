#include "artifactrules.h"

namespace pw {

namespace {

constexpr RuleInfo kRules[] = {
    {"artifacts-no-match", Severity::Warning,
     "An artifacts.files pattern matches no file (policy: a warning, not a failure)"},
    {"artifacts-empty", Severity::Error,
     "The artifact selects no file at all: CodeBuild fails with \"no matching artifact paths "
     "found\""},
    {"artifacts-base-directory-no-match", Severity::Error,
     "base-directory names no existing directory"},
    {"artifacts-name-collision", Severity::Error,
     "Two files would be stored under one name (discard-paths or globbed base-directory)"},
    {"artifacts-outside-root", Severity::Error,
     "A pattern or base-directory leaves the source root through '..' or an absolute path"},
    {"artifacts-symlink-outside-root", Severity::Warning,
     "A matched symlink points outside the source root and is not collected"},
    {"artifacts-bad-name", Severity::Error, "The artifact name leaves the output folder"},
    {"artifacts-write-failed", Severity::Error, "The artifact zip could not be written"},
};

}  // namespace

std::span<const RuleInfo> artifactRules() {
    return kRules;
}

}  // namespace pw
