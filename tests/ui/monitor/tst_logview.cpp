#include "monitor/ansiparser.h"
#include "monitor/logpalette.h"
#include "monitor/logpane.h"
#include "monitor/logsearchbar.h"
#include "monitor/logview.h"
#include "store/logindex.h"
#include "support/shots.h"

#include <QApplication>

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace pw;

namespace {

const QByteArray kStamp = "2026-11-26T04:00:00.000Z ";

QByteArray numbered(int from, int to) {
    QByteArray out;
    for (int i = from; i < to; ++i)
        out += kStamp + "output line " + QByteArray::number(i) + '\n';
    return out;
}

QString writeLog(const QTemporaryDir& dir, const QByteArray& bytes) {
    const QString path = dir.filePath(QStringLiteral("build.log"));
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(bytes);
    return path;
}

void append(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    f.open(QIODevice::Append);
    f.write(bytes);
}

// A failed CodeBuild-style build as the store writes it, with colours and phases.
QByteArray failedBuildLog() {
    const QByteArray c = kStamp + "[Container] 2026/11/26 04:00:00.000 ";
    QByteArray log;
    log += c + "Running on CodeBuild On-demand (local)\n";
    log += c + "Entering phase INSTALL\n";
    log += c + "Running command npm ci\n";
    log += kStamp + "\x1b[1madded 812 packages\x1b[0m, and audited 813 packages in 9s\n";
    log += kStamp + "\x1b[33mnpm WARN\x1b[0m deprecated inflight@1.0.6: not supported\n";
    log += c + "Phase complete: INSTALL State: SUCCEEDED\n";
    log += c + "Entering phase BUILD\n";
    log += c + "Running command npm run lint\n";
    log += kStamp + "\x1b[32m✔\x1b[0m no lint problems in 214 files\n";
    log += c + "Running command npm test -- --colors\n";
    for (int i = 0; i < 14; ++i)
        log += kStamp + "  \x1b[32mPASS\x1b[0m src/module" + QByteArray::number(i) +
               ".test.js \x1b[38;5;244m(" + QByteArray::number(40 + i * 7) + " ms)\x1b[0m\n";
    log += kStamp + "  \x1b[1;41;97m FAIL \x1b[0m src/payment.test.js\n";
    log += kStamp + "    \x1b[31m● charges the card › rejects an expired card\x1b[0m\n";
    log += kStamp + "      Error: expected status 402, received 500\n";
    log += kStamp +
           "\x1b[1mTests:\x1b[0m \x1b[31m1 failed\x1b[0m, \x1b[32m14 passed\x1b[0m, 15 total\n";
    log += c + "Command did not exit successfully npm test -- --colors exit status 1\n";
    log += c + "Phase complete: BUILD State: FAILED\n";
    log += c +
           "Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing "
           "command: npm test -- --colors. Reason: exit status 1\n";
    log += c + "Entering phase POST_BUILD\n";
    log += c + "Running command echo Build finished on `date`\n";
    log += kStamp + "Build finished on Thu Nov 26 04:00:31 UTC 2026\n";
    log += c + "Phase complete: POST_BUILD State: SUCCEEDED\n";
    return log;
}

QPalette darkWidgetPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a2e32));
    p.setColor(QPalette::Base, QColor(0x1e2124));
    p.setColor(QPalette::Button, QColor(0x31363b));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(role, QColor(0xe6e8ea));
    return p;
}

// Opens `path` in a shown view with an index the test drives (no polling timer).
struct Fixture {
    LogIndex index;
    LogView view;
    explicit Fixture(const QString& path) {
        index.open(path);
        index.waitForIdle();
        view.setIndex(&index);
        view.resize(700, 400);
        view.show();
        settle();
    }
    void grow(const QString& path, const QByteArray& bytes) {
        append(path, bytes);
        index.refresh();
        index.waitForIdle();
        settle();
    }
    void settle() {
        QCoreApplication::processEvents();
        view.viewport()->repaint();  // lays out the visible lines
    }
};

}  // namespace

class TestLogView : public QObject {
    Q_OBJECT
private slots:
    void followsTheTailUntilScrolledUp() {
        QTemporaryDir dir;
        const QString path = writeLog(dir, numbered(0, 1000));
        Fixture f(path);
        QVERIFY(f.view.isFollowing());
        QCOMPARE(f.view.lastVisibleLine(), qint64(999));

        f.grow(path, numbered(1000, 1500));
        QCOMPARE(f.view.lastVisibleLine(), qint64(1499));

        QSignalSpy following(&f.view, &LogView::followingChanged);
        QTest::keyClick(&f.view, Qt::Key_PageUp);
        f.settle();
        QVERIFY(!f.view.isFollowing());
        QCOMPARE(following.size(), 1);
        const qint64 top = f.view.firstVisibleLine();
        QVERIFY(f.view.lastVisibleLine() < 1499);

        f.grow(path, numbered(1500, 2000));
        QCOMPARE(f.view.firstVisibleLine(), top);  // paused: the view stays where it was

        // Back at the bottom, following resumes.
        f.view.verticalScrollBar()->setValue(f.view.verticalScrollBar()->maximum());
        QVERIFY(f.view.isFollowing());
        f.grow(path, numbered(2000, 2100));
        QCOMPARE(f.view.lastVisibleLine(), qint64(2099));
    }

    void ctrlEndResumesFollowing() {
        QTemporaryDir dir;
        Fixture f(writeLog(dir, numbered(0, 500)));
        f.view.verticalScrollBar()->setValue(0);
        f.settle();
        QVERIFY(!f.view.isFollowing());
        QCOMPARE(f.view.firstVisibleLine(), qint64(0));
        QTest::keyClick(&f.view, Qt::Key_End, Qt::ControlModifier);
        f.settle();
        QVERIFY(f.view.isFollowing());
        QCOMPARE(f.view.lastVisibleLine(), qint64(499));
    }

    void searchFindsTheRightLines() {
        QTemporaryDir dir;
        QByteArray log = numbered(0, 5000);
        log.replace("output line 1234\n", "output line 1234 needle\n");
        log.replace("output line 4321\n", "output line 4321 NEEDLE needle\n");
        Fixture f(writeLog(dir, log));
        QSignalSpy finished(&f.index, &LogIndex::searchFinished);
        f.view.setSearch({QStringLiteral("needle"), false, false});
        QVERIFY(finished.wait());
        QCOMPARE(f.index.searchResult().lines, (std::vector<qint64>{1234, 4321}));
        QCOMPARE(f.index.searchResult().matches, qint64(3));

        QVERIFY(f.view.findNext());
        f.settle();
        QCOMPARE(f.view.currentLine(), qint64(1234));
        QCOMPARE(f.view.currentMatchNumber(), qint64(1));
        QVERIFY(!f.view.isFollowing());
        QVERIFY(f.view.firstVisibleLine() <= 1234 && f.view.lastVisibleLine() >= 1234);
        QVERIFY(f.view.findNext());
        QCOMPARE(f.view.currentLine(), qint64(4321));
        QVERIFY(f.view.findNext());  // wraps around
        QCOMPARE(f.view.currentLine(), qint64(1234));
        QVERIFY(f.view.findPrevious());
        QCOMPARE(f.view.currentLine(), qint64(4321));

        f.view.setSearch({QStringLiteral("line 4\\d{3} N"), true, true});
        QVERIFY(finished.wait());
        QCOMPARE(f.index.searchResult().lines, (std::vector<qint64>{4321}));
    }

    void searchBarShowsTheCount() {
        QTemporaryDir dir;
        LogPane pane;
        QVERIFY(pane.openFile(writeLog(dir, numbered(0, 300))));
        pane.resize(800, 400);
        pane.show();
        QVERIFY(pane.view()->index()->waitForIdle());
        QTest::keyClick(pane.view(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(pane.searchBar()->isVisible());
        pane.searchBar()->regexBox()->setChecked(true);
        QTest::keyClicks(pane.searchBar()->field(), QStringLiteral("line 2\\d$"));
        QTRY_COMPARE(pane.searchBar()->statusText(), QStringLiteral("10 lines, 10 matches"));
        QTest::keyClick(pane.searchBar()->field(), Qt::Key_Return);
        QCOMPARE(pane.view()->currentLine(), qint64(20));
        QTRY_COMPARE(pane.searchBar()->statusText(), QStringLiteral("1 of 10 lines, 10 matches"));
    }

    void jumpsToTheFirstErrorAndHighlightsIt() {
        QTemporaryDir dir;
        QByteArray log = numbered(0, 3000);
        log += kStamp + "[Container] Command did not exit successfully make exit status 2\n";
        log += numbered(3001, 4000);
        Fixture f(writeLog(dir, log));
        QCOMPARE(f.index.firstErrorLine(), qint64(3000));
        QVERIFY(f.view.jumpToFirstError());
        f.settle();
        QCOMPARE(f.view.currentLine(), qint64(3000));
        QVERIFY(!f.view.isFollowing());
        QVERIFY(f.view.firstVisibleLine() <= 3000 && f.view.lastVisibleLine() >= 3000);

        // The line one below the error is plain: compare the far-right pixel of both rows.
        f.view.setLogPalette(LogPalette::lightPalette());
        f.settle();
        const QImage image = f.view.viewport()->grab().toImage();
        const int spacing = QFontMetrics(f.view.logFont()).lineSpacing();
        const int errorRow = int(3000 - f.view.firstVisibleLine()) * spacing + spacing / 2;
        const QColor below = image.pixelColor(image.width() - 3, errorRow + spacing);
        QCOMPARE(below, LogPalette::lightPalette().background);
        QVERIFY(image.pixelColor(image.width() - 3, errorRow) != below);
    }

    void foldsPhasesAndCommands() {
        QTemporaryDir dir;
        const QByteArray c = kStamp + "[Container] 2026/11/26 04:00:00.000 ";
        QByteArray log = c + "Entering phase BUILD\n";       // 0
        log += c + "Running command make\n";                 // 1
        log += numbered(2, 10);                              // 2..9
        log += c + "Running command make test\n";            // 10
        log += kStamp + "tests FAILED\n";                    // 11
        log += c + "Phase complete: BUILD State: FAILED\n";  // 12
        log += numbered(13, 20);
        Fixture f(writeLog(dir, log));
        QCOMPARE(f.view.folding().sections().size(), 3);
        const qint64 rows = f.view.folding().rowCount(f.index.lineCount());
        f.view.toggleSection(1);
        QCOMPARE(f.view.folding().rowCount(f.index.lineCount()), rows - 8);
        QCOMPARE(f.view.folding().lineForRow(2), qint64(10));
        f.view.toggleSection(0);
        QCOMPARE(f.view.folding().rowCount(f.index.lineCount()), rows - 11);
        QCOMPARE(f.view.folding().lineForRow(1), qint64(12));  // the status line stays
        // Jumping to a folded error unfolds what hides it.
        QVERIFY(f.view.jumpToFirstError());
        QCOMPARE(f.view.currentLine(), qint64(11));
        QVERIFY(!f.view.folding().isCollapsed(0));
        f.view.expandAll();
        QCOMPARE(f.view.folding().rowCount(f.index.lineCount()), rows);
    }

    void timestampsToggleAndCopy() {
        QTemporaryDir dir;
        Fixture f(writeLog(dir, kStamp + "\x1b[1;32mgreen\x1b[0m done\n" + kStamp + "second\n"));
        QCOMPARE(f.view.displayText(0), QString(kStamp) + QStringLiteral("green done"));
        f.view.setTimestampsVisible(false);
        QCOMPARE(f.view.displayText(0), QStringLiteral("green done"));
        f.view.setSelection({0, 6}, {1, 3});
        QCOMPARE(f.view.selectedText(), QStringLiteral("done\nsec"));
    }

    void zoomsWithTheKeyboard() {
        QTemporaryDir dir;
        Fixture f(writeLog(dir, numbered(0, 10)));
        const qreal base = f.view.logFont().pointSizeF();
        QTest::keyClick(&f.view, Qt::Key_Plus, Qt::ControlModifier);
        QTest::keyClick(&f.view, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(f.view.logFont().pointSizeF(), base + 2);
        QTest::keyClick(&f.view, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(f.view.logFont().pointSizeF(), base + 1);
        QTest::keyClick(&f.view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(f.view.logFont().pointSizeF(), base);
    }

    void savesTheWholeLog() {
        QTemporaryDir dir;
        const QByteArray log = numbered(0, 2000);
        Fixture f(writeLog(dir, log));
        const QString target = dir.filePath(QStringLiteral("saved.log"));
        QFuture<bool> saved = f.view.saveTo(target);
        saved.waitForFinished();
        QVERIFY(saved.result());
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), log);
    }

    // Not a check: the screenshots looked at by hand (support/shots.h).
    void screenshot() {
        const QString out = pwtest::shotsDirectory();
        if (out.isEmpty())
            QSKIP("PIPEWRIGHT_SHOTS_DIR not set");
        QTemporaryDir dir;
        for (const bool dark : {false, true}) {
            LogPane pane;
            QVERIFY(pane.openFile(writeLog(dir, failedBuildLog())));
            if (dark)
                pane.setPalette(darkWidgetPalette());  // the view picks its dark colours
            pane.resize(1100, 640);
            pane.show();
            QVERIFY(pane.view()->index()->waitForIdle());
            QCoreApplication::processEvents();
            pane.view()->toggleSection(2);  // fold "npm ci"
            pane.searchBar()->activate();
            pane.searchBar()->field()->setText(QStringLiteral("payment"));
            QTRY_VERIFY(pane.searchBar()->statusText().contains(QStringLiteral("match")));
            QVERIFY(pane.view()->jumpToFirstError());
            pane.view()->verticalScrollBar()->setValue(0);
            QCoreApplication::processEvents();
            const QString file = out + (dark ? "/logview-dark.png" : "/logview-light.png");
            QVERIFY(pane.grab().save(file));
        }
    }

    // A figure, not a gate: the view painting while the log grows at 120,000 lines/s, with the
    // longest event-loop stall measured by a 2 ms heartbeat. Runs when PIPEWRIGHT_BENCH is set.
    void followStallFigure() {
        if (qEnvironmentVariableIsEmpty("PIPEWRIGHT_BENCH"))
            QSKIP("PIPEWRIGHT_BENCH not set");
        QTemporaryDir dir;
        const QString path = writeLog(dir, numbered(0, 1));
        LogView view;
        QVERIFY(view.openFile(path));
        view.resize(1000, 700);
        view.show();
        qint64 longest = 0;
        QElapsedTimer beat;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, [&] { longest = std::max(longest, beat.restart()); });
        std::atomic<qint64> written{1};
        QThread* writer = QThread::create([&] {
            QFile f(path);
            f.open(QIODevice::Append);
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 3000) {
                const qint64 due = 120000 * t.elapsed() / 1000;
                f.write(numbered(int(written), int(std::max(due, written.load()))));
                f.flush();
                written = std::max(due, written.load());
                QThread::msleep(10);
            }
        });
        QElapsedTimer t;
        t.start();
        beat.start();
        heartbeat.start(2);
        writer->start();
        while (!writer->isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTRY_COMPARE(view.index()->lineCount(), written.load());
        view.viewport()->repaint();
        qInfo("follow: %lld lines in %.2f s (%.0f lines/s), longest event-loop stall %lld ms",
              written.load(), t.elapsed() / 1000.0, written.load() * 1000.0 / t.elapsed(), longest);
        QVERIFY(view.isFollowing());
        QCOMPARE(view.lastVisibleLine(), written.load() - 1);
        delete writer;
    }

    void parsesAnsiColours() {
        const AnsiLine l = parseAnsi(QStringLiteral(
            "\x1b[1;31mred\x1b[0m plain \x1b[38;5;208mo\x1b[38;2;1;2;3mx\x1b[K\x1b]0;title\x07!"));
        QCOMPARE(l.text, QStringLiteral("red plain ox!"));
        QCOMPARE(l.spans.size(), 3);
        QCOMPARE(l.spans[0].length, 3);
        QVERIFY(l.spans[0].style.bold);
        QCOMPARE(l.spans[0].style.foreground, (AnsiColor{AnsiColor::Indexed, 1}));
        QCOMPARE(l.spans[1].start, 10);
        QCOMPARE(l.spans[1].style.foreground, (AnsiColor{AnsiColor::Indexed, 208}));
        QCOMPARE(l.spans[2].style.foreground, (AnsiColor{AnsiColor::Rgb, 0x010203}));
        QCOMPARE(l.spans[2].length, 2);  // the style lasts to the end of the line
        const LogPalette dark = LogPalette::darkPalette();
        QCOMPARE(dark.color(l.spans[1].style.foreground), QColor(255, 135, 0));
        QCOMPARE(dark.color(l.spans[0].style.foreground), dark.ansi[1]);
        QCOMPARE(parseAnsi(QStringLiteral("10%\r50%\r100%")).text, QStringLiteral("100%"));
        QCOMPARE(parseAnsi(QStringLiteral("\x1b[7minv\x1b[27m")).spans[0].style.inverse, true);
    }
    void bigLogIsReadableWithAnEstimatedLengthBeforeIndexed() {
        QTemporaryDir dir;
        constexpr qint64 kLines = 600000;  // ~27 MB: several chunks after the small first one
        const QString path = writeLog(dir, numbered(0, int(kLines)));
        LogIndex index;
        QSignalSpy added(&index, &LogIndex::linesAdded);
        QVERIFY(index.open(path));
        QVERIFY(added.wait(5000));
        QCOMPARE(index.line(0), kStamp + "output line 0");
        const qint64 seen = index.lineCount();
        const qint64 estimate = index.estimatedLineCount();
        if (seen < kLines)  // still indexing: extrapolated from the bytes seen so far
            QVERIFY2(qAbs(estimate - kLines) < kLines / 10,
                     qPrintable(QStringLiteral("%1 of %2").arg(estimate).arg(kLines)));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), kLines);
        QCOMPARE(index.estimatedLineCount(), kLines);
        QCOMPARE(index.line(kLines - 1), kStamp + "output line " + QByteArray::number(kLines - 1));
    }

    void markersAndErrorsAfterALineLongerThanAChunk() {
        QTemporaryDir dir;
        // A 5 MB line crosses the first and second chunk; what follows is still analysed.
        QByteArray bytes = numbered(0, 10) + QByteArray(5 << 20, 'x') + "\n";
        bytes += kStamp + "[Container] Entering phase BUILD\n" + numbered(11, 20);
        bytes += kStamp + "make: *** [all] Error 2\n";
        const QString path = writeLog(dir, bytes);
        LogIndex index;
        QVERIFY(index.open(path));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), qint64(22));
        QCOMPARE(index.firstErrorLine(), qint64(21));
        const QList<LogMarker> markers = index.markers();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers.first().line, qint64(11));
        QCOMPARE(markers.first().title, QStringLiteral("BUILD"));
    }
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
