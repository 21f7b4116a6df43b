#pragma once

#include "yaml/yamldocument.h"

#include <QStringList>
#include <optional>

namespace pw {

// Collects diagnostics for one document; validators report through it so every diagnostic
// carries the file, the node's position and a rule id.
class DiagnosticSink {
public:
    explicit DiagnosticSink(const YamlDocument& document) : m_doc(document) {}

    void error(const YamlNode& at, const QString& rule, const QString& message,
               std::optional<Fix> fix = {});
    void warning(const YamlNode& at, const QString& rule, const QString& message,
                 std::optional<Fix> fix = {});
    void info(const YamlNode& at, const QString& rule, const QString& message,
              std::optional<Fix> fix = {});
    void report(Severity severity, const YamlNode& at, const QString& rule, const QString& message,
                std::optional<Fix> fix = {});

    const YamlDocument& document() const { return m_doc; }
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    Diagnostics take();

private:
    const YamlDocument& m_doc;
    Diagnostics m_diagnostics;
};

// Damerau-free Levenshtein distance, for "did you mean".
int editDistance(QStringView a, QStringView b);
// The candidate closest to `word` when it is plausibly a misspelling, else empty.
QString closestMatch(QStringView word, const QStringList& candidates);

// YAML 1.1 booleans as the AWS services read them: yes/no/true/false/on/off in any case.
std::optional<bool> yamlBool(const YamlNode& node);

// Reports every key of `map` that is not in `allowed` with "did you mean" and a rename fix.
// `context` names the mapping in messages, e.g. "phases.build".
void checkKnownKeys(DiagnosticSink& sink, const YamlNode& map, const QStringList& allowed,
                    const QString& rule, const QString& context,
                    Severity severity = Severity::Error);

// A fix that replaces a scalar node's text (its exact source span) with `replacement`.
std::optional<Fix> replaceScalarFix(const YamlNode& node, const QString& title,
                                    const QByteArray& replacement);

// Byte length of a scalar node's source text (quotes included) for plain and quoted
// single-line scalars; -1 when it cannot be determined.
qsizetype scalarSourceLength(const YamlNode& node);

}  // namespace pw
