#include "engine/sourcecopy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace pw;

namespace {

void writeFile(const QString& path, const QByteArray& data = "x") {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct stat lstatOf(const QString& path) {
    struct stat st {};
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

SourceCopyOptions options(const QString& from, const QString& to) {
    SourceCopyOptions o;
    o.source = from;
    o.destination = to;
    return o;
}

}  // namespace

class TestSourceCopy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void copiesTreeWithModesTimesAndSymlinks();
    void buildCannotDirtyTheUserTree();
    void skipsGit();
    void excludeGlobs();
    void destinationInsideSourceIsNotCopiedIntoItself();
    void hardLinkModeSharesInodes();
    void hardLinkFallsBackAcrossDevices();
    void skipsSpecialFiles();
    void refusesNonEmptyDestinationOrMissingSource();
    void cancelled();
};

void TestSourceCopy::copiesTreeWithModesTimesAndSymlinks() {
    QTemporaryDir src, parent;
    writeFile(src.path() + "/README.md", "readme");
    writeFile(src.path() + "/scripts/build.sh", "#!/bin/sh\necho hi\n");
    QFile::setPermissions(src.path() + "/scripts/build.sh",
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    writeFile(src.path() + "/a/b/c/deep.txt", QByteArray(300000, 'd'));
    QDir().mkpath(src.path() + "/empty/dir");
    QVERIFY(QFile::link("../README.md", src.path() + "/a/readme-link"));
    QVERIFY(QFile::link("/nonexistent/target", src.path() + "/dangling"));
    QDir().mkpath(src.path() + "/readonly");
    writeFile(src.path() + "/readonly/f.txt", "ro");
    ::chmod(QFile::encodeName(src.path() + "/readonly").constData(), 0555);
    const QString dst = parent.path() + "/build/src";

    const SourceCopyResult r = SourceCopy::copy(options(src.path(), dst));
    ::chmod(QFile::encodeName(src.path() + "/readonly").constData(), 0755);
    QVERIFY2(r.ok, qPrintable(r.diagnostics.value(0).message));
    QCOMPARE(r.files, 4);
    QCOMPARE(r.symlinks, 2);
    QCOMPARE(r.bytes, qint64(6 + 18 + 300000 + 2));
    QCOMPARE(readFile(dst + "/a/b/c/deep.txt"), QByteArray(300000, 'd'));
    QVERIFY(QFileInfo(dst + "/scripts/build.sh").isExecutable());
    QVERIFY(QFileInfo(dst + "/empty/dir").isDir());
    QVERIFY(QFileInfo(dst + "/a/readme-link").isSymLink());
    QCOMPARE(QFile::symLinkTarget(dst + "/a/readme-link"),
             QFileInfo(dst + "/README.md").absoluteFilePath());
    QVERIFY(QFileInfo(dst + "/dangling").isSymLink());
    QCOMPARE(lstatOf(dst + "/readonly").st_mode & 0777, 0555u);
    QCOMPARE(readFile(dst + "/readonly/f.txt"), QByteArray("ro"));
    QCOMPARE(lstatOf(dst + "/a/b/c/deep.txt").st_mtim.tv_sec,
             lstatOf(src.path() + "/a/b/c/deep.txt").st_mtim.tv_sec);
    ::chmod(QFile::encodeName(dst + "/readonly").constData(), 0755);  // so cleanup works
}

void TestSourceCopy::buildCannotDirtyTheUserTree() {
    QTemporaryDir src, parent;
    writeFile(src.path() + "/version.txt", "1.0");
    const QString dst = parent.path() + "/copy";
    const SourceCopyResult r = SourceCopy::copy(options(src.path(), dst));
    QVERIFY(r.ok);
    QCOMPARE(r.hardLinked, 0);
    QCOMPARE(r.reflinked + r.copied, 1);
    QVERIFY(lstatOf(dst + "/version.txt").st_ino != lstatOf(src.path() + "/version.txt").st_ino);
    // A build that appends in place, the case a hard link would leak into the user's file.
    QFile f(dst + "/version.txt");
    QVERIFY(f.open(QIODevice::Append));
    f.write("-SNAPSHOT");
    f.close();
    QCOMPARE(readFile(src.path() + "/version.txt"), QByteArray("1.0"));
}

void TestSourceCopy::skipsGit() {
    QTemporaryDir src, parent;
    writeFile(src.path() + "/.git/HEAD", "ref: refs/heads/main");
    writeFile(src.path() + "/vendor/lib/.git", "gitdir: ../../.git/modules/lib");
    writeFile(src.path() + "/vendor/lib/lib.c", "int x;");
    writeFile(src.path() + "/.gitignore", "build/");
    const SourceCopyResult r = SourceCopy::copy(options(src.path(), parent.path() + "/a"));
    QVERIFY(r.ok);
    QVERIFY(!QFile::exists(parent.path() + "/a/.git"));
    QVERIFY(!QFile::exists(parent.path() + "/a/vendor/lib/.git"));
    QVERIFY(QFile::exists(parent.path() + "/a/vendor/lib/lib.c"));
    QVERIFY(QFile::exists(parent.path() + "/a/.gitignore"));
    QCOMPARE(r.skipped, 2);

    SourceCopyOptions withGit = options(src.path(), parent.path() + "/b");
    withGit.skipGit = false;
    QVERIFY(SourceCopy::copy(withGit).ok);
    QCOMPARE(readFile(parent.path() + "/b/.git/HEAD"), QByteArray("ref: refs/heads/main"));
}

void TestSourceCopy::excludeGlobs() {
    QTemporaryDir src, parent;
    writeFile(src.path() + "/node_modules/pkg/index.js");
    writeFile(src.path() + "/web/node_modules/pkg/index.js");
    writeFile(src.path() + "/build/out/app.o");
    writeFile(src.path() + "/debug.log");
    writeFile(src.path() + "/web/keep.log");
    writeFile(src.path() + "/web/x.tmp");
    writeFile(src.path() + "/web/app.js");
    SourceCopyOptions o = options(src.path(), parent.path() + "/c");
    o.excludePatterns = {"**/node_modules", "build/**", "*.log", "**/*.tmp"};
    const SourceCopyResult r = SourceCopy::copy(o);
    QVERIFY(r.ok);
    const QString dst = parent.path() + "/c";
    QVERIFY(!QFile::exists(dst + "/node_modules"));
    QVERIFY(!QFile::exists(dst + "/web/node_modules"));
    QVERIFY(!QFile::exists(dst + "/build"));
    QVERIFY(!QFile::exists(dst + "/debug.log"));
    QVERIFY(QFile::exists(dst + "/web/keep.log"));  // `*` does not cross '/'
    QVERIFY(!QFile::exists(dst + "/web/x.tmp"));
    QVERIFY(QFile::exists(dst + "/web/app.js"));
    QCOMPARE(r.files, 2);
}

void TestSourceCopy::destinationInsideSourceIsNotCopiedIntoItself() {
    QTemporaryDir src;
    writeFile(src.path() + "/buildspec.yml", "version: 0.2");
    const QString dst = src.path() + "/.pipewright/state/builds/1/src";
    const SourceCopyResult r = SourceCopy::copy(options(src.path(), dst));
    QVERIFY(r.ok);
    QVERIFY(QFile::exists(dst + "/buildspec.yml"));
    QVERIFY(QFileInfo(dst + "/.pipewright/state/builds/1").isDir());
    QVERIFY(!QFile::exists(dst + "/.pipewright/state/builds/1/src"));
}

void TestSourceCopy::hardLinkModeSharesInodes() {
    QTemporaryDir src, parent;
    writeFile(src.path() + "/a.txt", "a");
    writeFile(src.path() + "/d/b.txt", "b");
    SourceCopyOptions o = options(src.path(), parent.path() + "/h");
    o.mode = SourceCopyOptions::Mode::HardLink;
    const SourceCopyResult r = SourceCopy::copy(o);
    QVERIFY(r.ok);
    if (lstatOf(src.path()).st_dev != lstatOf(parent.path()).st_dev)
        QSKIP("temporary folders on different devices");
    QCOMPARE(r.hardLinked, 2);
    QCOMPARE(lstatOf(parent.path() + "/h/d/b.txt").st_ino, lstatOf(src.path() + "/d/b.txt").st_ino);
}

void TestSourceCopy::hardLinkFallsBackAcrossDevices() {
    QTemporaryDir src;
    QTemporaryDir other(QStringLiteral("/dev/shm/pw-sourcecopy-XXXXXX"));
    if (!other.isValid() || lstatOf(src.path()).st_dev == lstatOf(other.path()).st_dev)
        QSKIP("no second filesystem (/dev/shm) to cross");
    writeFile(src.path() + "/a.txt", "a");
    SourceCopyOptions o = options(src.path(), other.path() + "/x");
    o.mode = SourceCopyOptions::Mode::HardLink;
    const SourceCopyResult r = SourceCopy::copy(o);
    QVERIFY(r.ok);
    QCOMPARE(r.hardLinked, 0);
    QCOMPARE(r.files, 1);
    QCOMPARE(readFile(other.path() + "/x/a.txt"), QByteArray("a"));
}

void TestSourceCopy::skipsSpecialFiles() {
    QTemporaryDir src, parent;
    writeFile(src.path() + "/a.txt");
    QCOMPARE(::mkfifo(QFile::encodeName(src.path() + "/pipe").constData(), 0600), 0);
    const SourceCopyResult r = SourceCopy::copy(options(src.path(), parent.path() + "/s"));
    QVERIFY(r.ok);
    QCOMPARE(r.skipped, 1);
    QVERIFY(!QFileInfo::exists(parent.path() + "/s/pipe"));
}

void TestSourceCopy::refusesNonEmptyDestinationOrMissingSource() {
    QTemporaryDir src, dst;
    writeFile(src.path() + "/a.txt");
    writeFile(dst.path() + "/left-over");
    QVERIFY(!SourceCopy::copy(options(src.path(), dst.path())).ok);
    const SourceCopyResult missing =
        SourceCopy::copy(options(src.path() + "/nope", dst.path() + "/n"));
    QVERIFY(!missing.ok);
    QCOMPARE(missing.diagnostics.value(0).rule, QString("sourcecopy-failed"));
    QCOMPARE(QLatin1String(sourceCopyRules()[0].id), missing.diagnostics.value(0).rule);
}

void TestSourceCopy::cancelled() {
    QTemporaryDir src, parent;
    writeFile(src.path() + "/a.txt");
    std::stop_source stop;
    stop.request_stop();
    SourceCopyOptions o = options(src.path(), parent.path() + "/x");
    o.stop = stop.get_token();
    const SourceCopyResult r = SourceCopy::copy(o);
    QVERIFY(!r.ok);
    QCOMPARE(r.files, 0);
    QVERIFY(!QFile::exists(parent.path() + "/x/a.txt"));
}

QTEST_GUILESS_MAIN(TestSourceCopy)
#include "tst_sourcecopy.moc"
