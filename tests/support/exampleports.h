#pragma once

// The bundled example binds its load balancer and instances to 18080-18082; tests copy it and
// move those to free ports so parallel tests (and a running app) never collide.

#include <QFile>
#include <QHostAddress>
#include <QTcpServer>

#include <array>

namespace pw::test {

inline quint16 freePort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Rewrites `port: 18080..18082` in the copy's workspace.yml; returns the new ports (router,
// web-1, web-2), or zeros when the file does not have them.
inline std::array<quint16, 3> moveExampleToFreePorts(const QString& exampleRoot) {
    QFile file(exampleRoot + QStringLiteral("/.pipewright/workspace.yml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = file.readAll();
    file.close();
    std::array<quint16, 3> ports{};
    for (int i = 0; i < 3; ++i) {
        const QByteArray from = "port: " + QByteArray::number(18080 + i);
        if (!text.contains(from))
            return {};
        ports[i] = freePort();
        text.replace(from, "port: " + QByteArray::number(ports[i]));
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        return {};
    return ports;
}

}  // namespace pw::test
