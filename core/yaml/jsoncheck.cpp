#include "jsoncheck.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace pw {

std::optional<Diagnostic> strictJsonError(const YamlDocument& document) {
    QJsonParseError error;
    QJsonDocument::fromJson(document.text(), &error);
    if (error.error == QJsonParseError::NoError)
        return std::nullopt;
    // Qt reports the offset just past the offending token; step back onto it.
    const qsizetype offset = std::max<qsizetype>(0, error.offset - 1);
    return document.diagnosticAt(document.markAt(offset), Severity::Error,
                                 QStringLiteral("json-syntax"),
                                 QStringLiteral("invalid JSON: %1").arg(error.errorString()));
}

}  // namespace pw
