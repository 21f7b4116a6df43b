#pragma once

// A workspace on disk for deployment engine tests: workspace.yml, revision folders with an
// appspec and real scripts, and a helper that runs one deployment to the end.
#include "deploy/deploymentengine.h"
#include "deploy/deploymentstate.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

namespace pw::test {

class DeployFixture {
public:
    DeployFixture() { QDir().mkpath(root() + QStringLiteral("/.pipewright")); }

    QString root() const { return m_tmp.path(); }
    QString stateDir() const { return root() + QStringLiteral("/.pipewright/state"); }
    QString sandbox(const QString& group, const QString& instance) const {
        return stateDir() + QStringLiteral("/instances/") + group + u'/' + instance;
    }

    void writeFile(const QString& path, const QByteArray& content, bool executable = false) const {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        if (executable)
            f.setPermissions(f.permissions() | QFile::ExeOwner | QFile::ExeUser);
    }

    void workspace(const QByteArray& yaml) const {
        writeFile(root() + QStringLiteral("/.pipewright/workspace.yml"), yaml);
    }

    // A revision folder: appspec.yml, executable scripts, other files.
    QString revision(const QString& name, const QByteArray& appspec,
                     const QMap<QString, QByteArray>& scripts,
                     const QMap<QString, QByteArray>& files = {}) const {
        const QString dir = root() + QStringLiteral("/revisions/") + name;
        writeFile(dir + QStringLiteral("/appspec.yml"), appspec);
        for (auto it = scripts.cbegin(); it != scripts.cend(); ++it)
            writeFile(dir + u'/' + it.key(), "#!/bin/sh\n" + it.value(), true);
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            writeFile(dir + u'/' + it.key(), it.value());
        return dir;
    }

    DeploymentRequest request(const QString& revision, const QString& group = QStringLiteral("web"),
                              const QString& application = QStringLiteral("shop")) const {
        DeploymentRequest r;
        r.workspaceRoot = root();
        r.application = application;
        r.group = group;
        r.revisionPath = revision;
        return r;
    }

    // Runs a deployment to its end (including an automatic rollback it starts).
    static DeploymentState run(DeploymentEngine& engine, int timeoutMs = 30000) {
        QSignalSpy finished(&engine, &DeploymentEngine::finished);
        engine.start();
        if (finished.isEmpty())
            finished.wait(timeoutMs);
        return engine.state();
    }

    DeploymentState deploy(const DeploymentRequest& request, int timeoutMs = 30000) const {
        DeploymentEngine engine(request);
        return run(engine, timeoutMs);
    }

    QByteArray read(const QString& path) const {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static quint16 freePort() {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        return server.serverPort();
    }

private:
    QTemporaryDir m_tmp;
};

inline QStringList eventNames(const InstanceState& instance) {
    QStringList names;
    for (const LifecycleEventState& e : instance.lifecycleEvents)
        names.append(e.name);
    return names;
}

inline QString statusOf(const InstanceState& instance, const QString& event) {
    for (const LifecycleEventState& e : instance.lifecycleEvents)
        if (e.name == event)
            return e.status;
    return {};
}

inline const LifecycleEventState* eventOf(const InstanceState& instance, const QString& event) {
    for (const LifecycleEventState& e : instance.lifecycleEvents)
        if (e.name == event)
            return &e;
    return nullptr;
}

}  // namespace pw::test
