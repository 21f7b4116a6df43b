#include "editor/completionschema.h"
#include "editor/findreplacebar.h"
#include "editor/livevalidator.h"
#include "editor/textposition.h"
#include "editor/yamleditor.h"
#include "editor/yamlhighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace pw;

#define SKIP_UNLESS_BUILTIN(editor)         \
    if (!(editor).usesBuiltInHighlighter()) \
    QSKIP("KSyntaxHighlighting colours this build's editor")

class TestYamlEditor : public QObject {
    Q_OBJECT

private:
    // The format the highlighter gave the character at `column` of `line` (0-based).
    static QColor colorAt(YamlEditor& editor, int line, int column) {
        const QTextBlock block = editor.document()->findBlockByNumber(line);
        for (const QTextLayout::FormatRange& r : block.layout()->formats())
            if (column >= r.start && column < r.start + r.length)
                return r.format.foreground().color();
        return {};
    }
    static QColor roleColor(YamlEditor& editor, YamlHighlighter::Role role) {
        return editor.highlighter()->format(role).foreground().color();
    }

private slots:
    void highlightsKeysValuesAndComments() {
        YamlEditor editor;
        SKIP_UNLESS_BUILTIN(editor);
        editor.setPlainText(QStringLiteral("version: 0.2 # pinned\nname: 'x'\nok: yes\n"));
        QCOMPARE(colorAt(editor, 0, 0), roleColor(editor, YamlHighlighter::Role::Key));
        QCOMPARE(colorAt(editor, 0, 9), roleColor(editor, YamlHighlighter::Role::Number));
        QCOMPARE(colorAt(editor, 0, 15), roleColor(editor, YamlHighlighter::Role::Comment));
        QCOMPARE(colorAt(editor, 1, 7), roleColor(editor, YamlHighlighter::Role::String));
        QCOMPARE(colorAt(editor, 2, 4), roleColor(editor, YamlHighlighter::Role::Keyword));
    }

    void highlightsAnchorsAliasesAndTags() {
        YamlEditor editor;
        SKIP_UNLESS_BUILTIN(editor);
        editor.setPlainText(
            QStringLiteral("base: &defaults\nother: *defaults\nref: !Ref Bucket\n"));
        QCOMPARE(colorAt(editor, 0, 7), roleColor(editor, YamlHighlighter::Role::Anchor));
        QCOMPARE(colorAt(editor, 1, 8), roleColor(editor, YamlHighlighter::Role::Anchor));
        QCOMPARE(colorAt(editor, 2, 6), roleColor(editor, YamlHighlighter::Role::Tag));
    }

    void highlightsShellInsideCommandsOnly() {
        YamlEditor editor;
        SKIP_UNLESS_BUILTIN(editor);
        editor.setPlainText(
            QStringLiteral("phases:\n  build:\n    commands:\n      - echo $HOME && make\n"
                           "    finally:\n      - |\n        if true; then ls; fi\n"
                           "notes:\n  - echo $HOME\n"));
        const int var = QStringLiteral("      - echo ").size();
        QCOMPARE(colorAt(editor, 3, var), roleColor(editor, YamlHighlighter::Role::ShellVariable));
        QCOMPARE(colorAt(editor, 3, var + 6),
                 roleColor(editor, YamlHighlighter::Role::ShellOperator));
        QCOMPARE(colorAt(editor, 6, 8), roleColor(editor, YamlHighlighter::Role::ShellKeyword));
        // Outside commands:/finally: the same text is a plain scalar.
        QCOMPARE(colorAt(editor, 8, 9), roleColor(editor, YamlHighlighter::Role::String));
    }

    void blockScalarEndsAtDedent() {
        YamlEditor editor;
        SKIP_UNLESS_BUILTIN(editor);
        editor.setPlainText(QStringLiteral("text: |\n  key: not a key\nnext: 1\n"));
        QCOMPARE(colorAt(editor, 1, 2), roleColor(editor, YamlHighlighter::Role::Block));
        QCOMPARE(colorAt(editor, 2, 0), roleColor(editor, YamlHighlighter::Role::Key));
    }

    void darkPaletteSwitchesScheme() {
        YamlEditor editor;
        SKIP_UNLESS_BUILTIN(editor);
        QVERIFY(!editor.highlighter()->isDarkScheme());
        QPalette dark = editor.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x21, 0x24));
        editor.setPalette(dark);
        QVERIFY(editor.highlighter()->isDarkScheme());
    }

    void tabKeyInsertsSpaces() {
        YamlEditor editor;
        editor.setPlainText(QStringLiteral("a:"));
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), QStringLiteral("a:\n  "));  // indented after a key
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), QStringLiteral("a:\n    "));
        QVERIFY(!editor.toPlainText().contains(u'\t'));
    }

    void pastedTabsBecomeSpaces() {
        YamlEditor editor;
        QMimeData mime;
        mime.setText(QStringLiteral("a:\n\tb: 1\n\t\tc: \"x\ty\"\n"));
        // paste() reads the clipboard, which the offscreen platform may not have.
        class Access : public YamlEditor {
        public:
            using YamlEditor::insertFromMimeData;
        };
        static_cast<Access&>(editor).insertFromMimeData(&mime);
        QCOMPARE(editor.toPlainText(), QStringLiteral("a:\n  b: 1\n    c: \"x\ty\"\n"));
    }

    void toggleCommentRoundTrips() {
        YamlEditor editor;
        const QString text = QStringLiteral("a:\n  b: 1\n\n  c: 2\n");
        editor.setPlainText(text);
        editor.selectAll();
        editor.toggleComment();
        QCOMPARE(editor.toPlainText(), QStringLiteral("# a:\n#   b: 1\n\n#   c: 2\n"));
        editor.selectAll();
        editor.toggleComment();
        QCOMPARE(editor.toPlainText(), text);
    }

    void diagnosticsUnderlineTheirToken() {
        YamlEditor editor;
        editor.setPlainText(QStringLiteral("é: 1\nphases:\n  biuld: x\n"));
        Diagnostic d;
        d.line = 3;
        d.column = 3;
        d.rule = QStringLiteral("buildspec-unknown-phase");
        d.message = QStringLiteral("unknown phase");
        Diagnostic first;
        first.line = 1;
        first.column = 4;  // byte column: "é" is two bytes, so this is the space before 1
        first.severity = Severity::Warning;
        editor.setDiagnostics({first, d});
        const auto [start, end] = editor.diagnosticRange(1);
        QCOMPARE(editor.toPlainText().mid(start, end - start), QStringLiteral("biuld:"));
        QCOMPARE(editor.diagnosticRange(0).first, 2);  // "é" is one UTF-16 unit
        QCOMPARE(editor.diagnosticAt(start + 2), 1);
        QVERIFY(editor.helpAt(start).contains(QStringLiteral("unknown phase")));
        // Typing before the problem moves its underline with the text.
        QTextCursor c(editor.document());
        c.setPosition(editor.document()->findBlockByNumber(1).position());
        c.insertText(QStringLiteral("# added\n"));
        const auto [s2, e2] = editor.diagnosticRange(1);
        QCOMPARE(editor.toPlainText().mid(s2, e2 - s2), QStringLiteral("biuld:"));
    }

    void nextAndPreviousProblemWrap() {
        YamlEditor editor;
        editor.setPlainText(QStringLiteral("a: 1\nb: 2\nc: 3\nd: 4\n"));
        Diagnostic one, two;
        one.line = 2;
        one.column = 1;
        two.line = 4;
        two.column = 1;
        editor.setDiagnostics({one, two});
        QVERIFY(editor.nextProblem());
        QCOMPARE(editor.textCursor().blockNumber(), 1);
        QVERIFY(editor.nextProblem());
        QCOMPARE(editor.textCursor().blockNumber(), 3);
        QVERIFY(editor.nextProblem());
        QCOMPARE(editor.textCursor().blockNumber(), 1);  // wrapped
        QVERIFY(editor.previousProblem());
        QCOMPARE(editor.textCursor().blockNumber(), 3);
    }

    void fixEditsAddressUtf8Bytes() {
        YamlEditor editor;
        const QByteArray text = "name: ✓ done\nmode: 0644\n";
        editor.setPlainText(QString::fromUtf8(text));
        Fix fix;
        fix.title = QStringLiteral("Quote");
        const qsizetype at = text.indexOf("0644");
        fix.edits = {{at, 4, "\"0644\""}};
        QVERIFY(editor.applyFix(fix));
        QCOMPARE(editor.toPlainText(), QStringLiteral("name: ✓ done\nmode: \"0644\"\n"));
        editor.undo();  // one undo step
        QCOMPARE(editor.toPlainText().toUtf8(), text);
        fix.edits = {{text.size(), 5, "x"}};
        QVERIFY(!editor.applyFix(fix));  // out of range edits are refused, text untouched
        QCOMPARE(editor.toPlainText().toUtf8(), text);
    }

    void completesFromSchemaInContext() {
        YamlEditor editor;
        editor.setSpecKind(SpecKind::Buildspec);
        editor.setPlainText(
            QStringLiteral("version: 0.2\nphases:\n  build:\n    on-failure: \n    co"));
        editor.moveCursor(QTextCursor::End);
        QString prefix;
        QStringList items = editor.completionsAtCursor(&prefix);
        QCOMPARE(prefix, QStringLiteral("co"));
        QVERIFY(items.contains(QStringLiteral("commands")));
        QVERIFY(!items.contains(QStringLiteral("runtime-versions")));  // install only
        QTextCursor c(editor.document()->findBlockByNumber(3));
        c.movePosition(QTextCursor::EndOfBlock);
        editor.setTextCursor(c);
        QCOMPARE(editor.completionsAtCursor(), (QStringList{"ABORT", "CONTINUE", "RETRY"}));
        editor.setPlainText(QStringLiteral("phases:\n  "));
        editor.moveCursor(QTextCursor::End);
        QCOMPARE(editor.completionsAtCursor(),
                 (QStringList{"install", "pre_build", "build", "post_build"}));
    }

    void completesHooksInLifecycleOrderInsideSequences() {
        YamlEditor editor;
        editor.setSpecKind(SpecKind::Appspec);
        editor.setPlainText(QStringLiteral("hooks:\n  "));
        editor.moveCursor(QTextCursor::End);
        const QStringList hooks = editor.completionsAtCursor();
        QVERIFY(hooks.indexOf(QStringLiteral("ApplicationStop")) <
                hooks.indexOf(QStringLiteral("BeforeInstall")));
        QVERIFY(hooks.indexOf(QStringLiteral("AfterInstall")) <
                hooks.indexOf(QStringLiteral("ValidateService")));
        editor.setPlainText(
            QStringLiteral("hooks:\n  AfterInstall:\n    - location: a.sh\n      ti"));
        editor.moveCursor(QTextCursor::End);
        QVERIFY(editor.completionsAtCursor().contains(QStringLiteral("timeout")));
    }

    void typingShowsCompletionPopup() {
        YamlEditor editor;
        editor.setSpecKind(SpecKind::Buildspec);
        editor.resize(400, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setPlainText(QStringLiteral("phases:\n  build:\n    "));
        editor.moveCursor(QTextCursor::End);
        QTest::keyClicks(&editor, QStringLiteral("fin"));
        QTRY_VERIFY(editor.findChild<QCompleter*>()->popup()->isVisible());
        QTest::keyClick(editor.findChild<QCompleter*>()->popup(), Qt::Key_Return);
        QTRY_COMPARE(editor.document()->lastBlock().text(), QStringLiteral("    finally: "));
    }

    void bracketMatching() {
        YamlEditor editor;
        editor.setPlainText(QStringLiteral("a: [1, {b: [2]}, 3]"));
        QCOMPARE(editor.matchingBracket(3), 18);
        QCOMPARE(editor.matchingBracket(18), 3);
        QCOMPARE(editor.matchingBracket(7), 14);
        QCOMPARE(editor.matchingBracket(0), -1);
    }

    void goToLineClampsAndMoves() {
        YamlEditor editor;
        editor.setPlainText(QStringLiteral("a: 1\nb: 2\n"));
        QVERIFY(editor.goToLine(2, 4));
        QCOMPARE(editor.textCursor().blockNumber(), 1);
        QCOMPARE(editor.textCursor().positionInBlock(), 3);
        QVERIFY(!editor.goToLine(10));
    }

    void findAndReplace() {
        YamlEditor editor;
        FindReplaceBar bar;
        bar.setEditor(&editor);
        editor.setPlainText(QStringLiteral("npm test\nnpm run build\nNPM ci\n"));
        bar.showReplace();
        bar.findField()->setText(QStringLiteral("npm"));
        QVERIFY(bar.findNext());
        QCOMPARE(editor.textCursor().selectionStart(), 0);
        QVERIFY(bar.findNext());
        QCOMPARE(editor.textCursor().selectionStart(), 9);
        bar.replaceField()->setText(QStringLiteral("pnpm"));
        QCOMPARE(bar.replaceAll(), 3);  // case-insensitive by default
        QCOMPARE(editor.toPlainText(), QStringLiteral("pnpm test\npnpm run build\npnpm ci\n"));
    }

    void liveValidationReportsTypedError() {
        YamlEditor editor;
        LiveValidator validator;
        QSignalSpy spy(&validator, &LiveValidator::validated);
        validator.schedule(QStringLiteral("buildspec.yml"), "version: 0.2\nphases: [\n",
                           SpecKind::Buildspec);
        validator.schedule(QStringLiteral("buildspec.yml"),
                           "version: 0.2\nphases:\n  build:\n    commands:\n      - x\n",
                           SpecKind::Buildspec);  // supersedes the first before the debounce fires
        QTRY_COMPARE(spy.count(), 1);
        const auto result = spy.takeFirst().at(0).value<ValidationResult>();
        QVERIFY(!hasErrors(result.diagnostics));
        validator.schedule(QStringLiteral("buildspec.yml"), "version: 0.2\nphases: [\n",
                           SpecKind::Buildspec);
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(hasErrors(spy.takeFirst().at(0).value<ValidationResult>().diagnostics));
    }

    // The figure for the issue: one keystroke in a 2,000-line buildspec, re-validated and
    // drawn as underlines. Debug builds are several times slower than release ones, so the
    // guard is loose; the measured time is printed.
    void revalidationOfLargeBuildspecIsFast() {
        QByteArray text = "version: 0.2\nenv:\n  variables:\n";
        for (int i = 0; i < 400; ++i)
            text += "    VAR_" + QByteArray::number(i) + ": value-" + QByteArray::number(i) + "\n";
        text += "phases:\n";
        for (const char* phase : {"install", "pre_build", "build", "post_build"}) {
            text += QByteArray("  ") + phase + ":\n    commands:\n";
            for (int i = 0; i < 400; ++i)
                text += "      - echo \"step " + QByteArray::number(i) + "\" && make target-" +
                        QByteArray::number(i) + "\n";
        }
        QVERIFY(text.count('\n') >= 2000);
        YamlEditor editor;
        editor.setSpecKind(SpecKind::Buildspec);
        editor.setPlainText(QString::fromUtf8(text));
        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(QStringLiteral("  biuld:\n"));  // the keystroke: an unknown phase
        QElapsedTimer clock;
        qint64 best = std::numeric_limits<qint64>::max();
        ValidationResult result;
        for (int round = 0; round < 5; ++round) {
            clock.start();
            result = validateSpec(QStringLiteral("buildspec.yml"), editor.toPlainText().toUtf8(),
                                  SpecKind::Buildspec);
            editor.setDiagnostics(result.diagnostics);
            best = qMin(best, clock.elapsed());
        }
        QVERIFY(!result.diagnostics.isEmpty());
        qInfo("re-validation of a %lld-line buildspec: %lld ms", qlonglong(text.count('\n')), best);
        QVERIFY2(best < 1000, qPrintable(QString::number(best)));
    }

    void staleResultsAreDropped() {
        LiveValidator validator;
        validator.setDelay(0);
        QSignalSpy spy(&validator, &LiveValidator::validated);
        for (int i = 0; i < 5; ++i)
            validator.validateNow();  // five runs in flight, only the last one counts
        QTRY_VERIFY(!validator.isBusy());
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_MAIN(TestYamlEditor)
#include "tst_yamleditor.moc"
