#include "listeditor.h"

#include "commanddelegate.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pw {

namespace {

QToolButton* button(const QString& text, const QString& tip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

}  // namespace

ListEditor::ListEditor(QAbstractItemModel* model, bool reorderable, QWidget* parent)
    : QWidget(parent), m_model(model), m_view(new QTableView(this)) {
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setVisible(model->columnCount() > 1);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setItemDelegate(new CommandDelegate(m_view));
    m_add = button(QStringLiteral("+"), tr("Add"), this);
    m_remove = button(QStringLiteral("−"), tr("Remove"), this);
    auto* buttons = new QVBoxLayout;
    buttons->setSpacing(0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    connect(m_add, &QToolButton::clicked, this, &ListEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &ListEditor::removeCurrentRow);
    if (reorderable) {
        m_up = button(QStringLiteral("↑"), tr("Move up"), this);
        m_down = button(QStringLiteral("↓"), tr("Move down"), this);
        buttons->addWidget(m_up);
        buttons->addWidget(m_down);
        connect(m_up, &QToolButton::clicked, this, [this] { moveCurrentRow(-1); });
        connect(m_down, &QToolButton::clicked, this, [this] { moveCurrentRow(1); });
        m_view->setDragDropMode(QAbstractItemView::InternalMove);
        m_view->setDragEnabled(true);
        m_view->setDropIndicatorShown(true);
        m_view->setDragDropOverwriteMode(false);
    }
    buttons->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_rowBeforeReset = currentRow(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the row across the reset; masters pick the first when there was none.
        const int first = m_selectsFirst ? 0 : -1;
        setCurrentRow(qMin(qMax(m_rowBeforeReset, first), m_model->rowCount() - 1));
        fitHeight();
        updateState();
        emit currentRowChanged(currentRow());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                updateState();
                emit currentRowChanged(current.isValid() ? current.row() : -1);
            });
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    fitHeight();
    updateState();
}

void ListEditor::setSelectsFirstRow(bool select) {
    m_selectsFirst = select;
    if (select && currentRow() < 0)
        setCurrentRow(0);
}

int ListEditor::currentRow() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ListEditor::setCurrentRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) {
        m_view->setCurrentIndex({});
        return;
    }
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectRow(row);
}

bool ListEditor::addRow() {
    const int row = m_model->rowCount();
    if (!m_model->insertRows(row, 1))
        return false;
    setCurrentRow(m_model->rowCount() - 1);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const QModelIndex index = m_model->index(currentRow(), column);
        if (index.flags() & Qt::ItemIsEditable) {
            m_view->edit(index);  // the new row's first field, ready to type over
            break;
        }
    }
    return true;
}

bool ListEditor::removeCurrentRow() {
    const int row = currentRow();
    return row >= 0 && m_model->removeRows(row, 1);
}

bool ListEditor::moveCurrentRow(int delta) {
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return false;
    // moveRows takes the row the item is put before.
    if (!m_model->moveRows({}, row, 1, {}, delta > 0 ? to + 1 : to))
        return false;
    setCurrentRow(to);
    return true;
}

void ListEditor::updateState() {
    const int row = currentRow();
    const int rows = m_model->rowCount();
    m_remove->setEnabled(row >= 0);
    if (m_up)
        m_up->setEnabled(row > 0);
    if (m_down)
        m_down->setEnabled(row >= 0 && row < rows - 1);
}

void ListEditor::fitHeight() {
    // Columns as wide as their contents (headers included); the last takes the rest.
    m_view->resizeColumnsToContents();
    const int padding = fontMetrics().averageCharWidth() * 2;
    for (int column = 0; column + 1 < m_model->columnCount(); ++column)
        m_view->setColumnWidth(column, m_view->columnWidth(column) + padding);
    const int rowHeight = m_view->verticalHeader()->defaultSectionSize();
    const int rows = qBound(2, m_model->rowCount() + 1, 12);
    const int header = m_view->horizontalHeader()->isVisible()
                           ? m_view->horizontalHeader()->sizeHint().height()
                           : 0;
    m_view->setFixedHeight(rows * rowHeight + header + 2 * m_view->frameWidth());
}

}  // namespace pw
