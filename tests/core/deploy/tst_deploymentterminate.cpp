// Blue/green with `original-instances: terminate` (appspec.md §5): after the termination wait
// the originals run their installed revision's ApplicationStop and nothing of them is left
// running; real python3 http.server services on loopback, started as daemons by the hooks.
#include "deploy/deploymentengine.h"
#include "deploy/processsweeper.h"
#include "deployfixture.h"
#include "engine/runevent.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTcpSocket>

#include <csignal>

using namespace pw;
using namespace pw::test;

namespace {

bool answers(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(500);
}

}  // namespace

class TestDeploymentTerminate : public QObject {
    Q_OBJECT

    std::unique_ptr<DeployFixture> m_fx;
    QList<quint16> m_ports;  // blue-1, blue-2, green-1, green-2
    quint16 m_lb = 0;

    void workspace(const QByteArray& originals) {
        QByteArray yaml =
            "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
            "        style: blue-green\n        config: CodeDeployDefault.AllAtOnce\n"
            "        instances:\n";
        for (int i = 0; i < 2; ++i)
            yaml += "          - {name: blue-" + QByteArray::number(i + 1) +
                    ", kind: sandbox, port: " + QByteArray::number(m_ports[i]) + "}\n";
        yaml += "        load-balancer:\n          port: " + QByteArray::number(m_lb) +
                "\n          health-check: {path: /health, interval-seconds: 1, "
                "healthy-threshold: 1, unhealthy-threshold: 1}\n"
                "        blue-green:\n          replacement-instances:\n";
        for (int i = 2; i < 4; ++i)
            yaml += "            - {name: green-" + QByteArray::number(i - 1) +
                    ", kind: sandbox, port: " + QByteArray::number(m_ports[i]) + "}\n";
        yaml +=
            "          traffic: {type: all-at-once}\n          on-ready: continue\n" + originals;
        m_fx->workspace(yaml);
    }

    // The service daemonizes away from the sandbox (cd /, setsid, outputs closed), so only its
    // inherited environment ties it to the instance. ApplicationStop only leaves a mark.
    QString revision(const QString& name) {
        return m_fx->revision(
            name,
            "version: 0.0\nos: linux\nfiles:\n  - {source: www, destination: /www}\n"
            "hooks:\n  ApplicationStop: [{location: stop.sh}]\n"
            "  ApplicationStart: [{location: start.sh}]\n",
            {{"stop.sh",
              "echo \"" + name.toUtf8() + "\" >> \"$PIPEWRIGHT_INSTANCE_ROOT/stopped\"\n"},
             {"start.sh",
              "cd /\nsetsid nohup python3 -m http.server \"$PIPEWRIGHT_INSTANCE_PORT\" "
              "--bind 127.0.0.1 --directory \"$PIPEWRIGHT_INSTANCE_ROOT/www\" "
              ">/dev/null 2>&1 </dev/null &\n"}},
            {{"www/health", "ok\n"}, {"www/index.html", name.toUtf8()}});
    }

private slots:
    void init() {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is needed for a real service");
        m_fx = std::make_unique<DeployFixture>();
        m_ports.clear();
        for (int i = 0; i < 4; ++i)
            m_ports.append(DeployFixture::freePort());
        m_lb = DeployFixture::freePort();
    }

    void cleanup() {
        // Whatever a failed test left running.
        for (const char* n : {"blue-1", "blue-2", "green-1", "green-2"})
            for (qint64 pid : ProcessSweeper::find(m_fx->sandbox("web", n)))
                ::kill(pid_t(pid), SIGKILL);
    }

    void terminateStopsTheOriginalsAfterTheWait() {
        workspace(
            "          original-instances: terminate\n"
            "          termination-wait-seconds: 1\n");
        // r1 lands on the green list (nothing serves yet); its originals (blue) never ran.
        QCOMPARE(m_fx->deploy(m_fx->request(revision("r1"))).status, QStringLiteral("Succeeded"));
        QVERIFY(answers(m_ports[2]) && answers(m_ports[3]));
        QVERIFY(!ProcessSweeper::find(m_fx->sandbox("web", "green-1")).isEmpty());

        DeploymentEngine second(m_fx->request(revision("r2")));
        QElapsedTimer sinceShift;
        QString statusWhileTerminating;
        bool greenAnsweredInWait = false;
        connect(&second, &DeploymentEngine::runEvent, this, [&](const RunEvent& e) {
            if (e.kind == RunEventKind::TrafficShifted && e.value == u"100")
                sinceShift.start();
            if (e.kind == RunEventKind::StepStarted && e.step == u"TerminateInstance" &&
                e.name == u"green-1") {
                statusWhileTerminating = second.state().status;
                greenAnsweredInWait = answers(m_ports[2]);
            }
        });
        const DeploymentState two = DeployFixture::run(second);
        QCOMPARE(two.status, QStringLiteral("Succeeded"));
        QCOMPARE(statusWhileTerminating, QStringLiteral("InProgress"));
        QVERIFY(greenAnsweredInWait);  // alive through the termination wait
        QVERIFY2(sinceShift.elapsed() >= 1000, qPrintable(QString::number(sinceShift.elapsed())));
        for (int i : {2, 3})
            QVERIFY2(!answers(m_ports[i]), qPrintable(QString::number(m_ports[i])));
        QVERIFY(answers(m_ports[0]) && answers(m_ports[1]));
        // ApplicationStop came from the revision installed on the original (r1).
        QCOMPARE(m_fx->read(m_fx->sandbox("web", "green-1") + "/stopped"), QByteArray("r1\n"));
        QVERIFY(ProcessSweeper::find(m_fx->sandbox("web", "green-2")).isEmpty());
        QVERIFY(!ProcessSweeper::find(m_fx->sandbox("web", "blue-1")).isEmpty());
    }

    void keepAliveLeavesTheOriginalsRunning() {
        workspace(
            "          original-instances: keep-alive\n"
            "          termination-wait-seconds: 1\n");
        QCOMPARE(m_fx->deploy(m_fx->request(revision("r1"))).status, QStringLiteral("Succeeded"));
        bool terminated = false;
        DeploymentEngine second(m_fx->request(revision("r2")));
        connect(&second, &DeploymentEngine::runEvent, this, [&](const RunEvent& e) {
            terminated = terminated || e.step == u"TerminateInstance";
        });
        QCOMPARE(DeployFixture::run(second).status, QStringLiteral("Succeeded"));
        QVERIFY(!terminated);
        QVERIFY(answers(m_ports[2]) && answers(m_ports[3]));
        QVERIFY(!QFile::exists(m_fx->sandbox("web", "green-1") + "/stopped"));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentTerminate)
#include "tst_deploymentterminate.moc"
