// The Build history panel over real builds, reopening a past build, and the finish
// notification of the main window.
#include "../shell/shelltestsupport.h"
#include "monitor/buildmonitor.h"
#include "monitor/buildrunpage.h"
#include "monitor/historyfiltermodel.h"
#include "monitor/historymodel.h"
#include "monitor/historypanel.h"
#include "monitor/logpane.h"
#include "monitor/logview.h"
#include "monitor/phasetimelinemodel.h"
#include "monitor/reportsmodel.h"
#include "store/logindex.h"
#include "support/shots.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pw;

namespace {

const QByteArray kPassing =
    "version: 0.2\n"
    "env:\n"
    "  exported-variables:\n"
    "    - RELEASE\n"
    "phases:\n"
    "  install:\n"
    "    commands:\n"
    "      - seq 1 50\n"
    "  build:\n"
    "    commands:\n"
    "      - export RELEASE=r7\n"
    "      - printf '\\033[32mgreen\\033[0m done\\n'\n";

const QByteArray kFailing =
    "version: 0.2\n"
    "phases:\n"
    "  install:\n"
    "    commands:\n"
    "      - echo installing\n"
    "  build:\n"
    "    commands:\n"
    "      - seq 1 30\n"
    "      - echo compiling\n"
    "      - exit 3\n"
    "  post_build:\n"
    "    commands:\n"
    "      - echo post-build-ran\n";

// Runs one real build in a run tab and waits for its log to be complete on screen.
std::unique_ptr<BuildRunPage> runBuild(const QString& ws, const QString& spec) {
    auto page = std::make_unique<BuildRunPage>(ws, spec);
    QSignalSpy finished(page.get(), &BuildRunPage::finished);
    if (!page->start() || !finished.wait(30000))
        return nullptr;
    // The store may write the last lines a moment after the end: wait for the closing line.
    LogIndex* index = page->logPane()->view()->index();
    QDeadlineTimer deadline(5000);
    do {
        index->refresh();
        index->waitForIdle();
        if (index->line(index->lineCount() - 1).contains("Phase complete: COMPLETED"))
            return page;
        QTest::qWait(20);
    } while (!deadline.hasExpired());
    return nullptr;
}

// Everything the timeline shows for a row and its children, log lines included.
QStringList describe(const PhaseTimelineModel* m, const QModelIndex& parent = {}) {
    QStringList out;
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, 0, parent);
        QStringList cols;
        for (int c : {PhaseTimelineModel::NameColumn, PhaseTimelineModel::StatusColumn,
                      PhaseTimelineModel::ContextColumn})
            cols << i.siblingAtColumn(c).data().toString();
        cols << QString::number(i.data(PhaseTimelineModel::LogLineRole).toLongLong());
        out << cols.join(QLatin1Char('|'));
        if (!parent.isValid())
            for (const QString& child : describe(m, i))
                out << QStringLiteral("  ") + child;
    }
    return out;
}

QStringList logLines(LogView* view) {
    QStringList out;
    for (qint64 i = 0; i < view->index()->lineCount(); ++i)
        out << view->displayText(i);
    return out;
}

}  // namespace

class TestHistoryPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_ws = m_dir.filePath(QStringLiteral("shop"));
        pwtest::writeFile(m_ws + QStringLiteral("/buildspec.yml"), kPassing);
        pwtest::writeFile(m_ws + QStringLiteral("/buildspec-fail.yml"), kFailing);
        m_passing = runBuild(m_ws, QStringLiteral("buildspec.yml"));
        m_failing = runBuild(m_ws, QStringLiteral("buildspec-fail.yml"));
        QVERIFY(m_passing && m_failing);
        QCOMPARE(m_failing->status(), RunStatus::Failed);
    }

    void panelListsTheBuilds() {
        HistoryPanel panel;
        panel.setWorkspace(m_ws);
        const HistoryModel* m = panel.model();
        QCOMPARE(m->rowCount(), 2);
        // Newest first: the failing build #2.
        QCOMPARE(m->index(0, HistoryModel::NumberColumn).data().toString(), QStringLiteral("#2"));
        QCOMPARE(m->index(0, HistoryModel::StatusColumn).data().toString(),
                 QStringLiteral("FAILED"));
        QCOMPARE(m->index(1, HistoryModel::StatusColumn).data().toString(),
                 QStringLiteral("SUCCEEDED"));
        QCOMPARE(m->index(1, HistoryModel::ProjectColumn).data().toString(),
                 QStringLiteral("shop"));
        QCOMPARE(m->index(1, 0).data(HistoryModel::IdRole).toString(), m_passing->buildId());
        QVERIFY(!m->index(1, HistoryModel::StartedColumn).data().toString().isEmpty());
        QVERIFY(!m->index(1, HistoryModel::DurationColumn).data().toString().isEmpty());
        panel.resize(760, 220);
        panel.show();
        QCoreApplication::processEvents();
        QVERIFY(pwtest::saveShot(panel, QStringLiteral("gui5-history.png")));
        // A folder without history: no rows, and no history.sqlite created in it.
        QTemporaryDir empty;
        panel.setWorkspace(empty.path());
        QCOMPARE(m->rowCount(), 0);
        QVERIFY(!QFileInfo::exists(empty.filePath(QStringLiteral(".pipewright"))));
    }

    void filteringByTextAndStatus() {
        HistoryPanel panel;
        panel.setWorkspace(m_ws);
        QAbstractItemModel* shown = panel.view()->model();
        QCOMPARE(shown->rowCount(), 2);
        panel.statusBox()->setCurrentIndex(panel.statusBox()->findData(QStringLiteral("FAILED")));
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, HistoryModel::NumberColumn).data().toString(),
                 QStringLiteral("#2"));
        panel.statusBox()->setCurrentIndex(panel.statusBox()->findData(QStringLiteral("STOPPED")));
        QCOMPARE(shown->rowCount(), 0);
        panel.statusBox()->setCurrentIndex(0);
        QCOMPARE(shown->rowCount(), 2);
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("succ"));  // any column, any case
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, HistoryModel::StatusColumn).data().toString(),
                 QStringLiteral("SUCCEEDED"));
        panel.filterEdit()->setText(QStringLiteral("#2"));
        QCOMPARE(shown->rowCount(), 1);
        panel.filterEdit()->setText(QStringLiteral("no such build"));
        QCOMPARE(shown->rowCount(), 0);
    }

    void pastBuildReopensAsItWasLive() {
        for (BuildRunPage* live : {m_passing.get(), m_failing.get()}) {
            HistoryPanel panel;
            panel.setWorkspace(m_ws);
            QSignalSpy open(&panel, &HistoryPanel::openRequested);
            const QModelIndexList hit = panel.view()->model()->match(
                panel.view()->model()->index(0, 0), HistoryModel::IdRole, live->buildId());
            QCOMPARE(hit.size(), 1);
            emit panel.view()->activated(hit.first());
            QCOMPARE(open.size(), 1);
            QCOMPARE(open.first().at(1).toString(), live->buildId());

            BuildRunPage past(m_ws, {});
            QVERIFY(past.loadFromHistory(live->buildId()));
            QVERIFY(past.isFromHistory());
            QVERIFY(!past.isRunning());
            QCOMPARE(past.status(), live->status());
            QCOMPARE(past.title(), live->title());
            LogView* view = past.logPane()->view();
            QVERIFY(view->index());
            view->index()->waitForIdle();
            // The timeline is replayed with each row's log line once the log is indexed.
            QTRY_COMPARE(describe(past.timeline()), describe(live->timeline()));
            QCOMPARE(logLines(view), logLines(live->logPane()->view()));
            QVERIFY(logLines(view).size() > 20);
            QCOMPARE(past.summary()->text(), live->summary()->text());
            QCOMPARE(past.reports()->rowCount(), live->reports()->rowCount());
        }
        QVERIFY(
            describe(m_failing->timeline()).join('\n').contains(QStringLiteral("exit status 3")));
        BuildRunPage missing(m_ws, {});
        QString error;
        QVERIFY(!missing.loadFromHistory(QStringLiteral("shop:nope"), &error));
        QVERIFY(!error.isEmpty());
    }

    void mainWindowNotifiesAndRefreshesHistory() {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("app"));
        pwtest::writeFile(ws + QStringLiteral("/buildspec.yml"), kPassing);
        ShellConfig config;
        config.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        config.recoveryDir = dir.filePath(QStringLiteral("recovery"));
        config.restoreSession = false;
        MainWindow window(ws, config);
        window.show();
        BuildMonitor* monitor = window.buildMonitor();
        QVERIFY(monitor && monitor->historyDock());
        QList<QStringList> notes;
        monitor->setNotifier([&notes](const QString& title, const QString& text, bool ok) {
            notes << QStringList{title, text, ok ? QStringLiteral("ok") : QStringLiteral("bad")};
        });
        QCOMPARE(monitor->historyPanel()->model()->rowCount(), 0);
        // Another window has the focus: the desktop is told.
        QWidget other;
        other.show();
        other.activateWindow();
        if (!QTest::qWaitForWindowActive(&other, 2000))
            QSKIP("the platform cannot activate windows");
        QVERIFY(!window.isActiveWindow());
        BuildRunPage* page = window.startBuild();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning() && page->status() != RunStatus::InProgress,
                                 30000);
        QTRY_COMPARE(notes.size(), 1);
        QCOMPARE(notes.first().at(1), page->title() + QStringLiteral(": SUCCEEDED"));
        QCOMPARE(notes.first().at(2), QStringLiteral("ok"));
        QCOMPARE(window.statusBar()->currentMessage(), notes.first().at(1));
        QCOMPARE(monitor->historyPanel()->model()->rowCount(), 1);  // refreshed on finish
        // Opening the build from the panel reuses its tab; a second one opens read back.
        BuildRunPage* again = monitor->openPastBuild(ws, page->buildId());
        QCOMPARE(again, page);
        pwtest::writeFile(ws + QStringLiteral("/buildspec-fail.yml"), kFailing);
        BuildRunPage* failing = window.startBuild(ws + QStringLiteral("/buildspec-fail.yml"));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window, 2000));
        QTRY_VERIFY_WITH_TIMEOUT(!failing->isRunning(), 30000);
        QTest::qWait(50);
        QCOMPARE(notes.size(), 1);  // active window: status bar only
        QVERIFY(window.statusBar()->currentMessage().endsWith(QStringLiteral("FAILED")));
    }

    void mainWindowOpensAPastBuildInATab() {
        ShellConfig config;
        config.settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
        config.recoveryDir = m_dir.filePath(QStringLiteral("recovery"));
        config.restoreSession = false;
        MainWindow window(m_ws, config);
        window.resize(1200, 800);
        window.show();
        HistoryPanel* panel = window.buildMonitor()->historyPanel();
        QCOMPARE(panel->model()->rowCount(), 2);
        emit panel->view()->activated(panel->view()->model()->index(0, 0));  // #2, failed
        QCOMPARE(window.buildTabs()->count(), 1);
        auto* page = qobject_cast<BuildRunPage*>(window.buildTabs()->currentWidget());
        QVERIFY(page && page->isFromHistory());
        QCOMPARE(page->buildId(), m_failing->buildId());
        QTRY_COMPARE(describe(page->timeline()), describe(m_failing->timeline()));
        QCoreApplication::processEvents();
        QVERIFY(pwtest::saveShot(window, QStringLiteral("gui5-history-reopened.png")));
        window.buildMonitor()->historyDock()->raise();
        QCoreApplication::processEvents();
        QVERIFY(pwtest::saveShot(window, QStringLiteral("gui5-history-window.png")));
    }

private:
    QTemporaryDir m_dir;
    QString m_ws;
    std::unique_ptr<BuildRunPage> m_passing;
    std::unique_ptr<BuildRunPage> m_failing;
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
