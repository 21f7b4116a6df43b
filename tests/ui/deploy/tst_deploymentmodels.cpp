#include "deploy/deploymentheader.h"
#include "deploy/deploymenthistorymodel.h"
#include "deploy/instancegridmodel.h"
#include "deploy/lifecycletimelinemodel.h"
#include "deploytestdata.h"
#include "monitor/phasetimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>

using namespace pw;

namespace {

constexpr qint64 kT0 = 1'790'000'000'000;  // 2026-09-21, UTC ms

QVariant role(const QAbstractItemModel& m, int row, int r) {
    return m.index(row, 0).data(r);
}

QString cell(const QAbstractItemModel& m, int row, int column) {
    return m.index(row, column).data().toString();
}

DeploymentState finished(const QString& id, const QString& status, qint64 created, qint64 seconds,
                         const QString& revision) {
    DeploymentState d;
    d.deploymentId = id;
    d.status = status;
    d.createdAtMs = created;
    d.completedAtMs = created + seconds * 1000;
    d.revisionId = revision;
    return d;
}

}  // namespace

class TestDeploymentModels : public QObject {
    Q_OBJECT
private slots:
    void cardsShowEachInstance();
    void snapshotsUpdateCardsInPlace();
    void headerCountsFollowTheSnapshots();
    void timelineRowsOfTheSelectedInstance();
    void runningEventGrowsWithTheClock();
    void failedEventShowsItsErrorAndSkipsTheRest();
    void historyNewestFirstAndUpdatedLive();
};

void TestDeploymentModels::cardsShowEachInstance() {
    InstanceGridModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DeploymentState s = deploytest::inPlace(3, 1, 4, kT0);
    s.instances[2].fleet = QStringLiteral("replacement");
    m.setState(s);
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(role(m, 0, InstanceGridModel::NameRole).toString(), QStringLiteral("web-1"));
    QCOMPARE(role(m, 0, InstanceGridModel::StatusRole).toString(), QStringLiteral("Succeeded"));
    QCOMPARE(role(m, 0, InstanceGridModel::CurrentEventRole).toString(),
             QStringLiteral("ValidateService"));
    QCOMPARE(role(m, 0, InstanceGridModel::ProgressRole).toDouble(), 1.0);
    QCOMPARE(role(m, 0, InstanceGridModel::HealthyRole).toBool(), true);
    // web-2 runs its fifth event, AfterInstall: four of seven done.
    QCOMPARE(role(m, 1, InstanceGridModel::StatusRole).toString(), QStringLiteral("InProgress"));
    QCOMPARE(role(m, 1, InstanceGridModel::CurrentEventRole).toString(),
             QStringLiteral("AfterInstall"));
    QCOMPARE(role(m, 1, InstanceGridModel::CurrentEventStatusRole).toString(),
             QStringLiteral("InProgress"));
    QCOMPARE(role(m, 1, InstanceGridModel::EventCountRole).toString(), QStringLiteral("4/7"));
    QVERIFY(qAbs(role(m, 1, InstanceGridModel::ProgressRole).toDouble() - 4.0 / 7.0) < 1e-9);
    QCOMPARE(role(m, 1, InstanceGridModel::PortRole).toInt(), 8082);
    QCOMPARE(role(m, 1, InstanceGridModel::RevisionRole).toString(), QStringLiteral("3fa9c1d2"));
    QCOMPARE(role(m, 2, InstanceGridModel::CurrentEventRole).toString(), QString());
    QCOMPARE(role(m, 2, InstanceGridModel::FleetRole).toString(), QStringLiteral("replacement"));
    QCOMPARE(m.rowOf(QStringLiteral("web-3")), 2);
    QCOMPARE(m.rowOf(QStringLiteral("nope")), -1);
}

void TestDeploymentModels::snapshotsUpdateCardsInPlace() {
    InstanceGridModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setState(deploytest::inPlace(2, 0, 1, kT0));
    QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&m, &QAbstractItemModel::dataChanged);
    m.setState(deploytest::inPlace(2, 0, 2, kT0));
    QCOMPARE(resets.count(), 0);  // same deployment, same instances: views keep selection
    QCOMPARE(changes.count(), 1);
    QCOMPARE(role(m, 0, InstanceGridModel::CurrentEventRole).toString(),
             QStringLiteral("BeforeInstall"));
    DeploymentState next = deploytest::inPlace(3, 0, 0, kT0 + 60'000);
    next.deploymentId = QStringLiteral("d-NEXT00001");
    m.setState(next);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m.rowCount(), 3);
}

void TestDeploymentModels::headerCountsFollowTheSnapshots() {
    DeploymentHeader header(QStringLiteral("shop"), QStringLiteral("web"));
    DeploymentState s = deploytest::inPlace(5, 2, 3, kT0);
    header.setState(s);
    QCOMPARE(header.shownCount(QStringLiteral("Succeeded")), 2);
    QCOMPARE(header.shownCount(QStringLiteral("InProgress")), 1);
    QCOMPARE(header.shownCount(QStringLiteral("Pending")), 2);
    QCOMPARE(header.shownCount(QStringLiteral("Failed")), 0);
    QVERIFY(header.statusText().contains(QStringLiteral("InProgress")));
    QVERIFY(header.detailsText().contains(QStringLiteral("CodeDeployDefault.OneAtATime")));
    QVERIFY(header.detailsText().contains(QStringLiteral("3fa9c1d2")));
    // Two of five instances done, the third three of seven events in.
    const double expected = (2.0 + 3.0 / 7.0) / 5.0;
    QCOMPARE(header.progressBar()->value(), qRound(expected * 1000));
    QCOMPARE(header.progressText(), QStringLiteral("2 of 5 instances done · 49%"));

    s.instances[2].status = QStringLiteral("Failed");
    s.instances[3].status = QStringLiteral("Skipped");
    s.instances[4].status = QStringLiteral("Skipped");
    s.status = QStringLiteral("Failed");
    QCOMPARE(header.errorText(), QString());
    s.errorCode = QStringLiteral("HEALTH_CONSTRAINTS");
    s.errorMessage = QStringLiteral("too many individual instances failed deployment");
    header.setState(s);
    QVERIFY(header.errorText().contains(QStringLiteral("HEALTH_CONSTRAINTS")));
    QVERIFY(header.errorText().contains(QStringLiteral("too many individual")));
    QCOMPARE(header.shownCount(QStringLiteral("InProgress")), 0);
    QCOMPARE(header.shownCount(QStringLiteral("Failed")), 1);
    QCOMPARE(header.shownCount(QStringLiteral("Skipped")), 2);
    QCOMPARE(header.shownCount(QStringLiteral("Pending")), 0);
    QVERIFY(header.statusText().contains(QStringLiteral("Failed")));
}

void TestDeploymentModels::timelineRowsOfTheSelectedInstance() {
    LifecycleTimelineModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setState(deploytest::inPlace(2, 1, 2, kT0));
    QCOMPARE(m.rowCount(), 0);  // no instance chosen
    m.setInstance(QStringLiteral("web-1"));
    QCOMPARE(m.rowCount(), 7);
    QCOMPARE(cell(m, 0, PhaseTimelineModel::NameColumn), QStringLiteral("ApplicationStop"));
    QCOMPARE(cell(m, 6, PhaseTimelineModel::StatusColumn), QStringLiteral("Succeeded"));
    QCOMPARE(cell(m, 6, PhaseTimelineModel::DurationColumn), QStringLiteral("1 secs"));
    QCOMPARE(role(m, 6, PhaseTimelineModel::StatusRole).toInt(), int(RunStatus::Succeeded));
    QCOMPARE(role(m, 3, PhaseTimelineModel::StartRole).toLongLong(), kT0 + 3000);
    QCOMPARE(role(m, 3, PhaseTimelineModel::EndRole).toLongLong(), kT0 + 4000);
    // The axis spans the deployment, so web-2's bars sit to the right of web-1's.
    QCOMPARE(role(m, 0, PhaseTimelineModel::RunStartRole).toLongLong(), kT0);
    m.setInstance(QStringLiteral("web-2"));
    QCOMPARE(role(m, 0, PhaseTimelineModel::StartRole).toLongLong(), kT0 + 7000);
    QCOMPARE(cell(m, 2, PhaseTimelineModel::StatusColumn), QStringLiteral("InProgress"));
    QCOMPARE(role(m, 2, PhaseTimelineModel::StatusRole).toInt(), int(RunStatus::InProgress));
    QCOMPARE(role(m, 5, PhaseTimelineModel::StatusRole).toInt(), -1);  // pending
    QCOMPARE(cell(m, 5, PhaseTimelineModel::DurationColumn), QString());
    QCOMPARE(m.rowOf(QStringLiteral("Install")), 3);
}

void TestDeploymentModels::runningEventGrowsWithTheClock() {
    LifecycleTimelineModel m;
    m.setState(deploytest::inPlace(1, 0, 2, kT0));
    m.setInstance(QStringLiteral("web-1"));
    m.setNow(kT0 + 2000 + 65'000);
    QCOMPARE(cell(m, 2, PhaseTimelineModel::DurationColumn), QStringLiteral("1 min 5 secs"));
    QCOMPARE(role(m, 2, PhaseTimelineModel::EndRole).toLongLong(), kT0 + 67'000);
    QCOMPARE(role(m, 2, PhaseTimelineModel::RunEndRole).toLongLong(), kT0 + 67'000);
    QSignalSpy changes(&m, &QAbstractItemModel::dataChanged);
    m.setNow(kT0 + 70'000);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(cell(m, 2, PhaseTimelineModel::DurationColumn), QStringLiteral("1 min 8 secs"));
    QCOMPARE(cell(m, 1, PhaseTimelineModel::DurationColumn), QStringLiteral("1 secs"));
}

void TestDeploymentModels::failedEventShowsItsErrorAndSkipsTheRest() {
    DeploymentState s = deploytest::inPlace(1, 0, 4, kT0);
    LifecycleEventState& failed = s.instances[0].lifecycleEvents[4];
    failed.status = QStringLiteral("Failed");
    failed.errorCode = QStringLiteral("ScriptFailed");
    failed.message = QStringLiteral("Script at specified location: scripts/migrate.sh failed");
    failed.endedAtMs = failed.startedAtMs + 2500;
    for (int i = 5; i < 7; ++i)
        s.instances[0].lifecycleEvents[i].status = QStringLiteral("Skipped");
    s.instances[0].status = QStringLiteral("Failed");
    LifecycleTimelineModel m;
    m.setState(s);
    m.setInstance(QStringLiteral("web-1"));
    QCOMPARE(
        cell(m, 4, PhaseTimelineModel::ContextColumn),
        QStringLiteral("ScriptFailed: Script at specified location: scripts/migrate.sh failed"));
    QCOMPARE(role(m, 4, PhaseTimelineModel::StatusRole).toInt(), int(RunStatus::Failed));
    QCOMPARE(cell(m, 4, PhaseTimelineModel::DurationColumn), QStringLiteral("2 secs"));
    QCOMPARE(role(m, 6, PhaseTimelineModel::StatusRole).toInt(), int(RunStatus::Skipped));
    QCOMPARE(cell(m, 3, PhaseTimelineModel::ContextColumn), QString());  // "Success" is no news
    InstanceGridModel grid;
    grid.setState(s);
    QCOMPARE(role(grid, 0, InstanceGridModel::CurrentEventRole).toString(),
             QStringLiteral("AfterInstall"));
    QCOMPARE(role(grid, 0, InstanceGridModel::StatusRole).toString(), QStringLiteral("Failed"));
    QVERIFY(role(grid, 0, Qt::ToolTipRole).toString().contains(QStringLiteral("migrate.sh")));
}

void TestDeploymentModels::historyNewestFirstAndUpdatedLive() {
    DeploymentHistoryModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DeploymentState old = finished(QStringLiteral("d-AAAAAAAA1"), QStringLiteral("Succeeded"), kT0,
                                   42, QStringLiteral("aaaa1111bbbb"));
    old.revisionSource = QStringLiteral("/work/dist/shop-1.4.1.zip");
    DeploymentState bad = finished(QStringLiteral("d-BBBBBBBB2"), QStringLiteral("Failed"),
                                   kT0 + 3'600'000, 75, QStringLiteral("cccc2222dddd"));
    bad.creator = QStringLiteral("CodePipeline");
    m.setHistory({old, bad});
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::IdColumn), QStringLiteral("d-BBBBBBBB2"));
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::StatusColumn), QStringLiteral("Failed"));
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::DurationColumn), QStringLiteral("1 min 15 secs"));
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::CreatorColumn), QStringLiteral("CodePipeline"));
    QCOMPARE(cell(m, 1, DeploymentHistoryModel::RevisionColumn),
             QStringLiteral("aaaa1111  shop-1.4.1.zip"));
    QCOMPARE(cell(m, 1, DeploymentHistoryModel::StartedColumn),
             QStringLiteral("2026-09-21 14:13:20 UTC"));
    QCOMPARE(role(m, 1, DeploymentHistoryModel::RevisionIdRole).toString(),
             QStringLiteral("aaaa1111bbbb"));
    QCOMPARE(m.lastSucceededRevision(), QStringLiteral("aaaa1111bbbb"));
    QCOMPARE(m.lastSucceededRevision(QStringLiteral("d-AAAAAAAA1")), QString());

    // A live deployment is inserted on top and then updated in its row.
    DeploymentState live = deploytest::inPlace(2, 0, 1, kT0 + 7'200'000);
    m.upsert(live);
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::IdColumn), live.deploymentId);
    m.setNow(live.createdAtMs + 5000);
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::DurationColumn), QStringLiteral("5 secs"));
    live.status = QStringLiteral("Succeeded");
    live.completedAtMs = live.createdAtMs + 9000;
    m.upsert(live);
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::StatusColumn), QStringLiteral("Succeeded"));
    QCOMPARE(cell(m, 0, DeploymentHistoryModel::DurationColumn), QStringLiteral("9 secs"));
    QCOMPARE(m.lastSucceededRevision(), live.revisionId);
}

QTEST_MAIN(TestDeploymentModels)
#include "tst_deploymentmodels.moc"
