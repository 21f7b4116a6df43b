#include "editor/completionschema.h"
#include "editor/yamleditor.h"

#include <QTest>

using namespace pw;

// Every key of the completion schema has hover help and a documentation link, and the text
// view and the forms show it.
class TestKeyDocs : public QObject {
    Q_OBJECT

private slots:
    void everySchemaKeyHasHelpAndALink_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QString>("key");
        for (SpecKind kind : {SpecKind::Buildspec, SpecKind::Appspec, SpecKind::Workspace})
            for (const auto& [path, keys] : CompletionSchema::keySets(kind))
                for (const QString& key : keys)
                    QTest::addRow("%s:%s/%s", qPrintable(specKindName(kind)),
                                  qPrintable(path.join(u'/')), qPrintable(key))
                        << int(kind) << path << key;
    }

    void everySchemaKeyHasHelpAndALink() {
        QFETCH(int, kind);
        QFETCH(QStringList, path);
        QFETCH(QString, key);
        const QString help = CompletionSchema::keyHelp(SpecKind(kind), path, key);
        QVERIFY(!help.isEmpty());
        QVERIFY2(help.endsWith(u'.') && !help.contains(u'\n'), qPrintable(help));  // one sentence
        QVERIFY(CompletionSchema::keyDocUrl(SpecKind(kind), path, key)
                    .startsWith(QLatin1String("https://docs.aws.amazon.com/")));
    }

    void theSameKeyIsExplainedByItsPlace() {
        const QString sourcePath =
            CompletionSchema::keyHelp(SpecKind::Workspace, {"sources", "*"}, "path");
        const QString checkPath = CompletionSchema::keyHelp(
            SpecKind::Workspace,
            {"applications", "*", "deployment-groups", "*", "load-balancer", "health-check"},
            "path");
        QVERIFY(!sourcePath.isEmpty() && !checkPath.isEmpty());
        QVERIFY(sourcePath != checkPath);
        QVERIFY(CompletionSchema::keyHelp(SpecKind::Appspec, {}, "version") !=
                CompletionSchema::keyHelp(SpecKind::Buildspec, {}, "version"));
        QVERIFY(CompletionSchema::keyHelp(SpecKind::Buildspec, {}, "no-such-key").isEmpty());
    }

    void theTextViewShowsKeyHelpOnHover() {
        YamlEditor editor;
        editor.setSpecKind(SpecKind::Workspace);
        editor.setPlainText(QStringLiteral("sources:\n  app:\n    path: dist/app.zip\n"));
        const int at = int(editor.toPlainText().indexOf(QLatin1String("path")));
        const QString tip = editor.helpAt(at + 1);
        QVERIFY2(
            tip.contains(CompletionSchema::keyHelp(SpecKind::Workspace, {"sources", "*"}, "path")
                             .toHtmlEscaped()),
            qPrintable(tip));
        QVERIFY(tip.contains(QLatin1String("https://docs.aws.amazon.com/")));
        QVERIFY(editor.helpAt(int(editor.toPlainText().indexOf(QLatin1String("dist")))).isEmpty());
    }
};

QTEST_MAIN(TestKeyDocs)
#include "tst_keydocs.moc"
