#pragma once

#include "spec/speckind.h"
#include "yaml/diagnostic.h"

#include <QObject>

namespace pw {

struct ScannedFile {
    QString path;
    SpecKind kind = SpecKind::Unknown;
    Diagnostics diagnostics;
};

// Finds and validates the workspace's spec files on a worker thread, so the Problems panel
// lists files that are not open too.
class WorkspaceScanner : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceScanner(QObject* parent = nullptr);

    void scan(const QString& root);
    void scanFile(const QString& path);
    bool isBusy() const { return m_running > 0; }

    // Synchronous; what the worker runs. Skips .git, .pipewright/state and node_modules.
    static QList<ScannedFile> scanNow(const QString& root);
    static ScannedFile scanFileNow(const QString& path);
    static bool isHiddenPath(const QString& relativePath);

signals:
    void scanned(const QString& root, const QList<pw::ScannedFile>& files);

private:
    void run(const QString& root, std::function<QList<ScannedFile>()> job);
    int m_running = 0;
    quint64 m_generation = 0;
};

}  // namespace pw
