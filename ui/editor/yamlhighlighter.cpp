#include "yamlhighlighter.h"

#include <QRegularExpression>
#include <QSet>

namespace pw {

namespace {

// Block state, packed into the int QSyntaxHighlighter keeps per line:
// bits 0-7 indent+1 of an open `commands:`/`finally:` list, bits 8-15 indent+1 of the line
// that opened a block scalar, bit 16 set when that block scalar holds shell commands.
struct LineState {
    int commandsIndent = -1;
    int blockIndent = -1;
    bool shellBlock = false;

    static LineState unpack(int state) {
        if (state < 0)
            return {};
        return {(state & 0xff) - 1, ((state >> 8) & 0xff) - 1, (state & 0x10000) != 0};
    }
    int pack() const {
        return qMin(commandsIndent + 1, 0xff) | (qMin(blockIndent + 1, 0xff) << 8) |
               (shellBlock ? 0x10000 : 0);
    }
};

int leadingSpaces(const QString& text) {
    int i = 0;
    while (i < text.size() && text.at(i) == u' ')
        ++i;
    return i;
}

bool isItemAt(const QString& text, int at) {
    return at < text.size() && text.at(at) == u'-' &&
           (at + 1 == text.size() || text.at(at + 1).isSpace());
}

bool isBlockIndicator(const QString& text, int at) {
    static const QRegularExpression re(QStringLiteral("\\G[|>][-+0-9]*\\s*(#.*)?$"));
    return re
        .match(text, at, QRegularExpression::NormalMatch,
               QRegularExpression::AnchorAtOffsetMatchOption)
        .hasMatch();
}

bool isNumberOrKeyword(const QString& word, bool* keyword) {
    static const QSet<QString> words = {QStringLiteral("true"), QStringLiteral("false"),
                                        QStringLiteral("yes"),  QStringLiteral("no"),
                                        QStringLiteral("on"),   QStringLiteral("off"),
                                        QStringLiteral("null"), QStringLiteral("~")};
    static const QRegularExpression number(QStringLiteral(
        "^[-+]?(0x[0-9a-fA-F]+|0o?[0-7]+|[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?|\\.[0-9]+|"
        "\\.inf|\\.nan)$"));
    *keyword = words.contains(word.toLower());
    return *keyword || number.match(word).hasMatch();
}

int quotedEnd(const QString& text, int from) {
    const QChar quote = text.at(from);
    for (int i = from + 1; i < text.size(); ++i) {
        if (quote == u'"' && text.at(i) == u'\\') {
            ++i;
        } else if (text.at(i) == quote) {
            if (quote == u'\'' && i + 1 < text.size() && text.at(i + 1) == u'\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return int(text.size());
}

// End of a `key:` starting at `from`, or -1 when the line holds no key there.
int keyColon(const QString& text, int from) {
    if (from >= text.size())
        return -1;
    int i = from;
    const QChar first = text.at(from);
    if (first == u'"' || first == u'\'') {
        i = quotedEnd(text, from);
    } else if (QStringLiteral("[{#&*!|>%@`").contains(first)) {
        return -1;
    }
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'#' && i > from && text.at(i - 1).isSpace())
            return -1;
        if (c == u':' && (i + 1 == text.size() || text.at(i + 1).isSpace()))
            return i;
    }
    return -1;
}

}  // namespace

YamlHighlighter::YamlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    setDarkScheme(false);
}

void YamlHighlighter::setDarkScheme(bool dark) {
    m_dark = dark;
    // Two hand-tuned palettes close to Breeze light/dark, readable on either base colour.
    const auto color = [dark](const char* light, const char* darkColor) {
        return QColor(QLatin1String(dark ? darkColor : light));
    };
    auto set = [this](Role role, const QColor& c, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(c);
        if (bold)
            f.setFontWeight(QFont::DemiBold);
        f.setFontItalic(italic);
        m_formats[int(role)] = f;
    };
    set(Role::Key, color("#1d5fa8", "#7cb7ff"), true);
    set(Role::String, color("#3b7a23", "#a5d67a"));
    set(Role::Number, color("#b0521e", "#f3a86a"));
    set(Role::Keyword, color("#8a2fa8", "#d59cf2"), true);
    set(Role::Comment, color("#7a7f85", "#8d939a"), false, true);
    set(Role::Anchor, color("#a11e6a", "#f08cc3"));
    set(Role::Tag, color("#0f7f7f", "#6fd5d5"));
    set(Role::Punctuation, color("#5c6370", "#a0a8b4"));
    set(Role::Block, color("#4d6b1f", "#b8d98c"));
    set(Role::ShellKeyword, color("#8a2fa8", "#d59cf2"), true);
    set(Role::ShellVariable, color("#b0521e", "#f3a86a"));
    set(Role::ShellString, color("#3b7a23", "#a5d67a"));
    set(Role::ShellOperator, color("#c0392b", "#ff8a80"), true);
    rehighlight();
}

void YamlHighlighter::setRole(int start, int length, Role role) {
    if (length > 0)
        setFormat(start, length, m_formats[int(role)]);
}

void YamlHighlighter::highlightComment(const QString& text, int from) {
    setRole(from, int(text.size()) - from, Role::Comment);
}

void YamlHighlighter::highlightBlock(const QString& text) {
    LineState state = LineState::unpack(previousBlockState());
    const int indent = leadingSpaces(text);
    const bool blank = text.trimmed().isEmpty();
    if (state.blockIndent >= 0) {
        if (blank || indent > state.blockIndent) {
            if (state.shellBlock)
                highlightShell(text, 0, int(text.size()));
            else
                setRole(0, int(text.size()), Role::Block);
            setCurrentBlockState(state.pack());
            return;
        }
        state.blockIndent = -1;
        state.shellBlock = false;
    }
    if (blank || text.at(indent) == u'#') {
        highlightComment(text, blank ? int(text.size()) : indent);
        setCurrentBlockState(state.pack());
        return;
    }
    if (state.commandsIndent >= 0) {
        const bool item = isItemAt(text, indent);
        if (indent > state.commandsIndent || (indent == state.commandsIndent && item)) {
            int from = indent;
            if (item) {
                setRole(indent, 1, Role::Punctuation);
                from = indent + 1 + leadingSpaces(text.mid(indent + 1));
            }
            if (isBlockIndicator(text, from)) {
                setRole(from, int(text.size()) - from, Role::Punctuation);
                state.blockIndent = indent;
                state.shellBlock = true;
            } else {
                highlightShell(text, from, int(text.size()));
            }
            setCurrentBlockState(state.pack());
            return;
        }
        state.commandsIndent = -1;
    }
    highlightPlainLine(text, indent, state.commandsIndent);
}

void YamlHighlighter::highlightPlainLine(const QString& text, int from, int commandsIndent) {
    LineState state;
    state.commandsIndent = commandsIndent;
    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setRole(0, 3, Role::Punctuation);
        highlightValue(text, 3, false);
        setCurrentBlockState(state.pack());
        return;
    }
    int at = from;
    while (isItemAt(text, at)) {
        setRole(at, 1, Role::Punctuation);
        at += 1 + leadingSpaces(text.mid(at + 1));
    }
    const int colon = keyColon(text, at);
    bool block = false;
    if (colon >= 0) {
        setRole(at, colon - at, Role::Key);
        setRole(colon, 1, Role::Punctuation);
        const QString key = text.mid(at, colon - at).trimmed();
        const int valueAt = colon + 1 + leadingSpaces(text.mid(colon + 1));
        const bool shellKey = key == QLatin1String("commands") || key == QLatin1String("finally");
        const bool empty = valueAt >= text.size() || text.at(valueAt) == u'#';
        if (shellKey && empty)
            state.commandsIndent = at;
        block = highlightValue(text, colon + 1, false) > 0;
        if (block) {
            state.blockIndent = from;
            state.shellBlock = shellKey;
        }
    } else {
        block = highlightValue(text, at, false) > 0;
        if (block)
            state.blockIndent = from;
    }
    setCurrentBlockState(state.pack());
}

int YamlHighlighter::highlightValue(const QString& text, int from, bool shell) {
    int i = from;
    int flowDepth = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'#' && (i == 0 || text.at(i - 1).isSpace())) {
            highlightComment(text, i);
            return 0;
        } else if (c == u'&' || c == u'*' || c == u'!') {
            int end = i + 1;
            while (end < text.size() && !text.at(end).isSpace() &&
                   !QStringLiteral(",[]{}").contains(text.at(end)))
                ++end;
            setRole(i, end - i, c == u'!' ? Role::Tag : Role::Anchor);
            i = end;
        } else if (c == u'"' || c == u'\'') {
            const int end = quotedEnd(text, i);
            setRole(i, end - i, shell ? Role::ShellString : Role::String);
            i = end;
        } else if ((c == u'|' || c == u'>') && flowDepth == 0 && isBlockIndicator(text, i)) {
            setRole(i, 1, Role::Punctuation);
            return 1;
        } else if (QStringLiteral("[]{},").contains(c)) {
            flowDepth += (c == u'[' || c == u'{') ? 1 : (c == u']' || c == u'}') ? -1 : 0;
            setRole(i, 1, Role::Punctuation);
            ++i;
        } else {
            int end = i;
            while (end < text.size() &&
                   !(flowDepth > 0 && QStringLiteral(",]}").contains(text.at(end))) &&
                   !(text.at(end) == u'#' && text.at(end - 1).isSpace()))
                ++end;
            const QString word = text.mid(i, end - i).trimmed();
            if (flowDepth > 0 && word.endsWith(u':')) {
                setRole(i, int(word.size()) - 1, Role::Key);
            } else {
                bool keyword = false;
                const bool special = isNumberOrKeyword(word, &keyword);
                setRole(i, int(word.size()),
                        special ? (keyword ? Role::Keyword : Role::Number) : Role::String);
            }
            i = end;
        }
    }
    return 0;
}

void YamlHighlighter::highlightShell(const QString& text, int from, int to) {
    static const QSet<QString> keywords = {
        QStringLiteral("if"),    QStringLiteral("then"),     QStringLiteral("else"),
        QStringLiteral("elif"),  QStringLiteral("fi"),       QStringLiteral("for"),
        QStringLiteral("while"), QStringLiteral("until"),    QStringLiteral("do"),
        QStringLiteral("done"),  QStringLiteral("case"),     QStringLiteral("esac"),
        QStringLiteral("in"),    QStringLiteral("function"), QStringLiteral("export"),
        QStringLiteral("set"),   QStringLiteral("exit"),     QStringLiteral("return"),
        QStringLiteral("cd"),    QStringLiteral("echo"),     QStringLiteral("source")};
    int i = from;
    while (i < to) {
        const QChar c = text.at(i);
        if (c == u'#' && (i == from || text.at(i - 1).isSpace())) {
            highlightComment(text, i);
            return;
        }
        if (c == u'$') {
            int end = i + 1;
            if (end < to && (text.at(end) == u'{' || text.at(end) == u'(')) {
                const QChar close = text.at(end) == u'{' ? u'}' : u')';
                while (end < to && text.at(end) != close)
                    ++end;
                end = qMin(end + 1, to);
            } else if (end < to && QStringLiteral("@#?$!*-0123456789").contains(text.at(end))) {
                ++end;
            } else {
                while (end < to && (text.at(end).isLetterOrNumber() || text.at(end) == u'_'))
                    ++end;
            }
            setRole(i, end - i, Role::ShellVariable);
            i = end;
        } else if (c == u'"' || c == u'\'') {
            const int end = qMin(quotedEnd(text, i), to);
            setRole(i, end - i, Role::ShellString);
            i = end;
        } else if (QStringLiteral("|&;<>").contains(c)) {
            int end = i + 1;
            while (end < to && QStringLiteral("|&;<>").contains(text.at(end)))
                ++end;
            setRole(i, end - i, Role::ShellOperator);
            i = end;
        } else if (c.isLetter() || c == u'_') {
            int end = i + 1;
            while (end < to && (text.at(end).isLetterOrNumber() || text.at(end) == u'_' ||
                                text.at(end) == u'-'))
                ++end;
            const bool wordStart = i == from || !text.at(i - 1).isLetterOrNumber();
            if (wordStart && keywords.contains(text.mid(i, end - i)))
                setRole(i, end - i, Role::ShellKeyword);
            i = end;
        } else {
            ++i;
        }
    }
}

}  // namespace pw
