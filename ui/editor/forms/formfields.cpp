#include "formfields.h"

#include "editor/completionschema.h"
#include "formdocument.h"
#include "yaml/yamldocument.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace pw {

FormFields::FormFields(FormDocument* document, QObject* parent)
    : QObject(parent), m_document(document) {}

QString FormFields::notSetText() {
    return tr("(not set)");
}

void FormFields::addRow(QFormLayout* form, const QString& label, const Field& field) {
    form->addRow(field.label, field.widget);
    field.label->setText(label);
    field.label->setBuddy(field.widget);
    m_fields.append(field);
}

QLineEdit* FormFields::addLine(QFormLayout* form, const QString& label, const QString& key,
                               const PathFn& mapping, const QString& placeholder) {
    auto* edit = new QLineEdit(form->parentWidget());
    edit->setPlaceholderText(placeholder);
    const Field field{edit, new QLabel(form->parentWidget()), key, mapping};
    addRow(form, label, field);
    connect(edit, &QLineEdit::editingFinished, this,
            [this, field, edit] { commit(field, edit->text()); });
    return edit;
}

QComboBox* FormFields::addCombo(QFormLayout* form, const QString& label, const QString& key,
                                const PathFn& mapping, bool editable, QStringList values) {
    auto* combo = new QComboBox(form->parentWidget());
    combo->setEditable(editable);
    if (values.isEmpty())
        values = CompletionSchema::values(m_document->kind(), {}, key);
    combo->addItem(notSetText(), QString());
    for (const QString& v : std::as_const(values))
        combo->addItem(v, v);
    const Field field{combo, new QLabel(form->parentWidget()), key, mapping};
    addRow(form, label, field);
    const auto chosen = [combo] {
        return combo->currentText() == notSetText() ? QString() : combo->currentText();
    };
    connect(combo, qOverload<int>(&QComboBox::activated), this,
            [this, field, chosen] { commit(field, chosen()); });
    if (editable)
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this,
                [this, field, chosen] { commit(field, chosen()); });
    return combo;
}

void FormFields::commit(const Field& field, const QString& text) {
    const std::optional<QStringList> mapping = field.mapping();
    if (m_updating || !mapping)
        return;
    const QStringList path = *mapping + QStringList{field.key};
    if (text != m_document->value(path))
        m_document->setValue(path, text);
}

void FormFields::refresh() {
    m_updating = true;
    const bool editable = m_document->isEditable();
    for (const Field& field : std::as_const(m_fields)) {
        const QStringList mapping = field.mapping().value_or(QStringList());
        const QString text =
            field.mapping() ? m_document->value(mapping + QStringList{field.key}) : QString();
        const QString tip = m_document->toolTip(mapping, field.key);
        field.widget->setToolTip(tip);
        field.label->setToolTip(tip);
        field.widget->setEnabled(editable && field.mapping());
        if (auto* combo = qobject_cast<QComboBox*>(field.widget)) {
            const int index = combo->findData(text);
            if (index >= 0)
                combo->setCurrentIndex(index);
            else
                combo->setCurrentText(text);
        } else if (auto* edit = qobject_cast<QLineEdit*>(field.widget); !edit->hasFocus()) {
            edit->setText(text);
        }
    }
    m_updating = false;
}

}  // namespace pw
