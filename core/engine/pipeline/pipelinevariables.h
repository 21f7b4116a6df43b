#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw {

// The variables an action configuration may reference as #{Namespace.Name}: `codepipeline`
// (PipelineExecutionId), `variables` (pipeline-level variables) and each action's namespace.
class VariableScope {
public:
    void set(const QString& nameSpace, const QString& name, const QString& value);
    std::optional<QString> value(const QString& nameSpace, const QString& name) const;
    // Replaces every #{ns.name}; references that resolve to nothing are left as written and
    // listed in `missing` (CodePipeline fails the action in that case).
    QString resolve(const QString& text, QStringList* missing = nullptr) const;

private:
    QHash<QString, QString> m_values;  // "ns.name" -> value
};

}  // namespace pw
