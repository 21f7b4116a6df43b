// Old copied builds' folders are pruned: a project keeps its newest ones and any a running
// build holds; nothing else in builds/ is touched.
#include "engine/buildfolders.h"
#include "engine/buildrunner.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace pw;

namespace {

void writeFile(const QString& path, const QByteArray& text = "x") {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QStringList folders(const QString& builds) {
    QStringList names = QDir(builds).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

}  // namespace

class TestBuildFolders : public QObject {
    Q_OBJECT
private slots:
    void keepsTheNewestNumerically() {
        QTemporaryDir dir;
        const QString builds = dir.path() + "/builds";
        for (int n : {2, 3, 4, 5, 6, 7, 8, 9, 10})
            writeFile(QString("%1/app-%2/src/deep/file.txt").arg(builds).arg(n));
        // Not the project's: another project sharing the prefix, and other names.
        for (const char* other : {"app-web-1", "app-", "app-1x", "other-1", "app-+1"})
            QVERIFY(QDir().mkpath(builds + "/" + other));
        writeFile(dir.path() + "/outside.txt");
        QVERIFY(QFile::link(dir.path() + "/outside.txt", builds + "/app-2/src/link"));
        // A build made its output read-only, folders and all (root ignores the permissions, so
        // this only tells something when the tests run as a user).
        writeFile(builds + "/app-3/src/out/locked/file.bin");
        if (::geteuid() != 0) {
            for (const char* d : {"/app-3/src/out/locked", "/app-3/src/out"})
                QVERIFY(QFile::setPermissions(builds + d, QFile::ReadOwner | QFile::ExeOwner));
        }

        QCOMPARE(pruneBuildFolders(builds, "app", 5), 4);
        QCOMPARE(folders(builds), QStringList({"app-", "app-+1", "app-10", "app-1x", "app-6",
                                               "app-7", "app-8", "app-9", "app-web-1", "other-1"}));
        QVERIFY(QFile::exists(dir.path() + "/outside.txt"));  // a link is not followed
        QCOMPARE(pruneBuildFolders(builds, "app", 5), 0);
        QCOMPARE(pruneBuildFolders(dir.path() + "/missing", "app", 5), 0);
    }

    void aHeldFolderIsKept() {
        QTemporaryDir dir;
        const QString builds = dir.path() + "/builds";
        for (int n = 1; n <= 4; ++n)
            writeFile(QString("%1/app-%2/src/file.txt").arg(builds).arg(n));
        auto held = std::make_unique<HeldBuildFolder>(builds + "/app-1");
        QVERIFY(held->isHeld());
        QCOMPARE(pruneBuildFolders(builds, "app", 1), 2);  // 2 and 3; 1 is held
        QCOMPARE(folders(builds), QStringList({"app-1", "app-4"}));
        held.reset();
        QCOMPARE(pruneBuildFolders(builds, "app", 1), 1);
        QCOMPARE(folders(builds), QStringList({"app-4"}));
        // Holding creates the folder.
        HeldBuildFolder fresh(builds + "/app-5");
        QVERIFY(fresh.isHeld());
        QVERIFY(QFileInfo(builds + "/app-5").isDir());
    }

    // Copied builds prune their project's older folders while they run.
    void copiedBuildsPruneAsTheyGo() {
        QTemporaryDir dir;
        writeFile(dir.path() + "/buildspec.yml",
                  "version: 0.2\nphases:\n  build:\n    commands:\n      - echo built > out.txt\n");
        const QString state = dir.path() + "/.pipewright/state";
        for (int n = 1; n <= kKeptBuildFolders + 3; ++n) {
            BuildRequest request;
            request.sourceDirectory = dir.path();
            request.projectName = "demo";
            request.stateDirectory = state;
            request.buildNumber = n;
            BuildRunner runner(request);
            QEventLoop loop;
            connect(&runner, &BuildRunner::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            runner.start();
            if (runner.isRunning())
                loop.exec();
            QCOMPARE(runner.result().status, RunStatus::Succeeded);
            QVERIFY(QFile::exists(QString("%1/builds/demo-%2/src/out.txt").arg(state).arg(n)));
        }
        QTRY_COMPARE(folders(state + "/builds").size(), kKeptBuildFolders);
        QCOMPARE(folders(state + "/builds").first(), "demo-4");
        QVERIFY(!QFile::exists(dir.path() + "/out.txt"));  // the source stayed clean
    }
};

QTEST_GUILESS_MAIN(TestBuildFolders)
#include "tst_buildfolders.moc"
