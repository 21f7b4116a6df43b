#pragma once

#include <QList>
#include <QSet>
#include <QString>

#include <utility>
#include <vector>

namespace pw {

struct LogMarker;

// A foldable part of the log: a phase, or a command inside one. The header line stays visible.
struct LogSection {
    qint64 header = 0;
    qint64 end = 0;  // first line after the section's body
    int level = 0;   // 0 phase, 1 command
    QString title;
};

// Turns the index's marker lines into sections and maps display rows to log lines with the
// collapsed sections' bodies left out. Sections are few (phases and commands), so the mapping
// walks the hidden ranges instead of keeping a per-line table.
class LogFolding {
public:
    void setMarkers(const QList<LogMarker>& markers, qint64 lineCount);
    const QList<LogSection>& sections() const { return m_sections; }
    const LogSection* sectionAt(qint64 header) const;

    bool isCollapsed(qint64 header) const { return m_collapsed.contains(header); }
    void setCollapsed(qint64 header, bool collapsed);
    void collapseAll();
    void expandAll();
    // Expands whatever hides `line`; returns whether anything changed.
    bool reveal(qint64 line);
    qint64 hiddenAfter(qint64 header) const;

    qint64 rowCount(qint64 lineCount) const;
    qint64 lineForRow(qint64 row) const;
    // The row showing `line`, or its visible header's row when the line is folded away.
    qint64 rowForLine(qint64 line) const;

private:
    void rebuildHidden();

    QList<LogSection> m_sections;
    QSet<qint64> m_collapsed;
    std::vector<std::pair<qint64, qint64>> m_hidden;  // [begin, end), sorted, disjoint
    qint64 m_lineCount = 0;
};

}  // namespace pw
