#include "deploy/lifecycleplan.h"
#include "spec/appspeclifecycle.h"

#include <QStringList>
#include <QTest>

using namespace pw;

namespace {

QString joined(LifecycleRole role) {
    QStringList names;
    for (const PlannedEvent& e : LifecyclePlan::events(role))
        names.append(QString::fromLatin1(e.name));
    return names.join(QLatin1String(" > "));
}

QStringList ofKind(LifecycleRole role, LifecycleEventKind kind) {
    QStringList names;
    for (const PlannedEvent& e : LifecyclePlan::events(role)) {
        if (e.kind == kind)
            names.append(QString::fromLatin1(e.name));
    }
    return names;
}

}  // namespace

class TestLifecyclePlan : public QObject {
    Q_OBJECT

private slots:
    // The sequences of appspec.md §2.2, verbatim.
    void orders_data() {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("expected");
        QTest::newRow("in-place with LB")
            << int(LifecycleRole::InPlaceWithLoadBalancer)
            << "Start > BeforeBlockTraffic > BlockTraffic > AfterBlockTraffic > ApplicationStop "
               "> DownloadBundle > BeforeInstall > Install > AfterInstall > ApplicationStart > "
               "ValidateService > BeforeAllowTraffic > AllowTraffic > AfterAllowTraffic > End";
        QTest::newRow("in-place") << int(LifecycleRole::InPlace)
                                  << "Start > ApplicationStop > DownloadBundle > BeforeInstall > "
                                     "Install > AfterInstall > ApplicationStart > "
                                     "ValidateService > End";
        QTest::newRow("local")
            << int(LifecycleRole::Local)
            << "BeforeBlockTraffic > AfterBlockTraffic > ApplicationStop > DownloadBundle > "
               "BeforeInstall > Install > AfterInstall > ApplicationStart > ValidateService > "
               "BeforeAllowTraffic > AfterAllowTraffic";
        QTest::newRow("blue/green replacement")
            << int(LifecycleRole::BlueGreenReplacement)
            << "Start > ApplicationStop > DownloadBundle > BeforeInstall > Install > "
               "AfterInstall > ApplicationStart > ValidateService > BeforeAllowTraffic > "
               "AllowTraffic > AfterAllowTraffic > End";
        QTest::newRow("blue/green original")
            << int(LifecycleRole::BlueGreenOriginal)
            << "Start > BeforeBlockTraffic > BlockTraffic > AfterBlockTraffic > End";
        QTest::newRow("blue/green rollback original")
            << int(LifecycleRole::BlueGreenRollbackOriginal)
            << "Start > BeforeAllowTraffic > AllowTraffic > AfterAllowTraffic > End";
        QTest::newRow("blue/green rollback replacement")
            << int(LifecycleRole::BlueGreenRollbackReplacement)
            << "Start > BeforeBlockTraffic > BlockTraffic > AfterBlockTraffic > End";
    }

    void orders() {
        QFETCH(int, role);
        QFETCH(QString, expected);
        QCOMPARE(joined(LifecycleRole(role)), expected);
    }

    void reservedEvents() {
        QCOMPARE(ofKind(LifecycleRole::InPlaceWithLoadBalancer, LifecycleEventKind::Reserved),
                 (QStringList{"BlockTraffic", "DownloadBundle", "Install", "AllowTraffic"}));
        QCOMPARE(ofKind(LifecycleRole::Local, LifecycleEventKind::Reserved),
                 (QStringList{"DownloadBundle", "Install"}));
        QCOMPARE(ofKind(LifecycleRole::InPlace, LifecycleEventKind::Pseudo),
                 (QStringList{"Start", "End"}));
    }

    // Our kinds must agree with the AppSpec model's hook table (appspec.md §2.1).
    void agreesWithAppspecModel() {
        for (int r = 0; r <= int(LifecycleRole::Local); ++r) {
            for (const PlannedEvent& e : LifecyclePlan::events(LifecycleRole(r))) {
                const QString name = QString::fromLatin1(e.name);
                QCOMPARE(isScriptableHook(AppspecPlatform::Server, name),
                         e.kind == LifecycleEventKind::Scriptable);
            }
        }
    }

    void localOrderAgreesWithAppspecModel() {
        QStringList theirs;
        for (const char* name : localLifecycleOrder())
            theirs.append(QString::fromLatin1(name));
        QCOMPARE(joined(LifecycleRole::Local), theirs.join(QLatin1String(" > ")));
    }

    void readyWaitOnlyBeforeReplacementTraffic() {
        int waits = 0;
        for (int r = 0; r <= int(LifecycleRole::Local); ++r) {
            for (const PlannedEvent& e : LifecyclePlan::events(LifecycleRole(r))) {
                if (e.waitsForReady) {
                    ++waits;
                    QCOMPARE(LifecycleRole(r), LifecycleRole::BlueGreenReplacement);
                    QCOMPARE(QString::fromLatin1(e.name), QStringLiteral("BeforeAllowTraffic"));
                }
            }
        }
        QCOMPARE(waits, 1);
        QVERIFY(LifecyclePlan::find(LifecycleRole::InPlace, u"Install"));
        QVERIFY(!LifecyclePlan::find(LifecycleRole::InPlace, u"AllowTraffic"));
    }

    // The AppSpec model keeps its own per-role table (appspec.md §2.1); both must agree.
    void agreesWithAppspecRoles_data() {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("specRole");
        QTest::addColumn<bool>("loadBalancer");
        QTest::newRow("in-place") << int(LifecycleRole::InPlace) << int(InstanceRole::InPlace)
                                  << false;
        QTest::newRow("in-place LB")
            << int(LifecycleRole::InPlaceWithLoadBalancer) << int(InstanceRole::InPlace) << true;
        QTest::newRow("replacement")
            << int(LifecycleRole::BlueGreenReplacement) << int(InstanceRole::Replacement) << true;
        QTest::newRow("original") << int(LifecycleRole::BlueGreenOriginal)
                                  << int(InstanceRole::Original) << true;
        QTest::newRow("rollback original") << int(LifecycleRole::BlueGreenRollbackOriginal)
                                           << int(InstanceRole::RollbackOriginal) << true;
        QTest::newRow("rollback replacement") << int(LifecycleRole::BlueGreenRollbackReplacement)
                                              << int(InstanceRole::RollbackReplacement) << true;
    }

    void agreesWithAppspecRoles() {
        QFETCH(int, role);
        QFETCH(int, specRole);
        QFETCH(bool, loadBalancer);
        QStringList ours;
        for (const PlannedEvent& e : LifecyclePlan::events(LifecycleRole(role))) {
            if (e.kind != LifecycleEventKind::Pseudo)
                ours.append(QString::fromLatin1(e.name));
        }
        QStringList theirs = serverEventsFor(InstanceRole(specRole), loadBalancer);
        theirs.removeAll(QStringLiteral("Start"));
        theirs.removeAll(QStringLiteral("End"));
        QCOMPARE(ours, theirs);
    }

    // appspec.md §2.3, MAPPING_BETWEEN_HOOKS_AND_DEPLOYMENTS.
    void hookRevisions_data() {
        QTest::addColumn<QString>("hook");
        QTest::addColumn<bool>("rollback");
        QTest::addColumn<int>("expected");
        const int ne = int(HookRevision::New), ls = int(HookRevision::LastSuccessfulOrIgnore),
                  mr = int(HookRevision::MostRecentOrIgnore),
                  lsStrict = int(HookRevision::LastSuccessful);
        QTest::newRow("BeforeBlockTraffic") << "BeforeBlockTraffic" << false << ls;
        QTest::newRow("AfterBlockTraffic") << "AfterBlockTraffic" << false << ls;
        QTest::newRow("ApplicationStop") << "ApplicationStop" << false << ls;
        QTest::newRow("BeforeInstall") << "BeforeInstall" << false << ne;
        QTest::newRow("ValidateService") << "ValidateService" << false << ne;
        QTest::newRow("BeforeAllowTraffic") << "BeforeAllowTraffic" << false << ne;
        QTest::newRow("rollback BeforeBlockTraffic") << "BeforeBlockTraffic" << true << mr;
        QTest::newRow("rollback AfterBlockTraffic") << "AfterBlockTraffic" << true << mr;
        QTest::newRow("rollback ApplicationStop") << "ApplicationStop" << true << lsStrict;
        QTest::newRow("rollback BeforeAllowTraffic") << "BeforeAllowTraffic" << true << lsStrict;
        QTest::newRow("rollback AfterAllowTraffic") << "AfterAllowTraffic" << true << lsStrict;
        QTest::newRow("rollback AfterInstall") << "AfterInstall" << true << ne;
    }

    void hookRevisions() {
        QFETCH(QString, hook);
        QFETCH(bool, rollback);
        QFETCH(int, expected);
        QCOMPARE(int(LifecyclePlan::hookRevision(hook, rollback)), expected);
    }

    void resolveAgainstInstanceState() {
        const auto stop = LifecyclePlan::hookRevision(u"ApplicationStop", false);
        // First deployment: nothing recorded, the hook is a silent no-op.
        QCOMPARE(LifecyclePlan::resolve(stop, false, false, false), HookSource::Nothing);
        QCOMPARE(LifecyclePlan::resolve(stop, false, true, true), HookSource::LastSuccessful);
        // After DownloadBundle the deployment's own archive is used.
        QCOMPARE(LifecyclePlan::resolve(stop, true, true, true), HookSource::New);
        const auto block = LifecyclePlan::hookRevision(u"BeforeBlockTraffic", true);
        QCOMPARE(LifecyclePlan::resolve(block, false, true, false), HookSource::Nothing);
        QCOMPARE(LifecyclePlan::resolve(block, false, false, true), HookSource::MostRecent);
        QCOMPARE(LifecyclePlan::resolve(HookRevision::New, false, true, true), HookSource::New);
    }
};

QTEST_GUILESS_MAIN(TestLifecyclePlan)
#include "tst_lifecycleplan.moc"
