#include "infobar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace pw {

InfoBar::InfoBar(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    hide();
}

void InfoBar::showMessage(Kind kind, const QString& text) {
    const QStyle::StandardPixmap pixmap =
        kind == Kind::Warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(size, size));
    QPalette pal = palette();
    QColor tint = kind == Kind::Warning ? QColor(0xf0, 0xa0, 0x20) : QColor(0x3d, 0xae, 0xe9);
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Window)
                                       : pal.color(QPalette::Window);
    // Blend the tint into the window colour so the bar reads in light and dark themes.
    tint = QColor::fromRgbF(base.redF() * 0.8 + tint.redF() * 0.2,
                            base.greenF() * 0.8 + tint.greenF() * 0.2,
                            base.blueF() * 0.8 + tint.blueF() * 0.2);
    pal.setColor(QPalette::Window, tint);
    setPalette(pal);
    m_text->setText(text);
    show();
}

QPushButton* InfoBar::addButton(const QString& text) {
    auto* button = new QPushButton(text, this);
    m_buttons->addWidget(button);
    connect(button, &QPushButton::clicked, this, &QWidget::hide);
    return button;
}

void InfoBar::clearButtons() {
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QString InfoBar::text() const {
    return m_text->text();
}

}  // namespace pw
