#include "engine/cache/cacherules.h"
#include "engine/cache/cachestore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pw;

namespace {

void writeFile(const QString& path, const QByteArray& data) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool isDocumentedRule(const QString& id) {
    for (const RuleInfo& rule : cacheRules()) {
        if (id == QLatin1String(rule.id))
            return true;
    }
    return false;
}

// Rule ids of `diagnostics`; each must have an entry in the module's RuleInfo table.
QStringList rules(const Diagnostics& diagnostics) {
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        if (!isDocumentedRule(d.rule))
            QTest::qFail(qPrintable("undocumented rule " + d.rule), __FILE__, __LINE__);
        out << d.rule;
    }
    return out;
}

CacheSpec spec(const QString& key, const QStringList& paths, const QStringList& fallback = {}) {
    CacheSpec s;
    s.key = key;
    s.paths = paths;
    s.fallbackKeys = fallback;
    return s;
}

}  // namespace

class TestCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saveThenRestoreExact();
    void missIsQuiet();
    void fallbackKeysArePrefixesInOrder();
    void fallbackIgnoredWithoutKey();
    void actionRestoreOrSaveOnly();
    void restoreSkipsPathsNoLongerAllowed();
    void absolutePaths();
    void restoredFilesDoNotAliasTheCache();
    void resaveReplacesEntry();
    void damagedArchiveIsWarning();
    void parseAction();
};

void TestCache::saveThenRestoreExact() {
    QTemporaryDir state, work, fresh;
    writeFile(work.path() + "/node_modules/left-pad/index.js", "module.exports = 1;");
    writeFile(work.path() + "/node_modules/.bin/tool", "#!/bin/sh\n");
    QFile::setPermissions(work.path() + "/node_modules/.bin/tool",
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(QFile::link("../left-pad/index.js", work.path() + "/node_modules/.bin/pad"));
    writeFile(work.path() + "/src/main.js", "not cached");
    const CacheStore store(state.path());
    const CacheSpec s = spec("npm-123", {"node_modules/**/*"});
    const CacheSaveResult saved = store.save(s, work.path());
    QVERIFY(saved.saved);
    QCOMPARE(saved.fileCount, 3);
    QVERIFY(store.cacheDirectory().startsWith(state.path() + "/cache"));

    const CacheRestoreResult r = store.restore(s, fresh.path());
    QVERIFY(r.hit);
    QVERIFY(r.exactHit);
    QCOMPARE(r.matchedKey, QString("npm-123"));
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(r.diagnostics.value(0).message));
    QCOMPARE(r.restoredFiles.size(), 3);
    QCOMPARE(readFile(fresh.path() + "/node_modules/left-pad/index.js"),
             QByteArray("module.exports = 1;"));
    QVERIFY(QFileInfo(fresh.path() + "/node_modules/.bin/tool").isExecutable());
    QCOMPARE(QFileInfo(fresh.path() + "/node_modules/.bin/pad").symLinkTarget(),
             QFileInfo(fresh.path() + "/node_modules/left-pad/index.js").absoluteFilePath());
    QVERIFY(!QFile::exists(fresh.path() + "/src/main.js"));
}

void TestCache::missIsQuiet() {
    QTemporaryDir state, work;
    const CacheRestoreResult r =
        CacheStore(state.path()).restore(spec("k", {"**/*"}, {"k"}), work.path());
    QVERIFY(!r.hit);
    QVERIFY(r.diagnostics.isEmpty());
}

void TestCache::fallbackKeysArePrefixesInOrder() {
    QTemporaryDir state, work, out;
    const CacheStore store(state.path());
    writeFile(work.path() + "/deps/a", "old-npm");
    QVERIFY(store.save(spec("npm-old", {"deps/*"}), work.path()).saved);
    QThread::msleep(5);
    writeFile(work.path() + "/deps/a", "new-npm");
    QVERIFY(store.save(spec("npm-new", {"deps/*"}), work.path()).saved);
    QThread::msleep(5);
    writeFile(work.path() + "/deps/a", "yarn");
    QVERIFY(store.save(spec("yarn-1", {"deps/*"}), work.path()).saved);
    QCOMPARE(store.entries().size(), 3);
    QCOMPARE(store.entries().first().key, QString("yarn-1"));  // newest first

    // The first fallback that matches wins even though "yarn-" matches a newer entry; among
    // entries of one prefix the newest is used.
    const CacheRestoreResult r =
        store.restore(spec("npm-missing", {"deps/*"}, {"npm-", "yarn-"}), out.path());
    QVERIFY(r.hit);
    QVERIFY(!r.exactHit);
    QCOMPARE(r.matchedKey, QString("npm-new"));
    QCOMPARE(readFile(out.path() + "/deps/a"), QByteArray("new-npm"));
    QCOMPARE(store.lookup(spec("x", {}, {"nope", "yarn"}))->key, QString("yarn-1"));
    QVERIFY(!store.lookup(spec("x", {}, {"pnpm-"})).has_value());
    // Exact match beats any fallback.
    QCOMPARE(store.lookup(spec("npm-old", {}, {"npm-"}))->key, QString("npm-old"));
}

void TestCache::fallbackIgnoredWithoutKey() {
    QTemporaryDir state, work;
    const CacheStore store(state.path());
    writeFile(work.path() + "/deps/a", "x");
    QVERIFY(store.save(spec("npm-1", {"deps/*"}), work.path()).saved);
    QVERIFY(!store.lookup(spec("", {}, {"npm-"})).has_value());
    const CacheSaveResult unnamed = store.save(spec("", {"deps/*"}), work.path());
    QCOMPARE(unnamed.key, QString("default"));
    QCOMPARE(store.lookup(spec("", {}))->key, QString("default"));
}

void TestCache::actionRestoreOrSaveOnly() {
    QTemporaryDir state, work, out;
    const CacheStore store(state.path());
    writeFile(work.path() + "/deps/a", "x");
    CacheSpec restoreOnly = spec("k", {"deps/*"});
    restoreOnly.action = CacheSpec::Action::Restore;
    QVERIFY(!store.save(restoreOnly, work.path()).saved);
    QVERIFY(store.entries().isEmpty());

    CacheSpec saveOnly = restoreOnly;
    saveOnly.action = CacheSpec::Action::Save;
    QVERIFY(store.save(saveOnly, work.path()).saved);
    QVERIFY(!store.restore(saveOnly, out.path()).hit);
    QVERIFY(!QFile::exists(out.path() + "/deps/a"));
    QVERIFY(store.restore(restoreOnly, out.path()).hit);
    QVERIFY(QFile::exists(out.path() + "/deps/a"));
}

void TestCache::restoreSkipsPathsNoLongerAllowed() {
    QTemporaryDir state, work, out;
    const CacheStore store(state.path());
    writeFile(work.path() + "/a/1", "a");
    writeFile(work.path() + "/b/2", "b");
    QVERIFY(store.save(spec("k", {"a/*", "b/*"}), work.path()).saved);
    const CacheRestoreResult r = store.restore(spec("k", {"a/*"}), out.path());
    QVERIFY(r.hit);
    QCOMPARE(r.restoredFiles, QStringList{"a/1"});
    QVERIFY(!QFile::exists(out.path() + "/b/2"));
    QCOMPARE(rules(r.diagnostics), QStringList{"cache-path-not-allowed"});
    QVERIFY(r.diagnostics[0].message.contains("work/b/2"));
}

void TestCache::absolutePaths() {
    QTemporaryDir state, work, home;
    const CacheStore store(state.path());
    writeFile(home.path() + "/.m2/repository/junit.jar", "JAR");
    const CacheSpec s = spec("maven", {home.path() + "/.m2/**/*"});
    QVERIFY(store.save(s, work.path()).saved);
    QVERIFY(QDir(home.path() + "/.m2").removeRecursively());
    const CacheRestoreResult r = store.restore(s, work.path());
    QVERIFY(r.hit);
    QCOMPARE(r.restoredFiles, QStringList{home.path() + "/.m2/repository/junit.jar"});
    QCOMPARE(readFile(home.path() + "/.m2/repository/junit.jar"), QByteArray("JAR"));
}

void TestCache::restoredFilesDoNotAliasTheCache() {
    QTemporaryDir state, work, out;
    const CacheStore store(state.path());
    writeFile(work.path() + "/deps/a", "cached");
    const CacheSpec s = spec("k", {"deps/*"});
    QVERIFY(store.save(s, work.path()).saved);
    QVERIFY(store.restore(s, out.path()).hit);
    // A build appending to a restored file in place...
    QFile f(out.path() + "/deps/a");
    QVERIFY(f.open(QIODevice::Append));
    f.write(" and changed");
    f.close();
    // ...changes neither the cache nor a later restore, which replaces the file.
    QVERIFY(store.restore(s, out.path()).hit);
    QCOMPARE(readFile(out.path() + "/deps/a"), QByteArray("cached"));
    QCOMPARE(readFile(work.path() + "/deps/a"), QByteArray("cached"));
}

void TestCache::resaveReplacesEntry() {
    QTemporaryDir state, work, out;
    const CacheStore store(state.path());
    writeFile(work.path() + "/deps/a", "one");
    QVERIFY(store.save(spec("k", {"deps/*"}), work.path()).saved);
    writeFile(work.path() + "/deps/a", "two");
    writeFile(work.path() + "/deps/b", "new");
    const CacheSaveResult again = store.save(spec("k", {"deps/*"}), work.path());
    QCOMPARE(again.fileCount, 2);
    QCOMPARE(store.entries().size(), 1);
    QVERIFY(store.restore(spec("k", {"deps/*"}), out.path()).hit);
    QCOMPARE(readFile(out.path() + "/deps/a"), QByteArray("two"));
    QVERIFY(!QFile::exists(store.entries().first().archivePath + ".part"));
    QVERIFY(store.remove("k"));
    QVERIFY(store.entries().isEmpty());
}

void TestCache::damagedArchiveIsWarning() {
    QTemporaryDir state, work, out;
    const CacheStore store(state.path());
    writeFile(work.path() + "/deps/a", QByteArray(100000, 'x'));
    QVERIFY(store.save(spec("k", {"deps/*"}), work.path()).saved);
    const QString archivePath = store.entries().first().archivePath;
    QFile f(archivePath);
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.resize(700);  // header intact, data cut short
    f.close();
    const CacheRestoreResult r = store.restore(spec("k", {"deps/*"}), out.path());
    QVERIFY(!r.hit);
    QVERIFY(!r.diagnostics.isEmpty());
    QVERIFY(!QFile::exists(out.path() + "/deps/a"));  // no half-written file
    for (const Diagnostic& d : r.diagnostics)
        QCOMPARE(d.severity, Severity::Warning);
    writeFile(archivePath, "garbage, not a tar");
    const CacheRestoreResult g = store.restore(spec("k", {"deps/*"}), out.path());
    QVERIFY(rules(g.diagnostics).contains("cache-unreadable"));
}

void TestCache::parseAction() {
    QCOMPARE(CacheStore::parseAction("restore"), CacheSpec::Action::Restore);
    QCOMPARE(CacheStore::parseAction("SAVE"), CacheSpec::Action::Save);
    QCOMPARE(CacheStore::parseAction(""), CacheSpec::Action::RestoreAndSave);
    QVERIFY(!CacheStore::parseAction("both").has_value());
}

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
