#pragma once

#include "engine/buildrequest.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace pw {

struct Buildspec;

struct ResolvedEnvironment {
    QProcessEnvironment environment;
    QStringList secretValues;  // to mask in every log line and event
    QStringList errors;        // unresolved parameter-store / secrets-manager references
};

// Composes a build's environment: the machine's, then CODEBUILD_* built-ins, then the
// buildspec (variables, parameter-store, secrets-manager), the project, and the start
// overrides, each replacing the one before with a literal value (spec §3.2, no expansion).
class BuildEnvironment {
public:
    static ResolvedEnvironment compose(
        const BuildRequest& request, const Buildspec& spec, const EnvList& builtins,
        const QProcessEnvironment& base = QProcessEnvironment::systemEnvironment());
    // "secret-id:json-key:version-stage:version-id" against the request's secrets-manager map.
    static std::optional<QString> resolveSecret(const QMap<QString, QString>& secrets,
                                                const QString& reference);
};

}  // namespace pw
