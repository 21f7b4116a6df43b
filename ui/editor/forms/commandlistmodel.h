#pragma once

#include <QAbstractListModel>
#include <QStringList>

namespace pw {

class FormDocument;

// A YAML sequence of scalars (phase commands, artifact files, cache paths) as an editable,
// reorderable list. Rows are read from the text on every change; edits go back as minimal
// text edits. Multi-line items (block scalars) show their first line.
class CommandListModel : public QAbstractListModel {
    Q_OBJECT
public:
    CommandListModel(FormDocument* document, QObject* parent = nullptr);

    // The sequence's path; an empty path shows nothing (no row selected in a master view).
    void setPath(const QStringList& path);
    QStringList path() const { return m_path; }
    // Text of the item added by insertRows.
    void setNewItemText(const QString& text) { m_newItem = text; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Rows are always added at the end, whatever `row` says: that is where YAML grows.
    bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    bool moveRows(const QModelIndex& source, int row, int count, const QModelIndex& target,
                  int child) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

private:
    void reload();

    FormDocument* m_document;
    QStringList m_path;
    QStringList m_items;
    QString m_newItem = QStringLiteral("echo");
};

}  // namespace pw
