#include "workspacescanner.h"

#include "spec/specvalidator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace pw {

namespace {

constexpr qint64 kMaxScannedBytes = 2 * 1024 * 1024;
constexpr int kMaxScannedFiles = 2000;

}  // namespace

WorkspaceScanner::WorkspaceScanner(QObject* parent) : QObject(parent) {}

bool WorkspaceScanner::isHiddenPath(const QString& relativePath) {
    const QStringList parts = relativePath.split(u'/', Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i) {
        if (parts[i] == QLatin1String(".git") || parts[i] == QLatin1String("node_modules"))
            return true;
        if (parts[i] == QLatin1String(".pipewright") && i + 1 < parts.size() &&
            parts[i + 1] == QLatin1String("state"))
            return true;
    }
    return false;
}

ScannedFile WorkspaceScanner::scanFileNow(const QString& path) {
    ScannedFile result;
    result.path = path;
    QFile file(path);
    if (file.size() > kMaxScannedBytes || !file.open(QIODevice::ReadOnly))
        return result;
    const QByteArray text = file.readAll();
    result.kind = detectSpecKind(path, text);
    if (result.kind != SpecKind::Unknown)
        result.diagnostics = validateSpec(path, text, result.kind).diagnostics;
    return result;
}

QList<ScannedFile> WorkspaceScanner::scanNow(const QString& root) {
    QList<ScannedFile> files;
    const QDir base(root);
    QDirIterator it(
        root, {QStringLiteral("*.yml"), QStringLiteral("*.yaml"), QStringLiteral("*.json")},
        QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    int seen = 0;
    while (it.hasNext() && seen < kMaxScannedFiles) {
        const QString path = it.next();
        if (isHiddenPath(base.relativeFilePath(path)))
            continue;
        ++seen;
        ScannedFile file = scanFileNow(path);
        if (file.kind != SpecKind::Unknown)
            files.append(file);
    }
    return files;
}

void WorkspaceScanner::scan(const QString& root) {
    ++m_generation;  // a new workspace makes older full scans stale
    run(root, [root] { return scanNow(root); });
}

void WorkspaceScanner::scanFile(const QString& path) {
    run(QString(), [path] { return QList<ScannedFile>{scanFileNow(path)}; });
}

void WorkspaceScanner::run(const QString& root, std::function<QList<ScannedFile>()> job) {
    ++m_running;
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<QList<ScannedFile>>(this);
    connect(watcher, &QFutureWatcher<QList<ScannedFile>>::finished, this, [=, this] {
        --m_running;
        watcher->deleteLater();
        if (generation == m_generation)
            emit scanned(root, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

}  // namespace pw
