#include "formpage.h"

#include "editor/completionschema.h"
#include "formdocument.h"
#include "formfields.h"
#include "listeditor.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace pw {

FormPage::FormPage(QTextDocument* text, SpecKind kind, QWidget* parent)
    : QWidget(parent)
    , m_document(new FormDocument(text, kind, this))
    , m_fields(new FormFields(m_document, this))
    , m_banner(new QLabel(this))
    , m_content(new QWidget(this))
    , m_body(new QVBoxLayout(m_content)) {
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setAutoFillBackground(true);
    QPalette palette = m_banner->palette();  // a warning tint that reads in light and dark
    palette.setColor(QPalette::Window, QColor(0xE0, 0x8E, 0x0B, 60));
    m_banner->setPalette(palette);
    m_banner->setText(
        tr("The text has YAML errors, so the form is read-only until they are "
           "fixed in the Source view. Nothing in the text was changed."));
    m_banner->hide();
    m_content->setMaximumWidth(fontMetrics().averageCharWidth() * 150);  // forms read badly wide
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* holder = new QWidget(scroll);
    auto* holderLayout = new QHBoxLayout(holder);
    holderLayout->addWidget(m_content, 1);
    holderLayout->addStretch(0);
    scroll->setWidget(holder);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(m_banner);
    outer->addWidget(scroll, 1);
    connect(m_document, &FormDocument::changed, this, &FormPage::refresh);
}

QGroupBox* FormPage::addSection(const QString& title, const QString& key) {
    auto* box = new QGroupBox(title, m_content);
    m_body->addWidget(box);
    m_sections.append({box, key});
    return box;
}

void FormPage::finishLayout() {
    auto* note = new QLabel(tr("Changes here are written into the text as small edits; comments "
                               "and formatting elsewhere stay as they are."),
                            m_content);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    m_body->addWidget(note);
    m_body->addStretch(1);
}

ListEditor* FormPage::addList(QFormLayout* form, const QString& label, const QString& schemaPath,
                              QAbstractItemModel* model, bool reorderable) {
    auto* editor = new ListEditor(model, reorderable, form->parentWidget());
    auto* caption = new QLabel(label, form->parentWidget());
    QStringList path = schemaPath.split(u'/');
    const QString key = path.takeLast();
    caption->setToolTip(CompletionSchema::keyToolTip(m_document->kind(), path, key));
    caption->setBuddy(editor->view());
    form->addRow(caption, editor);
    m_lists.insert(schemaPath, editor);
    return editor;
}

void FormPage::registerList(const QString& schemaPath, ListEditor* editor) {
    m_lists.insert(schemaPath, editor);
}

ListEditor* FormPage::listEditor(const QString& schemaPath) const {
    return m_lists.value(schemaPath);
}

bool FormPage::isFormEnabled() const {
    return m_content->isEnabled();
}

QString FormPage::bannerText() const {
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void FormPage::refresh() {
    const bool editable = m_document->isEditable();
    m_banner->setVisible(!editable);
    m_content->setEnabled(editable);
    for (const auto& [box, key] : std::as_const(m_sections))
        if (!key.isEmpty())
            box->setToolTip(m_document->toolTip({}, key));
    m_fields->refresh();
}

}  // namespace pw
