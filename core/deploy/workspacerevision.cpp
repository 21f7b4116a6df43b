#include "deploy/workspacerevision.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <string>

#include <unistd.h>

namespace pw {

QString stageWorkspaceFolder(const QString& root, const QString& destination) {
    const QDir base(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString relative = base.relativeFilePath(it.filePath());
        const QString top = relative.section(QLatin1Char('/'), 0, 0);
        if (top == QLatin1String(".git") || top == QLatin1String(".pipewright"))
            continue;
        const QFileInfo info = it.fileInfo();
        const QString target = destination + QLatin1Char('/') + relative;
        QDir().mkpath(QFileInfo(target).absolutePath());
        bool ok = true;
        if (info.isSymLink()) {
            // Kept as written; the revision import refuses links that leave the revision.
            const QByteArray link = QFile::encodeName(it.filePath());
            char buffer[4096];
            const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer - 1);
            ok = n > 0 && ::symlink(std::string(buffer, size_t(n)).c_str(),
                                    QFile::encodeName(target).constData()) == 0;
        } else if (info.isDir()) {
            ok = QDir().mkpath(target);
        } else {
            ok = QFile::copy(it.filePath(), target);
        }
        if (!ok)
            return QStringLiteral("cannot copy %1 into the revision").arg(relative);
    }
    return {};
}

}  // namespace pw
