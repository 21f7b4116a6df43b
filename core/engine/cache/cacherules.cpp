#include "cacherules.h"

namespace pw {

namespace {

constexpr RuleInfo kRules[] = {
    {"cache-path-not-allowed", Severity::Warning,
     "A cached file is not within the current cache.paths and is not restored"},
    {"cache-unreadable", Severity::Warning, "A cache archive is missing or damaged"},
    {"cache-extract-failed", Severity::Warning,
     "A cached file could not be restored (for example through a symlink)"},
    {"cache-write-failed", Severity::Warning, "The cache could not be saved"},
    {"cache-outside-root", Severity::Warning, "A cache path leaves the work folder through '..'"},
    {"cache-symlink-outside-root", Severity::Warning,
     "A cached symlink points outside its root and is not saved"},
    {"cache-base-directory-no-match", Severity::Warning, "A cache root does not exist"},
};

}  // namespace

std::span<const RuleInfo> cacheRules() {
    return kRules;
}

}  // namespace pw
