#include "reportrules.h"

namespace pw {

namespace {

constexpr RuleInfo kRules[] = {
    {"report-malformed", Severity::Warning, "A report file is not well-formed XML or JSON"},
    {"report-wrong-format", Severity::Warning,
     "A report file is not in the file-format its report group declares"},
    {"report-unreadable", Severity::Warning, "A report file could not be read"},
    {"reports-no-match", Severity::Warning, "A reports.*.files pattern matches no file"},
    {"reports-outside-root", Severity::Warning,
     "A report pattern or base-directory leaves the source root"},
    {"reports-base-directory-no-match", Severity::Warning,
     "A report group's base-directory does not exist"},
    {"reports-symlink-outside-root", Severity::Warning,
     "A matched report symlink points outside the source root and is not read"},
};

}  // namespace

std::span<const RuleInfo> reportRules() {
    return kRules;
}

}  // namespace pw
