#include "cachestore.h"

#include "engine/artifacts/filecollector.h"
#include "engine/artifacts/globpattern.h"
#include "engine/enginelogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace pw {

namespace {

// Archive members are "work/<path>" for globs relative to the work root and
// "abs/<path>" for absolute globs such as '/root/.m2/**/*'.
const QString kWorkPrefix = QStringLiteral("work/");
const QString kAbsPrefix = QStringLiteral("abs/");
const QString kDefaultKey = QStringLiteral("default");

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;
using EntryPtr = std::unique_ptr<archive_entry, void (*)(archive_entry*)>;

void warn(Diagnostics& out, const QString& rule, const QString& message) {
    qCInfo(lcEngine).noquote() << message;
    Diagnostic d;
    d.severity = Severity::Warning;
    d.rule = rule;
    d.message = message;
    out << d;
}

QString effectiveKey(const CacheSpec& spec) {
    return spec.key.trimmed().isEmpty() ? kDefaultKey : spec.key.trimmed();
}

struct Member {
    QString sourcePath;
    QString name;  // archive member name
    bool symlink = false;
    QString target;
};

// An absolute glob split into the directory to walk and the pattern below it.
QPair<QString, QString> splitAbsolute(const QString& pattern) {
    const GlobPattern glob(pattern);
    const QString prefix = glob.literalPrefix();
    const QString rest = glob.pattern().mid(prefix.size() + 1 + (prefix.isEmpty() ? 0 : 1));
    return {u'/' + prefix, rest};
}

QList<Member> collectMembers(const CacheSpec& spec, const QString& workRoot, Diagnostics& diags,
                             std::stop_token stop) {
    QList<Member> members;
    for (const QString& path : spec.paths) {
        const bool absolute = GlobPattern::normalize(path).startsWith(u'/');
        const auto [root, pattern] = absolute ? splitAbsolute(path) : qMakePair(workRoot, path);
        CollectOptions options{root, {}, {pattern}, {}, true, false, QStringLiteral("cache")};
        options.stop = stop;
        const CollectResult found = FileCollector::collect(options);
        for (Diagnostic d : found.diagnostics) {
            d.severity = Severity::Warning;  // a cache problem never fails a build
            diags << d;
        }
        const QString prefix = absolute ? kAbsPrefix + root.mid(1) + u'/' : kWorkPrefix;
        for (const CollectedFile& f : found.files)
            members << Member{f.absolutePath, QDir::cleanPath(prefix + f.relativePath), f.isSymlink,
                              f.symlinkTarget};
    }
    std::sort(members.begin(), members.end(),
              [](const Member& a, const Member& b) { return a.name < b.name; });
    members.erase(std::unique(members.begin(), members.end(),
                              [](const Member& a, const Member& b) { return a.name == b.name; }),
                  members.end());
    return members;
}

bool writeMember(archive* tar, const Member& m, QString* error) {
    struct stat st {};
    if (::lstat(QFile::encodeName(m.sourcePath).constData(), &st) != 0) {
        *error = QStringLiteral("cannot read '%1'").arg(m.sourcePath);
        return false;
    }
    EntryPtr e(archive_entry_new(), archive_entry_free);
    archive_entry_copy_stat(e.get(), &st);
    archive_entry_set_pathname_utf8(e.get(), m.name.toUtf8().constData());
    if (m.symlink) {
        archive_entry_set_symlink_utf8(e.get(), m.target.toUtf8().constData());
        return archive_write_header(tar, e.get()) == ARCHIVE_OK;
    }
    if (archive_write_header(tar, e.get()) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(tar));
        return false;
    }
    QFile file(m.sourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = file.read(buffer.data(), buffer.size())) > 0)
        archive_write_data(tar, buffer.constData(), size_t(n));
    return n == 0;
}

bool writeTar(const QList<Member>& members, const QString& path, QString* error,
              std::stop_token stop) {
    ArchivePtr tar(archive_write_new(), archive_write_free);
    archive_write_set_format_pax_restricted(tar.get());
    if (archive_write_open_filename(tar.get(), QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(tar.get()));
        return false;
    }
    for (const Member& m : members) {
        if (stop.stop_requested()) {
            *error = QStringLiteral("cancelled");
            return false;
        }
        if (!writeMember(tar.get(), m, error))
            return false;
    }
    return archive_write_close(tar.get()) == ARCHIVE_OK;
}

std::optional<CacheEntryInfo> readInfo(const QString& entryDir) {
    QFile file(entryDir + QStringLiteral("/entry.json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    const QString archivePath = entryDir + QStringLiteral("/archive.tar");
    if (o.value(QLatin1String("key")).toString().isEmpty() || !QFile::exists(archivePath))
        return std::nullopt;
    return CacheEntryInfo{
        o.value(QLatin1String("key")).toString(), archivePath,
        QDateTime::fromString(o.value(QLatin1String("savedAt")).toString(), Qt::ISODateWithMs),
        o.value(QLatin1String("fileCount")).toInt(),
        qint64(o.value(QLatin1String("bytes")).toDouble())};
}

bool writeInfo(const QString& entryDir, const CacheEntryInfo& info) {
    QSaveFile file(entryDir + QStringLiteral("/entry.json"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QJsonObject o{{QStringLiteral("key"), info.key},
                        {QStringLiteral("savedAt"), info.savedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("fileCount"), info.fileCount},
                        {QStringLiteral("bytes"), double(info.bytes)}};
    file.write(QJsonDocument(o).toJson());
    return file.commit();
}

// Where a member goes on restore, or empty when the current spec does not allow it.
QString destinationOf(const QString& member, const CacheSpec& spec, const QString& workRoot) {
    if (GlobPattern::escapesRoot(member) || member.split(u'/').contains(QStringLiteral("..")))
        return {};
    for (const QString& path : spec.paths) {
        const QString p = GlobPattern::normalize(path);
        if (p.startsWith(u'/') && member.startsWith(kAbsPrefix) &&
            GlobPattern(p).matches(member.mid(kAbsPrefix.size())))
            return u'/' + member.mid(kAbsPrefix.size());
        if (!p.startsWith(u'/') && member.startsWith(kWorkPrefix) &&
            GlobPattern(p).matches(member.mid(kWorkPrefix.size())))
            return workRoot + u'/' + member.mid(kWorkPrefix.size());
    }
    return {};
}

// A cached item overrides a source item of the same name (CACHE). The old leaf is unlinked,
// not truncated, so a file hard-linked to the user's tree is never written through.
void removeLeaf(const QString& path) {
    struct stat st {};
    const QByteArray raw = QFile::encodeName(path);
    if (::lstat(raw.constData(), &st) == 0 && !S_ISDIR(st.st_mode))
        ::unlink(raw.constData());
}

// Extracts one archive member where the current spec allows it.
void extractMember(archive* tar, archive* disk, archive_entry* e, const CacheSpec& spec,
                   const QString& root, CacheRestoreResult& result) {
    const QString member = QString::fromUtf8(archive_entry_pathname_utf8(e));
    const QString destination = destinationOf(member, spec, root);
    if (destination.isEmpty()) {
        warn(result.diagnostics, QStringLiteral("cache-path-not-allowed"),
             QStringLiteral("Skipping cache entry: path \"%1\" is not within allowed cache paths")
                 .arg(member));
        return;
    }
    QDir().mkpath(QFileInfo(destination).absolutePath());
    removeLeaf(destination);
    archive_entry_set_pathname_utf8(e, destination.toUtf8().constData());
    if (archive_read_extract2(tar, e, disk) != ARCHIVE_OK) {
        const char* why = archive_error_string(disk);
        warn(result.diagnostics, QStringLiteral("cache-extract-failed"),
             QStringLiteral("cannot restore '%1': %2")
                 .arg(destination, QString::fromUtf8(why ? why : archive_error_string(tar))));
        removeLeaf(destination);  // never leave a half-written file behind
        return;
    }
    result.restoredFiles << (member.startsWith(kAbsPrefix) ? u'/' + member.section(u'/', 1)
                                                           : member.section(u'/', 1));
}

}  // namespace

CacheStore::CacheStore(const QString& stateDir) : m_dir(stateDir + QStringLiteral("/cache")) {}

QString CacheStore::entryDirectory(const QString& key) const {
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return m_dir + u'/' + QString::fromLatin1(hash.toHex().left(32));
}

QList<CacheEntryInfo> CacheStore::entries() const {
    QList<CacheEntryInfo> out;
    const QStringList dirs = QDir(m_dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& dir : dirs) {
        if (auto info = readInfo(m_dir + u'/' + dir))
            out << *info;
    }
    std::sort(out.begin(), out.end(), [](const CacheEntryInfo& a, const CacheEntryInfo& b) {
        return a.savedAt > b.savedAt;
    });
    return out;
}

std::optional<CacheEntryInfo> CacheStore::lookup(const CacheSpec& spec) const {
    const QList<CacheEntryInfo> all = entries();
    const QString key = effectiveKey(spec);
    for (const CacheEntryInfo& e : all) {
        if (e.key == key)
            return e;
    }
    if (spec.key.trimmed().isEmpty())
        return std::nullopt;  // fallback-keys are ignored without a key
    for (const QString& prefix : spec.fallbackKeys) {
        for (const CacheEntryInfo& e : all) {
            if (!prefix.isEmpty() && e.key.startsWith(prefix))
                return e;
        }
    }
    return std::nullopt;
}

CacheRestoreResult CacheStore::restore(const CacheSpec& spec, const QString& workRoot,
                                       std::stop_token stop) const {
    CacheRestoreResult result;
    if (spec.action == CacheSpec::Action::Save)
        return result;
    const std::optional<CacheEntryInfo> entry = lookup(spec);
    if (!entry)
        return result;
    result.matchedKey = entry->key;
    result.exactHit = entry->key == effectiveKey(spec);
    const QString root = QFileInfo(workRoot).canonicalFilePath();
    ArchivePtr tar(archive_read_new(), archive_read_free);
    archive_read_support_format_tar(tar.get());
    ArchivePtr disk(archive_write_disk_new(), archive_write_free);
    // Hardened extraction: never through a symlink, never "..". No EXTRACT_UNLINK: it would
    // delete symlinks on the way; replaceable leaves are removed one by one instead.
    archive_write_disk_set_options(disk.get(), ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM |
                                                   ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                                                   ARCHIVE_EXTRACT_SECURE_NODOTDOT);
    if (root.isEmpty() ||
        archive_read_open_filename(tar.get(), QFile::encodeName(entry->archivePath).constData(),
                                   64 * 1024) != ARCHIVE_OK) {
        warn(result.diagnostics, QStringLiteral("cache-unreadable"),
             QStringLiteral("cannot restore cache '%1': %2")
                 .arg(entry->key, root.isEmpty()
                                      ? QStringLiteral("no work folder")
                                      : QString::fromUtf8(archive_error_string(tar.get()))));
        return result;
    }
    archive_entry* e = nullptr;
    int rc = ARCHIVE_OK;
    while (!stop.stop_requested() && (rc = archive_read_next_header(tar.get(), &e)) == ARCHIVE_OK)
        extractMember(tar.get(), disk.get(), e, spec, root, result);
    const bool damaged = rc != ARCHIVE_EOF && rc != ARCHIVE_OK;
    if (damaged)
        warn(result.diagnostics, QStringLiteral("cache-unreadable"),
             QStringLiteral("cache '%1' is damaged: %2")
                 .arg(entry->key, QString::fromUtf8(archive_error_string(tar.get()))));
    result.hit = !damaged && !stop.stop_requested();
    return result;
}

CacheSaveResult CacheStore::save(const CacheSpec& spec, const QString& workRoot,
                                 std::stop_token stop) const {
    CacheSaveResult result;
    if (spec.action == CacheSpec::Action::Restore)
        return result;
    result.key = effectiveKey(spec);
    const QString root = QFileInfo(workRoot).canonicalFilePath();
    const QList<Member> members = collectMembers(spec, root, result.diagnostics, stop);
    const QString dir = entryDirectory(result.key);
    QString error;
    if (!QDir().mkpath(dir)) {
        warn(result.diagnostics, QStringLiteral("cache-write-failed"),
             QStringLiteral("cannot create '%1'").arg(dir));
        return result;
    }
    const QString archivePath = dir + QStringLiteral("/archive.tar");
    const QString part = archivePath + QStringLiteral(".part");
    if (!writeTar(members, part, &error, stop)) {
        QFile::remove(part);
        warn(result.diagnostics, QStringLiteral("cache-write-failed"),
             QStringLiteral("cannot save cache '%1': %2").arg(result.key, error));
        return result;
    }
    // rename(2) replaces the old archive atomically; QFile::rename would refuse.
    if (::rename(QFile::encodeName(part).constData(), QFile::encodeName(archivePath).constData()) !=
        0) {
        warn(result.diagnostics, QStringLiteral("cache-write-failed"),
             QStringLiteral("cannot save cache '%1'").arg(result.key));
        return result;
    }
    result.fileCount = int(members.size());
    result.bytes = QFileInfo(archivePath).size();
    result.saved = writeInfo(dir, {result.key, archivePath, QDateTime::currentDateTimeUtc(),
                                   result.fileCount, result.bytes});
    qCInfo(lcEngine) << "cache" << result.key << "saved" << result.fileCount << "files";
    return result;
}

bool CacheStore::remove(const QString& key) const {
    return QDir(entryDirectory(key)).removeRecursively();
}

std::optional<CacheSpec::Action> CacheStore::parseAction(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return CacheSpec::Action::RestoreAndSave;
    if (t == QLatin1String("restore"))
        return CacheSpec::Action::Restore;
    if (t == QLatin1String("save"))
        return CacheSpec::Action::Save;
    return std::nullopt;
}

}  // namespace pw
