#include "deploymentgroupruntime.h"

#include "deploy/deploylogging.h"
#include "deploy/healthchecker.h"
#include "deploy/trafficrouter.h"
#include "spec/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <numeric>

namespace pw {

struct DeploymentGroupRuntime::Private {
    QString file;
    WorkspaceDeploymentGroup group;
    std::unique_ptr<TrafficRouter> router;
    std::unique_ptr<HealthChecker> checker;
    QSet<QString> registered;
    QStringList replacementFleet;
    QHash<QString, quint16> ports;
    int share = 0;

    void load();
    void save() const;
    void applyWeights() const;
};

void DeploymentGroupRuntime::Private::load() {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    for (const QJsonValue& v : o.value(QStringLiteral("registered")).toArray())
        if (ports.contains(v.toString()))
            registered.insert(v.toString());
    for (const QJsonValue& v : o.value(QStringLiteral("replacementFleet")).toArray())
        replacementFleet.append(v.toString());
    share = o.value(QStringLiteral("replacementShare")).toInt();
}

void DeploymentGroupRuntime::Private::save() const {
    QStringList names(registered.cbegin(), registered.cend());
    names.sort();
    const QJsonObject o{
        {QStringLiteral("registered"), QJsonArray::fromStringList(names)},
        {QStringLiteral("replacementFleet"), QJsonArray::fromStringList(replacementFleet)},
        {QStringLiteral("replacementShare"), share}};
    QDir().mkpath(QFileInfo(file).path());
    QSaveFile f(file);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(o).toJson());
        f.commit();
    }
}

// Weights give the fleets `share` : 100 - share of the requests whatever their sizes.
void DeploymentGroupRuntime::Private::applyWeights() const {
    if (!router)
        return;
    const int replacements = int(replacementFleet.size());
    const int originals = std::max(1, int(ports.size()) - replacements);
    int green = share * originals;
    int blue = (100 - share) * std::max(1, replacements);
    // Reduced, so the weighted round robin's cycle is short and a small sample shows the split.
    if (const int g = std::gcd(green, blue); g > 1) {
        green /= g;
        blue /= g;
    }
    for (auto it = ports.cbegin(); it != ports.cend(); ++it) {
        const int weight = replacements == 0                     ? 1
                           : replacementFleet.contains(it.key()) ? green
                                                                 : blue;
        router->setWeight(it.key(), weight);
    }
}

DeploymentGroupRuntime::DeploymentGroupRuntime(const QString& stateDir, const QString& application,
                                               const WorkspaceDeploymentGroup& group,
                                               QObject* parent)
    : QObject(parent), d(std::make_unique<Private>()) {
    d->file = stateDir + QStringLiteral("/deployment-root/") + group.name +
              QStringLiteral("/runtime.json");
    d->group = group;
    QList<WorkspaceInstance> all = group.instances;
    if (group.blueGreen)
        all += group.blueGreen->replacementInstances;
    for (const WorkspaceInstance& i : all)
        d->ports.insert(i.name, quint16(i.port));
    d->load();
    if (!group.loadBalancer)
        return;
    d->router = std::make_unique<TrafficRouter>();
    d->checker = std::make_unique<HealthChecker>(
        HealthCheckSettings::fromWorkspace(group.loadBalancer->healthCheck));
    connect(d->checker.get(), &HealthChecker::healthChanged, this,
            [this](const QString& name, bool healthy) {
                d->router->setHealthy(name, healthy);
                emit healthChanged(name, healthy);
            });
    for (const WorkspaceInstance& i : all) {
        if (i.port <= 0)
            continue;
        d->router->addTarget(i.name, quint16(i.port));
        if (d->registered.contains(i.name))
            d->router->registerTarget(i.name);
        d->checker->addTarget(i.name, quint16(i.port));
    }
    d->applyWeights();
    qCDebug(lcDeploy) << "runtime for" << application << group.name << "restored"
                      << d->registered.size() << "registrations";
}

DeploymentGroupRuntime::~DeploymentGroupRuntime() = default;

QString DeploymentGroupRuntime::start() {
    if (!d->router)
        return {};
    if (d->router->port() != 0)
        return {};
    return d->router->listen(quint16(d->group.loadBalancer->port));
}

void DeploymentGroupRuntime::close() {
    if (d->router)
        d->router->close();
}

bool DeploymentGroupRuntime::hasLoadBalancer() const {
    return d->router != nullptr;
}

TrafficRouter* DeploymentGroupRuntime::router() const {
    return d->router.get();
}

HealthChecker* DeploymentGroupRuntime::healthChecker() const {
    return d->checker.get();
}

void DeploymentGroupRuntime::registerInstance(const QString& name) {
    d->registered.insert(name);
    if (d->router)
        d->router->registerTarget(name);
    d->save();
}

void DeploymentGroupRuntime::deregisterInstance(const QString& name) {
    d->registered.remove(name);
    if (d->router)
        d->router->deregisterTarget(name);
    d->save();
}

bool DeploymentGroupRuntime::isRegistered(const QString& name) const {
    return d->registered.contains(name);
}

void DeploymentGroupRuntime::setReplacementShare(int percent) {
    d->share = std::clamp(percent, 0, 100);
    d->applyWeights();
    d->save();
}

int DeploymentGroupRuntime::replacementShare() const {
    return d->share;
}

void DeploymentGroupRuntime::setReplacementFleet(const QStringList& names) {
    d->replacementFleet = names;
    d->applyWeights();
    d->save();
}

QStringList DeploymentGroupRuntime::replacementFleet() const {
    return d->replacementFleet;
}

void DeploymentGroupRuntime::probeNow(const QString& name) {
    const quint16 port = d->ports.value(name);
    if (d->checker && port)
        d->checker->addTarget(name, port);
}

}  // namespace pw
