#pragma once

#include <QStyledItemDelegate>

namespace pw {

// Paints an InstanceGridModel row as a card: health dot and name, fleet, port and revision,
// status and current lifecycle event, and a progress bar in the status colour.
class InstanceCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QSize cardSize(const QFont& font);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    void paintFrame(QPainter* p, const QStyleOptionViewItem& option, const QColor& status) const;
    void paintText(QPainter* p, const QStyleOptionViewItem& option, const QRect& area,
                   const QModelIndex& index) const;
    void paintProgress(QPainter* p, const QStyleOptionViewItem& option, const QRect& area,
                       const QModelIndex& index) const;
};

}  // namespace pw
