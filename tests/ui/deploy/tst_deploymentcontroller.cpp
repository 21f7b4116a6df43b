// The controller with the real engine: a workspace with real scripts, deployed from the page's
// point of view (snapshots, live script output, history, Redeploy and Rollback).
#include "../../core/deploy/deployfixture.h"
#include "deploy/deploymentcontroller.h"
#include "deploy/deploymentgrouppage.h"
#include "deploy/deploymentgroupruntime.h"
#include "deploy/deploymentheader.h"
#include "deploy/deploymenthistorymodel.h"
#include "deploy/instancegridmodel.h"
#include "deploy/trafficpanel.h"
#include "deploy/trafficrouter.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

const QByteArray kAppspec =
    "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/app\n"
    "hooks:\n"
    "  AfterInstall: [{location: scripts/hello.sh}]\n";

QString revision(DeployFixture& fx, const QString& name) {
    return fx.revision(
        name, kAppspec,
        {{QStringLiteral("scripts/hello.sh"), "echo \"hello from " + name.toUtf8() + "\"\n"}},
        {{QStringLiteral("app/index.html"), name.toUtf8()}});
}

DeploymentState waitFor(DeploymentController& controller) {
    QSignalSpy finished(&controller, &DeploymentController::finished);
    if (finished.isEmpty() && !finished.wait(30000))
        return {};
    return finished.last().first().value<DeploymentState>();
}

}  // namespace

class TestDeploymentController : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<DeploymentState>(); }
    void unknownGroupIsAnError();
    void deployFeedsThePageAndHistory();
    void routerOfTheGroupReachesThePage();
};

void TestDeploymentController::unknownGroupIsAnError() {
    DeployFixture fx;
    fx.workspace("version: 1\n");
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    DeploymentController controller(fx.root(), QStringLiteral("shop"), QStringLiteral("web"),
                                    &page);
    QVERIFY(controller.open().contains(QStringLiteral("web")));
    QVERIFY(!controller.deploy(revision(fx, QStringLiteral("r1"))));
}

void TestDeploymentController::deployFeedsThePageAndHistory() {
    DeployFixture fx;
    fx.workspace(
        "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
        "        config: CodeDeployDefault.OneAtATime\n        instances:\n"
        "          - {name: i1, kind: sandbox}\n          - {name: i2, kind: sandbox}\n");
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    DeploymentController controller(fx.root(), QStringLiteral("shop"), QStringLiteral("web"),
                                    &page);
    QCOMPARE(controller.open(), QString());
    QVERIFY(!page.traffic()->isVisibleTo(&page));  // no load balancer, no router

    QVERIFY(controller.deploy(revision(fx, QStringLiteral("r1"))));
    QVERIFY(controller.isRunning());
    const DeploymentState first = waitFor(controller);
    QCOMPARE(first.status, QStringLiteral("Succeeded"));
    QCOMPARE(page.state().deploymentId, first.deploymentId);
    QCOMPARE(page.header()->shownCount(QStringLiteral("Succeeded")), 2);
    QCOMPARE(page.instances()->rowCount(), 2);
    QCOMPARE(page.history()->rowCount(), 1);
    // The last instance's AfterInstall printed its greeting; the page shows that log.
    page.selectInstance(QStringLiteral("i2"));
    page.showEventLog(QStringLiteral("i2"), QStringLiteral("AfterInstall"));
    QVERIFY(!page.shownLogPath().isEmpty());
    QFile log(page.shownLogPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("hello from r1"));

    QVERIFY(controller.deploy(revision(fx, QStringLiteral("r2"))));
    const DeploymentState second = waitFor(controller);
    QCOMPARE(second.status, QStringLiteral("Succeeded"));
    QCOMPARE(page.history()->rowCount(), 2);
    QCOMPARE(page.history()->deployment(0)->deploymentId, second.deploymentId);
    QVERIFY(page.rollbackButton()->isEnabled());

    // Rollback deploys the revision before: creator codeDeployRollback, r1's content again.
    QTest::mouseClick(page.rollbackButton(), Qt::LeftButton);
    const DeploymentState rolledBack = waitFor(controller);
    QCOMPARE(rolledBack.status, QStringLiteral("Succeeded"));
    QCOMPARE(rolledBack.creator, QStringLiteral("codeDeployRollback"));
    QCOMPARE(rolledBack.revisionId, first.revisionId);
    QCOMPARE(page.history()->rowCount(), 3);
}

void TestDeploymentController::routerOfTheGroupReachesThePage() {
    DeployFixture fx;
    const quint16 port = DeployFixture::freePort();
    fx.workspace(
        "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
        "        instances:\n          - {name: i1, kind: sandbox, port: " +
        QByteArray::number(DeployFixture::freePort()) +
        "}\n        load-balancer:\n          port: " + QByteArray::number(port) + "\n");
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    DeploymentController controller(fx.root(), QStringLiteral("shop"), QStringLiteral("web"),
                                    &page);
    QCOMPARE(controller.open(), QString());
    QVERIFY(controller.runtime()->router());
    QCOMPARE(controller.runtime()->router()->port(), port);
    QVERIFY(page.traffic()->isVisibleTo(&page));
}

QTEST_MAIN(TestDeploymentController)
#include "tst_deploymentcontroller.moc"
