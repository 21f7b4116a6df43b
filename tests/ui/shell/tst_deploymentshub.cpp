// The window's Deployments menu and dock on a real workspace: groups come from workspace.yml,
// a dashboard opens per group, and "Deploy Workspace" runs a real deployment into a sandbox.
#include "deploy/deploymentgrouppage.h"
#include "shell/deploymentshub.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QStringList actionTexts(QMenu* menu) {
    Q_EMIT menu->aboutToShow();
    QStringList texts;
    for (QAction* a : menu->actions())
        texts << a->text();
    return texts;
}

}  // namespace

class TestDeploymentsHub : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutGroupsTheMenuSaysSo() {
        QTemporaryDir dir;
        QMainWindow window;
        DeploymentsHub hub(&window);
        hub.setWorkspace(dir.path());
        const QStringList texts = actionTexts(hub.menu());
        QCOMPARE(texts.size(), 1);
        QVERIFY(!hub.menu()->actions().first()->isEnabled());
    }

    void deployWorkspaceInstallsIntoTheSandbox() {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeFile(root + "/appspec.yml",
                  "version: 0.0\nos: linux\nfiles:\n  - source: site\n    destination: /srv/app\n");
        writeFile(root + "/site/index.html", "<h1>v1</h1>\n");
        writeFile(root + "/.pipewright/workspace.yml",
                  "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
                  "        instances:\n          - {name: web-1, kind: sandbox}\n");
        QMainWindow window;
        DeploymentsHub hub(&window);
        hub.setWorkspace(root);
        QVERIFY(actionTexts(hub.menu()).contains("Deploy Workspace to shop / web"));

        QString error;
        QVERIFY2(hub.deployWorkspace("shop", "web", &error), qPrintable(error));
        QCOMPARE(hub.tabs()->count(), 1);
        auto* page = qobject_cast<DeploymentGroupPage*>(hub.tabs()->currentWidget());
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->state().status, QStringLiteral("Succeeded"), 30000);
        // The workspace folder was the revision, without its .pipewright folder.
        const QString installed =
            root + "/.pipewright/state/instances/web/web-1/srv/app/index.html";
        QVERIFY2(QFile::exists(installed), qPrintable(installed));

        // Opening the same group again shows the same tab.
        QCOMPARE(hub.openGroup("shop", "web"), page);
        QCOMPARE(hub.tabs()->count(), 1);
        hub.setWorkspace(QString());
        QCOMPARE(hub.tabs()->count(), 0);
    }
};

QTEST_MAIN(TestDeploymentsHub)
#include "tst_deploymentshub.moc"
