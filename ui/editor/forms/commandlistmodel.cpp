#include "commandlistmodel.h"

#include "formdocument.h"
#include "yaml/yamldocument.h"

#include <QMimeData>

namespace pw {

namespace {
const char* const kRowMime = "application/x-pipewright-row";
}

CommandListModel::CommandListModel(FormDocument* document, QObject* parent)
    : QAbstractListModel(parent), m_document(document) {
    connect(m_document, &FormDocument::changed, this, &CommandListModel::reload);
}

void CommandListModel::setPath(const QStringList& path) {
    m_path = path;
    reload();
}

void CommandListModel::reload() {
    beginResetModel();
    m_items.clear();
    const YamlNode list = m_path.isEmpty() ? YamlNode() : m_document->node(m_path);
    for (int i = 0; list.isSequence() && i < list.size(); ++i)
        m_items.append(list.item(i).scalar());
    endResetModel();
}

int CommandListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant CommandListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QString& item = m_items[index.row()];
    if (role == Qt::DisplayRole) {
        const QString first = item.section(u'\n', 0, 0);
        return item.trimmed().contains(u'\n') ? first + QStringLiteral(" …") : first;
    }
    if (role == Qt::EditRole || role == Qt::ToolTipRole)
        return item;
    return {};
}

bool CommandListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || value.toString() == m_items[index.row()])
        return false;
    if (value.toString().isEmpty())
        return removeRows(index.row(), 1);
    return m_document->setValue(m_path + QStringList{QString::number(index.row())},
                                value.toString());
}

Qt::ItemFlags CommandListModel::flags(const QModelIndex& index) const {
    const Qt::ItemFlags base = QAbstractListModel::flags(index);
    if (!index.isValid())
        return base | Qt::ItemIsDropEnabled;
    return base | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
}

bool CommandListModel::insertRows(int row, int count, const QModelIndex& parent) {
    Q_UNUSED(row);
    if (parent.isValid() || m_path.isEmpty())
        return false;
    for (int i = 0; i < count; ++i)
        if (!m_document->appendItem(m_path, {m_newItem, {}}))
            return false;
    return true;
}

bool CommandListModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_items.size())
        return false;
    if (count == m_items.size())
        return m_document->remove(m_path);  // no list rather than a null one
    for (int i = row + count - 1; i >= row; --i)
        if (!m_document->remove(m_path + QStringList{QString::number(i)}))
            return false;
    return true;
}

bool CommandListModel::moveRows(const QModelIndex& source, int row, int count,
                                const QModelIndex& target, int child) {
    // `child` follows Qt's convention: the row the item is put before.
    if (source.isValid() || target.isValid() || count != 1 || row < 0 || row >= m_items.size())
        return false;
    const int to = child > row ? child - 1 : child;
    return to >= 0 && to < m_items.size() && m_document->moveItem(m_path, row, to);
}

QStringList CommandListModel::mimeTypes() const {
    return {QString::fromLatin1(kRowMime)};
}

QMimeData* CommandListModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kRowMime), QByteArray::number(indexes.first().row()));
    return mime;
}

bool CommandListModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                    int column, const QModelIndex& parent) {
    Q_UNUSED(column);
    if (action != Qt::MoveAction || !data->hasFormat(QString::fromLatin1(kRowMime)))
        return false;
    const int from = data->data(QString::fromLatin1(kRowMime)).toInt();
    const int before = row >= 0 ? row : parent.isValid() ? parent.row() : int(m_items.size());
    moveRows({}, from, 1, {}, before);
    return false;  // the move is done; false keeps the view from removing the source row
}

}  // namespace pw
