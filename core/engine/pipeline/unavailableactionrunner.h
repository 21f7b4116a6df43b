#pragma once

#include "engine/pipeline/actionrunner.h"

namespace pw {

// Stands in for a provider Pipewright cannot run locally: the action fails at once with a
// message saying so, never silently.
class UnavailableActionRunner : public ActionRunner {
    Q_OBJECT
public:
    UnavailableActionRunner(ActionContext context, QString reason, QObject* parent = nullptr)
        : ActionRunner(std::move(context), parent), m_reason(std::move(reason)) {}
    void start() override;
    void stop() override { finish(ActionStatus::Abandoned, tr("Stopped")); }

private:
    QString m_reason;
};

}  // namespace pw
