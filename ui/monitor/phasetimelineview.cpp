#include "phasetimelineview.h"

#include "phasetimelinemodel.h"

#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace pw {

namespace {

// Draws a row's span on the run's time axis; running rows end at "now", so the bar grows.
class BarDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* p, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyledItemDelegate::paint(p, option, index);
        const qint64 start = index.data(PhaseTimelineModel::StartRole).toLongLong();
        const qint64 runStart = index.data(PhaseTimelineModel::RunStartRole).toLongLong();
        const qint64 runEnd = index.data(PhaseTimelineModel::RunEndRole).toLongLong();
        if (!start || !runStart)
            return;
        const qint64 end = index.data(PhaseTimelineModel::EndRole).toLongLong();
        const double span = double(qMax<qint64>(runEnd - runStart, 1));
        const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
        const double x0 = area.left() + area.width() * double(start - runStart) / span;
        const double x1 = area.left() + area.width() * double(end - runStart) / span;
        const QRectF bar(x0, area.top(), qMax(x1 - x0, 3.0), area.height());
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        p->setBrush(runStatusColor(index.data(PhaseTimelineModel::StatusRole).toInt()));
        p->drawRoundedRect(bar, 2, 2);
        p->restore();
    }
};

}  // namespace

PhaseTimelineView::PhaseTimelineView(QWidget* parent) : QTreeView(parent) {
    setItemDelegateForColumn(PhaseTimelineModel::BarColumn, new BarDelegate(this));
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(this, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        if (index.data(PhaseTimelineModel::StartRole).toLongLong() != 0)
            emit logLineRequested(index.data(PhaseTimelineModel::LogLineRole).toLongLong());
    });
}

void PhaseTimelineView::setTimelineModel(PhaseTimelineModel* model) {
    setModel(model);
    header()->setStretchLastSection(true);
    header()->resizeSection(PhaseTimelineModel::NameColumn, 220);
    header()->resizeSection(PhaseTimelineModel::StatusColumn, 100);
    header()->resizeSection(PhaseTimelineModel::DurationColumn, 100);
    header()->resizeSection(PhaseTimelineModel::BarColumn, 260);
    // Commands appear as they run; keep them in sight.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent) {
        if (parent.isValid())
            expand(parent);
    });
}

}  // namespace pw
