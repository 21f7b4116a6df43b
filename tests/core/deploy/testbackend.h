#pragma once

// A tiny HTTP/1.1 server for router tests and the router bench: keep-alive, Content-Length or
// chunked responses, answers with its name, or echoes the request body on POST.
#include "deploy/httpmessageparser.h"

#include <QTimer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <functional>
#include <memory>

namespace pw::test {

class TestBackend : public QObject {
public:
    explicit TestBackend(QByteArray name, QObject* parent = nullptr)
        : QObject(parent), m_name(std::move(name)) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection())
                accept(s);
        });
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server.serverPort(); }
    void close() { m_server.close(); }

    int status = 200;        // for every path but /health
    int healthStatus = 200;  // for /health
    bool chunked = false;    // answer with chunked framing
    int delayMs = 0;         // before answering
    int closeAfterMs = -1;   // close each connection this long after a response
    bool silent = false;     // never answer
    int requests = 0;
    int connections = 0;

private:
    struct Conn {
        HttpMessageParser parser{HttpMessageParser::Kind::Request};
        QByteArray in;
        QByteArray current;
    };

    void accept(QTcpSocket* socket) {
        ++connections;
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto conn = std::make_shared<Conn>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, conn] {
            conn->in.append(socket->readAll());
            while (!conn->in.isEmpty()) {
                const qsizetype n = conn->parser.feed(conn->in.constData(), conn->in.size());
                conn->current.append(conn->in.left(n));
                conn->in.remove(0, n);
                if (!conn->parser.isDone())
                    return;
                respond(socket, conn->parser, conn->current);
                conn->parser.reset();
                conn->current.clear();
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    void respond(QTcpSocket* socket, const HttpMessageParser& request, const QByteArray& raw) {
        ++requests;
        if (silent)
            return;
        const bool health = request.target() == "/health";
        const int code = health ? healthStatus : status;
        const QByteArray body =
            request.method() == "POST" ? raw.mid(raw.indexOf("\r\n\r\n") + 4) : m_name;
        QByteArray out =
            "HTTP/1.1 " + QByteArray::number(code) + " OK\r\nX-Backend: " + m_name + "\r\n";
        if (chunked) {
            out += "Transfer-Encoding: chunked\r\n\r\n";
            const qsizetype half = body.size() / 2;
            for (const QByteArray& part : {body.left(half), body.mid(half)}) {
                if (!part.isEmpty())
                    out += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
            }
            out += "0\r\n\r\n";
        } else {
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        }
        const bool keep = request.keepAlive();
        const auto send = [socket, out, keep, this] {
            socket->write(out);
            if (!keep)
                socket->disconnectFromHost();
            else if (closeAfterMs >= 0)
                QTimer::singleShot(closeAfterMs, socket,
                                   [socket] { socket->disconnectFromHost(); });
        };
        if (delayMs > 0 && !health)
            QTimer::singleShot(delayMs, socket, send);
        else
            send();
    }

    QByteArray m_name;
    QTcpServer m_server;
};

}  // namespace pw::test
