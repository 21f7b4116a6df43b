#include "subcommandargs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

bool parseSubcommand(QCommandLineParser& parser, const QString& name, const QStringList& args,
                     int* exitCode) {
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("pipewright-cli ") + name} + args)) {
        QTextStream(stderr) << "pipewright-cli " << name << ": " << parser.errorText() << '\n';
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, name);
        *exitCode = 0;
        return false;
    }
    return true;
}

QString subcommandHelp(const QCommandLineParser& parser, const QString& name) {
    QString help = parser.helpText();
    const QString invoked = QCoreApplication::arguments().value(0);
    const QString usage = QStringLiteral("Usage: ");
    if (!invoked.isEmpty() && help.startsWith(usage + invoked))
        help.replace(usage.size(), invoked.size(), QStringLiteral("pipewright-cli ") + name);
    return help;
}

QCommandLineOption workspaceOption() {
    return {{QStringLiteral("w"), QStringLiteral("workspace")},
            QStringLiteral("Workspace folder (default: the current one)."),
            QStringLiteral("dir")};
}
