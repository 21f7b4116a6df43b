#include "graph/pipelinegraphmodel.h"
#include "spec/pipeline.h"
#include "spec/pipelinevalidator.h"
#include "yaml/yamldocument.h"

#include <QtTest>

using namespace pw;

namespace {

const QByteArray kPipeline = R"(pipeline:
  name: fan
  roleArn: arn:aws:iam::111111111111:role/p
  artifactStore: {type: S3, location: b}
  stages:
    - name: Source
      actions:
        - name: Checkout
          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
          configuration: {RepositoryName: r, BranchName: main}
          outputArtifacts: [{name: Src}]
    - name: Build
      actions:
        - name: Lint
          actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
          runOrder: 1
          configuration: {ProjectName: p}
          inputArtifacts: [{name: Src}]
        - name: Unit
          actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
          runOrder: 1
          configuration: {ProjectName: p}
          inputArtifacts: [{name: Src}]
        - name: Package
          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
          runOrder: 2
          configuration: {ProjectName: p}
          inputArtifacts: [{name: Src}]
          outputArtifacts: [{name: Bundle}]
    - name: Deploy
      actions:
        - name: Ship
          actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
          configuration: {ApplicationName: a, DeploymentGroupName: g}
          inputArtifacts: [{name: Missing}]
)";

PipelineGraphModel build(const QByteArray& text) {
    const YamlDocument doc = YamlDocument::load(text, QStringLiteral("p.yml"));
    PipelineGraphModel model;
    model.build(parsePipeline(doc).pipeline, validatePipeline(doc));
    return model;
}

}  // namespace

class TestPipelineGraphModel : public QObject {
    Q_OBJECT
private slots:
    void stagesAreColumnsLeftToRight() {
        const PipelineGraphModel m = build(kPipeline);
        QCOMPARE(m.stages().size(), 3);
        QCOMPARE(m.nodes().size(), 5);
        for (int s = 1; s < m.stages().size(); ++s)
            QVERIFY(m.stages()[s].rect.left() > m.stages()[s - 1].rect.right());
        // Every card sits inside its stage's column, below the header band.
        for (const GraphNode& n : m.nodes()) {
            QVERIFY(m.stages()[n.stage].rect.contains(n.rect));
            QVERIFY(n.rect.top() >= PipelineGraphModel::kHeaderHeight);
        }
        QVERIFY(m.bounds().contains(m.stages().last().rect));
    }
    void parallelSideBySideSequentialStacked() {
        const PipelineGraphModel m = build(kPipeline);
        const GraphNode& lint = m.nodes()[m.findNode("Build", "Lint")];
        const GraphNode& unit = m.nodes()[m.findNode("Build", "Unit")];
        const GraphNode& pack = m.nodes()[m.findNode("Build", "Package")];
        QCOMPARE(lint.rect.top(), unit.rect.top());
        QVERIFY(!lint.rect.intersects(unit.rect));
        QVERIFY(pack.rect.top() > lint.rect.bottom());
        QCOMPARE(pack.row, 1);
        // The Build column is wider than the single-action Source column.
        QVERIFY(m.stages()[1].rect.width() > m.stages()[0].rect.width());
        // Columns share one height so the bands line up.
        QCOMPARE(m.stages()[0].rect.height(), m.stages()[1].rect.height());
    }
    void artifactEdgesFromOutputToInput() {
        const PipelineGraphModel m = build(kPipeline);
        const int checkout = m.findNode("Source", "Checkout");
        QCOMPARE(m.edges().size(), 3);  // Src to Lint, Unit, Package; Missing has no producer
        for (const GraphEdge& e : m.edges()) {
            QCOMPARE(e.from, checkout);
            QCOMPARE(e.artifact, QStringLiteral("Src"));
            QCOMPARE(m.outputPort(e.from, e.fromPort).x(), m.nodes()[e.from].rect.right());
            QCOMPARE(m.inputPort(e.to, e.toPort).x(), m.nodes()[e.to].rect.left());
        }
    }
    void problemsLandOnTheirNode() {
        const PipelineGraphModel m = build(kPipeline);
        const GraphNode& ship = m.nodes()[m.findNode("Deploy", "Ship")];
        QVERIFY(!ship.problems.isEmpty());
        bool mentionsMissing = false;
        for (const Diagnostic& d : ship.problems)
            mentionsMissing |= d.message.contains(QLatin1String("Missing"));
        QVERIFY(mentionsMissing);
        QVERIFY(m.nodes()[m.findNode("Build", "Unit")].problems.isEmpty());
    }
    void keyboardNeighbours() {
        const PipelineGraphModel m = build(kPipeline);
        const int checkout = m.findNode("Source", "Checkout");
        const int lint = m.findNode("Build", "Lint");
        QCOMPARE(m.neighbour(checkout, Qt::Key_Right), lint);
        QCOMPARE(m.neighbour(lint, Qt::Key_Down), m.findNode("Build", "Unit"));
        QCOMPARE(m.neighbour(m.findNode("Build", "Package"), Qt::Key_Right),
                 m.findNode("Deploy", "Ship"));
        QCOMPARE(m.neighbour(checkout, Qt::Key_Left), -1);
        QCOMPARE(m.neighbour(checkout, Qt::Key_Up), -1);
    }
};

QTEST_GUILESS_MAIN(TestPipelineGraphModel)
#include "tst_pipelinegraphmodel.moc"
