#pragma once

#include <QStyledItemDelegate>

namespace pw {

// Edits list and table cells in place: a line edit for one-line values, a multi-line editor
// for block scalars (a "- |" command, which a line edit would flatten), and an editable
// combo box where the schema lists the values (report formats, instance kinds).
class CommandDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;
    bool eventFilter(QObject* object, QEvent* event) override;
};

}  // namespace pw
