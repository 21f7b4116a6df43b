#include "recoverystore.h"

#include "uilog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace pw {

RecoveryStore::RecoveryStore(QString directory) : m_directory(std::move(directory)) {}

QString RecoveryStore::keyForPath(const QString& path) {
    return QString::fromLatin1(
        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

bool RecoveryStore::write(const QString& key, const QString& path, const QByteArray& text) const {
    if (!QDir().mkpath(m_directory))
        return false;
    const QDir dir(m_directory);
    QSaveFile body(dir.filePath(key + QStringLiteral(".txt")));
    QSaveFile note(dir.filePath(key + QStringLiteral(".json")));
    const QJsonObject json{
        {QStringLiteral("path"), path},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    const bool ok = body.open(QIODevice::WriteOnly) && body.write(text) == text.size() &&
                    body.commit() && note.open(QIODevice::WriteOnly) &&
                    note.write(QJsonDocument(json).toJson()) >= 0 && note.commit();
    if (!ok)
        qCWarning(lcUi) << "cannot write recovery file in" << m_directory;
    return ok;
}

void RecoveryStore::remove(const QString& key) const {
    const QDir dir(m_directory);
    QFile::remove(dir.filePath(key + QStringLiteral(".txt")));
    QFile::remove(dir.filePath(key + QStringLiteral(".json")));
}

bool RecoveryStore::ownedByOtherLiveProcess(const Entry& entry) {
    // Linux-only liveness check; elsewhere every entry counts as a leftover, which errs on
    // the side of offering too much rather than losing text.
    return entry.pid > 0 && entry.pid != QCoreApplication::applicationPid() &&
           QFileInfo::exists(QStringLiteral("/proc/%1").arg(entry.pid));
}

QList<RecoveryStore::Entry> RecoveryStore::entries() const {
    QList<Entry> result;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile note(dir.filePath(name));
        QFile body(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".txt")));
        if (!note.open(QIODevice::ReadOnly) || !body.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject json = QJsonDocument::fromJson(note.readAll()).object();
        Entry entry;
        entry.key = QFileInfo(name).completeBaseName();
        entry.path = json.value(QStringLiteral("path")).toString();
        entry.savedAt = QDateTime::fromString(json.value(QStringLiteral("savedAt")).toString(),
                                              Qt::ISODateWithMs);
        entry.text = body.readAll();
        entry.pid = json.value(QStringLiteral("pid")).toInteger();
        result.append(entry);
    }
    return result;
}

}  // namespace pw
