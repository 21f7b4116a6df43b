#include "spec/rules.h"

#include <QSet>
#include <QTest>

using namespace pw;

class TestRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idsAreUniqueAndDescribed();
    void findRuleCoversEveryModule();
};

void TestRules::idsAreUniqueAndDescribed() {
    QSet<QString> seen;
    for (const RuleInfo& rule : allRules()) {
        const QString id = QLatin1String(rule.id);
        QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("duplicate rule id ") + id));
        seen.insert(id);
        QVERIFY2(QByteArray(rule.description).size() > 10, rule.id);
        QVERIFY2(!QByteArray(rule.description).contains('\n'), rule.id);  // one line for the editor
    }
    QVERIFY(seen.size() > 100);
}

void TestRules::findRuleCoversEveryModule() {
    // One id from each table, so a module whose table is not registered fails here.
    for (const auto* prefix : {"yaml-", "buildspec-", "appspec-", "pipeline-", "workspace-",
                               "artifacts-", "report", "cache-", "sourcecopy-"}) {
        bool found = false;
        for (const RuleInfo& rule : allRules())
            found |= QByteArray(rule.id).startsWith(prefix) &&
                     findRule(QString::fromLatin1(rule.id)) != nullptr;
        QVERIFY2(found, prefix);
    }
    QCOMPARE(findRule(u"no-such-rule"), nullptr);
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
