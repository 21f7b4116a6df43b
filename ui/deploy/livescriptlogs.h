#pragma once

#include <QHash>
#include <QString>
#include <QTemporaryDir>

namespace pw {

// Script output that arrives live (DeploymentEngine::scriptOutput) before the event's own log
// file exists, spooled to one file per instance and event so LogView can follow it like any
// log: nothing is held in memory however much a script prints.
class LiveScriptLogs {
public:
    LiveScriptLogs();

    // Appends and returns the file; empty when the spool folder cannot be written.
    QString append(const QString& instance, const QString& event, const QByteArray& chunk);
    QString path(const QString& instance, const QString& event) const;
    // A new deployment starts with no output.
    void clear();

private:
    static QString key(const QString& instance, const QString& event);

    QTemporaryDir m_dir;
    QHash<QString, QString> m_files;
    int m_generation = 0;
};

}  // namespace pw
