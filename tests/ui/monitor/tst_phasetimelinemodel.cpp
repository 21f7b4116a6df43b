#include "monitor/phasetimelinemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace pw;

namespace {

RunEvent ev(RunEventKind kind, qint64 t, const QString& step = {}) {
    RunEvent e;
    e.kind = kind;
    e.timeMs = t;
    e.step = step;
    return e;
}

QString cell(const PhaseTimelineModel&, const QModelIndex& i, int column) {
    return i.siblingAtColumn(column).data().toString();
}

}  // namespace

class TestPhaseTimelineModel : public QObject {
    Q_OBJECT
private slots:
    void phasesAndCommandsFromEvents();
    void runningRowsGrowWithTheClock();
};

void TestPhaseTimelineModel::phasesAndCommandsFromEvents() {
    PhaseTimelineModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex build = m.phaseIndex(QStringLiteral("BUILD"));
    QVERIFY(build.isValid());
    QCOMPARE(cell(m, build, PhaseTimelineModel::StatusColumn), QString());  // pending
    m.addEvent(ev(RunEventKind::RunStarted, 1000));
    RunEvent log = ev(RunEventKind::LogChunk, 1000);
    log.data = "a\nb\nc\n";
    m.addEvent(log);
    m.addEvent(ev(RunEventKind::StepStarted, 2000, QStringLiteral("BUILD")));
    RunEvent cmd = ev(RunEventKind::CommandStarted, 2000, QStringLiteral("BUILD"));
    cmd.name = QStringLiteral("make");
    m.addEvent(cmd);
    QCOMPARE(m.rowCount(build), 1);
    QCOMPARE(build.data(PhaseTimelineModel::LogLineRole).toLongLong(), 3);
    cmd.kind = RunEventKind::CommandFinished;
    cmd.timeMs = 5000;
    cmd.exitCode = 2;
    m.addEvent(cmd);
    RunEvent done = ev(RunEventKind::StepFinished, 5000, QStringLiteral("BUILD"));
    done.status = RunStatus::Failed;
    done.code = QStringLiteral("COMMAND_EXECUTION_ERROR");
    done.message = QStringLiteral("Error while executing command: make. Reason: exit status 2");
    m.addEvent(done);
    QCOMPARE(cell(m, build, PhaseTimelineModel::StatusColumn), QStringLiteral("FAILED"));
    QCOMPARE(cell(m, build, PhaseTimelineModel::DurationColumn), QStringLiteral("3 secs"));
    QCOMPARE(cell(m, build, PhaseTimelineModel::ContextColumn),
             QStringLiteral("COMMAND_EXECUTION_ERROR: Error while executing command: make. "
                            "Reason: exit status 2"));
    const QModelIndex make = m.index(0, 0, build);
    QCOMPARE(make.data().toString(), QStringLiteral("make"));
    QCOMPARE(cell(m, make, PhaseTimelineModel::StatusColumn), QStringLiteral("FAILED"));
    QCOMPARE(cell(m, make, PhaseTimelineModel::ContextColumn), QStringLiteral("exit status 2"));
    QCOMPARE(make.parent(), build);
}

void TestPhaseTimelineModel::runningRowsGrowWithTheClock() {
    PhaseTimelineModel m;
    m.addEvent(ev(RunEventKind::RunStarted, 1000));
    m.addEvent(ev(RunEventKind::StepStarted, 1000, QStringLiteral("INSTALL")));
    const QModelIndex install = m.phaseIndex(QStringLiteral("INSTALL"));
    QCOMPARE(cell(m, install, PhaseTimelineModel::StatusColumn), QStringLiteral("IN_PROGRESS"));
    m.setNow(4000);
    QCOMPARE(install.data(PhaseTimelineModel::EndRole).toLongLong(), 4000);
    m.setNow(65000);
    QCOMPARE(cell(m, install, PhaseTimelineModel::DurationColumn), QStringLiteral("1 min 4 secs"));
    QCOMPARE(install.data(PhaseTimelineModel::RunEndRole).toLongLong(), 65000);
    // A phase that never started has no bar.
    QCOMPARE(m.phaseIndex(QStringLiteral("BUILD")).data(PhaseTimelineModel::EndRole).toLongLong(),
             0);
    m.addEvent(ev(RunEventKind::RunFinished, 70000));
    m.setNow(90000);
    QCOMPARE(install.data(PhaseTimelineModel::EndRole).toLongLong(), 70000);
}

QTEST_MAIN(TestPhaseTimelineModel)
#include "tst_phasetimelinemodel.moc"
