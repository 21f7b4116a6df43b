#include "commanddelegate.h"

#include "recordtablemodel.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QPlainTextEdit>

namespace pw {

namespace {

bool isMultiLine(const QModelIndex& index) {
    return index.data(Qt::EditRole).toString().trimmed().contains(u'\n');
}

}  // namespace

QWidget* CommandDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                       const QModelIndex& index) const {
    if (const QStringList choices = index.data(kChoicesRole).toStringList(); !choices.isEmpty()) {
        auto* combo = new QComboBox(parent);
        combo->setEditable(true);  // the schema's values, but not only those
        combo->addItems(choices);
        return combo;
    }
    if (!isMultiLine(index))
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setToolTip(tr("Ctrl+Return to apply, Escape to cancel"));
    edit->installEventFilter(const_cast<CommandDelegate*>(this));
    return edit;
}

void CommandDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (auto* edit = qobject_cast<QPlainTextEdit*>(editor))
        edit->setPlainText(index.data(Qt::EditRole).toString());
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        combo->setCurrentText(index.data(Qt::EditRole).toString());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void CommandDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                   const QModelIndex& index) const {
    if (auto* edit = qobject_cast<QPlainTextEdit*>(editor))
        model->setData(index, edit->toPlainText(), Qt::EditRole);
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        model->setData(index, combo->currentText(), Qt::EditRole);
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

void CommandDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                           const QModelIndex& index) const {
    QRect rect = option.rect;
    if (qobject_cast<QPlainTextEdit*>(editor)) {
        // Room for the whole script, within the view.
        const int lines = int(index.data(Qt::EditRole).toString().count(u'\n')) + 2;
        rect.setHeight(qMin(option.fontMetrics.lineSpacing() * lines + 8,
                            editor->parentWidget()->height() - rect.top()));
    }
    editor->setGeometry(rect);
}

bool CommandDelegate::eventFilter(QObject* object, QEvent* event) {
    auto* edit = qobject_cast<QPlainTextEdit*>(object);
    if (edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() & Qt::ControlModifier) {
            emit commitData(edit);
            emit closeEditor(edit);
            return true;
        }
    }
    // The base keeps Return for a newline in text edits and handles Escape and Tab.
    return QStyledItemDelegate::eventFilter(object, event);
}

}  // namespace pw
