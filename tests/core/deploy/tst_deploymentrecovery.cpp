// A deployment killed with SIGKILL mid-event: the next deployment of the group takes over the
// lock and fails the in-progress event "after restart", as the agent does.
#include "deploy/deploymentengine.h"
#include "deploy/deploymentstore.h"
#include "deploy/hookrunner.h"
#include "deployfixture.h"
#include "engine/runevent.h"

#include <QCoreApplication>
#include <QProcess>

#include <csignal>

using namespace pw;
using namespace pw::test;

namespace {

constexpr char kChildRoot[] = "PW_DEPLOY_CHILD_ROOT";
constexpr char kChildRevision[] = "PW_DEPLOY_CHILD_REVISION";

// The child: one deployment, run until killed.
int runChild() {
    DeploymentRequest r;
    r.workspaceRoot = qEnvironmentVariable(kChildRoot);
    r.application = QStringLiteral("shop");
    r.group = QStringLiteral("web");
    r.revisionPath = qEnvironmentVariable(kChildRevision);
    DeploymentEngine engine(r);
    QObject::connect(&engine, &DeploymentEngine::finished, qApp, &QCoreApplication::quit);
    engine.start();
    return QCoreApplication::exec();
}

}  // namespace

class TestDeploymentRecovery : public QObject {
    Q_OBJECT

private slots:
    void killedDeploymentIsFailedAfterRestart() {
        DeployFixture fx;
        fx.workspace(
            "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
            "        instances: [{name: i1, kind: sandbox}]\n");
        const QByteArray pidFile = (fx.root() + "/hook.pid").toUtf8();
        const QString hang = fx.revision(
            "hang", "version: 0.0\nos: linux\nhooks:\n  ApplicationStart: [{location: start.sh}]\n",
            {{"start.sh", "echo $$ > " + pidFile + "\nexec sleep 60\n"}});
        const QString good = fx.revision(
            "good", "version: 0.0\nos: linux\nhooks:\n  ApplicationStart: [{location: start.sh}]\n",
            {{"start.sh", "true\n"}});

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(kChildRoot, fx.root());
        env.insert(kChildRevision, hang);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!fx.read(QString::fromUtf8(pidFile)).trimmed().isEmpty(), 10000);
        const pid_t hook = pid_t(fx.read(QString::fromUtf8(pidFile)).trimmed().toLongLong());
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(5000));
        ::kill(-hook, SIGKILL);  // the hook's own process group outlives the killed engine

        QString killedId;
        {
            DeploymentStore store(fx.stateDir());
            QVERIFY(store.open());
            const QList<DeploymentState> list = store.deployments("shop", "web");
            QCOMPARE(list.size(), 1);
            QCOMPARE(list.first().status, QStringLiteral("InProgress"));
            killedId = list.first().deploymentId;
            // The event stream is written as it happens (the state snapshot may lag it).
            const QList<RunEvent> events = store.events(killedId);
            QCOMPARE(events.last().kind, RunEventKind::StepStarted);
            QCOMPARE(events.last().step, QStringLiteral("ApplicationStart"));
        }

        const DeploymentState next = fx.deploy(fx.request(good));
        QCOMPARE(next.status, QStringLiteral("Succeeded"));  // the dead pid's lock was taken over

        DeploymentStore store(fx.stateDir());
        QVERIFY(store.open());
        const DeploymentState killed = *store.deployment(killedId);
        QCOMPARE(killed.status, QStringLiteral("Failed"));
        const InstanceState& i = killed.instances.first();
        QCOMPARE(i.status, QStringLiteral("Failed"));
        const LifecycleEventState* start = eventOf(i, "ApplicationStart");
        QCOMPARE(start->status, QStringLiteral("Failed"));
        QCOMPARE(start->errorCode, QStringLiteral("UnknownError"));
        QCOMPARE(start->message, failedAfterRestartMessage());
        QCOMPARE(statusOf(i, "ValidateService"), QStringLiteral("Skipped"));
        QCOMPARE(statusOf(i, "Install"), QStringLiteral("Succeeded"));
        QCOMPARE(store.events(killedId).last().kind, RunEventKind::RunFinished);
        // The new deployment's ApplicationStop ran nothing of the killed one: it had no
        // successful revision before, and the hang revision's Install did succeed.
        QCOMPARE(store.deployments("shop", "web").first().deploymentId, next.deploymentId);
    }
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildRoot))
        return runChild();
    TestDeploymentRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_deploymentrecovery.moc"
