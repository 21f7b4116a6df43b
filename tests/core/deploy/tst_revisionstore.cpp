#include "deploy/revisionextractor.h"
#include "deploy/revisionstore.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace pw;

namespace {

enum class Kind { File, Dir, Symlink, Hardlink, CharDevice };

struct Entry {
    QString name;
    Kind kind = Kind::File;
    QByteArray data;  // file contents, or link target
    int perm = 0644;
};

enum class Format { Zip, Tar, Tgz };

// Crafts archives with libarchive's writer, including entries no honest tool would write.
void writeArchive(const QString& path, Format format, const QList<Entry>& entries) {
    std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
    if (format == Format::Zip)
        archive_write_set_format_zip(a.get());
    else
        archive_write_set_format_pax_restricted(a.get());
    if (format == Format::Tgz)
        archive_write_add_filter_gzip(a.get());
    QVERIFY(archive_write_open_filename(a.get(), QFile::encodeName(path).constData()) ==
            ARCHIVE_OK);
    for (const Entry& e : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.name.toUtf8().constData());
        archive_entry_set_perm(entry, e.perm);
        switch (e.kind) {
            case Kind::File:
                archive_entry_set_filetype(entry, AE_IFREG);
                archive_entry_set_size(entry, e.data.size());
                break;
            case Kind::Dir:
                archive_entry_set_filetype(entry, AE_IFDIR);
                break;
            case Kind::Symlink:
                archive_entry_set_filetype(entry, AE_IFLNK);
                archive_entry_set_symlink(entry, e.data.constData());
                break;
            case Kind::Hardlink:
                archive_entry_set_filetype(entry, AE_IFREG);
                archive_entry_set_hardlink(entry, e.data.constData());
                break;
            case Kind::CharDevice:
                archive_entry_set_filetype(entry, AE_IFCHR);
                archive_entry_set_rdev(entry, 0x0103);
                break;
        }
        QVERIFY(archive_write_header(a.get(), entry) == ARCHIVE_OK);
        if (e.kind == Kind::File)
            archive_write_data(a.get(), e.data.constData(), size_t(e.data.size()));
        archive_entry_free(entry);
    }
    QVERIFY(archive_write_close(a.get()) == ARCHIVE_OK);
}

const QList<Entry> kApp = {
    {QStringLiteral("appspec.yml"), Kind::File, "version: 0.0\nos: linux\n"},
    {QStringLiteral("scripts"), Kind::Dir, {}, 0755},
    {QStringLiteral("scripts/start.sh"), Kind::File, "#!/bin/sh\necho start\n", 0755},
    {QStringLiteral("html"), Kind::Dir, {}, 0755},
    {QStringLiteral("html/index.html"), Kind::File, "<h1>v1</h1>\n"},
};

void writeFolder(const QString& root, const QList<Entry>& entries) {
    for (const Entry& e : entries) {
        const QString path = root + u'/' + e.name;
        if (e.kind == Kind::Dir) {
            QVERIFY(QDir().mkpath(path));
        } else if (e.kind == Kind::Symlink) {
            QVERIFY(::symlink(e.data.constData(), QFile::encodeName(path).constData()) == 0);
        } else {
            QDir().mkpath(QFileInfo(path).path());
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(e.data);
            f.close();
            QFile::setPermissions(path, e.perm == 0755 ? QFile::ReadOwner | QFile::WriteOwner |
                                                             QFile::ExeOwner | QFile::ReadGroup |
                                                             QFile::ExeGroup | QFile::ReadOther |
                                                             QFile::ExeOther
                                                       : QFile::ReadOwner | QFile::WriteOwner |
                                                             QFile::ReadGroup | QFile::ReadOther);
        }
    }
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestRevisionStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_state;
    int m_counter = 0;

    QString fresh(const QString& what) {
        return m_tmp.filePath(what + QString::number(++m_counter));
    }

    // Imports an archive that must be refused, and checks nothing leaked anywhere.
    void expectRefused(Format format, const QList<Entry>& entries, const QString& reason) {
        const QString path = fresh(QStringLiteral("evil")) + QStringLiteral(".bin");
        writeArchive(path, format, entries);
        RevisionStore store(m_state);
        const QStringList before = store.revisionIds();
        const RevisionImport result = store.import(path);
        QVERIFY2(!result.revision, qPrintable(reason));
        QVERIFY2(result.error.contains(reason), qPrintable(result.error));
        QCOMPARE(store.revisionIds(), before);
        QDir revisions(m_state + QStringLiteral("/revisions"));
        QVERIFY(revisions.entryList({QStringLiteral(".incoming-*")}, QDir::Dirs | QDir::Hidden)
                    .isEmpty());
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("pwned"))));
        QVERIFY(!QFileInfo::exists(m_state + QStringLiteral("/pwned")));
    }

private slots:
    void init() { m_state = fresh(QStringLiteral("state")); }

    void importFolder() {
        const QString src = fresh(QStringLiteral("src"));
        writeFolder(src, kApp + QList<Entry>{{QStringLiteral("current"), Kind::Symlink, "html"}});
        RevisionStore store(m_state);
        const RevisionImport result = store.import(src);
        QVERIFY2(result.revision, qPrintable(result.error));
        QCOMPARE(result.revision->id.size(), 64);
        QVERIFY(store.contains(result.revision->id));
        const QString path = result.revision->path;
        QCOMPARE(readAll(path + QStringLiteral("/html/index.html")), QByteArray("<h1>v1</h1>\n"));
        QVERIFY(QFileInfo(path + QStringLiteral("/scripts/start.sh")).isExecutable());
        QVERIFY(QFileInfo(path + QStringLiteral("/current")).isSymLink());
        QCOMPARE(RevisionExtractor::linkText(path + QStringLiteral("/current")),
                 QStringLiteral("html"));
    }

    // The id is the content: the same tree as folder, zip, tar and tgz is one revision.
    void sameContentSameIdInEveryFormat() {
        RevisionStore store(m_state);
        const QString src = fresh(QStringLiteral("src"));
        writeFolder(src, kApp);
        const QString id = store.import(src).revision->id;
        for (Format f : {Format::Zip, Format::Tar, Format::Tgz}) {
            const QString path = fresh(QStringLiteral("bundle"));
            writeArchive(path, f, kApp);
            const RevisionImport result = store.import(path);
            QVERIFY2(result.revision, qPrintable(result.error));
            QCOMPARE(result.revision->id, id);
            QVERIFY(QFileInfo(result.revision->path + QStringLiteral("/scripts/start.sh"))
                        .isExecutable());
        }
        QCOMPARE(store.revisionIds(), QStringList{id});
        QList<Entry> changed = kApp;
        changed.last().data = "<h1>v2</h1>\n";
        const QString v2 = fresh(QStringLiteral("bundle"));
        writeArchive(v2, Format::Zip, changed);
        QVERIFY(store.import(v2).revision->id != id);
    }

    void refusesZipSlip() {
        expectRefused(Format::Zip, {{QStringLiteral("../pwned"), Kind::File, "x"}}, "'..'");
        expectRefused(Format::Zip, {{QStringLiteral("a/../../pwned"), Kind::File, "x"}}, "'..'");
        expectRefused(Format::Zip, {{QStringLiteral("..\\pwned"), Kind::File, "x"}}, "'..'");
        expectRefused(Format::Tar, {{m_tmp.filePath(QStringLiteral("pwned")), Kind::File, "x"}},
                      "absolute");
    }

    void refusesEscapingSymlinks() {
        expectRefused(Format::Tar, {{QStringLiteral("etc"), Kind::Symlink, "/etc"}}, "absolute");
        expectRefused(Format::Tgz, {{QStringLiteral("up"), Kind::Symlink, "../.."}}, "outside");
        expectRefused(Format::Zip, {{QStringLiteral("d/up"), Kind::Symlink, "../../x"}}, "outside");
        // Each link alone stays inside; together they escape: only resolution on disk sees it.
        expectRefused(Format::Tar,
                      {{QStringLiteral("a"), Kind::Symlink, "."},
                       {QStringLiteral("d1"), Kind::Dir, {}, 0755},
                       {QStringLiteral("d1/y"), Kind::Symlink, "../a/.."}},
                      "outside");
        // Writing through a link that leads out of the root.
        expectRefused(Format::Tar,
                      {{QStringLiteral("a"), Kind::Symlink, "."},
                       {QStringLiteral("d1"), Kind::Dir, {}, 0755},
                       {QStringLiteral("d1/y"), Kind::Symlink, "../a/.."},
                       {QStringLiteral("d1/y/pwned"), Kind::File, "x"}},
                      "outside");
    }

    void refusesEscapingHardlinks() {
        expectRefused(Format::Tar, {{QStringLiteral("passwd"), Kind::Hardlink, "/etc/passwd"}},
                      "absolute");
        expectRefused(Format::Tar, {{QStringLiteral("x"), Kind::Hardlink, "../outside"}}, "'..'");
    }

    void refusesDevices() {
        expectRefused(Format::Tar, {{QStringLiteral("dev"), Kind::CharDevice}},
                      "not a file, folder or link");
    }

    void acceptsHardlinkInside() {
        const QString path = fresh(QStringLiteral("ok")) + QStringLiteral(".tar");
        writeArchive(path, Format::Tar,
                     {{QStringLiteral("a.txt"), Kind::File, "same"},
                      {QStringLiteral("b.txt"), Kind::Hardlink, "a.txt"}});
        RevisionStore store(m_state);
        const RevisionImport result = store.import(path);
        QVERIFY2(result.revision, qPrintable(result.error));
        QCOMPARE(readAll(result.revision->path + QStringLiteral("/b.txt")), QByteArray("same"));
    }

    void refusesFolderWithEscapingLink() {
        const QString src = fresh(QStringLiteral("src"));
        writeFolder(src, kApp + QList<Entry>{{QStringLiteral("html/etc"), Kind::Symlink, "/etc"}});
        RevisionStore store(m_state);
        const RevisionImport result = store.import(src);
        QVERIFY(!result.revision);
        QVERIFY(result.error.contains(QStringLiteral("absolute")));
    }

    void missingSourceAndGarbage() {
        RevisionStore store(m_state);
        QVERIFY(store.import(m_tmp.filePath(QStringLiteral("nope")))
                    .error.contains(QStringLiteral("does not exist")));
        const QString junk = fresh(QStringLiteral("junk"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an archive at all");
        f.close();
        QVERIFY(!store.import(junk).revision);
    }

    void historyAndPrune() {
        RevisionStore store(m_state);
        QStringList ids;
        for (int i = 1; i <= 7; ++i) {
            QList<Entry> entries = kApp;
            entries.last().data = QByteArray("<h1>v") + QByteArray::number(i) + "</h1>";
            const QString path = fresh(QStringLiteral("rev")) + QStringLiteral(".zip");
            writeArchive(path, Format::Zip, entries);
            ids.append(store.import(path).revision->id);
            // Only v2 ever succeeded.
            const RevisionRecord r{ids.last(), QStringLiteral("d-%1").arg(i), i == 2,
                                   QDateTime::currentDateTimeUtc()};
            QCOMPARE(store.record(QStringLiteral("web"), r), QString());
        }
        // v7 is also used by another group that keeps it.
        QCOMPARE(store.record(QStringLiteral("api"),
                              {ids.at(0), "d-api", true, QDateTime::currentDateTimeUtc()}),
                 QString());
        QCOMPARE(store.lastSuccessful(QStringLiteral("web")), ids.at(1));
        QCOMPARE(store.kept(QStringLiteral("web"), 3),
                 (QStringList{ids.at(6), ids.at(5), ids.at(4), ids.at(1)}));

        const QStringList removed = store.prune(QStringLiteral("web"), 3);
        QCOMPARE(QSet<QString>(removed.begin(), removed.end()),
                 (QSet<QString>{ids.at(2), ids.at(3)}));
        QVERIFY(store.contains(ids.at(0)));  // kept by "api"
        QVERIFY(store.contains(ids.at(1)));  // web's last successful
        QVERIFY(!store.contains(ids.at(2)));

        RevisionStore reopened(m_state);
        QCOMPARE(reopened.history(QStringLiteral("web")).size(), 7);
        QCOMPARE(reopened.history(QStringLiteral("web")).at(3).deploymentId, QStringLiteral("d-4"));
        QVERIFY(!reopened.history(QStringLiteral("web")).at(0).succeeded);
        QVERIFY(reopened.prune(QStringLiteral("web"), 3).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRevisionStore)
#include "tst_revisionstore.moc"
