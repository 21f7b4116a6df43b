#include "buildenvironment.h"

#include "spec/buildspec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw {

namespace {

QString jsonText(const QJsonValue& v) {
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

}  // namespace

std::optional<QString> BuildEnvironment::resolveSecret(const QMap<QString, QString>& secrets,
                                                       const QString& reference) {
    // The secret id may itself be an ARN full of ':'; try the longest known prefix first.
    const QStringList parts = reference.split(QLatin1Char(':'));
    for (qsizetype n = parts.size(); n > 0; --n) {
        const QString id = parts.mid(0, n).join(QLatin1Char(':'));
        const auto it = secrets.find(id);
        if (it == secrets.end())
            continue;
        const QString jsonKey = n < parts.size() ? parts.at(n) : QString();
        if (jsonKey.isEmpty())
            return it.value();
        const QJsonObject object = QJsonDocument::fromJson(it.value().toUtf8()).object();
        if (!object.contains(jsonKey))
            return std::nullopt;
        return jsonText(object.value(jsonKey));
    }
    return std::nullopt;
}

ResolvedEnvironment BuildEnvironment::compose(const BuildRequest& request, const Buildspec& spec,
                                              const EnvList& builtins,
                                              const QProcessEnvironment& base) {
    ResolvedEnvironment r;
    r.environment = base;
    for (const auto& [name, value] : builtins)
        r.environment.insert(name, value);
    for (const NamedValue& v : spec.env.variables)
        r.environment.insert(v.name, v.value);
    for (const NamedValue& v : spec.env.parameterStore) {
        const auto it = request.parameterStore.find(v.value);
        if (it == request.parameterStore.end()) {
            r.errors << QStringLiteral(
                            "parameter-store %1: parameter \"%2\" not found in the "
                            "workspace secrets")
                            .arg(v.name, v.value);
            continue;
        }
        r.environment.insert(v.name, it.value());
        r.secretValues << it.value();
    }
    for (const NamedValue& v : spec.env.secretsManager) {
        const auto value = resolveSecret(request.secretsManager, v.value);
        if (!value) {
            r.errors << QStringLiteral(
                            "secrets-manager %1: secret \"%2\" not found in the "
                            "workspace secrets")
                            .arg(v.name, v.value);
            continue;
        }
        r.environment.insert(v.name, *value);
        r.secretValues << *value;
    }
    for (const auto& [name, value] : request.projectVariables)
        r.environment.insert(name, value);
    for (const auto& [name, value] : request.overrideVariables)
        r.environment.insert(name, value);
    r.secretValues << request.extraSecretValues;
    return r;
}

}  // namespace pw
