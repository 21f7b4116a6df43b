#include "approvalactionrunner.h"

#include <QTimer>

namespace pw {

void ApprovalActionRunner::start() {
    RunEvent e;
    e.kind = RunEventKind::ApprovalRequested;
    e.runId = m_context.executionId;
    e.timeMs = nowUtcMs();
    e.step = m_context.stageName;
    e.name = m_context.actionName;
    e.message = m_context.config(QStringLiteral("CustomData"));
    e.value = m_context.config(QStringLiteral("ExternalEntityLink"));
    Q_EMIT runEvent(e);
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        finish(ActionStatus::Failed,
               tr("Approval timed out: nobody approved or rejected it in time"));
    });
    m_timeout->start(std::chrono::milliseconds(m_context.approvalTimeoutMs));
}

void ApprovalActionRunner::stop() {
    if (m_timeout)
        m_timeout->stop();
    finish(ActionStatus::Abandoned, tr("Stopped"));
}

void ApprovalActionRunner::respond(bool approved, const QString& comment) {
    if (m_timeout)
        m_timeout->stop();
    const QString summary = comment.isEmpty()
                                ? (approved ? tr("Approved") : tr("Rejected"))
                                : (approved ? tr("Approved: %1") : tr("Rejected: %1")).arg(comment);
    finish(approved ? ActionStatus::Succeeded : ActionStatus::Failed, summary);
}

}  // namespace pw
