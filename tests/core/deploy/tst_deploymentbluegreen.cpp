// Blue/green through the group's real router on loopback (appspec.md §2.2, §5, TC11) and the
// alarm rollback that routes traffic back to the originals (§3.4).
#include "deploy/deploymentengine.h"
#include "deploy/deploymentgroupruntime.h"
#include "deployfixture.h"
#include "engine/runevent.h"
#include "spec/workspace.h"
#include "testbackend.h"
#include "yaml/yamldocument.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

using namespace pw;
using namespace pw::test;

class TestDeploymentBlueGreen : public QObject {
    Q_OBJECT

    struct Burst {
        QMap<QString, int> backends;
        int errors = 0;
        int done = 0;
    };

    std::unique_ptr<DeployFixture> m_fx;
    QList<TestBackend*> m_backends;
    quint16 m_lb = 0;
    QNetworkAccessManager m_net;

    // Sequential GETs through the router, each answer counted by the backend that gave it.
    void fire(int n, Burst* burst) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_lb)));
        QNetworkReply* reply = m_net.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, n, burst] {
            reply->deleteLater();
            burst->backends[QString::fromLatin1(reply->rawHeader("X-Backend"))]++;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 500)
                ++burst->errors;
            if (++burst->done < n)
                fire(n, burst);
        });
    }

    Burst burst(int n) {
        Burst b;
        fire(n, &b);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(b.done, n, 10000); }();
        return b;
    }

    void workspace(const QByteArray& traffic, const QByteArray& extra = {}) {
        QByteArray yaml =
            "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
            "        style: blue-green\n        config: CodeDeployDefault.OneAtATime\n"
            "        instances:\n";
        for (int i = 0; i < 2; ++i)
            yaml += "          - {name: blue-" + QByteArray::number(i + 1) +
                    ", kind: sandbox, port: " + QByteArray::number(m_backends[i]->port()) + "}\n";
        yaml += "        load-balancer:\n          port: " + QByteArray::number(m_lb) +
                "\n          health-check: {path: /health, interval-seconds: 1, "
                "healthy-threshold: 1, unhealthy-threshold: 1}\n"
                "        blue-green:\n          replacement-instances:\n";
        for (int i = 2; i < 4; ++i)
            yaml += "            - {name: green-" + QByteArray::number(i - 1) +
                    ", kind: sandbox, port: " + QByteArray::number(m_backends[i]->port()) + "}\n";
        yaml += "          traffic: " + traffic +
                "\n          on-ready: continue\n"
                "          original-instances: keep-alive\n" +
                extra;
        m_fx->workspace(yaml);
    }

    QString revision(const QString& name) {
        return m_fx->revision(
            name,
            "version: 0.0\nos: linux\nhooks:\n  BeforeAllowTraffic: [{location: h.sh}]\n"
            "  AfterBlockTraffic: [{location: h.sh}]\n",
            {{"h.sh", "echo \"$LIFECYCLE_EVENT\"\n"}});
    }

private slots:
    void init() {
        m_net.setProxy(QNetworkProxy::NoProxy);
        m_fx = std::make_unique<DeployFixture>();
        qDeleteAll(m_backends);
        m_backends.clear();
        for (const char* name : {"blue-1", "blue-2", "green-1", "green-2"}) {
            auto* backend = new TestBackend(name, this);
            QVERIFY(backend->listen());
            m_backends.append(backend);
        }
        m_lb = DeployFixture::freePort();
    }

    void canaryShiftSendsRealRequestsToBothFleetsInRatio() {
        workspace("{type: canary, percent: 30, interval-seconds: 2}");
        // One runtime for both deployments, as `watch` or the app keeps it: the router serves on.
        const WorkspaceParseResult ws =
            parseWorkspace(YamlDocument::loadFile(m_fx->root() + "/.pipewright/workspace.yml"));
        DeploymentGroupRuntime runtime(m_fx->stateDir(), "shop",
                                       *ws.workspace.application(u"shop")->group(u"web"));
        // First deployment: nothing serves yet, so the green list becomes the serving fleet.
        DeploymentEngine first(m_fx->request(revision("r1")), &runtime);
        const DeploymentState one = DeployFixture::run(first);
        QCOMPARE(one.status, QStringLiteral("Succeeded"));
        QCOMPARE(one.instances[2].fleet, QStringLiteral("replacement"));
        QCOMPARE(eventNames(one.instances[2]),
                 QStringList({"ApplicationStop", "DownloadBundle", "BeforeInstall", "Install",
                              "AfterInstall", "ApplicationStart", "ValidateService",
                              "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"}));
        QCOMPARE(eventNames(one.instances[0]),
                 QStringList({"BeforeBlockTraffic", "BlockTraffic", "AfterBlockTraffic"}));
        const Burst after1 = burst(10);
        QCOMPARE(after1.backends.value("green-1") + after1.backends.value("green-2"), 10);

        // Second deployment goes to the blue list; the canary holds 30 % on it for 2 s.
        DeploymentEngine second(m_fx->request(revision("r2")), &runtime);
        Burst during;
        QList<int> shifts;
        connect(&second, &DeploymentEngine::runEvent, this, [&](const RunEvent& e) {
            if (e.kind != RunEventKind::TrafficShifted)
                return;
            shifts.append(e.value.toInt());
            if (e.value == u"30")
                QTimer::singleShot(0, this, [&] { fire(20, &during); });
        });
        const DeploymentState two = DeployFixture::run(second);
        QCOMPARE(two.status, QStringLiteral("Succeeded"));
        QCOMPARE(shifts, QList<int>({30, 100}));
        QCOMPARE(two.trafficPercent, 100);
        // Originals are listed first: now green, and the blue list is the replacement.
        QCOMPARE(two.instances[0].name, QStringLiteral("green-1"));
        QCOMPARE(two.instances[0].fleet, QStringLiteral("original"));
        QCOMPARE(two.instances[2].name, QStringLiteral("blue-1"));
        QCOMPARE(two.instances[2].fleet, QStringLiteral("replacement"));
        QCOMPARE(during.done, 20);
        const int toBlue = during.backends.value("blue-1") + during.backends.value("blue-2");
        const int toGreen = during.backends.value("green-1") + during.backends.value("green-2");
        QVERIFY2(toBlue >= 5 && toBlue <= 7, qPrintable(QString::number(toBlue)));
        QCOMPARE(toBlue + toGreen, 20);
        QVERIFY(during.backends.value("blue-1") > 0 && during.backends.value("blue-2") > 0);
        const Burst after2 = burst(10);
        QCOMPARE(after2.backends.value("blue-1") + after2.backends.value("blue-2"), 10);
        QVERIFY(!second.runtime()->isRegistered("green-1"));
    }

    // TC11: an original failing AfterBlockTraffic fails the deployment although the
    // replacements serve. AfterBlockTraffic runs the originals' last revision (r1) script.
    void originalFailingToDeregisterFailsTheDeployment() {
        workspace("{type: all-at-once}");
        const QString r1 = m_fx->revision(
            "r1", "version: 0.0\nos: linux\nhooks:\n  AfterBlockTraffic: [{location: b.sh}]\n",
            {{"b.sh", "exit 1\n"}});
        {
            DeploymentEngine first(m_fx->request(r1));
            QCOMPARE(DeployFixture::run(first).status, QStringLiteral("Succeeded"));
        }
        DeploymentEngine second(m_fx->request(revision("r2")));
        const DeploymentState s = DeployFixture::run(second);
        QCOMPARE(s.status, QStringLiteral("Failed"));
        QCOMPARE(s.instances[0].fleet, QStringLiteral("original"));
        QCOMPARE(statusOf(s.instances[0], "BlockTraffic"), QStringLiteral("Succeeded"));
        QCOMPARE(statusOf(s.instances[0], "AfterBlockTraffic"), QStringLiteral("Failed"));
        QCOMPARE(s.instances[2].status, QStringLiteral("Succeeded"));
        QVERIFY(second.runtime()->isRegistered("blue-1"));
    }

    void waitsForContinueWhenReady() {
        workspace("{type: all-at-once}");
        m_fx->workspace(m_fx->read(m_fx->root() + "/.pipewright/workspace.yml")
                            .replace("on-ready: continue", "on-ready: wait"));
        DeploymentEngine engine(m_fx->request(revision("r1")));
        QSignalSpy finished(&engine, &DeploymentEngine::finished);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.state().status, QStringLiteral("Ready"), 10000);
        QCOMPARE(engine.state().overview().ready, 2);
        QTest::qWait(300);
        QCOMPARE(engine.state().status, QStringLiteral("Ready"));
        engine.continueDeployment();
        QVERIFY(finished.wait(10000));
        QCOMPARE(engine.state().status, QStringLiteral("Succeeded"));
    }

    // The router's error rate crosses the alarm during the canary: Stopped, then a rollback
    // deployment routes every request back to the originals.
    void alarmDuringShiftRollsTrafficBack() {
        workspace("{type: canary, percent: 30, interval-seconds: 3}",
                  "        alarm: {max-error-rate: 0.1, window-seconds: 10}\n"
                  "        auto-rollback: {enabled: true, events: [DEPLOYMENT_STOP_ON_ALARM]}\n");
        {
            DeploymentEngine first(m_fx->request(revision("r1")));
            QCOMPARE(DeployFixture::run(first).status, QStringLiteral("Succeeded"));
        }
        m_backends[0]->status = 500;  // the next replacement fleet (blue) answers errors
        m_backends[1]->status = 500;
        DeploymentEngine second(m_fx->request(revision("r2")));
        Burst during;
        connect(&second, &DeploymentEngine::runEvent, this, [&](const RunEvent& e) {
            if (e.kind == RunEventKind::TrafficShifted && e.value == u"30")
                QTimer::singleShot(0, this, [&] { fire(20, &during); });
        });
        const DeploymentState stopped = DeployFixture::run(second, 20000);
        QCOMPARE(stopped.status, QStringLiteral("Stopped"));
        QCOMPARE(stopped.errorCode, QStringLiteral("ALARM_ACTIVE"));
        QVERIFY(during.errors > 0);
        QVERIFY(second.rollbackDeployment());
        const DeploymentState rb = second.rollbackDeployment()->state();
        QCOMPARE(rb.status, QStringLiteral("Succeeded"));
        QCOMPARE(rb.creator, QStringLiteral("codeDeployRollback"));
        QCOMPARE(rb.rollbackInfo.rollbackTriggeringDeploymentId, stopped.deploymentId);
        QCOMPARE(stopped.rollbackInfo.rollbackDeploymentId, rb.deploymentId);
        QCOMPARE(eventNames(rb.instances[2]),
                 QStringList({"BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"}));
        QCOMPARE(eventNames(rb.instances[0]),
                 QStringList({"BeforeBlockTraffic", "BlockTraffic", "AfterBlockTraffic"}));
        const Burst after = burst(10);
        QCOMPARE(after.errors, 0);
        QCOMPARE(after.backends.value("green-1") + after.backends.value("green-2"), 10);
    }
    // StopDeployment mid-canary: CodeDeploy reroutes to the original fleet, so every request
    // after the stop reaches the originals and the replacements leave the load balancer.
    void manualStopDuringShiftRoutesTrafficBack() {
        workspace("{type: all-at-once}");
        const WorkspaceParseResult ws =
            parseWorkspace(YamlDocument::loadFile(m_fx->root() + "/.pipewright/workspace.yml"));
        DeploymentGroupRuntime runtime(m_fx->stateDir(), "shop",
                                       *ws.workspace.application(u"shop")->group(u"web"));
        DeploymentEngine first(m_fx->request(revision("r1")), &runtime);
        QCOMPARE(DeployFixture::run(first).status, QStringLiteral("Succeeded"));  // green serves
        workspace("{type: canary, percent: 50, interval-seconds: 30}");  // the router is the same
        DeploymentEngine second(m_fx->request(revision("r2")), &runtime);
        Burst during;
        QList<int> shifts;
        connect(&second, &DeploymentEngine::runEvent, this, [&](const RunEvent& e) {
            if (e.kind != RunEventKind::TrafficShifted)
                return;
            shifts.append(e.value.toInt());
            if (e.value == u"50")
                QTimer::singleShot(0, this, [&] { fire(20, &during); });
        });
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (during.done == 20)
                second.stop();
        });
        poll.start(20);
        const DeploymentState stopped = DeployFixture::run(second, 20000);
        QCOMPARE(stopped.status, QStringLiteral("Stopped"));
        QCOMPARE(stopped.errorCode, QStringLiteral("MANUAL_STOP"));
        QCOMPARE(shifts, QList<int>({50, 0}));
        QCOMPARE(stopped.trafficPercent, 0);
        const int toBlue = during.backends.value("blue-1") + during.backends.value("blue-2");
        QVERIFY2(toBlue >= 6 && toBlue <= 14, qPrintable(QString::number(toBlue)));
        const Burst after = burst(20);
        QCOMPARE(after.errors, 0);
        QCOMPARE(after.backends.value("green-1") + after.backends.value("green-2"), 20);
        QVERIFY(after.backends.value("green-1") > 0 && after.backends.value("green-2") > 0);
        QVERIFY(!runtime.isRegistered("blue-1") && !runtime.isRegistered("blue-2"));
        QVERIFY(runtime.isRegistered("green-1") && runtime.isRegistered("green-2"));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentBlueGreen)
#include "tst_deploymentbluegreen.moc"
