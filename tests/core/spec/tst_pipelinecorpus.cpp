#include "spec/specvalidator.h"
#include "support/corpussupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pw;

// Lines where each INVALID corpus pipeline breaks, read off the files (the cfn-lint fixtures
// mark them "# Error"); an error elsewhere would point the user at the wrong place.
static const QHash<QString, int> kExpectedLine = {
    {QStringLiteral("codepipeline_action_artifact_counts__at_6a5f0098.yaml"), 104},
    {QStringLiteral("codepipeline_action_invalid_owner__at_df91cad8.yaml"), 17},
    {QStringLiteral("codepipeline_action_invalid_version__at_6a5f0098.yaml"), 19},
    {QStringLiteral("codepipeline_action_non_unique__at_6a5f0098.yaml"), 40},
    {QStringLiteral("codepipeline_input_artifact_not_exists__at_6a5f0098.yaml"), 40},
    {QStringLiteral("codepipeline_output_artifact_non_unique__at_6a5f0098.yaml"), 62},
    {QStringLiteral("codepipeline_stages_no_source__at_6a5f0098.yaml"), 18},
    {QStringLiteral("codepipeline_stages_non_unique__at_6a5f0098.yaml"), 30},
    {QStringLiteral("codepipeline_stages_one_stage__at_6a5f0098.yaml"), 23},
    {QStringLiteral("codepipeline_stages_only_source__at_6a5f0098.yaml"), 14},
    {QStringLiteral("codepipeline_stages_second_stage.yaml"), 34},
    {QStringLiteral("sample-pipeline-batch.md_L12.json"), 67},
    {QStringLiteral("sample-pipeline-batch.md_L158.json"), 67},
    {QStringLiteral("sample-pipeline-multi-input-output.md_L8.json"), 67},
    {QStringLiteral("seroche__payment-gateway-api__ci_codepipeline.json"), 3},
    {QStringLiteral("aws__copilot-cli__internal_pkg_template_templates_cicd_pipeline_cfn.yml"), 8},
    {QStringLiteral("aws-resource-codepipeline-pipeline.md_L135.json"), 1},
    {QStringLiteral("aws-resource-codepipeline-pipeline.md_L30.yml"), 3},
    {QStringLiteral("reference-pipeline-structure.md_L48.json"), 7},
    {QStringLiteral("update-change-detection.md_L1849.json"), 1},
    {QStringLiteral("update-change-detection.md_L419.yml"), 5},
};

class TestPipelineCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPipelineEntry();
    void truncatedFilesNeitherCrashNorHang();
};

// The table is keyed by the distinctive tail of each file name.
static int expectedLine(const QString& name) {
    for (const QString& marker :
         {QStringLiteral("templates_bad_resources_"), QStringLiteral("doc_source_")}) {
        const int line = kExpectedLine.value(name.section(marker, -1), -1);
        if (line > 0)
            return line;
    }
    return kExpectedLine.value(name, -1);
}

void TestPipelineCorpus::everyPipelineEntry() {
    const QDir corpus = test::corpusDir();
    const QJsonArray entries = test::corpusManifestEntries();
    if (entries.isEmpty())
        QSKIP("conformance corpus not available");
    QStringList misses;
    int total = 0, passed = 0, invalid = 0, rightLine = 0;
    qint64 slowest = 0;
    for (const QJsonValue& value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("kind")).toString() != QLatin1String("pipeline"))
            continue;
        const QString path = corpus.filePath(entry.value(QStringLiteral("file")).toString());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        QElapsedTimer timer;
        timer.start();
        const ValidationResult result = validateSpec(path, file.readAll(), SpecKind::Pipeline);
        slowest = std::max(slowest, timer.elapsed());
        ++total;
        const QString name = QFileInfo(path).fileName();
        const bool expectInvalid =
            entry.value(QStringLiteral("validity")).toString() == QLatin1String("INVALID");
        const bool errors = hasErrors(result.diagnostics);
        if (!expectInvalid) {
            if (errors)
                misses << QStringLiteral("%1: expected no errors, got\n%2")
                              .arg(name, test::describeErrors(result.diagnostics));
            else
                ++passed;
            continue;
        }
        ++invalid;
        const int want = expectedLine(name);
        // PW_DUMP=1 prints what each INVALID file gets, for reading off new expected lines.
        if (qEnvironmentVariableIsSet("PW_DUMP"))
            qInfo("%s\n%s", qPrintable(name), qPrintable(test::describeErrors(result.diagnostics)));
        if (!errors) {
            misses << QStringLiteral("%1: expected an error, got none").arg(name);
        } else if (want < 0) {
            misses << QStringLiteral("%1: no expected line recorded in this test").arg(name);
        } else if (!test::hasErrorOnLine(result.diagnostics, want)) {
            misses << QStringLiteral("%1: expected an error at line %2, got\n%3")
                          .arg(name)
                          .arg(want)
                          .arg(test::describeErrors(result.diagnostics));
        } else {
            ++passed;
            ++rightLine;
        }
    }
    qInfo(
        "pipeline corpus: %d/%d conform (%d INVALID rejected at the expected place); slowest file "
        "%lld ms",
        passed, total, rightLine, slowest);
    QVERIFY2(total > 0, "no pipeline entries in MANIFEST.json");
    QVERIFY2(slowest < 5000, "a corpus file took over 5 s to validate");
    for (const QString& miss : misses)
        qWarning("%s", qPrintable(miss));
    QVERIFY2(misses.isEmpty(),
             qPrintable(QStringLiteral("%1 corpus files missed").arg(misses.size())));
}

// Half-typed files are what the editor validates most; every prefix must come back quickly.
void TestPipelineCorpus::truncatedFilesNeitherCrashNorHang() {
    const QDir dir(QStringLiteral(PIPEWRIGHT_CORPUS_DIR "/pipeline"));
    if (!dir.exists())
        QSKIP("conformance corpus not available");
    int runs = 0;
    qint64 slowest = 0;
    const QStringList files = dir.entryList(QDir::Files);
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        for (int cut = 1; cut <= 12; ++cut) {
            QElapsedTimer timer;
            timer.start();
            validateSpec(name, text.left(text.size() * cut / 13), SpecKind::Pipeline);
            slowest = std::max(slowest, timer.elapsed());
            ++runs;
        }
    }
    qInfo("%d truncated pipelines validated; slowest %lld ms", runs, slowest);
    QVERIFY(runs > 0);
    QVERIFY2(slowest < 5000, "a truncated file took over 5 s to validate");
}

QTEST_GUILESS_MAIN(TestPipelineCorpus)
#include "tst_pipelinecorpus.moc"
