#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pw {

// The strip above the designer while a manual approval waits: what to check, a comment, and
// Approve / Reject. The cards' own buttons use the comment typed here.
class ApprovalBar : public QFrame {
    Q_OBJECT
public:
    explicit ApprovalBar(QWidget* parent = nullptr);

    // Shows the waiting approval "Stage/Action" with its CustomData and link, or hides.
    void showApproval(const QString& stage, const QString& action, const QString& customData,
                      const QString& link);
    void clear();
    QString stage() const { return m_stage; }
    QString action() const { return m_action; }
    QString comment() const;
    QLineEdit* commentField() const { return m_comment; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }

signals:
    void decided(const QString& stage, const QString& action, bool approved,
                 const QString& comment);

private:
    QLabel* m_text;
    QLineEdit* m_comment;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QString m_stage;
    QString m_action;
};

}  // namespace pw
