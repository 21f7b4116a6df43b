#pragma once

#include <QFile>
#include <QString>
#include <QStringList>

namespace pw {
struct InstallRequest;
}

namespace pw::install {

// `<deployment-group-id>-cleanup`: the instance paths the group's last Install wrote, one a
// line. Read and removed before the next Install (or a rollback), written during Install.
class CleanupFile {
public:
    static QString path(const InstallRequest& request);
    // Removes the listed paths (folders only when empty), then the file; returns those removed.
    static QStringList removeListed(const InstallRequest& request, QStringList* log);

    explicit CleanupFile(const QString& path) : m_file(path) {}
    QString open();  // the failure message, or empty
    // Flushed at once, so a failure half way still lets the next Install remove it.
    void record(const QString& path);
    const QStringList& recorded() const { return m_recorded; }

private:
    QFile m_file;
    QStringList m_recorded;
};

}  // namespace pw::install
