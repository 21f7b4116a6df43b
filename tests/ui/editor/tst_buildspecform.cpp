#include "editor/buildspecform.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextDocumentLayout>
#include <QTest>
#include <QTextDocument>

using namespace pw;

namespace {

const char* const kCommented =
    "# Build for the web app.\n"
    "version: 0.2   # keep\n"
    "\n"
    "env:\n"
    "  shell: \"bash\"  # quoted on purpose\n"
    "  variables:\n"
    "    A: 1\n"
    "\n"
    "phases:\n"
    "  install:\n"
    "    commands:\n"
    "      - npm ci   # lockfile\n"
    "  build:\n"
    "    on-failure: ABORT\n"
    "    commands:\n"
    "      - npm test\n";

// The text differs from `before` only inside [from, from + removed) → `inserted`.
bool onlySpanChanged(const QByteArray& before, const QByteArray& after, const QByteArray& removed,
                     const QByteArray& inserted) {
    const qsizetype at = before.indexOf(removed);
    if (at < 0)
        return false;
    QByteArray expected = before;
    expected.replace(at, removed.size(), inserted);
    return expected == after;
}

}  // namespace

class TestBuildspecForm : public QObject {
    Q_OBJECT

private:
    static void setUp(QTextDocument& doc) {
        doc.setDocumentLayout(new QPlainTextDocumentLayout(&doc));
        doc.setPlainText(QString::fromUtf8(kCommented));
    }
    static QByteArray bytes(const QTextDocument& doc) { return doc.toPlainText().toUtf8(); }

private slots:
    void changingAScalarEditsOnlyItsSpan() {
        QTextDocument doc;
        setUp(doc);
        BuildspecForm form(&doc);
        QCOMPARE(form.value({"version"}), QStringLiteral("0.2"));
        QVERIFY(form.setValue({"version"}, QStringLiteral("0.1")));
        QVERIFY(onlySpanChanged(kCommented, bytes(doc), "version: 0.2", "version: 0.1"));
        QVERIFY(form.setValue({"phases", "build", "on-failure"}, QStringLiteral("CONTINUE")));
        QVERIFY(bytes(doc).contains("    on-failure: CONTINUE\n"));
        QVERIFY(bytes(doc).contains("# lockfile"));
    }

    void quotingIsKept() {
        QTextDocument doc;
        setUp(doc);
        BuildspecForm form(&doc);
        QVERIFY(form.setValue({"env", "shell"}, QStringLiteral("/bin/sh")));
        QVERIFY(onlySpanChanged(kCommented, bytes(doc), "\"bash\"", "\"/bin/sh\""));
    }

    void addingAndRemovingAKeyRoundTrips() {
        QTextDocument doc;
        setUp(doc);
        BuildspecForm form(&doc);
        QVERIFY(form.setValue({"phases", "install", "on-failure"}, QStringLiteral("ABORT")));
        QVERIFY(onlySpanChanged(kCommented, bytes(doc), "  install:\n",
                                "  install:\n    on-failure: ABORT\n"));
        QVERIFY(form.setValue({"phases", "install", "on-failure"}, QString()));
        QCOMPARE(bytes(doc), QByteArray(kCommented));
    }

    void addingAMissingSectionAppendsIt() {
        QTextDocument doc;
        setUp(doc);
        BuildspecForm form(&doc);
        QVERIFY(form.setValue({"artifacts", "base-directory"}, QStringLiteral("dist")));
        QCOMPARE(bytes(doc), QByteArray(kCommented) + "\nartifacts:\n  base-directory: dist\n");
        QCOMPARE(form.value({"artifacts", "base-directory"}), QStringLiteral("dist"));
    }

    void formAndTextShareOneUndoHistory() {
        QTextDocument doc;
        setUp(doc);
        BuildspecForm form(&doc);
        QVERIFY(form.setValue({"version"}, QStringLiteral("0.1")));
        QVERIFY(form.setValue({"phases", "build", "on-failure"}, QStringLiteral("CONTINUE")));
        doc.undo();
        QVERIFY(bytes(doc).contains("on-failure: ABORT"));
        QVERIFY(bytes(doc).contains("version: 0.1"));
        doc.undo();
        QCOMPARE(bytes(doc), QByteArray(kCommented));
    }

    void formFollowsTextAndWidgetsWriteText() {
        QTextDocument doc;
        setUp(doc);
        BuildspecForm form(&doc);
        QCOMPARE(form.onFailureField(QStringLiteral("build"))->currentText(),
                 QStringLiteral("ABORT"));
        QVERIFY(!form.onFailureField(QStringLiteral("post_build"))->isEnabled());  // no such phase
        QTextCursor c = doc.find(QStringLiteral("ABORT"));
        c.insertText(QStringLiteral("CONTINUE"));
        QTRY_COMPARE(form.onFailureField(QStringLiteral("build"))->currentText(),
                     QStringLiteral("CONTINUE"));
        QComboBox* version = form.versionField();
        version->setCurrentIndex(version->findText(QStringLiteral("0.1")));
        emit version->activated(version->currentIndex());
        QVERIFY(bytes(doc).startsWith("# Build for the web app.\nversion: 0.1   # keep\n"));
    }

    void brokenYamlDisablesTheForm() {
        QTextDocument doc;
        setUp(doc);
        BuildspecForm form(&doc);
        doc.setPlainText(QStringLiteral("phases: [\n"));
        form.refresh();
        QVERIFY(!form.versionField()->isEnabled());
        QVERIFY(!form.setValue({"version"}, QStringLiteral("0.2")));
        QCOMPARE(bytes(doc), QByteArray("phases: [\n"));
    }
};

QTEST_MAIN(TestBuildspecForm)
#include "tst_buildspecform.moc"
