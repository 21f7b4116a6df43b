#include "phasetimelinemodel.h"

#include "engine/phasetable.h"

#include <QColor>

namespace pw {

namespace {

constexpr int kPending = -1;

bool isRunning(int status) {
    return status == int(RunStatus::InProgress);
}

}  // namespace

QString formatPhaseDuration(qint64 ms) {
    if (ms < 1000)
        return PhaseTimelineModel::tr("<1 sec");
    const qint64 s = ms / 1000;
    return s < 60 ? PhaseTimelineModel::tr("%1 secs").arg(s)
                  : PhaseTimelineModel::tr("%1 min %2 secs").arg(s / 60).arg(s % 60);
}

QColor runStatusColor(int status) {
    switch (status) {
        case int(RunStatus::InProgress):
            return QColor(0x1f, 0x77, 0xd0);
        case int(RunStatus::Succeeded):
            return QColor(0x2e, 0x9d, 0x4b);
        case int(RunStatus::Failed):
        case int(RunStatus::Fault):
        case int(RunStatus::TimedOut):
            return QColor(0xd1, 0x33, 0x2b);
        case int(RunStatus::Stopped):
            return QColor(0xc7, 0x7c, 0x02);
        default:
            return QColor(0x9a, 0x9a, 0x9a);
    }
}

PhaseTimelineModel::PhaseTimelineModel(QObject* parent) : QAbstractItemModel(parent) {
    clear();
}

void PhaseTimelineModel::clear() {
    beginResetModel();
    m_phases.clear();
    // Every phase is shown from the start, so the user sees what is still to come.
    for (int p = int(BuildPhase::Submitted); p <= int(BuildPhase::Finalizing); ++p)
        m_phases.append(Row{buildPhaseName(BuildPhase(p))});
    m_runStart = m_runEnd = m_now = m_logLines = 0;
    endResetModel();
}

void PhaseTimelineModel::addEvent(const RunEvent& e) {
    m_now = qMax(m_now, e.timeMs);
    switch (e.kind) {
        case RunEventKind::RunStarted:
            m_runStart = e.timeMs;
            break;
        case RunEventKind::RunFinished:
            m_runEnd = e.timeMs;
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
            break;
        case RunEventKind::StepStarted:
        case RunEventKind::StepFinished:
            onStep(e);
            break;
        case RunEventKind::CommandStarted:
        case RunEventKind::CommandFinished:
            onCommand(e);
            break;
        case RunEventKind::LogChunk:
            m_logLines += e.data.count('\n');
            break;
        default:
            break;
    }
}

void PhaseTimelineModel::onStep(const RunEvent& e) {
    Row* row = phaseRow(e.step);
    if (!row) {  // a phase the table does not know: keep it anyway, at the end
        beginInsertRows({}, rowCount(), rowCount());
        m_phases.append(Row{e.step});
        endInsertRows();
        row = &m_phases.last();
    }
    if (e.kind == RunEventKind::StepStarted) {
        row->status = int(RunStatus::InProgress);
        row->startMs = e.timeMs;
        row->logLine = m_logLines;
    } else {
        row->status = int(e.status);
        row->endMs = e.timeMs;
        if (!e.code.isEmpty())
            row->context = e.code + QStringLiteral(": ") + e.message;
    }
    touch(e.step);
}

void PhaseTimelineModel::onCommand(const RunEvent& e) {
    Row* phase = phaseRow(e.step);
    if (!phase)
        return;
    const QModelIndex parent = phaseIndex(e.step);
    if (e.kind == RunEventKind::CommandStarted) {
        const int at = phase->children.size();
        beginInsertRows(parent, at, at);
        phase->children.append(Row{e.name, int(RunStatus::InProgress), e.timeMs, 0, m_logLines});
        endInsertRows();
        return;
    }
    if (phase->children.isEmpty())
        return;
    Row& cmd = phase->children.last();
    cmd.endMs = e.timeMs;
    cmd.status = int(e.exitCode == 0 ? RunStatus::Succeeded : RunStatus::Failed);
    if (e.exitCode != 0)
        cmd.context = tr("exit status %1").arg(e.exitCode);
    const int r = phase->children.size() - 1;
    emit dataChanged(index(r, 0, parent), index(r, ColumnCount - 1, parent));
}

void PhaseTimelineModel::touch(const QString& phase) {
    const QModelIndex i = phaseIndex(phase);
    emit dataChanged(i.siblingAtColumn(0), i.siblingAtColumn(ColumnCount - 1));
}

void PhaseTimelineModel::setNow(qint64 ms) {
    m_now = qMax(m_now, ms);
    // Only the running rows change; the whole bar column rescales with the run's length.
    emit dataChanged(index(0, DurationColumn), index(rowCount() - 1, BarColumn));
    for (int r = 0; r < m_phases.size(); ++r) {
        if (isRunning(m_phases[r].status) && !m_phases[r].children.isEmpty()) {
            const QModelIndex p = index(r, 0);
            const int last = m_phases[r].children.size() - 1;
            emit dataChanged(index(0, DurationColumn, p), index(last, BarColumn, p));
        }
    }
}

PhaseTimelineModel::Row* PhaseTimelineModel::phaseRow(const QString& name) {
    for (Row& row : m_phases)
        if (row.name == name)
            return &row;
    return nullptr;
}

QModelIndex PhaseTimelineModel::phaseIndex(const QString& name) const {
    for (int r = 0; r < m_phases.size(); ++r)
        if (m_phases[r].name == name)
            return index(r, 0);
    return {};
}

// internalId 0: a phase; n > 0: a command of phase n - 1.
QModelIndex PhaseTimelineModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : 0);
}

QModelIndex PhaseTimelineModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int PhaseTimelineModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return m_phases.size();
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return m_phases.value(parent.row()).children.size();
}

int PhaseTimelineModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

const PhaseTimelineModel::Row* PhaseTimelineModel::rowFor(const QModelIndex& index) const {
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == 0)
        return &m_phases.at(index.row());
    return &m_phases.at(int(index.internalId() - 1)).children.at(index.row());
}

qint64 PhaseTimelineModel::endOf(const Row& row) const {
    if (row.endMs)
        return row.endMs;
    return row.startMs ? qMax(m_runEnd ? m_runEnd : m_now, row.startMs) : 0;
}

QVariant PhaseTimelineModel::display(const Row& row, int column) const {
    switch (column) {
        case NameColumn:
            return row.name;
        case StatusColumn:
            return row.status == kPending ? QString() : runStatusName(RunStatus(row.status));
        case DurationColumn:
            return row.startMs ? formatPhaseDuration(endOf(row) - row.startMs) : QString();
        case ContextColumn:
            return row.context;
        default:
            return {};
    }
}

QVariant PhaseTimelineModel::data(const QModelIndex& index, int role) const {
    const Row* row = rowFor(index);
    if (!row)
        return {};
    switch (role) {
        case Qt::DisplayRole:
            return display(*row, index.column());
        case Qt::ToolTipRole:
            return row->context.isEmpty() ? row->name : row->context;
        case Qt::DecorationRole:
            return index.column() == NameColumn ? QVariant(runStatusColor(row->status))
                                                : QVariant();
        case Qt::ForegroundRole:
            return index.column() == ContextColumn ? QVariant(runStatusColor(row->status))
                                                   : QVariant();
        case StatusRole:
            return row->status;
        case StartRole:
            return row->startMs;
        case EndRole:
            return endOf(*row);
        case LogLineRole:
            return row->logLine;
        case RunStartRole:
            return m_runStart;
        case RunEndRole:
            return m_runEnd ? m_runEnd : m_now;
        default:
            return {};
    }
}

QVariant PhaseTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case NameColumn:
            return tr("Phase");
        case StatusColumn:
            return tr("Status");
        case DurationColumn:
            return tr("Duration");
        case BarColumn:
            return tr("Timeline");
        case ContextColumn:
            return tr("Context");
        default:
            return {};
    }
}

}  // namespace pw
