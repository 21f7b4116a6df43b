#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace pw {

class FormDocument;

// Binds line edits and combo boxes to scalar keys of the document. A field's mapping path
// comes from a function, so one field can follow the record selected in a master table;
// no path (nothing selected) disables the field. Tooltips come from the key docs.
class FormFields : public QObject {
    Q_OBJECT
public:
    using PathFn = std::function<std::optional<QStringList>()>;

    explicit FormFields(FormDocument* document, QObject* parent = nullptr);

    QLineEdit* addLine(QFormLayout* form, const QString& label, const QString& key,
                       const PathFn& mapping, const QString& placeholder = {});
    // Values default to the schema's values for the key; "(not set)" removes the key.
    QComboBox* addCombo(QFormLayout* form, const QString& label, const QString& key,
                        const PathFn& mapping, bool editable, QStringList values = {});
    // Re-reads every field from the text.
    void refresh();
    static QString notSetText();

private:
    struct Field {
        QWidget* widget;
        QLabel* label;
        QString key;
        PathFn mapping;
    };
    void addRow(QFormLayout* form, const QString& label, const Field& field);
    void commit(const Field& field, const QString& text);

    FormDocument* m_document;
    QList<Field> m_fields;
    bool m_updating = false;
};

}  // namespace pw
