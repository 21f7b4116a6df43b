#pragma once

#include "yamlspanedits.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace pw {

// The values a cell may take (a QStringList), for a choice editor; empty when free-form.
constexpr int kChoicesRole = Qt::UserRole + 1;

class FormDocument;
class YamlNode;

// A YAML collection of records as an editable table: either a sequence of mappings (appspec
// files, hook scripts, instances) or a mapping of mappings keyed by name (projects, sources,
// deployment groups). Each column shows one key of the record; an empty key shows the
// entry's name, "." the record itself when it is a scalar (NAME: value tables).
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Rows { Items, Entries };
    struct Column {
        QString key;
        QString title;
    };

    RecordTableModel(FormDocument* document, Rows rows, const QList<Column>& columns,
                     QObject* parent = nullptr);

    void setPath(const QStringList& path);
    QStringList path() const { return m_path; }
    // The path of a row's record: the sequence path plus its index, or plus its name.
    QStringList rowPath(int row) const;
    QString rowName(int row) const;
    int rowNamed(const QString& name) const;
    // What insertRows writes: the new record, and for entries the base of its unique name.
    void setNewRow(const YamlValue& value, const QString& nameBase = {});
    // For entries: a new record is made by setting this scalar below its name, which
    // creates the nested sections on the way (an application with its first group).
    void setNewRowLeaf(const QStringList& relativePath, const QString& value);
    // Removing the last row removes the collection's key too (on by default: an empty
    // "variables:" or hook reads as null, which the validators flag).
    void setRemoveEmptyCollection(bool remove) { m_removeEmpty = remove; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    bool moveRows(const QModelIndex& source, int row, int count, const QModelIndex& target,
                  int child) override;

private:
    struct Cell {
        QString text;
        bool editable = true;
    };
    void reload();
    Cell cell(const YamlNode& key, const YamlNode& record, const Column& column) const;
    QString uniqueName() const;

    FormDocument* m_document;
    Rows m_rows;
    QList<Column> m_columns;
    QStringList m_path;
    QStringList m_names;  // entry names, or item indexes
    QList<QList<Cell>> m_cells;
    YamlValue m_newRow;
    QString m_nameBase = QStringLiteral("new");
    bool m_removeEmpty = true;
    QStringList m_leafPath;
    QString m_leafValue;
};

}  // namespace pw
