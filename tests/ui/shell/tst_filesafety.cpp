#include "editor/yamleditor.h"
#include "shell/editorpage.h"
#include "shell/infobar.h"
#include "shell/mainwindow.h"
#include "shell/recoverystore.h"
#include "shelltestsupport.h"

#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace pw;

class TestFileSafety : public QObject {
    Q_OBJECT

private:
    static void clickButton(InfoBar* bar, const QString& text) {
        for (QPushButton* b : bar->findChildren<QPushButton*>())
            if (b->text() == text) {
                b->click();
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no button ") + text));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void saveIsAtomicAndKeepsLineEndings() {
        pwtest::Sandbox box;
        const QString path = box.file(QStringLiteral("buildspec-crlf.yml"));
        pwtest::writeFile(
            path, "version: 0.2\r\nphases:\r\n  build:\r\n    commands:\r\n      - make\r\n");
        MainWindow window(box.workspace(), box.config());
        EditorPage* page = window.openFile(path);
        QVERIFY(page);
        page->editor()->moveCursor(QTextCursor::End);
        page->editor()->insertPlainText(QStringLiteral("      - make test\n"));
        QVERIFY(page->isModified());
        QVERIFY(window.saveCurrent());
        QVERIFY(!page->isModified());
        QCOMPARE(pwtest::readFile(path),
                 QByteArray("version: 0.2\r\nphases:\r\n  build:\r\n    commands:\r\n      - "
                            "make\r\n      - make test\r\n"));
        // QSaveFile leaves no temporary file behind.
        const QStringList left = QDir(QFileInfo(path).absolutePath())
                                     .entryList({QStringLiteral("*buildspec-crlf*")}, QDir::Files);
        QCOMPARE(left, QStringList{QStringLiteral("buildspec-crlf.yml")});
    }

    void failedSaveKeepsTheBuffer() {
        pwtest::Sandbox box;
        const QString path = box.file(QStringLiteral("buildspec.yml"));
        MainWindow window(box.workspace(), box.config());
        EditorPage* page = window.openFile(path);
        page->editor()->insertPlainText(QStringLiteral("# edit\n"));
        QString error;
        // A folder where the file should go: the save fails even for root.
        QVERIFY(!page->saveAs(box.workspace(), &error));
        QCOMPARE(page->filePath(), path);
        QVERIFY(!error.isEmpty());
        QVERIFY(page->isModified());
        QVERIFY(page->text().startsWith("# edit\n"));
    }

    void changeOnDiskOffersReload() {
        pwtest::Sandbox box;
        const QString path = box.file(QStringLiteral("appspec.yml"));
        MainWindow window(box.workspace(), box.config());
        window.show();
        EditorPage* page = window.openFile(path);
        QVERIFY(page);
        QVERIFY(!page->infoBar()->isVisible());
        // Our own save is not an outside change.
        page->editor()->insertPlainText(QStringLiteral("# mine\n"));
        QVERIFY(window.saveCurrent());
        QTest::qWait(300);
        QVERIFY(!page->infoBar()->isVisible());
        const QByteArray outside = "version: 0.0\nos: linux\n# changed outside\n";
        QVERIFY(pwtest::writeFile(path, outside));
        QTRY_VERIFY(page->infoBar()->isVisible());
        clickButton(page->infoBar(), QStringLiteral("Reload"));
        QCOMPARE(page->text(), outside);
        QVERIFY(!page->isModified());
        QVERIFY(!page->infoBar()->isVisible());
        // Keep Mine: the buffer stays and counts as unsaved, so the next save wins.
        QVERIFY(pwtest::writeFile(path, "version: 0.0\nos: windows\n"));
        QTRY_VERIFY(page->infoBar()->isVisible());
        clickButton(page->infoBar(), QStringLiteral("Keep Mine"));
        QCOMPARE(page->text(), outside);
        QVERIFY(page->isModified());
    }

    void recoveryAfterACrash() {
        pwtest::Sandbox box;
        const QString path = box.file(QStringLiteral("buildspec.yml"));
        const QByteArray original = pwtest::readFile(path);
        QByteArray typed;
        {
            auto* window = new MainWindow(box.workspace(), box.config());
            EditorPage* page = window->openFile(path);
            page->editor()->moveCursor(QTextCursor::End);
            QTest::keyClicks(page->editor(), QStringLiteral("# unsaved work"));
            typed = page->text();
            QTRY_VERIFY(!window->recovery().entries().isEmpty());  // written as you type
            auto* untitled = window->newFromTemplate(QStringLiteral("buildspec-go"));
            untitled->editor()->insertPlainText(QStringLiteral("# draft\n"));
            untitled->writeRecoveryNow();
            // A crash: the window goes away without closeEvent, nothing is asked or cleaned.
            delete window;
        }
        QCOMPARE(pwtest::readFile(path), original);  // the file itself was never touched
        MainWindow next(box.workspace(), box.config());
        QCOMPARE(next.pendingRecovery().size(), 2);
        QVERIFY(next.windowInfoBar()->isVisibleTo(&next));
        next.restoreRecovered();
        EditorPage* page = next.pageForPath(path);
        QVERIFY(page);
        QCOMPARE(page->text(), typed);
        QVERIFY(page->isModified());
        bool draft = false;
        for (EditorPage* p : next.pages())
            draft = draft || (p->isUntitled() && p->text().startsWith("# draft\n"));
        QVERIFY(draft);
        QVERIFY(next.pendingRecovery().isEmpty());  // the restored buffers own their copies now
        // Saving clears the recovery copy.
        QString error;
        QVERIFY(page->save(&error));
        for (const RecoveryStore::Entry& e : next.recovery().entries())
            QVERIFY(e.path != path);
    }

    void buffersOfAnotherLiveWindowAreNotOffered() {
        pwtest::Sandbox box;
        const QString dir = box.config().recoveryDir;
        RecoveryStore store(dir);
        QVERIFY(store.write(QStringLiteral("k1"), box.file("appspec.yml"), "x"));
        // Rewrite the note as if process 1 (always alive: init) had written it.
        const QString note = QDir(dir).filePath(QStringLiteral("k1.json"));
        QByteArray json = pwtest::readFile(note);
        json.replace(QByteArray::number(QCoreApplication::applicationPid()), "1");
        QVERIFY(pwtest::writeFile(note, json));
        QCOMPARE(store.entries().value(0).pid, 1);
        MainWindow window(box.workspace(), box.config());
        QVERIFY(window.pendingRecovery().isEmpty());
        QVERIFY(!window.windowInfoBar()->isVisibleTo(&window));
    }

    void discardDropsRecoveryCopies() {
        pwtest::Sandbox box;
        RecoveryStore store(box.config().recoveryDir);
        QVERIFY(store.write(RecoveryStore::keyForPath(box.file("appspec.yml")),
                            box.file("appspec.yml"), "x"));
        MainWindow window(box.workspace(), box.config());
        QCOMPARE(window.pendingRecovery().size(), 1);
        window.discardRecovered();
        QVERIFY(store.entries().isEmpty());
        QCOMPARE(window.pages().size(), 0);
    }
};

QTEST_MAIN(TestFileSafety)
#include "tst_filesafety.moc"
