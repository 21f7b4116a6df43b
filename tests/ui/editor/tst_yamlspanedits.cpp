#include "editor/forms/formdocument.h"
#include "yaml/yamldocument.h"

#include <QPlainTextDocumentLayout>
#include <QTest>
#include <QTextDocument>

using namespace pw;

namespace {

const char* const kText =
    "# Build for the web app.\n"
    "version: 0.2   # keep\n"
    "\n"
    "env:\n"
    "  variables:\n"
    "    A: \"1\"  # quoted\n"
    "    B: two\n"
    "\n"
    "phases:\n"
    "  build:\n"
    "    commands:\n"
    "      - npm ci   # lockfile\n"
    "      # - npm audit\n"
    "      - npm test\n"
    "      - |\n"
    "        echo one\n"
    "        echo two\n"
    "  post_build:\n"
    "    commands:\n"
    "    - echo done\n"
    "artifacts:\n"
    "  files: [a, 'b c']\n";

QString replaced(QByteArray text, const QByteArray& from, const QByteArray& to) {
    const qsizetype at = text.indexOf(from);
    Q_ASSERT(at >= 0);
    return QString::fromUtf8(text.replace(at, from.size(), to));
}

}  // namespace

class TestYamlSpanEdits : public QObject {
    Q_OBJECT

    QTextDocument m_text;
    std::unique_ptr<FormDocument> m_doc;

    QString text() const { return m_text.toPlainText(); }

private slots:
    void init() {
        m_text.setDocumentLayout(new QPlainTextDocumentLayout(&m_text));
        m_text.setPlainText(QString::fromUtf8(kText));
        m_text.clearUndoRedoStacks();
        m_doc = std::make_unique<FormDocument>(&m_text, SpecKind::Buildspec);
    }

    void scalarKeepsQuotesAndComments() {
        QVERIFY(m_doc->setValue({"env", "variables", "A"}, "9 9"));
        QCOMPARE(text(), replaced(kText, "A: \"1\"  # quoted", "A: \"9 9\"  # quoted"));
        QVERIFY(m_doc->setValue({"phases", "build", "commands", "0"}, "npm install"));
        QVERIFY(text().contains("      - npm install   # lockfile\n"));
    }

    void plainValueThatNeedsQuotesGetsThem() {
        QVERIFY(m_doc->setValue({"env", "variables", "B"}, "a: b"));
        QCOMPARE(text(), replaced(kText, "B: two", "B: \"a: b\""));
        QVERIFY(m_doc->setValue({"env", "variables", "B"}, "0755"));
        QCOMPARE(m_doc->value({"env", "variables", "B"}), QStringLiteral("0755"));
    }

    void newKeyGoesWhereTheSchemaPutsIt() {
        QVERIFY(m_doc->setValue({"phases", "build", "on-failure"}, "ABORT"));
        QCOMPARE(text(), replaced(kText, "  build:\n", "  build:\n    on-failure: ABORT\n"));
        QVERIFY(m_doc->setValue({"env", "shell"}, "bash"));
        QVERIFY(text().contains("env:\n  shell: bash\n  variables:\n"));
    }

    void missingSectionsAreCreated() {
        QVERIFY(m_doc->appendItem({"cache", "paths"}, {"node_modules/**/*", {}}));
        QCOMPARE(text(),
                 QString::fromUtf8(kText) + "\ncache:\n  paths:\n    - node_modules/**/*\n");
        QVERIFY(m_doc->setValue({"phases", "install", "commands", "0"}, "x") == false);
        QVERIFY(m_doc->appendItem({"phases", "install", "commands"}, {"npm ci", {}}));
        QVERIFY(text().contains("phases:\n  install:\n    commands:\n      - npm ci\n  build:\n"));
    }

    void removingAnItemTakesItsWholeBlock() {
        QVERIFY(m_doc->remove({"phases", "build", "commands", "2"}));
        QCOMPARE(text(), replaced(kText, "      - |\n        echo one\n        echo two\n", ""));
        QVERIFY(m_doc->remove({"phases", "build", "commands", "0"}));
        QVERIFY(
            text().contains("    commands:\n      # - npm audit\n      - npm test\n  post_build:"));
    }

    void movingItemsMovesTheirLines() {
        QVERIFY(m_doc->moveItem({"phases", "build", "commands"}, 2, 0));
        QCOMPARE(text(), replaced(kText,
                                  "      - npm ci   # lockfile\n      # - npm audit\n      - npm "
                                  "test\n      - |\n        echo one\n        echo two\n",
                                  "      - |\n        echo one\n        echo two\n      - npm ci  "
                                  " # lockfile\n      # - npm audit\n      - npm test\n"));
        m_text.undo();
        QCOMPARE(text(), QString::fromUtf8(kText));
        QVERIFY(m_doc->moveItem({"phases", "build", "commands"}, 0, 1));
        QVERIFY(text().contains(
            "      # - npm audit\n      - npm test\n      - npm ci   # lockfile\n"));
    }

    void compactSequencesGrowAtTheirColumn() {
        QVERIFY(m_doc->appendItem({"phases", "post_build", "commands"}, {"echo more", {}}));
        QCOMPARE(text(),
                 replaced(kText, "    - echo done\n", "    - echo done\n    - echo more\n"));
    }

    void multiLineValuesBecomeLiteralBlocks() {
        QVERIFY(m_doc->setValue({"phases", "build", "commands", "1"}, "a\nb"));
        QCOMPARE(text(),
                 replaced(kText, "      - npm test\n", "      - |-\n        a\n        b\n"));
        QVERIFY(m_doc->setValue({"phases", "build", "commands", "2"}, "one line"));
        QVERIFY(text().contains("      - one line\n  post_build:"));
    }

    void flowSequencesAreRewrittenInPlace() {
        QVERIFY(m_doc->appendItem({"artifacts", "files"}, {"c,d", {}}));
        QCOMPARE(text(), replaced(kText, "[a, 'b c']", "[a, 'b c', \"c,d\"]"));
        QVERIFY(m_doc->moveItem({"artifacts", "files"}, 2, 0));
        QVERIFY(m_doc->remove({"artifacts", "files", "1"}));
        QVERIFY(text().endsWith("  files: [\"c,d\", 'b c']\n"));
    }

    void renamingAKeyTouchesOnlyTheKey() {
        QVERIFY(m_doc->renameKey({"env", "variables", "B"}, "BEE"));
        QCOMPARE(text(), replaced(kText, "    B: two", "    BEE: two"));
        QVERIFY(!m_doc->renameKey({"env", "variables", "BEE"}, "A"));  // would duplicate
    }

    void itemsOfMappingsKeepTheirDash() {
        m_text.setPlainText(
            "files:\n  - source: a   # first\n    destination: /b\n  - source: c\n");
        QVERIFY(m_doc->remove({"files", "0", "source"}));
        QCOMPARE(text(), QStringLiteral("files:\n  - destination: /b\n  - source: c\n"));
        QVERIFY(m_doc->setValue({"files", "1", "destination"}, "/d"));
        QCOMPARE(text(), QStringLiteral(
                             "files:\n  - destination: /b\n  - source: c\n    destination: /d\n"));
        QVERIFY(m_doc->appendItem({"files"}, {{}, {{"source", "*.sh"}, {"destination", "/x"}}}));
        QVERIFY(text().endsWith("  - source: \"*.sh\"\n    destination: /x\n"));
        QVERIFY(m_doc->remove({"files", "1", "source"}));
        QVERIFY(text().contains("  - destination: /b\n  - destination: /d\n"));
    }

    void noFinalNewlineIsHandled() {
        m_text.setPlainText("list:\n  - a\n  - b");
        QVERIFY(m_doc->moveItem({"list"}, 1, 0));
        QCOMPARE(text(), QStringLiteral("list:\n  - b\n  - a"));
        QVERIFY(m_doc->appendItem({"list"}, {"c", {}}));
        QCOMPARE(text(), QStringLiteral("list:\n  - b\n  - a\n  - c\n"));
    }

    void nonAsciiTextStaysIntact() {
        m_text.setPlainText("# Größe ✓\nname: Müller  # ö\nx: 1\n");
        QVERIFY(m_doc->setValue({"name"}, "Möller"));
        QCOMPARE(text(), QStringLiteral("# Größe ✓\nname: Möller  # ö\nx: 1\n"));
        QVERIFY(m_doc->setValue({"x"}, "ü"));
        QCOMPARE(text(), QStringLiteral("# Größe ✓\nname: Möller  # ö\nx: ü\n"));
    }

    void eachEditIsOneUndoStep() {
        QVERIFY(m_doc->appendItem({"phases", "build", "commands"}, {"npm run lint", {}}));
        QVERIFY(m_doc->setValue({"version"}, "0.1"));
        m_text.undo();
        QVERIFY(text().contains("npm run lint"));
        QVERIFY(text().contains("version: 0.2"));
        m_text.undo();
        QCOMPARE(text(), QString::fromUtf8(kText));
    }

    void brokenTextIsNeverEdited() {
        m_text.setPlainText("phases: [\n");
        QVERIFY(!m_doc->isEditable());
        QVERIFY(!m_doc->setValue({"version"}, "0.2"));
        QVERIFY(!m_doc->appendItem({"cache", "paths"}, {"x", {}}));
        QCOMPARE(text(), QStringLiteral("phases: [\n"));
    }
};

QTEST_MAIN(TestYamlSpanEdits)
#include "tst_yamlspanedits.moc"
