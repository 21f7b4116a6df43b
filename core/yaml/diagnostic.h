#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace pw {

enum class Severity { Error, Warning, Info };

// A replacement of `length` bytes at byte `offset` of the UTF-8 text.
struct TextEdit {
    qsizetype offset = 0;
    qsizetype length = 0;
    QByteArray replacement;
};

struct Fix {
    QString title;  // shown on the quick-fix menu, e.g. "Quote as \"0644\""
    QList<TextEdit> edits;
};

// Errors are values: every problem a loader or validator finds ends up here.
struct Diagnostic {
    Severity severity = Severity::Error;
    QString file;
    int line = 0;    // 1-based; 0 when the problem concerns the whole file
    int column = 0;  // 1-based, counted in UTF-8 bytes of the line like GCC does
    QString rule;    // stable id, e.g. "yaml-syntax", "buildspec-unknown-key"
    QString message;
    std::optional<Fix> fix;
};

using Diagnostics = QList<Diagnostic>;

QString severityName(Severity severity);  // "error", "warning", "note"
bool hasErrors(const Diagnostics& diagnostics);
int countSeverity(const Diagnostics& diagnostics, Severity severity);
// "file:line:col: error: message [rule]", the format compilers use.
QString formatDiagnostic(const Diagnostic& diagnostic);
// Sorts by file, line, column; keeps the order of equal positions.
void sortDiagnostics(Diagnostics& diagnostics);

}  // namespace pw
