#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class EventHandler;
}

namespace pw {

// A fast path for the block-style YAML subset most buildspecs and appspecs use: block mappings
// with simple plain keys, block sequences, single-line plain and quoted scalars, comments.
// It produces exactly the events yaml-cpp 0.7 produces for the same text (marks, tags, values,
// order) and refuses everything else, so the caller falls back to yaml-cpp, which also owns
// every error message.
class BlockScanner {
public:
    // Scans `text`; false as soon as it meets anything outside the subset (events are then
    // meaningless). `text` must outlive replay().
    bool scan(std::string_view text);
    // Replays the events of a successful scan(); exceptions thrown by the handler propagate.
    void replay(YAML::EventHandler& handler) const;
    // scan() then, only on success, replay().
    static bool parse(std::string_view text, YAML::EventHandler& handler);

    size_t eventCount() const { return m_events.size(); }

private:
    enum class Kind : uint8_t {
        DocStart,
        DocEnd,
        Null,
        Plain,
        SingleQuoted,  // value may hold '' escapes
        DoubleQuoted,
        SeqStart,
        SeqEnd,
        MapStart,
        MapEnd
    };
    struct Event {
        Kind kind;
        int pos;
        int line;
        int column;
        int valueLength;  // scalars: the value is text[pos + valueOffset, +valueLength)
        int valueOffset;
    };
    struct Level {
        int indent;
        bool isSeq;
    };
    enum class Pending : uint8_t { None, Root, KeyValue, SeqItem };
    struct Line {
        int number;
        size_t start;    // first byte of the line
        size_t content;  // first non-space byte
        size_t end;      // the '\n' or the end of text
    };

    bool hasOnlySafeBytes() const;
    bool isDocStartLine(const Line& line) const;
    bool scanLine(const Line& line);
    bool resolvePending(const Line& line);
    bool openCollection(const Line& line);
    bool closeTo(const Line& line);
    bool scanEntry(const Line& line);
    bool scanSeqItem(const Line& line, size_t at);
    bool scanKeyValue(const Line& line, size_t at);
    bool scanValue(const Line& line, size_t at);
    bool scanPlain(const Line& line, size_t at);
    bool scanQuoted(const Line& line, size_t at);
    bool isSeqEntry(const Line& line, size_t at) const;
    size_t keyEnd(const Line& line, size_t at) const;
    size_t valueStart(const Line& line, size_t from) const;
    bool restIsComment(const Line& line, size_t at) const;
    bool finish();
    Line endOfStream() const;
    void push(Kind kind, size_t at, const Line& line, size_t offset = 0, size_t length = 0);
    void pushEnd(Kind kind);
    void pushNull(size_t at, const Line& line);
    void replayEvent(const Event& e, YAML::EventHandler& handler, std::string& value) const;

    std::string_view m_text;
    std::vector<Event> m_events;
    std::vector<Level> m_stack;
    Pending m_pending = Pending::Root;
    int m_lineCount = 0;  // newlines in the text: yaml-cpp's line at the end of the stream
};

}  // namespace pw
