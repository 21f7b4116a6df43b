#include "findreplacebar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextCursor>
#include <QToolButton>

namespace pw {

FindReplaceBar::FindReplaceBar(QWidget* parent)
    : QWidget(parent)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_caseSensitive(new QCheckBox(tr("Match case"), this)) {
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto* previous = new QPushButton(tr("Previous"), this);
    auto* next = new QPushButton(tr("Next"), this);
    auto* replace = new QPushButton(tr("Replace"), this);
    auto* replaceAllButton = new QPushButton(tr("Replace All"), this);
    auto* close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Close"));
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(m_caseSensitive, 0, 3);
    layout->addWidget(close, 0, 4);
    layout->addWidget(m_replace, 1, 0);
    layout->addWidget(replace, 1, 1);
    layout->addWidget(replaceAllButton, 1, 2);
    layout->setColumnStretch(0, 1);
    m_replaceWidgets = {m_replace, replace, replaceAllButton};
    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_find, &QLineEdit::textEdited, this, [this] {
        // Incremental: search again from the start of the current match.
        if (!m_editor)
            return;
        QTextCursor c = m_editor->textCursor();
        c.setPosition(c.selectionStart());
        m_editor->setTextCursor(c);
        findNext();
    });
    connect(next, &QPushButton::clicked, this, &FindReplaceBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(replace, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceAllButton, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void FindReplaceBar::setReplaceVisible(bool visible) {
    for (QWidget* w : std::as_const(m_replaceWidgets))
        w->setVisible(visible);
}

void FindReplaceBar::showFind() {
    setReplaceVisible(false);
    show();
    if (m_editor && m_editor->textCursor().hasSelection())
        m_find->setText(m_editor->textCursor().selectedText());
    m_find->setFocus();
    m_find->selectAll();
}

void FindReplaceBar::showReplace() {
    showFind();
    setReplaceVisible(true);
}

QTextDocument::FindFlags FindReplaceBar::flags() const {
    return m_caseSensitive->isChecked() ? QTextDocument::FindCaseSensitively
                                        : QTextDocument::FindFlags();
}

bool FindReplaceBar::find(QTextDocument::FindFlags extra) {
    if (!m_editor || m_find->text().isEmpty())
        return false;
    if (m_editor->find(m_find->text(), flags() | extra))
        return true;
    // Wrap around once, like every editor does.
    QTextCursor c = m_editor->textCursor();
    c.movePosition(extra & QTextDocument::FindBackward ? QTextCursor::End : QTextCursor::Start);
    m_editor->setTextCursor(c);
    const bool found = m_editor->find(m_find->text(), flags() | extra);
    QPalette pal = m_find->palette();
    pal.setColor(QPalette::Base,
                 found ? palette().color(QPalette::Base) : QColor(0xd0, 0x30, 0x30, 90));
    m_find->setPalette(pal);
    return found;
}

bool FindReplaceBar::findNext() {
    return find({});
}

bool FindReplaceBar::findPrevious() {
    return find(QTextDocument::FindBackward);
}

bool FindReplaceBar::replaceCurrent() {
    if (!m_editor)
        return false;
    QTextCursor c = m_editor->textCursor();
    const Qt::CaseSensitivity cs =
        m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (c.hasSelection() && c.selectedText().compare(m_find->text(), cs) == 0)
        c.insertText(m_replace->text());
    return findNext();
}

int FindReplaceBar::replaceAll() {
    if (!m_editor || m_find->text().isEmpty())
        return 0;
    QTextDocument* doc = m_editor->document();
    QTextCursor edit(doc);
    edit.beginEditBlock();
    int count = 0;
    QTextCursor found = doc->find(m_find->text(), 0, flags());
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = doc->find(m_find->text(), found.position(), flags());
    }
    edit.endEditBlock();
    return count;
}

void FindReplaceBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_editor)
            m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace pw
