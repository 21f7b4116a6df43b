// Differential libFuzzer target: whenever the block-style fast path accepts a text, its events
// must equal yaml-cpp's, event for event (kind, mark, tag, anchor, value). Aborts otherwise.
// The first byte is skipped, so fuzz_validate's seeds (a kind byte, then a file) work as they are.
#include "yaml/blockscanner.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct TooManyEvents {};

// Records every event as one line of text; bounded because yaml-cpp loops on some inputs.
class Recorder : public YAML::EventHandler {
public:
    explicit Recorder(size_t limit) : m_limit(limit) {}
    std::vector<std::string> events;

    void OnDocumentStart(const YAML::Mark& m) override { add("doc " + mark(m)); }
    void OnDocumentEnd() override { add("/doc"); }
    void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
        add("null " + mark(m) + anchor(a));
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
        add("alias " + mark(m) + anchor(a));
    }
    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  const std::string& value) override {
        add("scalar " + mark(m) + " " + tag + anchor(a) + " [" + value + "]");
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                         YAML::EmitterStyle::value style) override {
        add("seq " + mark(m) + " " + tag + anchor(a) + " " + std::to_string(style));
    }
    void OnSequenceEnd() override { add("/seq"); }
    void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                    YAML::EmitterStyle::value style) override {
        add("map " + mark(m) + " " + tag + anchor(a) + " " + std::to_string(style));
    }
    void OnMapEnd() override { add("/map"); }

private:
    static std::string mark(const YAML::Mark& m) {
        return std::to_string(m.pos) + "@" + std::to_string(m.line) + ":" +
               std::to_string(m.column);
    }
    static std::string anchor(YAML::anchor_t a) { return " &" + std::to_string(a); }
    void add(std::string e) {
        if (events.size() >= m_limit)
            throw TooManyEvents{};
        events.push_back(std::move(e));
    }
    size_t m_limit;
};

std::vector<std::string> yamlCppEvents(const std::string& text) {
    Recorder recorder(4 * text.size() + 64);
    std::istringstream stream(text);
    try {
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(recorder)) {
        }
    } catch (const YAML::Exception& e) {
        recorder.events.push_back(std::string("error ") + e.what());
    } catch (const TooManyEvents&) {
        recorder.events.push_back("error: too many events");
    }
    return recorder.events;
}

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
    Recorder fast(4 * size + 64);
    // The fast path goes first: most mutations leave its subset and need no yaml-cpp run.
    if (!pw::BlockScanner::parse(text, fast))
        return 0;
    const std::vector<std::string> expected = yamlCppEvents(text);
    if (expected != fast.events) {
        report(expected, fast.events);
        std::abort();
    }
    return 0;
}
