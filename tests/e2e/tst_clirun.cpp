// Drives `pipewright-cli run / approve / executions / watch` on a real workspace folder with a
// real git repository, as a user would from a terminal.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include "support/exampleports.h"
#include "support/gitrun.h"

#include <csignal>

namespace {

const QString kCli = QStringLiteral(PIPEWRIGHT_CLI_PATH);

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

using pwtest::runGit;

struct Result {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Result cli(const QString& dir, const QStringList& args, int timeoutMs = 60000) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(kCli, args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

const QByteArray kWorkspace = "version: 1\nsources:\n  app:\n    git: .\n    branch: main\n";

QByteArray pipeline(const QByteArray& secondStage) {
    return "pipeline:\n  name: demo\n"
           "  roleArn: arn:aws:iam::111111111111:role/demo\n"
           "  artifactStore: {type: S3, location: demo-artifacts}\n"
           "  stages:\n"
           "    - name: Source\n      actions:\n"
           "        - name: Checkout\n"
           "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "
           "'1'}\n"
           "          configuration: {RepositoryName: app, BranchName: main}\n"
           "          outputArtifacts: [{name: Src}]\n"
           "          namespace: SourceVariables\n" +
           secondStage;
}

const QByteArray kEchoStage =
    "    - name: Use\n      actions:\n"
    "        - name: Echo\n"
    "          actionTypeId: {category: Build, owner: Custom, provider: Pipewright-LocalCommand, "
    "version: '1'}\n"
    "          configuration: {Command: 'cat version.txt; echo commit=#{SourceVariables.CommitId} "
    "greeting=#{variables.Greeting}'}\n"
    "          inputArtifacts: [{name: Src}]\n";

// The body of GET http://127.0.0.1:PORT/, empty when nothing answers.
QByteArray httpGet(quint16 port) {
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-fsS"), QStringLiteral("--max-time"), QStringLiteral("2"),
                QStringLiteral("http://127.0.0.1:%1/").arg(port)});
    curl.waitForFinished(5000);
    return curl.exitCode() == 0 ? curl.readAllStandardOutput() : QByteArray();
}

void copyTree(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const QFileInfo& info :
         QDir(from).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.fileName() == QLatin1String("state"))
            continue;  // a run in the source tree must not leak into the copy
        if (info.isDir())
            copyTree(info.filePath(), target);
        else
            QFile::copy(info.filePath(), target);
    }
}

}  // namespace

class TestCliRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void runPrintsProgressAndJson();
    void invalidPipelineExitsTwo();
    void failingActionExitsOne();
    void approveFromAnotherProcess();
    void ctrlCStopsWithExit130();
    void watchStartsAnExecutionPerCommit();
    void exampleReleaseDeploys();
    void watchServesEachCommitOnTheRouter();
    void cleanup();

private:
    void makeExample();
    void makeWorkspace(const QByteArray& secondStage, const QByteArray& variables = {});
    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_ports[3] = {0, 0, 0};  // router, web-1, web-2 of the example
};

// The example's instances run services that outlive the CLI, as a host's would: stop them.
void TestCliRun::cleanup() {
    const QString instances = m_dir->filePath(QStringLiteral(".pipewright/state/instances"));
    QDirIterator it(instances, {QStringLiteral("server.pid")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile pid(it.next());
        const qint64 id = pid.open(QIODevice::ReadOnly) ? pid.readAll().trimmed().toLongLong() : 0;
        if (id > 0)  // never 0: that would signal this test's own process group
            ::kill(pid_t(id), SIGTERM);
    }
}

// The bundled example workspace in a fresh git repository, on free ports.
void TestCliRun::makeExample() {
    const QString root = m_dir->path();
    copyTree(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples/webapp"), root);
    const std::array<quint16, 3> ports = pw::test::moveExampleToFreePorts(root);
    QVERIFY(ports[0] != 0);
    std::copy(ports.begin(), ports.end(), m_ports);
    writeFile(root + QStringLiteral("/.gitignore"), ".pipewright/state/\n");
    runGit(root, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                  QStringLiteral("main")});
    runGit(root, {QStringLiteral("add"), QStringLiteral(".")});
    runGit(root, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("v1")});
}

void TestCliRun::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestCliRun::makeWorkspace(const QByteArray& secondStage, const QByteArray& variables) {
    const QString root = m_dir->path();
    writeFile(root + QStringLiteral("/.pipewright/workspace.yml"), kWorkspace);
    QByteArray text = pipeline(secondStage);
    if (!variables.isEmpty())
        text.replace("  stages:\n", variables + "  stages:\n");
    writeFile(root + QStringLiteral("/pipeline.yml"), text);
    writeFile(root + QStringLiteral("/version.txt"), "v1\n");
    writeFile(root + QStringLiteral("/.gitignore"), ".pipewright/state/\n");
    runGit(root, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                  QStringLiteral("main")});
    runGit(root, {QStringLiteral("add"), QStringLiteral(".")});
    runGit(root, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("v1")});
}

void TestCliRun::runPrintsProgressAndJson() {
    makeWorkspace(kEchoStage, "  variables:\n    - {name: Greeting, defaultValue: hi}\n");
    const QString head =
        runGit(m_dir->path(), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    const Result text = cli(m_dir->path(), {QStringLiteral("run"), QStringLiteral("--var"),
                                            QStringLiteral("Greeting=hey")});
    QVERIFY2(text.exitCode == 0, text.out + text.err);
    QVERIFY(text.out.contains("Source/Checkout"));
    QVERIFY(text.out.contains("| v1"));
    QVERIFY(text.out.contains(("commit=" + head + " greeting=hey").toUtf8()));
    QVERIFY(text.out.contains("Succeeded"));

    const Result json = cli(m_dir->path(), {QStringLiteral("run"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("Succeeded"));
    QVERIFY(!o.value(QStringLiteral("pipelineExecutionId")).toString().isEmpty());
    const QJsonArray stages = o.value(QStringLiteral("stages")).toArray();
    QCOMPARE(stages.size(), 2);
    const QJsonObject checkout =
        stages[0].toObject()[QStringLiteral("actions")].toArray()[0].toObject();
    QCOMPARE(checkout[QStringLiteral("status")].toString(), QStringLiteral("Succeeded"));
    QCOMPARE(checkout[QStringLiteral("outputVariables")]
                 .toObject()[QStringLiteral("CommitId")]
                 .toString(),
             head);
    QCOMPARE(checkout[QStringLiteral("externalRunId")].toString(), head);
    QVERIFY(checkout.contains(QStringLiteral("startedAt")));

    const Result list =
        cli(m_dir->path(), {QStringLiteral("executions"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 2);
}

void TestCliRun::invalidPipelineExitsTwo() {
    makeWorkspace("    - name: Use\n      actions: []\n  bogus: 1\n");
    const Result r = cli(m_dir->path(), {QStringLiteral("run")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("pipeline.yml:"), r.err);
}

void TestCliRun::failingActionExitsOne() {
    QByteArray failing = kEchoStage;
    failing.replace("cat version.txt;", "exit 4;");
    makeWorkspace(failing, "  variables:\n    - {name: Greeting, defaultValue: hi}\n");
    const Result r = cli(m_dir->path(), {QStringLiteral("run")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("exit status 4"), r.out + r.err);
}

void TestCliRun::approveFromAnotherProcess() {
    makeWorkspace(
        "    - name: Gate\n      actions:\n"
        "        - name: Approve\n"
        "          actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: "
        "'1'}\n");
    QProcess run;
    run.setWorkingDirectory(m_dir->path());
    run.start(kCli, {QStringLiteral("run")});
    QByteArray out;
    QString id;
    const QRegularExpression approveHint(QStringLiteral("pipewright-cli approve (\\S+) Approve"));
    for (int i = 0; i < 300 && id.isEmpty(); ++i) {
        run.waitForReadyRead(100);
        out += run.readAllStandardOutput();
        id = approveHint.match(QString::fromUtf8(out)).captured(1);
    }
    QVERIFY2(!id.isEmpty(), out);
    const Result r = cli(m_dir->path(), {QStringLiteral("approve"), id, QStringLiteral("Approve"),
                                         QStringLiteral("--comment"), QStringLiteral("ship it")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(run.waitForFinished(20000));
    out += run.readAllStandardOutput();
    QCOMPARE(run.exitCode(), 0);
    QVERIFY2(out.contains("ship it"), out);
    QCOMPARE(
        cli(m_dir->path(), {QStringLiteral("approve"), QStringLiteral("nope"), QStringLiteral("x")})
            .exitCode,
        2);
}

void TestCliRun::ctrlCStopsWithExit130() {
    QByteArray slow = kEchoStage;
    slow.replace("cat version.txt;", "sleep 30;");
    makeWorkspace(slow, "  variables:\n    - {name: Greeting, defaultValue: hi}\n");
    QProcess run;
    run.setWorkingDirectory(m_dir->path());
    run.start(kCli, {QStringLiteral("run")});
    QByteArray out;
    for (int i = 0; i < 300 && !out.contains("Use/Echo"); ++i) {
        run.waitForReadyRead(100);
        out += run.readAllStandardOutput();
    }
    QVERIFY2(out.contains("Use/Echo"), out);
    ::kill(pid_t(run.processId()), SIGINT);
    QVERIFY(run.waitForFinished(10000));
    out += run.readAllStandardOutput();
    QVERIFY2(run.exitCode() == 130, out + run.readAllStandardError());
    QProcess pgrep;
    pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("sleep 30;")});
    pgrep.waitForFinished();
    QCOMPARE(pgrep.readAllStandardOutput(), QByteArray());
}

void TestCliRun::watchStartsAnExecutionPerCommit() {
    makeWorkspace(kEchoStage, "  variables:\n    - {name: Greeting, defaultValue: hi}\n");
    QProcess watch;
    watch.setWorkingDirectory(m_dir->path());
    watch.start(kCli,
                {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("100")});
    QByteArray out;
    for (int i = 0; i < 100 && !out.contains("watching"); ++i) {
        watch.waitForReadyRead(100);
        out += watch.readAllStandardOutput();
    }
    QVERIFY2(out.contains("watching 1 source"), out);
    writeFile(m_dir->filePath(QStringLiteral("version.txt")), "v2\n");
    runGit(m_dir->path(), {QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("v2")});
    for (int i = 0; i < 300 && !out.contains("execution"); ++i) {
        watch.waitForReadyRead(100);
        out += watch.readAllStandardOutput();
    }
    const QRegularExpression finished(QStringLiteral("execution \\S+ Succeeded"));
    for (int i = 0; i < 300 && !finished.match(QString::fromUtf8(out)).hasMatch(); ++i) {
        watch.waitForReadyRead(100);
        out += watch.readAllStandardOutput();
    }
    QVERIFY2(out.contains("| v2"), out);
    QVERIFY2(out.contains("PollForSourceChanges"), out);
    ::kill(pid_t(watch.processId()), SIGINT);
    QVERIFY(watch.waitForFinished(10000));
    QCOMPARE(watch.exitCode(), 130);
}

void TestCliRun::exampleReleaseDeploys() {
    makeExample();
    const Result run = cli(m_dir->path(), {QStringLiteral("run"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.out + run.err);
    const QJsonArray stages =
        QJsonDocument::fromJson(run.out).object()[QStringLiteral("stages")].toArray();
    QCOMPARE(stages.size(), 3);
    const QJsonObject deploy =
        stages[2].toObject()[QStringLiteral("actions")].toArray()[0].toObject();
    QCOMPARE(deploy[QStringLiteral("status")].toString(), QStringLiteral("Succeeded"));
    const QString deploymentId = deploy[QStringLiteral("externalRunId")].toString();
    QVERIFY2(deploymentId.startsWith(QLatin1String("d-")), qPrintable(deploymentId));

    const Result list =
        cli(m_dir->path(), {QStringLiteral("deployments"), QStringLiteral("--json")});
    const QJsonObject last = QJsonDocument::fromJson(list.out).array()[0].toObject();
    QCOMPARE(last[QStringLiteral("deploymentId")].toString(), deploymentId);
    QCOMPARE(last[QStringLiteral("creator")].toString(), QStringLiteral("CodePipeline"));
    // The build's bundle runs on both instances: the stamped page, from the service itself.
    for (int i = 1; i < 3; ++i)
        QVERIFY2(httpGet(m_ports[i]).contains("<h1>webapp 1.0.1</h1>"),
                 qPrintable(QString::number(i)));
}

void TestCliRun::watchServesEachCommitOnTheRouter() {
    makeExample();
    QProcess watch;
    watch.setWorkingDirectory(m_dir->path());
    watch.start(kCli,
                {QStringLiteral("watch"), QStringLiteral("--run-now"), QStringLiteral("--interval"),
                 QStringLiteral("100"), QStringLiteral("--no-logs")});
    QByteArray out;
    const QRegularExpression finished(QStringLiteral("execution \\S+ Succeeded"));
    for (int i = 0; i < 600 && !finished.match(QString::fromUtf8(out)).hasMatch(); ++i) {
        watch.waitForReadyRead(100);
        out += watch.readAllStandardOutput();
    }
    QVERIFY2(finished.match(QString::fromUtf8(out)).hasMatch(), out + watch.readAllStandardError());
    // The execution is over, yet the group's router still serves: watch hosts it.
    QVERIFY2(httpGet(m_ports[0]).contains("webapp 1.0.1"), out);

    writeFile(m_dir->filePath(QStringLiteral("src/index.html")),
              "<html><body><h1>webapp @VERSION@</h1><p>second release</p></body></html>\n");
    runGit(m_dir->path(), {QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("v2")});
    QByteArray page;
    for (int i = 0; i < 600 && !page.contains("second release"); ++i) {
        QTest::qWait(50);
        out += watch.readAllStandardOutput();
        page = httpGet(m_ports[0]);
    }
    QVERIFY2(page.contains("second release"), out);
    ::kill(pid_t(watch.processId()), SIGINT);
    QVERIFY(watch.waitForFinished(15000));
    QCOMPARE(watch.exitCode(), 130);
}

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_clirun.moc"
