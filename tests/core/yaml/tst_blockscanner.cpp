// Differential tests for the block-style fast path: whenever BlockScanner accepts a text, the
// events it replays must be exactly yaml-cpp's (kind, mark, tag, anchor, value, order).
#include "support/corpussupport.h"
#include "support/yamleventrecorder.h"
#include "yaml/blockscanner.h"
#include "yaml/yamldocument.h"

#include <QDirIterator>
#include <QJsonObject>
#include <QTest>

using namespace pw;

namespace {

QStringList toList(const std::vector<std::string>& events) {
    QStringList list;
    for (const std::string& e : events)
        list << QString::fromStdString(e);
    return list;
}

QStringList yamlCppEvents(const QByteArray& text) {
    return toList(test::yamlCppEvents(std::string_view(text.constData(), size_t(text.size()))));
}

// The fast path's events, or nothing when it declines the text.
std::optional<QStringList> fastEvents(const QByteArray& text) {
    test::YamlEventRecorder recorder(4 * size_t(text.size()) + 64);
    if (!BlockScanner::parse(std::string_view(text.constData(), size_t(text.size())), recorder))
        return std::nullopt;
    return toList(recorder.events);
}

// A readable diff for failure messages: both lists side by side, mismatches marked.
QString describeDifference(const QStringList& expected, const QStringList& actual) {
    QStringList lines{QStringLiteral("yaml-cpp | fast path")};
    for (qsizetype i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        const QString a = expected.value(i, QStringLiteral("-"));
        const QString b = actual.value(i, QStringLiteral("-"));
        lines << QStringLiteral("%1 %2 | %3")
                     .arg(a == b ? QStringLiteral(" ") : QStringLiteral("!"), a, b);
    }
    return lines.join(QLatin1Char('\n'));
}

// Returns whether the fast path accepted `text`; fails the test when it disagrees.
bool agreesWithYamlCpp(const QByteArray& text, const QString& what) {
    const std::optional<QStringList> fast = fastEvents(text);
    if (!fast)
        return false;
    const QStringList expected = yamlCppEvents(text);
    if (*fast != expected) {
        const QString message = what + QStringLiteral(":\n") + describeDifference(expected, *fast);
        QTest::qFail(qPrintable(message), __FILE__, __LINE__);
    }
    return true;
}

QByteArray commandsBuildspec(int commands) {
    QByteArray text = "version: 0.2\n\nphases:\n  build:\n    commands:\n";
    for (int i = 0; i < commands; ++i)
        text += "      - echo command " + QByteArray::number(i) + "\n";
    return text;
}

// Everything a consumer of YamlDocument can see of a node tree, one node per line.
void dumpNode(const YamlNode& node, int depth, QStringList& out) {
    const Mark m = node.mark();
    out << QStringLiteral("%1%2 %3:%4@%5 [%6] style=%7 tag=%8")
               .arg(QString(depth * 2, u' '), node.typeName())
               .arg(m.line)
               .arg(m.column)
               .arg(m.offset)
               .arg(node.scalar())
               .arg(int(node.style()))
               .arg(node.tag());
    for (int i = 0; i < node.size(); ++i) {
        if (node.isSequence()) {
            dumpNode(node.item(i), depth + 1, out);
        } else {
            dumpNode(node.keyAt(i), depth + 1, out);
            dumpNode(node.valueAt(i), depth + 2, out);
        }
    }
}

QStringList dumpDocument(const YamlDocument& doc) {
    QStringList out;
    for (int i = 0; i < doc.documentCount(); ++i)
        dumpNode(doc.root(i), 0, out);
    for (const Diagnostic& d : doc.diagnostics())
        out << formatDiagnostic(d);
    return out;
}

QStringList yamlFilesUnder(const QString& dir) {
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.yml"), QStringLiteral("*.yaml")},
                    QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestBlockScanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handWrittenInputs_data();
    void handWrittenInputs();
    void corpusFilesAgree();
    void exampleFilesAgree();
    void acceptsMostValidCorpusBuildspecs();
    void acceptsLargeBuildspecs();
    void loaderBuildsTheSameTreeEitherWay();
    void declinedTextLeavesHandlerUntouched();
};

void TestBlockScanner::handWrittenInputs_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("accepted");
    auto row = [](const char* name, const QByteArray& text, bool accepted) {
        QTest::newRow(name) << text << accepted;
    };
    // Accepted: the block subset, with the traps that are easy to get wrong.
    row("compact sequence", "phases:\n  build:\n    commands:\n    - make\n    - make test\n",
        true);
    row("deeper sequence", "commands:\n  - a\n  - b\nnext: 1\n", true);
    row("much deeper sequence", "a:\n      - x\n      - y\nb: 2\n", true);
    row("root sequence", "- a\n- b\n", true);
    row("indented root", "  a: 1\n  b:\n    - c\n", true);
    row("comments everywhere",
        "# head\nversion: 0.2 # trailing\n\nphases:   # c\n  # inside\n  build:\n    "
        "commands:\n      # before\n      - make # after\n        # deeper comment\n# end\n",
        true);
    row("single quoted", "a: 'it''s'\nb: ''\nc: ' spaced '  # c\nd: '#no comment'\n", true);
    row("double quoted", "a: \"x y\"\nb: \"\"\nc: \"it's # here\"   # c\n", true);
    row("empty values", "a:\nb:\n  c:\nd:  # c\ne:\n", true);
    row("null spellings", "a: ~\nb: null\nc: Null\nd: NULL\ne: nulls\nnull: x\nf: ~/bin\n", true);
    row("empty items", "- \n-\n- # c\n- a\n-", true);
    row("items with following keys",
        "- name: a\n  value: b\n- name: c\n  nested:\n    - x\n  after: y\n- last\n", true);
    row("compact sequence of mappings",
        "files:\n- source: /\n  destination: /x\nhooks:\n  A:\n  - location: s.sh\n    "
        "timeout: 300\n  B:\n",
        true);
    row("item mapping with wide dash", "-   a: 1\n    b: 2\n-   c:\n", true);
    row("null item then nested", "-\n  a: 1\n-\n  - x\n", true);
    row("key then deeper mapping after comment", "a:\n# c\n    b: 1\n", true);
    row("trailing spaces", "a: b   \nc:   \nd: 'q'   \ne: f  ", true);
    row("colons in values", "a: http://x.y:8080/z\nb: key:value\nc: a:b:c\nd: 'a: b'\n", true);
    row("key:value item", "- key:value\n- http://x\n", true);
    row("hash inside plain", "a: a#b\nb: c #d\nc: c  #d\n", true);
    row("url with fragment", "- curl http://x/#frag\n", true);
    row("non-ASCII", "a: é ✓ 日本\n# ü comment\nb: 'ø'\n", true);
    row("document start", "# c\n---\na: 1\n", true);
    row("document start with spaces", "---   \n- a\n", true);
    row("numbers and booleans", "version: 0.2\nn: 0755\nb: yes\nf: 1e3\n", true);
    row("leading dashes", "a: -x\nb: --flag\n", true);
    row("key characters", "my.key/x-y_z: 1\n$VAR: 2\n", true);
    row("empty text", "", true);
    row("only comments", "# a\n\n  # b\n", true);
    row("pending null at end", "a:\n  b:", true);
    row("pending null before spaces at end", "a:\n  b:\n   ", true);
    row("pending null before dedented spaces", "a:\n  b:\n ", true);
    row("pending item before spaces at end", "a:\n  -\n  ", true);
    row("pending null before comment at end", "a:\n  b:\n # c", true);
    row("dedent closes item mapping", "- a:\n- b\n", true);
    row("compact then key", "k:\n- a: 1\nj: 2\n", true);
    row("compact inside item mapping", "- a:\n  - x\n  b: 1\n", true);
    row("duplicate keys", "a: 1\na: 2\n", true);
    row("lone dash key-like", "a: -\n", false);

    // Declined: left to yaml-cpp (other constructs, or errors yaml-cpp must report).
    row("document start only", "---\n", false);
    row("document start with content", "--- a: 1\n", false);
    row("second document", "a: 1\n---\nb: 2\n", false);
    row("document end", "a: 1\n...\n", false);
    row("directive", "%YAML 1.2\n---\na: 1\n", false);
    row("literal block", "a: |\n  x\n", false);
    row("folded block", "a: >-\n  x\n", false);
    row("anchor and alias", "a: &x 1\nb: *x\n", false);
    row("tag", "a: !Ref b\n", false);
    row("flow collections", "a: [1, 2]\nb: {c: d}\n", false);
    row("multi-line plain", "a: b\n  c\n", false);
    row("multi-line plain in item", "- b\n  c\n", false);
    row("multi-line quoted", "a: 'b\n  c'\n", false);
    row("double-quoted escape", "a: \"x\\ty\"\n", false);
    row("text after quote", "a: 'x' y\n", false);
    row("comment glued to quote", "a: 'x'#c\n", false);
    row("tab", "a:\tb\n", false);
    row("CRLF", "a: b\r\n", false);
    row("BOM",
        "\xEF\xBB\xBF"
        "a: b\n",
        false);
    row("bad dedent", "a:\n    b: 1\n  c: 2\n", false);
    row("sibling at deeper indent", "a:\n  - x\n  b: 1\n", false);
    row("item after scalar value", "a: 1\n- b\n", false);
    row("nested sequence inline", "- - a\n", false);
    row("quoted key", "\"a\": b\n", false);
    row("root scalar", "just text\n", false);
    row("scalar on its own line", "a:\n  text\n", false);
    row("colon-space in value", "a: b: c\n", false);
    row("echo with quoted colon", "- echo \"a: b\"\n", false);
    row("trailing colon", "- echo a:\n", false);
    row("complex key", "? a\n: b\n", false);
    row("indicator starts", "a: @x\n", false);
    row("backtick start", "a: `x`\n", false);
    row("percent start", "a: %x\n", false);
    row("key with space", "my key: 1\n", false);
    row("content after root", "- a\nb: 1\n", false);
    row("sequence inline after key", "a: - b\n", false);
}

void TestBlockScanner::handWrittenInputs() {
    QFETCH(QByteArray, text);
    QFETCH(bool, accepted);
    const bool fastAccepted = agreesWithYamlCpp(text, QStringLiteral("hand-written input"));
    QCOMPARE(fastAccepted, accepted);
}

void TestBlockScanner::corpusFilesAgree() {
    const QDir corpus = test::corpusDir();
    if (!corpus.exists())
        QSKIP("conformance corpus not available (PIPEWRIGHT_CORPUS_DIR)");
    const QStringList files = yamlFilesUnder(corpus.path());
    QVERIFY(!files.isEmpty());
    int accepted = 0;
    for (const QString& file : files) {
        if (agreesWithYamlCpp(readFile(file), file))
            ++accepted;
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("fast path accepted %d of %d corpus YAML files", accepted, int(files.size()));
}

void TestBlockScanner::exampleFilesAgree() {
    const QStringList files =
        yamlFilesUnder(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples"));
    QVERIFY(!files.isEmpty());
    int accepted = 0;
    for (const QString& file : files) {
        if (agreesWithYamlCpp(readFile(file), file))
            ++accepted;
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("fast path accepted %d of %d example YAML files", accepted, int(files.size()));
    QVERIFY(accepted > 0);
}

// Guards against the fast path silently declining everything (it would still be "correct").
void TestBlockScanner::acceptsMostValidCorpusBuildspecs() {
    const QJsonArray entries = test::corpusManifestEntries();
    if (entries.isEmpty())
        QSKIP("conformance corpus not available (PIPEWRIGHT_CORPUS_DIR)");
    int valid = 0;
    int accepted = 0;
    for (const QJsonValue& v : entries) {
        const QJsonObject e = v.toObject();
        const QString file = e.value(u"file").toString();
        if (e.value(u"kind").toString() != u"buildspec" ||
            e.value(u"validity").toString() != u"valid" || file.endsWith(u".json"))
            continue;
        ++valid;
        if (fastEvents(readFile(test::corpusDir().filePath(file))))
            ++accepted;
    }
    qInfo("fast path accepted %d of %d valid corpus buildspecs", accepted, valid);
    QVERIFY(valid > 0);
    QVERIFY2(accepted * 2 >= valid, qPrintable(QStringLiteral("%1/%2").arg(accepted).arg(valid)));
}

void TestBlockScanner::acceptsLargeBuildspecs() {
    for (const int commands : {500, 20000}) {
        const QByteArray text = commandsBuildspec(commands);
        QVERIFY2(agreesWithYamlCpp(text, QStringLiteral("%1 commands").arg(commands)),
                 "the fast path declined a plain commands buildspec");
        BlockScanner scanner;
        QVERIFY(scanner.scan(std::string_view(text.constData(), size_t(text.size()))));
        // doc, map, version, 0.2, phases, map, build, map, commands, seq, the items, 5 ends
        QCOMPARE(scanner.eventCount(), size_t(commands + 15));
    }
}

// The loader must not be able to tell the paths apart: same nodes, marks, styles, diagnostics.
void TestBlockScanner::loaderBuildsTheSameTreeEitherWay() {
    QStringList files = yamlFilesUnder(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples"));
    if (test::corpusDir().exists())
        files += yamlFilesUnder(test::corpusDir().path());
    YamlLoadOptions slow;
    slow.fastPath = false;
    QList<QByteArray> texts{commandsBuildspec(500), "a: 1\na: 2\nb:\n- 'x'\n- \"y\"\n- ~\n"};
    for (const QString& file : files)
        texts << readFile(file);
    for (const QByteArray& text : texts) {
        const QStringList fast = dumpDocument(YamlDocument::load(text, QStringLiteral("f.yml")));
        const QStringList yamlCpp =
            dumpDocument(YamlDocument::load(text, QStringLiteral("f.yml"), slow));
        QVERIFY2(fast == yamlCpp, qPrintable(describeDifference(yamlCpp, fast)));
    }
    const YamlDocument dup = YamlDocument::load("a: 1\na: 2\n", QStringLiteral("d.yml"));
    QCOMPARE(dup.diagnostics().size(), 1);
    QCOMPARE(dup.diagnostics().first().rule, QStringLiteral("yaml-duplicate-key"));
}

void TestBlockScanner::declinedTextLeavesHandlerUntouched() {
    // The decline happens on the last line, after many lines the scanner already took.
    const QByteArray text = commandsBuildspec(50) + "      - echo \"a: b\"\n";
    test::YamlEventRecorder recorder(1000);
    QVERIFY(
        !BlockScanner::parse(std::string_view(text.constData(), size_t(text.size())), recorder));
    QVERIFY(recorder.events.empty());
    // ...and the loader still gets yaml-cpp's reading of it: a mapping as the last item.
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("b.yml"));
    const YamlNode commands = doc.root().get(u"phases").get(u"build").get(u"commands");
    QCOMPARE(commands.size(), 51);
    QVERIFY(commands.item(50).isMapping());
    QVERIFY(commands.item(49).isScalar());
}

QTEST_GUILESS_MAIN(TestBlockScanner)
#include "tst_blockscanner.moc"
