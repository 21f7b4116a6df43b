#pragma once

#include "spec/speckind.h"

#include <QMap>
#include <QWidget>

class QAbstractItemModel;
class QBoxLayout;
class QFormLayout;
class QGroupBox;
class QLabel;
class QTextDocument;

namespace pw {

class FormDocument;
class FormFields;
class ListEditor;

// The frame every Design view shares: a scrolling page of sections over the editor's
// QTextDocument, and a banner that disables the page while the text does not parse; the
// text is never touched then.
class FormPage : public QWidget {
    Q_OBJECT
public:
    FormPage(QTextDocument* text, SpecKind kind, QWidget* parent = nullptr);

    FormDocument* formDocument() const { return m_document; }
    FormFields* fields() const { return m_fields; }
    bool isFormEnabled() const;
    QString bannerText() const;
    // Re-reads the page from the text; runs after every text change.
    virtual void refresh();
    // The list editors by schema path, e.g. "phases/build/commands", "reports/*/files".
    ListEditor* listEditor(const QString& schemaPath) const;
    QStringList listEditorNames() const { return m_lists.keys(); }
    // A labelled list editor row; the label's tooltip documents the key the path ends in.
    ListEditor* addList(QFormLayout* form, const QString& label, const QString& schemaPath,
                        QAbstractItemModel* model, bool reorderable);
    void registerList(const QString& schemaPath, ListEditor* editor);

protected:
    QGroupBox* addSection(const QString& title, const QString& key = {});
    QBoxLayout* body() const { return m_body; }
    void finishLayout();

private:
    FormDocument* m_document;
    FormFields* m_fields;
    QLabel* m_banner;
    QWidget* m_content;
    QBoxLayout* m_body;
    QList<QPair<QGroupBox*, QString>> m_sections;
    QMap<QString, ListEditor*> m_lists;
};

}  // namespace pw
