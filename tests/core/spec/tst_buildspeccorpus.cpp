#include "spec/buildspecvalidator.h"
#include "spec/specvalidator.h"
#include "support/corpussupport.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>

using namespace pw;

// INVALID files whose failure depends on the build image, not on the text: the validator
// cannot see it, so they are expected to pass schema validation. Each is listed in the log.
static const QHash<QString, QString> kContextDependent = {
    {QStringLiteral("aws-samples__aws-serverless-workshops__DevOps_3_XRay_uni-api_buildspec__at_"
                    "85e21da8.yml"),
     QStringLiteral("needs runtime-versions only on aws/codebuild/standard:2.0 images")},
};

// Lines of schema (not syntax) errors, read off the files; syntax errors take their line
// from the manifest's PyYAML "parse" column instead.
static const QHash<QString, int> kExpectedLine = {
    // "phases:" is null; build/install sit elsewhere.
    {QStringLiteral("awsdocs__aws-codebuild-user-guide__doc_source_build-spec-ref.md_L507.yml"), 3},
    {QStringLiteral("dharnitski__golang-codebuild__buildspec__at_166d2cf2.yml"), 3},
    // Empty file: the error concerns the whole file.
    {QStringLiteral("aws-samples__aws-container-devsecops-workshop__initial-pipeline_initial-"
                    "commit_buildspec_dockerfile.yml"),
     0},
    // Amplify schema: "version: 1".
    {QStringLiteral("aws-samples__amplify-vite-react-template__amplify.yml"), 1},
    // Device Farm spec: first foreign phase "pre_test".
    {QStringLiteral("awslabs__aws-crt-java__src_test_android_testapp_instrumentedTestSpec.yml"),
     13},
    // "env:" is an empty list.
    {QStringLiteral("mouckatron__go-buildspec__test_buildspec_test.yml"), 2},
    // Syntax template: "logs: no | yes" is the first placeholder value.
    {QStringLiteral("awsdocs__aws-codebuild-user-guide__doc_source_build-spec-ref.md_L40.yml"), 22},
    // buildtest and OCI specs: no version / no phases, reported at the document start.
    {QStringLiteral("buildtesters__buildtest__tutorials_add_numbers.yml"), 1},
    {QStringLiteral("dlcbld__BuildSpecSampleFiles__buildSpecUpgradeToJDK15.yml"), 2},
};

class TestBuildspecCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyBuildspecEntry();
    void noCorpusFileCrashesTheValidator();
};

// The 1-based line PyYAML reported for a syntax error, or the hand-read line; -1 if none.
static int expectedLine(const QJsonObject& entry, const QString& name) {
    if (kExpectedLine.contains(name))
        return kExpectedLine.value(name);
    static const QRegularExpression lineRe(QStringLiteral("line (\\d+)"));
    const QString parse = entry.value(QStringLiteral("parse")).toString();
    if (!parse.contains(QLatin1String("error")))
        return -1;
    const QRegularExpressionMatch m = lineRe.match(parse);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

void TestBuildspecCorpus::everyBuildspecEntry() {
    const QDir corpus(QStringLiteral(PIPEWRIGHT_CORPUS_DIR));
    const QJsonArray entries = test::corpusManifestEntries();
    if (entries.isEmpty())
        QSKIP("conformance corpus not available");
    QStringList misses;
    int total = 0, accepted = 0, acceptedOf = 0, rejected = 0, rejectedOf = 0, rightLine = 0,
        withLine = 0;
    qint64 slowest = 0;
    for (const QJsonValue& value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("kind")).toString() != QLatin1String("buildspec"))
            continue;
        const QString path = corpus.filePath(entry.value(QStringLiteral("file")).toString());
        const QString name = QFileInfo(path).fileName();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        QElapsedTimer timer;
        timer.start();
        const ValidationResult result = validateSpec(path, file.readAll(), SpecKind::Buildspec);
        slowest = std::max(slowest, timer.elapsed());
        ++total;
        const bool errors = hasErrors(result.diagnostics);
        if (entry.value(QStringLiteral("validity")).toString() != QLatin1String("INVALID")) {
            ++acceptedOf;
            if (errors)
                misses << QStringLiteral("%1: expected no errors, got\n%2")
                              .arg(name, test::describeErrors(result.diagnostics));
            else
                ++accepted;
            continue;
        }
        if (kContextDependent.contains(name)) {
            qInfo("skipped (context-dependent): %s: %s", qPrintable(name),
                  qPrintable(kContextDependent.value(name)));
            continue;
        }
        ++rejectedOf;
        const int line = expectedLine(entry, name);
        withLine += line >= 0 ? 1 : 0;
        if (!errors) {
            misses << QStringLiteral("%1: expected an error, got none").arg(name);
            continue;
        }
        ++rejected;
        if (line >= 0 && !test::hasErrorOnLine(result.diagnostics, line))
            misses << QStringLiteral("%1: expected an error at line %2, got\n%3")
                          .arg(name)
                          .arg(line)
                          .arg(test::describeErrors(result.diagnostics));
        else if (line >= 0)
            ++rightLine;
    }
    qInfo(
        "buildspec corpus: %d files; accepted %d/%d valid+questionable; rejected %d/%d INVALID "
        "(%d/%d at the expected line); slowest file %lld ms",
        total, accepted, acceptedOf, rejected, rejectedOf, rightLine, withLine, slowest);
    QVERIFY2(total > 0, "no buildspec entries in MANIFEST.json");
    QVERIFY2(slowest < 5000, "a corpus file took over 5 s to validate");
    for (const QString& miss : misses)
        qWarning("%s", qPrintable(miss));  // QVERIFY2 truncates long messages
    QVERIFY2(misses.isEmpty(),
             qPrintable(QStringLiteral("%1 misses, listed above").arg(misses.size())));
}

// Robustness: every file of the corpus, whatever its kind, read as a buildspec.
void TestBuildspecCorpus::noCorpusFileCrashesTheValidator() {
    const QDir corpus(QStringLiteral(PIPEWRIGHT_CORPUS_DIR));
    const QJsonArray entries = test::corpusManifestEntries();
    if (entries.isEmpty())
        QSKIP("conformance corpus not available");
    QElapsedTimer timer;
    timer.start();
    int files = 0;
    for (const QJsonValue& value : entries) {
        const QString path =
            corpus.filePath(value.toObject().value(QStringLiteral("file")).toString());
        const YamlDocument doc = YamlDocument::loadFile(path);
        const Diagnostics diagnostics = validateBuildspec(doc);
        // A non-buildspec must never come out clean: it lacks phases (and batch).
        if (!doc.root().isMapping() || (!doc.root().has(u"phases") && !doc.root().has(u"batch")))
            QVERIFY2(hasErrors(diagnostics) || doc.hasErrors(), qPrintable(path));
        ++files;
    }
    qInfo("%d corpus files validated as buildspecs in %lld ms", files, timer.elapsed());
    QVERIFY(files == entries.size());
}

QTEST_GUILESS_MAIN(TestBuildspecCorpus)
#include "tst_buildspeccorpus.moc"
