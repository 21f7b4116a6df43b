#include "yamldocument.h"

#include "blockscanner.h"
#include "textchecks.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

Q_LOGGING_CATEGORY(lcYaml, "pipewright.yaml")

namespace pw {

namespace {

struct Child {
    int index;
    bool alias;
};

struct NodeData {
    NodeType type = NodeType::Null;
    ScalarStyle style = ScalarStyle::Plain;
    Mark mark;
    QString value;
    QString tag;
    std::vector<Child> children;  // mappings alternate key, value
    qint64 expanded = 1;          // node count with aliases expanded
};

// Thrown from inside the event handler to stop yaml-cpp; never leaves this file.
struct StopParsing {
    Mark mark;
    QString rule;
    QString message;
};

}  // namespace

struct YamlDocument::Data {
    QString file;
    QByteArray text;
    std::vector<NodeData> nodes;
    std::vector<int> roots;
    Diagnostics diagnostics;
    std::vector<qsizetype> lineStarts;

    const NodeData* node(int index) const {
        return index >= 0 && index < int(nodes.size()) ? &nodes[size_t(index)] : nullptr;
    }
    void indexLines() {
        lineStarts.clear();
        lineStarts.push_back(0);
        for (qsizetype i = 0; i < text.size(); ++i)
            if (text.at(i) == '\n')
                lineStarts.push_back(i + 1);
    }
};

namespace {

Mark toMark(const YAML::Mark& m) {
    if (m.line < 0)
        return {};
    return Mark{m.line + 1, m.column + 1, m.pos};
}

ScalarStyle styleAt(const QByteArray& text, qsizetype offset, const std::string& tag) {
    if (tag == "?" || offset < 0 || offset >= text.size())
        return ScalarStyle::Plain;
    switch (text.at(offset)) {
        case '"':
            return ScalarStyle::DoubleQuoted;
        case '\'':
            return ScalarStyle::SingleQuoted;
        case '|':
            return ScalarStyle::Literal;
        case '>':
            return ScalarStyle::Folded;
        default:
            return ScalarStyle::Plain;
    }
}

QString cleanTag(const std::string& tag) {
    if (tag.empty() || tag == "?" || tag == "!")
        return {};
    return QString::fromStdString(tag);
}

// Builds the node arena from yaml-cpp's events; no recursion, so depth costs no stack.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(YamlDocument::Data& data, qsizetype maxExpanded)
        : d(data)
        , m_maxExpanded(maxExpanded)
        // Every node needs at least a byte or two of text; more nodes than this means yaml-cpp
        // is looping (it does on some malformed block mappings), so stop instead of hanging.
        , m_maxNodes(4 * size_t(data.text.size()) + 64) {}

    void OnDocumentStart(const YAML::Mark&) override {
        m_stack.clear();
        m_anchors.clear();
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        NodeData n;
        n.type = NodeType::Null;
        n.mark = toMark(mark);
        registerAnchor(anchor, add(std::move(n)));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            throw StopParsing{toMark(mark), QStringLiteral("yaml-syntax"),
                              QStringLiteral("alias refers to a node that contains it")};
        }
        attach(it.value(), true);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        NodeData n;
        n.type = NodeType::Scalar;
        n.mark = toMark(mark);
        n.value = QString::fromStdString(value);
        n.tag = cleanTag(tag);
        n.style = styleAt(d.text, mark.pos, tag);
        registerAnchor(anchor, add(std::move(n)));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(NodeType::Sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(NodeType::Mapping, mark, tag, anchor);
    }
    void OnMapEnd() override {
        checkDuplicateKeys(m_stack.back().index);
        close();
    }

private:
    struct Open {
        int index;
        YAML::anchor_t anchor;
    };

    int add(NodeData&& n) {
        if (d.nodes.size() >= m_maxNodes) {
            throw StopParsing{n.mark, QStringLiteral("yaml-syntax"),
                              QStringLiteral("the YAML parser does not terminate on this text; "
                                             "check the structure near here")};
        }
        d.nodes.push_back(std::move(n));
        const int index = int(d.nodes.size()) - 1;
        attach(index, false);
        return index;
    }

    void attach(int index, bool alias) {
        if (m_stack.empty()) {
            d.roots.push_back(index);
            return;
        }
        NodeData& parent = d.nodes[size_t(m_stack.back().index)];
        parent.children.push_back({index, alias});
        if (alias) {
            m_expandedTotal += d.nodes[size_t(index)].expanded;
            if (m_expandedTotal > m_maxExpanded) {
                throw StopParsing{
                    d.nodes[size_t(index)].mark, QStringLiteral("yaml-alias-bomb"),
                    QStringLiteral("aliases expand to more than %1 nodes; refusing to "
                                   "load (\"billion laughs\")")
                        .arg(m_maxExpanded)};
            }
        }
    }

    void open(NodeType type, const YAML::Mark& mark, const std::string& tag,
              YAML::anchor_t anchor) {
        NodeData n;
        n.type = type;
        n.mark = toMark(mark);
        n.tag = cleanTag(tag);
        const int index = add(std::move(n));
        m_stack.push_back({index, anchor});
    }

    void close() {
        const Open top = m_stack.back();
        m_stack.pop_back();
        NodeData& n = d.nodes[size_t(top.index)];
        qint64 total = 1;
        for (const Child& c : n.children)
            total += d.nodes[size_t(c.index)].expanded;
        n.expanded = std::min<qint64>(total, m_maxExpanded + 1);
        // Registered only when complete, so an alias inside its own anchor cannot form a cycle.
        registerAnchor(top.anchor, top.index);
    }

    void registerAnchor(YAML::anchor_t anchor, int index) {
        if (anchor != YAML::NullAnchor)
            m_anchors.insert(anchor, index);
    }

    void checkDuplicateKeys(int mapIndex) {
        const NodeData& map = d.nodes[size_t(mapIndex)];
        QHash<QString, int> seen;
        for (size_t i = 0; i < map.children.size(); i += 2) {
            const NodeData& key = d.nodes[size_t(map.children[i].index)];
            if (key.type != NodeType::Scalar || map.children[i].alias)
                continue;
            if (key.value == QLatin1String("<<") && key.style == ScalarStyle::Plain)
                continue;
            auto it = seen.constFind(key.value);
            if (it != seen.constEnd()) {
                const Mark& first = d.nodes[size_t(it.value())].mark;
                Diagnostic diag;
                diag.severity = Severity::Error;
                diag.file = d.file;
                diag.line = key.mark.line;
                diag.column = key.mark.column;
                diag.rule = QStringLiteral("yaml-duplicate-key");
                diag.message = QStringLiteral(
                                   "duplicate key '%1' (first defined on line %2); YAML "
                                   "parsers silently keep only the last value")
                                   .arg(key.value)
                                   .arg(first.line);
                d.diagnostics.push_back(diag);
            } else {
                seen.insert(key.value, map.children[i].index);
            }
        }
    }

    YamlDocument::Data& d;
    qint64 m_maxExpanded;
    size_t m_maxNodes;
    qint64 m_expandedTotal = 0;
    std::vector<Open> m_stack;
    QHash<YAML::anchor_t, int> m_anchors;
};

Diagnostic tooLarge(const YamlDocument& doc, qint64 size, qint64 max) {
    return doc.diagnosticAt(
        Mark{}, Severity::Error, QStringLiteral("yaml-too-large"),
        QStringLiteral("file is %1 MB; Pipewright refuses YAML files over %2 MB")
            .arg(double(size) / (1024 * 1024), 0, 'f', 1)
            .arg(max / (1024 * 1024)));
}

QString syntaxMessage(const std::string& msg) {
    QString text = QString::fromStdString(msg);
    if (text.startsWith(QLatin1String("yaml-cpp: error at line")))
        text = text.section(QStringLiteral(": "), 2);
    if (text.isEmpty())
        text = QStringLiteral("invalid YAML");
    return text;
}

// Everything outside the fast path's subset, and every syntax error, goes through yaml-cpp.
void parseWithYamlCpp(std::string_view text, YAML::EventHandler& handler) {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
    }
}

}  // namespace

YamlDocument::YamlDocument() : d(std::make_unique<Data>()) {}
YamlDocument::~YamlDocument() = default;
YamlDocument::YamlDocument(YamlDocument&&) noexcept = default;
YamlDocument& YamlDocument::operator=(YamlDocument&&) noexcept = default;

YamlDocument YamlDocument::load(const QByteArray& utf8, const QString& file,
                                const YamlLoadOptions& options) {
    YamlDocument doc;
    Data& d = *doc.d;
    d.file = file;
    if (utf8.size() > options.maxBytes) {
        d.diagnostics.push_back(tooLarge(doc, utf8.size(), options.maxBytes));
        return doc;
    }
    d.text = utf8;
    d.indexLines();

    if (const qsizetype bad = firstInvalidUtf8(utf8); bad >= 0) {
        d.diagnostics.push_back(doc.diagnosticAt(
            doc.markAt(bad), Severity::Error, QStringLiteral("yaml-invalid-utf8"),
            QStringLiteral("invalid UTF-8 byte 0x%1; the file must be UTF-8 encoded")
                .arg(uchar(utf8.at(bad)), 2, 16, QLatin1Char('0'))));
        return doc;
    }

    QList<Mark> tabs;
    if (!options.allowTabsInIndentation)
        tabs = findTabIndentation(utf8);
    for (const Mark& tab : tabs) {
        d.diagnostics.push_back(doc.diagnosticAt(
            doc.markAt(tab.offset), Severity::Error, QStringLiteral("yaml-tab-indent"),
            QStringLiteral("tab character in indentation; YAML indents with spaces only")));
    }

    TreeBuilder builder(d, options.maxExpandedNodes);
    try {
        const std::string_view text(utf8.constData(), size_t(utf8.size()));
        if (!options.fastPath || !BlockScanner::parse(text, builder))
            parseWithYamlCpp(text, builder);
    } catch (const StopParsing& stop) {
        d.roots.clear();
        d.diagnostics.push_back(
            doc.diagnosticAt(stop.mark, Severity::Error, stop.rule, stop.message));
    } catch (const YAML::DeepRecursion& e) {
        d.roots.clear();
        d.diagnostics.push_back(
            doc.diagnosticAt(toMark(e.mark), Severity::Error, QStringLiteral("yaml-too-deep"),
                             QStringLiteral("nesting is too deep; refusing to load")));
    } catch (const YAML::Exception& e) {
        d.roots.clear();
        const Mark at = toMark(e.mark);
        // A tab already reported on this line is the real cause; don't add a vaguer error.
        const bool explained =
            std::any_of(tabs.begin(), tabs.end(), [&](const Mark& t) { return t.line == at.line; });
        if (!explained) {
            d.diagnostics.push_back(doc.diagnosticAt(
                at, Severity::Error, QStringLiteral("yaml-syntax"), syntaxMessage(e.msg)));
        }
    } catch (const std::exception& e) {
        d.roots.clear();
        qCWarning(lcYaml) << "unexpected exception while parsing" << file << e.what();
        d.diagnostics.push_back(doc.diagnosticAt(Mark{}, Severity::Error,
                                                 QStringLiteral("yaml-syntax"),
                                                 QString::fromLocal8Bit(e.what())));
    }
    sortDiagnostics(d.diagnostics);
    return doc;
}

YamlDocument YamlDocument::loadFile(const QString& path, const YamlLoadOptions& options) {
    QFile f(path);
    const qint64 size = QFileInfo(path).size();
    YamlDocument doc;
    doc.d->file = path;
    // Checked before reading, so a huge file never reaches memory.
    if (size > options.maxBytes) {
        doc.d->diagnostics.push_back(tooLarge(doc, size, options.maxBytes));
        return doc;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        doc.d->diagnostics.push_back(
            doc.diagnosticAt(Mark{}, Severity::Error, QStringLiteral("io-error"),
                             QStringLiteral("cannot read file: %1").arg(f.errorString())));
        return doc;
    }
    return load(f.readAll(), path, options);
}

const QString& YamlDocument::file() const {
    return d->file;
}
const QByteArray& YamlDocument::text() const {
    return d->text;
}
YamlNode YamlDocument::root() const {
    return root(0);
}
int YamlDocument::documentCount() const {
    return int(d->roots.size());
}
YamlNode YamlDocument::root(int document) const {
    if (document < 0 || document >= int(d->roots.size()))
        return {};
    return YamlNode(this, d->roots[size_t(document)], false);
}
const Diagnostics& YamlDocument::diagnostics() const {
    return d->diagnostics;
}
bool YamlDocument::hasErrors() const {
    return pw::hasErrors(d->diagnostics);
}

int YamlDocument::lineCount() const {
    return int(d->lineStarts.size());
}

QByteArray YamlDocument::lineText(int line) const {
    if (line < 1 || line > int(d->lineStarts.size()))
        return {};
    const qsizetype start = d->lineStarts[size_t(line - 1)];
    qsizetype end =
        line < int(d->lineStarts.size()) ? d->lineStarts[size_t(line)] - 1 : d->text.size();
    if (end > start && d->text.at(end - 1) == '\r')
        --end;
    return d->text.mid(start, end - start);
}

Mark YamlDocument::markAt(qsizetype offset) const {
    if (offset < 0 || d->lineStarts.empty())
        return {};
    offset = std::min(offset, d->text.size());
    auto it = std::upper_bound(d->lineStarts.begin(), d->lineStarts.end(), offset);
    const int line = int(it - d->lineStarts.begin());
    return Mark{line, int(offset - d->lineStarts[size_t(line - 1)]) + 1, offset};
}

Diagnostic YamlDocument::diagnosticAt(const YamlNode& node, Severity severity, const QString& rule,
                                      const QString& message) const {
    return diagnosticAt(node.isValid() ? node.mark() : Mark{}, severity, rule, message);
}

Diagnostic YamlDocument::diagnosticAt(const Mark& mark, Severity severity, const QString& rule,
                                      const QString& message) const {
    Diagnostic diag;
    diag.severity = severity;
    diag.file = d->file;
    diag.line = mark.isValid() ? mark.line : 0;
    diag.column = mark.isValid() ? mark.column : 0;
    diag.rule = rule;
    diag.message = message;
    return diag;
}

// ---- YamlNode ---------------------------------------------------------------------------

namespace {
const NodeData* dataOf(const YamlDocument::Data& d, int index) {
    return d.node(index);
}
}  // namespace

NodeType YamlNode::type() const {
    if (!m_doc)
        return NodeType::Invalid;
    return dataOf(*m_doc->d, m_index)->type;
}

QString YamlNode::typeName() const {
    switch (type()) {
        case NodeType::Invalid:
            return QStringLiteral("nothing");
        case NodeType::Null:
            return QStringLiteral("null");
        case NodeType::Scalar:
            return QStringLiteral("string");
        case NodeType::Sequence:
            return QStringLiteral("sequence");
        case NodeType::Mapping:
            return QStringLiteral("mapping");
    }
    return {};
}

Mark YamlNode::mark() const {
    return m_doc ? dataOf(*m_doc->d, m_index)->mark : Mark{};
}
QString YamlNode::scalar() const {
    return m_doc ? dataOf(*m_doc->d, m_index)->value : QString();
}
ScalarStyle YamlNode::style() const {
    return m_doc ? dataOf(*m_doc->d, m_index)->style : ScalarStyle::Plain;
}
QString YamlNode::tag() const {
    return m_doc ? dataOf(*m_doc->d, m_index)->tag : QString();
}
bool YamlNode::isAlias() const {
    return m_alias;
}

int YamlNode::size() const {
    if (!m_doc)
        return 0;
    const NodeData* n = dataOf(*m_doc->d, m_index);
    if (n->type == NodeType::Sequence)
        return int(n->children.size());
    if (n->type == NodeType::Mapping)
        return int(n->children.size() / 2);
    return 0;
}

YamlNode YamlNode::item(int index) const {
    if (!isSequence() || index < 0 || index >= size())
        return {};
    const Child& c = dataOf(*m_doc->d, m_index)->children[size_t(index)];
    return YamlNode(m_doc, c.index, c.alias);
}

YamlNode YamlNode::keyAt(int index) const {
    if (!isMapping() || index < 0 || index >= size())
        return {};
    const Child& c = dataOf(*m_doc->d, m_index)->children[size_t(index) * 2];
    return YamlNode(m_doc, c.index, c.alias);
}

YamlNode YamlNode::valueAt(int index) const {
    if (!isMapping() || index < 0 || index >= size())
        return {};
    const auto& children = dataOf(*m_doc->d, m_index)->children;
    if (size_t(index) * 2 + 1 >= children.size())
        return {};
    const Child& c = children[size_t(index) * 2 + 1];
    return YamlNode(m_doc, c.index, c.alias);
}

namespace {
// Finds the entry index for `key` in `map` or, failing that, in its `<<` merges (bounded depth).
std::pair<YamlNode, YamlNode> findEntry(const YamlNode& map, QStringView key, int depth) {
    if (!map.isMapping() || depth > 16)
        return {};
    for (int i = map.size() - 1; i >= 0; --i) {
        const YamlNode k = map.keyAt(i);
        if ((k.isScalar() || k.isNull()) && k.scalar() == key &&
            !(k.isPlain() && key == QLatin1String("<<")))
            return {k, map.valueAt(i)};
    }
    for (int i = map.size() - 1; i >= 0; --i) {
        const YamlNode k = map.keyAt(i);
        if (!(k.isPlain() && k.scalar() == QLatin1String("<<")))
            continue;
        const YamlNode v = map.valueAt(i);
        if (v.isMapping()) {
            if (auto found = findEntry(v, key, depth + 1); found.first)
                return found;
        } else if (v.isSequence()) {
            for (int j = 0; j < v.size(); ++j)
                if (auto found = findEntry(v.item(j), key, depth + 1); found.first)
                    return found;
        }
    }
    return {};
}
}  // namespace

YamlNode YamlNode::get(QStringView key) const {
    return findEntry(*this, key, 0).second;
}
YamlNode YamlNode::keyNode(QStringView key) const {
    return findEntry(*this, key, 0).first;
}

}  // namespace pw
