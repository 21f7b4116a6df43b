#pragma once

// Real HTTP on loopback for the traffic tests: a minimal keep-alive backend answering every
// request with one status, and a client that sends GETs through the router and waits.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace deploytest {

class TinyHttpServer : public QTcpServer {
public:
    explicit TinyHttpServer(int status, QObject* parent = nullptr)
        : QTcpServer(parent), m_status(status) {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection())
                serve(s);
        });
        listen(QHostAddress::LocalHost, 0);
    }
    int served() const { return m_served; }
    void setStatus(int status) { m_status = status; }

private:
    void serve(QTcpSocket* s) {
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QTcpSocket::readyRead, s, [this, s] {
            m_buffers[s] += s->readAll();
            QByteArray& buffer = m_buffers[s];
            qsizetype end;
            // Bodiless GETs: a request ends with its blank line.
            while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
                buffer.remove(0, end + 4);
                ++m_served;
                const QByteArray body = "ok\n";
                s->write("HTTP/1.1 " + QByteArray::number(m_status) +
                         " X\r\nContent-Type: text/plain\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
            }
        });
    }

    int m_status;
    int m_served = 0;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

// Sends `count` GETs to 127.0.0.1:port (six connections at a time, like a browser) and returns
// how many got any HTTP answer within the timeout.
inline int sendRequests(quint16 port, int count, int timeoutMs = 20000) {
    QNetworkAccessManager nam;
    int answered = 0, done = 0;
    QEventLoop loop;
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    for (int i = 0; i < count; ++i) {
        QNetworkReply* reply = nam.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
                ++answered;
            reply->deleteLater();
            if (++done == count)
                loop.quit();
        });
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (done < count)
        loop.exec();
    return answered;
}

}  // namespace deploytest
