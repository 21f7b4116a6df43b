// YamlDocument::load with the block-style fast path against yaml-cpp's event parser alone (the
// floor of the old loader), in the same process, for a 500-command buildspec (what
// `pipewright-cli build` loads before its first command) and a 20,000-line one. Also prints
// load() with the fast path off, and the fast path's scan + replay alone.
#include "yaml/blockscanner.h"
#include "yaml/yamldocument.h"

#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <string>

namespace {

// Totals line count including the five header lines.
QByteArray commandsBuildspec(int lines) {
    QByteArray text = "version: 0.2\n\nphases:\n  build:\n    commands:\n";
    for (int i = 0; i < lines - 5; ++i)
        text += "      - echo command " + QByteArray::number(i) + "\n";
    return text;
}

const QByteArray& input(int which) {
    static const QByteArray small = commandsBuildspec(505);
    static const QByteArray large = commandsBuildspec(20000);
    return which == 0 ? small : large;
}

// Receives events and does nothing, so only the parser is measured.
class NullHandler : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string& value) override {
        benchmark::DoNotOptimize(value.data());
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

void BM_YamlCppEvents(benchmark::State& state) {
    const QByteArray& text = input(int(state.range(0)));
    NullHandler handler;
    for (auto _ : state) {
        std::istringstream stream(text.toStdString());
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(handler)) {
        }
    }
}

void BM_BlockScannerEvents(benchmark::State& state) {
    const QByteArray& text = input(int(state.range(0)));
    NullHandler handler;
    for (auto _ : state) {
        if (!pw::BlockScanner::parse(std::string_view(text.constData(), size_t(text.size())),
                                     handler)) {
            state.SkipWithError("the fast path declined the input");
            break;
        }
    }
}

void load(benchmark::State& state, bool fastPath) {
    const QByteArray& text = input(int(state.range(0)));
    pw::YamlLoadOptions options;
    options.fastPath = fastPath;
    for (auto _ : state) {
        const pw::YamlDocument doc =
            pw::YamlDocument::load(text, QStringLiteral("buildspec.yml"), options);
        if (doc.hasErrors() || !doc.root().isMapping()) {
            state.SkipWithError("generated input did not load");
            break;
        }
        benchmark::DoNotOptimize(doc.root());
    }
}

void BM_LoadFastPath(benchmark::State& state) {
    load(state, true);
}
void BM_LoadYamlCpp(benchmark::State& state) {
    load(state, false);
}

BENCHMARK(BM_YamlCppEvents)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BlockScannerEvents)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadFastPath)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadYamlCpp)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Keeps each benchmark's CPU time (the steadier figure on a shared machine) for the summary;
// with --benchmark_repetitions the median.
class TimeReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median")
                continue;
            cpuTimes[run.run_name.str()] = run.GetAdjustedCPUTime();
        }
    }
    std::map<std::string, double> cpuTimes;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    TimeReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    const char* names[] = {"500-command buildspec", "20,000-line buildspec"};
    for (int i = 0; i < 2; ++i) {
        const std::string arg = "/" + std::to_string(i);
        const double events = reporter.cpuTimes["BM_YamlCppEvents" + arg];
        const double fast = reporter.cpuTimes["BM_LoadFastPath" + arg];
        const double slow = reporter.cpuTimes["BM_LoadYamlCpp" + arg];
        const double scan = reporter.cpuTimes["BM_BlockScannerEvents" + arg];
        if (events <= 0 || fast <= 0)
            continue;
        std::printf(
            "%s (cpu us): load() fast path %.1f, yaml-cpp events alone %.1f -> %.2fx of the "
            "baseline; load() via yaml-cpp %.1f (%.2fx); fast path scan+replay alone %.1f\n",
            names[i], fast, events, fast / events, slow, slow / events, scan);
    }
    benchmark::Shutdown();
    return 0;
}
