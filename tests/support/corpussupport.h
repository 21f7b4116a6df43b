#pragma once

// Shared by the corpus conformance suites: reading ../shared/corpus/MANIFEST.json and
// describing diagnostics in failure messages.

#include "yaml/diagnostic.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace pw::test {

inline QDir corpusDir() {
    return QDir(QStringLiteral(PIPEWRIGHT_CORPUS_DIR));
}

// Empty when the corpus is absent: callers QSKIP.
inline QJsonArray corpusManifestEntries() {
    QFile manifest(corpusDir().filePath(QStringLiteral("MANIFEST.json")));
    if (!manifest.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(manifest.readAll()).array();
}

// The errors of a validation, one indented compiler-style line each, for QVERIFY2 messages.
inline QString describeErrors(const Diagnostics& diagnostics) {
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error)
            lines << QStringLiteral("    ") + formatDiagnostic(d);
    return lines.join(QLatin1Char('\n'));
}

inline bool hasErrorOnLine(const Diagnostics& diagnostics, int line) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [line](const Diagnostic& d) {
        return d.severity == Severity::Error && d.line == line;
    });
}

}  // namespace pw::test
