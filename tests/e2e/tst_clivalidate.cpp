// Drives `pipewright-cli validate` as a user or a CI system would: exit codes, the compiler-style
// text format, JSON, folder scanning and --kind.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode;
    QString out;
    QString err;
};

Result cli(const QString& dir, const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(PIPEWRIGHT_CLI_PATH), args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void write(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

const QByteArray kGoodBuildspec = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n";
// RETRY-200 exceeds the 0..100 range (line 4); `- false` on line 6 is a YAML boolean, not a
// command.
const QByteArray kBadBuildspec =
    "version: 0.2\nphases:\n  build:\n    on-failure: RETRY-200\n    commands:\n      - false\n";

}  // namespace

class TestCliValidate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validFileExitsZero();
    void errorsExitOneWithCompilerFormat();
    void jsonFormatListsEveryDiagnostic();
    void folderValidatesWhatItRecognises();
    void kindOverride();
    void usageAndIoErrorsExitTwo();
    void exampleWorkspaceIsClean();
    void helpAndVersion();
};

void TestCliValidate::validFileExitsZero() {
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("buildspec.yml")), kGoodBuildspec);
    const Result r = cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("buildspec.yml")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
}

void TestCliValidate::errorsExitOneWithCompilerFormat() {
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("buildspec.yml")), kBadBuildspec);
    const Result r = cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("buildspec.yml")});
    QCOMPARE(r.exitCode, 1);
    // path:line:col: severity: message [rule]
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("^buildspec\\.yml:4:17: error: .*200.*\\[buildspec-[a-z-]+\\]$"),
                 QRegularExpression::MultilineOption)),
             qPrintable(r.out));
    QVERIFY2(
        r.out.contains(QRegularExpression(
            QStringLiteral("^buildspec\\.yml:6:9: warning: .*boolean.*\\[buildspec-[a-z-]+\\]$"),
            QRegularExpression::MultilineOption)),
        qPrintable(r.out));
    // Not a terminal: no source context or colour.
    QVERIFY(!r.out.contains(QLatin1Char('^')));
    QVERIFY(!r.out.contains(QLatin1Char('\x1b')));
    const Result colour =
        cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("--color"),
                         QStringLiteral("always"), QStringLiteral("buildspec.yml")});
    QVERIFY2(colour.out.contains(QStringLiteral("    on-failure: RETRY-200\n  ")),
             qPrintable(colour.out));
    QVERIFY(colour.out.contains(QStringLiteral("                ")));  // caret under column 17
}

void TestCliValidate::jsonFormatListsEveryDiagnostic() {
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("buildspec.yml")), kBadBuildspec);
    const Result r = cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("--format"),
                                      QStringLiteral("json"), QStringLiteral("buildspec.yml")});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QVERIFY(list.size() >= 2);
    const QJsonObject first = list.first().toObject();
    for (const char* key : {"path", "line", "column", "severity", "rule", "message"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first[QStringLiteral("path")].toString(), QStringLiteral("buildspec.yml"));
    QCOMPARE(first[QStringLiteral("line")].toInt(), 4);
    QCOMPARE(first[QStringLiteral("column")].toInt(), 17);
    QCOMPARE(first[QStringLiteral("severity")].toString(), QStringLiteral("error"));
    // Keys in the documented order.
    QVERIFY(r.out.indexOf(QLatin1String("\"path\"")) < r.out.indexOf(QLatin1String("\"line\"")));
    QVERIFY(r.out.indexOf(QLatin1String("\"rule\"")) < r.out.indexOf(QLatin1String("\"message\"")));
}

void TestCliValidate::folderValidatesWhatItRecognises() {
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("buildspec.yml")), kGoodBuildspec);
    write(dir.filePath(QStringLiteral("ci/buildspec-test.yml")), kBadBuildspec);
    write(dir.filePath(QStringLiteral("appspec.yml")),
          "version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n    - location: x.sh\n");
    write(dir.filePath(QStringLiteral("docker-compose.yml")),
          "services:\n  web:\n    image: nginx\n");
    write(dir.filePath(QStringLiteral("node_modules/pkg/buildspec.yml")), kBadBuildspec);
    const Result r = cli(dir.path(), {QStringLiteral("validate"), QStringLiteral(".")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("\nci/buildspec-test.yml:4:17: error")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("appspec.yml:4:3: warning")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("AfterInstall")), qPrintable(r.out));  // did you mean
    QVERIFY(!r.out.contains(QStringLiteral("docker-compose")));
    QVERIFY(!r.out.contains(QStringLiteral("node_modules")));
}

void TestCliValidate::kindOverride() {
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("ci.yaml")), kBadBuildspec);
    QCOMPARE(cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("--kind"),
                              QStringLiteral("buildspec"), QStringLiteral("ci.yaml")})
                 .exitCode,
             1);
    QCOMPARE(cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("--kind"),
                              QStringLiteral("appspec"), QStringLiteral("ci.yaml")})
                 .exitCode,
             1);
    write(dir.filePath(QStringLiteral("notes.txt")), "hello\n");
    const Result unknown =
        cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("notes.txt")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("--kind")));
}

void TestCliValidate::usageAndIoErrorsExitTwo() {
    QTemporaryDir dir;
    QCOMPARE(cli(dir.path(), {QStringLiteral("validate")}).exitCode, 2);
    QCOMPARE(cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("missing.yml")}).exitCode,
             2);
    QCOMPARE(cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("--kind"),
                              QStringLiteral("nope"), QStringLiteral(".")})
                 .exitCode,
             2);
    QCOMPARE(cli(dir.path(), {QStringLiteral("validate"), QStringLiteral("--format"),
                              QStringLiteral("xml"), QStringLiteral(".")})
                 .exitCode,
             2);
    QCOMPARE(cli(dir.path(), {QStringLiteral("no-such-command")}).exitCode, 2);
}

void TestCliValidate::exampleWorkspaceIsClean() {
    const Result r = cli(QStringLiteral(PIPEWRIGHT_SOURCE_DIR),
                         {QStringLiteral("validate"), QStringLiteral("resources/examples/webapp")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(!r.out.contains(QStringLiteral("warning")), qPrintable(r.out));
}

void TestCliValidate::helpAndVersion() {
    const Result version = cli(QDir::tempPath(), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("pipewright-cli ")));
    const Result help =
        cli(QDir::tempPath(), {QStringLiteral("validate"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--format")));
    // The usage line names the subcommand, not the binary's path.
    QVERIFY2(help.out.startsWith(QStringLiteral("Usage: pipewright-cli validate [options]")),
             qPrintable(help.out));
    const Result deployHelp =
        cli(QDir::tempPath(), {QStringLiteral("deploy"), QStringLiteral("--help")});
    QCOMPARE(deployHelp.exitCode, 0);
    QVERIFY2(deployHelp.out.startsWith(QStringLiteral("Usage: pipewright-cli deploy [options]")),
             qPrintable(deployHelp.out));
}

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_clivalidate.moc"
