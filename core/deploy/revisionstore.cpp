#include "revisionstore.h"

#include "deploy/deploylogging.h"
#include "deploy/revisionextractor.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QUrl>
#include <QUuid>
#include <algorithm>

namespace pw {

namespace {

constexpr int kDefaultKeep = 5;  // the agent's max_revisions

QByteArray fileHash(const QString& path) {
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    return hash.result();
}

QJsonObject toJson(const RevisionRecord& r) {
    return {{QStringLiteral("revision"), r.revisionId},
            {QStringLiteral("deployment"), r.deploymentId},
            {QStringLiteral("succeeded"), r.succeeded},
            {QStringLiteral("at"), r.at.toUTC().toString(Qt::ISODateWithMs)}};
}

RevisionRecord fromJson(const QJsonObject& o) {
    return {o.value(QStringLiteral("revision")).toString(),
            o.value(QStringLiteral("deployment")).toString(),
            o.value(QStringLiteral("succeeded")).toBool(),
            QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs)};
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

}  // namespace

RevisionStore::RevisionStore(QString stateDir) : m_stateDir(std::move(stateDir)) {}

QString RevisionStore::revisionPath(const QString& id) const {
    return m_stateDir + QStringLiteral("/revisions/") + id;
}

bool RevisionStore::contains(const QString& id) const {
    return !id.isEmpty() && QFileInfo(revisionPath(id)).isDir();
}

QStringList RevisionStore::revisionIds() const {
    QDir dir(m_stateDir + QStringLiteral("/revisions"));
    return dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);  // skips .incoming-*
}

QString RevisionStore::unpack(const QString& source, const QString& destination) const {
    const QFileInfo info(source);
    if (info.isDir())
        return RevisionExtractor::copyFolder(source, destination);
    if (info.isFile())
        return RevisionExtractor::extractArchive(source, destination);
    return QStringLiteral("%1 is specified as a file or directory which does not exist")
        .arg(source);
}

// Unpacks beside the store first, so a refused or broken revision never becomes visible.
RevisionImport RevisionStore::import(const QString& source) {
    const QString root = m_stateDir + QStringLiteral("/revisions");
    const QString incoming =
        root + QStringLiteral("/.incoming-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!QDir().mkpath(incoming))
        return {std::nullopt, QStringLiteral("cannot create %1").arg(incoming)};
    if (QString error = unpack(source, incoming); !error.isEmpty()) {
        QDir(incoming).removeRecursively();
        qCWarning(lcDeploy) << "revision refused:" << source << error;
        return {std::nullopt, error};
    }
    const QString id = treeHash(incoming);
    const QString final = revisionPath(id);
    if (QFileInfo::exists(final))
        QDir(incoming).removeRecursively();  // same content already stored
    else if (!QDir().rename(incoming, final)) {
        QDir(incoming).removeRecursively();
        return {std::nullopt, QStringLiteral("cannot move the revision into %1").arg(final)};
    }
    return {StoredRevision{id, final}, {}};
}

// Paths, kinds, the executable bit and contents, in a fixed order.
QString RevisionStore::treeHash(const QString& root) {
    QStringList paths;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext())
        paths.append(base.relativeFilePath(it.next()));
    std::sort(paths.begin(), paths.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& path : std::as_const(paths)) {
        const QFileInfo info(root + u'/' + path);
        hash.addData(path.toUtf8());
        if (info.isSymLink()) {
            hash.addData(QByteArrayView("\0L", 2));
            hash.addData(RevisionExtractor::linkText(info.filePath()).toUtf8());
        } else if (info.isDir()) {
            hash.addData(QByteArrayView("\0D", 2));
        } else {
            hash.addData(info.isExecutable() ? QByteArrayView("\0X", 2) : QByteArrayView("\0F", 2));
            hash.addData(fileHash(info.filePath()));
        }
        hash.addData(QByteArrayView("\n", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString RevisionStore::groupFile(const QString& group) const {
    return m_stateDir + QStringLiteral("/groups/") +
           QString::fromLatin1(QUrl::toPercentEncoding(group)) + QStringLiteral(".json");
}

QStringList RevisionStore::groups() const {
    QStringList names;
    const QDir dir(m_stateDir + QStringLiteral("/groups"));
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files))
        names.append(QUrl::fromPercentEncoding(file.chopped(5).toLatin1()));
    return names;
}

QList<RevisionRecord> RevisionStore::history(const QString& group) const {
    QList<RevisionRecord> records;
    const QJsonArray array = readJson(groupFile(group)).value(QStringLiteral("records")).toArray();
    for (const QJsonValue& value : array)
        records.append(fromJson(value.toObject()));
    return records;
}

int RevisionStore::keepCount(const QString& group) const {
    return readJson(groupFile(group)).value(QStringLiteral("keep")).toInt(kDefaultKeep);
}

QString RevisionStore::writeGroup(const QString& group, const QList<RevisionRecord>& records,
                                  int keep) {
    QJsonArray array;
    for (const RevisionRecord& r : records)
        array.append(toJson(r));
    const QJsonObject root{{QStringLiteral("keep"), keep}, {QStringLiteral("records"), array}};
    QDir().mkpath(m_stateDir + QStringLiteral("/groups"));
    QSaveFile file(groupFile(group));
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(QJsonDocument(root).toJson());
    return file.commit() ? QString() : file.errorString();
}

QString RevisionStore::record(const QString& group, const RevisionRecord& record) {
    QList<RevisionRecord> records = history(group);
    records.append(record);
    return writeGroup(group, records, keepCount(group));
}

std::optional<QString> RevisionStore::lastSuccessful(const QString& group) const {
    const QList<RevisionRecord> records = history(group);
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        if (it->succeeded)
            return it->revisionId;
    }
    return std::nullopt;
}

QStringList RevisionStore::kept(const QString& group, int keep) const {
    QStringList ids;
    const QList<RevisionRecord> records = history(group);
    for (auto it = records.crbegin(); it != records.crend() && ids.size() < keep; ++it) {
        if (!ids.contains(it->revisionId))
            ids.append(it->revisionId);
    }
    if (auto last = lastSuccessful(group); last && !ids.contains(*last))
        ids.append(*last);
    return ids;
}

QStringList RevisionStore::prune(const QString& group, int keep) {
    keep = std::max(1, keep);
    if (QString error = writeGroup(group, history(group), keep); !error.isEmpty())
        qCWarning(lcDeploy) << "cannot remember keep-revisions for" << group << error;
    QSet<QString> protectedIds;
    for (const QString& name : groups()) {
        for (const QString& id : kept(name, name == group ? keep : keepCount(name)))
            protectedIds.insert(id);
    }
    QSet<QString> mine;
    for (const RevisionRecord& r : history(group))
        mine.insert(r.revisionId);
    QStringList removed;
    for (const QString& id : revisionIds()) {
        if (mine.contains(id) && !protectedIds.contains(id) &&
            QDir(revisionPath(id)).removeRecursively())
            removed.append(id);
    }
    return removed;
}

}  // namespace pw
