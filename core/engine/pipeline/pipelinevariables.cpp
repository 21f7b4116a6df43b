#include "pipelinevariables.h"

#include <QRegularExpression>

namespace pw {

void VariableScope::set(const QString& nameSpace, const QString& name, const QString& value) {
    m_values.insert(nameSpace + QLatin1Char('.') + name, value);
}

std::optional<QString> VariableScope::value(const QString& nameSpace, const QString& name) const {
    const auto it = m_values.constFind(nameSpace + QLatin1Char('.') + name);
    if (it == m_values.constEnd())
        return std::nullopt;
    return it.value();
}

QString VariableScope::resolve(const QString& text, QStringList* missing) const {
    static const QRegularExpression reference(
        QStringLiteral("#\\{([A-Za-z0-9@_\\-]+)\\.([A-Za-z0-9@_\\-]+)\\}"));
    QString out;
    qsizetype last = 0;
    auto it = reference.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        const auto found = value(match.captured(1), match.captured(2));
        if (found) {
            out += *found;
        } else {
            out += match.captured(0);
            if (missing)
                missing->append(match.captured(0));
        }
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

}  // namespace pw
