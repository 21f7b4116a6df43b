#include "approvalbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace pw {

ApprovalBar::ApprovalBar(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_comment(new QLineEdit(this))
    , m_approve(new QPushButton(tr("Approve"), this))
    , m_reject(new QPushButton(tr("Reject"), this)) {
    setObjectName(QStringLiteral("ApprovalBar"));
    setStyleSheet(
        QStringLiteral("#ApprovalBar { background: #fff7ed; border-bottom: 1px solid #fdba74; }"
                       "#ApprovalBar QPushButton { padding: 3px 14px; }"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_comment->setPlaceholderText(tr("Comment (optional)"));
    m_comment->setMinimumWidth(220);
    m_approve->setStyleSheet(
        QStringLiteral("background: #16a34a; color: white; border-radius: 4px; font-weight: 600;"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_comment);
    layout->addWidget(m_approve);
    layout->addWidget(m_reject);
    connect(m_approve, &QPushButton::clicked, this,
            [this] { emit decided(m_stage, m_action, true, comment()); });
    connect(m_reject, &QPushButton::clicked, this,
            [this] { emit decided(m_stage, m_action, false, comment()); });
    hide();
}

void ApprovalBar::showApproval(const QString& stage, const QString& action,
                               const QString& customData, const QString& link) {
    const bool changed = stage != m_stage || action != m_action;
    m_stage = stage;
    m_action = action;
    QString text = tr("<b>%1 / %2</b> is waiting for approval")
                       .arg(stage.toHtmlEscaped(), action.toHtmlEscaped());
    if (!customData.isEmpty())
        text += QStringLiteral(": ") + customData.toHtmlEscaped();
    if (!link.isEmpty())
        text += QStringLiteral(" — <a href='%1'>%2</a>").arg(link.toHtmlEscaped(), tr("review"));
    m_text->setText(text);
    if (changed)
        m_comment->clear();
    show();
}

void ApprovalBar::clear() {
    m_stage.clear();
    m_action.clear();
    m_comment->clear();
    hide();
}

QString ApprovalBar::comment() const {
    return m_comment->text().trimmed();
}

}  // namespace pw
