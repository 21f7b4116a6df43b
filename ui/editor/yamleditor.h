#pragma once

#include "spec/speckind.h"
#include "yaml/diagnostic.h"

#include <QPlainTextEdit>
#include <QTextCursor>

class QCompleter;
class QSyntaxHighlighter;
class QStringListModel;

namespace pw {

class LineNumberArea;
class YamlHighlighter;

// The source editor for spec files: line numbers, current line, indentation guides, bracket
// matching, spaces-only indentation, live diagnostics with quick fixes, schema completion.
class YamlEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit YamlEditor(QWidget* parent = nullptr);
    ~YamlEditor() override;

    void setSpecKind(SpecKind kind) { m_kind = kind; }
    SpecKind specKind() const { return m_kind; }

    void setDiagnostics(const Diagnostics& diagnostics);
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    // Index into diagnostics() of the problem covering `position`, or -1.
    int diagnosticAt(int position) const;
    // Document range [start, end) a diagnostic underlines, tracking edits made since.
    QPair<int, int> diagnosticRange(int index) const;

    bool goToLine(int line, int byteColumn = 0);
    bool nextProblem();
    bool previousProblem();
    void toggleComment();
    bool applyFix(const Fix& fix);
    QList<Fix> fixesAtCursor() const;
    QStringList completionsAtCursor(QString* prefix = nullptr) const;
    void complete();
    QString helpAt(int position) const;
    int matchingBracket(int position) const;

    // For the gutter.
    int lineNumberAreaWidth() const;
    void paintLineNumberArea(QPaintEvent* event);
    void selectLineAt(int y);
    // Palette-dependent colours; re-read when the palette changes.
    bool isDarkScheme() const;
    YamlHighlighter* highlighter() const { return m_highlighter; }
    // False when KSyntaxHighlighting colours the text (builds with PIPEWRIGHT_HAVE_KSYNTAX).
    bool usesBuiltInHighlighter() const { return m_external == nullptr; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void insertFromMimeData(const QMimeData* source) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    void updateExtraSelections();
    void applyPaletteScheme();
    void paintIndentGuides();
    bool handleIndentKeys(QKeyEvent* event);
    void insertNewlineWithIndent();
    void indentSelection(bool dedent);
    void insertCompletion(const QString& completion);
    void maybeShowCompletion(const QString& typed);
    QStringList keyPathAt(const QTextBlock& block, int column) const;
    bool jumpToProblem(bool forward);

    LineNumberArea* m_gutter;
    YamlHighlighter* m_highlighter;
    QSyntaxHighlighter* m_external = nullptr;  // KSyntaxHighlighting, when built with it
    QCompleter* m_completer;
    QStringListModel* m_completionModel;
    SpecKind m_kind = SpecKind::Unknown;
    Diagnostics m_diagnostics;
    QList<QTextCursor> m_ranges;  // one per diagnostic; QTextCursor follows later edits
};

}  // namespace pw
