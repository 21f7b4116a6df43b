#include "editor/forms/formdocument.h"
#include "formtestsupport.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

using namespace pw;
using namespace formtest;

namespace {

// Every block or flow sequence of scalars under `node`, as paths.
void collectLists(const YamlNode& node, const QStringList& path, QList<QStringList>& out) {
    if (node.isSequence() && node.size() > 0 && node.item(0).isScalar())
        out.append(path);
    for (int i = 0; node.isMapping() && i < node.size(); ++i)
        if (node.keyAt(i).isScalar() && !node.valueAt(i).isAlias())
            collectLists(node.valueAt(i), path + QStringList{node.keyAt(i).scalar()}, out);
    for (int i = 0; node.isSequence() && i < node.size(); ++i)
        collectLists(node.item(i), path + QStringList{QString::number(i)}, out);
}

}  // namespace

// Form edits on real files: every list of every corpus buildspec and appspec is edited the
// way the forms edit it, and each edit must leave parseable YAML that reads back as
// intended; undoing must give back the file byte for byte.
class TestFormsCorpus : public QObject {
    Q_OBJECT

    int m_files = 0;
    int m_edits = 0;

    void roundTrip(const QString& file, SpecKind kind) {
        QTextDocument text;
        load(text, readFile(file));
        const QByteArray original = bytes(text);  // QTextDocument has no CRs
        FormDocument doc(&text, kind);
        if (!doc.isEditable() || !doc.yaml().root().isMapping())
            return;
        ++m_files;
        QList<QStringList> lists;
        collectLists(doc.yaml().root(), {}, lists);
        for (const QStringList& list : std::as_const(lists)) {
            const int size = doc.node(list).size();
            const QString first = doc.node(list + QStringList{"0"}).scalar();
            if (doc.moveItem(list, 0, size - 1)) {
                ++m_edits;
                QVERIFY2(doc.isEditable(), qPrintable(file + ": move " + list.join('/')));
                QCOMPARE(doc.value(list + QStringList{QString::number(size - 1)}), first);
                text.undo();
            }
            if (doc.appendItem(list, {QStringLiteral("echo added: yes"), {}})) {
                ++m_edits;
                QVERIFY2(doc.isEditable(), qPrintable(file + ": append " + list.join('/')));
                QCOMPARE(doc.node(list).size(), size + 1);
                QCOMPARE(doc.value(list + QStringList{QString::number(size)}),
                         QStringLiteral("echo added: yes"));
                text.undo();
            }
            if (doc.setValue(list + QStringList{"0"},
                             QStringLiteral("a \"new\" value # not a comment"))) {
                ++m_edits;
                QCOMPARE(doc.value(list + QStringList{"0"}),
                         QStringLiteral("a \"new\" value # not a comment"));
                QCOMPARE(doc.node(list).size(), size);
                text.undo();
            }
            QCOMPARE(bytes(text), original);
        }
    }

    void runDirectory(const char* sub, SpecKind kind) {
        const QDir dir(QStringLiteral(PIPEWRIGHT_CORPUS_DIR "/") + QLatin1String(sub));
        if (!dir.exists())
            QSKIP("corpus not available");
        for (const QString& name : dir.entryList(QDir::Files))
            roundTrip(dir.filePath(name), kind);
    }

private slots:
    void buildspecLists() {
        runDirectory("buildspec", SpecKind::Buildspec);
        qInfo("%d buildspecs, %d list edits", m_files, m_edits);
        QVERIFY(m_files > 100);
        QVERIFY(m_edits > 500);
    }

    // The largest corpus buildspec (about 2,000 lines): a form edit re-parses the whole text,
    // which must stay well below what a click can feel.
    void editsOnALargeFileStayQuick() {
        const QString path = QStringLiteral(PIPEWRIGHT_CORPUS_DIR
                                            "/buildspec/aws-amplify__amplify-category-api__"
                                            "codebuild_specs_e2e_workflow.yml");
        if (!QFile::exists(path))
            QSKIP("corpus not available");
        QTextDocument text;
        load(text, readFile(path));
        FormDocument doc(&text, SpecKind::Buildspec);
        QVERIFY(doc.isEditable());
        QElapsedTimer timer;
        timer.start();
        const int rounds = 10;
        for (int i = 0; i < rounds; ++i) {
            QVERIFY(
                doc.appendItem({"phases", "build", "commands"}, {QStringLiteral("echo x"), {}}));
            QVERIFY(doc.setValue({"version"}, QStringLiteral("0.1")));
            text.undo();
            text.undo();
        }
        const double perEdit = double(timer.elapsed()) / (2 * rounds);
        qInfo("%d lines: %.1f ms per form edit", text.blockCount(), perEdit);
        QCOMPARE(bytes(text), readFile(path).replace("\r", ""));
        QVERIFY(perEdit < 250);
    }

    void appspecLists() {
        m_files = m_edits = 0;
        runDirectory("appspec", SpecKind::Appspec);
        qInfo("%d appspecs, %d list edits", m_files, m_edits);
        QVERIFY(m_files > 50);
    }
};

QTEST_MAIN(TestFormsCorpus)
#include "tst_formscorpus.moc"
