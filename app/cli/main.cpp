#include "buildcommand.h"
#include "deploycommands.h"
#include "exportcommand.h"
#include "historycommand.h"
#include "pipelinecommands.h"
#include "validatecommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <functional>
#include <map>

namespace {

struct Command {
    std::function<int(const QStringList&)> run;
    const char* summary;
};

const std::map<QString, Command>& commands() {
    static const std::map<QString, Command> table{
        {QStringLiteral("build"),
         {runBuildCommand, "run a buildspec locally with CodeBuild semantics"}},
        {QStringLiteral("deploy"),
         {runDeployCommand, "deploy a revision to a deployment group with CodeDeploy semantics"}},
        {QStringLiteral("deployments"),
         {runDeploymentsCommand, "list the workspace's deployments"}},
        {QStringLiteral("export"),
         {runExportCommand, "export a pipeline as get-pipeline JSON or a CloudFormation template"}},
        {QStringLiteral("import"),
         {runImportCommand, "convert a CloudFormation template to get-pipeline JSON or back"}},
        {QStringLiteral("history"), {runHistoryCommand, "list the workspace's builds"}},
        {QStringLiteral("rollback"),
         {runRollbackCommand, "redeploy a group's last successful revision"}},
        {QStringLiteral("run"), {runRunCommand, "run one pipeline execution locally"}},
        {QStringLiteral("approve"), {runApproveCommand, "approve or reject a manual approval"}},
        {QStringLiteral("executions"),
         {runExecutionsCommand, "list the workspace's pipeline executions"}},
        {QStringLiteral("watch"),
         {runWatchCommand, "release on change: run the pipeline for each new commit"}},
        {QStringLiteral("validate"),
         {runValidateCommand, "check buildspec, appspec, pipeline and workspace files"}},
    };
    return table;
}

void printUsage(QTextStream& out) {
    out << "Usage: pipewright-cli COMMAND [ARGS...]\n\nCommands:\n";
    for (const auto& [name, command] : commands())
        out << "  " << name.leftJustified(12) << command.summary << '\n';
    out << "\nRun 'pipewright-cli COMMAND --help' for a command's options.\n"
           "Options: --help, --version\n";
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pipewright-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIPEWRIGHT_VERSION));
    // The engine's debug and info lines are for developers; users see warnings and errors.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\npipewright.*.info=false"));
    QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty()) {
        printUsage(err);
        return 2;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printUsage(out);
        return 0;
    }
    if (first == QLatin1String("--version")) {
        out << "pipewright-cli " << PIPEWRIGHT_VERSION << '\n';
        return 0;
    }
    const auto it = commands().find(first);
    if (it == commands().end()) {
        err << "pipewright-cli: unknown command '" << first << "'\n\n";
        printUsage(err);
        return 2;
    }
    return it->second.run(args);
}
