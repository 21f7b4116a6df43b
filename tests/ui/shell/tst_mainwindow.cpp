#include "editor/livevalidator.h"
#include "editor/yamleditor.h"
#include "shell/editorpage.h"
#include "shell/mainwindow.h"
#include "shell/problemsmodel.h"
#include "shell/templatecatalog.h"
#include "shell/workspacetreemodel.h"
#include "shelltestsupport.h"
#include "spec/specvalidator.h"

#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QMimeData>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTranslator>
#include <QTreeView>

using namespace pw;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    static int rowsForFile(ProblemsModel* model, const QString& file, Severity severity) {
        int n = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const Diagnostic d = model->diagnostic(model->index(r, 0));
            n += d.file == file && d.severity == severity;
        }
        return n;
    }

    static bool treeShows(WorkspaceTreeModel* model, const QString& path) {
        const QModelIndex index = model->indexForPath(path);
        return index.isValid();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensWorkspaceAndScansProblems() {
        pwtest::Sandbox box;
        MainWindow window(box.workspace(), box.config());
        window.show();
        QCOMPARE(window.workspacePath(), QDir(box.workspace()).absolutePath());
        const QString broken = box.file(QStringLiteral("ci/buildspec-broken.yml"));
        // The broken file is not open: its error comes from the background scan.
        QTRY_VERIFY(rowsForFile(window.problems(), broken, Severity::Error) > 0);
        QTRY_VERIFY(window.problemCountLabel()->toolTip().contains(QStringLiteral("error")));
        QVERIFY(window.problems()->count(Severity::Error) >= 1);
    }

    void treeHidesGitAndStateAndMarksSpecs() {
        pwtest::Sandbox box;
        MainWindow window(box.workspace(), box.config());
        window.show();
        auto* tree = window.treeModel();
        QTRY_VERIFY(treeShows(tree, box.file(QStringLiteral(".pipewright"))));
        QTRY_VERIFY(treeShows(tree, box.file(QStringLiteral("buildspec.yml"))));
        QVERIFY(!treeShows(tree, box.file(QStringLiteral(".git"))));
        QVERIFY(!treeShows(tree, box.file(QStringLiteral(".pipewright/state"))));
        const QModelIndex spec = tree->indexForPath(box.file(QStringLiteral("buildspec.yml")));
        QVERIFY(!spec.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(tree->kindOf(box.file(QStringLiteral("buildspec.yml"))), SpecKind::Buildspec);
        pwtest::writeFile(box.file(QStringLiteral("notes.txt")), "hello");
        QTRY_VERIFY(treeShows(tree, box.file(QStringLiteral("notes.txt"))));
        const QModelIndex notes = tree->indexForPath(box.file(QStringLiteral("notes.txt")));
        QVERIFY(notes.data(Qt::ForegroundRole).isValid());  // muted
        QVERIFY(!spec.data(Qt::ForegroundRole).isValid());
    }

    void typingAnErrorShowsItsDiagnostic() {
        pwtest::Sandbox box;
        MainWindow window(box.workspace(), box.config());
        window.show();
        const QString path = box.file(QStringLiteral("buildspec.yml"));
        EditorPage* page = window.openFile(path);
        QVERIFY(page);
        QTRY_VERIFY(!page->validator()->isBusy());
        QCOMPARE(rowsForFile(window.problems(), path, Severity::Error), 0);
        YamlEditor* editor = page->editor();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("phases: [oops"));
        QTRY_VERIFY(rowsForFile(window.problems(), path, Severity::Error) > 0);
        QTRY_VERIFY(!editor->diagnostics().isEmpty());
        QVERIFY(page->isModified());
        QVERIFY(window.windowTitle().contains(QStringLiteral("buildspec.yml")));
        // Undo the typing: the problem goes away again.
        while (editor->document()->isUndoAvailable() && page->isModified())
            editor->undo();
        QTRY_COMPARE(rowsForFile(window.problems(), path, Severity::Error), 0);
    }

    void clickingAProblemJumpsToIt() {
        pwtest::Sandbox box;
        MainWindow window(box.workspace(), box.config());
        window.show();
        const QString broken = box.file(QStringLiteral("ci/buildspec-broken.yml"));
        QTRY_VERIFY(rowsForFile(window.problems(), broken, Severity::Error) > 0);
        auto* view = window.findChild<QAbstractItemView*>(QStringLiteral("ProblemsView"));
        QVERIFY(view);
        QModelIndex target;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex i = view->model()->index(r, ProblemsModel::MessageColumn);
            if (view->model()
                    ->index(r, ProblemsModel::FileColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("broken")))
                target = i;
        }
        QVERIFY(target.isValid());
        window.jumpToProblem(target);
        QVERIFY(window.currentPage());
        QCOMPARE(window.currentPage()->filePath(), broken);
        const int line =
            view->model()->index(target.row(), ProblemsModel::LineColumn).data().toInt();
        QCOMPARE(window.currentPage()->editor()->textCursor().blockNumber() + 1, qMax(1, line));
    }

    void templatesAreValidSpecs() {
        const auto templates = TemplateCatalog::all();
        QVERIFY(templates.size() >= 7);
        for (const TemplateCatalog::Template& t : templates) {
            const QByteArray text = TemplateCatalog::text(t);
            QVERIFY2(!text.isEmpty(), qPrintable(t.id));
            const ValidationResult result = validateSpec(t.fileName, text, t.kind);
            QVERIFY2(!hasErrors(result.diagnostics),
                     qPrintable(t.id + QStringLiteral(": ") +
                                (result.diagnostics.isEmpty()
                                     ? QString()
                                     : formatDiagnostic(result.diagnostics.first()))));
        }
    }

    void newFromTemplateOpensUntitledBuffer() {
        pwtest::Sandbox box;
        MainWindow window(box.workspace(), box.config());
        EditorPage* page = window.newFromTemplate(QStringLiteral("appspec-webservice"));
        QVERIFY(page);
        QVERIFY(page->isUntitled());
        QCOMPARE(page->specKind(), SpecKind::Appspec);
        QVERIFY(page->text().contains("ValidateService"));
        QVERIFY(!window.newFromTemplate(QStringLiteral("no-such-template")));
    }

    void sessionAndRecentWorkspacesAreRestored() {
        pwtest::Sandbox box;
        const QString appspec = box.file(QStringLiteral("appspec.yml"));
        {
            MainWindow window(box.workspace(), box.config());
            window.show();
            window.openFile(box.file(QStringLiteral("buildspec.yml")));
            window.openFile(appspec);
            QVERIFY(window.close());
        }
        MainWindow again(box.workspace(), box.config());
        QCOMPARE(again.pages().size(), 2);
        QCOMPARE(again.currentPage()->filePath(), appspec);
        QCOMPARE(again.recentWorkspaces().value(0), QDir(box.workspace()).absolutePath());
    }

    void germanTranslationIsEmbeddedAndComplete() {
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/pipewright_de.qm")));
        QCOMPARE(de.translate("pw::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(de.translate("pw::ProblemsModel", "Severity"), QStringLiteral("Schweregrad"));
        // Every message in the source .ts has a finished translation.
        const QByteArray ts = pwtest::readFile(
            QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/translations/pipewright_de.ts"));
        QVERIFY(ts.contains("<message"));
        QCOMPARE(ts.count("type=\"unfinished\""), 0);
    }

    // lupdate over the UI sources against a copy of the .ts: a tr() string without a German
    // entry shows up as a new, unfinished message.
    void everyUiStringHasAGermanEntry() {
        const QString lupdate =
            QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
        if (!QFileInfo(lupdate).isExecutable())
            QSKIP("lupdate is not installed");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/translations/pipewright_de.ts"),
                            copy));
        QProcess run;
        run.setWorkingDirectory(QStringLiteral(PIPEWRIGHT_SOURCE_DIR));
        run.start(lupdate, {QStringLiteral("-silent"), QStringLiteral("ui"),
                            QStringLiteral("app/gui"), QStringLiteral("-ts"), copy});
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        const QByteArray ts = pwtest::readFile(copy);
        QVERIFY(ts.contains("<message"));
        QCOMPARE(ts.count("type=\"unfinished\""), 0);
    }

    void droppingAFolderOpensIt() {
        pwtest::Sandbox box;
        pwtest::Sandbox other;
        MainWindow window(box.workspace(), box.config());
        window.show();
        window.openDroppedUrls({QUrl::fromLocalFile(other.file(QStringLiteral("buildspec.yml")))});
        QCOMPARE(window.workspacePath(), QDir(other.workspace()).absolutePath());
        QVERIFY(window.currentPage());
        QCOMPARE(window.currentPage()->filePath(), other.file(QStringLiteral("buildspec.yml")));
        window.openDroppedUrls({QUrl::fromLocalFile(box.workspace())});
        QCOMPARE(window.workspacePath(), QDir(box.workspace()).absolutePath());
        QVERIFY(window.pages().isEmpty());  // the other workspace's files closed with it
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
