#include "instancerecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace pw {

namespace {

QJsonObject refToJson(const InstallRef& r) {
    return {{QStringLiteral("deploymentId"), r.deploymentId},
            {QStringLiteral("revisionId"), r.revisionId},
            {QStringLiteral("archiveDir"), r.archiveDir}};
}

InstallRef refFromJson(const QJsonObject& o) {
    return {o.value(QStringLiteral("deploymentId")).toString(),
            o.value(QStringLiteral("revisionId")).toString(),
            o.value(QStringLiteral("archiveDir")).toString()};
}

}  // namespace

InstanceRecord::InstanceRecord(const QString& stateDir, const QString& group,
                               const QString& instance)
    : m_stateDir(stateDir), m_group(group), m_instance(instance) {}

QString InstanceRecord::sandboxRoot() const {
    return m_stateDir + QStringLiteral("/instances/") + m_group + u'/' + m_instance;
}

QString InstanceRecord::agentDir() const {
    return m_stateDir + QStringLiteral("/deployment-root/") + m_group + u'/' + m_instance;
}

QString InstanceRecord::instructionsDir() const {
    return agentDir() + QStringLiteral("/deployment-instructions");
}

QString InstanceRecord::archiveDir(const QString& deploymentId) const {
    return agentDir() + u'/' + deploymentId + QStringLiteral("/deployment-archive");
}

QString InstanceRecord::logDir(const QString& deploymentId) const {
    return agentDir() + u'/' + deploymentId + QStringLiteral("/logs");
}

void InstanceRecord::load() {
    QFile file(agentDir() + QStringLiteral("/instance.json"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    lastSuccessful = refFromJson(o.value(QStringLiteral("lastSuccessfulInstall")).toObject());
    mostRecent = refFromJson(o.value(QStringLiteral("mostRecentInstall")).toObject());
    revisionId = o.value(QStringLiteral("revisionId")).toString();
    deployed = o.value(QStringLiteral("deployed")).toBool();
    healthy = o.value(QStringLiteral("healthy")).toBool();
}

QString InstanceRecord::save() const {
    QDir().mkpath(agentDir());
    const QJsonObject o{{QStringLiteral("lastSuccessfulInstall"), refToJson(lastSuccessful)},
                        {QStringLiteral("mostRecentInstall"), refToJson(mostRecent)},
                        {QStringLiteral("revisionId"), revisionId},
                        {QStringLiteral("deployed"), deployed},
                        {QStringLiteral("healthy"), healthy}};
    // write + rename without fsync: a crash leaves the old or the new file, never a torn one,
    // and recovery reconciles from deployments.sqlite (the durable record), so the fsync that
    // QSaveFile::commit does would only cost time (about 10 ms a save on a real disk).
    const QString path = agentDir() + QStringLiteral("/instance.json");
    QFile file(path + QStringLiteral(".tmp"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    const QByteArray bytes = QJsonDocument(o).toJson();
    const bool written = file.write(bytes) == bytes.size();
    file.close();
    if (!written || ::rename(QFile::encodeName(file.fileName()).constData(),
                             QFile::encodeName(path).constData()) != 0)
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

void InstanceRecord::pruneArchives(int keep) const {
    QDir dir(agentDir());
    const QFileInfoList entries =
        dir.entryInfoList({QStringLiteral("d-*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    int kept = 0;
    for (const QFileInfo& entry : entries) {
        const QString id = entry.fileName();
        if (id == lastSuccessful.deploymentId || id == mostRecent.deploymentId || kept < keep) {
            ++kept;
            continue;
        }
        QDir(entry.filePath()).removeRecursively();
    }
}

}  // namespace pw
