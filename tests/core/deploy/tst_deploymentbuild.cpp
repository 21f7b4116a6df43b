// A revision from a build (DeploymentRequest.buildId): a real BuildRunner build writes its
// primary artifact into the workspace's state dir and history.sqlite, and the deployment
// takes that zip as its revision (issue #7, `deploy --build ID`).
#include "deploy/deploymentengine.h"
#include "deployfixture.h"
#include "engine/buildrequest.h"
#include "engine/buildresult.h"
#include "engine/buildrunner.h"
#include "engine/runevent.h"
#include "store/historystore.h"

#include <QEventLoop>
#include <QTimer>

using namespace pw;
using namespace pw::test;

class TestDeploymentBuild : public QObject {
    Q_OBJECT

    std::unique_ptr<DeployFixture> m_fx;

    // Builds src/ the way a pipeline's Build action does, recording into history.sqlite.
    BuildResult build(const QByteArray& buildspec) {
        const QString src = m_fx->root() + QStringLiteral("/src");
        m_fx->writeFile(src + "/buildspec.yml", buildspec);
        m_fx->writeFile(
            src + "/appspec.yml",
            "version: 0.0\nos: linux\nfiles:\n  - {source: app, destination: /opt/app}\n"
            "hooks:\n  ValidateService: [{location: check.sh}]\n");
        m_fx->writeFile(
            src + "/check.sh",
            "#!/bin/sh\ngrep -q built \"$PIPEWRIGHT_INSTANCE_ROOT/opt/app/version.txt\"\n", true);
        HistoryStore history(m_fx->stateDir());
        if (!history.open())
            return {};
        BuildRequest request;
        request.sourceDirectory = src;
        request.projectName = QStringLiteral("web");
        request.stateDirectory = m_fx->stateDir();
        request.buildNumber = history.nextBuildNumber(request.projectName);
        request.killGraceMs = 500;
        BuildRunner runner(request);
        connect(&runner, &BuildRunner::runEvent, this,
                [&](const RunEvent& e) { history.record(e); });
        QEventLoop loop;
        connect(&runner, &BuildRunner::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        runner.start();
        if (runner.isRunning())
            loop.exec();
        history.recordResult(runner.result());
        history.flush();
        return runner.result();
    }

    DeploymentRequest byBuild(const QString& buildId) const {
        DeploymentRequest r = m_fx->request({});
        r.buildId = buildId;
        return r;
    }

private slots:
    void init() {
        m_fx = std::make_unique<DeployFixture>();
        m_fx->workspace(
            "version: 1\napplications:\n  shop:\n    deployment-groups:\n      web:\n"
            "        instances:\n          - {name: one, kind: sandbox}\n");
    }

    void deploysTheBuildsPrimaryArtifact() {
        const BuildResult result = build(
            "version: 0.2\nphases:\n  build:\n    commands:\n"
            "      - mkdir -p out/app && echo \"built $CODEBUILD_BUILD_NUMBER\" > "
            "out/app/version.txt\n"
            "      - cp appspec.yml check.sh out/\n"
            "artifacts:\n  files: ['**/*']\n  base-directory: out\n"
            "  secondary-artifacts:\n    notes: {files: [buildspec.yml]}\n");
        QCOMPARE(result.status, RunStatus::Succeeded);
        {
            HistoryStore history(m_fx->stateDir());
            QVERIFY(history.open());
            const std::optional<BuildResult> stored = history.build(result.id);
            QVERIFY(stored);
            int primaries = 0;
            for (const ArtifactRecord& a : stored->artifacts)
                primaries += a.primary ? 1 : 0;
            QCOMPARE(stored->artifacts.size(), 2);
            QCOMPARE(primaries, 1);  // is_primary survives the round trip through SQLite
        }
        const DeploymentState state = m_fx->deploy(byBuild(result.id));
        QCOMPARE(state.status, QStringLiteral("Succeeded"));
        QCOMPARE(state.revisionSource, QStringLiteral("build:") + result.id);
        QCOMPARE(statusOf(state.instances[0], "ValidateService"), QStringLiteral("Succeeded"));
        // The built file, not anything from the source folder, reached the instance.
        QCOMPARE(m_fx->read(m_fx->sandbox("web", "one") + "/opt/app/version.txt"),
                 QByteArray("built 1\n"));
        QVERIFY(!QFile::exists(m_fx->sandbox("web", "one") + "/opt/app/buildspec.yml"));
    }

    void unknownBuildIsRefused() {
        const DeploymentState state = m_fx->deploy(byBuild(QStringLiteral("web:no-such-build")));
        QCOMPARE(state.status, QStringLiteral("Failed"));
        QCOMPARE(state.errorCode, QStringLiteral("REVISION_MISSING"));
        QVERIFY(state.instances.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentBuild)
#include "tst_deploymentbuild.moc"
