#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace pw {

// A CodeBuild path glob (buildspec.md §4.1, §4.3), matched against '/'-separated paths
// relative to a root. Policy: `*` and `?` never cross '/', a segment that is exactly `**`
// matches zero or more whole directories, `**` inside a segment matches any characters
// across directories, `[abc]` is a character class, and dotfiles match like other names.
class GlobPattern {
public:
    GlobPattern() = default;
    explicit GlobPattern(const QString& pattern);

    bool isValid() const { return m_regex.isValid() && !m_pattern.isEmpty(); }
    const QString& pattern() const { return m_pattern; }
    bool matches(QStringView relativePath) const;

    // Leading segments free of wildcards, e.g. "dir/sub" for "dir/sub/**/*.jar": the only
    // directory a walk has to enter.
    QString literalPrefix() const { return m_literalPrefix; }
    // Number of path segments a match has, or -1 when `**` makes it unbounded.
    int fixedDepth() const { return m_fixedDepth; }
    bool hasWildcards() const;

    // "./a//b/" -> "a/b"; keeps ".." so that callers can reject paths leaving the root.
    static QString normalize(const QString& pattern);
    // True when a '/'-separated relative path steps out of its root through "..".
    static bool escapesRoot(QStringView relativePath);

private:
    QString m_pattern;
    QString m_literalPrefix;
    int m_fixedDepth = -1;
    QRegularExpression m_regex;
};

// Matches when any of the patterns matches.
class GlobSet {
public:
    GlobSet() = default;
    explicit GlobSet(const QStringList& patterns);
    bool isEmpty() const { return m_globs.isEmpty(); }
    bool matches(QStringView relativePath) const;
    const QList<GlobPattern>& globs() const { return m_globs; }

private:
    QList<GlobPattern> m_globs;
};

}  // namespace pw
