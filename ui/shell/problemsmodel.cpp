#include "problemsmodel.h"

#include <QDir>

namespace pw {

ProblemsModel::ProblemsModel(QObject* parent) : QAbstractTableModel(parent) {
    m_icons[int(Severity::Error)] = QIcon(QStringLiteral(":/pipewright/icons/error.svg"));
    m_icons[int(Severity::Warning)] = QIcon(QStringLiteral(":/pipewright/icons/warning.svg"));
    m_icons[int(Severity::Info)] = QIcon(QStringLiteral(":/pipewright/icons/info.svg"));
}

void ProblemsModel::setWorkspaceRoot(const QString& root) {
    beginResetModel();
    m_root = root;
    endResetModel();
}

void ProblemsModel::setFileDiagnostics(const QString& file, const Diagnostics& diagnostics) {
    if (diagnostics.isEmpty() && !m_byFile.contains(file))
        return;
    Diagnostics copy = diagnostics;
    for (Diagnostic& d : copy)
        d.file = file;  // jump targets must name the file the model keys it by
    if (copy.isEmpty())
        m_byFile.remove(file);
    else
        m_byFile.insert(file, copy);
    rebuild();
}

void ProblemsModel::clear() {
    m_byFile.clear();
    rebuild();
}

void ProblemsModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    for (const Diagnostics& list : std::as_const(m_byFile))
        m_rows += list;
    endResetModel();
    emit countsChanged();
}

Diagnostic ProblemsModel::diagnostic(const QModelIndex& index) const {
    return index.isValid() && index.row() < m_rows.size() ? m_rows.at(index.row()) : Diagnostic();
}

int ProblemsModel::count(Severity severity) const {
    return countSeverity(m_rows, severity);
}

int ProblemsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProblemsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProblemsModel::displayPath(const QString& file) const {
    return m_root.isEmpty() ? file : QDir(m_root).relativeFilePath(file);
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Diagnostic& d = m_rows.at(index.row());
    const int column = index.column();
    if (role == Qt::DecorationRole && column == SeverityColumn)
        return m_icons[int(d.severity)];
    if (role == SortRole) {
        if (column == SeverityColumn)
            return int(d.severity);
        if (column == LineColumn)
            return d.line;
        if (column == FileColumn)  // file, then position: the reading order
            return QStringLiteral("%1\n%2\n%3")
                .arg(d.file)
                .arg(d.line, 8, 10, QChar(u'0'))
                .arg(d.column, 8, 10, QChar(u'0'));
    }
    if (role == Qt::ToolTipRole)
        return formatDiagnostic(d);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
        case SeverityColumn:
            return d.severity == Severity::Error     ? tr("Error")
                   : d.severity == Severity::Warning ? tr("Warning")
                                                     : tr("Note");
        case MessageColumn:
            return d.message;
        case FileColumn:
            return displayPath(d.file);
        case LineColumn:
            return d.line > 0 ? QVariant(d.line) : QVariant();
        case RuleColumn:
            return d.rule;
        default:
            return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case SeverityColumn:
            return tr("Severity");
        case MessageColumn:
            return tr("Message");
        case FileColumn:
            return tr("File");
        case LineColumn:
            return tr("Line");
        case RuleColumn:
            return tr("Rule");
        default:
            return {};
    }
}

}  // namespace pw
