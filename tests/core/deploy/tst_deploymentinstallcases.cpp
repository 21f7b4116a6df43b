// appspec.md §7 TC4 and TC6 through the whole engine (the Installer and HookRunner suites test
// the pieces): what the deployment, its instance and its lifecycle events show.
#include "deploy/deploymentengine.h"
#include "deploy/processsweeper.h"
#include "deployfixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace pw;
using namespace pw::test;

namespace {

QByteArray oneInstance(const QByteArray& extra = {}) {
    return "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
           "        instances:\n          - {name: i1, kind: sandbox}\n" +
           extra;
}

const QByteArray kHtmlAppspec =
    "version: 0.0\nos: linux\nfiles:\n  - source: html\n    destination: /var/www/html\n"
    "hooks:\n  AfterInstall: [{location: hook.sh}]\n  ApplicationStart: [{location: hook.sh}]\n";

}  // namespace

class TestDeploymentInstallCases : public QObject {
    Q_OBJECT
    std::unique_ptr<DeployFixture> m_fx;

    QString handMadeFile() const {
        return m_fx->sandbox(QStringLiteral("web"), QStringLiteral("i1")) +
               QStringLiteral("/var/www/html/index.html");
    }

private Q_SLOTS:
    void init() { m_fx = std::make_unique<DeployFixture>(); }

    // TC4: a file nobody deployed blocks Install under DISALLOW; the rest is Skipped.
    void disallowFailsOnAHandMadeFile() {
        m_fx->workspace(oneInstance());
        m_fx->writeFile(handMadeFile(), "by hand\n");
        const QString r = m_fx->revision(QStringLiteral("r1"), kHtmlAppspec, {{"hook.sh", ":\n"}},
                                         {{"html/index.html", "<h1>r1</h1>\n"}});
        const DeploymentState s = m_fx->deploy(m_fx->request(r));
        QCOMPARE(s.status, QStringLiteral("Failed"));
        const InstanceState& i = s.instances.first();
        QCOMPARE(statusOf(i, "Install"), QStringLiteral("Failed"));
        QCOMPARE(eventOf(i, "Install")->message,
                 QStringLiteral("The deployment failed because a specified file already exists "
                                "at this location: /var/www/html/index.html"));
        QCOMPARE(eventOf(i, "Install")->errorCode, QStringLiteral("UnknownError"));
        for (const char* later : {"AfterInstall", "ApplicationStart", "ValidateService"})
            QCOMPARE(statusOf(i, later), QStringLiteral("Skipped"));
        QCOMPARE(m_fx->read(handMadeFile()), QByteArray("by hand\n"));
    }

    // TC4, fixed: OVERWRITE (here the group's default) replaces it and the deployment succeeds.
    void overwriteReplacesTheHandMadeFile() {
        m_fx->workspace(oneInstance("        file-exists-behavior: OVERWRITE\n"));
        m_fx->writeFile(handMadeFile(), "by hand\n");
        const QString r = m_fx->revision(QStringLiteral("r1"), kHtmlAppspec, {{"hook.sh", ":\n"}},
                                         {{"html/index.html", "<h1>r1</h1>\n"}});
        const DeploymentState s = m_fx->deploy(m_fx->request(r));
        QCOMPARE(s.status, QStringLiteral("Succeeded"));
        QCOMPARE(m_fx->read(handMadeFile()), QByteArray("<h1>r1</h1>\n"));
    }

    // TC6: a daemon that keeps the script's stdout open fails the event at its timeout.
    void daemonHoldingStdoutFailsAtTheTimeout() {
        m_fx->workspace(oneInstance());
        const QString r = m_fx->revision(QStringLiteral("r1"),
                                         "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n"
                                         "    - location: scripts/start.sh\n      timeout: 2\n",
                                         {{"scripts/start.sh", "sleep 30 &\necho started\n"}});
        QElapsedTimer timer;
        timer.start();
        const DeploymentState s = m_fx->deploy(m_fx->request(r));
        QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(s.status, QStringLiteral("Failed"));
        const LifecycleEventState* start = eventOf(s.instances.first(), "ApplicationStart");
        QCOMPARE(start->status, QStringLiteral("Failed"));
        QCOMPARE(start->message,
                 QStringLiteral("Script at specified location: scripts/start.sh failed to close "
                                "STDOUT"));
        QCOMPARE(statusOf(s.instances.first(), "ValidateService"), QStringLiteral("Skipped"));

        // The daemon outlives the event, as on a host; end it like a terminated instance.
        const QString root = m_fx->sandbox(QStringLiteral("web"), QStringLiteral("i1"));
        QVERIFY(!ProcessSweeper::find(root).isEmpty());
        ProcessSweeper sweeper(root, 1000);
        QSignalSpy done(&sweeper, &ProcessSweeper::finished);
        sweeper.start();
        QVERIFY(!done.isEmpty() || done.wait(10000));
        QVERIFY(ProcessSweeper::find(root).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentInstallCases)
#include "tst_deploymentinstallcases.moc"
