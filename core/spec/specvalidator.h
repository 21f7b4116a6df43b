#pragma once

#include "speckind.h"
#include "yaml/diagnostic.h"

namespace pw {

struct ValidationResult {
    SpecKind kind = SpecKind::Unknown;
    Diagnostics diagnostics;  // YAML-level and schema-level, sorted by position
};

// Loads `text` as YAML and runs the validator for `kind` (detected when Unknown).
ValidationResult validateSpec(const QString& path, const QByteArray& text,
                              SpecKind kind = SpecKind::Unknown);
// Reads the file first; an unreadable file is an io-error diagnostic.
ValidationResult validateSpecFile(const QString& path, SpecKind kind = SpecKind::Unknown);

}  // namespace pw
