#include "logview.h"

#include "ansiparser.h"
#include "store/logindex.h"
#include "uilog.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace pw {

namespace {

constexpr int kFoldArea = 16;
constexpr int kTextMargin = 6;
constexpr qint64 kMaxCopyLines = 1000000;
constexpr int kMaxZoom = 24;

QTextCharFormat charFormat(const AnsiStyle& s, const LogPalette& palette) {
    QTextCharFormat f;
    QColor fg = palette.color(s.foreground);
    QColor bg = palette.color(s.background);
    if (s.inverse) {
        std::swap(fg, bg);
        fg = fg.isValid() ? fg : palette.background;
        bg = bg.isValid() ? bg : palette.text;
    }
    if (fg.isValid())
        f.setForeground(fg);
    if (bg.isValid())
        f.setBackground(bg);
    if (s.bold)
        f.setFontWeight(QFont::Bold);
    if (s.italic)
        f.setFontItalic(true);
    if (s.underline)
        f.setFontUnderline(true);
    return f;
}

QTextLayout::FormatRange range(int start, int length, const QTextCharFormat& format) {
    QTextLayout::FormatRange r;
    r.start = start;
    r.length = length;
    r.format = format;
    return r;
}

}  // namespace

LogView::LogView(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_palette(LogPalette::matching(palette()))
    , m_baseFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    , m_font(m_baseFont)
    , m_timestampPattern(
          QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z? ")) {
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(1);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);
    updateFont();
}

LogView::~LogView() = default;

bool LogView::openFile(const QString& path, QString* error) {
    auto index = std::make_unique<LogIndex>();
    if (!index->open(path, error))
        return false;
    index->setPollInterval(100);
    setIndex(index.get());
    m_ownIndex = std::move(index);
    return true;
}

void LogView::setIndex(LogIndex* index) {
    if (m_index)
        disconnect(m_index, nullptr, this, nullptr);
    m_ownIndex.reset();
    m_index = index;
    m_currentLine = -1;
    m_anchor = m_cursor = {};
    m_maxWidth = 0;
    m_folding = {};
    if (m_index)
        connectIndex();
    onMarkersChanged();
}

void LogView::connectIndex() {
    connect(m_index, &LogIndex::linesAdded, this, &LogView::onLinesAdded);
    connect(m_index, &LogIndex::markersChanged, this, &LogView::onMarkersChanged);
    connect(m_index, &LogIndex::fileReset, this, [this] {
        m_currentLine = -1;
        m_anchor = m_cursor = {};
        onMarkersChanged();
    });
    connect(m_index, &LogIndex::searchProgress, this, &LogView::searchStatusChanged);
    connect(m_index, &LogIndex::searchFinished, this, [this] {
        emit searchStatusChanged();
        viewport()->update();
    });
    connect(m_index, &LogIndex::firstErrorFound, viewport(), qOverload<>(&QWidget::update));
}

void LogView::onLinesAdded() {
    // Sections still open grow with the log.
    m_folding.setMarkers(m_index->markers(), m_index->lineCount());
    updateScrollBars();
    viewport()->update();
}

void LogView::onMarkersChanged() {
    m_folding.setMarkers(m_index ? m_index->markers() : QList<LogMarker>(),
                         m_index ? m_index->lineCount() : 0);
    updateScrollBars();
    viewport()->update();
}

void LogView::setFollowing(bool follow) {
    setFollowingInternal(follow);
    updateScrollBars();
    viewport()->update();
}

void LogView::setFollowingInternal(bool follow) {
    if (m_following == follow)
        return;
    m_following = follow;
    emit followingChanged(follow);
}

// Scrolling up stops following; reaching the bottom again resumes it.
void LogView::onScrolled(int value) {
    if (!m_settingScroll)
        setFollowingInternal(value >= verticalScrollBar()->maximum());
    viewport()->update();
}

void LogView::updateScrollBars() {
    const qint64 rows = m_index ? m_folding.rowCount(m_index->lineCount()) : 0;
    const int perPage = rowsPerPage();
    QScopedValueRollback guard(m_settingScroll, true);
    QScrollBar* v = verticalScrollBar();
    // QScrollBar is int-based; 2^31 lines is far beyond any log we open.
    v->setRange(0, int(std::clamp<qint64>(rows - perPage, 0, INT_MAX)));
    v->setPageStep(perPage);
    if (m_following)
        v->setValue(v->maximum());
    const int textWidth = viewport()->width() - gutterWidth() - kTextMargin;
    horizontalScrollBar()->setRange(0, m_wrap ? 0 : std::max(0, m_maxWidth - textWidth + 20));
    horizontalScrollBar()->setPageStep(std::max(1, textWidth));
}

void LogView::setTimestampsVisible(bool visible) {
    m_timestamps = visible;
    m_maxWidth = 0;
    viewport()->update();
}

void LogView::setTimestampPattern(const QRegularExpression& pattern) {
    m_timestampPattern = pattern;
    viewport()->update();
}

void LogView::setWrap(bool wrap) {
    m_wrap = wrap;
    updateScrollBars();
    viewport()->update();
}

void LogView::zoomIn() {
    m_zoom = std::min(m_zoom + 1, kMaxZoom);
    updateFont();
}

void LogView::zoomOut() {
    const qreal base = m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : 10;
    m_zoom = std::max(m_zoom - 1, int(4 - base));
    updateFont();
}

void LogView::resetZoom() {
    m_zoom = 0;
    updateFont();
}

void LogView::updateFont() {
    m_font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        m_font.setPointSizeF(m_baseFont.pointSizeF() + m_zoom);
    else
        m_font.setPixelSize(std::max(6, m_baseFont.pixelSize() + m_zoom));
    m_maxWidth = 0;
    updateScrollBars();
    viewport()->update();
}

void LogView::setLogPalette(const LogPalette& palette) {
    m_palette = palette;
    m_customPalette = true;
    viewport()->update();
}

int LogView::lineSpacing() const {
    return std::max(1, QFontMetrics(m_font).lineSpacing());
}

int LogView::rowsPerPage() const {
    return std::max(1, viewport()->height() / lineSpacing());
}

int LogView::gutterWidth() const {
    const qint64 lines = m_index ? std::max<qint64>(m_index->lineCount(), 999) : 999;
    const int digits = int(QString::number(lines).size());
    return kFoldArea + QFontMetrics(m_font).horizontalAdvance(QLatin1Char('9')) * digits + 8;
}

int LogView::timestampLength(const QString& text) const {
    const QRegularExpressionMatch m = m_timestampPattern.match(
        text, 0, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    return m.hasMatch() ? int(m.capturedLength()) : 0;
}

QString LogView::displayText(qint64 line) const {
    if (!m_index)
        return {};
    QString text = QString::fromUtf8(m_index->line(line));
    if (!m_timestamps)
        text.remove(0, timestampLength(text));
    return parseAnsi(text).text;
}

// ----- search, errors, sections

void LogView::setSearch(const LogSearchQuery& query) {
    m_highlight = query.text.isEmpty() ? QRegularExpression() : LogIndex::compile(query);
    m_currentLine = -1;
    if (m_index)
        m_index->startSearch(query);
    emit searchStatusChanged();
    viewport()->update();
}

bool LogView::findNext() {
    if (!m_index || m_index->searchResult().lines.empty())
        return false;
    const auto& lines = m_index->searchResult().lines;
    const qint64 pivot = m_currentLine >= 0 ? m_currentLine : firstVisibleLine() - 1;
    auto it = std::upper_bound(lines.begin(), lines.end(), pivot);
    goToLine(it == lines.end() ? lines.front() : *it);
    return true;
}

bool LogView::findPrevious() {
    if (!m_index || m_index->searchResult().lines.empty())
        return false;
    const auto& lines = m_index->searchResult().lines;
    const qint64 pivot = m_currentLine >= 0 ? m_currentLine : lastVisibleLine() + 1;
    auto it = std::lower_bound(lines.begin(), lines.end(), pivot);
    goToLine(it == lines.begin() ? lines.back() : *std::prev(it));
    return true;
}

qint64 LogView::currentMatchNumber() const {
    if (!m_index || m_currentLine < 0)
        return 0;
    const auto& lines = m_index->searchResult().lines;
    auto it = std::lower_bound(lines.begin(), lines.end(), m_currentLine);
    return it != lines.end() && *it == m_currentLine ? (it - lines.begin()) + 1 : 0;
}

bool LogView::jumpToFirstError() {
    const qint64 line = m_index ? m_index->firstErrorLine() : -1;
    if (line < 0)
        return false;
    goToLine(line);
    return true;
}

void LogView::goToLine(qint64 line) {
    m_currentLine = line;
    if (m_folding.reveal(line))
        updateScrollBars();
    scrollToLine(line);
    emit searchStatusChanged();
}

void LogView::scrollToLine(qint64 line) {
    setFollowingInternal(false);
    updateScrollBars();
    const qint64 row = m_folding.rowForLine(line) - rowsPerPage() / 2;
    QScopedValueRollback guard(m_settingScroll, true);
    verticalScrollBar()->setValue(int(std::clamp<qint64>(row, 0, INT_MAX)));
    viewport()->update();
}

qint64 LogView::firstVisibleLine() const {
    if (!m_visible.empty())
        return m_visible.front().line;
    return m_folding.lineForRow(verticalScrollBar()->value());
}

qint64 LogView::lastVisibleLine() const {
    for (auto it = m_visible.rbegin(); it != m_visible.rend(); ++it)
        if (it->top + it->height <= viewport()->height())
            return it->line;
    return firstVisibleLine();
}

void LogView::toggleSection(qint64 header) {
    m_folding.setCollapsed(header, !m_folding.isCollapsed(header));
    updateScrollBars();
    viewport()->update();
}

void LogView::collapseAll() {
    m_folding.collapseAll();
    updateScrollBars();
    viewport()->update();
}

void LogView::expandAll() {
    m_folding.expandAll();
    updateScrollBars();
    viewport()->update();
}

// ----- layout and painting

void LogView::layoutVisible() {
    m_visible.clear();
    if (!m_index)
        return;
    const qint64 rows = m_folding.rowCount(m_index->lineCount());
    const int height = viewport()->height();
    if (m_following) {
        // Anchor the last line at the bottom, whatever wrapping does to the lines above it.
        int bottom = height;
        for (qint64 row = rows - 1; row >= 0 && bottom > 0; --row) {
            VisibleLine v = layoutLine(m_folding.lineForRow(row), 0);
            bottom -= v.height;
            v.top = bottom;
            m_visible.push_back(std::move(v));
        }
        std::reverse(m_visible.begin(), m_visible.end());
        if (!m_visible.empty() && m_visible.front().top > 0) {
            const int shift = m_visible.front().top;  // short log: start at the top
            for (VisibleLine& v : m_visible)
                v.top -= shift;
        }
        return;
    }
    int top = 0;
    for (qint64 row = verticalScrollBar()->value(); row < rows && top < height; ++row) {
        m_visible.push_back(layoutLine(m_folding.lineForRow(row), top));
        top += m_visible.back().height;
    }
}

LogView::VisibleLine LogView::layoutLine(qint64 line, int top) const {
    QString raw = QString::fromUtf8(m_index->line(line));
    const int stamp = timestampLength(raw);
    if (!m_timestamps)
        raw.remove(0, stamp);
    const AnsiLine text = parseAnsi(raw);
    VisibleLine v;
    v.line = line;
    v.top = top;
    v.error = m_index->errorRegex().match(text.text).hasMatch();
    v.layout = std::make_shared<QTextLayout>(text.text, m_font);
    v.layout->setFormats(formatsFor(line, text, m_timestamps ? stamp : 0));
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    v.layout->setTextOption(option);
    const int width = viewport()->width() - gutterWidth() - 2 * kTextMargin;
    const int spacing = lineSpacing();
    int y = 0;
    v.layout->beginLayout();
    for (QTextLine l = v.layout->createLine(); l.isValid(); l = v.layout->createLine()) {
        l.setLineWidth(m_wrap ? std::max(width, 20) : 1e7);
        l.setPosition(QPointF(0, y));
        y += spacing;
        if (!m_wrap)
            m_maxWidth = std::max(m_maxWidth, int(l.naturalTextWidth()));
    }
    v.layout->endLayout();
    v.height = std::max(y, spacing);
    return v;
}

QList<QTextLayout::FormatRange> LogView::formatsFor(qint64 line, const AnsiLine& text,
                                                    int timestampLength) const {
    QList<QTextLayout::FormatRange> formats;
    if (timestampLength > 0) {
        QTextCharFormat dim;
        dim.setForeground(m_palette.dimText);
        formats << range(0, timestampLength, dim);
    }
    for (const AnsiSpan& s : text.spans)
        formats << range(s.start, s.length, charFormat(s.style, m_palette));
    if (const LogSection* section = m_folding.sectionAt(line)) {
        QTextCharFormat header;
        header.setFontWeight(QFont::Bold);
        if (section->level == 0)
            header.setForeground(m_palette.sectionText);
        formats << range(timestampLength, int(text.text.size()) - timestampLength, header);
    }
    if (m_highlight.isValid() && !m_highlight.pattern().isEmpty()) {
        QTextCharFormat match;
        match.setBackground(line == m_currentLine ? m_palette.currentMatchBackground
                                                  : m_palette.matchBackground);
        match.setForeground(m_palette.isDark ? QColor(Qt::white) : QColor(Qt::black));
        for (auto it = m_highlight.globalMatch(text.text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength() > 0)
                formats << range(int(m.capturedStart()), int(m.capturedLength()), match);
        }
    }
    return formats;
}

void LogView::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), m_palette.background);
    layoutVisible();
    p.fillRect(QRect(0, 0, gutterWidth(), viewport()->height()), m_palette.gutter);
    p.setFont(m_font);
    for (const VisibleLine& v : m_visible) {
        paintLine(p, v);
        paintGutter(p, v);
    }
    if (!m_wrap)
        updateScrollBars();  // the widest line seen so far sets the horizontal range
}

void LogView::paintLine(QPainter& p, const VisibleLine& v) const {
    const int gutter = gutterWidth();
    const QRect row(gutter, v.top, viewport()->width() - gutter, v.height);
    const LogSection* section = m_folding.sectionAt(v.line);
    if (v.error)
        p.fillRect(row, m_palette.errorBackground);
    else if (section && section->level == 0)
        p.fillRect(row, m_palette.sectionBackground);
    if (v.line == m_currentLine)
        p.fillRect(row, m_palette.currentLineBackground);
    p.save();
    p.setClipRect(row);
    p.setPen(m_palette.text);
    const int x = gutter + kTextMargin - (m_wrap ? 0 : horizontalScrollBar()->value());
    v.layout->draw(&p, QPointF(x, v.top), selectionFor(v));
    if (const qint64 hidden = m_folding.hiddenAfter(v.line)) {
        const qreal end = v.layout->lineAt(v.layout->lineCount() - 1).naturalTextWidth();
        p.setPen(m_palette.dimText);
        p.drawText(QPointF(x + end + 12, v.top + QFontMetrics(m_font).ascent()),
                   hidden == 1 ? tr("⋯ 1 line folded") : tr("⋯ %1 lines folded").arg(hidden));
    }
    p.restore();
}

void LogView::paintGutter(QPainter& p, const VisibleLine& v) const {
    const int gutter = gutterWidth();
    const int spacing = lineSpacing();
    p.setPen(v.error ? m_palette.errorMarker : m_palette.gutterText);
    p.drawText(QRect(kFoldArea, v.top, gutter - kFoldArea - 6, spacing),
               Qt::AlignRight | Qt::AlignVCenter, QString::number(v.line + 1));
    if (v.error)
        p.fillRect(QRect(0, v.top, 3, v.height), m_palette.errorMarker);
    if (!m_folding.sectionAt(v.line))
        return;
    // A triangle: pointing right when folded, down when open.
    const qreal cx = kFoldArea / 2.0 + 1, cy = v.top + spacing / 2.0, r = spacing / 4.0;
    const bool folded = m_folding.isCollapsed(v.line);
    const QPolygonF shape = folded
                                ? QPolygonF({QPointF(cx - r / 1.5, cy - r),
                                             QPointF(cx - r / 1.5, cy + r), QPointF(cx + r, cy)})
                                : QPolygonF({QPointF(cx - r, cy - r / 1.5),
                                             QPointF(cx + r, cy - r / 1.5), QPointF(cx, cy + r)});
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(m_palette.sectionText);
    p.drawPolygon(shape);
    p.restore();
}

void LogView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LogView::scrollContentsBy(int, int) {
    viewport()->update();
}

// ----- selection and clipboard

QList<QTextLayout::FormatRange> LogView::selectionFor(const VisibleLine& v) const {
    TextPos a = std::min(m_anchor, m_cursor), b = std::max(m_anchor, m_cursor);
    if (a.line < 0 || a == b || v.line < a.line || v.line > b.line)
        return {};
    const int length = int(v.layout->text().size());
    const int from = v.line == a.line ? a.column : 0;
    const int to = v.line == b.line ? b.column : length;
    QTextCharFormat f;
    f.setBackground(m_palette.selection);
    return {range(from, std::max(0, to - from), f)};
}

void LogView::setSelection(TextPos anchor, TextPos cursor) {
    m_anchor = anchor;
    m_cursor = cursor;
    viewport()->update();
}

QString LogView::selectedText() const {
    const TextPos a = std::min(m_anchor, m_cursor), b = std::max(m_anchor, m_cursor);
    if (a.line < 0 || a == b)
        return {};
    if (b.line - a.line > kMaxCopyLines)
        qCWarning(lcUi) << "copying only the first" << kMaxCopyLines << "selected lines";
    QStringList out;
    const qint64 last = std::min(b.line, a.line + kMaxCopyLines);
    for (qint64 line = a.line; line <= last; ++line) {
        const QString text = displayText(line);
        const int from = line == a.line ? a.column : 0;
        const int to = line == b.line ? b.column : int(text.size());
        out << text.mid(from, std::max(0, to - from));
    }
    return out.join(QLatin1Char('\n'));
}

void LogView::copy() const {
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

// Saves the log as stored (raw bytes, colours included) off the GUI thread.
QFuture<bool> LogView::saveTo(const QString& path) const {
    const QString source = m_index ? m_index->path() : QString();
    return QtConcurrent::run([source, path] {
        QFile in(source);
        QSaveFile out(path);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return false;
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(4 << 20);
            if (chunk.isEmpty() || out.write(chunk) != chunk.size())
                return false;
        }
        return out.commit();
    });
}

LogView::TextPos LogView::hitTest(const QPoint& pos) const {
    if (m_visible.empty())
        return {};
    const int x =
        pos.x() - gutterWidth() - kTextMargin + (m_wrap ? 0 : horizontalScrollBar()->value());
    for (const VisibleLine& v : m_visible) {
        if (pos.y() >= v.top + v.height && &v != &m_visible.back())
            continue;
        for (int i = 0; i < v.layout->lineCount(); ++i) {
            const QTextLine l = v.layout->lineAt(i);
            if (pos.y() < v.top + l.y() + l.height() || i == v.layout->lineCount() - 1)
                return {v.line, l.xToCursor(std::max(0, x))};
        }
    }
    return {};
}

// ----- input

void LogView::keyPressEvent(QKeyEvent* event) {
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || (ctrl && event->key() == Qt::Key_Equal))
        zoomIn();
    else if (event->matches(QKeySequence::ZoomOut))
        zoomOut();
    else if (ctrl && event->key() == Qt::Key_0)
        resetZoom();
    else if (event->matches(QKeySequence::Copy))
        copy();
    else if (event->matches(QKeySequence::Find))
        emit findRequested();
    else if (event->matches(QKeySequence::FindNext))
        findNext();
    else if (event->matches(QKeySequence::FindPrevious))
        findPrevious();
    else if (event->key() == Qt::Key_End && ctrl)
        setFollowing(true);
    else if (event->key() == Qt::Key_Home && ctrl)
        verticalScrollBar()->setValue(0);
    else
        QAbstractScrollArea::keyPressEvent(event);
}

void LogView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void LogView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return;
    const TextPos pos = hitTest(event->position().toPoint());
    if (event->position().x() < kFoldArea && m_folding.sectionAt(pos.line)) {
        toggleSection(pos.line);
        return;
    }
    if (!(event->modifiers() & Qt::ShiftModifier))
        m_anchor = pos;
    m_cursor = pos;
    m_selecting = true;
    viewport()->update();
}

void LogView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_selecting)
        return;
    m_cursor = hitTest(event->position().toPoint());
    viewport()->update();
}

void LogView::mouseReleaseEvent(QMouseEvent*) {
    m_selecting = false;
    if (QClipboard* c = QApplication::clipboard(); c->supportsSelection())
        c->setText(selectedText(), QClipboard::Selection);
}

void LogView::mouseDoubleClickEvent(QMouseEvent* event) {
    const TextPos pos = hitTest(event->position().toPoint());
    if (m_folding.sectionAt(pos.line)) {
        toggleSection(pos.line);
        return;
    }
    // Select the whole line: the unit people copy out of build logs.
    setSelection({pos.line, 0}, {pos.line, int(displayText(pos.line).size())});
}

void LogView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && !m_customPalette)
        m_palette = LogPalette::matching(palette());
    QAbstractScrollArea::changeEvent(event);
}

}  // namespace pw
