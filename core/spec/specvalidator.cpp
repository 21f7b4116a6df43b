#include "specvalidator.h"

#include "appspecvalidator.h"
#include "buildspecvalidator.h"
#include "pipelinevalidator.h"
#include "workspacevalidator.h"
#include "yaml/jsoncheck.h"
#include "yaml/yamldocument.h"

#include <QFile>
#include <QFileInfo>

namespace pw {

ValidationResult validateSpec(const QString& path, const QByteArray& text, SpecKind kind) {
    ValidationResult result;
    result.kind = kind == SpecKind::Unknown ? detectSpecKind(path, text) : kind;
    YamlLoadOptions options;
    // JSON allows tabs as whitespace anywhere; only YAML block indentation forbids them.
    options.allowTabsInIndentation =
        QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    const YamlDocument doc = YamlDocument::load(text, path, options);
    result.diagnostics = doc.diagnostics();
    if (options.allowTabsInIndentation) {
        if (const auto json = strictJsonError(doc)) {
            // The JSON parser's position is the precise one; drop yaml-cpp's vaguer complaint.
            result.diagnostics.removeIf(
                [](const Diagnostic& d) { return d.rule == QLatin1String("yaml-syntax"); });
            result.diagnostics.prepend(*json);
        }
    }
    if (!doc.hasErrors() || doc.root().isValid()) {
        Diagnostics schema;
        switch (result.kind) {
            case SpecKind::Buildspec:
                schema = validateBuildspec(doc);
                break;
            case SpecKind::Appspec:
                schema = validateAppspec(doc);
                break;
            case SpecKind::Pipeline:
                schema = validatePipeline(doc);
                break;
            case SpecKind::Workspace:
                schema = validateWorkspace(doc);
                break;
            case SpecKind::Unknown:
                break;
        }
        result.diagnostics += schema;
    }
    sortDiagnostics(result.diagnostics);
    return result;
}

ValidationResult validateSpecFile(const QString& path, SpecKind kind) {
    QFile file(path);
    const YamlLoadOptions limits;
    if (QFileInfo(path).size() > limits.maxBytes || !file.open(QIODevice::ReadOnly)) {
        // Let the loader produce the size or I/O diagnostic without reading the file.
        ValidationResult result;
        result.kind = kind;
        result.diagnostics = YamlDocument::loadFile(path).diagnostics();
        return result;
    }
    return validateSpec(path, file.readAll(), kind);
}

}  // namespace pw
