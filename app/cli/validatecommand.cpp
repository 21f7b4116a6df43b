#include "validatecommand.h"

#include "subcommandargs.h"

#include "workspacescan.h"

#include "spec/pipeline.h"
#include "spec/specvalidator.h"
#include "spec/workspace.h"
#include "spec/workspacebindings.h"
#include "yaml/yamldocument.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

namespace {

struct Options {
    std::optional<pw::SpecKind> kind;
    bool json = false;
    bool color = false;
    QStringList paths;
};

QString jsonString(const QString& text) {
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// Written by hand so the keys keep the documented order (QJsonObject sorts them).
QString toJson(const pw::Diagnostic& d) {
    return QStringLiteral(
               "{\"path\": %1, \"line\": %2, \"column\": %3, \"severity\": %4, "
               "\"rule\": %5, \"message\": %6}")
        .arg(jsonString(d.file))
        .arg(d.line)
        .arg(d.column)
        .arg(jsonString(pw::severityName(d.severity)), jsonString(d.rule), jsonString(d.message));
}

QString colored(const QString& text, const char* sgr, bool color) {
    return color ? QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(sgr), text) : text;
}

// The source line and a caret under the column, as compilers print them on a terminal.
void printSourceContext(QTextStream& out, const pw::Diagnostic& d, const QByteArray& text,
                        bool color) {
    if (d.line <= 0)
        return;
    const QList<QByteArray> lines = text.split('\n');
    if (d.line > lines.size())
        return;
    QByteArray line = lines.at(d.line - 1);
    if (line.endsWith('\r'))
        line.chop(1);
    out << "  " << QString::fromUtf8(line) << '\n';
    if (d.column > 0) {
        QString pad;
        for (int i = 0; i < d.column - 1 && i < line.size(); ++i)
            pad += line.at(i) == '\t' ? QLatin1Char('\t') : QLatin1Char(' ');
        out << "  " << pad << colored(QStringLiteral("^"), "1;32", color) << '\n';
    }
}

void printText(QTextStream& out, const pw::Diagnostic& d, const QByteArray& text, bool color) {
    const char* sgr = d.severity == pw::Severity::Error     ? "1;31"
                      : d.severity == pw::Severity::Warning ? "1;35"
                                                            : "1;36";
    QString location = d.file;
    if (d.line > 0)
        location += QStringLiteral(":%1:%2").arg(d.line).arg(std::max(d.column, 1));
    out << colored(location + QLatin1Char(':'), "1", color) << ' '
        << colored(pw::severityName(d.severity) + QLatin1Char(':'), sgr, color) << ' ' << d.message;
    if (!d.rule.isEmpty())
        out << " [" << d.rule << ']';
    out << '\n';
    if (color)
        printSourceContext(out, d, text, color);
}

std::optional<Options> parseOptions(const QStringList& args, QTextStream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Validate buildspec, appspec, pipeline and workspace files."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("kind"),
         QStringLiteral("Treat every file as KIND: buildspec, appspec, pipeline or workspace."),
         QStringLiteral("kind")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("Output format: text (default) or json."),
                      QStringLiteral("format"), QStringLiteral("text")});
    parser.addOption({QStringLiteral("color"),
                      QStringLiteral("Colour and source context: auto (default), always, never."),
                      QStringLiteral("when"), QStringLiteral("auto")});
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QStringLiteral("Files or folders to validate."),
                                 QStringLiteral("PATH..."));
    if (!parser.parse(QStringList{QStringLiteral("pipewright-cli validate")} + args)) {
        err << "pipewright-cli validate: " << parser.errorText() << '\n';
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << subcommandHelp(parser, QStringLiteral("validate"));
        std::exit(0);
    }
    Options o;
    o.paths = parser.positionalArguments();
    if (o.paths.isEmpty()) {
        err << "pipewright-cli validate: no PATH given (try --help)\n";
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("kind"))) {
        o.kind = pw::specKindFromName(parser.value(QStringLiteral("kind")));
        if (!o.kind) {
            err << "pipewright-cli validate: unknown kind '" << parser.value(QStringLiteral("kind"))
                << "' (expected buildspec, appspec, pipeline or workspace)\n";
            return std::nullopt;
        }
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err << "pipewright-cli validate: unknown format '" << format
            << "' (expected text or json)\n";
        return std::nullopt;
    }
    o.json = format == QLatin1String("json");
    const QString when = parser.value(QStringLiteral("color"));
    o.color = !o.json && (when == QLatin1String("always") ||
                          (when == QLatin1String("auto") && isatty(STDOUT_FILENO)));
    return o;
}

// Names a folder's pipelines use but its workspace file does not bind (warnings).
pw::Diagnostics bindingDiagnostics(const QString& folder, const QStringList& files) {
    const QString workspaceFile = folder + QStringLiteral("/.pipewright/workspace.yml");
    if (!QFileInfo::exists(workspaceFile))
        return {};
    const pw::YamlDocument workspaceDoc = pw::YamlDocument::loadFile(workspaceFile);
    const pw::Workspace workspace = pw::parseWorkspace(workspaceDoc).workspace;
    pw::Diagnostics out;
    for (const QString& file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = f.readAll();
        if (pw::detectSpecKind(file, text) != pw::SpecKind::Pipeline)
            continue;
        const pw::YamlDocument doc = pw::YamlDocument::load(text, file);
        for (const pw::PipelineParseResult& parsed : pw::parsePipelines(doc))
            if (parsed.found)
                out += pw::checkWorkspaceBindings(workspace, parsed.pipeline);
    }
    return out;
}

}  // namespace

int runValidateCommand(const QStringList& args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::optional<Options> options = parseOptions(args, err);
    if (!options)
        return 2;

    bool ioError = false;
    QStringList files;
    pw::Diagnostics bindings;
    for (const QString& path : options->paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            err << "pipewright-cli validate: " << path << ": no such file or folder\n";
            ioError = true;
        } else if (info.isDir()) {
            const QStringList found = findSpecFiles(path);
            files += found;
            bindings += bindingDiagnostics(path, found);
        } else {
            files += path;
        }
    }

    QStringList json;
    int errors = 0;
    int warnings = 0;
    for (const QString& file : files) {
        QFile f(file);
        pw::SpecKind kind = options->kind.value_or(pw::SpecKind::Unknown);
        pw::ValidationResult result = pw::validateSpecFile(file, kind);
        if (result.kind == pw::SpecKind::Unknown && !options->kind) {
            err << file << ": cannot tell which kind of file this is; name it or pass --kind\n";
            ioError = true;
            continue;
        }
        const QByteArray text =
            options->color && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        pw::Diagnostics diagnostics = result.diagnostics;
        for (const pw::Diagnostic& b : bindings)
            if (b.file == file)
                diagnostics.append(b);
        pw::sortDiagnostics(diagnostics);
        for (const pw::Diagnostic& d : diagnostics) {
            errors += d.severity == pw::Severity::Error;
            warnings += d.severity == pw::Severity::Warning;
            if (options->json)
                json.append(toJson(d));
            else
                printText(out, d, text, options->color);
        }
    }
    if (options->json)
        out << (json.isEmpty() ? QStringLiteral("[]\n")
                               : QStringLiteral("[\n  ") + json.join(QStringLiteral(",\n  ")) +
                                     QStringLiteral("\n]\n"));
    out.flush();
    if (!options->json && isatty(STDERR_FILENO))
        err << files.size() << (files.size() == 1 ? " file, " : " files, ") << errors
            << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning\n" : " warnings\n");
    if (ioError)
        return 2;
    return errors > 0 ? 1 : 0;
}
