// The local CodeDeploy engine, in place: appspec.md §2.2 orders, §2.3 script sources, §7 cases.
#include "deploy/deploymentengine.h"
#include "deploy/deploymentstore.h"
#include "deployfixture.h"
#include "engine/runevent.h"

#include <QElapsedTimer>

using namespace pw;
using namespace pw::test;

namespace {

const QByteArray kFullAppspec =
    "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/app\n"
    "hooks:\n"
    "  ApplicationStop: [{location: scripts/hook.sh}]\n"
    "  BeforeInstall: [{location: scripts/hook.sh}]\n"
    "  AfterInstall: [{location: scripts/hook.sh}]\n"
    "  ApplicationStart: [{location: scripts/hook.sh}]\n"
    "  ValidateService: [{location: scripts/check.sh, timeout: 60}]\n";

QByteArray group(const QByteArray& config, int instances, const QByteArray& extra = {}) {
    QByteArray yaml =
        "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
        "        " +
        config + "\n        instances:\n";
    for (int i = 1; i <= instances; ++i)
        yaml += "          - {name: i" + QByteArray::number(i) + ", kind: sandbox}\n";
    return yaml + extra;
}

}  // namespace

class TestDeploymentEngine : public QObject {
    Q_OBJECT

    std::unique_ptr<DeployFixture> m_fx;
    QString m_trace;

    // hook.sh records "<event> <instance> <revision>"; check.sh fails on the listed instances.
    QString revision(const QString& name, const QByteArray& failingChecks = "none",
                     const QByteArray& appspec = kFullAppspec) {
        const QByteArray trace = m_trace.toUtf8();
        const QByteArray record =
            "echo \"$LIFECYCLE_EVENT $(basename \"$PIPEWRIGHT_INSTANCE_ROOT\") " + name.toUtf8() +
            " $DEPLOYMENT_ID $DEPLOYMENT_GROUP_NAME\" >> " + trace + "\n";
        return m_fx->revision(
            name, appspec,
            {{QStringLiteral("scripts/hook.sh"), record},
             {QStringLiteral("scripts/check.sh"),
              record + "case \" " + failingChecks +
                  " \" in *\" $(basename \"$PIPEWRIGHT_INSTANCE_ROOT\") \"*) exit 1;; esac\n"}},
            {{QStringLiteral("app/index.html"), name.toUtf8()}});
    }

    QStringList trace() const {
        return QString::fromUtf8(m_fx->read(m_trace)).split(u'\n', Qt::SkipEmptyParts);
    }

private slots:
    void init() {
        m_fx = std::make_unique<DeployFixture>();
        m_trace = m_fx->root() + QStringLiteral("/trace.txt");
    }

    void inPlaceRunsTheLifecycleInOrderOneAtATime() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 2));
        DeploymentEngine engine(m_fx->request(revision(QStringLiteral("r1"))));
        QList<RunEvent> events;
        connect(&engine, &DeploymentEngine::runEvent, this,
                [&events](const RunEvent& e) { events.append(e); });
        const DeploymentState s = DeployFixture::run(engine);
        QCOMPARE(s.status, QStringLiteral("Succeeded"));
        QVERIFY(s.deploymentId.startsWith(QStringLiteral("d-")));
        QCOMPARE(s.configName, QStringLiteral("CodeDeployDefault.OneAtATime"));
        QCOMPARE(s.instances.size(), 2);
        QCOMPARE(eventNames(s.instances[0]),
                 QStringList({"ApplicationStop", "DownloadBundle", "BeforeInstall", "Install",
                              "AfterInstall", "ApplicationStart", "ValidateService"}));
        // First deployment: no previous revision, so ApplicationStop runs nothing (§2.3).
        const QStringList expected = {"BeforeInstall i1 r1",    "AfterInstall i1 r1",
                                      "ApplicationStart i1 r1", "ValidateService i1 r1",
                                      "BeforeInstall i2 r1",    "AfterInstall i2 r1",
                                      "ApplicationStart i2 r1", "ValidateService i2 r1"};
        QStringList seen;
        for (const QString& line : trace()) {
            QVERIFY(line.endsWith(s.deploymentId + QStringLiteral(" web")));
            seen.append(line.section(u' ', 0, 2));
        }
        QCOMPARE(seen, expected);
        QCOMPARE(m_fx->read(m_fx->sandbox("web", "i2") + "/opt/app/index.html"), QByteArray("r1"));
        // OneAtATime: i2 starts after i1 ended.
        QVERIFY(s.instances[1].lifecycleEvents.first().startedAtMs >=
                s.instances[0].lifecycleEvents.last().endedAtMs);
        // The full script log is a file.
        const LifecycleEventState* start = eventOf(s.instances[0], "ApplicationStart");
        QVERIFY(!start->logPath.isEmpty());
        QVERIFY(m_fx->read(start->logPath).contains("Script - scripts/hook.sh") ||
                QFileInfo::exists(start->logPath));
        // Persisted: the state and every state change as a RunEvent.
        DeploymentStore store(m_fx->stateDir());
        QVERIFY(store.open());
        const auto saved = store.deployment(s.deploymentId);
        QVERIFY(saved);
        QCOMPARE(saved->status, QStringLiteral("Succeeded"));
        QCOMPARE(saved->overview().succeeded, 2);
        const QList<RunEvent> stored = store.events(s.deploymentId);
        QCOMPARE(stored.size(), events.size());
        QCOMPARE(stored.first().kind, RunEventKind::RunStarted);
        QCOMPARE(stored.last().kind, RunEventKind::RunFinished);
        const auto finishedSteps =
            std::count_if(stored.cbegin(), stored.cend(),
                          [](const RunEvent& e) { return e.kind == RunEventKind::StepFinished; });
        QCOMPARE(finishedSteps, 14);
        QCOMPARE(store.deployments(QStringLiteral("shop"), QStringLiteral("web")).size(), 1);
    }

    // TC5: ApplicationStop runs the last successful revision's script.
    void applicationStopComesFromThePreviousRevision() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 1));
        const QString r1 = m_fx->revision(
            "r1", "version: 0.0\nos: linux\nhooks:\n  ApplicationStop: [{location: stop.sh}]\n",
            {{"stop.sh", "echo r1-stop >> " + m_trace.toUtf8() + "\nexit 1\n"}});
        const QString r2 = m_fx->revision(
            "r2", "version: 0.0\nos: linux\nhooks:\n  ApplicationStop: [{location: stop.sh}]\n",
            {{"stop.sh", "echo r2-stop >> " + m_trace.toUtf8() + "\n"}});
        QCOMPARE(m_fx->deploy(m_fx->request(r1)).status, QStringLiteral("Succeeded"));
        QVERIFY(trace().isEmpty());

        const DeploymentState second = m_fx->deploy(m_fx->request(r2));
        QCOMPARE(second.status, QStringLiteral("Failed"));
        QCOMPARE(trace(), QStringList({"r1-stop"}));
        const InstanceState& i = second.instances.first();
        QCOMPARE(statusOf(i, "ApplicationStop"), QStringLiteral("Failed"));
        QCOMPARE(eventOf(i, "ApplicationStop")->errorCode, QStringLiteral("ScriptFailed"));
        QCOMPARE(eventOf(i, "ApplicationStop")->message,
                 QStringLiteral("Script at specified location: stop.sh failed with exit code 1"));
        for (const char* e : {"DownloadBundle", "BeforeInstall", "Install", "ValidateService"})
            QCOMPARE(statusOf(i, e), QStringLiteral("Skipped"));

        DeploymentRequest ignoring = m_fx->request(r2);
        ignoring.ignoreApplicationStopFailures = true;
        const DeploymentState third = m_fx->deploy(ignoring);
        QCOMPARE(third.status, QStringLiteral("Succeeded"));
        QCOMPARE(statusOf(third.instances.first(), "ApplicationStop"), QStringLiteral("Failed"));
        QCOMPARE(statusOf(third.instances.first(), "DownloadBundle"), QStringLiteral("Succeeded"));

        QCOMPARE(m_fx->deploy(m_fx->request(r2)).status, QStringLiteral("Succeeded"));
        QCOMPARE(trace(), QStringList({"r1-stop", "r1-stop", "r2-stop"}));
    }

    // TC2: the script's process group gets SIGTERM at its timeout; later events are Skipped.
    void hookTimeoutFailsTheEventAndSkipsTheRest() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 1));
        const QString r = m_fx->revision(
            "slow",
            "version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: migrate.sh\n"
            "      timeout: 1\n    - location: never.sh\n  ApplicationStart: [{location: "
            "never.sh}]\n",
            {{"migrate.sh", "sleep 30\n"}, {"never.sh", "echo ran >> " + m_trace.toUtf8() + "\n"}});
        QElapsedTimer timer;
        timer.start();
        const DeploymentState s = m_fx->deploy(m_fx->request(r));
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(s.status, QStringLiteral("Failed"));
        const LifecycleEventState* after = eventOf(s.instances.first(), "AfterInstall");
        QCOMPARE(after->errorCode, QStringLiteral("ScriptTimedOut"));
        QCOMPARE(after->message,
                 QStringLiteral(
                     "Script at specified location: migrate.sh failed to complete in 1 seconds"));
        QCOMPARE(statusOf(s.instances.first(), "ApplicationStart"), QStringLiteral("Skipped"));
        QCOMPARE(statusOf(s.instances.first(), "ValidateService"), QStringLiteral("Skipped"));
        QVERIFY(trace().isEmpty());
    }

    // TC1: HalfAtATime on 4: i1+i2 together, then i3, then i4; one failure still succeeds.
    void halfAtATimeThrottlesAndToleratesOneFailure() {
        m_fx->workspace(group("config: CodeDeployDefault.HalfAtATime", 4));
        const DeploymentState s = m_fx->deploy(m_fx->request(revision("r1", "i2")));
        QCOMPARE(s.status, QStringLiteral("Succeeded"));
        const DeploymentOverview o = s.overview();
        QCOMPARE(o.succeeded, 3);
        QCOMPARE(o.failed, 1);
        QCOMPARE(s.instances[1].status, QStringLiteral("Failed"));
        QCOMPARE(statusOf(s.instances[1], "ValidateService"), QStringLiteral("Failed"));
        // i3 runs after the first batch, i4 after i3.
        const auto first = [](const InstanceState& i) {
            return i.lifecycleEvents.first().startedAtMs;
        };
        const auto last = [](const InstanceState& i) { return i.lifecycleEvents.last().endedAtMs; };
        QVERIFY(first(s.instances[1]) < last(s.instances[0]));
        QVERIFY(first(s.instances[2]) >= std::min(last(s.instances[0]), last(s.instances[1])));
        QVERIFY(first(s.instances[3]) >= last(s.instances[2]));
    }

    void halfAtATimeFailsOnHealthConstraintsAndSkipsTheRest() {
        m_fx->workspace(group("config: CodeDeployDefault.HalfAtATime", 4));
        const DeploymentState s = m_fx->deploy(m_fx->request(revision("r1", "i2 i3")));
        QCOMPARE(s.status, QStringLiteral("Failed"));
        QCOMPARE(s.errorCode, QStringLiteral("HEALTH_CONSTRAINTS"));
        QCOMPARE(s.instances[3].status, QStringLiteral("Skipped"));
        QCOMPARE(statusOf(s.instances[3], "Install"), QStringLiteral("Skipped"));
    }

    // TC3: OneAtATime on 3, the last failing still succeeds; the middle failing skips h3.
    void oneAtATimeLastFailureStillSucceeds() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 3));
        QCOMPARE(m_fx->deploy(m_fx->request(revision("r1", "i3"))).status,
                 QStringLiteral("Succeeded"));
        DeployFixture other;
        m_fx = std::make_unique<DeployFixture>();
        m_trace = m_fx->root() + QStringLiteral("/trace.txt");
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 3));
        const DeploymentState s = m_fx->deploy(m_fx->request(revision("r1", "i2")));
        QCOMPARE(s.status, QStringLiteral("Failed"));
        QCOMPARE(s.instances[2].status, QStringLiteral("Skipped"));
    }

    // TC10: a minimum that can never be met fails before touching any instance.
    void impossibleConfigurationFailsAtOnce() {
        m_fx->workspace(
            group("config: {minimum-healthy-hosts: {type: FLEET_PERCENT, value: 95}}", 3));
        const DeploymentState s = m_fx->deploy(m_fx->request(revision("r1")));
        QCOMPARE(s.status, QStringLiteral("Failed"));
        QCOMPARE(s.errorCode, QStringLiteral("HEALTH_CONSTRAINTS_INVALID"));
        QCOMPARE(s.overview().skipped, 3);
        QVERIFY(trace().isEmpty());
        QVERIFY(!QFileInfo::exists(m_fx->sandbox("web", "i1") + "/opt/app"));
    }

    // TC9: AllAtOnce starts everything together and succeeds with one success.
    void allAtOnceRunsTogether() {
        m_fx->workspace(group("config: CodeDeployDefault.AllAtOnce", 3));
        const DeploymentState s = m_fx->deploy(m_fx->request(revision("r1", "i1 i2")));
        QCOMPARE(s.status, QStringLiteral("Succeeded"));
        QCOMPARE(s.overview().failed, 2);
        const DeploymentState all = m_fx->deploy(m_fx->request(revision("r2", "i1 i2 i3")));
        QCOMPARE(all.status, QStringLiteral("Failed"));
    }

    void invalidAppspecFailsBeforeTouchingInstances() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 1));
        const QString r = m_fx->revision("bad", "version: \"0.0\"\nos: Linux\n", {});
        DeploymentEngine engine(m_fx->request(r));
        const DeploymentState s = DeployFixture::run(engine);
        QCOMPARE(s.status, QStringLiteral("Failed"));
        QCOMPARE(s.errorCode, QStringLiteral("INVALID_REVISION"));
        QVERIFY(engine.isInvalidInput());
        QVERIFY(!QFileInfo::exists(m_fx->sandbox("web", "i1")));

        DeploymentEngine missing(m_fx->request(r, QStringLiteral("nope")));
        QCOMPARE(DeployFixture::run(missing).errorCode, QStringLiteral("DEPLOYMENT_GROUP_MISSING"));
        QVERIFY(missing.isInvalidInput());
    }

    // TC12: the rollback redeploys R1; its ApplicationStop runs R2's script (R2 passed Install).
    void failureRollsBackToTheLastGoodRevision() {
        m_fx->workspace(
            group("config: CodeDeployDefault.OneAtATime", 1,
                  "        auto-rollback: {enabled: true, events: [DEPLOYMENT_FAILURE]}\n"));
        const DeploymentState a = m_fx->deploy(m_fx->request(revision("r1")));
        QCOMPARE(a.status, QStringLiteral("Succeeded"));
        DeploymentEngine b(m_fx->request(revision("r2", "i1")));
        QList<DeploymentState> rollbackStates;
        connect(&b, &DeploymentEngine::stateChanged, this, [&](const DeploymentState& s) {
            if (s.deploymentId != b.state().deploymentId)
                rollbackStates.append(s);
        });
        const DeploymentState failed = DeployFixture::run(b);
        QCOMPARE(failed.status, QStringLiteral("Failed"));
        QVERIFY(b.rollbackDeployment());
        const DeploymentState c = b.rollbackDeployment()->state();
        QCOMPARE(c.status, QStringLiteral("Succeeded"));
        QCOMPARE(c.creator, QStringLiteral("codeDeployRollback"));
        QCOMPARE(c.revisionId, a.revisionId);
        QCOMPARE(c.rollbackInfo.rollbackTriggeringDeploymentId, failed.deploymentId);
        QCOMPARE(failed.rollbackInfo.rollbackDeploymentId, c.deploymentId);
        QVERIFY(!rollbackStates.isEmpty());
        QCOMPARE(m_fx->read(m_fx->sandbox("web", "i1") + "/opt/app/index.html"), QByteArray("r1"));
        const QStringList stops = trace().filter(QStringLiteral("ApplicationStop"));
        QCOMPARE(stops.size(), 2);
        QVERIFY(stops[0].startsWith(QStringLiteral("ApplicationStop i1 r1")));  // B stops R1
        QVERIFY(stops[1].startsWith(QStringLiteral("ApplicationStop i1 r2")));  // C stops R2
        DeploymentStore store(m_fx->stateDir());
        QVERIFY(store.open());
        QCOMPARE(store.deployment(failed.deploymentId)->rollbackInfo.rollbackDeploymentId,
                 c.deploymentId);
        QCOMPARE(
            store.deployments(QStringLiteral("shop"), QStringLiteral("web")).first().deploymentId,
            c.deploymentId);
    }

    void firstFailureCannotBeRolledBack() {
        m_fx->workspace(
            group("config: CodeDeployDefault.OneAtATime", 1,
                  "        auto-rollback: {enabled: true, events: [DEPLOYMENT_FAILURE]}\n"));
        DeploymentEngine engine(m_fx->request(revision("r1", "i1")));
        const DeploymentState s = DeployFixture::run(engine);
        QCOMPARE(s.status, QStringLiteral("Failed"));
        QVERIFY(!engine.rollbackDeployment());
        QVERIFY(s.rollbackInfo.rollbackMessage.contains(QStringLiteral("can't be rolled back")));
    }

    void manualRollbackAndRedeploy() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 1));
        const DeploymentState a = m_fx->deploy(m_fx->request(revision("r1")));
        const DeploymentState b = m_fx->deploy(m_fx->request(revision("r2")));
        QCOMPARE(b.status, QStringLiteral("Succeeded"));
        DeploymentRequest rollback = m_fx->request({});
        rollback.rollback = true;
        rollback.creator = QStringLiteral("codeDeployRollback");
        const DeploymentState c = m_fx->deploy(rollback);
        QCOMPARE(c.status, QStringLiteral("Succeeded"));
        QCOMPARE(c.revisionId, a.revisionId);
        QCOMPARE(c.rollbackInfo.rollbackTriggeringDeploymentId, b.deploymentId);
        QCOMPARE(m_fx->read(m_fx->sandbox("web", "i1") + "/opt/app/index.html"), QByteArray("r1"));
        DeploymentRequest redeploy = m_fx->request({});
        redeploy.redeployRevisionId = b.revisionId;
        QCOMPARE(m_fx->deploy(redeploy).revisionId, b.revisionId);
        QCOMPARE(m_fx->read(m_fx->sandbox("web", "i1") + "/opt/app/index.html"), QByteArray("r2"));
    }

    void oneDeploymentPerGroupAtATime() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 1));
        const QString slow = m_fx->revision(
            "slow", "version: 0.0\nos: linux\nhooks:\n  ApplicationStart: [{location: s.sh}]\n",
            {{"s.sh", "sleep 1\n"}});
        DeploymentEngine first(m_fx->request(slow));
        QSignalSpy done(&first, &DeploymentEngine::finished);
        first.start();
        QCOMPARE(first.state().status, QStringLiteral("InProgress"));
        DeploymentEngine second(m_fx->request(slow));
        const DeploymentState refused = DeployFixture::run(second);
        QCOMPARE(refused.errorCode, QStringLiteral("DEPLOYMENT_LIMIT_EXCEEDED"));
        QVERIFY(second.isInvalidInput());
        QVERIFY(done.wait(10000));
        QCOMPARE(first.state().status, QStringLiteral("Succeeded"));
    }

    void stopEndsStopped() {
        m_fx->workspace(group("config: CodeDeployDefault.OneAtATime", 2));
        const QString slow = m_fx->revision(
            "slow", "version: 0.0\nos: linux\nhooks:\n  ApplicationStart: [{location: s.sh}]\n",
            {{"s.sh", "sleep 20\n"}});
        DeploymentEngine engine(m_fx->request(slow));
        QSignalSpy done(&engine, &DeploymentEngine::finished);
        connect(&engine, &DeploymentEngine::runEvent, &engine, [&engine](const RunEvent& e) {
            if (e.kind == RunEventKind::StepStarted && e.step == u"ApplicationStart")
                engine.stop();
        });
        engine.start();
        QVERIFY(!done.isEmpty() || done.wait(10000));
        QCOMPARE(engine.state().status, QStringLiteral("Stopped"));
        QCOMPARE(engine.state().errorCode, QStringLiteral("MANUAL_STOP"));
        QCOMPARE(engine.state().instances[1].status, QStringLiteral("Skipped"));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentEngine)
#include "tst_deploymentengine.moc"
