#pragma once

// Screenshots looked at by hand, not checks: with PIPEWRIGHT_SHOTS_DIR set (run under
// `xvfb-run -a` with `-platform xcb` for real fonts), widget tests save images there.

#include <QDir>
#include <QImage>
#include <QString>
#include <QWidget>

namespace pwtest {

// Empty when no screenshots are wanted; created when they are.
inline QString shotsDirectory() {
    const QString dir = qEnvironmentVariable("PIPEWRIGHT_SHOTS_DIR");
    if (!dir.isEmpty())
        QDir().mkpath(dir);
    return dir;
}

// False only when an image was wanted and could not be written.
inline bool saveShot(const QImage& image, const QString& name) {
    const QString dir = shotsDirectory();
    return dir.isEmpty() || image.save(QDir(dir).filePath(name));
}

inline bool saveShot(QWidget& widget, const QString& name) {
    return shotsDirectory().isEmpty() || saveShot(widget.grab().toImage(), name);
}

}  // namespace pwtest
