#include "engine/artifacts/artifactpackager.h"
#include "engine/artifacts/artifactrules.h"
#include "engine/artifacts/filecollector.h"
#include "engine/artifacts/globpattern.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace pw;

namespace {

void writeFile(const QString& root, const QString& rel, const QByteArray& data = "x") {
    const QString path = root + u'/' + rel;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

struct ZipItem {
    QByteArray data;
    bool symlink = false;
    QString target;
};

// Reads a zip back with libarchive: archive path -> content.
QMap<QString, ZipItem> readZip(const QString& path) {
    QMap<QString, ZipItem> out;
    archive* a = archive_read_new();
    archive_read_support_format_zip(a);
    if (archive_read_open_filename(a, QFile::encodeName(path).constData(), 16384) != ARCHIVE_OK) {
        archive_read_free(a);
        return out;
    }
    archive_entry* e = nullptr;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        ZipItem item;
        item.symlink = archive_entry_filetype(e) == AE_IFLNK;
        if (item.symlink)
            item.target = QString::fromUtf8(archive_entry_symlink(e));
        char buf[4096];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0)
            item.data.append(buf, n);
        out.insert(QString::fromUtf8(archive_entry_pathname(e)), item);
    }
    archive_read_free(a);
    return out;
}

bool isDocumentedRule(const QString& id) {
    for (const RuleInfo& rule : artifactRules()) {
        if (id == QLatin1String(rule.id))
            return true;
    }
    return false;
}

// Rule ids of `diagnostics`; each must have an entry in the module's RuleInfo table.
QStringList rules(const Diagnostics& diagnostics) {
    QStringList out;
    for (const Diagnostic& d : diagnostics) {
        if (!isDocumentedRule(d.rule))
            QTest::qFail(qPrintable("undocumented rule " + d.rule), __FILE__, __LINE__);
        out << d.rule;
    }
    return out;
}

// The documented source tree of buildspec.md §4.2 (+ the dot folder of TC12).
void makeDocTree(const QString& root) {
    writeFile(root, "my-build-1/my-file-1.txt", "one");
    writeFile(root, "my-build-2/my-file-2.txt", "two");
    writeFile(root, "my-build-2/my-subdirectory/my-file-3.txt", "three");
    writeFile(root, "my-build-2/.cache/x.bin", "bin");
}

}  // namespace

class TestArtifacts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void glob_data();
    void glob();
    void baseDirectoryExample();
    void globbedBaseDirectoryDiscardPaths();
    void tc12ExcludeDotFolders();
    void discardPathsCollisionFails();
    void noMatchIsWarningEmptyIsError();
    void missingBaseDirectoryFails();
    void dotDotNeverLeavesRoot();
    void symlinkOutsideRootNotCollected();
    void enableSymlinksKeepsInternalLinks();
    void secondaryArtifacts();
    void onlyRegularFiles();
    void cancelledWritesNothing();
    void corpusPatternsCompile();
};

void TestArtifacts::glob_data() {
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("match");
    QTest::newRow("star dotfile") << "*"
                                  << ".env" << true;
    QTest::newRow("star no slash") << "*"
                                   << "a/b.txt" << false;
    QTest::newRow("dir star") << "dir/*"
                              << "dir/a.jar" << true;
    QTest::newRow("dir star deep") << "dir/*"
                                   << "dir/sub/a.jar" << false;
    QTest::newRow("globstar zero dirs") << "**/*"
                                        << "a.txt" << true;
    QTest::newRow("globstar deep") << "**/*"
                                   << "a/b/c.txt" << true;
    QTest::newRow("dir globstar zero") << "dir/**/*.jar"
                                       << "dir/x.jar" << true;
    QTest::newRow("dir globstar deep") << "dir/**/*.jar"
                                       << "dir/a/b/x.jar" << true;
    QTest::newRow("dir globstar other dir") << "dir/**/*.jar"
                                            << "other/x.jar" << false;
    QTest::newRow("dot folders") << "**/.*/**/*"
                                 << "a/.cache/x.bin" << true;
    QTest::newRow("dot folders top") << "**/.*/**/*"
                                     << ".git/config" << true;
    QTest::newRow("dot folders not plain") << "**/.*/**/*"
                                           << "a/cache/x.bin" << false;
    QTest::newRow("dot files") << "**/.*"
                               << "a/.env" << true;
    QTest::newRow("in-segment globstar") << "**.*"
                                         << "a/b/c.txt" << true;
    QTest::newRow("question") << "file?.txt"
                              << "file1.txt" << true;
    QTest::newRow("question no slash") << "a?b"
                                       << "a/b" << false;
    QTest::newRow("class") << "[ab].txt"
                           << "b.txt" << true;
    QTest::newRow("negated class") << "[!ab].txt"
                                   << "b.txt" << false;
    QTest::newRow("regex chars literal") << "a+(b).txt"
                                         << "a+(b).txt" << true;
    QTest::newRow("dot literal") << "*.txt"
                                 << "atxt" << false;
    QTest::newRow("leading dot slash") << "./dir/*"
                                       << "dir/a" << true;
    QTest::newRow("trailing globstar") << "dir/**"
                                       << "dir/a/b" << true;
}

void TestArtifacts::glob() {
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, match);
    QCOMPARE(GlobPattern(pattern).matches(path), match);
}

void TestArtifacts::baseDirectoryExample() {
    QTemporaryDir src, out;
    makeDocTree(src.path());
    const ArtifactSpec spec{{}, {"*/my-file-3.txt"}, "my-build-2"};
    const ArtifactResult r = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    QVERIFY2(r.ok, qPrintable(r.diagnostics.value(0).message));
    QCOMPARE(r.files, QStringList{"my-subdirectory/my-file-3.txt"});
    const auto zip = readZip(r.zipPath);
    QCOMPARE(zip.keys(), QStringList{"my-subdirectory/my-file-3.txt"});
    QCOMPARE(zip.value("my-subdirectory/my-file-3.txt").data, QByteArray("three"));

    // '.' and './my-build-2' spell the root and the same directory (corpus: base-directory '.').
    const ArtifactResult dot = ArtifactPackager::package({{}, {"my-build-2/*/my-file-3.txt"}, "."},
                                                         {src.path(), {}, out.path()});
    QCOMPARE(dot.files, QStringList{"my-build-2/my-subdirectory/my-file-3.txt"});
    const ArtifactResult dotSlash = ArtifactPackager::package(
        {{}, {"*/my-file-3.txt"}, "./my-build-2/"}, {src.path(), {}, out.path()});
    QCOMPARE(dotSlash.files, QStringList{"my-subdirectory/my-file-3.txt"});
}

void TestArtifacts::globbedBaseDirectoryDiscardPaths() {
    QTemporaryDir src, out;
    makeDocTree(src.path());
    QFile::remove(src.path() + "/my-build-2/.cache/x.bin");
    ArtifactSpec spec{{}, {"**/*"}, "my-build*"};
    spec.discardPaths = true;
    const ArtifactResult r = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    QVERIFY2(r.ok, qPrintable(r.diagnostics.value(0).message));
    const QStringList expected{"my-file-1.txt", "my-file-2.txt", "my-file-3.txt"};
    QCOMPARE(r.files, expected);
    QCOMPARE(readZip(r.zipPath).keys(), expected);
    QCOMPARE(readZip(r.zipPath).value("my-file-1.txt").data, QByteArray("one"));
}

void TestArtifacts::tc12ExcludeDotFolders() {
    QTemporaryDir src, out;
    makeDocTree(src.path());
    ArtifactSpec spec{{}, {"**/*"}, "my-build*", {"**/.*/**/*"}, true};
    const ArtifactResult r = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    QVERIFY2(r.ok, qPrintable(r.diagnostics.value(0).message));
    QVERIFY(!hasErrors(r.diagnostics));
    const QStringList expected{"my-file-1.txt", "my-file-2.txt", "my-file-3.txt"};
    QCOMPARE(readZip(r.zipPath).keys(), expected);

    // Without the exclusion the dot folder's file is collected (dotfiles match).
    spec.excludePaths.clear();
    const ArtifactResult all = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    QVERIFY(all.files.contains("x.bin"));
}

void TestArtifacts::discardPathsCollisionFails() {
    QTemporaryDir src, out;
    writeFile(src.path(), "a/x.txt");
    writeFile(src.path(), "b/x.txt");
    ArtifactSpec spec{{}, {"**/*"}};
    spec.discardPaths = true;
    const ArtifactResult r = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    QVERIFY(!r.ok);
    QVERIFY(r.zipPath.isEmpty());
    QVERIFY(rules(r.diagnostics).contains("artifacts-name-collision"));
    const QString message =
        r.diagnostics.at(rules(r.diagnostics).indexOf("artifacts-name-collision")).message;
    QVERIFY2(message.contains("a/x.txt") && message.contains("b/x.txt"), qPrintable(message));
    QVERIFY(!QFile::exists(out.path() + "/artifact.zip"));

    spec.discardPaths = false;
    QVERIFY(ArtifactPackager::package(spec, {src.path(), {}, out.path()}).ok);
}

void TestArtifacts::noMatchIsWarningEmptyIsError() {
    QTemporaryDir src, out;
    writeFile(src.path(), "dist/app.jar");
    const ArtifactSpec spec{{}, {"dist/*.jar", "docs/*.pdf"}};
    const ArtifactResult r = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    QVERIFY(r.ok);
    QCOMPARE(r.files, QStringList{"dist/app.jar"});
    QCOMPARE(rules(r.diagnostics), QStringList{"artifacts-no-match"});
    QCOMPARE(r.diagnostics.first().severity, Severity::Warning);
    QVERIFY(r.diagnostics.first().message.contains("docs/*.pdf"));

    const ArtifactResult none =
        ArtifactPackager::package({{}, {"docs/*.pdf"}}, {src.path(), {}, out.path()});
    QVERIFY(!none.ok);
    QVERIFY(rules(none.diagnostics).contains("artifacts-empty"));

    ArtifactContext lenient{src.path(), {}, out.path()};
    lenient.emptyArtifactIsError = false;
    QVERIFY(ArtifactPackager::package({{}, {"docs/*.pdf"}}, lenient).ok);
}

void TestArtifacts::missingBaseDirectoryFails() {
    QTemporaryDir src, out;
    writeFile(src.path(), "dist/app.jar");
    const ArtifactResult r =
        ArtifactPackager::package({{}, {"**/*"}, "build*"}, {src.path(), {}, out.path()});
    QVERIFY(!r.ok);
    QCOMPARE(rules(r.diagnostics), QStringList{"artifacts-base-directory-no-match"});
}

void TestArtifacts::dotDotNeverLeavesRoot() {
    QTemporaryDir parent, out;
    writeFile(parent.path(), "secret.txt");
    writeFile(parent.path(), "src/app.txt");
    const QString root = parent.path() + "/src";
    const ArtifactResult viaPattern =
        ArtifactPackager::package({{}, {"../secret.txt"}}, {root, {}, out.path()});
    QVERIFY(!viaPattern.ok);
    QVERIFY(rules(viaPattern.diagnostics).contains("artifacts-outside-root"));
    const ArtifactResult viaBase =
        ArtifactPackager::package({{}, {"*"}, ".."}, {root, {}, out.path()});
    QVERIFY(!viaBase.ok);
    QVERIFY(rules(viaBase.diagnostics).contains("artifacts-outside-root"));
    const ArtifactResult viaAbsolute =
        ArtifactPackager::package({{}, {"*"}, parent.path()}, {root, {}, out.path()});
    QVERIFY(!viaAbsolute.ok);
    // An extra root (a secondary source) makes an absolute base-directory legal.
    const ArtifactResult extra = ArtifactPackager::package({{}, {"*.txt"}, parent.path()},
                                                           {root, {parent.path()}, out.path()});
    QVERIFY(extra.ok);
    QCOMPARE(extra.files, QStringList{"secret.txt"});
}

void TestArtifacts::symlinkOutsideRootNotCollected() {
    QTemporaryDir parent, out;
    writeFile(parent.path(), "secret/key.pem", "KEY");
    writeFile(parent.path(), "src/app.txt", "app");
    const QString root = parent.path() + "/src";
    QVERIFY(QFile::link(parent.path() + "/secret/key.pem", root + "/key.pem"));
    QVERIFY(QFile::link(parent.path() + "/secret", root + "/secretdir"));
    QVERIFY(QFile::link(root + "/app.txt", root + "/inner.txt"));
    for (bool keep : {false, true}) {
        ArtifactSpec spec{{}, {"**/*"}};
        spec.enableSymlinks = keep;
        const ArtifactResult r = ArtifactPackager::package(spec, {root, {}, out.path()});
        QVERIFY(r.ok);
        QVERIFY(!r.files.contains("key.pem"));
        QVERIFY(!r.files.contains("secretdir/key.pem"));
        QVERIFY(!r.files.contains("secretdir"));
        QVERIFY(r.files.contains("inner.txt"));
        QVERIFY(rules(r.diagnostics).contains("artifacts-symlink-outside-root"));
        for (const ZipItem& item : readZip(r.zipPath))
            QVERIFY(item.data != "KEY");
    }
    // Neither a symlinked base-directory nor a symlinked directory in a pattern leads out.
    const ArtifactResult viaBase =
        ArtifactPackager::package({{}, {"*"}, "secretdir"}, {root, {}, out.path()});
    QVERIFY(!viaBase.ok);
    QVERIFY(rules(viaBase.diagnostics).contains("artifacts-outside-root"));
    const ArtifactResult viaPrefix =
        ArtifactPackager::package({{}, {"app.txt", "secretdir/*"}}, {root, {}, out.path()});
    QVERIFY(viaPrefix.ok);
    QCOMPARE(viaPrefix.files, QStringList{"app.txt"});
}

void TestArtifacts::enableSymlinksKeepsInternalLinks() {
    QTemporaryDir src, out;
    writeFile(src.path(), "lib/libfoo.so.1", "ELF");
    QVERIFY(QFile::link("libfoo.so.1", src.path() + "/lib/libfoo.so"));
    ArtifactSpec spec{{}, {"lib/*"}};
    spec.name = "with-links";
    spec.enableSymlinks = true;
    const ArtifactResult r = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    QVERIFY(r.ok);
    auto zip = readZip(r.zipPath);
    QVERIFY(zip.value("lib/libfoo.so").symlink);
    QCOMPARE(zip.value("lib/libfoo.so").target, QString("libfoo.so.1"));
    QVERIFY(r.zipPath.endsWith("/with-links.zip"));

    spec.enableSymlinks = false;
    spec.name = "without-links";
    const ArtifactResult plain = ArtifactPackager::package(spec, {src.path(), {}, out.path()});
    zip = readZip(plain.zipPath);
    QVERIFY(!zip.value("lib/libfoo.so").symlink);
    QCOMPARE(zip.value("lib/libfoo.so").data, QByteArray("ELF"));
}

void TestArtifacts::secondaryArtifacts() {
    QTemporaryDir src, out;
    writeFile(src.path(), "web/index.html");
    writeFile(src.path(), "api/app.jar");
    ArtifactSpec primary{{}, {"**/*"}};
    ArtifactSpec web{"web", {"**/*"}, "web"};
    ArtifactSpec api{"api", {"*.jar"}, "api"};
    api.name = "builds/7/api";
    const QList<ArtifactResult> results =
        ArtifactPackager::packageAll({primary, web, api}, {src.path(), {}, out.path()});
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].files, (QStringList{"api/app.jar", "web/index.html"}));
    QCOMPARE(results[1].identifier, QString("web"));
    QCOMPARE(readZip(results[1].zipPath).keys(), QStringList{"index.html"});
    QCOMPARE(results[2].zipPath, out.path() + "/builds/7/api.zip");
    QCOMPARE(readZip(results[2].zipPath).keys(), QStringList{"app.jar"});
}

void TestArtifacts::onlyRegularFiles() {
    QTemporaryDir src, out;
    writeFile(src.path(), "a/file.txt");
    QDir().mkpath(src.path() + "/a/empty");
    const ArtifactResult r = ArtifactPackager::package({{}, {"a/*"}}, {src.path(), {}, out.path()});
    QVERIFY(r.ok);
    QCOMPARE(r.files, QStringList{"a/file.txt"});
    // A literal directory pattern matches nothing and says how to select its files.
    Diagnostics diagnostics;
    ArtifactPackager::select({{}, {"a/file.txt", "a"}}, {src.path(), {}, out.path()}, diagnostics);
    QCOMPARE(rules(diagnostics), QStringList{"artifacts-no-match"});
    QVERIFY(diagnostics[0].message.contains("'a/**/*'"));
}

void TestArtifacts::cancelledWritesNothing() {
    QTemporaryDir src, out;
    writeFile(src.path(), "a.txt");
    std::stop_source stop;
    stop.request_stop();
    ArtifactContext context{src.path(), {}, out.path()};
    context.stop = stop.get_token();
    const ArtifactResult r = ArtifactPackager::package({{}, {"**/*"}}, context);
    QVERIFY(!r.ok);
    QVERIFY(r.zipPath.isEmpty());
    QVERIFY(QDir(out.path()).isEmpty());

    ArtifactSpec named{{}, {"*.txt"}};
    named.name = "release.zip";
    const ArtifactResult zip = ArtifactPackager::package(named, {src.path(), {}, out.path()});
    QCOMPARE(zip.zipPath, out.path() + "/release.zip");
}

namespace {

// Scalars of a node that is a scalar or a sequence of scalars.
QStringList scalars(const YamlNode& node) {
    if (node.isScalar())
        return {node.scalar()};
    QStringList out;
    for (int i = 0; node.isSequence() && i < node.size(); ++i) {
        if (node.item(i).isScalar())
            out << node.item(i).scalar();
    }
    return out;
}

QStringList artifactGlobs(const YamlNode& artifacts) {
    QStringList out = scalars(artifacts.get(u"files")) + scalars(artifacts.get(u"exclude-paths"));
    // base-directory '.' (or './') is the source root itself: not a pattern of its own.
    for (const QString& base : scalars(artifacts.get(u"base-directory"))) {
        if (!GlobPattern::normalize(base).isEmpty())
            out << base;
    }
    const YamlNode secondary = artifacts.get(u"secondary-artifacts");
    for (int i = 0; secondary.isMapping() && i < secondary.size(); ++i)
        out += artifactGlobs(secondary.valueAt(i));
    return out;
}

}  // namespace

void TestArtifacts::corpusPatternsCompile() {
    const QDir corpus(QStringLiteral(PIPEWRIGHT_CORPUS_DIR "/buildspec"));
    if (!corpus.exists())
        QSKIP("corpus not present");
    int checked = 0;
    for (const QString& name : corpus.entryList({"*.yml", "*.yaml"}, QDir::Files)) {
        const YamlDocument doc = YamlDocument::loadFile(corpus.filePath(name));
        const YamlNode root = doc.root();
        if (!root.isMapping())
            continue;
        const QStringList globs =
            artifactGlobs(root.get(u"artifacts")) + scalars(root.get(u"cache").get(u"paths"));
        for (const QString& text : globs) {
            const GlobPattern glob(text);
            QVERIFY2(glob.isValid(), qPrintable(name + ": " + text));
            // Literal patterns match themselves, so a walk would find the file they name.
            if (!glob.hasWildcards() && !glob.pattern().startsWith(u'/'))
                QVERIFY2(glob.matches(glob.pattern()), qPrintable(name + ": " + text));
            ++checked;
        }
    }
    QVERIFY2(checked > 50, qPrintable(QString::number(checked)));
}

QTEST_GUILESS_MAIN(TestArtifacts)
#include "tst_artifacts.moc"
