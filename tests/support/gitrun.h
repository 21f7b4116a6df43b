#pragma once

// Running git from tests: in a folder, as a test identity (commits work on a machine that
// has none configured).

#include <QProcess>
#include <QString>
#include <QStringList>

namespace pwtest {

// git's standard output, trimmed; `ok` says whether it exited 0.
inline QString runGit(const QString& dir, const QStringList& args, bool* ok = nullptr) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"),
            QStringList{QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                        QStringLiteral("user.email=t@example.com")} +
                args);
    const bool finished = p.waitForFinished(20000);
    if (ok)
        *ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

inline bool gitSucceeds(const QString& dir, const QStringList& args) {
    bool ok = false;
    runGit(dir, args, &ok);
    return ok;
}

}  // namespace pwtest
