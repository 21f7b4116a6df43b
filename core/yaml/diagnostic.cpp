#include "diagnostic.h"

#include <algorithm>

namespace pw {

QString severityName(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return QStringLiteral("error");
        case Severity::Warning:
            return QStringLiteral("warning");
        case Severity::Info:
            return QStringLiteral("note");
    }
    return QStringLiteral("error");
}

bool hasErrors(const Diagnostics& diagnostics) {
    return countSeverity(diagnostics, Severity::Error) > 0;
}

int countSeverity(const Diagnostics& diagnostics, Severity severity) {
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [severity](const Diagnostic& d) { return d.severity == severity; }));
}

QString formatDiagnostic(const Diagnostic& d) {
    QString out = d.file;
    if (d.line > 0) {
        out += QLatin1Char(':') + QString::number(d.line);
        if (d.column > 0)
            out += QLatin1Char(':') + QString::number(d.column);
    }
    out += QStringLiteral(": ") + severityName(d.severity) + QStringLiteral(": ") + d.message;
    if (!d.rule.isEmpty())
        out += QStringLiteral(" [") + d.rule + QLatin1Char(']');
    return out;
}

void sortDiagnostics(Diagnostics& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         if (a.file != b.file)
                             return a.file < b.file;
                         if (a.line != b.line)
                             return a.line < b.line;
                         return a.column < b.column;
                     });
}

}  // namespace pw
