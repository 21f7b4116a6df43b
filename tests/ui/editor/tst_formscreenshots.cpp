// Renders the buildspec, appspec and workspace forms on the bundled example in the light and
// dark themes, and checks that they fit a normal window width and fill from the text. With
// PIPEWRIGHT_SHOTS_DIR set the images are saved there as forms-<kind>-<theme>.png (run under
// xvfb-run for real fonts).

#include "editor/buildspecform.h"
#include "editor/forms/appspecform.h"
#include "editor/forms/workspaceform.h"
#include "formtestsupport.h"
#include "shell/apptheme.h"
#include "support/shots.h"

#include <QApplication>
#include <QDir>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>

using namespace pw;
using namespace formtest;

class TestFormScreenshots : public QObject {
    Q_OBJECT

    void render(FormPage& page, const QString& name) {
        QScrollArea* scroll = page.findChild<QScrollArea*>();
        QVERIFY(scroll);
        // Tall enough to show every section at once; as wide as a normal editor tab.
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const int height = scroll->widget()->sizeHint().height() + 8;
        page.resize(1000, qMin(height, 3000));
        QTest::qWait(50);
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), "the form is wider than its tab");
        QVERIFY(page.isFormEnabled());
        const QImage image = page.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(pwtest::saveShot(image, QStringLiteral("forms-%1.png").arg(name)));
    }

private slots:
    void forms_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("theme");
        for (const char* kind : {"buildspec", "appspec", "workspace"})
            for (const char* theme : {"light", "dark"})
                QTest::addRow("%s-%s", kind, theme) << kind << theme;
    }

    void forms() {
        QFETCH(QString, kind);
        QFETCH(QString, theme);
        applyTheme(*qApp, themeFromName(theme));
        QTextDocument doc;
        std::unique_ptr<FormPage> page;
        if (kind == QLatin1String("buildspec")) {
            load(doc, example("buildspec.yml"));
            page = std::make_unique<BuildspecForm>(&doc);
        } else if (kind == QLatin1String("appspec")) {
            load(doc, example("appspec.yml"));
            auto form = std::make_unique<AppspecForm>(&doc);
            form->selectHook(QStringLiteral("AfterInstall"));
            page = std::move(form);
        } else {
            load(doc, example(".pipewright/workspace.yml"));
            page = std::make_unique<WorkspaceForm>(&doc);
        }
        const QByteArray before = bytes(doc);
        render(*page, kind + u'-' + theme);
        QCOMPARE(bytes(doc), before);  // showing a form never writes
    }
};

QTEST_MAIN(TestFormScreenshots)
#include "tst_formscreenshots.moc"
