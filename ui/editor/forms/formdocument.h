#pragma once

#include "spec/speckind.h"
#include "yamlspanedits.h"

#include <QObject>
#include <QTimer>
#include <memory>

class QTextDocument;

namespace pw {

class YamlDocument;
class YamlNode;

// What a form view edits: the editor's QTextDocument, read as YAML. Every change is one
// minimal text edit and one undo step in the document's own history, so the form and the
// text view share undo. `changed` tells the form to re-read after any text change.
class FormDocument : public QObject {
    Q_OBJECT
public:
    FormDocument(QTextDocument* text, SpecKind kind, QObject* parent = nullptr);
    ~FormDocument() override;

    QTextDocument* textDocument() const { return m_text; }
    SpecKind kind() const { return m_kind; }
    // The current text parsed; re-parsed on first use after a change.
    const YamlDocument& yaml() const;
    // False while the text does not parse to a mapping: forms then show a banner and wait.
    bool isEditable() const;

    YamlNode node(const QStringList& path) const;
    QString value(const QStringList& path) const;
    // Help for `key` in the mapping at `path` (indexes allowed), for field tooltips.
    QString help(const QStringList& path, const QString& key) const;
    QString toolTip(const QStringList& path, const QString& key) const;

    // Each returns false, leaving the text alone, when the text cannot take the change.
    bool setValue(const QStringList& path, const QString& value);   // empty: removes the key
    bool setScalar(const QStringList& path, const QString& value);  // empty: writes ""
    bool addEntry(const QStringList& mappingPath, const QString& key, const YamlValue& value);
    bool appendItem(const QStringList& sequencePath, const YamlValue& value);
    bool remove(const QStringList& path);
    bool renameKey(const QStringList& path, const QString& key);
    bool moveItem(const QStringList& sequencePath, int from, int to);

signals:
    void changed();

private:
    bool apply(const std::optional<QByteArray>& after);
    KeyOrder keyOrder() const;
    QStringList schemaPath(const QStringList& path) const;

    QTextDocument* m_text;
    SpecKind m_kind;
    mutable std::unique_ptr<YamlDocument> m_yaml;
    QTimer m_debounce;
    bool m_applying = false;
};

}  // namespace pw
