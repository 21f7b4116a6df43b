#include "httpmessageparser.h"

#include <algorithm>
#include <cstring>

namespace pw {

namespace {

constexpr qsizetype kMaxHead = 64 * 1024;
constexpr qsizetype kMaxLine = 8 * 1024;

}  // namespace

void HttpMessageParser::reset() {
    *this = HttpMessageParser(m_kind);
}

qsizetype HttpMessageParser::feed(const char* data, qsizetype size) {
    qsizetype used = 0;
    while (used < size && (m_state == State::Head || m_state == State::Body)) {
        const qsizetype n = m_state == State::Head ? feedHead(data + used, size - used)
                                                   : feedBody(data + used, size - used);
        used += n;
        if (n == 0 && m_state != State::Done)
            break;
    }
    return used;
}

void HttpMessageParser::finishOnClose() {
    if (m_state == State::Body && m_untilClose)
        m_state = State::Done;
    else if (m_state != State::Done)
        m_state = State::Error;
}

qsizetype HttpMessageParser::feedHead(const char* data, qsizetype size) {
    // The terminator may straddle two reads: search from a little before the new bytes.
    const qsizetype before = m_head.size();
    m_head.append(data, size);
    const qsizetype end = m_head.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
    if (end < 0) {
        if (m_head.size() > kMaxHead)
            m_state = State::Error;
        return size;
    }
    const qsizetype consumed = end + 4 - before;
    m_head.truncate(end + 2);
    if (!parseHead()) {
        m_state = State::Error;
        return consumed;
    }
    startBody();
    return consumed;
}

bool HttpMessageParser::parseHead() {
    const QList<QByteArray> lines = m_head.split('\n');
    if (lines.isEmpty())
        return false;
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    if (first.size() < 2)
        return false;
    QByteArray version;
    if (m_kind == Kind::Request) {
        m_method = first.at(0);
        m_target = first.at(1);
        version = first.size() > 2 ? first.at(2) : QByteArray();
    } else {
        version = first.at(0);
        bool ok = false;
        m_status = first.at(1).toInt(&ok);
        if (!ok)
            return false;
    }
    if (!version.startsWith("HTTP/1."))
        return false;
    m_minorVersion = version.mid(7).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            m_headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return true;
}

void HttpMessageParser::startBody() {
    const bool noBody = m_kind == Kind::Response &&
                        (m_requestMethod == "HEAD" || (m_status >= 100 && m_status < 200) ||
                         m_status == 204 || m_status == 304);
    m_state = State::Body;
    if (noBody) {
        m_state = State::Done;
    } else if (header("transfer-encoding").toLower().contains("chunked")) {
        m_chunked = true;
    } else if (const QByteArray length = header("content-length"); !length.isEmpty()) {
        bool ok = false;
        m_remaining = length.toLongLong(&ok);
        if (!ok || m_remaining < 0)
            m_state = State::Error;
        else if (m_remaining == 0)
            m_state = State::Done;
    } else if (m_kind == Kind::Response) {
        m_untilClose = true;
    } else {
        m_state = State::Done;  // a request without framing has no body
    }
}

qsizetype HttpMessageParser::feedBody(const char* data, qsizetype size) {
    if (m_chunked)
        return feedChunked(data, size);
    if (m_untilClose)
        return size;
    const qsizetype n = qsizetype(std::min<qint64>(m_remaining, size));
    m_remaining -= n;
    if (m_remaining == 0)
        m_state = State::Done;
    return n;
}

// Chunk sizes and trailers are parsed only to find the end; the bytes pass through untouched.
qsizetype HttpMessageParser::feedChunked(const char* data, qsizetype size) {
    qsizetype used = 0;
    while (used < size && m_state == State::Body) {
        if (m_chunkState == ChunkState::Data) {
            const qsizetype n = qsizetype(std::min<qint64>(m_remaining, size - used));
            used += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_chunkState = ChunkState::DataEnd;
            continue;
        }
        const char c = data[used++];
        m_line.append(c);
        if (m_line.size() > kMaxLine) {
            m_state = State::Error;
            break;
        }
        if (c != '\n')
            continue;
        const QByteArray line = m_line.trimmed();
        m_line.clear();
        if (m_chunkState == ChunkState::DataEnd) {
            m_chunkState = ChunkState::Size;
        } else if (m_chunkState == ChunkState::Size) {
            bool ok = false;
            m_remaining = line.left(line.indexOf(';') < 0 ? line.size() : line.indexOf(';'))
                              .trimmed()
                              .toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                m_state = State::Error;
            else
                m_chunkState = m_remaining == 0 ? ChunkState::Trailer : ChunkState::Data;
        } else if (line.isEmpty()) {  // the blank line after the trailers
            m_state = State::Done;
        }
    }
    return used;
}

QByteArray HttpMessageParser::header(const QByteArray& lowerName) const {
    for (const auto& [name, value] : m_headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

bool HttpMessageParser::keepAlive() const {
    const QByteArray connection = header("connection").toLower();
    if (m_minorVersion == 0)
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

}  // namespace pw
