#include "logfolding.h"

#include "store/logindex.h"

#include <algorithm>

namespace pw {

namespace {

// A command ends at the next command or at its phase's end; a phase ends at its "Phase complete"
// line, which stays visible when the phase is folded because it carries the phase's status.
void closeOpen(QList<LogSection>& out, int& openPhase, int& openCommand, qint64 end, bool phase) {
    if (openCommand >= 0) {
        out[openCommand].end = end;
        openCommand = -1;
    }
    if (phase && openPhase >= 0) {
        out[openPhase].end = end;
        openPhase = -1;
    }
}

}  // namespace

void LogFolding::setMarkers(const QList<LogMarker>& markers, qint64 lineCount) {
    m_sections.clear();
    m_lineCount = lineCount;
    int openPhase = -1, openCommand = -1;
    for (const LogMarker& m : markers) {
        switch (m.kind) {
            case LogMarkerKind::PhaseStart:
                closeOpen(m_sections, openPhase, openCommand, m.line, true);
                openPhase = int(m_sections.size());
                m_sections.append({m.line, lineCount, 0, m.title});
                break;
            case LogMarkerKind::CommandStart:
                closeOpen(m_sections, openPhase, openCommand, m.line, false);
                openCommand = int(m_sections.size());
                m_sections.append({m.line, lineCount, 1, m.title});
                break;
            case LogMarkerKind::PhaseEnd:
                closeOpen(m_sections, openPhase, openCommand, m.line, true);
                break;
        }
    }
    rebuildHidden();
}

const LogSection* LogFolding::sectionAt(qint64 header) const {
    for (const LogSection& s : m_sections)
        if (s.header == header)
            return &s;
    return nullptr;
}

void LogFolding::setCollapsed(qint64 header, bool collapsed) {
    if (collapsed && sectionAt(header))
        m_collapsed.insert(header);
    else
        m_collapsed.remove(header);
    rebuildHidden();
}

void LogFolding::collapseAll() {
    for (const LogSection& s : m_sections)
        m_collapsed.insert(s.header);
    rebuildHidden();
}

void LogFolding::expandAll() {
    m_collapsed.clear();
    rebuildHidden();
}

bool LogFolding::reveal(qint64 line) {
    bool changed = false;
    for (const LogSection& s : m_sections)
        if (line > s.header && line < s.end && m_collapsed.remove(s.header))
            changed = true;
    if (changed)
        rebuildHidden();
    return changed;
}

qint64 LogFolding::hiddenAfter(qint64 header) const {
    const LogSection* s = sectionAt(header);
    return s && isCollapsed(header) ? s->end - s->header - 1 : 0;
}

void LogFolding::rebuildHidden() {
    std::vector<std::pair<qint64, qint64>> ranges;
    for (const LogSection& s : m_sections)
        if (m_collapsed.contains(s.header) && s.end > s.header + 1)
            ranges.emplace_back(s.header + 1, s.end);
    std::sort(ranges.begin(), ranges.end());
    m_hidden.clear();
    for (const auto& r : ranges) {
        if (!m_hidden.empty() && r.first <= m_hidden.back().second)
            m_hidden.back().second = std::max(m_hidden.back().second, r.second);
        else
            m_hidden.push_back(r);
    }
}

qint64 LogFolding::rowCount(qint64 lineCount) const {
    qint64 rows = lineCount;
    for (const auto& [begin, end] : m_hidden)
        rows -= std::max<qint64>(0, std::min(end, lineCount) - begin);
    return std::max<qint64>(rows, 0);
}

qint64 LogFolding::lineForRow(qint64 row) const {
    qint64 line = row;
    for (const auto& [begin, end] : m_hidden) {
        if (begin > line)
            break;
        line += end - begin;
    }
    return line;
}

qint64 LogFolding::rowForLine(qint64 line) const {
    qint64 row = line;
    for (const auto& [begin, end] : m_hidden) {
        if (begin > line)
            break;
        if (line < end)
            return row - (line - begin) - 1;
        row -= end - begin;
    }
    return row;
}

}  // namespace pw
