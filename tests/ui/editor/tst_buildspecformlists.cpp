#include "editor/buildspecform.h"
#include "editor/forms/formdocument.h"
#include "editor/forms/listeditor.h"
#include "editor/forms/recordtablemodel.h"
#include "formtestsupport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>

using namespace pw;
using namespace formtest;

// The list parts of the buildspec form, on the bundled example: tables fill from the text,
// and each edit changes exactly the expected lines and undoes in one step.
class TestBuildspecFormLists : public QObject {
    Q_OBJECT

    QTextDocument m_doc;
    QByteArray m_original;
    std::unique_ptr<BuildspecForm> m_form;

    QAbstractItemModel* model(const char* list) const {
        ListEditor* editor = m_form->listEditor(QString::fromLatin1(list));
        return editor ? editor->view()->model() : nullptr;
    }

private slots:
    void init() {
        m_original = example("buildspec.yml");
        QVERIFY(!m_original.isEmpty());
        load(m_doc, m_original);
        m_form = std::make_unique<BuildspecForm>(&m_doc);
    }
    void cleanup() { m_form.reset(); }

    void fillsFromTheExample() {
        QCOMPARE(m_form->versionField()->currentText(), QStringLiteral("0.2"));
        QCOMPARE(m_form->shellField()->currentText(), QStringLiteral("bash"));
        QCOMPARE(model("env/variables")->rowCount(), 1);
        QCOMPARE(cell(model("env/variables"), 0, 0), QStringLiteral("APP_NAME"));
        QCOMPARE(cell(model("env/variables"), 0, 1), QStringLiteral("webapp"));
        QCOMPARE(cell(model("env/exported-variables"), 0), QStringLiteral("APP_VERSION"));
        QCOMPARE(model("phases/pre_build/commands")->rowCount(), 2);
        QCOMPARE(model("phases/build/commands")->rowCount(), 3);
        QVERIFY(cell(model("phases/build/commands"), 2).startsWith("sed "));  // a block scalar
        QVERIFY(cell(model("phases/build/commands"), 2).endsWith(QStringLiteral(" …")));
        QCOMPARE(model("phases/build/finally")->rowCount(), 1);
        QCOMPARE(model("phases/post_build/finally")->rowCount(), 0);
        QCOMPARE(cell(model("reports"), 0, 0), QStringLiteral("unit-tests"));
        QCOMPARE(cell(model("reports"), 0, 1), QStringLiteral("JUNITXML"));
        QCOMPARE(cell(model("reports/*/files"), 0), QStringLiteral("junit.xml"));
        QCOMPARE(model("artifacts/files")->rowCount(), 3);
        QCOMPARE(cell(model("cache/paths"), 0), QStringLiteral(".cache/**/*"));
        QVERIFY(m_form->isFormEnabled());
    }

    void editingAVariableCellChangesOneLine() {
        QAbstractItemModel* vars = model("env/variables");
        QVERIFY(vars->setData(vars->index(0, 1), QStringLiteral("web app")));
        QCOMPARE(bytes(m_doc), replaced(m_original, "APP_NAME: webapp", "APP_NAME: web app"));
        QVERIFY(vars->setData(vars->index(0, 0), QStringLiteral("NAME")));
        QCOMPARE(bytes(m_doc), replaced(m_original, "APP_NAME: webapp", "NAME: web app"));
        m_doc.undo();
        m_doc.undo();
        QCOMPARE(bytes(m_doc), m_original);
    }

    void addingAndRemovingVariableRows() {
        ListEditor* editor = m_form->listEditor(QStringLiteral("env/parameter-store"));
        QVERIFY(editor->addRow());
        QCOMPARE(bytes(m_doc), replaced(m_original, "  exported-variables:\n",
                                        "  parameter-store:\n    NEW_PARAMETER: value\n"
                                        "  exported-variables:\n"));
        QCOMPARE(editor->view()->model()->rowCount(), 1);
        QVERIFY(editor->removeCurrentRow());
        QCOMPARE(bytes(m_doc), m_original);  // the emptied table takes its key along
    }

    void reorderingCommandsMovesTheirLines() {
        ListEditor* editor = m_form->listEditor(QStringLiteral("phases/build/commands"));
        editor->setCurrentRow(2);
        QVERIFY(editor->moveCurrentRow(-1));
        QCOMPARE(editor->currentRow(), 1);
        const QByteArray test = "      - bash tests/run-tests.sh > reports/junit.xml\n";
        const QByteArray block =
            "      - |\n        sed \"s/@VERSION@/$APP_VERSION/\" src/index.html > "
            "dist/index.html\n        cp src/server.sh dist/server.sh\n        chmod +x "
            "dist/server.sh\n";
        QCOMPARE(bytes(m_doc), replaced(m_original, test + block, block + test));
        QVERIFY(!editor->moveCurrentRow(-2));
        m_doc.undo();
        QCOMPARE(bytes(m_doc), m_original);
    }

    void addingAndEditingACommand() {
        ListEditor* editor = m_form->listEditor(QStringLiteral("phases/post_build/finally"));
        QVERIFY(editor->addRow());
        QAbstractItemModel* finallyModel = editor->view()->model();
        QVERIFY(finallyModel->setData(finallyModel->index(0, 0), QStringLiteral("rm -rf tmp")));
        QCOMPARE(bytes(m_doc),
                 replaced(m_original, "      - echo \"$APP_VERSION\" > dist/VERSION\n",
                          "      - echo \"$APP_VERSION\" > dist/VERSION\n"
                          "    finally:\n      - rm -rf tmp\n"));
        m_doc.undo();
        m_doc.undo();
        QCOMPARE(bytes(m_doc), m_original);
    }

    void blockScalarCommandsAreEditedAsMultiLineText() {
        QTableView* view = m_form->listEditor(QStringLiteral("phases/build/commands"))->view();
        const QModelIndex block = view->model()->index(2, 0);
        QStyleOptionViewItem option;
        std::unique_ptr<QWidget> editor(
            view->itemDelegate()->createEditor(view->viewport(), option, block));
        auto* text = qobject_cast<QPlainTextEdit*>(editor.get());
        QVERIFY(text);
        view->itemDelegate()->setEditorData(text, block);
        QVERIFY(text->toPlainText().contains(QStringLiteral("chmod +x dist/server.sh")));
        text->setPlainText(QStringLiteral("make dist\nmake check\n"));
        view->itemDelegate()->setModelData(text, view->model(), block);
        QCOMPARE(bytes(m_doc),
                 replaced(m_original,
                          "        sed \"s/@VERSION@/$APP_VERSION/\" src/index.html > "
                          "dist/index.html\n        cp src/server.sh dist/server.sh\n"
                          "        chmod +x dist/server.sh\n",
                          "        make dist\n        make check\n"));
        std::unique_ptr<QWidget> line(view->itemDelegate()->createEditor(
            view->viewport(), option, view->model()->index(0, 0)));
        QVERIFY(qobject_cast<QLineEdit*>(line.get()));
    }

    void enumeratedCellsOfferTheSchemaValues() {
        QTableView* view = m_form->listEditor(QStringLiteral("reports"))->view();
        const QModelIndex format = view->model()->index(0, 1);
        QVERIFY(format.data(kChoicesRole).toStringList().contains(QStringLiteral("CUCUMBERJSON")));
        QVERIFY(view->model()->index(0, 2).data(kChoicesRole).toStringList().isEmpty());
        QStyleOptionViewItem option;
        std::unique_ptr<QWidget> editor(
            view->itemDelegate()->createEditor(view->viewport(), option, format));
        auto* combo = qobject_cast<QComboBox*>(editor.get());
        QVERIFY(combo);
        view->itemDelegate()->setEditorData(combo, format);
        QCOMPARE(combo->currentText(), QStringLiteral("JUNITXML"));
        combo->setCurrentText(QStringLiteral("CUCUMBERJSON"));
        view->itemDelegate()->setModelData(combo, view->model(), format);
        QCOMPARE(bytes(m_doc),
                 replaced(m_original, "file-format: JUNITXML", "file-format: CUCUMBERJSON"));
    }

    void selectingAReportGroupShowsItsFiles() {
        ListEditor* groups = m_form->listEditor(QStringLiteral("reports"));
        QVERIFY(groups->addRow());
        QCOMPARE(groups->currentRow(), 1);
        QCOMPARE(model("reports/*/files")->rowCount(), 0);
        QVERIFY(m_form->listEditor(QStringLiteral("reports/*/files"))->addRow());
        QCOMPARE(bytes(m_doc), replaced(m_original, "    file-format: JUNITXML\n",
                                        "    file-format: JUNITXML\n  report:\n"
                                        "    files:\n      - \"**/*.xml\"\n"
                                        "    file-format: JUNITXML\n"));
        groups->setCurrentRow(0);
        QCOMPARE(cell(model("reports/*/files"), 0), QStringLiteral("junit.xml"));
    }

    void textEditsRefreshTheLists() {
        QTextCursor cursor = m_doc.find(QStringLiteral("mkdir -p dist reports"));
        cursor.insertText(QStringLiteral("make"));
        QTRY_COMPARE(cell(model("phases/build/commands"), 0), QStringLiteral("make"));
    }

    void brokenYamlShowsTheBannerAndKeepsTheText() {
        m_doc.setPlainText(QStringLiteral("phases:\n  build: [\n"));
        QTRY_VERIFY(!m_form->isFormEnabled());
        QVERIFY(!m_form->bannerText().isEmpty());
        QVERIFY(!m_form->listEditor(QStringLiteral("phases/build/commands"))->addRow());
        QCOMPARE(bytes(m_doc), QByteArray("phases:\n  build: [\n"));
        m_doc.setPlainText(QString::fromUtf8(m_original));
        QTRY_VERIFY(m_form->isFormEnabled());
        QVERIFY(m_form->bannerText().isEmpty());
    }

    void fieldsCarryKeyHelp() {
        QVERIFY(m_form->versionField()->toolTip().contains("docs.aws.amazon.com"));
        QVERIFY(m_form->onFailureField("build")->toolTip().contains(QStringLiteral("ABORT")));
    }
};

QTEST_MAIN(TestBuildspecFormLists)
#include "tst_buildspecformlists.moc"
