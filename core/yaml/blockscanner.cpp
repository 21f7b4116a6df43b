#include "blockscanner.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <climits>
#include <cstring>
#include <string>

namespace pw {

namespace {

constexpr size_t npos = std::string_view::npos;
// yaml-cpp refuses nesting past 500 levels; real spec files never come close.
constexpr size_t maxDepth = 64;
// Long keys are rare and yaml-cpp limits simple keys, so keep well away from that edge.
constexpr size_t maxKeyLength = 128;

bool isAlnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isKeyStart(unsigned char c) {
    return isAlnum(c) || c == '_' || c == '$';
}

bool isKeyChar(unsigned char c) {
    return isKeyStart(c) || c == '-' || c == '.' || c == '/';
}

// First characters a plain scalar may start with here; YAML indicators are left to yaml-cpp.
bool isPlainStart(unsigned char c, unsigned char next) {
    if (isAlnum(c) || c >= 0x80)
        return true;
    if (c == '-')
        return next != ' ' && next != '\0';
    return std::strchr("/._$()+=~^<;\\", c) != nullptr;
}

// yaml-cpp reports these plain scalars as null nodes (OnNull), not as scalars.
bool isNullString(std::string_view s) {
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

}  // namespace

bool BlockScanner::parse(std::string_view text, YAML::EventHandler& handler) {
    BlockScanner scanner;
    if (!scanner.scan(text))
        return false;
    scanner.replay(handler);
    return true;
}

bool BlockScanner::scan(std::string_view text) {
    m_text = text;
    m_events.clear();
    m_stack.clear();
    m_pending = Pending::Root;
    if (text.size() > size_t(INT_MAX / 2) || !hasOnlySafeBytes())
        return false;
    m_events.reserve(text.size() / 16 + 16);  // about one event per line of a buildspec
    size_t pos = 0;
    int number = 0;
    while (pos < text.size()) {
        const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
        const size_t end = nl ? size_t(static_cast<const char*>(nl) - text.data()) : text.size();
        size_t content = pos;
        while (content < end && text[content] == ' ')
            ++content;
        const Line line{number, pos, content, end};
        if (content < end && text[content] != '#') {
            if (m_events.empty() && isDocStartLine(line))
                push(Kind::DocStart, content, line);
            else if (!scanLine(line))
                return false;
        }
        pos = end + 1;
        if (nl)
            ++number;
    }
    m_lineCount = number;
    return finish();
}

// Control characters (tabs, CR, NUL) and the Unicode line breaks and BOM change how yaml-cpp
// reads lines or detects the encoding; a leading non-ASCII byte may be a UTF-16/32 BOM.
bool BlockScanner::hasOnlySafeBytes() const {
    const auto* p = reinterpret_cast<const unsigned char*>(m_text.data());
    const size_t n = m_text.size();
    if (n > 0 && p[0] >= 0x80)
        return false;
    for (size_t i = 0; i < n; ++i) {
        const unsigned char b = p[i];
        if (b >= 0x20 && b < 0x7F)
            continue;
        if (b == '\n')
            continue;
        if (b < 0x20 || b == 0x7F)
            return false;
        const unsigned char b1 = i + 1 < n ? p[i + 1] : 0;
        const unsigned char b2 = i + 2 < n ? p[i + 2] : 0;
        if ((b == 0xC2 && b1 == 0x85) || (b == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) ||
            (b == 0xEF && b1 == 0xBB && b2 == 0xBF))
            return false;
    }
    return true;
}

// "---" alone (spaces allowed after it) before any content; anything fancier goes to yaml-cpp.
bool BlockScanner::isDocStartLine(const Line& line) const {
    if (line.content != line.start || m_text.compare(line.start, 3, "---") != 0)
        return false;
    for (size_t i = line.start + 3; i < line.end; ++i)
        if (m_text[i] != ' ')
            return false;
    return true;
}

bool BlockScanner::scanLine(const Line& line) {
    if (line.content == line.start &&
        (m_text.compare(line.start, 3, "---") == 0 || m_text.compare(line.start, 3, "...") == 0))
        return false;
    if (m_events.empty())
        push(Kind::DocStart, line.content, line);
    if (m_pending != Pending::None && !resolvePending(line))
        return false;
    return closeTo(line) && scanEntry(line);
}

// The previous entry had no value on its line: this line either starts a nested collection
// (deeper, or a "compact" sequence at the key's own indent) or the value was null.
bool BlockScanner::resolvePending(const Line& line) {
    const Pending pending = m_pending;
    m_pending = Pending::None;
    if (pending == Pending::Root)
        return openCollection(line);
    const int column = int(line.content - line.start);
    const Level& top = m_stack.back();
    const bool deeper = column > top.indent;
    const bool compact =
        pending == Pending::KeyValue && column == top.indent && isSeqEntry(line, line.content);
    if (deeper || compact)
        return openCollection(line);
    // yaml-cpp puts a missing value at the next token, i.e. where this line's content starts.
    pushNull(line.content, line);
    return true;
}

bool BlockScanner::openCollection(const Line& line) {
    const bool isSeq = isSeqEntry(line, line.content);
    if (m_stack.size() >= maxDepth || (!isSeq && keyEnd(line, line.content) == npos))
        return false;
    push(isSeq ? Kind::SeqStart : Kind::MapStart, line.content, line);
    m_stack.push_back({int(line.content - line.start), isSeq});
    return true;
}

// Closes the collections this line dedents out of; the line must then continue the innermost
// open collection exactly at its indent (yaml-cpp accepts some odd indents in surprising ways).
bool BlockScanner::closeTo(const Line& line) {
    const int column = int(line.content - line.start);
    const bool seqEntry = isSeqEntry(line, line.content);
    while (!m_stack.empty()) {
        const Level& top = m_stack.back();
        if (top.indent < column || (top.indent == column && (!top.isSeq || seqEntry)))
            break;
        pushEnd(top.isSeq ? Kind::SeqEnd : Kind::MapEnd);
        m_stack.pop_back();
    }
    return !m_stack.empty() && m_stack.back().indent == column && m_stack.back().isSeq == seqEntry;
}

bool BlockScanner::scanEntry(const Line& line) {
    if (m_stack.back().isSeq)
        return scanSeqItem(line, line.content);
    return scanKeyValue(line, line.content);
}

// `at` is the '-' of "- item".
bool BlockScanner::scanSeqItem(const Line& line, size_t at) {
    const size_t item = valueStart(line, at + 1);
    if (item == npos) {
        m_pending = Pending::SeqItem;
        return true;
    }
    if (isSeqEntry(line, item))
        return false;
    if (keyEnd(line, item) == npos)
        return scanValue(line, item);
    // "- key: value" opens a mapping whose indent is the key's column.
    if (m_stack.size() >= maxDepth)
        return false;
    push(Kind::MapStart, item, line);
    m_stack.push_back({int(item - line.start), false});
    return scanKeyValue(line, item);
}

// The first byte of what follows "- " or "key:" on the line, npos when nothing does (only
// spaces or a comment): a null whose node may still come on the next lines.
size_t BlockScanner::valueStart(const Line& line, size_t from) const {
    while (from < line.end && m_text[from] == ' ')
        ++from;
    return from == line.end || m_text[from] == '#' ? npos : from;
}

bool BlockScanner::scanKeyValue(const Line& line, size_t at) {
    const size_t colon = keyEnd(line, at);
    if (colon == npos)
        return false;
    if (isNullString(m_text.substr(at, colon - at)))
        pushNull(at, line);
    else
        push(Kind::Plain, at, line, 0, colon - at);
    const size_t value = valueStart(line, colon + 1);
    if (value == npos) {
        m_pending = Pending::KeyValue;
        return true;
    }
    if (isSeqEntry(line, value))
        return false;
    return scanValue(line, value);
}

bool BlockScanner::scanValue(const Line& line, size_t at) {
    const char c = m_text[at];
    if (c == '\'' || c == '"')
        return scanQuoted(line, at);
    return scanPlain(line, at);
}

// A single-line plain scalar; ": " inside would make it a key (e.g. `- echo "a: b"`), so bail.
bool BlockScanner::scanPlain(const Line& line, size_t at) {
    const unsigned char next = at + 1 < line.end ? m_text[at + 1] : '\0';
    if (!isPlainStart(m_text[at], next))
        return false;
    size_t last = at;
    for (size_t i = at; i < line.end; ++i) {
        const char c = m_text[i];
        if (c == ':' && (i + 1 == line.end || m_text[i + 1] == ' '))
            return false;
        if (c == '#' && m_text[i - 1] == ' ')
            break;
        if (c != ' ')
            last = i + 1;
    }
    if (isNullString(m_text.substr(at, last - at)))
        pushNull(at, line);
    else
        push(Kind::Plain, at, line, 0, last - at);
    return true;
}

// A quoted scalar closed on the same line, followed only by spaces and a comment. Double-quoted
// escapes are left to yaml-cpp.
bool BlockScanner::scanQuoted(const Line& line, size_t at) {
    const char quote = m_text[at];
    size_t i = at + 1;
    for (;; ++i) {
        if (i >= line.end || (quote == '"' && m_text[i] == '\\'))
            return false;
        if (m_text[i] != quote)
            continue;
        if (quote == '\'' && i + 1 < line.end && m_text[i + 1] == '\'')
            ++i;  // '' is an escaped quote
        else
            break;
    }
    if (!restIsComment(line, i + 1))
        return false;
    push(quote == '"' ? Kind::DoubleQuoted : Kind::SingleQuoted, at, line, 1, i - at - 1);
    return true;
}

bool BlockScanner::isSeqEntry(const Line& line, size_t at) const {
    return m_text[at] == '-' && (at + 1 == line.end || m_text[at + 1] == ' ');
}

// The position of the ':' ending a simple plain key at `at` ("key:" then a space or the end of
// the line), npos when the text there is not such a key.
size_t BlockScanner::keyEnd(const Line& line, size_t at) const {
    if (!isKeyStart(m_text[at]))
        return npos;
    size_t i = at + 1;
    while (i < line.end && isKeyChar(m_text[i]))
        ++i;
    if (i == line.end || m_text[i] != ':' || i - at > maxKeyLength)
        return npos;
    if (i + 1 < line.end && m_text[i + 1] != ' ')
        return npos;
    return i;
}

bool BlockScanner::restIsComment(const Line& line, size_t at) const {
    size_t i = at;
    while (i < line.end && m_text[i] == ' ')
        ++i;
    return i == line.end || (m_text[i] == '#' && i > at);
}

bool BlockScanner::finish() {
    if (m_events.empty())
        return true;  // only comments and blank lines: yaml-cpp reports no document at all
    if (m_pending == Pending::Root)
        return false;  // "---" and nothing else
    if (m_pending != Pending::None)
        pushNull(m_text.size(), endOfStream());
    m_pending = Pending::None;
    while (!m_stack.empty()) {
        pushEnd(m_stack.back().isSeq ? Kind::SeqEnd : Kind::MapEnd);
        m_stack.pop_back();
    }
    pushEnd(Kind::DocEnd);
    return true;
}

// Where yaml-cpp puts a null value that the end of the stream cuts short: at the end of the
// text when the innermost collection ends "here" by indentation (spaces on an unterminated last
// line), otherwise at column 0, where the scanner resets the column when the stream ends.
BlockScanner::Line BlockScanner::endOfStream() const {
    const size_t size = m_text.size();
    const size_t lastNewline = m_text.rfind('\n');
    const size_t lastLine = lastNewline == npos ? 0 : lastNewline + 1;
    const int column = int(size - lastLine);
    const Level& top = m_stack.back();
    const bool endsHere = top.indent > column || (top.isSeq && top.indent == column);
    return Line{m_lineCount, endsHere ? lastLine : size, size, size};
}

void BlockScanner::push(Kind kind, size_t at, const Line& line, size_t offset, size_t length) {
    m_events.push_back(
        {kind, int(at), line.number, int(at - line.start), int(length), int(offset)});
}

void BlockScanner::pushEnd(Kind kind) {
    m_events.push_back({kind, 0, 0, 0, 0, 0});
}

void BlockScanner::pushNull(size_t at, const Line& line) {
    push(Kind::Null, at, line);
}

namespace {

void assignValue(std::string& out, std::string_view raw, bool singleQuoted) {
    out.assign(raw.data(), raw.size());
    if (!singleQuoted || out.find('\'') == std::string::npos)
        return;
    size_t w = 0;
    for (size_t r = 0; r < out.size(); ++r, ++w) {
        out[w] = out[r];
        if (out[r] == '\'')
            ++r;  // the scan guaranteed quotes come in pairs here
    }
    out.resize(w);
}

}  // namespace

void BlockScanner::replay(YAML::EventHandler& handler) const {
    std::string value;
    for (const Event& e : m_events)
        replayEvent(e, handler, value);
}

void BlockScanner::replayEvent(const Event& e, YAML::EventHandler& handler,
                               std::string& value) const {
    static const std::string plainTag = "?";
    static const std::string quotedTag = "!";
    YAML::Mark mark;
    mark.pos = e.pos;
    mark.line = e.line;
    mark.column = e.column;
    const std::string_view raw =
        m_text.substr(size_t(e.pos + e.valueOffset), size_t(e.valueLength));
    switch (e.kind) {
        case Kind::DocStart:
            handler.OnDocumentStart(mark);
            break;
        case Kind::DocEnd:
            handler.OnDocumentEnd();
            break;
        case Kind::Null:
            handler.OnNull(mark, YAML::NullAnchor);
            break;
        case Kind::Plain:
            assignValue(value, raw, false);
            handler.OnScalar(mark, plainTag, YAML::NullAnchor, value);
            break;
        case Kind::SingleQuoted:
        case Kind::DoubleQuoted:
            assignValue(value, raw, e.kind == Kind::SingleQuoted);
            handler.OnScalar(mark, quotedTag, YAML::NullAnchor, value);
            break;
        case Kind::SeqStart:
            handler.OnSequenceStart(mark, plainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
            break;
        case Kind::SeqEnd:
            handler.OnSequenceEnd();
            break;
        case Kind::MapStart:
            handler.OnMapStart(mark, plainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
            break;
        case Kind::MapEnd:
            handler.OnMapEnd();
            break;
    }
}

}  // namespace pw
