#pragma once

// Shared by the fast path's differential test and fuzzer: both parsers' events as text lines,
// so they compare as lists.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace pw::test {

struct TooManyEvents {};

// Records every event as one line of text; bounded because yaml-cpp loops on some inputs.
class YamlEventRecorder : public YAML::EventHandler {
public:
    explicit YamlEventRecorder(size_t limit) : m_limit(limit) {}
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

// yaml-cpp's events for `text`, ending in an "error ..." line when it throws.
inline std::vector<std::string> yamlCppEvents(std::string_view text) {
    YamlEventRecorder recorder(4 * text.size() + 64);
    std::istringstream stream{std::string(text)};
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

}  // namespace pw::test
