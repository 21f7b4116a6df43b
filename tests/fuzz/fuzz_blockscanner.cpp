// Differential libFuzzer target: whenever the block-style fast path accepts a text, its events
// must equal yaml-cpp's, event for event (kind, mark, tag, anchor, value). Aborts otherwise.
// The first byte is skipped, so fuzz_validate's seeds (a kind byte, then a file) work as they are.
#include "support/yamleventrecorder.h"
#include "yaml/blockscanner.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

void report(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
    std::fprintf(stderr, "BlockScanner disagrees with yaml-cpp (yaml-cpp | fast path):\n");
    const size_t n = std::max(expected.size(), actual.size());
    for (size_t i = 0; i < n; ++i) {
        const std::string& a = i < expected.size() ? expected[i] : std::string("-");
        const std::string& b = i < actual.size() ? actual[i] : std::string("-");
        std::fprintf(stderr, "%s %s | %s\n", a == b ? " " : "!", a.c_str(), b.c_str());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    pw::test::YamlEventRecorder fast(4 * size + 64);
    // The fast path goes first: most mutations leave its subset and need no yaml-cpp run.
    if (!pw::BlockScanner::parse(text, fast))
        return 0;
    const std::vector<std::string> expected = pw::test::yamlCppEvents(text);
    if (expected != fast.events) {
        report(expected, fast.events);
        std::abort();
    }
    return 0;
}
