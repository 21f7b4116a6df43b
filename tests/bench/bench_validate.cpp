// Validation cost against parsing alone: loads and validates a generated 20,000-line buildspec
// and a 500-action pipeline, next to a bare yaml-cpp YAML::Load of the same text in the same
// process. The figure is the ratio; the goal is at most 1.5 (validation adds <= 50%).
#include "spec/specvalidator.h"

#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <map>
#include <string>

namespace {

QByteArray generatedBuildspec(int lines) {
    QByteArray text =
        "version: 0.2\n# generated for the validation benchmark\nenv:\n  variables:\n";
    for (int i = 0; i < 200; ++i)
        text += "    VAR_" + QByteArray::number(i) + ": \"value " + QByteArray::number(i) + "\"\n";
    text += "phases:\n";
    const char* phases[] = {"install", "pre_build", "build", "post_build"};
    int written = 200;
    for (int p = 0; p < 4; ++p) {
        text += QByteArray("  ") + phases[p] + ":\n    commands:\n";
        for (int i = 0; written < lines - 20 && i < (lines - 220) / 4; ++i, ++written)
            text += "      - echo \"step " + QByteArray::number(i) + " of phase " + phases[p] +
                    "\" && test -n \"$VAR_1\"\n";
    }
    text += "artifacts:\n  files:\n    - '**/*'\n  base-directory: dist\n";
    return text;
}

QByteArray generatedPipeline(int actions) {
    QByteArray text =
        "pipeline:\n  name: big\n  version: 1\n"
        "  roleArn: arn:aws:iam::111111111111:role/big\n"
        "  artifactStore: {type: S3, location: big-artifacts}\n  stages:\n";
    text +=
        "    - name: Source\n      actions:\n        - name: Src\n"
        "          actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "
        "'1'}\n"
        "          configuration: {RepositoryName: repo, BranchName: main}\n"
        "          outputArtifacts: [{name: Src}]\n          runOrder: 1\n";
    const int perStage = 50;
    int made = 1;
    for (int s = 0; made < actions; ++s) {
        text += "    - name: Stage" + QByteArray::number(s) + "\n      actions:\n";
        for (int a = 0; a < perStage && made < actions; ++a, ++made) {
            const QByteArray n = QByteArray::number(made);
            text += "        - name: Build" + n +
                    "\n"
                    "          actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, "
                    "version: '1'}\n"
                    "          configuration: {ProjectName: project" +
                    n +
                    "}\n"
                    "          inputArtifacts: [{name: Src}]\n"
                    "          outputArtifacts: [{name: Out" +
                    n +
                    "}]\n"
                    "          runOrder: " +
                    QByteArray::number(1 + a % 5) + "\n";
        }
    }
    return text;
}

const QByteArray& input(int which) {
    static const QByteArray buildspec = generatedBuildspec(20000);
    static const QByteArray pipeline = generatedPipeline(500);
    return which == 0 ? buildspec : pipeline;
}

void BM_YamlCppLoad(benchmark::State& state) {
    const std::string text = input(int(state.range(0))).toStdString();
    for (auto _ : state)
        benchmark::DoNotOptimize(YAML::Load(text));
}

void BM_PipewrightValidate(benchmark::State& state) {
    const QByteArray& text = input(int(state.range(0)));
    const pw::SpecKind kind =
        state.range(0) == 0 ? pw::SpecKind::Buildspec : pw::SpecKind::Pipeline;
    const QString path =
        state.range(0) == 0 ? QStringLiteral("buildspec.yml") : QStringLiteral("pipeline.yml");
    for (auto _ : state) {
        const pw::ValidationResult result = pw::validateSpec(path, text, kind);
        if (pw::hasErrors(result.diagnostics)) {
            for (const pw::Diagnostic& d : result.diagnostics)
                if (d.severity == pw::Severity::Error)
                    std::fprintf(stderr, "%s\n", qPrintable(pw::formatDiagnostic(d)));
            state.SkipWithError("generated input has errors");
            break;
        }
        benchmark::DoNotOptimize(result);
    }
}

BENCHMARK(BM_YamlCppLoad)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PipewrightValidate)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Keeps each run's time so main() can print the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            times[run.benchmark_name()] = run.GetAdjustedRealTime();
            cpuTimes[run.benchmark_name()] = run.GetAdjustedCPUTime();
        }
    }
    std::map<std::string, double> times;
    std::map<std::string, double> cpuTimes;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    const char* names[] = {"20,000-line buildspec", "500-action pipeline"};
    // CPU time is the steadier figure on a shared machine; both are printed.
    for (int i = 0; i < 2; ++i) {
        const std::string bare = "BM_YamlCppLoad/" + std::to_string(i);
        const std::string ours = "BM_PipewrightValidate/" + std::to_string(i);
        if (reporter.times[bare] <= 0 || reporter.times[ours] <= 0)
            continue;
        std::printf(
            "%s: load+validate %.2f ms (cpu %.2f), yaml-cpp YAML::Load %.2f ms (cpu %.2f); "
            "ratio wall %.2fx, cpu %.2fx (goal <= 1.50x)\n",
            names[i], reporter.times[ours], reporter.cpuTimes[ours], reporter.times[bare],
            reporter.cpuTimes[bare], reporter.times[ours] / reporter.times[bare],
            reporter.cpuTimes[ours] / reporter.cpuTimes[bare]);
    }
    benchmark::Shutdown();
    return 0;
}
