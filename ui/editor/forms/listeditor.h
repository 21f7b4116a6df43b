#pragma once

#include <QWidget>

class QAbstractItemModel;
class QTableView;
class QToolButton;

namespace pw {

// A table of a list model with Add, Remove, Move up and Move down buttons. The view grows
// with its rows (within bounds) so a form scrolls as one page, and keeps the current row
// across the model resets that every text change causes.
class ListEditor : public QWidget {
    Q_OBJECT
public:
    ListEditor(QAbstractItemModel* model, bool reorderable, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    int currentRow() const;
    void setCurrentRow(int row);
    bool addRow();
    bool removeCurrentRow();
    bool moveCurrentRow(int delta);
    // Master tables select their first row so the details below show something.
    void setSelectsFirstRow(bool select);
    // Emits currentRowChanged for the current row, for views connected after construction.
    void announceCurrentRow() { emit currentRowChanged(currentRow()); }

signals:
    void currentRowChanged(int row);

private:
    void updateState();
    void fitHeight();

    QAbstractItemModel* m_model;
    QTableView* m_view;
    QToolButton* m_add;
    QToolButton* m_remove;
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
    int m_rowBeforeReset = -1;
    bool m_selectsFirst = false;
};

}  // namespace pw
