#include "diagnosticsink.h"

#include <algorithm>
#include <vector>

namespace pw {

void DiagnosticSink::report(Severity severity, const YamlNode& at, const QString& rule,
                            const QString& message, std::optional<Fix> fix) {
    Diagnostic d = m_doc.diagnosticAt(at, severity, rule, message);
    d.fix = std::move(fix);
    m_diagnostics.push_back(std::move(d));
}

void DiagnosticSink::error(const YamlNode& at, const QString& rule, const QString& message,
                           std::optional<Fix> fix) {
    report(Severity::Error, at, rule, message, std::move(fix));
}

void DiagnosticSink::warning(const YamlNode& at, const QString& rule, const QString& message,
                             std::optional<Fix> fix) {
    report(Severity::Warning, at, rule, message, std::move(fix));
}

void DiagnosticSink::info(const YamlNode& at, const QString& rule, const QString& message,
                          std::optional<Fix> fix) {
    report(Severity::Info, at, rule, message, std::move(fix));
}

Diagnostics DiagnosticSink::take() {
    Diagnostics out = std::move(m_diagnostics);
    m_diagnostics.clear();
    return out;
}

int editDistance(QStringView a, QStringView b) {
    std::vector<int> prev(size_t(b.size()) + 1);
    std::vector<int> cur(size_t(b.size()) + 1);
    for (size_t j = 0; j < prev.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            cur[size_t(j)] =
                std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}

QString closestMatch(QStringView word, const QStringList& candidates) {
    QString best;
    int bestDistance = 1 << 30;
    for (const QString& c : candidates) {
        const int dist = editDistance(word, c);
        if (dist < bestDistance) {
            bestDistance = dist;
            best = c;
        }
    }
    // Allow about one edit per three characters, so "phase" -> "phases" but "foo" -> nothing.
    const int limit = std::max<int>(1, int(std::max(word.size(), qsizetype(best.size())) / 3));
    if (best.isEmpty() || bestDistance > limit || bestDistance == 0)
        return {};
    return best;
}

std::optional<bool> yamlBool(const YamlNode& node) {
    if (!node.isScalar())
        return std::nullopt;
    const QString v = node.scalar().toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("on"))
        return true;
    if (v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("off"))
        return false;
    return std::nullopt;
}

qsizetype scalarSourceLength(const YamlNode& node) {
    if (!node.isScalar() || !node.document())
        return -1;
    const QByteArray& text = node.document()->text();
    const qsizetype start = node.mark().offset;
    if (start < 0 || start >= text.size())
        return -1;
    const char quote = text.at(start);
    if (node.style() == ScalarStyle::DoubleQuoted || node.style() == ScalarStyle::SingleQuoted) {
        for (qsizetype i = start + 1; i < text.size(); ++i) {
            const char c = text.at(i);
            if (c == '\n')
                return -1;
            if (quote == '"' && c == '\\') {
                ++i;
                continue;
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.size() && text.at(i + 1) == '\'') {
                    ++i;
                    continue;
                }
                return i + 1 - start;
            }
        }
        return -1;
    }
    if (node.style() != ScalarStyle::Plain)
        return -1;
    const QByteArray value = node.scalar().toUtf8();
    if (text.mid(start, value.size()) != value)
        return -1;  // a multi-line plain scalar; its source differs from its value
    return value.size();
}

std::optional<Fix> replaceScalarFix(const YamlNode& node, const QString& title,
                                    const QByteArray& replacement) {
    const qsizetype length = scalarSourceLength(node);
    if (length < 0)
        return std::nullopt;
    return Fix{title, {TextEdit{node.mark().offset, length, replacement}}};
}

void checkKnownKeys(DiagnosticSink& sink, const YamlNode& map, const QStringList& allowed,
                    const QString& rule, const QString& context, Severity severity) {
    for (int i = 0; i < map.size(); ++i) {
        const YamlNode key = map.keyAt(i);
        const QString name = key.scalar();
        if (allowed.contains(name) || (key.isPlain() && name == QLatin1String("<<")))
            continue;
        const QString suggestion = closestMatch(name, allowed);
        QString message = context.isEmpty()
                              ? QStringLiteral("unknown key '%1'").arg(name)
                              : QStringLiteral("unknown key '%1' in %2").arg(name, context);
        std::optional<Fix> fix;
        if (!suggestion.isEmpty()) {
            message += QStringLiteral("; did you mean '%1'?").arg(suggestion);
            fix = replaceScalarFix(key, QStringLiteral("Rename to '%1'").arg(suggestion),
                                   suggestion.toUtf8());
        }
        sink.report(severity, key, rule, message, std::move(fix));
    }
}

}  // namespace pw
