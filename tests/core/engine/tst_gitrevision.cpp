// gitHeadRevision reads HEAD from the repository's files; every layout must give what
// `git rev-parse HEAD` gives, the usual ones with git out of reach, the rest through git.
#include "engine/gitrevision.h"
#include "support/gitrun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

QString git(const QString& dir, const QStringList& args) {
    return pwtest::runGit(dir, QStringList{"-c", "init.defaultBranch=main"} + args);
}

void commit(const QString& dir, const QByteArray& content) {
    QFile f(dir + "/file.txt");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    git(dir, {"add", "file.txt"});
    git(dir, {"commit", "-q", "-m", QString::fromUtf8(content)});
}

// With git out of reach: what the files alone give.
QString fromFilesOnly(const QString& dir) {
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "/nonexistent");
    const QString id = gitHeadRevision(dir);
    qputenv("PATH", path);
    return id;
}

}  // namespace

class TestGitRevision : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (git(QDir::tempPath(), {"--version"}).isEmpty())
            QSKIP("git is not installed");
    }

    void notARepositoryIsEmpty() {
        QTemporaryDir dir;
        QCOMPARE(gitHeadRevision(dir.path()), QString());
    }

    void branchWithoutCommitsIsEmpty() {
        QTemporaryDir dir;
        git(dir.path(), {"init", "-q"});
        QCOMPARE(gitHeadRevision(dir.path()), QString());
    }

    void looseBranchRef() {
        QTemporaryDir dir;
        git(dir.path(), {"init", "-q"});
        commit(dir.path(), "one");
        commit(dir.path(), "two");
        const QString expected = git(dir.path(), {"rev-parse", "HEAD"});
        QCOMPARE(expected.size(), 40);
        QCOMPARE(fromFilesOnly(dir.path()), expected);
    }

    void packedBranchRef() {
        QTemporaryDir dir;
        git(dir.path(), {"init", "-q"});
        commit(dir.path(), "one");
        git(dir.path(), {"pack-refs", "--all"});
        QVERIFY(!QFile::exists(dir.path() + "/.git/refs/heads/main"));
        QCOMPARE(fromFilesOnly(dir.path()), git(dir.path(), {"rev-parse", "HEAD"}));
    }

    void detachedHead() {
        QTemporaryDir dir;
        git(dir.path(), {"init", "-q"});
        commit(dir.path(), "one");
        const QString first = git(dir.path(), {"rev-parse", "HEAD"});
        commit(dir.path(), "two");
        git(dir.path(), {"checkout", "-q", first});
        QCOMPARE(fromFilesOnly(dir.path()), first);
    }

    void worktreeReadsTheCommonRefs() {
        QTemporaryDir dir;
        const QString main = dir.path() + "/main";
        QVERIFY(QDir().mkpath(main));
        git(main, {"init", "-q"});
        commit(main, "one");
        git(main, {"worktree", "add", "-q", "-b", "side", dir.path() + "/side"});
        commit(dir.path() + "/side", "on the side");
        const QString side = git(dir.path() + "/side", {"rev-parse", "HEAD"});
        QVERIFY(!side.isEmpty());
        QVERIFY(side != git(main, {"rev-parse", "HEAD"}));
        QCOMPARE(fromFilesOnly(dir.path() + "/side"), side);
    }

    // A ref that is itself symbolic is left to git, which still answers.
    void symbolicBranchRefAsksGit() {
        QTemporaryDir dir;
        git(dir.path(), {"init", "-q"});
        commit(dir.path(), "one");
        git(dir.path(), {"symbolic-ref", "refs/heads/alias", "refs/heads/main"});
        git(dir.path(), {"symbolic-ref", "HEAD", "refs/heads/alias"});
        QVERIFY(fromFilesOnly(dir.path()).isEmpty());
        QCOMPARE(gitHeadRevision(dir.path()), git(dir.path(), {"rev-parse", "HEAD"}));
        QVERIFY(!gitHeadRevision(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitRevision)
#include "tst_gitrevision.moc"
