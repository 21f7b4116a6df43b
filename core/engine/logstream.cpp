#include "logstream.h"

#include <algorithm>

namespace pw {

void LogStream::setSecrets(const QList<QString>& values) {
    m_secrets.clear();
    for (const QString& v : values) {
        if (!v.isEmpty())
            m_secrets.append(v.toUtf8());
    }
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QByteArray& a, const QByteArray& b) { return a.size() > b.size(); });
    m_longestSecret = m_secrets.isEmpty() ? 0 : m_secrets.first().size();
}

QByteArray LogStream::mask(QByteArray bytes) const {
    for (const QByteArray& secret : m_secrets)
        bytes.replace(secret, "***");
    return bytes;
}

QString LogStream::maskText(const QString& text) const {
    if (m_secrets.isEmpty())
        return text;
    return QString::fromUtf8(mask(text.toUtf8()));
}

QByteArray LogStream::feed(const QByteArray& bytes) {
    if (m_partial.isEmpty() && bytes.endsWith('\n'))
        return mask(bytes);  // whole lines, the usual case: no copy
    m_partial += bytes;
    const qsizetype lastNewline = m_partial.lastIndexOf('\n');
    if (lastNewline >= 0) {
        QByteArray lines = m_partial.left(lastNewline + 1);
        m_partial.remove(0, lastNewline + 1);
        return mask(std::move(lines));
    }
    if (m_partial.size() <= m_maxLine)
        return {};
    // Cut an overlong line, but keep a tail long enough that a secret split by the cut is
    // still masked when the rest arrives.
    m_partial = mask(std::move(m_partial));
    const qsizetype keep = std::max<qsizetype>(0, m_longestSecret - 1);
    QByteArray head = m_partial.left(m_partial.size() - keep);
    m_partial.remove(0, m_partial.size() - keep);
    return head + '\n';
}

QByteArray LogStream::flush() {
    QByteArray rest = mask(std::move(m_partial));
    m_partial.clear();
    return rest;
}

}  // namespace pw
