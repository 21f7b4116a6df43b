#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace pw {

// Incremental HTTP/1.x framing for the traffic router: finds where one request or response
// ends (Content-Length, chunked, or the connection closing) without copying the body. It
// does not interpret the body and keeps the head only for the few headers framing needs.
class HttpMessageParser {
public:
    enum class Kind { Request, Response };
    enum class State { Head, Body, Done, Error };

    explicit HttpMessageParser(Kind kind) : m_kind(kind) {}

    void reset();
    // A response to HEAD has no body whatever its headers say.
    void setRequestMethod(const QByteArray& method) { m_requestMethod = method; }

    // Consumes bytes of the current message from `data`; returns how many belong to it. The
    // rest (a pipelined next message) is left to the caller.
    qsizetype feed(const char* data, qsizetype size);
    // The peer closed: a body framed by the close is now complete.
    void finishOnClose();

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    bool bodyEndsAtClose() const { return m_untilClose; }

    const QByteArray& method() const { return m_method; }
    const QByteArray& target() const { return m_target; }
    int status() const { return m_status; }
    // Lower-case name lookup; empty when absent.
    QByteArray header(const QByteArray& lowerName) const;
    // HTTP/1.1 keeps the connection unless "close"; HTTP/1.0 only with "keep-alive".
    bool keepAlive() const;

private:
    qsizetype feedHead(const char* data, qsizetype size);
    qsizetype feedBody(const char* data, qsizetype size);
    qsizetype feedChunked(const char* data, qsizetype size);
    bool parseHead();
    void startBody();

    enum class ChunkState { Size, Data, DataEnd, Trailer };

    Kind m_kind;
    State m_state = State::Head;
    QByteArray m_head;
    QByteArray m_line;  // chunk-size or trailer line being collected
    QByteArray m_method, m_target, m_requestMethod;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_status = 0;
    int m_minorVersion = 1;
    qint64 m_remaining = 0;
    bool m_chunked = false;
    bool m_untilClose = false;
    ChunkState m_chunkState = ChunkState::Size;
};

}  // namespace pw
