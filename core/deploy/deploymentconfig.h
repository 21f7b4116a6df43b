#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace pw {

// CodeDeploy's MinimumHealthyHosts types. OneAtATime is reported by the API as
// MOST_CONCURRENCY 1: "all instances but one" stay healthy (appspec.md §3.1).
enum class MinimumHealthyType { HostCount, FleetPercent, MostConcurrency };

// Why a deployment cannot start or had to stop, in CodeDeploy's error-code words.
struct DeploymentError {
    QString code;  // "HEALTH_CONSTRAINTS_INVALID", "HEALTH_CONSTRAINTS", "NO_INSTANCES", ...
    QString message;
};

// An EC2/On-Premises deployment configuration and its minimum-healthy-hosts arithmetic
// (appspec.md §3.2). Pure values: no I/O, no state.
class DeploymentConfig {
public:
    static constexpr QStringView kPredefinedPrefix = u"CodeDeployDefault.";

    // CodeDeployDefault.AllAtOnce, .HalfAtATime or .OneAtATime; nullopt for any other name.
    static std::optional<DeploymentConfig> predefined(QStringView name);
    static DeploymentConfig oneAtATime();  // the default when a group names none
    static DeploymentConfig custom(const QString& name, MinimumHealthyType type, int value);

    const QString& name() const { return m_name; }
    MinimumHealthyType type() const { return m_type; }
    int value() const { return m_value; }
    bool isOneAtATime() const { return m_type == MinimumHealthyType::MostConcurrency; }

    // M: FLEET_PERCENT is converted at the start, rounding fractional instances up.
    int minimumHealthy(int instanceCount) const;
    // How many instances may be in flight at once; unlimited is instanceCount.
    int maxConcurrency(int instanceCount) const;
    // N − M when every instance is healthy (1 for OneAtATime); 0 when the deployment cannot
    // start.
    int initialConcurrency(int instanceCount) const;
    // Successes needed for the deployment to succeed: M, and never fewer than one.
    int requiredSuccesses(int instanceCount) const;
    // Set when the deployment must fail before touching any instance.
    std::optional<DeploymentError> startError(int instanceCount) const;
    // Set when a custom definition breaks CodeDeploy's limits (appspec.md §3.1).
    std::optional<DeploymentError> definitionError() const;

private:
    DeploymentConfig(QString name, MinimumHealthyType type, int value);

    QString m_name;
    MinimumHealthyType m_type = MinimumHealthyType::MostConcurrency;
    int m_value = 1;
};

QString minimumHealthyTypeName(MinimumHealthyType type);  // "HOST_COUNT", ...
std::optional<MinimumHealthyType> minimumHealthyTypeFromName(QStringView name);

}  // namespace pw
