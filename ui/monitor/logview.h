#pragma once

#include "logfolding.h"
#include "logpalette.h"

#include <QAbstractScrollArea>
#include <QFont>
#include <QFuture>
#include <QRegularExpression>
#include <QTextLayout>

#include <memory>
#include <vector>

namespace pw {

class LogIndex;
struct AnsiLine;
struct LogSearchQuery;

// A build log of any size: only the lines on screen are read (through LogIndex) and laid out.
// Follows the tail until the user scrolls up and again once they are back at the bottom.
class LogView : public QAbstractScrollArea {
    Q_OBJECT
public:
    struct TextPos {
        qint64 line = -1;
        int column = 0;
        auto operator<=>(const TextPos&) const = default;
    };

    explicit LogView(QWidget* parent = nullptr);
    ~LogView() override;

    // Opens `path` with an index of the view's own that polls the file for growth.
    bool openFile(const QString& path, QString* error = nullptr);
    // Shows an index owned elsewhere (e.g. the run tab's, fed by the engine).
    void setIndex(LogIndex* index);
    LogIndex* index() const { return m_index; }

    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);
    bool timestampsVisible() const { return m_timestamps; }
    void setTimestampsVisible(bool visible);
    // The prefix the timestamps toggle hides; the store writes ISO 8601 UTC and a space.
    void setTimestampPattern(const QRegularExpression& pattern);
    bool wraps() const { return m_wrap; }
    void setWrap(bool wrap);
    int zoom() const { return m_zoom; }
    void zoomIn();
    void zoomOut();
    void resetZoom();
    const QFont& logFont() const { return m_font; }
    void setLogPalette(const LogPalette& palette);
    const LogPalette& logPalette() const { return m_palette; }

    void setSearch(const LogSearchQuery& query);
    bool findNext();
    bool findPrevious();
    qint64 currentLine() const { return m_currentLine; }
    // 1-based position of the current line among the matching lines, 0 when there is none.
    qint64 currentMatchNumber() const;
    bool jumpToFirstError();
    void scrollToLine(qint64 line);
    qint64 firstVisibleLine() const;
    qint64 lastVisibleLine() const;

    LogFolding& folding() { return m_folding; }
    void toggleSection(qint64 header);
    void collapseAll();
    void expandAll();

    // The line as shown: escape sequences removed, timestamp removed when hidden.
    QString displayText(qint64 line) const;
    void setSelection(TextPos anchor, TextPos cursor);
    QString selectedText() const;
    void copy() const;
    QFuture<bool> saveTo(const QString& path) const;

signals:
    void followingChanged(bool following);
    void searchStatusChanged();
    void findRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct VisibleLine {
        qint64 line = 0;
        int top = 0;
        int height = 0;
        bool error = false;
        std::shared_ptr<QTextLayout> layout;
    };

    void connectIndex();
    void onLinesAdded();
    void onMarkersChanged();
    void onScrolled(int value);
    void setFollowingInternal(bool follow);
    void updateScrollBars();
    void updateFont();
    void goToLine(qint64 line);
    void layoutVisible();
    VisibleLine layoutLine(qint64 line, int top) const;
    QList<QTextLayout::FormatRange> formatsFor(qint64 line, const AnsiLine& text,
                                               int timestampLength) const;
    void paintLine(QPainter& p, const VisibleLine& v) const;
    void paintGutter(QPainter& p, const VisibleLine& v) const;
    int gutterWidth() const;
    int lineSpacing() const;
    int rowsPerPage() const;
    int timestampLength(const QString& text) const;
    TextPos hitTest(const QPoint& pos) const;
    QList<QTextLayout::FormatRange> selectionFor(const VisibleLine& v) const;

    LogIndex* m_index = nullptr;
    std::unique_ptr<LogIndex> m_ownIndex;
    LogFolding m_folding;
    LogPalette m_palette;
    QFont m_baseFont;
    QFont m_font;
    QRegularExpression m_timestampPattern;
    QRegularExpression m_highlight;
    std::vector<VisibleLine> m_visible;
    TextPos m_anchor;
    TextPos m_cursor;
    qint64 m_currentLine = -1;
    int m_zoom = 0;
    mutable int m_maxWidth = 0;  // widest line laid out so far: the horizontal range
    bool m_following = true;
    bool m_timestamps = true;
    bool m_wrap = false;
    bool m_settingScroll = false;
    bool m_selecting = false;
    bool m_customPalette = false;
};

}  // namespace pw
