#include "exportcommand.h"

#include "subcommandargs.h"

#include "workspacecontext.h"

#include "spec/pipelineexport.h"
#include "yaml/yamldocument.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

namespace {

const QString kCodePipelineJson = QStringLiteral("codepipeline-json");
const QString kCfnJson = QStringLiteral("cloudformation-json");
const QString kCfnYaml = QStringLiteral("cloudformation-yaml");

// Standard output when no file is named; QSaveFile so a failed write leaves no half file.
int writeOutput(const QString& command, const QString& path, const QByteArray& text) {
    if (path.isEmpty() || path == QLatin1String("-")) {
        QTextStream(stdout) << QString::fromUtf8(text);
        return 0;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        QTextStream(stderr) << "pipewright-cli " << command << ": cannot write " << path << ": "
                            << file.errorString() << '\n';
        return 2;
    }
    return 0;
}

// Unresolved intrinsics are summed up in one line: a template may hold dozens.
void printNotes(const QString& command, const QStringList& notes) {
    const QString prefix = QStringLiteral("unresolved intrinsic kept as text: ");
    QStringList intrinsics;
    QTextStream err(stderr);
    for (const QString& note : notes) {
        if (note.startsWith(prefix))
            intrinsics << note.mid(prefix.size());
        else
            err << "pipewright-cli " << command << ": note: " << note << '\n';
    }
    if (intrinsics.isEmpty())
        return;
    err << "pipewright-cli " << command << ": note: " << intrinsics.size()
        << " intrinsic function(s) only get a value in a stack and are kept as text: "
        << intrinsics.mid(0, 3).join(QLatin1String(", "))
        << (intrinsics.size() > 3 ? QStringLiteral(", ...") : QString()) << '\n';
}

bool anyError(const pw::Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const pw::Diagnostic& d) { return d.severity == pw::Severity::Error; });
}

}  // namespace

int runExportCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export a pipeline as get-pipeline JSON or as a CloudFormation template "
                       "declaring the CodeBuild and CodeDeploy resources the workspace binds."));
    parser.addPositionalArgument(QStringLiteral("pipeline"),
                                 QStringLiteral("Pipeline file or name."),
                                 QStringLiteral("[PIPELINE]"));
    parser.addOption(
        {QStringLiteral("format"),
         QStringLiteral("codepipeline-json, cloudformation-json or cloudformation-yaml."),
         QStringLiteral("format"), kCodePipelineJson});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE instead of standard output."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("workspace"),
                      QStringLiteral("Workspace folder (default: the current one)."),
                      QStringLiteral("dir")});
    int code = 0;
    if (!parseSubcommand(parser, QStringLiteral("export"), args, &code))
        return code;
    QTextStream err(stderr);
    const QString format = parser.value(QStringLiteral("format"));
    if (format != kCodePipelineJson && format != kCfnJson && format != kCfnYaml) {
        err << "pipewright-cli export: unknown format '" << format << "' (codepipeline-json, "
            << "cloudformation-json, cloudformation-yaml)\n";
        return 2;
    }
    const WorkspaceContext context =
        WorkspaceContext::open(parser.value(QStringLiteral("workspace")));
    QString path, error;
    const auto parsed = context.loadPipeline(parser.positionalArguments().value(0), &path, &error);
    if (!parsed) {
        err << "pipewright-cli export: " << error << '\n';
        return 2;
    }
    if (anyError(parsed->diagnostics)) {
        for (const pw::Diagnostic& d : parsed->diagnostics)
            err << pw::formatDiagnostic(d) << '\n';
        return 1;
    }
    // Read as a tree rather than through the model, so fields the model drops survive.
    const pw::YamlDocument doc = pw::YamlDocument::loadFile(path);
    QStringList dropped;
    const QJsonObject getPipeline =
        pw::isCloudFormationDocument(doc)
            ? pw::importCloudFormation(
                  doc, &error, &dropped,
                  pw::cloudFormationPipelineIdAt(doc, parsed->pipeline.mark.offset))
            : pw::readCodePipeline(doc, &error, &dropped);
    if (getPipeline.isEmpty()) {
        err << "pipewright-cli export: " << path << ": " << error << '\n';
        return 1;
    }
    printNotes(QStringLiteral("export"), dropped);
    if (format == kCodePipelineJson)
        return writeOutput(QStringLiteral("export"), parser.value(QStringLiteral("output")),
                           pw::toJsonText(getPipeline));
    pw::CloudFormationOptions options;
    options.workspace = &context.workspace;
    const QJsonObject tmpl = pw::cloudFormationTemplate(getPipeline, options);
    return writeOutput(QStringLiteral("export"), parser.value(QStringLiteral("output")),
                       format == kCfnJson ? pw::toJsonText(tmpl) : pw::toYamlText(tmpl));
}

int runImportCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Convert a CloudFormation template into get-pipeline JSON, or get-pipeline "
                       "JSON into a CloudFormation template."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Template or get-pipeline file."),
                                 QStringLiteral("FILE"));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE instead of standard output."),
                      QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("format"),
         QStringLiteral("yaml or json (default: yaml for a template, json for get-pipeline)."),
         QStringLiteral("format")});
    parser.addOption({QStringLiteral("workspace"),
                      QStringLiteral("Workspace whose bound names become template resources."),
                      QStringLiteral("dir")});
    int code = 0;
    if (!parseSubcommand(parser, QStringLiteral("import"), args, &code))
        return code;
    QTextStream err(stderr);
    const QString file = parser.positionalArguments().value(0);
    const QString format = parser.value(QStringLiteral("format"));
    if (file.isEmpty() || parser.positionalArguments().size() > 1 ||
        (!format.isEmpty() && format != QLatin1String("yaml") && format != QLatin1String("json"))) {
        err << "pipewright-cli import: usage: import FILE [--output FILE] [--format yaml|json]\n";
        return 2;
    }
    if (!QFileInfo(file).isFile()) {
        err << "pipewright-cli import: cannot read " << file << '\n';
        return 2;
    }
    const pw::YamlDocument doc = pw::YamlDocument::loadFile(file);
    if (doc.hasErrors()) {
        for (const pw::Diagnostic& d : doc.diagnostics())
            err << pw::formatDiagnostic(d) << '\n';
        return 1;
    }
    const bool toTemplate = !pw::isCloudFormationDocument(doc);
    const bool json = format.isEmpty() ? !toTemplate : format == QLatin1String("json");
    WorkspaceContext context;
    pw::CloudFormationOptions options;
    if (parser.isSet(QStringLiteral("workspace"))) {
        context = WorkspaceContext::open(parser.value(QStringLiteral("workspace")));
        options.workspace = &context.workspace;
    }
    const pw::PipelineConversion result = pw::convertPipelineDocument(
        doc, json ? pw::TextFormat::Json : pw::TextFormat::Yaml, options);
    if (!result.ok) {
        err << "pipewright-cli import: " << file << ": " << result.error << '\n';
        return 1;
    }
    printNotes(QStringLiteral("import"), result.dropped);
    return writeOutput(QStringLiteral("import"), parser.value(QStringLiteral("output")),
                       result.text);
}
