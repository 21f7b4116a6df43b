#include "workspacetreemodel.h"

#include "workspacescanner.h"

#include <QApplication>
#include <QDir>
#include <QFileSystemModel>
#include <QPalette>
#include <QStyle>

namespace pw {

WorkspaceTreeModel::WorkspaceTreeModel(QObject* parent)
    : QSortFilterProxyModel(parent), m_files(new QFileSystemModel(this)) {
    m_files->setFilter(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    m_files->setReadOnly(true);
    setSourceModel(m_files);
    setRecursiveFilteringEnabled(false);
    setDynamicSortFilter(true);
    sort(0);
}

QModelIndex WorkspaceTreeModel::setRootPath(const QString& path) {
    m_root = QDir(path).absolutePath();
    m_known.clear();
    invalidate();
    return mapFromSource(m_files->setRootPath(m_root));
}

QString WorkspaceTreeModel::filePath(const QModelIndex& index) const {
    return m_files->filePath(mapToSource(index));
}

QModelIndex WorkspaceTreeModel::indexForPath(const QString& path) const {
    return mapFromSource(m_files->index(path));
}

bool WorkspaceTreeModel::isDir(const QModelIndex& index) const {
    return m_files->isDir(mapToSource(index));
}

void WorkspaceTreeModel::setKnownKinds(const QHash<QString, SpecKind>& kinds) {
    m_known = kinds;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0));
    invalidate();
}

SpecKind WorkspaceTreeModel::kindOf(const QString& path) const {
    const auto it = m_known.constFind(path);
    if (it != m_known.constEnd())
        return *it;
    return detectSpecKind(path, QByteArray());  // by name only: cheap enough for painting
}

QIcon WorkspaceTreeModel::iconFor(SpecKind kind) {
    switch (kind) {
        case SpecKind::Buildspec:
            return QIcon(QStringLiteral(":/pipewright/icons/buildspec.svg"));
        case SpecKind::Appspec:
            return QIcon(QStringLiteral(":/pipewright/icons/appspec.svg"));
        case SpecKind::Pipeline:
            return QIcon(QStringLiteral(":/pipewright/icons/pipeline.svg"));
        case SpecKind::Workspace:
            return QIcon(QStringLiteral(":/pipewright/icons/workspace.svg"));
        case SpecKind::Unknown:
            break;
    }
    return {};
}

QVariant WorkspaceTreeModel::data(const QModelIndex& index, int role) const {
    if (index.column() == 0 &&
        (role == Qt::DecorationRole || role == Qt::ForegroundRole || role == Qt::ToolTipRole)) {
        const QModelIndex source = mapToSource(index);
        if (role == Qt::DecorationRole) {
            // Without an icon theme (bare X servers, some desktops) fall back to the style's.
            const QVariant icon = QSortFilterProxyModel::data(index, role);
            if (m_files->isDir(source) && icon.value<QIcon>().pixmap(16).isNull())
                return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        }
        if (!m_files->isDir(source)) {
            const SpecKind kind = kindOf(m_files->filePath(source));
            if (role == Qt::DecorationRole && kind != SpecKind::Unknown)
                return iconFor(kind);
            if (role == Qt::ForegroundRole && kind == SpecKind::Unknown)
                return QApplication::palette().color(QPalette::PlaceholderText);
            if (role == Qt::ToolTipRole && kind != SpecKind::Unknown)
                return tr("%1 — %2").arg(m_files->fileName(source), specKindName(kind));
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

bool WorkspaceTreeModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_root.isEmpty())
        return true;
    const QString path = m_files->filePath(m_files->index(sourceRow, 0, sourceParent));
    if (!path.startsWith(m_root))
        return true;  // ancestors of the root must stay, or the root disappears
    return !WorkspaceScanner::isHiddenPath(QDir(m_root).relativeFilePath(path));
}

bool WorkspaceTreeModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const bool leftDir = m_files->isDir(left);
    const bool rightDir = m_files->isDir(right);
    if (leftDir != rightDir)
        return leftDir;  // folders first, as file managers do
    return m_files->fileName(left).compare(m_files->fileName(right), Qt::CaseInsensitive) < 0;
}

}  // namespace pw
