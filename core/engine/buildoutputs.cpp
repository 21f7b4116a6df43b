#include "buildoutputs.h"

#include "engine/artifacts/artifactpackager.h"
#include "engine/artifacts/filecollector.h"
#include "engine/cache/cachestore.h"
#include "engine/reports/reportparser.h"
#include "spec/buildspec.h"

#include <QDir>
#include <QRegularExpression>

namespace pw {

namespace {

QStringList texts(const QList<SourceText>& list, const QProcessEnvironment& env) {
    QStringList out;
    for (const SourceText& t : list)
        out << BuildOutputs::expand(t.text, env);
    return out;
}

ArtifactSpec toArtifactSpec(const BuildspecArtifacts& a, const QProcessEnvironment& env,
                            bool inPlace) {
    ArtifactSpec s;
    s.identifier = a.identifier;
    s.files = texts(a.files, env);
    s.baseDirectory = BuildOutputs::expand(a.baseDirectory, env);
    s.excludePaths = texts(a.excludePaths, env);
    if (inPlace && s.baseDirectory.isEmpty())
        s.excludePaths << QStringLiteral(".pipewright/**/*");
    s.discardPaths = a.discardPaths;
    s.enableSymlinks = a.enableSymlinks;
    s.name = BuildOutputs::expand(a.name, env);
    return s;
}

QJsonObject summaryOf(const ParsedReport& report) {
    if (const auto* tests = std::get_if<TestReport>(&report)) {
        const TestCounts c = tests->counts();
        return {{"type", "test"},           {"valid", tests->valid}, {"total", c.total},
                {"succeeded", c.succeeded}, {"failed", c.failed},    {"skipped", c.skipped},
                {"error", c.error}};
    }
    const auto& cov = std::get<CoverageReport>(report);
    return {{"type", "coverage"},
            {"valid", cov.valid},
            {"lineRate", cov.lineRate()},
            {"branchRate", cov.branchRate()},
            {"linesCovered", cov.linesCovered},
            {"linesTotal", cov.linesTotal}};
}

const Diagnostics& diagnosticsOf(const ParsedReport& report) {
    if (const auto* tests = std::get_if<TestReport>(&report))
        return tests->diagnostics;
    return std::get<CoverageReport>(report).diagnostics;
}

}  // namespace

QString BuildOutputs::expand(const QString& text, const QProcessEnvironment& env) {
    static const QRegularExpression re(
        QStringLiteral(R"(\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)))"));
    if (!text.contains(QLatin1Char('$')))
        return text;
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        out += env.value(name);
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

QList<ArtifactSpec> BuildOutputs::artifactSpecs(const Buildspec& spec,
                                                const QProcessEnvironment& env, bool inPlace) {
    QList<ArtifactSpec> specs;
    if (spec.artifacts.present)
        specs << toArtifactSpec(spec.artifacts, env, inPlace);
    for (const BuildspecArtifacts& a : spec.secondaryArtifacts)
        specs << toArtifactSpec(a, env, inPlace);
    return specs;
}

CacheSpec BuildOutputs::cacheSpec(const Buildspec& spec, const QProcessEnvironment& env) {
    CacheSpec c;
    c.key = expand(spec.cache.key, env);
    for (const QString& k : spec.cache.fallbackKeys)
        c.fallbackKeys << expand(k, env);
    c.action = spec.cache.action == CacheAction::Restore ? CacheSpec::Action::Restore
               : spec.cache.action == CacheAction::Save  ? CacheSpec::Action::Save
                                                         : CacheSpec::Action::RestoreAndSave;
    c.paths = texts(spec.cache.paths, env);
    return c;
}

QList<ReportRecord> BuildOutputs::collectReports(const Buildspec& spec, const QString& sourceRoot,
                                                 const QString& project,
                                                 const QProcessEnvironment& env,
                                                 Diagnostics& diagnostics) {
    QList<ReportRecord> records;
    for (const BuildspecReportGroup& group : spec.reports) {
        const auto format = parseReportFormat(group.fileFormat);
        if (!format)
            continue;  // the validator already said so
        CollectOptions options;
        options.root = sourceRoot;
        options.baseDirectory = expand(group.baseDirectory, env);
        options.patterns = texts(group.files, env);
        options.rulePrefix = QStringLiteral("reports");
        const CollectResult collected = FileCollector::collect(options);
        diagnostics << collected.diagnostics;
        const QString name = expand(group.name, env);
        for (const CollectedFile& file : collected.files) {
            const ParsedReport parsed = ReportParser::parseFile(*format, file.absolutePath);
            diagnostics << diagnosticsOf(parsed);
            records << ReportRecord{project + QLatin1Char('-') + name, file.relativePath,
                                    reportFormatName(*format), summaryOf(parsed)};
        }
    }
    return records;
}

}  // namespace pw
