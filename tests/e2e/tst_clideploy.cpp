// Drives `pipewright-cli deploy / deployments / rollback` on a temporary workspace with two
// sandbox instances, as a user would from a terminal: real lifecycle scripts, real files.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString kCli = QStringLiteral(PIPEWRIGHT_CLI_PATH);

void writeFile(const QString& path, const QByteArray& text, bool executable = false) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFile::ExeOwner | QFile::ExeUser);
}

quint16 freePort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

struct Result {
    int exitCode;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Result cli(const QString& dir, const QStringList& args, int timeoutMs = 60000) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(kCli, args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// An appspec installing app/ to /srv/app, with the given AfterInstall / ApplicationStart /
// ValidateService script bodies.
void writeRevision(const QString& dir, const QByteArray& start, const QByteArray& validate) {
    writeFile(dir + QStringLiteral("/appspec.yml"),
              "version: 0.0\nos: linux\n"
              "files:\n  - source: app\n    destination: /srv/app\n"
              "file_exists_behavior: OVERWRITE\n"
              "hooks:\n"
              "  AfterInstall:\n    - location: scripts/after-install.sh\n      timeout: 30\n"
              "  ApplicationStart:\n    - location: scripts/start.sh\n      timeout: 60\n"
              "  ValidateService:\n    - location: scripts/validate.sh\n      timeout: 30\n");
    writeFile(dir + QStringLiteral("/app/index.html"), "revision in " + dir.toUtf8() + "\n");
    writeFile(dir + QStringLiteral("/scripts/after-install.sh"),
              "#!/bin/sh\necho \"$DEPLOYMENT_ID $PIPEWRIGHT_INSTANCE_PORT\" > "
              "\"$PIPEWRIGHT_INSTANCE_ROOT/srv/app/deployed-by\"\n",
              true);
    writeFile(dir + QStringLiteral("/scripts/start.sh"), "#!/bin/sh\n" + start + "\n", true);
    writeFile(dir + QStringLiteral("/scripts/validate.sh"), "#!/bin/sh\n" + validate + "\n", true);
}

QStringList eventNames(const QJsonObject& instance) {
    QStringList names;
    for (const QJsonValue& e : instance[QStringLiteral("lifecycleEvents")].toArray())
        names << e[QStringLiteral("name")].toString();
    return names;
}

}  // namespace

class TestCliDeploy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void deployPrintsProgressTableAndJson();
    void failedDeploymentExitsOne();
    void invalidInputExitsTwo();
    void withoutWorkspaceFileDeploysToDefaultGroup();
    void deploymentsListAndRollbackRedeploysLastGood();
    void ctrlCStopsTheDeployment();

private:
    QString root() const { return m_dir->path(); }
    QString sandboxFile(const QString& instance, const QString& file) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_ports[2] = {0, 0};
};

void TestCliDeploy::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_ports[0] = freePort();
    m_ports[1] = freePort();
    writeFile(root() + QStringLiteral("/.pipewright/workspace.yml"),
              QStringLiteral("version: 1\napplications:\n  shop:\n    deployment-groups:\n"
                             "      shop-dev:\n        config: CodeDeployDefault.OneAtATime\n"
                             "        instances:\n"
                             "          - {name: web-1, kind: sandbox, port: %1}\n"
                             "          - {name: web-2, kind: sandbox, port: %2}\n"
                             "        auto-rollback:\n          enabled: false\n")
                  .arg(m_ports[0])
                  .arg(m_ports[1])
                  .toUtf8());
    // The workspace folder itself is the good revision; bad/ fails ValidateService.
    writeRevision(root(), "true", "test -f \"$PIPEWRIGHT_INSTANCE_ROOT/srv/app/index.html\"");
    writeRevision(root() + QStringLiteral("/bad"), "true", "echo broken >&2; exit 3");
}

QString TestCliDeploy::sandboxFile(const QString& instance, const QString& file) const {
    return root() + QStringLiteral("/.pipewright/state/instances/shop-dev/") + instance +
           QStringLiteral("/srv/app/") + file;
}

void TestCliDeploy::deployPrintsProgressTableAndJson() {
    const Result text = cli(
        root(), {QStringLiteral("deploy"), QStringLiteral("--application"), QStringLiteral("shop"),
                 QStringLiteral("--group"), QStringLiteral("shop-dev")});
    QVERIFY2(text.exitCode == 0, text.out + text.err);
    // Streamed progress per instance, then the lifecycle table and the summary.
    QVERIFY2(QRegularExpression(QStringLiteral("web-2 +ValidateService +Succeeded"))
                 .match(QString::fromUtf8(text.out))
                 .hasMatch(),
             text.out);
    QVERIFY(text.out.contains("Deployment lifecycle events"));
    const QRegularExpressionMatch summary =
        QRegularExpression(QStringLiteral("Deployment (d-[A-Z0-9]{9}) of shop/shop-dev: Succeeded"))
            .match(QString::fromUtf8(text.out));
    QVERIFY2(summary.hasMatch(), text.out);
    for (const QString instance : {QStringLiteral("web-1"), QStringLiteral("web-2")}) {
        QFile marker(sandboxFile(instance, QStringLiteral("deployed-by")));
        QVERIFY2(marker.open(QIODevice::ReadOnly), qPrintable(marker.fileName()));
        QVERIFY(marker.readAll().startsWith(summary.captured(1).toUtf8() + ' '));
    }

    const Result json = cli(root(), {QStringLiteral("deploy"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.out + json.err);
    const QJsonObject o = json.json();
    QVERIFY(QRegularExpression(QStringLiteral("^d-[A-Z0-9]{9}$"))
                .match(o[QStringLiteral("deploymentId")].toString())
                .hasMatch());
    QVERIFY(o[QStringLiteral("deploymentId")].toString() != summary.captured(1));
    QCOMPARE(o[QStringLiteral("status")].toString(), QStringLiteral("Succeeded"));
    QCOMPARE(o[QStringLiteral("creator")].toString(), QStringLiteral("user"));
    const QJsonObject overview = o[QStringLiteral("overview")].toObject();
    QCOMPARE(overview[QStringLiteral("Succeeded")].toInt(), 2);
    for (const char* key : {"Pending", "InProgress", "Failed", "Skipped", "Ready"})
        QVERIFY2(overview.contains(QLatin1String(key)) && overview[QLatin1String(key)].toInt() == 0,
                 key);
    QVERIFY(o[QStringLiteral("rollbackInfo")].isObject());
    const QJsonArray instances = o[QStringLiteral("instances")].toArray();
    QCOMPARE(instances.size(), 2);
    QCOMPARE(instances[0][QStringLiteral("name")].toString(), QStringLiteral("web-1"));
    const QStringList names = eventNames(instances[0].toObject());
    const QStringList order{QStringLiteral("ApplicationStop"), QStringLiteral("DownloadBundle"),
                            QStringLiteral("BeforeInstall"),   QStringLiteral("Install"),
                            QStringLiteral("AfterInstall"),    QStringLiteral("ApplicationStart"),
                            QStringLiteral("ValidateService")};
    qsizetype at = -1;
    for (const QString& name : order) {
        const qsizetype next = names.indexOf(name);
        QVERIFY2(next > at, qPrintable(names.join(QLatin1Char(','))));
        at = next;
    }
    const QJsonObject install = instances[1][QStringLiteral("lifecycleEvents")]
                                    .toArray()[names.indexOf(QStringLiteral("Install"))]
                                    .toObject();
    QCOMPARE(install[QStringLiteral("status")].toString(), QStringLiteral("Succeeded"));
    for (const char* key : {"startedAt", "endedAt"})
        QVERIFY2(install.contains(QLatin1String(key)), key);
    // The workspace folder was deployed without Pipewright's own state or the repository.
    const QString revision = root() + QStringLiteral("/.pipewright/state/revisions/") +
                             o[QStringLiteral("revisionId")].toString();
    QVERIFY2(QFileInfo::exists(revision + QStringLiteral("/appspec.yml")), qPrintable(revision));
    QVERIFY(!QFileInfo::exists(revision + QStringLiteral("/.pipewright")));
}

void TestCliDeploy::failedDeploymentExitsOne() {
    const Result r = cli(root(), {QStringLiteral("deploy"), QStringLiteral("--revision"),
                                  QStringLiteral("bad"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 1, r.out + r.err);
    const QJsonObject o = r.json();
    QCOMPARE(o[QStringLiteral("status")].toString(), QStringLiteral("Failed"));
    const QJsonObject first = o[QStringLiteral("instances")].toArray()[0].toObject();
    QCOMPARE(first[QStringLiteral("status")].toString(), QStringLiteral("Failed"));
    const QJsonArray events = first[QStringLiteral("lifecycleEvents")].toArray();
    const QJsonObject validate =
        events[eventNames(first).indexOf(QStringLiteral("ValidateService"))].toObject();
    QCOMPARE(validate[QStringLiteral("status")].toString(), QStringLiteral("Failed"));
    QCOMPARE(validate[QStringLiteral("errorCode")].toString(), QStringLiteral("ScriptFailed"));
    QVERIFY2(validate[QStringLiteral("message")].toString().contains(QLatin1String("exit code 3")),
             qPrintable(validate[QStringLiteral("message")].toString()));
    // Progress went to stderr, so stdout is the document alone.
    QVERIFY2(r.err.contains("ValidateService"), r.err);

    const Result text = cli(
        root(), {QStringLiteral("deploy"), QStringLiteral("--revision"), QStringLiteral("bad")});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("ScriptFailed") && text.out.contains("exit code 3"), text.out);
}

void TestCliDeploy::invalidInputExitsTwo() {
    const Result unknownGroup =
        cli(root(), {QStringLiteral("deploy"), QStringLiteral("--group"), QStringLiteral("nope")});
    QVERIFY2(unknownGroup.exitCode == 2, unknownGroup.out + unknownGroup.err);
    QVERIFY2(unknownGroup.err.contains("nope"), unknownGroup.err);
    QCOMPARE(cli(root(), {QStringLiteral("deploy"), QStringLiteral("--revision"),
                          QStringLiteral("bad"), QStringLiteral("--build"), QStringLiteral("x")})
                 .exitCode,
             2);
    QCOMPARE(cli(root(), {QStringLiteral("deploy"), QStringLiteral("--revision"),
                          QStringLiteral("no-such-folder")})
                 .exitCode,
             2);
    QCOMPARE(cli(root(), {QStringLiteral("deploy"), QStringLiteral("--bogus")}).exitCode, 2);
    // Nothing succeeded yet, so there is nothing to roll back to.
    const Result rollback = cli(root(), {QStringLiteral("rollback")});
    QVERIFY2(rollback.exitCode == 2, rollback.out + rollback.err);
    QVERIFY2(rollback.err.contains("rolled back"), rollback.err);
    // Nothing was deployed by any of them.
    QVERIFY(!QFileInfo::exists(sandboxFile(QStringLiteral("web-1"), QStringLiteral("index.html"))));
}

void TestCliDeploy::withoutWorkspaceFileDeploysToDefaultGroup() {
    QVERIFY(QFile::remove(root() + QStringLiteral("/.pipewright/workspace.yml")));
    const Result r = cli(root(), {QStringLiteral("deploy"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json()[QStringLiteral("group")].toString(), QStringLiteral("default"));
    QVERIFY(QFileInfo::exists(
        root() +
        QStringLiteral("/.pipewright/state/instances/default/default/srv/app/index.html")));
}

void TestCliDeploy::deploymentsListAndRollbackRedeploysLastGood() {
    const Result good = cli(root(), {QStringLiteral("deploy"), QStringLiteral("--json")});
    QCOMPARE(good.exitCode, 0);
    const Result bad = cli(root(), {QStringLiteral("deploy"), QStringLiteral("--revision"),
                                    QStringLiteral("bad"), QStringLiteral("--json")});
    QCOMPARE(bad.exitCode, 1);
    const QString goodId = good.json()[QStringLiteral("deploymentId")].toString();
    const QString badId = bad.json()[QStringLiteral("deploymentId")].toString();
    QVERIFY(good.json()[QStringLiteral("revisionId")] != bad.json()[QStringLiteral("revisionId")]);

    const Result rollback =
        cli(root(),
            {QStringLiteral("rollback"), QStringLiteral("--application"), QStringLiteral("shop"),
             QStringLiteral("--group"), QStringLiteral("shop-dev"), QStringLiteral("--json")});
    QVERIFY2(rollback.exitCode == 0, rollback.out + rollback.err);
    const QJsonObject r = rollback.json();
    QCOMPARE(r[QStringLiteral("creator")].toString(), QStringLiteral("codeDeployRollback"));
    QCOMPARE(r[QStringLiteral("revisionId")], good.json()[QStringLiteral("revisionId")]);
    QCOMPARE(r[QStringLiteral("rollbackInfo")]
                 .toObject()[QStringLiteral("rollbackTriggeringDeploymentId")]
                 .toString(),
             badId);
    const QString rollbackId = r[QStringLiteral("deploymentId")].toString();
    QFile index(sandboxFile(QStringLiteral("web-2"), QStringLiteral("index.html")));
    QVERIFY(index.open(QIODevice::ReadOnly));
    QCOMPARE(index.readAll(), "revision in " + root().toUtf8() + "\n");

    const Result list = cli(root(), {QStringLiteral("deployments"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray all = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(all.size(), 3);  // newest first
    QCOMPARE(all[0][QStringLiteral("deploymentId")].toString(), rollbackId);
    QCOMPARE(all[1][QStringLiteral("deploymentId")].toString(), badId);
    QCOMPARE(all[1][QStringLiteral("status")].toString(), QStringLiteral("Failed"));
    QCOMPARE(all[2][QStringLiteral("deploymentId")].toString(), goodId);

    const Result table = cli(root(), {QStringLiteral("deployments"), QStringLiteral("--group"),
                                      QStringLiteral("shop-dev")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(rollbackId.toUtf8()) && table.out.contains("codeDeployRollback"),
             table.out);
    const Result none = cli(root(), {QStringLiteral("deployments"), QStringLiteral("--group"),
                                     QStringLiteral("other"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(none.out).array().size(), 0);
}

void TestCliDeploy::ctrlCStopsTheDeployment() {
    // A duration no other process uses, to find leftovers by.
    const QString sleep = QStringLiteral("sleep 4%1.%2")
                              .arg(QRandomGenerator::global()->bounded(10))
                              .arg(QRandomGenerator::global()->bounded(100000, 999999));
    writeRevision(root() + QStringLiteral("/slow"), sleep.toUtf8(), "true");
    QProcess deploy;
    deploy.setWorkingDirectory(root());
    deploy.start(kCli,
                 {QStringLiteral("deploy"), QStringLiteral("--revision"), QStringLiteral("slow")});
    QByteArray out;
    const QRegularExpression started(QStringLiteral("web-1 +ApplicationStart +InProgress"));
    for (int i = 0; i < 300 && !started.match(QString::fromUtf8(out)).hasMatch(); ++i) {
        deploy.waitForReadyRead(100);
        out += deploy.readAllStandardOutput();
    }
    QVERIFY2(started.match(QString::fromUtf8(out)).hasMatch(), out);
    ::kill(pid_t(deploy.processId()), SIGINT);
    QVERIFY(deploy.waitForFinished(15000));
    out += deploy.readAllStandardOutput();
    QVERIFY2(deploy.exitCode() == 130, out + deploy.readAllStandardError());
    QProcess pgrep;
    pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), sleep});
    pgrep.waitForFinished();
    QCOMPARE(pgrep.readAllStandardOutput(), QByteArray());
    const Result list = cli(root(), {QStringLiteral("deployments"), QStringLiteral("--json")});
    const QJsonArray all = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0][QStringLiteral("status")].toString(), QStringLiteral("Stopped"));
}

QTEST_GUILESS_MAIN(TestCliDeploy)
#include "tst_clideploy.moc"
