#pragma once

#include "shell/mainwindow.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

// Shared set-up for the shell tests: a private copy of the example workspace (or a small one
// when the example is absent) and settings/recovery folders that belong to the test alone.
namespace pwtest {

inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void copyTree(const QString& from, const QString& to) {
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        writeFile(QDir(to).filePath(QDir(from).relativeFilePath(path)), readFile(path));
    }
}

struct Sandbox {
    QTemporaryDir dir;
    QString workspace() const { return dir.filePath(QStringLiteral("ws")); }
    QString file(const QString& rel) const { return QDir(workspace()).filePath(rel); }
    pw::ShellConfig config() const {
        pw::ShellConfig c;
        c.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        c.recoveryDir = dir.filePath(QStringLiteral("recovery"));
        return c;
    }

    Sandbox() {
        const QString example = QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples/webapp");
        if (QFileInfo::exists(example + QStringLiteral("/buildspec.yml"))) {
            copyTree(example, workspace());
        } else {
            writeFile(file(QStringLiteral("buildspec.yml")),
                      "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n");
            writeFile(
                file(QStringLiteral("appspec.yml")),
                "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: s.sh\n");
        }
        // Things the tree must hide, and one broken file the scan must report.
        writeFile(file(QStringLiteral(".git/HEAD")), "ref: refs/heads/main\n");
        writeFile(file(QStringLiteral(".pipewright/state/history.db")), "x");
        writeFile(file(QStringLiteral("ci/buildspec-broken.yml")), "version: 0.2\nphases: [\n");
    }
};

}  // namespace pwtest
