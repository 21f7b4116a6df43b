#include "deploy/installer.h"
#include "spec/appspec.h"
#include "yaml/yamldocument.h"

#include <sys/stat.h>
#include <unistd.h>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace pw;

namespace {

const QByteArray kHeader = "version: 0.0\nos: linux\n";

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

int modeOf(const QString& path) {
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

}  // namespace

class TestInstaller : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_revision;
    QString m_root;
    QString m_instructions;

    void write(const QString& path, const QByteArray& data) {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    // A file in the revision.
    void source(const QString& name, const QByteArray& data = "x") {
        write(m_revision + u'/' + name, data);
    }
    // A file on the sandboxed instance, at its instance path.
    void onInstance(const QString& path, const QByteArray& data) { write(m_root + path, data); }
    QString real(const QString& path) const { return m_root + path; }

    // Writes appspec.yml into the revision (the installer reads file_exists_behavior there)
    // and returns its model.
    Appspec appspec(const QByteArray& body) {
        const QByteArray text = kHeader + body;
        write(m_revision + QStringLiteral("/appspec.yml"), text);
        return parseAppspec(YamlDocument::load(text, QStringLiteral("appspec.yml"))).spec;
    }

    InstallRequest request(const QString& behavior = QStringLiteral("DISALLOW")) const {
        InstallRequest r;
        r.revisionDir = m_revision;
        r.instanceRoot = m_root;
        r.instructionsDir = m_instructions;
        r.deploymentGroupId = QStringLiteral("dg-1");
        r.fileExistsBehavior = behavior;
        return r;
    }

    QStringList cleanupLines() const {
        const QByteArray text = readAll(m_instructions + QStringLiteral("/dg-1-cleanup"));
        return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void init() {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_revision = m_tmp->filePath(QStringLiteral("revision"));
        m_root = m_tmp->filePath(QStringLiteral("instance"));
        m_instructions = m_tmp->filePath(QStringLiteral("instructions"));
        QDir().mkpath(m_revision);
    }

    // A file source lands at destination/<basename>; missing ancestors are made and recorded.
    void fileSourceGoesUnderDestination() {
        source(QStringLiteral("config/app.conf"), "conf");
        const Appspec spec =
            appspec("files:\n  - source: config/app.conf\n    destination: /etc/myapp\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(readAll(real(QStringLiteral("/etc/myapp/app.conf"))), QByteArray("conf"));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/etc/myapp/config"))));
        const QStringList expected = {QStringLiteral("/etc"), QStringLiteral("/etc/myapp"),
                                      QStringLiteral("/etc/myapp/app.conf")};
        QCOMPARE(cleanupLines(), expected);
        QCOMPARE(r.installed, expected);
    }

    // A folder source: its contents, dotfiles and subfolders included, go into destination.
    void directorySourceCopiesContentsWithDotfiles() {
        source(QStringLiteral("html/index.html"), "<h1>");
        source(QStringLiteral("html/.htaccess"), "deny");
        source(QStringLiteral("html/css/site.css"), "body{}");
        source(QStringLiteral("html/cgi/run.cgi"), "#!/bin/sh");
        const QString cgi = m_revision + QStringLiteral("/html/cgi/run.cgi");
        QVERIFY(::chmod(QFile::encodeName(cgi).constData(), 0751) == 0);
        const QDateTime stamp = QDateTime::fromSecsSinceEpoch(1'600'000'000, Qt::UTC);
        {
            QFile file(cgi);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(stamp, QFileDevice::FileModificationTime));
        }
        const Appspec spec = appspec("files:\n  - source: html\n    destination: /var/www/html\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/index.html"))), QByteArray("<h1>"));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/.htaccess"))), QByteArray("deny"));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/css/site.css"))), QByteArray("body{}"));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/var/www/html/html"))));
        // :preserve => true: mode bits and modification time come along.
        QCOMPARE(modeOf(real(QStringLiteral("/var/www/html/cgi/run.cgi"))), 0751);
        QCOMPARE(QFileInfo(real(QStringLiteral("/var/www/html/cgi/run.cgi"))).lastModified(),
                 stamp);
        QVERIFY(cleanupLines().contains(QStringLiteral("/var/www/html/.htaccess")));
        QVERIFY(cleanupLines().contains(QStringLiteral("/var/www/html/css")));
    }

    // "/" is the whole revision, appspec.yml included.
    void slashSourceIsWholeRevision() {
        source(QStringLiteral("app.py"), "print()");
        source(QStringLiteral("lib/util.py"), "pass");
        const Appspec spec = appspec("files:\n  - source: /\n    destination: /opt/app\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(readAll(real(QStringLiteral("/opt/app/app.py"))), QByteArray("print()"));
        QCOMPARE(readAll(real(QStringLiteral("/opt/app/lib/util.py"))), QByteArray("pass"));
        QVERIFY(QFileInfo::exists(real(QStringLiteral("/opt/app/appspec.yml"))));
    }

    // TC4: a foreign file fails DISALLOW with the agent's message; the previous install's
    // files are already gone and nothing new is copied.
    void disallowForeignFileFails() {
        source(QStringLiteral("html/index.html"), "v1");
        source(QStringLiteral("html/about.html"), "v1");
        const Appspec spec = appspec("files:\n  - source: html\n    destination: /var/www/html\n");
        QVERIFY(Installer::install(spec, request()).ok);
        onInstance(QStringLiteral("/var/www/html/zz-foreign.html"), "hand made");
        QFile::remove(m_revision + QStringLiteral("/html/about.html"));
        source(QStringLiteral("html/zz-foreign.html"), "v2");
        source(QStringLiteral("html/new.html"), "v2");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY(!r.ok);
        QCOMPARE(r.message, QStringLiteral("The deployment failed because a specified file already "
                                           "exists at this location: "
                                           "/var/www/html/zz-foreign.html"));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/var/www/html/index.html"))));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/var/www/html/about.html"))));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/var/www/html/new.html"))));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/zz-foreign.html"))),
                 QByteArray("hand made"));
        QVERIFY(!QFileInfo::exists(m_instructions + QStringLiteral("/dg-1-cleanup")));
    }

    // (a): files of this group's previous Install are removed first, so they never trip it.
    void disallowIgnoresPreviousInstall() {
        source(QStringLiteral("html/index.html"), "v1");
        const Appspec spec = appspec("files:\n  - source: html\n    destination: /var/www/html\n");
        QVERIFY(Installer::install(spec, request()).ok);
        source(QStringLiteral("html/index.html"), "v2");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/index.html"))), QByteArray("v2"));
        // Another group's files are foreign to this one (d).
        InstallRequest other = request();
        other.deploymentGroupId = QStringLiteral("dg-2");
        QVERIFY(!Installer::install(spec, other).ok);
    }

    void overwriteReplacesAndManages() {
        source(QStringLiteral("html/index.html"), "new");
        onInstance(QStringLiteral("/var/www/html/index.html"), "old");
        const Appspec spec = appspec(
            "files:\n  - source: html\n    destination: /var/www/html\n"
            "file_exists_behavior: OVERWRITE\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/index.html"))), QByteArray("new"));
        QVERIFY(cleanupLines().contains(QStringLiteral("/var/www/html/index.html")));
    }

    // (c): a retained file is neither copied nor written to the cleanup file.
    void retainKeepsFileOutOfCleanup() {
        source(QStringLiteral("html/index.html"), "new");
        source(QStringLiteral("html/other.html"), "new");
        onInstance(QStringLiteral("/var/www/html/index.html"), "old");
        const Appspec spec = appspec(
            "files:\n  - source: html\n    destination: /var/www/html\n"
            "file_exists_behavior: RETAIN\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/index.html"))), QByteArray("old"));
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/other.html"))), QByteArray("new"));
        QCOMPARE(cleanupLines(), QStringList{QStringLiteral("/var/www/html/other.html")});
        Installer::cleanup(request());
        QVERIFY(QFileInfo::exists(real(QStringLiteral("/var/www/html/index.html"))));
    }

    void appspecBehaviorWinsOverRequest_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<bool>("ok");
        QTest::newRow("explicit DISALLOW beats OVERWRITE") << QByteArray(
                                                                  "file_exists_behavior: "
                                                                  "DISALLOW\n")
                                                           << "OVERWRITE" << false;
        QTest::newRow("OVERWRITE beats DISALLOW")
            << QByteArray("file_exists_behavior: OVERWRITE\n") << "DISALLOW" << true;
        QTest::newRow("unset: request's overwrite, upper-cased")
            << QByteArray() << "overwrite" << true;
        QTest::newRow("unset: request's DISALLOW") << QByteArray() << "DISALLOW" << false;
    }
    void appspecBehaviorWinsOverRequest() {
        QFETCH(QByteArray, line);
        QFETCH(QString, requested);
        QFETCH(bool, ok);
        source(QStringLiteral("html/index.html"), "new");
        onInstance(QStringLiteral("/var/www/html/index.html"), "old");
        const Appspec spec =
            appspec("files:\n  - source: html\n    destination: /var/www/html\n" + line);
        const InstallResult r = Installer::install(spec, request(requested));
        QCOMPARE(r.ok, ok);
        QCOMPARE(readAll(real(QStringLiteral("/var/www/html/index.html"))),
                 ok ? QByteArray("new") : QByteArray("old"));
    }

    // Row 24: a bad API value only matters once a destination exists.
    void invalidRequestBehaviorOnlyWhenExisting() {
        source(QStringLiteral("html/index.html"));
        const Appspec spec = appspec("files:\n  - source: html\n    destination: /var/www/html\n");
        QVERIFY(Installer::install(spec, request(QStringLiteral("REPLACE"))).ok);
        Installer::cleanup(request());
        onInstance(QStringLiteral("/var/www/html/index.html"), "old");
        const InstallResult r = Installer::install(spec, request(QStringLiteral("REPLACE")));
        QVERIFY(!r.ok);
        QCOMPARE(r.message, QStringLiteral("The deployment failed because an invalid option was "
                                           "specified for fileExistsBehavior: REPLACE. Valid "
                                           "options include OVERWRITE, RETAIN, and DISALLOW."));
    }

    // Row 25: two folder sources holding the same name.
    void twoSourcesSameDestination() {
        source(QStringLiteral("a/index.html"), "a");
        source(QStringLiteral("b/index.html"), "b");
        const Appspec spec = appspec(
            "files:\n  - source: a\n    destination: /srv\n"
            "  - source: b\n    destination: /srv\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY(!r.ok);
        const QString revision = QFileInfo(m_revision).canonicalFilePath();
        QCOMPARE(r.message,
                 QStringLiteral("The deployment failed because the application specification "
                                "file specifies two source files named %1/b/index.html and "
                                "%1/a/index.html for the same destination (/srv/index.html). "
                                "Remove one of the source file paths from the AppSpec file, and "
                                "then try again.")
                     .arg(revision));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/srv/index.html"))));
    }

    void missingSourceIsClearError() {
        source(QStringLiteral("present.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: present.txt\n    destination: /opt\n"
            "  - source: adihealthdev/\n    destination: /opt\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QLatin1String("adihealthdev/ does not exist in the revision")),
                 qPrintable(r.message));
        QVERIFY(r.message.contains(QLatin1String("No such file or directory")));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/opt/present.txt"))));
    }

    // Symlinks are recreated with their unresolved target, never followed.
    void symlinkKeptAsSymlink() {
        source(QStringLiteral("app/real.txt"), "data");
        QVERIFY(QFile::link(QStringLiteral("real.txt"), m_revision + QStringLiteral("/app/link")));
        QDir().mkpath(m_revision + QStringLiteral("/app/sub"));
        QVERIFY(QFile::link(QStringLiteral("sub"), m_revision + QStringLiteral("/app/dirlink")));
        const Appspec spec = appspec("files:\n  - source: app\n    destination: /opt/app\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        for (const char* name : {"/opt/app/link", "/opt/app/dirlink"}) {
            const QFileInfo link(real(QLatin1String(name)));
            QVERIFY(link.isSymLink());
        }
        QCOMPARE(QFile::symLinkTarget(real(QStringLiteral("/opt/app/link"))),
                 real(QStringLiteral("/opt/app/real.txt")));
        QCOMPARE(readAll(real(QStringLiteral("/opt/app/link"))), QByteArray("data"));
        QVERIFY(cleanupLines().contains(QStringLiteral("/opt/app/dirlink")));
    }

    // A FIFO would block a naive copy; it fails the Install instead, what came before stays
    // listed for the next cleanup.
    void specialFileFailsCopy() {
        source(QStringLiteral("app/a.txt"));
        const QString fifo = m_revision + QStringLiteral("/app/pipe");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
        const InstallResult r = Installer::install(
            appspec("files:\n  - source: app\n    destination: /opt/app\n"), request());
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QLatin1String("/opt/app/pipe failed: not a regular file")),
                 qPrintable(r.message));
        QVERIFY(cleanupLines().contains(QStringLiteral("/opt/app/a.txt")));
    }

    void sandboxEscapeRefused_data() {
        QTest::addColumn<QByteArray>("files");
        QTest::newRow("destination climbs out")
            << QByteArray("files:\n  - source: a.txt\n    destination: /var/../../escaped\n");
        QTest::newRow("relative destination")
            << QByteArray("files:\n  - source: a.txt\n    destination: ../escaped\n");
        QTest::newRow("source climbs out of the revision")
            << QByteArray("files:\n  - source: ../../escaped\n    destination: /opt\n");
    }
    void sandboxEscapeRefused() {
        QFETCH(QByteArray, files);
        source(QStringLiteral("a.txt"));
        const InstallResult r = Installer::install(appspec(files), request());
        QVERIFY(!r.ok);
        QVERIFY(!r.message.isEmpty());
        QVERIFY(!QFileInfo::exists(m_tmp->filePath(QStringLiteral("escaped"))));
        QVERIFY(QDir(m_root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot));
    }

    // A symlink on the instance pointing out of it is not written through.
    void symlinkOnInstanceNotWrittenThrough() {
        const QString outside = m_tmp->filePath(QStringLiteral("outside"));
        QDir().mkpath(outside);
        QDir().mkpath(real(QStringLiteral("/opt")));
        QVERIFY(QFile::link(outside, real(QStringLiteral("/opt/app"))));
        source(QStringLiteral("a.txt"));
        const InstallResult r = Installer::install(
            appspec("files:\n  - source: a.txt\n    destination: /opt/app\n"), request());
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QLatin1String("outside the instance root")),
                 qPrintable(r.message));
        QVERIFY(!QFileInfo::exists(outside + QStringLiteral("/a.txt")));
    }

    // `**` reaches every depth; another pattern only immediate children; except excludes;
    // type picks files or folders; the object itself is never changed.
    void permissionPatternExceptType() {
        source(QStringLiteral("app/run.sh"));
        source(QStringLiteral("app/notes.txt"));
        source(QStringLiteral("app/skip.sh"));
        source(QStringLiteral("app/bin/deep.sh"));
        const Appspec spec = appspec(
            "files:\n  - source: app\n    destination: /opt/app\n"
            "permissions:\n"
            "  - object: /opt/app\n    pattern: \"*.sh\"\n    except: [skip.sh]\n"
            "    mode: 750\n    type: [file]\n"
            "  - object: /opt/app\n    pattern: \"**\"\n    mode: 711\n    type: [directory]\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(modeOf(real(QStringLiteral("/opt/app/run.sh"))), 0750);
        QVERIFY(modeOf(real(QStringLiteral("/opt/app/skip.sh"))) != 0750);
        QVERIFY(modeOf(real(QStringLiteral("/opt/app/notes.txt"))) != 0750);
        QVERIFY(modeOf(real(QStringLiteral("/opt/app/bin/deep.sh"))) != 0750);
        QCOMPARE(modeOf(real(QStringLiteral("/opt/app/bin"))), 0711);
        QVERIFY(modeOf(real(QStringLiteral("/opt/app"))) != 0711);
        QVERIFY(modeOf(real(QStringLiteral("/opt"))) != 0711);
    }

    // With the default "**", type [file] applies at every depth (DERIVED, §1.1.4).
    void starStarFilesAtEveryDepth() {
        source(QStringLiteral("app/a.txt"));
        source(QStringLiteral("app/x/y/b.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: app\n    destination: /opt/app\n"
            "permissions:\n  - object: /opt/app\n    mode: 600\n"
            "    type: [file]\n");
        QVERIFY(Installer::install(spec, request()).ok);
        QCOMPARE(modeOf(real(QStringLiteral("/opt/app/a.txt"))), 0600);
        QCOMPARE(modeOf(real(QStringLiteral("/opt/app/x/y/b.txt"))), 0600);
        QVERIFY(modeOf(real(QStringLiteral("/opt/app/x"))) != 0600);
    }

    void modeSpellings_data() {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<int>("expected");
        QTest::newRow("644") << QByteArray("644") << 0644;
        QTest::newRow("\"0644\"") << QByteArray("\"0644\"") << 0644;
        QTest::newRow("\"4755\" setuid") << QByteArray("\"4755\"") << 04755;
        QTest::newRow("44 padded") << QByteArray("44") << 0044;
    }
    void modeSpellings() {
        QFETCH(QByteArray, mode);
        QFETCH(int, expected);
        source(QStringLiteral("tool"));
        const Appspec spec = appspec(
            "files:\n  - source: tool\n    destination: /usr/bin\n"
            "permissions:\n  - object: /usr/bin/tool\n    mode: " +
            mode + "\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(modeOf(real(QStringLiteral("/usr/bin/tool"))), expected);
    }

    // All copies first, then per object chmod, setfacl, semanage, chown (set_permissions).
    void permissionCommandOrder() {
        source(QStringLiteral("app/a.txt"));
        source(QStringLiteral("app/b.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: app\n    destination: /opt/app\n"
            "permissions:\n  - object: /opt/app\n    mode: 640\n    owner: root\n"
            "    context:\n      type: httpd_sys_content_t\n    type: [file]\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        const QStringList lines = r.log.split(u'\n');
        auto at = [&](const QString& prefix) {
            for (qsizetype i = 0; i < lines.size(); ++i)
                if (lines[i].startsWith(prefix))
                    return i;
            return qsizetype(-1);
        };
        const qsizetype lastCopy =
            at(QStringLiteral("copy ") + QFileInfo(m_revision).canonicalFilePath() +
               QStringLiteral("/app/b.txt"));
        const qsizetype chmod = at(QStringLiteral("chmod 640 /opt/app/a.txt"));
        const qsizetype context = at(QStringLiteral("semanage skipped for /opt/app/a.txt"));
        const qsizetype chown = at(QStringLiteral("chown root: /opt/app/a.txt"));
        QVERIFY2(lastCopy >= 0 && chmod > lastCopy && context > chmod && chown > context,
                 qPrintable(r.log));
        const QJsonArray instructions =
            QJsonDocument::fromJson(readAll(m_instructions + QStringLiteral("/dg-1-install.json")))
                .object()
                .value(QStringLiteral("instructions"))
                .toArray();
        QStringList types;
        for (const QJsonValue& v : instructions)
            types << v.toObject().value(QStringLiteral("type")).toString();
        QCOMPARE(types.join(u','), QStringLiteral("mkdir,mkdir,copy,copy,chmod,semanage,chown,"
                                                  "chmod,semanage,chown"));
    }

    // Owner/group: applied as root, a note otherwise; an unknown user fails like Etc.getpwnam.
    void ownerNeedsRoot() {
        source(QStringLiteral("f.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: f.txt\n    destination: /srv\n"
            "permissions:\n  - object: /srv/f.txt\n    owner: nobody\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY2(r.ok, qPrintable(r.message));
        if (::geteuid() == 0)
            QVERIFY(QFileInfo(real(QStringLiteral("/srv/f.txt"))).ownerId() != 0);
        else
            QVERIFY(r.log.contains(QLatin1String("skipped: not running as root")));
        Installer::cleanup(request());
        const Appspec unknown = appspec(
            "files:\n  - source: f.txt\n    destination: /srv\n"
            "permissions:\n  - object: /srv/f.txt\n"
            "    owner: no-such-user-pw\n");
        const InstallResult u = Installer::install(unknown, request());
        QCOMPARE(u.ok, ::geteuid() != 0);
        if (::geteuid() == 0)
            QCOMPARE(u.message, QStringLiteral("can't find user for no-such-user-pw"));
    }

    // Row 28: one target reached by two permission entries.
    void permissionTargetTwice() {
        source(QStringLiteral("app/sub/f.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: app\n    destination: /opt/app\n"
            "permissions:\n  - object: /opt/app\n    mode: 644\n"
            "  - object: /opt/app/sub\n    mode: 600\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY(!r.ok);
        QCOMPARE(r.message, QStringLiteral("The deployment failed because the permissions setting "
                                           "for (/opt/app/sub/f.txt) is specified more than once "
                                           "in the application specification file. Update the "
                                           "files section of the AppSpec file, and then try "
                                           "again."));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/opt/app/sub/f.txt"))));
    }

    // Row 20: a file object with a pattern other than "**".
    void filePermissionWithPattern() {
        source(QStringLiteral("f.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: f.txt\n    destination: /srv\n"
            "permissions:\n  - object: /srv/f.txt\n    pattern: \"*.txt\"\n    mode: 600\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY(!r.ok);
        QVERIFY(r.message.startsWith(QLatin1String(
            "The deployment failed because the application specification file includes an object "
            "(/srv/f.txt) with an invalid pattern (*.txt)")));
    }

    // Without setfacl the Install fails like the agent's system() call (row 29).
    void aclWithoutSetfaclFails() {
        source(QStringLiteral("f.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: f.txt\n    destination: /srv\n"
            "permissions:\n  - object: /srv/f.txt\n    mode: 640\n"
            "    acls: [u:nobody:rw]\n");
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", m_tmp->filePath(QStringLiteral("empty-bin")).toLocal8Bit());
        const InstallResult r = Installer::install(spec, request());
        qputenv("PATH", path);
        QVERIFY(!r.ok);
        QCOMPARE(r.message,
                 QStringLiteral("The deployment failed because of a problem with the acls "
                                "permission settings in the application specification file for "
                                "this object: /srv/f.txt. Failed command: setfacl --set "
                                "user:nobody:rw,user::6,group::4,other::0,mask::4 /srv/f.txt. "
                                "Exit code: exit 127"));
        QCOMPARE(readAll(real(QStringLiteral("/srv/f.txt"))), QByteArray("x"));
    }

    // get_full_acl: base entries from the mode, a mask for named entries, default base
    // entries when a default is given. Read from the failure message with setfacl hidden.
    void fullAclFromMode_data() {
        QTest::addColumn<QByteArray>("permission");
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("acl");
        QTest::newRow("named user on a file")
            << QByteArray("  - object: /opt/app/f.txt\n    mode: 640\n    acls: [u:nobody:rw]\n")
            << "/opt/app/f.txt"
            << "user:nobody:rw,user::6,group::4,other::0,mask::4";
        QTest::newRow("given mask kept") << QByteArray(
                                                "  - object: /opt/app/f.txt\n    mode: 600\n"
                                                "    acls: [\"g:nogroup:r\", \"m::rw\"]\n")
                                         << "/opt/app/f.txt"
                                         << "group:nogroup:r,mask::rw,user::6,group::0,other::0";
        QTest::newRow("default on a folder")
            << QByteArray(
                   "  - object: /opt/app\n    mode: 750\n    type: [directory]\n"
                   "    acls: [d:u:nobody:rx]\n")
            << "/opt/app/sub"
            << "default:user:nobody:rx,user::7,group::5,other::0,default:user::7,"
               "default:group::5,default:other::0,default:mask::5";
    }
    void fullAclFromMode() {
        QFETCH(QByteArray, permission);
        QFETCH(QString, object);
        QFETCH(QString, acl);
        source(QStringLiteral("app/f.txt"));
        source(QStringLiteral("app/sub/g.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: app\n    destination: /opt/app\n"
            "permissions:\n" +
            permission);
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", m_tmp->filePath(QStringLiteral("empty-bin")).toLocal8Bit());
        const InstallResult r = Installer::install(spec, request());
        qputenv("PATH", path);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(
                     QStringLiteral("Failed command: setfacl --set %1 %2. ").arg(acl, object)),
                 qPrintable(r.message));
    }

    // Row 22: a default ACL reaching a file through a folder object.
    void defaultAclOnFileFails() {
        source(QStringLiteral("app/f.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: app\n    destination: /opt/app\n"
            "permissions:\n  - object: /opt/app\n    type: [file]\n"
            "    acls: [d:u:nobody:rx]\n");
        const InstallResult r = Installer::install(spec, request());
        QVERIFY(!r.ok);
        QVERIFY(
            r.message.startsWith(QLatin1String("The deployment failed because the -d "
                                               "parameter has been specified")));
        QVERIFY(!QFileInfo::exists(real(QStringLiteral("/opt/app/f.txt"))));
    }

    // Rows 26 and 27: a file and a folder competing for one path.
    void fileAndFolderSamePath_data() {
        QTest::addColumn<QByteArray>("files");
        QTest::addColumn<QString>("start");
        QTest::newRow("mkdir onto a copy")
            << QByteArray(
                   "  - source: x/conf\n    destination: /opt\n"
                   "  - source: dir\n    destination: /opt/conf\n")
            << "The deployment failed because the application specification file includes an "
               "mkdir command more than once for the same destination path (/opt/conf)";
        QTest::newRow("copy onto a mkdir")
            << QByteArray(
                   "  - source: dir\n    destination: /opt/conf\n"
                   "  - source: x/conf\n    destination: /opt\n")
            << "The deployment failed because the application specification file calls for "
               "installing the file";
    }
    void fileAndFolderSamePath() {
        QFETCH(QByteArray, files);
        QFETCH(QString, start);
        source(QStringLiteral("x/conf"));
        source(QStringLiteral("dir/a.txt"));
        const InstallResult r = Installer::install(appspec("files:\n" + files), request());
        QVERIFY(!r.ok);
        QVERIFY2(r.message.startsWith(start), qPrintable(r.message));
    }

    // A host instance: destinations are this machine's paths, as written.
    void hostInstanceUsesRealPaths() {
        source(QStringLiteral("app/a.txt"), "host");
        const QString target = QFileInfo(m_tmp->path()).canonicalFilePath() + "/host/app";
        const Appspec spec =
            appspec("files:\n  - source: app\n    destination: " + target.toUtf8() + "\n");
        InstallRequest r = request();
        r.instanceRoot.clear();
        const InstallResult result = Installer::install(spec, r);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(readAll(target + "/a.txt"), QByteArray("host"));
        QVERIFY(cleanupLines().contains(target + "/a.txt"));
        QVERIFY(Installer::cleanup(r).contains(target + "/a.txt"));
        QVERIFY(!QFileInfo::exists(target + "/a.txt"));
    }

    void aclWithSetfacl() {
        if (QStandardPaths::findExecutable(QStringLiteral("setfacl")).isEmpty())
            QSKIP("setfacl is not installed (package acl)");
        source(QStringLiteral("f.txt"));
        const Appspec spec = appspec(
            "files:\n  - source: f.txt\n    destination: /srv\n"
            "permissions:\n  - object: /srv/f.txt\n    mode: 640\n"
            "    acls: [u:nobody:rw]\n");
        const InstallResult r = Installer::install(spec, request());
        if (!r.ok && r.message.contains(QLatin1String("Operation not supported")))
            QSKIP("the temp file system has no ACL support");
        QVERIFY2(r.ok, qPrintable(r.message + r.log));
        QVERIFY(r.log.contains(QLatin1String("setfacl --set user:nobody:rw,")));
        QProcess getfacl;
        getfacl.start(QStringLiteral("getfacl"), {real(QStringLiteral("/srv/f.txt"))});
        QVERIFY(getfacl.waitForFinished());
        QVERIFY(getfacl.readAllStandardOutput().contains("user:nobody:rw-"));
    }

    // cleanup(): files go, folders only when empty, an unfinished last line is ignored.
    void cleanupRemovesListedOnly() {
        source(QStringLiteral("html/index.html"));
        const Appspec spec = appspec("files:\n  - source: html\n    destination: /var/www/html\n");
        QVERIFY(Installer::install(spec, request()).ok);
        onInstance(QStringLiteral("/var/www/user.log"), "kept");
        QFile cleanup(m_instructions + QStringLiteral("/dg-1-cleanup"));
        QVERIFY(cleanup.open(QIODevice::Append));
        cleanup.write("/var/www/user.log");  // no newline: a write cut short
        cleanup.close();
        const QStringList removed = Installer::cleanup(request());
        QCOMPARE(removed, (QStringList{QStringLiteral("/var/www/html/index.html"),
                                       QStringLiteral("/var/www/html")}));
        QVERIFY(QFileInfo::exists(real(QStringLiteral("/var/www/user.log"))));
        QVERIFY(QFileInfo::exists(real(QStringLiteral("/var/www"))));
        QVERIFY(!cleanup.exists());
        QVERIFY(Installer::cleanup(request()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestInstaller)
#include "tst_installer.moc"
