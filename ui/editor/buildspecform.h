#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTextDocument;

namespace pw {

class YamlNode;

// The Design view of a buildspec: the scalar settings as form fields. Every change becomes a
// minimal text edit on the shared QTextDocument, so comments, blank lines, key order and
// quoting elsewhere stay byte-identical and form and text share one undo history.
class BuildspecForm : public QWidget {
    Q_OBJECT
public:
    explicit BuildspecForm(QTextDocument* document, QWidget* parent = nullptr);

    // Sets the scalar at `path` (mapping keys from the root); an empty value removes the
    // key's line. Adds the key, or its parent section, when missing. False when the text
    // cannot take the change (a parse error, a flow-style parent).
    bool setValue(const QStringList& path, const QString& value);
    QString value(const QStringList& path) const;
    void refresh();

    QComboBox* versionField() const { return m_version; }
    QComboBox* shellField() const { return m_shell; }
    QComboBox* onFailureField(const QString& phase) const;
    QLineEdit* baseDirectoryField() const { return m_baseDirectory; }

private:
    QComboBox* addCombo(QFormLayout* form, const QString& label, const QStringList& path,
                        const QStringList& values, bool editable);
    bool replaceScalar(const YamlNode& node, const QString& value);
    bool removeKeyLine(const YamlNode& key);
    bool insertKey(const QStringList& path, const QString& value);

    QTextDocument* m_document;
    QTimer m_refreshTimer;
    bool m_updating = false;
    QComboBox* m_version = nullptr;
    QComboBox* m_shell = nullptr;
    QList<QPair<QString, QComboBox*>> m_onFailure;
    QLineEdit* m_baseDirectory = nullptr;
    QLabel* m_status = nullptr;
    QList<QPair<QStringList, QWidget*>> m_fields;
};

}  // namespace pw
