#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pw {

// The built-in YAML highlighter, used when KSyntaxHighlighting is not available. It knows the
// shapes spec files use: keys, scalars, numbers and booleans, comments, anchors and aliases,
// tags, block scalars, and shell syntax inside `commands:` and `finally:` lists.
class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Role {
        Key,
        String,
        Number,
        Keyword,
        Comment,
        Anchor,
        Tag,
        Punctuation,
        Block,
        ShellKeyword,
        ShellVariable,
        ShellString,
        ShellOperator,
        Count
    };

    explicit YamlHighlighter(QTextDocument* document);

    // Colours follow the palette: a dark base gets the dark scheme.
    void setDarkScheme(bool dark);
    bool isDarkScheme() const { return m_dark; }
    QTextCharFormat format(Role role) const { return m_formats[int(role)]; }

protected:
    void highlightBlock(const QString& text) override;

private:
    void highlightPlainLine(const QString& text, int from, int commandsIndent);
    int highlightValue(const QString& text, int from, bool shell);
    void highlightShell(const QString& text, int from, int to);
    void highlightComment(const QString& text, int from);
    void setRole(int start, int length, Role role);

    bool m_dark = false;
    QTextCharFormat m_formats[int(Role::Count)];
};

}  // namespace pw
