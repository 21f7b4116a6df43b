#include "deploy/deploymentconfig.h"
#include "deploy/deploymentscheduler.h"

#include <QSet>
#include <QTest>

using namespace pw;

namespace {

QList<SchedulerInstance> fleet(int n) {
    QList<SchedulerInstance> instances;
    for (int i = 1; i <= n; ++i)
        instances.append(
            {QStringLiteral("i%1").arg(i), InstanceHealth::Healthy, RevisionHealth::Old});
    return instances;
}

// Runs a deployment to the end, finishing in-flight instances first-started-first; the
// instances in `failing` (1-based) fail.
struct Run {
    SchedulerState state = SchedulerState::Idle;
    QList<int> started;  // 1-based, in start order
    QList<int> batches;  // in-flight count each time the scheduler stopped starting
    QList<ScheduledStatus> statuses;
    std::optional<DeploymentError> error;
    int finishedCalls = 0;
};

Run simulate(const DeploymentConfig& config, int n, const QSet<int>& failing) {
    Run run;
    DeploymentScheduler scheduler(config, fleet(n));
    QList<int> inFlight;
    scheduler.setStartHandler([&](int i) {
        run.started.append(i + 1);
        inFlight.append(i);
    });
    scheduler.setFinishedHandler([&](SchedulerState) { ++run.finishedCalls; });
    scheduler.start();
    while (!inFlight.isEmpty()) {
        run.batches.append(int(inFlight.size()));
        const int i = inFlight.takeFirst();
        scheduler.instanceFinished(i, !failing.contains(i + 1));
    }
    run.state = scheduler.state();
    for (int i = 0; i < n; ++i)
        run.statuses.append(scheduler.status(i));
    run.error = scheduler.error();
    return run;
}

DeploymentConfig half() {
    return *DeploymentConfig::predefined(u"CodeDeployDefault.HalfAtATime");
}
DeploymentConfig allAtOnce() {
    return *DeploymentConfig::predefined(u"CodeDeployDefault.AllAtOnce");
}
DeploymentConfig hostCount(int m) {
    return DeploymentConfig::custom(QStringLiteral("Custom"), MinimumHealthyType::HostCount, m);
}
DeploymentConfig fleetPercent(int p) {
    return DeploymentConfig::custom(QStringLiteral("Custom"), MinimumHealthyType::FleetPercent, p);
}

}  // namespace

class TestDeploymentScheduler : public QObject {
    Q_OBJECT

private slots:
    void predefinedConfigs() {
        QVERIFY(DeploymentConfig::predefined(u"CodeDeployDefault.AllAtOnce"));
        QVERIFY(!DeploymentConfig::predefined(u"CodeDeployDefault.Whatever"));
        QCOMPARE(half().type(), MinimumHealthyType::FleetPercent);
        QCOMPARE(half().value(), 50);
        QVERIFY(DeploymentConfig::oneAtATime().isOneAtATime());
        QCOMPARE(allAtOnce().minimumHealthy(9), 0);
    }

    void arithmetic_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<int>("required");
        const int hc = int(MinimumHealthyType::HostCount);
        const int fp = int(MinimumHealthyType::FleetPercent);
        // The API's worked examples and those of the user guide (appspec.md §3.2).
        QTest::newRow("9 hosts HOST_COUNT 6") << hc << 6 << 9 << 6 << 3 << 6;
        QTest::newRow("9 hosts FLEET_PERCENT 40") << fp << 40 << 9 << 4 << 5 << 4;
        QTest::newRow("10 hosts M=9") << hc << 9 << 10 << 9 << 1 << 9;
        QTest::newRow("10 hosts M=8") << hc << 8 << 10 << 8 << 2 << 8;
        QTest::newRow("10 hosts M=0") << hc << 0 << 10 << 0 << 10 << 1;
        QTest::newRow("10 hosts 95%") << fp << 95 << 10 << 10 << 0 << 10;
        QTest::newRow("10 hosts 85%") << fp << 85 << 10 << 9 << 1 << 9;
        QTest::newRow("5 hosts FLEET_PERCENT 0") << fp << 0 << 5 << 0 << 5 << 1;
    }

    void arithmetic() {
        QFETCH(int, type);
        QFETCH(int, value);
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(int, concurrency);
        QFETCH(int, required);
        const auto config =
            DeploymentConfig::custom(QStringLiteral("C"), MinimumHealthyType(type), value);
        QCOMPARE(config.minimumHealthy(n), m);
        QCOMPARE(config.initialConcurrency(n), concurrency);
        QCOMPARE(config.requiredSuccesses(n), required);
        QCOMPARE(bool(config.startError(n)), concurrency == 0);
    }

    void oneAtATimeArithmetic() {
        const auto one = DeploymentConfig::oneAtATime();
        QCOMPARE(one.minimumHealthy(10), 9);
        QCOMPARE(one.initialConcurrency(10), 1);
        QCOMPARE(one.minimumHealthy(1), 0);
        QCOMPARE(one.requiredSuccesses(1), 1);  // single host: must succeed
        QVERIFY(!one.startError(1));
        QCOMPARE(one.startError(0)->code, QStringLiteral("NO_INSTANCES"));
    }

    void definitionErrors() {
        QVERIFY(!fleetPercent(99).definitionError());
        QVERIFY(fleetPercent(100).definitionError());
        QVERIFY(hostCount(-1).definitionError());
        QVERIFY(!hostCount(0).definitionError());
        QVERIFY(DeploymentConfig::custom(QStringLiteral("CodeDeployDefault.Mine"),
                                         MinimumHealthyType::HostCount, 1)
                    .definitionError());
        QVERIFY(!half().definitionError());
    }

    // appspec.md §3.2 HalfAtATime table: M = ceil(N/2), first batch = floor(N/2).
    void halfAtATimeTable_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("firstBatch");
        const int ms[] = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        const int batches[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 5};
        for (int n = 1; n <= 10; ++n)
            QTest::addRow("N=%d", n) << n << ms[n - 1] << batches[n - 1];
    }

    void halfAtATimeTable() {
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(int, firstBatch);
        QCOMPARE(half().minimumHealthy(n), m);
        DeploymentScheduler scheduler(half(), fleet(n));
        int started = 0;
        scheduler.setStartHandler([&](int) { ++started; });
        scheduler.start();
        QCOMPARE(started, firstBatch);
        if (firstBatch == 0) {
            QCOMPARE(scheduler.state(), SchedulerState::Failed);
            QCOMPARE(scheduler.error()->code, QStringLiteral("HEALTH_CONSTRAINTS_INVALID"));
            QCOMPARE(scheduler.counts().skipped, n);
        }
    }

    void tc1HalfAtATimeOneFailure() {
        const Run run = simulate(half(), 4, {2});
        QCOMPARE(run.state, SchedulerState::Succeeded);
        QCOMPARE(run.started, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(run.batches.first(), 2);
        QCOMPARE(run.batches.last(), 1);  // i3 then i4, one at a time
        QCOMPARE(run.statuses.at(1), ScheduledStatus::Failed);
        QCOMPARE(run.finishedCalls, 1);
    }

    void tc1VariantSecondFailureSkipsRest() {
        const Run run = simulate(half(), 4, {2, 3});
        QCOMPARE(run.state, SchedulerState::Failed);
        QCOMPARE(run.error->code, QStringLiteral("HEALTH_CONSTRAINTS"));
        QCOMPARE(run.statuses.at(3), ScheduledStatus::Skipped);
        QCOMPARE(run.started, (QList<int>{1, 2, 3}));
    }

    void tc3OneAtATime() {
        const Run a = simulate(DeploymentConfig::oneAtATime(), 3, {2});
        QCOMPARE(a.state, SchedulerState::Failed);
        QCOMPARE(a.statuses,
                 (QList<ScheduledStatus>{ScheduledStatus::Succeeded, ScheduledStatus::Failed,
                                         ScheduledStatus::Skipped}));
        const Run b = simulate(DeploymentConfig::oneAtATime(), 3, {3});
        QCOMPARE(b.state, SchedulerState::Succeeded);
        for (int batch : b.batches)
            QCOMPARE(batch, 1);
    }

    void oneAtATimeSingleHost() {
        QCOMPARE(simulate(DeploymentConfig::oneAtATime(), 1, {}).state, SchedulerState::Succeeded);
        QCOMPARE(simulate(DeploymentConfig::oneAtATime(), 1, {1}).state, SchedulerState::Failed);
    }

    void tc9AllAtOnce() {
        const Run two = simulate(allAtOnce(), 3, {1, 2});
        QCOMPARE(two.batches.first(), 3);
        QCOMPARE(two.state, SchedulerState::Succeeded);
        QCOMPARE(simulate(allAtOnce(), 3, {1, 2, 3}).state, SchedulerState::Failed);
    }

    void tc10ImpossibleConstraints() {
        const Run a = simulate(fleetPercent(95), 10, {});
        QCOMPARE(a.state, SchedulerState::Failed);
        QVERIFY(a.started.isEmpty());
        QCOMPARE(a.error->code, QStringLiteral("HEALTH_CONSTRAINTS_INVALID"));
        QCOMPARE(a.statuses.count(ScheduledStatus::Skipped), 10);
        QCOMPARE(simulate(half(), 1, {}).error->code, QStringLiteral("HEALTH_CONSTRAINTS_INVALID"));
        const Run c = simulate(hostCount(0), 5, {});
        QCOMPARE(c.batches.first(), 5);
        QCOMPARE(c.state, SchedulerState::Succeeded);
    }

    // 10 hosts, M = 9: a failure before the last stops everything; on the last it succeeds.
    void tenHostsMinimumNine() {
        for (int k = 1; k <= 9; ++k) {
            const Run run = simulate(hostCount(9), 10, {k});
            QCOMPARE(run.state, SchedulerState::Failed);
            QCOMPARE(run.started.size(), k);
            QCOMPARE(run.statuses.count(ScheduledStatus::Skipped), 10 - k);
        }
        QCOMPARE(simulate(hostCount(9), 10, {10}).state, SchedulerState::Succeeded);
    }

    // 10 hosts, M = 8: two at a time; after one failure one at a time; a second failure
    // stops it unless it is on the last instance.
    void tenHostsMinimumEight() {
        const Run one = simulate(hostCount(8), 10, {1});
        QCOMPARE(one.batches.first(), 2);
        QCOMPARE(one.state, SchedulerState::Succeeded);
        QCOMPARE(one.batches.mid(2), QList<int>(one.batches.size() - 2, 1));
        const Run two = simulate(hostCount(8), 10, {1, 5});
        QCOMPARE(two.state, SchedulerState::Failed);
        QVERIFY(two.statuses.count(ScheduledStatus::Skipped) > 0);
        QCOMPARE(simulate(hostCount(8), 10, {1, 10}).state, SchedulerState::Succeeded);
    }

    void api9HostsExamples() {
        QCOMPARE(simulate(hostCount(6), 9, {}).batches.first(), 3);
        QCOMPARE(simulate(fleetPercent(40), 9, {}).batches.first(), 5);
    }

    void orderByHealthThenWorkspace() {
        QList<SchedulerInstance> instances = {
            {QStringLiteral("a"), InstanceHealth::Healthy, RevisionHealth::Current},
            {QStringLiteral("b"), InstanceHealth::Healthy, RevisionHealth::Old},
            {QStringLiteral("c"), InstanceHealth::Unhealthy, RevisionHealth::Current},
            {QStringLiteral("d"), InstanceHealth::Healthy, RevisionHealth::Unknown},
            {QStringLiteral("e"), InstanceHealth::Healthy, RevisionHealth::Old},
            {QStringLiteral("f"), InstanceHealth::Unhealthy, RevisionHealth::Old},
        };
        QCOMPARE(deploymentOrder(instances), (QList<int>{2, 5, 3, 1, 4, 0}));
        DeploymentScheduler scheduler(DeploymentConfig::oneAtATime(), instances);
        QList<int> started;
        scheduler.setStartHandler([&](int i) { started.append(i); });
        scheduler.start();
        QCOMPARE(started, QList<int>{2});
    }

    // A handler that reports at once (no-op hooks) must not recurse into a broken state.
    void synchronousFinish() {
        DeploymentScheduler scheduler(half(), fleet(6));
        QList<int> started;
        scheduler.setStartHandler([&](int i) {
            started.append(i);
            scheduler.instanceFinished(i, i != 0);
        });
        int finished = 0;
        scheduler.setFinishedHandler([&](SchedulerState) { ++finished; });
        scheduler.start();
        QCOMPARE(started.size(), 6);
        QCOMPARE(scheduler.state(), SchedulerState::Succeeded);
        QCOMPARE(scheduler.counts().failed, 1);
        QCOMPARE(finished, 1);
    }

    void stopSkipsPendingAfterInFlightDrain() {
        DeploymentScheduler scheduler(half(), fleet(6));
        QList<int> inFlight;
        scheduler.setStartHandler([&](int i) { inFlight.append(i); });
        scheduler.start();
        QCOMPARE(inFlight.size(), 3);
        scheduler.stop();
        QCOMPARE(scheduler.state(), SchedulerState::Stopping);
        QCOMPARE(scheduler.counts().skipped, 3);
        for (int i : inFlight)
            scheduler.instanceFinished(i, true);
        QCOMPARE(scheduler.state(), SchedulerState::Stopped);
        QCOMPARE(scheduler.counts().succeeded, 3);
        QCOMPARE(inFlight.size(), 3);  // nothing new started after stop
    }

    void ignoresUnknownFinish() {
        DeploymentScheduler scheduler(DeploymentConfig::oneAtATime(), fleet(2));
        scheduler.start();
        scheduler.instanceFinished(1, false);  // never started
        QCOMPARE(scheduler.status(1), ScheduledStatus::Pending);
        QCOMPARE(scheduler.inFlight(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentScheduler)
#include "tst_deploymentscheduler.moc"
