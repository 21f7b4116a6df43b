#include "store/logindex.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

// Lines of varying length so chunk boundaries fall mid-line.
QByteArray generatedLine(int i) {
    return "2026-11-26T04:00:00.000Z line " + QByteArray::number(i) + ' ' +
           QByteArray(i % 97, char('a' + i % 26));
}

QByteArray generatedLog(int lines) {
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += generatedLine(i) + '\n';
    return out;
}

void append(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write(bytes);
}

QString writeLog(const QTemporaryDir& dir, const QByteArray& bytes) {
    const QString path = dir.filePath(QStringLiteral("build.log"));
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(bytes);
    return path;
}

std::vector<qint64> naiveMatchingLines(const QByteArray& log, const QByteArray& needle) {
    std::vector<qint64> lines;
    const QList<QByteArray> all = log.split('\n');
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all[i].toLower().contains(needle.toLower()))
            lines.push_back(i);
    return lines;
}

}  // namespace

class TestLogIndex : public QObject {
    Q_OBJECT
private slots:
    void indexesEveryLineAcrossChunks() {
        QTemporaryDir dir;
        const int n = 150000;  // about 9 MB: the small first chunk and several 4 MB ones
        const QString path = writeLog(dir, generatedLog(n));
        LogIndex index;
        QVERIFY(index.open(path));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), qint64(n));
        QCOMPARE(index.indexedBytes(), QFileInfo(path).size());
        for (int i : {0, 1, 2, 4000, 4321, 70001, 99999, n - 1})
            QCOMPARE(index.line(i), generatedLine(i));
        const QList<QByteArray> range = index.lines(n - 3, 10);
        QCOMPARE(range.size(), 3);
        QCOMPARE(range.last(), generatedLine(n - 1));
        QCOMPARE(index.lineAtOffset(index.lineStart(12345) + 5), qint64(12345));
    }

    void handlesEmptyLinesCrlfAndNoFinalNewline() {
        QTemporaryDir dir;
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, "a\n\r\n\nlast without newline")));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), qint64(4));
        QCOMPARE(index.line(0), QByteArray("a"));
        QCOMPARE(index.line(1), QByteArray(""));
        QCOMPARE(index.line(2), QByteArray(""));
        QCOMPARE(index.line(3), QByteArray("last without newline"));
    }

    void cutsLongLinesWhenReading() {
        QTemporaryDir dir;
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, QByteArray(100000, 'x') + "\nshort\n")));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), qint64(2));
        QCOMPARE(index.line(0, 1000).size(), 1000);
        QCOMPARE(index.line(1), QByteArray("short"));
    }

    void indexCostsFourBytesALine() {
        QTemporaryDir dir;
        const int n = 300000;
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, generatedLog(n))));
        QVERIFY(index.waitForIdle());
        // Pages of 65,536 offsets: at most one partly used page of slack.
        QVERIFY2(index.indexMemoryBytes() <= n * 4 + 65536 * 4,
                 qPrintable(QString::number(index.indexMemoryBytes())));
    }

    void appendsWhenTheFileGrows() {
        QTemporaryDir dir;
        const QString path = writeLog(dir, generatedLog(10));
        LogIndex index;
        QSignalSpy added(&index, &LogIndex::linesAdded);
        QVERIFY(index.open(path));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), qint64(10));

        append(path, "partial");
        index.refresh();
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), qint64(11));
        QCOMPARE(index.line(10), QByteArray("partial"));

        append(path, " now complete\nnext\n");
        index.refresh();
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.lineCount(), qint64(12));
        QCOMPARE(index.line(10), QByteArray("partial now complete"));
        QCOMPARE(index.line(11), QByteArray("next"));
        QVERIFY(!added.isEmpty());
        QCOMPARE(added.last().first().toLongLong(), qint64(12));
    }

    void pollingFollowsAnotherWriter() {
        QTemporaryDir dir;
        const QString path = writeLog(dir, generatedLog(5));
        LogIndex index;
        QVERIFY(index.open(path));
        index.setPollInterval(10);
        QVERIFY(index.waitForIdle());
        append(path, generatedLog(20).mid(generatedLog(5).size()));
        QTRY_COMPARE(index.lineCount(), qint64(20));
        QCOMPARE(index.line(19), generatedLine(19));
    }

    void reindexesATruncatedFile() {
        QTemporaryDir dir;
        const QString path = writeLog(dir, generatedLog(100));
        LogIndex index;
        QSignalSpy reset(&index, &LogIndex::fileReset);
        QVERIFY(index.open(path));
        QVERIFY(index.waitForIdle());
        writeLog(dir, "fresh\nlog\n");
        index.refresh();
        QVERIFY(index.waitForIdle());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(index.lineCount(), qint64(2));
        QCOMPARE(index.line(1), QByteArray("log"));
    }

    void searchesPlainTextLikeANaiveScan() {
        QTemporaryDir dir;
        const QByteArray log = generatedLog(120000);
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, log)));
        QVERIFY(index.waitForIdle());
        const LogSearchResult r =
            index.search({QStringLiteral("LINE 1234"), false, false}, 0, index.lineCount());
        QCOMPARE(r.lines, naiveMatchingLines(log, "line 1234"));
        QCOMPARE(r.matches, qint64(r.lines.size()));
        QCOMPARE(r.searchedLines, qint64(120000));
        const LogSearchResult sensitive =
            index.search({QStringLiteral("LINE 1234"), false, true}, 0, index.lineCount());
        QVERIFY(sensitive.lines.empty());
    }

    void searchesRegexAndCountsEveryMatch() {
        QTemporaryDir dir;
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, "foo foo\nbar\nfoo1 foo22 foo333\n(a+\n")));
        QVERIFY(index.waitForIdle());
        LogSearchResult r = index.search({QStringLiteral("foo\\d+"), true, false}, 0, 4);
        QCOMPARE(r.lines, (std::vector<qint64>{2}));
        QCOMPARE(r.matches, qint64(3));
        r = index.search({QStringLiteral("foo"), false, false}, 0, 4);
        QCOMPARE(r.lines, (std::vector<qint64>{0, 2}));
        QCOMPARE(r.matches, qint64(5));
        r = index.search({QStringLiteral("(a+"), false, false}, 0, 4);  // plain: literal
        QCOMPARE(r.lines, (std::vector<qint64>{3}));
        r = index.search({QStringLiteral("^bar$"), true, false}, 0, 4);  // per line
        QCOMPARE(r.lines, (std::vector<qint64>{1}));
        r = index.search({QStringLiteral("(a+"), true, false}, 0, 4);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.lines.empty());
    }

    void searchStopsWhenCancelled() {
        QTemporaryDir dir;
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, generatedLog(1000))));
        QVERIFY(index.waitForIdle());
        std::atomic_bool cancel{true};
        const LogSearchResult r =
            index.search({QStringLiteral("line"), false, false}, 0, index.lineCount(), &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.searchedLines, qint64(0));
    }

    void asyncSearchFollowsAppendedLines() {
        QTemporaryDir dir;
        const QString path = writeLog(dir, generatedLog(50000));
        LogIndex index;
        QVERIFY(index.open(path));
        QVERIFY(index.waitForIdle());
        QSignalSpy finished(&index, &LogIndex::searchFinished);
        index.startSearch({QStringLiteral("line 4999"), false, false});
        QVERIFY(finished.wait());
        const std::vector<qint64> expected{4999,  49990, 49991, 49992, 49993, 49994,
                                           49995, 49996, 49997, 49998, 49999};
        QCOMPARE(index.searchResult().lines, expected);

        append(path, "no match\nLine 4999 again\n");
        index.refresh();
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.searchResult().lines.back(), qint64(50001));
        QCOMPARE(index.searchResult().matches, qint64(expected.size() + 1));

        index.startSearch({QStringLiteral("[bad"), true, false});
        QVERIFY(!index.searchResult().error.isEmpty());
        QVERIFY(index.searchResult().lines.empty());
    }

    void findsTheFirstErrorLine() {
        QTemporaryDir dir;
        QByteArray log = generatedLog(70000);
        log += "0 errors, Terror, exit status 0\n";  // none of these is an error line
        log += "make: *** [all] Error 2\n";
        log += "tests FAILED\n";
        LogIndex index;
        QSignalSpy found(&index, &LogIndex::firstErrorFound);
        QVERIFY(index.open(writeLog(dir, log)));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.firstErrorLine(), qint64(70001));
        QCOMPARE(found.size(), 1);

        index.setErrorPatterns({QStringLiteral("\\bFAILED\\b")});
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.firstErrorLine(), qint64(70002));
    }

    void derivesNeedlesFromPatterns() {
        const LogNeedle error = LogNeedle::fromRegex(QStringLiteral("(?i)\\berror\\b"), false);
        QCOMPARE(error.bytes, QByteArray("error"));
        QVERIFY(error.caseInsensitive);
        QCOMPARE(LogNeedle::fromRegex(QStringLiteral("exit status [1-9]"), false).bytes,
                 QByteArray("exit status "));
        QCOMPARE(LogNeedle::fromRegex(QStringLiteral("Error \\d+ in"), false).bytes,
                 QByteArray("Error "));
        QCOMPARE(LogNeedle::fromRegex(QStringLiteral("colou?r"), false).bytes, QByteArray("colo"));
        QVERIFY(!LogNeedle::fromRegex(QStringLiteral("warn|fatal"), false).isValid());
        QVERIFY(!LogNeedle::fromRegex(QStringLiteral("(warn)"), false).isValid());
        QCOMPARE(LogNeedle::fromText(QStringLiteral("MiXed"), true).bytes, QByteArray("mixed"));
        QVERIFY(!LogNeedle::fromText(QStringLiteral("Ärger"), true).isValid());
        QCOMPARE(LogNeedle::fromText(QStringLiteral("Ärger"), false).bytes,
                 QStringLiteral("Ärger").toUtf8());
    }

    void findsErrorsWithPatternsWithoutALiteral() {
        QTemporaryDir dir;
        QByteArray log = generatedLog(1000) + "all good\nFATAL: disk full\nwarn: later\n";
        LogIndex index;
        index.setErrorPatterns({QStringLiteral("(?i)^(warn|fatal)\\b")});
        QVERIFY(index.open(writeLog(dir, log)));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.firstErrorLine(), qint64(1001));
    }

    void searchesEveryCaseOfAnAsciiNeedle() {
        QTemporaryDir dir;
        LogIndex index;
        // Long lines so the eight-byte lowering meets the needle at every alignment.
        QByteArray log;
        const QByteArray forms[] = {"needle", "NEEDLE", "NeEdLe", "nEEDLe", "neeDLE", "needl"};
        for (int i = 0; i < 48; ++i)
            log += QByteArray(i % 9, '@') + "[Z`" + forms[i % 6] + "{a}\n";
        QVERIFY(index.open(writeLog(dir, log)));
        QVERIFY(index.waitForIdle());
        const LogSearchResult r = index.search({QStringLiteral("nEeDlE"), false, false}, 0, 48);
        QCOMPARE(r.matches, qint64(40));
        QCOMPARE(index.search({QStringLiteral("[z`"), false, false}, 0, 48).matches, qint64(48));
        QCOMPARE(index.search({QStringLiteral("{A}"), false, false}, 0, 48).matches, qint64(48));
        QCOMPARE(index.search({QStringLiteral("@[z"), false, false}, 0, 48).matches, qint64(42));
    }

    void searchesNonAsciiTextCaseInsensitively() {
        QTemporaryDir dir;
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, "plain\nÄRGER mit Ärger\n")));
        QVERIFY(index.waitForIdle());
        const LogSearchResult r = index.search({QStringLiteral("ärger"), false, false}, 0, 2);
        QCOMPARE(r.lines, (std::vector<qint64>{1}));
        QCOMPARE(r.matches, qint64(2));
    }

    void findsAnErrorAppendedLater() {
        QTemporaryDir dir;
        const QString path = writeLog(dir, generatedLog(100));
        LogIndex index;
        QVERIFY(index.open(path));
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.firstErrorLine(), qint64(-1));
        append(path, "Command did not exit successfully make exit status 2\nmore\n");
        index.refresh();
        QVERIFY(index.waitForIdle());
        QCOMPARE(index.firstErrorLine(), qint64(100));
        QCOMPARE(index.errorRegex()
                     .match("Phase context status code: "
                            "COMMAND_EXECUTION_ERROR Message: x")
                     .hasMatch(),
                 true);
    }

    void findsPhaseAndCommandMarkers() {
        QTemporaryDir dir;
        QByteArray log;
        const QByteArray ts = "2026-11-26T04:00:00.000Z [Container] 2026/11/26 04:00:00.000 ";
        log += ts + "Entering phase INSTALL\n";
        log += ts + "Running command npm ci\n";
        log += "added 12 packages\n";
        log += ts + "Phase complete: INSTALL State: SUCCEEDED\n";
        log += generatedLog(80000);  // pushes the next phase past the first chunk
        log += ts + "Entering phase BUILD\n";
        log += ts + "Running command make -j2\n";
        LogIndex index;
        QVERIFY(index.open(writeLog(dir, log)));
        QVERIFY(index.waitForIdle());
        const QList<LogMarker> m = index.markers();
        QCOMPARE(m.size(), 5);
        QCOMPARE(m[0].line, qint64(0));
        QCOMPARE(m[0].kind, LogMarkerKind::PhaseStart);
        QCOMPARE(m[0].title, QStringLiteral("INSTALL"));
        QCOMPARE(m[1].kind, LogMarkerKind::CommandStart);
        QCOMPARE(m[1].title, QStringLiteral("npm ci"));
        QCOMPARE(m[2].line, qint64(3));
        QCOMPARE(m[2].kind, LogMarkerKind::PhaseEnd);
        QCOMPARE(m[3].line, qint64(80004));
        QCOMPARE(m[3].title, QStringLiteral("BUILD"));
        QCOMPARE(m[4].title, QStringLiteral("make -j2"));
    }
};

QTEST_GUILESS_MAIN(TestLogIndex)
#include "tst_logindex.moc"
