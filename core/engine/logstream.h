#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace pw {

// Turns a child's byte stream into complete log lines with every secret value replaced by
// "***". Bytes are kept as they are (invalid UTF-8, binary); a line longer than maxLineBytes
// is cut so a 10 MB line without a newline cannot hold the log back or grow without bound.
class LogStream {
public:
    static constexpr qsizetype kDefaultMaxLineBytes = 1 << 20;

    void setSecrets(const QList<QString>& values);
    void setMaxLineBytes(qsizetype bytes) { m_maxLine = bytes; }
    // Returns the complete lines (each ending in '\n') available after `bytes`.
    QByteArray feed(const QByteArray& bytes);
    // Returns what is left (a last line without newline), masked.
    QByteArray flush();
    QByteArray mask(QByteArray bytes) const;
    QString maskText(const QString& text) const;  // the text itself when there are no secrets

private:
    QList<QByteArray> m_secrets;  // longest first, so a secret containing another wins
    QByteArray m_partial;
    qsizetype m_maxLine = kDefaultMaxLineBytes;
    qsizetype m_longestSecret = 0;
};

}  // namespace pw
