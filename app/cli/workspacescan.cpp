#include "workspacescan.h"

#include "spec/speckind.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace {

bool skippedDirectory(const QString& name) {
    static const QStringList skipped{QStringLiteral(".git"),  QStringLiteral("node_modules"),
                                     QStringLiteral("state"), QStringLiteral("build"),
                                     QStringLiteral(".venv"), QStringLiteral("vendor")};
    return skipped.contains(name);
}

bool isCandidate(const QFileInfo& info) {
    static const QStringList suffixes{QStringLiteral("yml"), QStringLiteral("yaml"),
                                      QStringLiteral("json"), QStringLiteral("template")};
    // Content sniffing parses the file, so stay away from large data files.
    return suffixes.contains(info.suffix().toLower()) && info.size() < 4 * 1024 * 1024;
}

}  // namespace

QStringList findSpecFiles(const QString& root) {
    QStringList found;
    QStringList pending{root};
    while (!pending.isEmpty()) {
        const QString dir = pending.takeFirst();
        const QFileInfoList entries = QDir(dir).entryInfoList(
            QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
        for (const QFileInfo& entry : entries) {
            if (entry.isSymLink())
                continue;
            if (entry.isDir()) {
                if (!skippedDirectory(entry.fileName()))
                    pending.push_back(entry.filePath());
                continue;
            }
            if (!isCandidate(entry))
                continue;
            QFile file(entry.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            if (pw::detectSpecKind(entry.filePath(), file.readAll()) != pw::SpecKind::Unknown)
                found.push_back(QDir::cleanPath(entry.filePath()));
        }
    }
    return found;
}
