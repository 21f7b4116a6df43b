#include "deploymentconfig.h"

#include <algorithm>

namespace pw {

DeploymentConfig::DeploymentConfig(QString name, MinimumHealthyType type, int value)
    : m_name(std::move(name)), m_type(type), m_value(value) {}

std::optional<DeploymentConfig> DeploymentConfig::predefined(QStringView name) {
    if (name == u"CodeDeployDefault.AllAtOnce")
        return DeploymentConfig(name.toString(), MinimumHealthyType::HostCount, 0);
    if (name == u"CodeDeployDefault.HalfAtATime")
        return DeploymentConfig(name.toString(), MinimumHealthyType::FleetPercent, 50);
    if (name == u"CodeDeployDefault.OneAtATime")
        return oneAtATime();
    return std::nullopt;
}

DeploymentConfig DeploymentConfig::oneAtATime() {
    return DeploymentConfig(QStringLiteral("CodeDeployDefault.OneAtATime"),
                            MinimumHealthyType::MostConcurrency, 1);
}

DeploymentConfig DeploymentConfig::custom(const QString& name, MinimumHealthyType type, int value) {
    return DeploymentConfig(name, type, value);
}

int DeploymentConfig::minimumHealthy(int instanceCount) const {
    switch (m_type) {
        case MinimumHealthyType::HostCount:
            return m_value;
        case MinimumHealthyType::FleetPercent:
            // Integer ceil(N × pct / 100): no floating-point rounding surprises at 0.5 or 9.5.
            return (instanceCount * m_value + 99) / 100;
        case MinimumHealthyType::MostConcurrency:
            return std::max(0, instanceCount - 1);
    }
    return 0;
}

int DeploymentConfig::maxConcurrency(int instanceCount) const {
    return isOneAtATime() ? std::min(1, instanceCount) : instanceCount;
}

int DeploymentConfig::initialConcurrency(int instanceCount) const {
    if (startError(instanceCount))
        return 0;
    const int budget = instanceCount - minimumHealthy(instanceCount);
    return std::min(budget, maxConcurrency(instanceCount));
}

int DeploymentConfig::requiredSuccesses(int instanceCount) const {
    return std::max(1, minimumHealthy(instanceCount));
}

std::optional<DeploymentError> DeploymentConfig::startError(int instanceCount) const {
    if (instanceCount <= 0)
        return DeploymentError{QStringLiteral("NO_INSTANCES"),
                               QStringLiteral("The deployment failed because no instances were "
                                              "found for your deployment group.")};
    if (!isOneAtATime() && minimumHealthy(instanceCount) >= instanceCount)
        return DeploymentError{
            QStringLiteral("HEALTH_CONSTRAINTS_INVALID"),
            QStringLiteral("The deployment can't start because the minimum number of healthy "
                           "instances, as defined by your deployment configuration, are not "
                           "available.")};
    return std::nullopt;
}

std::optional<DeploymentError> DeploymentConfig::definitionError() const {
    const auto invalid = [](QString message) {
        return DeploymentError{QStringLiteral("INVALID_DEPLOYMENT_CONFIG"), std::move(message)};
    };
    if (predefined(m_name))
        return std::nullopt;
    if (m_name.startsWith(kPredefinedPrefix))
        return invalid(QStringLiteral("Custom deployment configuration names may not start "
                                      "with \"CodeDeployDefault.\": %1")
                           .arg(m_name));
    if (m_type == MinimumHealthyType::HostCount && m_value < 0)
        return invalid(
            QStringLiteral("HOST_COUNT must be 0 or a positive integer, not %1").arg(m_value));
    if (m_type == MinimumHealthyType::FleetPercent && (m_value < 0 || m_value >= 100))
        return invalid(
            QStringLiteral("FLEET_PERCENT must be 0 or a positive integer less than 100, not %1")
                .arg(m_value));
    if (m_type == MinimumHealthyType::MostConcurrency)
        return invalid(QStringLiteral("MOST_CONCURRENCY is reserved for OneAtATime"));
    return std::nullopt;
}

QString minimumHealthyTypeName(MinimumHealthyType type) {
    switch (type) {
        case MinimumHealthyType::HostCount:
            return QStringLiteral("HOST_COUNT");
        case MinimumHealthyType::FleetPercent:
            return QStringLiteral("FLEET_PERCENT");
        case MinimumHealthyType::MostConcurrency:
            return QStringLiteral("MOST_CONCURRENCY");
    }
    return {};
}

std::optional<MinimumHealthyType> minimumHealthyTypeFromName(QStringView name) {
    if (name == u"HOST_COUNT")
        return MinimumHealthyType::HostCount;
    if (name == u"FLEET_PERCENT")
        return MinimumHealthyType::FleetPercent;
    if (name == u"MOST_CONCURRENCY")
        return MinimumHealthyType::MostConcurrency;
    return std::nullopt;
}

}  // namespace pw
