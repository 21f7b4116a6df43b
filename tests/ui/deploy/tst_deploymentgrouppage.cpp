#include "deploy/deploymentgrouppage.h"
#include "deploy/deploymentheader.h"
#include "deploy/deploymenthistorymodel.h"
#include "deploy/instancegridmodel.h"
#include "deploy/lifecycletimelinemodel.h"
#include "deploy/trafficpanel.h"
#include "deploy/trafficrouter.h"
#include "deploy/trafficsplitbar.h"
#include "deploytestdata.h"
#include "monitor/phasetimelinemodel.h"
#include "monitor/phasetimelineview.h"

#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace pw;

namespace {

constexpr qint64 kT0 = 1'790'000'000'000;

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void clickRow(QAbstractItemView* view, const QModelIndex& index) {
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

DeploymentState past(const QString& id, const QString& status, qint64 created,
                     const QString& revision) {
    DeploymentState d;
    d.deploymentId = id;
    d.application = QStringLiteral("shop");
    d.group = QStringLiteral("web");
    d.status = status;
    d.createdAtMs = created;
    d.completedAtMs = created + 30'000;
    d.revisionId = revision;
    return d;
}

}  // namespace

class TestDeploymentGroupPage : public QObject {
    Q_OBJECT
private slots:
    void followsTheRunningInstanceAndItsLiveOutput();
    void clickingCardAndEventShowsThatLog();
    void redeployAndRollbackAskThroughSignals();
    void trafficShownOnlyWithARouter();
    void speaksGerman();
    void hundredInstancesStayCheap();
};

void TestDeploymentGroupPage::followsTheRunningInstanceAndItsLiveOutput() {
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.setState(deploytest::inPlace(3, 1, 2, kT0));
    QCOMPARE(page.selectedInstance(), QStringLiteral("web-2"));
    QCOMPARE(page.timeline()->rowCount(), 7);
    QCOMPARE(page.instanceView()->currentIndex().row(), 1);
    QCOMPARE(page.history()->rowCount(), 1);  // the live deployment heads the history
    QVERIFY(page.shownLogPath().isEmpty());   // BeforeInstall printed nothing yet

    page.appendScriptOutput(QStringLiteral("web-2"), QStringLiteral("BeforeInstall"),
                            "[stdout]installing deps\n");
    page.appendScriptOutput(QStringLiteral("web-1"), QStringLiteral("ValidateService"),
                            "[stdout]other instance\n");
    page.appendScriptOutput(QStringLiteral("web-2"), QStringLiteral("BeforeInstall"),
                            "[stderr]warning: cache cold\n");
    const QString live = page.shownLogPath();
    QVERIFY(!live.isEmpty());
    QCOMPARE(readAll(live), QByteArray("[stdout]installing deps\n[stderr]warning: cache cold\n"));

    // The next instance starts: the page moves on with it.
    page.setState(deploytest::inPlace(3, 2, 0, kT0));
    QCOMPARE(page.selectedInstance(), QStringLiteral("web-3"));
    QCOMPARE(page.instanceView()->currentIndex().row(), 2);
    QCOMPARE(page.header()->shownCount(QStringLiteral("Succeeded")), 2);
}

void TestDeploymentGroupPage::clickingCardAndEventShowsThatLog() {
    QTemporaryDir dir;
    const QString logPath = dir.filePath(QStringLiteral("web-1-ValidateService.log"));
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write("[stdout]curl -fsS localhost:8081/health\n[stdout]ok\n");
    log.close();
    DeploymentState s = deploytest::inPlace(3, 1, 2, kT0);
    s.instances[0].lifecycleEvents[6].logPath = logPath;

    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.resize(1400, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setState(s);
    clickRow(page.instanceView(), page.instances()->index(0));
    QCOMPARE(page.selectedInstance(), QStringLiteral("web-1"));
    // A finished instance shows its last event's log at once.
    QCOMPARE(page.shownLogPath(), logPath);
    clickRow(page.timelineView(), page.timeline()->index(3, PhaseTimelineModel::NameColumn));
    QVERIFY(page.shownLogPath().isEmpty());  // Install runs no script
    clickRow(page.timelineView(), page.timeline()->index(6, PhaseTimelineModel::BarColumn));
    QCOMPARE(page.shownLogPath(), logPath);

    // New snapshots keep what the user chose.
    page.setState(deploytest::inPlace(3, 1, 3, kT0));
    QCOMPARE(page.selectedInstance(), QStringLiteral("web-1"));
    page.appendScriptOutput(QStringLiteral("web-2"), QStringLiteral("Install"), "x\n");
    QCOMPARE(page.shownLogPath(), logPath);
    // The keyboard picks cards too.
    page.instanceView()->setFocus();
    QTest::keyClick(page.instanceView(), Qt::Key_Right);
    QCOMPARE(page.selectedInstance(), QStringLiteral("web-2"));
    page.setState(deploytest::inPlace(3, 2, 0, kT0));
    QCOMPARE(page.selectedInstance(), QStringLiteral("web-2"));  // not following web-3
}

void TestDeploymentGroupPage::redeployAndRollbackAskThroughSignals() {
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy redeploys(&page, &DeploymentGroupPage::redeployRequested);
    QSignalSpy rollbacks(&page, &DeploymentGroupPage::rollbackRequested);
    page.setHistory({past(QStringLiteral("d-GOOD00001"), QStringLiteral("Succeeded"), kT0,
                          QStringLiteral("good0000rev")),
                     past(QStringLiteral("d-BAD000002"), QStringLiteral("Failed"), kT0 + 60'000,
                          QStringLiteral("bad00000rev"))});
    QVERIFY(!page.redeployButton()->isEnabled());  // nothing selected
    QVERIFY(page.rollbackButton()->isEnabled());
    QVERIFY(page.rollbackButton()->toolTip().contains(QStringLiteral("good0000rev")));

    clickRow(page.historyView(), page.history()->index(1, DeploymentHistoryModel::IdColumn));
    QVERIFY(page.redeployButton()->isEnabled());
    QTest::mouseClick(page.redeployButton(), Qt::LeftButton);
    QCOMPARE(redeploys.count(), 1);
    QCOMPARE(redeploys.first().first().toString(), QStringLiteral("good0000rev"));
    QTest::mouseClick(page.rollbackButton(), Qt::LeftButton);
    QCOMPARE(rollbacks.count(), 1);

    // While a deployment runs, neither can start another.
    DeploymentState running = deploytest::inPlace(2, 0, 1, kT0 + 120'000);
    page.setState(running);
    QVERIFY(!page.redeployButton()->isEnabled());
    QVERIFY(!page.rollbackButton()->isEnabled());
    QVERIFY(page.stopButton()->isEnabled());
    QVERIFY(!page.continueButton()->isVisibleTo(&page));
    QSignalSpy stops(&page, &DeploymentGroupPage::stopRequested);
    QTest::mouseClick(page.stopButton(), Qt::LeftButton);
    QCOMPARE(stops.count(), 1);
    // Blue/green waiting for the shift: Continue appears.
    running.status = QStringLiteral("Ready");
    page.setState(running);
    QVERIFY(page.continueButton()->isVisibleTo(&page));
    QSignalSpy continues(&page, &DeploymentGroupPage::continueRequested);
    QTest::mouseClick(page.continueButton(), Qt::LeftButton);
    QCOMPARE(continues.count(), 1);
    running.status = QStringLiteral("Succeeded");
    running.completedAtMs = kT0 + 150'000;
    page.setState(running);
    QVERIFY(page.rollbackButton()->isEnabled());
    QVERIFY(!page.stopButton()->isEnabled());
    QVERIFY(!page.continueButton()->isVisibleTo(&page));
    // The newest now succeeded: rolling back goes to the one before it.
    QVERIFY(page.rollbackButton()->toolTip().contains(QStringLiteral("good0000rev")));
}

void TestDeploymentGroupPage::trafficShownOnlyWithARouter() {
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    DeploymentState s = deploytest::inPlace(2, 0, 1, kT0);
    page.setState(s);
    QVERIFY(!page.traffic()->isVisibleTo(&page));
    TrafficRouter router;
    page.setRouter(&router);
    QVERIFY(page.traffic()->isVisibleTo(&page));
    QVERIFY(!page.traffic()->splitBar()->isVisibleTo(&page));  // in-place: no split
    s.style = QStringLiteral("blue-green");
    s.trafficPercent = 30;
    page.setState(s);
    QVERIFY(page.traffic()->splitBar()->isVisibleTo(&page));
    QCOMPARE(page.traffic()->splitBar()->configuredPercent(), 30);
    page.setRouter(nullptr);
    QVERIFY(!page.traffic()->isVisibleTo(&page));
}

void TestDeploymentGroupPage::speaksGerman() {
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/pipewright_de.qm")));
    QCoreApplication::installTranslator(&de);
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.setState(deploytest::inPlace(4, 1, 2, kT0));
    QCOMPARE(page.redeployButton()->text(), QStringLiteral("Erneut bereitstellen"));
    QCOMPARE(page.rollbackButton()->text(), QStringLiteral("Zurücksetzen"));
    QCOMPARE(page.header()->progressText(), QStringLiteral("1 von 4 Instanzen fertig · 32 %"));
    QCOMPARE(page.history()->headerData(DeploymentHistoryModel::CreatorColumn, Qt::Horizontal),
             QVariant(QStringLiteral("Ausgelöst von")));
    QCoreApplication::removeTranslator(&de);
}

void TestDeploymentGroupPage::hundredInstancesStayCheap() {
    // The engine sends a snapshot per lifecycle event: 100 instances x 7 events is 700 of
    // them. A generous bound that catches a per-snapshot cost growing with the square.
    DeploymentGroupPage page(QStringLiteral("shop"), QStringLiteral("web"));
    page.resize(1400, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    constexpr int kSnapshots = 100;
    QList<DeploymentState> snapshots;
    for (int i = 0; i < kSnapshots; ++i)
        snapshots << deploytest::inPlace(100, i, i % 7, kT0);
    QElapsedTimer timer;
    timer.start();
    for (const DeploymentState& s : snapshots) {
        page.setState(s);
        QCoreApplication::processEvents();  // let the views repaint what changed
    }
    const double perSnapshotMs = double(timer.elapsed()) / kSnapshots;
    qInfo("100 instances: %.2f ms per snapshot, repaint included", perSnapshotMs);
    QCOMPARE(page.header()->shownCount(QStringLiteral("Succeeded")), 99);
    QVERIFY(perSnapshotMs < 50);
}

QTEST_MAIN(TestDeploymentGroupPage)
#include "tst_deploymentgrouppage.moc"
