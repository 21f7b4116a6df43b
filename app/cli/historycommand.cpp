#include "historycommand.h"

#include "engine/runevent.h"
#include "store/historystore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace pw;

int runHistoryCommand(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Workspace folder"));
    parser.addOptions(
        {{QStringLiteral("json"), QStringLiteral("JSON output")},
         {QStringLiteral("project"), QStringLiteral("Only this project"), QStringLiteral("name")}});
    if (!parser.parse(QStringList{QStringLiteral("history")} + args) ||
        parser.positionalArguments().size() > 1) {
        err << "pipewright-cli history: " << parser.errorText() << "\n";
        return 2;
    }
    const QString dir =
        QDir(parser.positionalArguments().value(0, QStringLiteral("."))).absolutePath();
    HistoryStore store(dir + QStringLiteral("/.pipewright/state"));
    QString error;
    if (!store.open(&error)) {
        err << "pipewright-cli history: " << error << "\n";
        return 2;
    }
    const QList<BuildSummary> builds = store.builds(parser.value(QStringLiteral("project")));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const BuildSummary& b : builds) {
            QJsonObject o = store.build(b.id).value_or(BuildResult{}).toJson();
            o[QStringLiteral("status")] = b.status;  // keeps INTERRUPTED
            o[QStringLiteral("logPath")] = b.logPath;
            array.append(o);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("#"), 5)
               .arg(QStringLiteral("Project"), -20)
               .arg(QStringLiteral("Status"), -12)
               .arg(QStringLiteral("Started"), -24)
               .arg(QStringLiteral("Duration"));
    for (const BuildSummary& b : builds) {
        const QString duration = b.endedMs > 0
                                     ? QStringLiteral("%1 ms").arg(b.endedMs - b.startedMs)
                                     : QStringLiteral("-");
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(b.number, 5)
                   .arg(b.project, -20)
                   .arg(b.status, -12)
                   .arg(formatUtcMs(b.startedMs), -24)
                   .arg(duration);
    }
    return 0;
}
