#include "recordtablemodel.h"

#include "editor/completionschema.h"
#include "formdocument.h"
#include "yaml/yamldocument.h"

namespace pw {

RecordTableModel::RecordTableModel(FormDocument* document, Rows rows, const QList<Column>& columns,
                                   QObject* parent)
    : QAbstractTableModel(parent), m_document(document), m_rows(rows), m_columns(columns) {
    connect(m_document, &FormDocument::changed, this, &RecordTableModel::reload);
}

void RecordTableModel::setPath(const QStringList& path) {
    m_path = path;
    reload();
}

void RecordTableModel::setNewRow(const YamlValue& value, const QString& nameBase) {
    m_newRow = value;
    if (!nameBase.isEmpty())
        m_nameBase = nameBase;
}

RecordTableModel::Cell RecordTableModel::cell(const YamlNode& key, const YamlNode& record,
                                              const Column& column) const {
    if (column.key.isEmpty())
        return {key.scalar(), true};
    const YamlNode value = column.key == QLatin1String(".") ? record : record.get(column.key);
    if (!value.isValid() || value.isNull())
        return {QString(), record.isMapping() || column.key == QLatin1String(".")};
    if (value.isScalar())
        return {value.scalar(), true};
    QStringList parts;  // lists and nested records are edited in the Source view
    for (int i = 0; value.isSequence() && i < value.size(); ++i)
        parts.append(value.item(i).isScalar() ? value.item(i).scalar() : QStringLiteral("…"));
    return {value.isSequence() ? parts.join(QStringLiteral(", ")) : QStringLiteral("{…}"), false};
}

void RecordTableModel::reload() {
    beginResetModel();
    m_names.clear();
    m_cells.clear();
    const YamlNode node = m_path.isEmpty() ? YamlNode() : m_document->node(m_path);
    const bool entries = m_rows == Rows::Entries && node.isMapping();
    const bool items = m_rows == Rows::Items && node.isSequence();
    for (int i = 0; (entries || items) && i < node.size(); ++i) {
        const YamlNode key = entries ? node.keyAt(i) : YamlNode();
        const YamlNode record = entries ? node.valueAt(i) : node.item(i);
        m_names.append(entries ? key.scalar() : QString::number(i));
        QList<Cell> row;
        for (const Column& column : std::as_const(m_columns))
            row.append(cell(key, record, column));
        m_cells.append(row);
    }
    endResetModel();
}

QStringList RecordTableModel::rowPath(int row) const {
    return row >= 0 && row < m_names.size() ? m_path + QStringList{m_names[row]} : QStringList();
}

QString RecordTableModel::rowName(int row) const {
    return row >= 0 && row < m_names.size() ? m_names[row] : QString();
}

int RecordTableModel::rowNamed(const QString& name) const {
    return int(m_names.indexOf(name));
}

int RecordTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_cells.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_cells.size())
        return {};
    const Cell& c = m_cells[index.row()][index.column()];
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return c.text;
    if (role == Qt::ToolTipRole && !c.editable)
        return tr("Lists and nested settings are edited in the Source view.");
    if (role == kChoicesRole && c.editable)
        return CompletionSchema::values(m_document->kind(), {}, m_columns[index.column()].key);
    return {};
}

bool RecordTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString text = value.toString();
    if (text == m_cells[index.row()][index.column()].text)
        return false;
    const QString& key = m_columns[index.column()].key;
    const QStringList path = rowPath(index.row());
    if (key.isEmpty())
        return !text.isEmpty() && m_document->renameKey(path, text);
    if (key == QLatin1String("."))
        return m_document->setScalar(path, text);
    return m_document->setValue(path + QStringList{key}, text);
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && m_cells[index.row()][index.column()].editable)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_columns[section].title;
    const QString& key = m_columns[section].key;
    if (role == Qt::ToolTipRole && !key.isEmpty() && key != QLatin1String(".")) {
        const QStringList record = m_path + QStringList{m_rows == Rows::Items ? "0" : "*"};
        return m_document->toolTip(record, key);
    }
    return {};
}

void RecordTableModel::setNewRowLeaf(const QStringList& relativePath, const QString& value) {
    m_leafPath = relativePath;
    m_leafValue = value;
}

QString RecordTableModel::uniqueName() const {
    QString name = m_nameBase;
    for (int n = 2; m_names.contains(name); ++n)
        name = m_nameBase + QString::number(n);
    return name;
}

bool RecordTableModel::insertRows(int row, int count, const QModelIndex& parent) {
    Q_UNUSED(row);  // records are appended: that is where YAML collections grow
    if (parent.isValid() || m_path.isEmpty())
        return false;
    for (int i = 0; i < count; ++i) {
        bool ok = false;
        if (m_rows == Rows::Items)
            ok = m_document->appendItem(m_path, m_newRow);
        else if (!m_leafPath.isEmpty())
            ok = m_document->setValue(m_path + QStringList{uniqueName()} + m_leafPath, m_leafValue);
        else
            ok = m_document->addEntry(m_path, uniqueName(), m_newRow);
        if (!ok)
            return false;
    }
    return true;
}

bool RecordTableModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_names.size())
        return false;
    if (m_removeEmpty && count == m_names.size())
        return m_document->remove(m_path);
    const QStringList names = m_names.mid(row, count);
    for (auto it = names.crbegin(); it != names.crend(); ++it)  // last first: indexes hold
        if (!m_document->remove(m_path + QStringList{*it}))
            return false;
    return true;
}

bool RecordTableModel::moveRows(const QModelIndex& source, int row, int count,
                                const QModelIndex& target, int child) {
    if (m_rows != Rows::Items || source.isValid() || target.isValid() || count != 1)
        return false;
    const int to = child > row ? child - 1 : child;
    return to >= 0 && to < m_names.size() && m_document->moveItem(m_path, row, to);
}

}  // namespace pw
