#include "actionrunner.h"

#include "engine/pipeline/approvalactionrunner.h"
#include "engine/pipeline/buildactionrunner.h"
#include "engine/pipeline/deployactionrunner.h"
#include "engine/pipeline/localcommandrunner.h"
#include "engine/pipeline/sourceactionrunner.h"
#include "engine/pipeline/unavailableactionrunner.h"

#include <QTimer>

namespace pw {

QString ActionContext::config(const QString& key) const {
    for (const auto& [name, value] : configuration)
        if (name == key)
            return value;
    return {};
}

void ActionRunner::finish(ActionStatus status, const QString& summary, VariableList variables,
                          NamedPaths artifacts, const QString& externalRunId) {
    if (m_done)
        return;
    m_done = true;
    ActionOutcome outcome{status, summary, std::move(variables), std::move(artifacts),
                          externalRunId};
    Q_EMIT finished(outcome);
}

void UnavailableActionRunner::start() {
    // Asynchronous like every other runner, so callers see one code path.
    QTimer::singleShot(0, this, [this] { finish(ActionStatus::Failed, m_reason); });
}

namespace {

bool isSourceProvider(const QString& provider) {
    static const QStringList providers{QStringLiteral("CodeCommit"), QStringLiteral("GitHub"),
                                       QStringLiteral("CodeStarSourceConnection"),
                                       QStringLiteral("S3"), QStringLiteral("Bitbucket")};
    return providers.contains(provider);
}

}  // namespace

bool hasLocalRunner(const QString& category, const QString& provider) {
    if (provider == LocalCommandRunner::providerName())
        return true;
    if (category == QLatin1String("Source"))
        return isSourceProvider(provider);
    if (category == QLatin1String("Build") || category == QLatin1String("Test"))
        return provider == QLatin1String("CodeBuild");
    if (category == QLatin1String("Approval"))
        return provider == QLatin1String("Manual");
    if (category == QLatin1String("Deploy"))
        return provider == QLatin1String("CodeDeploy");
    return false;
}

std::unique_ptr<ActionRunner> createActionRunner(ActionContext context, HistoryStore* history) {
    const QString category = context.category;
    const QString provider = context.provider;
    if (provider == LocalCommandRunner::providerName())
        return std::make_unique<LocalCommandRunner>(std::move(context));
    if (category == QLatin1String("Source") && isSourceProvider(provider))
        return std::make_unique<SourceActionRunner>(std::move(context));
    if ((category == QLatin1String("Build") || category == QLatin1String("Test")) &&
        provider == QLatin1String("CodeBuild"))
        return std::make_unique<BuildActionRunner>(std::move(context), history);
    if (category == QLatin1String("Approval") && provider == QLatin1String("Manual"))
        return std::make_unique<ApprovalActionRunner>(std::move(context));
    if (category == QLatin1String("Deploy") && provider == QLatin1String("CodeDeploy"))
        return std::make_unique<DeployActionRunner>(std::move(context));
    const QString reason = QObject::tr(
                               "Provider %1 (category %2) has no local stand-in in Pipewright; use "
                               "the Custom/%3 provider for a local step.")
                               .arg(provider, category, LocalCommandRunner::providerName());
    return std::make_unique<UnavailableActionRunner>(std::move(context), reason);
}

}  // namespace pw
