#include "gitrevision.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <optional>

namespace pw {

namespace {

QByteArray readSmallFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(64 * 1024).trimmed();
}

bool isObjectId(const QByteArray& text) {
    if (text.size() != 40 && text.size() != 64)  // SHA-1 or SHA-256 repositories
        return false;
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// `.git` is the folder itself, or a file pointing at it (worktrees, submodules).
QString gitDirectory(const QString& top) {
    const QString dotGit = top + QStringLiteral("/.git");
    const QFileInfo info(dotGit);
    if (info.isDir())
        return dotGit;
    if (!info.isFile())
        return {};
    const QByteArray text = readSmallFile(dotGit);
    if (!text.startsWith("gitdir: "))
        return {};
    return QDir(top).absoluteFilePath(QString::fromUtf8(text.mid(8)));
}

// Refs live in the common folder; a worktree's own folder names it in `commondir`.
QString commonDirectory(const QString& gitDir) {
    const QByteArray common = readSmallFile(gitDir + QStringLiteral("/commondir"));
    return common.isEmpty() ? gitDir : QDir(gitDir).absoluteFilePath(QString::fromUtf8(common));
}

std::optional<QByteArray> packedRef(const QString& commonDir, const QByteArray& ref) {
    QFile f(commonDir + QStringLiteral("/packed-refs"));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const qsizetype space = line.indexOf(' ');
        if (space > 0 && line.mid(space + 1) == ref)
            return line.left(space);
    }
    return std::nullopt;
}

// What the files say, or nothing when git must be asked (a ref pointing at a ref, a
// reftable repository, a branch without commits, anything unexpected).
std::optional<QString> readHead(const QString& gitDir) {
    const QByteArray head = readSmallFile(gitDir + QStringLiteral("/HEAD"));
    if (isObjectId(head))
        return QString::fromLatin1(head);  // detached
    if (!head.startsWith("ref: refs/"))
        return std::nullopt;
    const QByteArray ref = head.mid(5);
    const QString commonDir = commonDirectory(gitDir);
    QByteArray id = readSmallFile(commonDir + u'/' + QString::fromUtf8(ref));
    if (id.isEmpty())
        id = packedRef(commonDir, ref).value_or(QByteArray());
    if (!isObjectId(id))
        return std::nullopt;
    return QString::fromLatin1(id);
}

QString askGit(const QString& directory) {
    QProcess git;
    git.setWorkingDirectory(directory);
    git.start(QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    if (!git.waitForFinished(3000) || git.exitCode() != 0)
        return {};
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

}  // namespace

QString gitHeadRevision(const QString& directory) {
    const QString gitDir = gitDirectory(directory);
    if (gitDir.isEmpty())
        return {};
    if (const std::optional<QString> id = readHead(gitDir))
        return *id;
    return askGit(directory);
}

}  // namespace pw
