#include "livescriptlogs.h"

#include "uilog.h"

#include <QDir>
#include <QFile>

namespace pw {

LiveScriptLogs::LiveScriptLogs()
    : m_dir(QDir::tempPath() + QStringLiteral("/pipewright-live-XXXXXX")) {}

QString LiveScriptLogs::key(const QString& instance, const QString& event) {
    return instance + QLatin1Char('/') + event;
}

QString LiveScriptLogs::append(const QString& instance, const QString& event,
                               const QByteArray& chunk) {
    if (!m_dir.isValid())
        return {};
    QString& file = m_files[key(instance, event)];
    if (file.isEmpty())
        file = m_dir.filePath(QStringLiteral("%1-%2.log").arg(m_generation).arg(m_files.size()));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Append) || out.write(chunk) != chunk.size()) {
        qCWarning(lcUi) << "cannot spool script output to" << file << out.errorString();
        return {};
    }
    return file;
}

QString LiveScriptLogs::path(const QString& instance, const QString& event) const {
    return m_files.value(key(instance, event));
}

void LiveScriptLogs::clear() {
    // Old files stay until the folder goes: a view may still have one open.
    m_files.clear();
    ++m_generation;
}

}  // namespace pw
