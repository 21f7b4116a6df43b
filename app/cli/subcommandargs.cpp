#include "subcommandargs.h"

#include <QCommandLineParser>
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
        QTextStream(stdout) << parser.helpText();
        *exitCode = 0;
        return false;
    }
    return true;
}

QCommandLineOption workspaceOption() {
    return {{QStringLiteral("w"), QStringLiteral("workspace")},
            QStringLiteral("Workspace folder (default: the current one)."),
            QStringLiteral("dir")};
}
