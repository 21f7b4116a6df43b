#pragma once

#include "engine/pipeline/actionrunner.h"

class QTimer;

namespace pw {

// Manual approval: waits for approve or reject (from the app or `pipewright-cli approve`)
// with a comment, and fails when nobody answers before the timeout.
class ApprovalActionRunner : public ActionRunner {
    Q_OBJECT
public:
    using ActionRunner::ActionRunner;
    void start() override;
    void stop() override;
    bool isApproval() const override { return true; }
    void respond(bool approved, const QString& comment) override;

private:
    QTimer* m_timeout = nullptr;
};

}  // namespace pw
