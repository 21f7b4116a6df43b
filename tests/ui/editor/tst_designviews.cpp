#include "editor/buildspecform.h"
#include "editor/forms/appspecform.h"
#include "editor/forms/formdocument.h"
#include "editor/forms/workspaceform.h"
#include "editor/yamleditor.h"
#include "formtestsupport.h"
#include "shell/editorpage.h"
#include "shell/recoverystore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace formtest;

// The editor page offers a Design view for buildspecs, appspecs and workspace files; the form
// edits the page's own document, so the Source view, its undo and the save see every change.
class TestDesignViews : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    template <typename Form>
    void opensItsForm(const char* example, const char* fileName) {
        QVERIFY(m_dir.isValid());
        RecoveryStore recovery(m_dir.filePath(QStringLiteral("recovery")));
        const QString path = m_dir.filePath(QLatin1String(fileName));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(formtest::example(example));
        file.close();
        EditorPage page(&recovery);
        QString error;
        QVERIFY2(page.openFile(path, &error), qPrintable(error));
        page.showDesign(true);
        QVERIFY(page.isDesignShown());
        auto* form = qobject_cast<Form*>(page.designView());
        QVERIFY(form);
        QCOMPARE(form->formDocument()->textDocument(), page.editor()->document());
        const QByteArray before = page.text();
        QVERIFY(form->formDocument()->setValue({QStringLiteral("version")}, QStringLiteral("9")));
        QVERIFY(page.isModified());
        QVERIFY(page.text() != before);
        page.editor()->undo();
        QCOMPARE(page.text(), before);
        page.showDesign(false);
        QVERIFY(!page.isDesignShown());
    }

private slots:
    void buildspec() { opensItsForm<BuildspecForm>("buildspec.yml", "buildspec.yml"); }
    void appspec() { opensItsForm<AppspecForm>("appspec.yml", "appspec.yml"); }
    void workspace() {
        opensItsForm<WorkspaceForm>(".pipewright/workspace.yml", ".pipewright/workspace.yml");
    }
};

QTEST_MAIN(TestDesignViews)
#include "tst_designviews.moc"
