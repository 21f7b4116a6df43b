#pragma once

#include "yaml/diagnostic.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <stop_token>

namespace pw {

// The buildspec `cache` block, evaluated (no unexpanded $VARs).
struct CacheSpec {
    enum class Action { RestoreAndSave, Restore, Save };
    QString key;               // exact match; empty = the default key "default"
    QStringList fallbackKeys;  // prefix matches, tried in order; ignored when key is empty
    Action action = Action::RestoreAndSave;
    QStringList paths;  // globs relative to the work root, or absolute ('/root/.m2/**/*')
};

struct CacheEntryInfo {
    QString key;
    QString archivePath;
    QDateTime savedAt;  // UTC
    int fileCount = 0;
    qint64 bytes = 0;
};

struct CacheRestoreResult {
    bool hit = false;
    bool exactHit = false;  // false when a fallback key matched
    QString matchedKey;
    QStringList restoredFiles;  // as stored: relative paths, or absolute ones for absolute globs
    Diagnostics diagnostics;    // warnings; a cache problem never fails a build
};

struct CacheSaveResult {
    bool saved = false;
    QString key;
    int fileCount = 0;
    qint64 bytes = 0;
    Diagnostics diagnostics;
};

// A local cache under `<stateDir>/cache/` (normally `.pipewright/state/cache/`).
// Each entry is one tar archive written through a temporary file and renamed, so a crash
// never leaves a half-written entry and a build that edits restored files in place cannot
// change the cache. Synchronous; the runner calls it from a worker thread.
class CacheStore {
public:
    explicit CacheStore(const QString& stateDir);

    QString cacheDirectory() const { return m_dir; }
    QList<CacheEntryInfo> entries() const;  // newest first
    // key exact, else each fallback key as a prefix in order (newest entry wins per prefix).
    std::optional<CacheEntryInfo> lookup(const CacheSpec& spec) const;

    // Both are no-ops (hit/saved false, no diagnostics) when spec.action excludes them.
    CacheRestoreResult restore(const CacheSpec& spec, const QString& workRoot,
                               std::stop_token stop = {}) const;
    CacheSaveResult save(const CacheSpec& spec, const QString& workRoot,
                         std::stop_token stop = {}) const;

    bool remove(const QString& key) const;

    static std::optional<CacheSpec::Action> parseAction(const QString& text);  // "restore"|"save"

private:
    QString entryDirectory(const QString& key) const;
    QString m_dir;
};

}  // namespace pw
