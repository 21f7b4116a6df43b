#include "yaml/textchecks.h"
#include "yaml/yamldocument.h"

#include <QTest>

using namespace pw;

namespace {
QStringList rulesOf(const YamlDocument& doc) {
    QStringList rules;
    for (const Diagnostic& d : doc.diagnostics())
        rules << d.rule;
    return rules;
}
}  // namespace

class TestYamlDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void positionsOfKeysAndValues();
    void scalarStylesAndTags();
    void absentNodesAreInvalidHandles();
    void duplicateKeysAreErrors();
    void mergeKeysAreFollowed();
    void syntaxErrorAtItsLine();
    void deepNestingIsRefusedNotCrashed();
    void hugeInputIsRefused();
    void invalidUtf8IsReported();
    void tabsInIndentationAreReported_data();
    void tabsInIndentationAreReported();
    void aliasBombIsRefused();
    void aliasInsideItsOwnAnchorIsAnError();
    void jsonLoads();
    void parserLoopIsStopped();
    void emptyTextHasNoRoot();
    void markAtOffset();
};

void TestYamlDocument::positionsOfKeysAndValues() {
    const YamlDocument doc = YamlDocument::load(
        "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n", "b.yml");
    QVERIFY(!doc.hasErrors());
    const YamlNode build = doc.root().get(u"phases").get(u"build");
    const YamlNode cmd = build.get(u"commands").item(0);
    QCOMPARE(cmd.scalar(), QStringLiteral("make"));
    QCOMPARE(cmd.mark().line, 5);
    QCOMPARE(cmd.mark().column, 9);
    QCOMPARE(doc.text().mid(cmd.mark().offset, 4), QByteArray("make"));
    const YamlNode key = doc.root().get(u"phases").keyNode(u"build");
    QCOMPARE(key.mark().line, 3);
    QCOMPARE(key.mark().column, 3);
    QCOMPARE(doc.root().keyAt(0).scalar(), QStringLiteral("version"));
    QCOMPARE(doc.root().valueAt(0).scalar(), QStringLiteral("0.2"));
}

void TestYamlDocument::scalarStylesAndTags() {
    const YamlDocument doc = YamlDocument::load(
        "a: plain\nb: 'single'\nc: \"double\"\nd: |\n  lit\ne: >\n  fold\nf: !Ref Thing\ng: ~\n",
        "s.yml");
    QVERIFY(!doc.hasErrors());
    const YamlNode r = doc.root();
    QCOMPARE(r.get(u"a").style(), ScalarStyle::Plain);
    QCOMPARE(r.get(u"b").style(), ScalarStyle::SingleQuoted);
    QCOMPARE(r.get(u"c").style(), ScalarStyle::DoubleQuoted);
    QCOMPARE(r.get(u"d").style(), ScalarStyle::Literal);
    QCOMPARE(r.get(u"d").scalar(), QStringLiteral("lit\n"));
    QCOMPARE(r.get(u"e").style(), ScalarStyle::Folded);
    QCOMPARE(r.get(u"f").tag(), QStringLiteral("!Ref"));
    QCOMPARE(r.get(u"f").scalar(), QStringLiteral("Thing"));
    QVERIFY(r.get(u"g").isNull());
    QVERIFY(r.get(u"a").isPlain());
    QVERIFY(!r.get(u"b").isPlain());
}

void TestYamlDocument::absentNodesAreInvalidHandles() {
    const YamlDocument doc = YamlDocument::load("a: [1, 2]\n", "x.yml");
    const YamlNode missing = doc.root().get(u"nope").get(u"deeper").item(3);
    QVERIFY(!missing.isValid());
    QCOMPARE(missing.size(), 0);
    QVERIFY(!doc.root().get(u"a").item(2).isValid());
    QCOMPARE(doc.root().get(u"a").item(1).scalar(), QStringLiteral("2"));
    QVERIFY(!doc.root().get(u"a").get(u"x").isValid());  // get() on a sequence
}

void TestYamlDocument::duplicateKeysAreErrors() {
    const YamlDocument doc = YamlDocument::load("phases:\n  build: {}\n  build: {x: 1}\n", "d.yml");
    QCOMPARE(rulesOf(doc), QStringList{QStringLiteral("yaml-duplicate-key")});
    QCOMPARE(doc.diagnostics().first().line, 3);
    QCOMPARE(doc.diagnostics().first().column, 3);
    QVERIFY(doc.diagnostics().first().message.contains(QLatin1String("line 2")));
    // Like YAML parsers, lookups see the last value.
    QCOMPARE(doc.root().get(u"phases").get(u"build").get(u"x").scalar(), QStringLiteral("1"));
}

void TestYamlDocument::mergeKeysAreFollowed() {
    const YamlDocument doc =
        YamlDocument::load("base: &b {shell: bash, x: 1}\nenv:\n  <<: *b\n  x: 2\n", "m.yml");
    QVERIFY2(!doc.hasErrors(), qPrintable(rulesOf(doc).join(',')));
    const YamlNode env = doc.root().get(u"env");
    QCOMPARE(env.get(u"shell").scalar(), QStringLiteral("bash"));
    QCOMPARE(env.get(u"x").scalar(), QStringLiteral("2"));
    QVERIFY(env.get(u"shell").isAlias() == false);
}

void TestYamlDocument::syntaxErrorAtItsLine() {
    const YamlDocument doc = YamlDocument::load("a: 1\nb: [1, 2\nc: 3\n", "e.yml");
    QVERIFY(doc.hasErrors());
    QCOMPARE(doc.diagnostics().first().rule, QStringLiteral("yaml-syntax"));
    QVERIFY(doc.diagnostics().first().line >= 2);
    QVERIFY(!doc.root().isValid());
}

void TestYamlDocument::deepNestingIsRefusedNotCrashed() {
    const QByteArray brackets(100000, '[');
    const YamlDocument doc = YamlDocument::load(brackets, "deep.yml");
    QVERIFY(doc.hasErrors());
    QCOMPARE(doc.diagnostics().first().rule, QStringLiteral("yaml-too-deep"));
    const QByteArray maps = QByteArray("a: ").repeated(1) + QByteArray("{b: ").repeated(50000);
    QVERIFY(YamlDocument::load(maps, "deep2.yml").hasErrors());
}

void TestYamlDocument::hugeInputIsRefused() {
    QByteArray big(50 * 1024 * 1024, 'a');
    const YamlDocument doc = YamlDocument::load(big, "big.yml");
    QCOMPARE(rulesOf(doc), QStringList{QStringLiteral("yaml-too-large")});
    QVERIFY(doc.diagnostics().first().message.contains(QLatin1String("50.0 MB")));
    // A smaller limit is honoured too, and a large-but-allowed file loads.
    YamlLoadOptions options;
    options.maxBytes = 64 * 1024 * 1024;
    QByteArray lines;
    for (int i = 0; i < 2000; ++i)
        lines += "k" + QByteArray::number(i) + ": value\n";
    QVERIFY(!YamlDocument::load(lines, "ok.yml", options).hasErrors());
}

void TestYamlDocument::invalidUtf8IsReported() {
    const YamlDocument doc = YamlDocument::load("a: ok\nb: caf\xc3\n", "u.yml");
    QCOMPARE(rulesOf(doc), QStringList{QStringLiteral("yaml-invalid-utf8")});
    QCOMPARE(doc.diagnostics().first().line, 2);
    QCOMPARE(doc.diagnostics().first().column, 7);
    QCOMPARE(firstInvalidUtf8("caf\xc3\xa9"), qsizetype(-1));
    QCOMPARE(firstInvalidUtf8("\xc0\x80"), qsizetype(0));       // overlong
    QCOMPARE(firstInvalidUtf8("x\xed\xa0\x80"), qsizetype(1));  // surrogate
}

void TestYamlDocument::tabsInIndentationAreReported_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");  // 0: no tab problem expected
    QTest::newRow("tab indent") << QByteArray("a:\n\tb: 1\n") << 2;
    QTest::newRow("space then tab") << QByteArray("a:\n  b:\n  \t- x\n") << 3;
    QTest::newRow("tab in block scalar")
        << QByteArray("a: |\n  make\n  \tindented text\nb: 1\n") << 0;
    QTest::newRow("tab inside value") << QByteArray("a: x\ty\n") << 0;
    QTest::newRow("tab in flow") << QByteArray("a: [\n\t1,\n\t2]\n") << 0;
    QTest::newRow("tab after block ends") << QByteArray("a: |\n  x\n\tb: 1\n") << 3;
}

void TestYamlDocument::tabsInIndentationAreReported() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const QList<Mark> tabs = findTabIndentation(text);
    if (line == 0) {
        QVERIFY2(tabs.isEmpty(), qPrintable(QString::number(tabs.value(0).line)));
        return;
    }
    QCOMPARE(tabs.size(), 1);
    QCOMPARE(tabs.first().line, line);
    const YamlDocument doc = YamlDocument::load(text, "t.yml");
    QVERIFY(rulesOf(doc).contains(QStringLiteral("yaml-tab-indent")));
    QVERIFY(!rulesOf(doc).contains(QStringLiteral("yaml-syntax")));
}

void TestYamlDocument::aliasBombIsRefused() {
    QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const char prev = char(c - 1);
        bomb += QByteArray(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i)
            bomb += QByteArray("*") + prev + (i < 9 ? ", " : "");
        bomb += "]\n";
    }
    const YamlDocument doc = YamlDocument::load(bomb, "lol.yml");
    QVERIFY(rulesOf(doc).contains(QStringLiteral("yaml-alias-bomb")));
    // Small, honest aliasing still works.
    const YamlDocument ok = YamlDocument::load("a: &x [1, 2]\nb: *x\n", "ok.yml");
    QVERIFY(!ok.hasErrors());
    QCOMPARE(ok.root().get(u"b").item(1).scalar(), QStringLiteral("2"));
    QVERIFY(ok.root().get(u"b").isAlias());
}

void TestYamlDocument::aliasInsideItsOwnAnchorIsAnError() {
    const YamlDocument doc = YamlDocument::load("a: &x [1, *x]\n", "cycle.yml");
    QVERIFY(doc.hasErrors());
}

void TestYamlDocument::jsonLoads() {
    YamlLoadOptions options;
    options.allowTabsInIndentation = true;
    const YamlDocument doc = YamlDocument::load(
        "{\n\t\"pipeline\": {\n\t\t\"name\": \"p\",\n\t\t\"stages\": []\n\t}\n}\n", "p.json",
        options);
    QVERIFY2(!doc.hasErrors(), qPrintable(rulesOf(doc).join(',')));
    QCOMPARE(doc.root().get(u"pipeline").get(u"name").scalar(), QStringLiteral("p"));
    QCOMPARE(doc.root().get(u"pipeline").get(u"name").mark().line, 3);
}

// Found by the fuzzer: yaml-cpp 0.7 emits null nodes forever on this text.
void TestYamlDocument::parserLoopIsStopped() {
    const YamlDocument doc = YamlDocument::load(
        "# x kind: sandbox\n                      path: /health\n"
        "            expected-status: 200\n   ,         interval-seconds: 1\n",
        "loop.yml");
    QVERIFY(doc.hasErrors());
    QCOMPARE(doc.diagnostics().first().line, 4);
}

void TestYamlDocument::emptyTextHasNoRoot() {
    const YamlDocument doc = YamlDocument::load("", "empty.yml");
    QVERIFY(!doc.hasErrors());
    QVERIFY(!doc.root().isValid());
    const YamlDocument comments = YamlDocument::load("# only a comment\n", "c.yml");
    QVERIFY(!comments.root().isValid());
}

void TestYamlDocument::markAtOffset() {
    const YamlDocument doc = YamlDocument::load("ab: 1\ncd: 2\n", "m.yml");
    const Mark m = doc.markAt(7);
    QCOMPARE(m.line, 2);
    QCOMPARE(m.column, 2);
    QCOMPARE(doc.lineText(2), QByteArray("cd: 2"));
    QCOMPARE(doc.lineCount(), 3);
}

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yamldocument.moc"
