#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace pw {

// Unsaved buffers, written as the user types so a crash or a kill loses nothing. One pair
// of files per buffer: the text, and a small JSON note saying which file it belongs to.
class RecoveryStore {
public:
    struct Entry {
        QString path;  // the file the buffer belongs to; empty for an untitled buffer
        QString key;   // stable id of the buffer in the store
        QByteArray text;
        QDateTime savedAt;
        qint64 pid = 0;  // the process that wrote it
    };

    explicit RecoveryStore(QString directory);

    QString directory() const { return m_directory; }
    bool write(const QString& key, const QString& path, const QByteArray& text) const;
    void remove(const QString& key) const;
    QList<Entry> entries() const;
    // The key of a file-backed buffer: derived from its absolute path.
    static QString keyForPath(const QString& path);
    // True when another running process owns the entry (a second window of the app), so
    // it is not a leftover of a crash.
    static bool ownedByOtherLiveProcess(const Entry& entry);

private:
    QString m_directory;
};

}  // namespace pw
