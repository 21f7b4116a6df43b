#include "editor/forms/listeditor.h"
#include "editor/forms/recordtablemodel.h"
#include "editor/forms/workspaceform.h"
#include "formtestsupport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace pw;
using namespace formtest;

class TestWorkspaceForm : public QObject {
    Q_OBJECT

    QTextDocument m_doc;
    QByteArray m_original;
    std::unique_ptr<WorkspaceForm> m_form;

    QAbstractItemModel* model(const QString& list) const {
        return m_form->listEditor(list)->view()->model();
    }
    static QString group(const char* rest) {
        return QStringLiteral("applications/*/deployment-groups/*/") + QLatin1String(rest);
    }

private slots:
    void init() {
        m_original = example(".pipewright/workspace.yml");
        QVERIFY(!m_original.isEmpty());
        load(m_doc, m_original);
        m_form = std::make_unique<WorkspaceForm>(&m_doc);
    }
    void cleanup() { m_form.reset(); }

    void fillsFromTheExample() {
        QCOMPARE(cell(m_form->projects(), 0, 0), QStringLiteral("webapp-build"));
        QCOMPARE(cell(m_form->projects(), 0, 1), QStringLiteral("buildspec.yml"));
        QCOMPARE(cell(m_form->projects(), 0, 3), QStringLiteral("10"));
        QCOMPARE(cell(model("projects/*/environment/variables"), 0, 0), QStringLiteral("STAGE"));
        QCOMPARE(cell(model("sources"), 0, 0), QStringLiteral("webapp"));
        QCOMPARE(cell(model("sources"), 0, 2), QStringLiteral("main"));
        QCOMPARE(cell(m_form->applications(), 0, 0), QStringLiteral("webapp"));
        QCOMPARE(cell(m_form->groups(), 0, 0), QStringLiteral("webapp-dev"));
        QCOMPARE(cell(m_form->groups(), 0, 1), QStringLiteral("CodeDeployDefault.OneAtATime"));
        QAbstractItemModel* instances = model(group("instances"));
        QCOMPARE(instances->rowCount(), 2);
        QCOMPARE(cell(instances, 1, 2), QStringLiteral("18082"));
        QCOMPARE(cell(model(group("auto-rollback/events")), 0),
                 QStringLiteral("DEPLOYMENT_FAILURE"));
        const QList<QLineEdit*> lines = m_form->findChildren<QLineEdit*>();
        const auto withText = [&](const QString& text) {
            return std::count_if(lines.begin(), lines.end(),
                                 [&](QLineEdit* e) { return e->text() == text; });
        };
        QCOMPARE(withText(QStringLiteral("/health")), 1);  // the health-check path field
    }

    void editingAnInstanceCellChangesOneLine() {
        QAbstractItemModel* instances = model(group("instances"));
        QVERIFY(instances->setData(instances->index(1, 2), QStringLiteral("18090")));
        QCOMPARE(bytes(m_doc), replaced(m_original, "port: 18082", "port: 18090"));
        m_doc.undo();
        QCOMPARE(bytes(m_doc), m_original);
    }

    void addingAnInstanceAndAGroup() {
        QVERIFY(m_form->listEditor(group("instances"))->addRow());
        QCOMPARE(bytes(m_doc), replaced(m_original, "            port: 18082\n",
                                        "            port: 18082\n          - name: instance\n"
                                        "            kind: sandbox\n"));
        QVERIFY(m_form->listEditor("applications/*/deployment-groups")->addRow());
        QVERIFY(
            bytes(m_doc).endsWith("        keep-revisions: 5\n      group:\n"
                                  "        config: CodeDeployDefault.OneAtATime\n"
                                  "        style: in-place\n"));
        QCOMPARE(m_form->groups()->rowCount(), 2);
        m_doc.undo();
        m_doc.undo();
        QCOMPARE(bytes(m_doc), m_original);
    }

    void flowListsAreEditedInPlace() {
        QVERIFY(m_form->listEditor(group("auto-rollback/events"))->addRow());
        QCOMPARE(bytes(m_doc), replaced(m_original, "[DEPLOYMENT_FAILURE]",
                                        "[DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]"));
    }

    void settingAFieldOfTheSelectedGroup() {
        QList<QComboBox*> combos = m_form->findChildren<QComboBox*>();
        QComboBox* onReady = nullptr;
        for (QComboBox* c : combos)
            if (c->findText(QStringLiteral("wait")) >= 0)
                onReady = c;
        QVERIFY(onReady);
        QVERIFY(onReady->isEnabled());
        onReady->setCurrentIndex(onReady->findText(QStringLiteral("wait")));
        emit onReady->activated(onReady->currentIndex());
        QCOMPARE(bytes(m_doc), replaced(m_original, "        auto-rollback:\n",
                                        "        blue-green:\n          on-ready: wait\n"
                                        "        auto-rollback:\n"));
    }

    void addingAnApplicationCreatesItsFirstGroup() {
        QVERIFY(m_form->listEditor("applications")->addRow());
        QVERIFY(
            bytes(m_doc).endsWith("  application:\n    deployment-groups:\n      dev:\n"
                                  "        config: CodeDeployDefault.OneAtATime\n"));
    }

    void invalidYamlDisablesTheForm() {
        m_doc.setPlainText(QStringLiteral("projects: {\n"));
        QTRY_VERIFY(!m_form->isFormEnabled());
        QCOMPARE(bytes(m_doc), QByteArray("projects: {\n"));
    }
};

QTEST_MAIN(TestWorkspaceForm)
#include "tst_workspaceform.moc"
