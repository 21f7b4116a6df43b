#pragma once

#include "spec/speckind.h"

#include <QHash>
#include <QIcon>
#include <QSortFilterProxyModel>

class QFileSystemModel;

namespace pw {

// The workspace tree: the file system under the workspace root, with spec files marked by
// their own icon, other files muted, and .git and .pipewright/state left out.
class WorkspaceTreeModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit WorkspaceTreeModel(QObject* parent = nullptr);

    // Returns the proxy index of the root, for QTreeView::setRootIndex.
    QModelIndex setRootPath(const QString& path);
    QString rootPath() const { return m_root; }
    QString filePath(const QModelIndex& index) const;
    QModelIndex indexForPath(const QString& path) const;
    bool isDir(const QModelIndex& index) const;
    // Kinds found by content (pipeline files have no fixed name) override name detection.
    void setKnownKinds(const QHash<QString, SpecKind>& kinds);
    SpecKind kindOf(const QString& path) const;
    static QIcon iconFor(SpecKind kind);

    QVariant data(const QModelIndex& index, int role) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QFileSystemModel* m_files;
    QString m_root;
    QHash<QString, SpecKind> m_known;
};

}  // namespace pw
