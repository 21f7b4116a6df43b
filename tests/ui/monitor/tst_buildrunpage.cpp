#include "../shell/shelltestsupport.h"
#include "engine/buildrunner.h"
#include "monitor/artifactspane.h"
#include "monitor/buildlauncher.h"
#include "monitor/buildrunpage.h"
#include "monitor/logpane.h"
#include "monitor/logview.h"
#include "monitor/phasetimelinemodel.h"
#include "monitor/phasetimelineview.h"
#include "store/historystore.h"
#include "store/logindex.h"
#include "support/shots.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

QString writeWorkspace(const QTemporaryDir& dir, const QByteArray& buildspec) {
    const QString ws = dir.filePath(QStringLiteral("app"));
    QDir().mkpath(ws);
    QFile f(ws + QStringLiteral("/buildspec.yml"));
    f.open(QIODevice::WriteOnly);
    f.write(buildspec);
    return ws;
}

const QByteArray kFailing =
    "version: 0.2\n"
    "phases:\n"
    "  install:\n"
    "    commands:\n"
    "      - echo installing\n"
    "  build:\n"
    "    commands:\n"
    "      - echo compiling\n"
    "      - exit 3\n"
    "      - echo never\n"
    "  post_build:\n"
    "    commands:\n"
    "      - echo post-build-ran\n";

const QByteArray kPassing =
    "version: 0.2\n"
    "env:\n"
    "  exported-variables:\n"
    "    - RELEASE\n"
    "phases:\n"
    "  build:\n"
    "    commands:\n"
    "      - export RELEASE=r42\n"
    "      - echo done\n";

QString phaseStatus(PhaseTimelineModel* m, const QString& phase) {
    return m->phaseIndex(phase).siblingAtColumn(PhaseTimelineModel::StatusColumn).data().toString();
}

}  // namespace

class TestBuildRunPage : public QObject {
    Q_OBJECT
private slots:
    void failingBuildShowsContextAndRunsPostBuild();
    void passingBuildShowsSummaryAndHistory();
    void clickingAPhaseScrollsTheLog();
    void stopEndsARunningBuild();
    void mainWindowBuildsInTabs();
};

void TestBuildRunPage::failingBuildShowsContextAndRunsPostBuild() {
    QTemporaryDir dir;
    const QString ws = writeWorkspace(dir, kFailing);
    BuildRunPage page(ws, {});
    page.resize(1000, 700);
    QSignalSpy finished(&page, &BuildRunPage::finished);
    QVERIFY(page.start());
    QVERIFY(finished.wait(30000));
    QCOMPARE(page.status(), RunStatus::Failed);
    PhaseTimelineModel* m = page.timeline();
    QCOMPARE(phaseStatus(m, QStringLiteral("INSTALL")), QStringLiteral("SUCCEEDED"));
    QCOMPARE(phaseStatus(m, QStringLiteral("BUILD")), QStringLiteral("FAILED"));
    // POST_BUILD runs after a failed BUILD (spec §2.2).
    QCOMPARE(phaseStatus(m, QStringLiteral("POST_BUILD")), QStringLiteral("SUCCEEDED"));
    const QModelIndex build = m->phaseIndex(QStringLiteral("BUILD"));
    const QString context =
        build.siblingAtColumn(PhaseTimelineModel::ContextColumn).data().toString();
    QVERIFY2(context.startsWith(QStringLiteral("COMMAND_EXECUTION_ERROR: ")), qPrintable(context));
    QVERIFY2(context.contains(QStringLiteral("exit 3")), qPrintable(context));
    QVERIFY2(context.contains(QStringLiteral("exit status 3")), qPrintable(context));
    // The commands after the failing one never start.
    QCOMPARE(m->rowCount(build), 2);
    QCOMPARE(m->index(1, PhaseTimelineModel::StatusColumn, build).data().toString(),
             QStringLiteral("FAILED"));
    QVERIFY(page.statusLabel()->text().contains(QStringLiteral("FAILED")));
    QVERIFY(!page.isRunning());
    // The log pane follows the build's log file up to its last line.
    LogView* view = page.logPane()->view();
    QVERIFY(view->index());
    QTRY_VERIFY_WITH_TIMEOUT(view->index()->lineCount() > 5, 5000);
    QVERIFY(view->isFollowing());
    // The file grows after the last event; the view catches up by polling it.
    const auto sawPost = [view] {
        for (qint64 i = view->index()->lineCount() - 1; i >= 0; --i)
            if (view->displayText(i).contains(QStringLiteral("post-build-ran")))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(sawPost(), 5000);
    page.show();
    QCoreApplication::processEvents();
    QVERIFY(pwtest::saveShot(page, QStringLiteral("gui5-build-failed.png")));
}

void TestBuildRunPage::passingBuildShowsSummaryAndHistory() {
    QTemporaryDir dir;
    const QString ws = writeWorkspace(dir, kPassing);
    BuildRunPage page(ws, QStringLiteral("buildspec.yml"));
    QSignalSpy finished(&page, &BuildRunPage::finished);
    QVERIFY(page.start());
    QVERIFY(finished.wait(30000));
    QCOMPARE(page.status(), RunStatus::Succeeded);
    QCOMPARE(phaseStatus(page.timeline(), QStringLiteral("BUILD")), QStringLiteral("SUCCEEDED"));
    QVERIFY(page.summary()->text().contains(QStringLiteral("1 exported variable")));
    QCOMPARE(page.artifacts()->variableModel()->item(0, 1)->text(), QStringLiteral("r42"));
    QVERIFY(page.title().endsWith(QStringLiteral("#1")));
    // The store saw the build, under the log path the page follows.
    HistoryStore store(ws + QStringLiteral("/.pipewright/state"));
    QVERIFY(store.open());
    const QList<BuildSummary> builds = store.builds();
    QCOMPARE(builds.size(), 1);
    QCOMPARE(builds.first().status, QStringLiteral("SUCCEEDED"));
    QCOMPARE(builds.first().logPath, page.launcher()->logPath());
}

void TestBuildRunPage::clickingAPhaseScrollsTheLog() {
    QTemporaryDir dir;
    QByteArray spec =
        "version: 0.2\nphases:\n  install:\n    commands:\n      - seq 1 400\n"
        "  build:\n    commands:\n      - echo building\n";
    const QString ws = writeWorkspace(dir, spec);
    BuildRunPage page(ws, {});
    page.resize(900, 600);
    page.show();
    QSignalSpy finished(&page, &BuildRunPage::finished);
    QVERIFY(page.start());
    QVERIFY(finished.wait(30000));
    LogView* view = page.logPane()->view();
    QTRY_VERIFY_WITH_TIMEOUT(view->index()->lineCount() > 400, 5000);
    const QModelIndex build = page.timeline()->phaseIndex(QStringLiteral("BUILD"));
    const qint64 line = build.data(PhaseTimelineModel::LogLineRole).toLongLong();
    QVERIFY2(line > 400, qPrintable(QString::number(line)));
    QVERIFY(view->displayText(line).contains(QStringLiteral("Entering phase BUILD")));
    QSignalSpy requested(page.timelineView(), &PhaseTimelineView::logLineRequested);
    const QModelIndex install = page.timeline()->phaseIndex(QStringLiteral("INSTALL"));
    page.timelineView()->scrollTo(install);
    QTest::mouseClick(page.timelineView()->viewport(), Qt::LeftButton, {},
                      page.timelineView()->visualRect(install).center());
    QCOMPARE(requested.size(), 1);
    const qint64 installLine = requested.first().first().toLongLong();
    QVERIFY(installLine < line);
    QVERIFY(!view->isFollowing());
    // Scrolled up from the end to around the INSTALL line.
    QScrollBar* bar = view->verticalScrollBar();
    QVERIFY(bar->value() < bar->maximum());
    QVERIFY(bar->value() <= installLine);
    if (!pwtest::shotsDirectory().isEmpty()) {
        QTRY_VERIFY(page.logPane()->statusText().startsWith(
            QString::number(view->index()->lineCount())));  // its update is a posted event
        QVERIFY(pwtest::saveShot(page, QStringLiteral("buildrunpage.png")));
    }
}

void TestBuildRunPage::stopEndsARunningBuild() {
    QTemporaryDir dir;
    const QString ws =
        writeWorkspace(dir,
                       "version: 0.2\nphases:\n  build:\n    commands:\n      - echo started\n"
                       "      - sleep 30\n");
    BuildRunPage page(ws, {});
    page.resize(1000, 700);
    page.show();
    QSignalSpy finished(&page, &BuildRunPage::finished);
    QVERIFY(page.start());
    const QModelIndex build = page.timeline()->phaseIndex(QStringLiteral("BUILD"));
    QTRY_COMPARE_WITH_TIMEOUT(page.timeline()->rowCount(build), 2, 15000);
    QCOMPARE(phaseStatus(page.timeline(), QStringLiteral("BUILD")), QStringLiteral("IN_PROGRESS"));
    // The running bar grows with the clock.
    const qint64 end1 = build.data(PhaseTimelineModel::EndRole).toLongLong();
    QTest::qWait(600);
    QVERIFY(build.data(PhaseTimelineModel::EndRole).toLongLong() > end1);
    QVERIFY(page.isRunning());
    QVERIFY(pwtest::saveShot(page, QStringLiteral("gui5-build-running.png")));
    page.stop();
    QVERIFY(finished.wait(15000));
    QCOMPARE(page.status(), RunStatus::Stopped);
    QVERIFY(!page.isRunning());
}

void TestBuildRunPage::mainWindowBuildsInTabs() {
    QTemporaryDir dir;
    const QString ws = writeWorkspace(dir, kPassing);
    pwtest::writeFile(ws + QStringLiteral("/buildspec-fail.yml"), kFailing);
    ShellConfig config;
    config.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    config.recoveryDir = dir.filePath(QStringLiteral("recovery"));
    config.restoreSession = false;
    MainWindow window(ws, config);
    window.show();
    QCOMPARE(window.buildTarget(), ws + QStringLiteral("/buildspec.yml"));
    QCOMPARE(window.buildAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    // The current buildspec editor wins over the workspace's buildspec.yml.
    QVERIFY(window.openFile(ws + QStringLiteral("/buildspec-fail.yml")));
    QCOMPARE(window.buildTarget(), ws + QStringLiteral("/buildspec-fail.yml"));
    window.buildAction()->trigger();
    BuildRunPage* failing = window.buildPages().value(0);
    QVERIFY(failing);
    QVERIFY(window.stopBuildAction()->isEnabled());
    BuildRunPage* passing = window.startBuild(ws + QStringLiteral("/buildspec.yml"));
    QVERIFY(passing);
    QCOMPARE(window.buildTabs()->count(), 2);  // both run at once
    QTRY_VERIFY_WITH_TIMEOUT(!failing->isRunning() && !passing->isRunning(), 30000);
    QCOMPARE(failing->status(), RunStatus::Failed);
    QCOMPARE(passing->status(), RunStatus::Succeeded);
    QVERIFY(!window.stopBuildAction()->isEnabled());
    QVERIFY(window.buildTabs()->tabText(1).endsWith(QStringLiteral("#2")));
    QVERIFY(window.pages().size() == 1);  // run tabs are not editor pages
    window.buildTabs()->setCurrentIndex(0);
    QTRY_VERIFY(failing->logPane()->view()->index()->lineCount() > 20);
    QVERIFY(pwtest::saveShot(window, QStringLiteral("mainwindow-builds.png")));
    // Closing a tab of a running build stops it and leaves no process behind.
    BuildRunPage* slow = window.startBuild(ws + QStringLiteral("/buildspec-slow.yml"));
    QVERIFY(!slow);  // no such file: nothing starts
    pwtest::writeFile(ws + QStringLiteral("/buildspec-slow.yml"),
                      "version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 30\n");
    slow = window.startBuild(ws + QStringLiteral("/buildspec-slow.yml"));
    QVERIFY(slow && slow->isRunning());
    QPointer<BuildRunPage> guard(slow);
    emit window.buildTabs()->tabCloseRequested(window.buildTabs()->indexOf(slow));
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(window.buildTabs()->count(), 2);
}

QTEST_MAIN(TestBuildRunPage)
#include "tst_buildrunpage.moc"
