#include "yaml/yamldocument.h"

#include <QTest>

using namespace pw;

class TestYamlDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void positionsOfKeysAndValues();
};

void TestYamlDocument::positionsOfKeysAndValues() {
    const YamlDocument doc = YamlDocument::load("version: 0.2\nphases:\n  build:\n    commands:\n      - make\n", "b.yml");
    QVERIFY(!doc.hasErrors());
    const YamlNode cmd = doc.root().get(u"phases").get(u"build").get(u"commands").item(0);
    QCOMPARE(cmd.scalar(), QStringLiteral("make"));
    QCOMPARE(cmd.mark().line, 5);
    QCOMPARE(cmd.mark().column, 9);
}

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yamldocument.moc"
