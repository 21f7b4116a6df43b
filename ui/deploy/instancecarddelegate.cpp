#include "instancecarddelegate.h"

#include "deploystatus.h"
#include "instancegridmodel.h"

#include <QPainter>
#include <QPainterPath>

namespace pw {

namespace {

constexpr int kMargin = 5;    // space between cards
constexpr int kPadding = 10;  // inside a card

QColor mixed(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor healthColor(const QModelIndex& index) {
    if (index.data(InstanceGridModel::HealthyRole).toBool())
        return QColor(0x2e, 0x9d, 0x4b);
    // Unhealthy is only an alarm once the instance should serve: after its deployment
    // finished, or when it failed. Before and during its turn the dot stays grey.
    const QString status = index.data(InstanceGridModel::StatusRole).toString();
    if (status == QLatin1String("Succeeded") || status == QLatin1String("Failed"))
        return QColor(0xd1, 0x33, 0x2b);
    return QColor(0x9a, 0x9a, 0x9a);
}

}  // namespace

QSize InstanceCardDelegate::cardSize(const QFont& font) {
    const QFontMetrics fm(font);
    return {qMax(230, fm.horizontalAdvance(QLatin1Char('m')) * 22) + 2 * kMargin,
            fm.height() * 4 + 2 * kPadding + 16 + 2 * kMargin};
}

QSize InstanceCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return cardSize(option.font);
}

void InstanceCardDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    const QColor status = deployStatusColor(index.data(InstanceGridModel::StatusRole).toString());
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    paintFrame(p, option, status);
    const QRect inner = option.rect.adjusted(kMargin + kPadding + 4, kMargin + kPadding,
                                             -kMargin - kPadding, -kMargin - kPadding);
    paintText(p, option, inner, index);
    paintProgress(p, option, inner, index);
    p->restore();
}

void InstanceCardDelegate::paintFrame(QPainter* p, const QStyleOptionViewItem& option,
                                      const QColor& status) const {
    const QPalette& pal = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    QColor fill = pal.color(QPalette::Base);
    if (selected)
        fill = mixed(fill, pal.color(QPalette::Highlight), 0.16);
    else if (hovered)
        fill = mixed(fill, pal.color(QPalette::Highlight), 0.06);
    p->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                   selected ? 2 : 1));
    p->setBrush(fill);
    p->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    // The status stripe on the left edge: the grid reads at a glance.
    QPainterPath clip;
    clip.addRoundedRect(card, 6, 6);
    p->save();
    p->setClipPath(clip);
    p->fillRect(QRectF(card.left(), card.top(), 5, card.height()), status);
    p->restore();
}

void InstanceCardDelegate::paintText(QPainter* p, const QStyleOptionViewItem& option,
                                     const QRect& area, const QModelIndex& index) const {
    const QPalette& pal = option.palette;
    const QFontMetrics fm(option.font);
    const int line = fm.height() + 2;
    QFont bold = option.font;
    bold.setBold(true);
    // Row 1: health dot, name, fleet.
    const int dot = fm.height() * 6 / 10;
    p->setPen(Qt::NoPen);
    p->setBrush(healthColor(index));
    p->drawEllipse(QRectF(area.left(), area.top() + (fm.height() - dot) / 2.0, dot, dot));
    const QString fleet = index.data(InstanceGridModel::FleetRole).toString();
    const int fleetWidth = fm.horizontalAdvance(fleet) + 12;
    const QRect fleetBox(area.right() - fleetWidth, area.top(), fleetWidth, fm.height());
    p->setPen(pal.color(QPalette::Mid));
    p->setBrush(pal.color(QPalette::AlternateBase));
    p->drawRoundedRect(QRectF(fleetBox).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(fleetBox, Qt::AlignCenter, fleet);
    p->setFont(bold);
    const QRect nameBox(area.left() + dot + 6, area.top(), fleetBox.left() - area.left() - dot - 10,
                        fm.height());
    p->drawText(
        nameBox, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, nameBox.width()));
    p->setFont(option.font);
    // Row 2: port and revision, dimmed.
    const int port = index.data(InstanceGridModel::PortRole).toInt();
    const QString revision = index.data(InstanceGridModel::RevisionRole).toString();
    QStringList facts;
    if (port)
        facts << QStringLiteral(":%1").arg(port);
    if (!revision.isEmpty())
        facts << InstanceGridModel::tr("rev %1").arg(revision);
    p->setPen(pal.color(QPalette::PlaceholderText));
    p->drawText(QRect(area.left(), area.top() + line, area.width(), fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter, facts.join(QStringLiteral("  ·  ")));
    // Row 3: status word in its colour, then the current event.
    const QString status = index.data(InstanceGridModel::StatusRole).toString();
    const QString event = index.data(InstanceGridModel::CurrentEventRole).toString();
    const QRect row3(area.left(), area.top() + 2 * line, area.width(), fm.height());
    p->setFont(bold);
    p->setPen(deployStatusColor(status));
    p->drawText(row3, Qt::AlignLeft | Qt::AlignVCenter, status);
    const int statusWidth = QFontMetrics(bold).horizontalAdvance(status) + 8;
    p->setFont(option.font);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(row3.adjusted(statusWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(event, Qt::ElideRight, row3.width() - statusWidth));
}

void InstanceCardDelegate::paintProgress(QPainter* p, const QStyleOptionViewItem& option,
                                         const QRect& area, const QModelIndex& index) const {
    const QPalette& pal = option.palette;
    const QFontMetrics fm(option.font);
    const QString count = index.data(InstanceGridModel::EventCountRole).toString();
    const int countWidth = fm.horizontalAdvance(count) + 8;
    const QRect row(area.left(), area.bottom() - fm.height() + 1, area.width(), fm.height());
    const QRectF track(row.left(), row.center().y() - 3, row.width() - countWidth, 7);
    p->setPen(Qt::NoPen);
    p->setBrush(mixed(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.12));
    p->drawRoundedRect(track, 3.5, 3.5);
    const double progress =
        qBound(0.0, index.data(InstanceGridModel::ProgressRole).toDouble(), 1.0);
    if (progress > 0) {
        p->setBrush(deployStatusColor(index.data(InstanceGridModel::StatusRole).toString()));
        p->drawRoundedRect(
            QRectF(track.left(), track.top(), qMax(7.0, track.width() * progress), track.height()),
            3.5, 3.5);
    }
    p->setPen(pal.color(QPalette::PlaceholderText));
    p->drawText(row, Qt::AlignRight | Qt::AlignVCenter, count);
}

}  // namespace pw
