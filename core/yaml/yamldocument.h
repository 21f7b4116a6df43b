#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <memory>
#include <vector>

namespace pw {

// A position in the UTF-8 text: 1-based line and column (column in bytes), 0-based byte offset.
struct Mark {
    int line = 0;
    int column = 0;
    qsizetype offset = -1;
    bool isValid() const { return line > 0; }
};

enum class NodeType { Invalid, Null, Scalar, Sequence, Mapping };

// How a scalar was written. Only plain scalars are subject to YAML 1.1 type resolution
// (yes/no/0755/0.20), which is why validators care.
enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

class YamlDocument;

// A cheap handle to a node of a YamlDocument; valid as long as the document lives.
// Absent nodes (missing keys, out-of-range indexes) are Invalid handles, never a crash.
class YamlNode {
public:
    YamlNode() = default;

    bool isValid() const { return m_doc != nullptr; }
    explicit operator bool() const { return isValid(); }
    NodeType type() const;
    bool isNull() const { return type() == NodeType::Null; }
    bool isScalar() const { return type() == NodeType::Scalar; }
    bool isSequence() const { return type() == NodeType::Sequence; }
    bool isMapping() const { return type() == NodeType::Mapping; }
    QString typeName() const;  // "mapping", "sequence", "string", "null" for messages

    Mark mark() const;  // where the node's own text starts (after tag and anchor)
    // Scalar text after YAML unescaping; for Null nodes the empty string.
    QString scalar() const;
    ScalarStyle style() const;
    bool isPlain() const { return isScalar() && style() == ScalarStyle::Plain; }
    QString tag() const;   // "" for none, "!Ref" etc. for explicit tags
    bool isAlias() const;  // this handle was reached through *alias

    // Sequence items, or the number of entries of a mapping.
    int size() const;
    YamlNode item(int index) const;
    // Mapping entries in document order (duplicates included).
    YamlNode keyAt(int index) const;
    YamlNode valueAt(int index) const;
    // Last entry whose scalar key equals `key` (YAML parsers keep the last duplicate),
    // following `<<` merge keys. Invalid when absent or when this is not a mapping.
    YamlNode get(QStringView key) const;
    YamlNode keyNode(QStringView key) const;  // the key node of that entry, for its mark
    bool has(QStringView key) const { return get(key).isValid(); }

    const YamlDocument* document() const { return m_doc; }
    int id() const { return m_index; }
    bool operator==(const YamlNode& other) const = default;

private:
    friend class YamlDocument;
    YamlNode(const YamlDocument* doc, int index, bool alias)
        : m_doc(doc), m_index(index), m_alias(alias) {}
    const YamlDocument* m_doc = nullptr;
    int m_index = -1;
    bool m_alias = false;
};

struct YamlLoadOptions {
    qsizetype maxBytes = 16 * 1024 * 1024;   // larger files are refused with a diagnostic
    qsizetype maxExpandedNodes = 2'000'000;  // alias expansion bound ("billion laughs")
    bool allowTabsInIndentation = false;     // JSON files may indent with tabs
    // Block-style text in the common subset skips yaml-cpp's scanner (same events, faster);
    // off only to compare against yaml-cpp alone.
    bool fastPath = true;
};

// Loads YAML (and JSON, its subset) keeping every node's position. Never throws: syntax
// errors, hostile input and encoding problems become diagnostics.
class YamlDocument {
public:
    YamlDocument();
    ~YamlDocument();
    YamlDocument(YamlDocument&&) noexcept;
    YamlDocument& operator=(YamlDocument&&) noexcept;

    static YamlDocument load(const QByteArray& utf8, const QString& file,
                             const YamlLoadOptions& options = {});
    static YamlDocument loadFile(const QString& path, const YamlLoadOptions& options = {});

    const QString& file() const;
    const QByteArray& text() const;
    // The first document's root, Invalid when the text failed to parse or is empty.
    YamlNode root() const;
    int documentCount() const;
    YamlNode root(int document) const;
    const Diagnostics& diagnostics() const;
    bool hasErrors() const;

    // Text helpers for messages and the editor.
    int lineCount() const;
    QByteArray lineText(int line) const;  // 1-based, without the newline
    Mark markAt(qsizetype offset) const;

    // Builds a diagnostic at a node (or at the document start for an Invalid node).
    Diagnostic diagnosticAt(const YamlNode& node, Severity severity, const QString& rule,
                            const QString& message) const;
    Diagnostic diagnosticAt(const Mark& mark, Severity severity, const QString& rule,
                            const QString& message) const;

    struct Data;  // private, shared with the loader
private:
    friend class YamlNode;
    std::unique_ptr<Data> d;
};

}  // namespace pw
