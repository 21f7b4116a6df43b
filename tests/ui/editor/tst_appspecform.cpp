#include "editor/forms/appspecform.h"
#include "editor/forms/listeditor.h"
#include "formtestsupport.h"

#include <QComboBox>
#include <QDir>
#include <QListWidget>
#include <QTableView>
#include <QTest>

using namespace pw;
using namespace formtest;

class TestAppspecForm : public QObject {
    Q_OBJECT

    QTextDocument m_doc;
    QByteArray m_original;
    std::unique_ptr<AppspecForm> m_form;

    QAbstractItemModel* model(const char* list) const {
        return m_form->listEditor(QString::fromLatin1(list))->view()->model();
    }

private slots:
    void init() {
        m_original = example("appspec.yml");
        QVERIFY(!m_original.isEmpty());
        load(m_doc, m_original);
        m_form = std::make_unique<AppspecForm>(&m_doc);
    }
    void cleanup() { m_form.reset(); }

    void fillsFromTheExample() {
        QCOMPARE(cell(model("files"), 0, 0), QStringLiteral("dist"));
        QCOMPARE(cell(model("files"), 0, 1), QStringLiteral("/srv/webapp"));
        QCOMPARE(cell(model("permissions"), 0, 1), QStringLiteral("*.sh"));
        QCOMPARE(cell(model("permissions"), 0, 4), QStringLiteral("0755"));
        QCOMPARE(cell(model("permissions"), 0, 5), QStringLiteral("file"));  // a list: read-only
        QVERIFY(!(model("permissions")->index(0, 5).flags() & Qt::ItemIsEditable));
        QListWidget* events = m_form->hookEvents();
        QCOMPARE(events->item(0)->text(), QStringLiteral("BeforeBlockTraffic"));
        QVERIFY(events->findItems(QStringLiteral("ApplicationStop (1)"), Qt::MatchExactly).size() ==
                1);
        m_form->selectHook(QStringLiteral("AfterInstall"));
        QCOMPARE(cell(model("hooks/*"), 0, 0), QStringLiteral("scripts/configure.sh"));
        QCOMPARE(cell(model("hooks/*"), 0, 1), QStringLiteral("60"));
    }

    void hookEventsAreListedInLifecycleOrder() {
        QStringList order;
        for (int i = 0; i < m_form->hookEvents()->count(); ++i)
            order.append(m_form->hookEvents()->item(i)->data(Qt::UserRole).toString());
        QVERIFY(order.indexOf("ApplicationStop") < order.indexOf("BeforeInstall"));
        QVERIFY(order.indexOf("BeforeInstall") < order.indexOf("AfterInstall"));
        QVERIFY(order.indexOf("ValidateService") < order.indexOf("AfterAllowTraffic"));
        QVERIFY(!order.contains("Install"));  // reserved: CodeDeploy runs it itself
    }

    void addingAHookPutsItInLifecycleOrder() {
        m_form->selectHook(QStringLiteral("BeforeInstall"));
        QCOMPARE(model("hooks/*")->rowCount(), 0);
        QVERIFY(m_form->listEditor(QStringLiteral("hooks/*"))->addRow());
        QCOMPARE(bytes(m_doc),
                 replaced(m_original, "  AfterInstall:\n",
                          "  BeforeInstall:\n    - location: scripts/beforeinstall.sh\n"
                          "      timeout: 60\n  AfterInstall:\n"));
        QCOMPARE(model("hooks/*")->rowCount(), 1);
        QTRY_VERIFY(
            !m_form->hookEvents()->findItems("BeforeInstall (1)", Qt::MatchExactly).isEmpty());
        m_doc.undo();
        QCOMPARE(bytes(m_doc), m_original);
    }

    void editingScriptCells() {
        m_form->selectHook(QStringLiteral("ValidateService"));
        QAbstractItemModel* scripts = model("hooks/*");
        QVERIFY(scripts->setData(scripts->index(0, 1), QStringLiteral("120")));
        QVERIFY(scripts->setData(scripts->index(0, 2), QStringLiteral("webapp")));
        QCOMPARE(bytes(m_doc),
                 replaced(m_original, "    - location: scripts/validate.sh\n      timeout: 60\n",
                          "    - location: scripts/validate.sh\n      timeout: 120\n"
                          "      runas: webapp\n"));
        QVERIFY(scripts->setData(scripts->index(0, 2), QString()));  // empty removes the key
        QVERIFY(bytes(m_doc).endsWith("      timeout: 120\n"));
    }

    void removingTheLastScriptRemovesTheHook() {
        m_form->selectHook(QStringLiteral("ApplicationStop"));
        ListEditor* scripts = m_form->listEditor(QStringLiteral("hooks/*"));
        scripts->setCurrentRow(0);
        QVERIFY(scripts->removeCurrentRow());
        QCOMPARE(bytes(m_doc), replaced(m_original,
                                        "  ApplicationStop:\n    - location: scripts/stop.sh\n"
                                        "      timeout: 30\n",
                                        ""));
    }

    void editingTheFilesTable() {
        QAbstractItemModel* files = model("files");
        QVERIFY(files->setData(files->index(0, 1), QStringLiteral("/srv/web app")));
        QCOMPARE(bytes(m_doc),
                 replaced(m_original, "destination: /srv/webapp", "destination: /srv/web app"));
        QVERIFY(m_form->listEditor(QStringLiteral("files"))->addRow());
        QVERIFY(
            bytes(m_doc).contains("    destination: /srv/web app\n  - source: /\n"
                                  "    destination: /srv/app\nfile_exists_behavior:"));
        m_doc.undo();
        m_doc.undo();
        QCOMPARE(bytes(m_doc), m_original);
    }

    void permissionsModeStaysAString() {
        QVERIFY(m_form->listEditor(QStringLiteral("permissions"))->addRow());
        QVERIFY(bytes(m_doc).contains("  - object: /srv/app\n    mode: \"0644\"\nhooks:"));
    }

    void invalidYamlDisablesTheForm() {
        m_doc.setPlainText(QStringLiteral("hooks: [\n"));
        QTRY_VERIFY(!m_form->isFormEnabled());
        QVERIFY(!m_form->bannerText().isEmpty());
    }

    void lambdaHooksAreLeftToTheTextView() {
        m_doc.setPlainText(
            QStringLiteral("version: 0.0\nResources: []\nhooks:\n"
                           "  - BeforeAllowTraffic: CheckFn\n"));
        QTRY_VERIFY(!m_form->hookEvents()->parentWidget()->isEnabled());
        QVERIFY(m_form->isFormEnabled());
    }

    void fillsFromEveryCorpusAppspec() {
        const QDir dir(QStringLiteral(PIPEWRIGHT_CORPUS_DIR "/appspec"));
        if (!dir.exists())
            QSKIP("corpus not available");
        int opened = 0;
        for (const QString& name : dir.entryList(QDir::Files)) {
            QTextDocument doc;
            load(doc, readFile(dir.filePath(name)));
            const QByteArray text = bytes(doc);
            AppspecForm form(&doc);
            const QString hooks = form.hookEvents()->item(0)->text();  // touches the model
            Q_UNUSED(hooks);
            QCOMPARE(bytes(doc), text);  // filling a form never writes
            opened += form.isFormEnabled();
        }
        QVERIFY2(opened > 50, qPrintable(QString::number(opened)));
    }
};

QTEST_MAIN(TestAppspecForm)
#include "tst_appspecform.moc"
