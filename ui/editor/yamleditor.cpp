#include "yamleditor.h"

#include "completionschema.h"
#include "linenumberarea.h"
#include "spec/rules.h"
#include "textposition.h"
#include "yamlhighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

#ifdef PIPEWRIGHT_HAVE_KSYNTAX
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace pw {

namespace {

constexpr int kIndentWidth = 2;

int leadingSpaces(const QString& text) {
    int i = 0;
    while (i < text.size() && text.at(i) == u' ')
        ++i;
    return i;
}

// Column where a line's key starts, after any "- " sequence markers.
int contentColumn(const QString& text) {
    int at = leadingSpaces(text);
    while (at < text.size() && text.at(at) == u'-' &&
           (at + 1 == text.size() || text.at(at + 1) == u' '))
        at += 1 + leadingSpaces(text.mid(at + 1));
    return at;
}

// The `key` of a `key:` line whose value is empty (a parent), else empty.
QString parentKey(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:-\\s+)*([^\\s#:][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:\\s*(?:#.*)?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    QString key = m.captured(1);
    if (key.startsWith(u'"') || key.startsWith(u'\''))
        key = key.mid(1, key.size() - 2);
    return key;
}

QString lineKey(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:-\\s+)*([A-Za-z_][\\w.-]*)\\s*:(\\s|$)"));
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

#ifdef PIPEWRIGHT_HAVE_KSYNTAX
// Loading the syntax definitions is slow; every editor shares one repository.
KSyntaxHighlighting::Repository& syntaxRepository() {
    static KSyntaxHighlighting::Repository repository;
    return repository;
}
#endif

QColor severityColor(Severity severity, bool dark) {
    switch (severity) {
        case Severity::Error:
            return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x1f, 0x1f);
        case Severity::Warning:
            return dark ? QColor(0xf0, 0xc0, 0x40) : QColor(0xc7, 0x8a, 0x00);
        case Severity::Info:
            break;
    }
    return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1d, 0x6f, 0xc9);
}

}  // namespace

YamlEditor::YamlEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberArea(this))
    , m_highlighter(new YamlHighlighter(document()))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStringListModel(this)) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * kIndentWidth);
    setMouseTracking(true);
    m_completer->setModel(m_completionModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::UnsortedModel);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &YamlEditor::insertCompletion);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &YamlEditor::updateExtraSelections);
#ifdef PIPEWRIGHT_HAVE_KSYNTAX
    m_highlighter->setDocument(nullptr);
    auto* syntax = new KSyntaxHighlighting::SyntaxHighlighter(document());
    syntax->setDefinition(syntaxRepository().definitionForName(QStringLiteral("YAML")));
    m_external = syntax;
#endif
    updateGutterWidth();
    applyPaletteScheme();
}

YamlEditor::~YamlEditor() = default;

bool YamlEditor::isDarkScheme() const {
    return palette().color(QPalette::Base).lightness() < 128;
}

void YamlEditor::applyPaletteScheme() {
#ifdef PIPEWRIGHT_HAVE_KSYNTAX
    auto* syntax = static_cast<KSyntaxHighlighting::SyntaxHighlighter*>(m_external);
    syntax->setTheme(syntaxRepository().defaultTheme(
        isDarkScheme() ? KSyntaxHighlighting::Repository::DarkTheme
                       : KSyntaxHighlighting::Repository::LightTheme));
    syntax->rehighlight();
#endif
    if (m_highlighter->isDarkScheme() != isDarkScheme())
        m_highlighter->setDarkScheme(isDarkScheme());
    updateExtraSelections();
}

void YamlEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPaletteScheme();
    if (event->type() == QEvent::FontChange)
        setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * kIndentWidth);
}

// ---- gutter ---------------------------------------------------------------------------------

int YamlEditor::lineNumberAreaWidth() const {
    const int digits = QString::number(qMax(1, blockCount())).size();
    const int marker = fontMetrics().height() / 2 + 6;
    return marker + fontMetrics().horizontalAdvance(u'9') * qMax(3, digits) + 8;
}

void YamlEditor::updateGutterWidth() {
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void YamlEditor::updateGutter(const QRect& rect, int dy) {
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void YamlEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void YamlEditor::paintLineNumberArea(QPaintEvent* event) {
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window));
    // Worst severity per line, for the marker.
    QHash<int, Severity> marks;
    for (const Diagnostic& d : m_diagnostics) {
        const int line = qMax(1, d.line);
        if (!marks.contains(line) || int(d.severity) < int(marks[line]))
            marks[line] = d.severity;
    }
    const int current = textCursor().blockNumber();
    const int markerSize = fontMetrics().height() / 2;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int number = block.blockNumber() + 1;
            if (marks.contains(number)) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(severityColor(marks[number], isDarkScheme()));
                painter.drawEllipse(
                    QRectF(4, top + (height - markerSize) / 2.0, markerSize, markerSize));
            }
            QFont f = font();
            f.setBold(block.blockNumber() == current);
            painter.setFont(f);
            painter.setPen(pal.color(block.blockNumber() == current ? QPalette::Text
                                                                    : QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, height,
                             Qt::AlignRight | Qt::AlignVCenter, QString::number(number));
        }
        block = block.next();
        top += height;
    }
}

void YamlEditor::selectLineAt(int y) {
    QTextCursor cursor = cursorForPosition(QPoint(0, y));
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
}

// ---- painting and extra selections ----------------------------------------------------------

void YamlEditor::paintEvent(QPaintEvent* event) {
    QPlainTextEdit::paintEvent(event);
    paintIndentGuides();
}

void YamlEditor::paintIndentGuides() {
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::Text);
    color.setAlpha(isDarkScheme() ? 40 : 32);
    painter.setPen(QPen(color, 1, Qt::SolidLine));
    const qreal charWidth = fontMetrics().horizontalAdvance(u' ');
    const qreal left = contentOffset().x() + document()->documentMargin();
    QTextBlock block = firstVisibleBlock();
    // The enclosing indents of the first visible line, found by looking up.
    QList<int> stack;
    int want = leadingSpaces(block.text());
    for (QTextBlock b = block.previous(); b.isValid() && want > 0; b = b.previous()) {
        if (b.text().trimmed().isEmpty())
            continue;
        const int indent = leadingSpaces(b.text());
        if (indent < want) {
            stack.prepend(indent);
            want = indent;
        }
    }
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= viewport()->height()) {
        const qreal height = blockBoundingRect(block).height();
        const QString text = block.text();
        if (!text.trimmed().isEmpty()) {
            const int indent = leadingSpaces(text);
            while (!stack.isEmpty() && stack.last() >= indent)
                stack.removeLast();
            for (int column : std::as_const(stack))
                painter.drawLine(QPointF(left + column * charWidth + 1, top),
                                 QPointF(left + column * charWidth + 1, top + height));
            stack.append(indent);
        }
        block = block.next();
        top += height;
    }
}

void YamlEditor::updateExtraSelections() {
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    QColor lineColor = palette().color(QPalette::Highlight);
    lineColor.setAlpha(isDarkScheme() ? 40 : 22);
    line.format.setBackground(lineColor);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections.append(line);
    for (int i = 0; i < m_ranges.size(); ++i) {
        QTextEdit::ExtraSelection problem;
        problem.cursor = m_ranges[i];
        problem.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        problem.format.setUnderlineColor(severityColor(m_diagnostics[i].severity, isDarkScheme()));
        selections.append(problem);
    }
    const int pos = textCursor().position();
    for (int at : {pos, pos - 1}) {
        const int match = matchingBracket(at);
        if (match < 0)
            continue;
        for (int p : {at, match}) {
            QTextEdit::ExtraSelection bracket;
            bracket.cursor = QTextCursor(document());
            bracket.cursor.setPosition(p);
            bracket.cursor.setPosition(p + 1, QTextCursor::KeepAnchor);
            QColor c = palette().color(QPalette::Highlight);
            c.setAlpha(90);
            bracket.format.setBackground(c);
            bracket.format.setFontWeight(QFont::Bold);
            selections.append(bracket);
        }
        break;
    }
    setExtraSelections(selections);
}

int YamlEditor::matchingBracket(int position) const {
    static const QString open = QStringLiteral("([{");
    static const QString close = QStringLiteral(")]}");
    const QChar c = document()->characterAt(position);
    const int o = open.indexOf(c);
    const int k = close.indexOf(c);
    if (o < 0 && k < 0)
        return -1;
    const QChar mine = c;
    const QChar other = o >= 0 ? close.at(o) : open.at(k);
    const int step = o >= 0 ? 1 : -1;
    int depth = 0;
    // Bounded: brackets in YAML are flow collections, short by nature.
    for (int p = position, n = 0; p >= 0 && p < document()->characterCount() && n < 20000;
         p += step, ++n) {
        const QChar ch = document()->characterAt(p);
        if (ch == mine)
            ++depth;
        else if (ch == other && --depth == 0)
            return p;
    }
    return -1;
}

// ---- diagnostics ----------------------------------------------------------------------------

void YamlEditor::setDiagnostics(const Diagnostics& diagnostics) {
    m_diagnostics = diagnostics;
    m_ranges.clear();
    for (const Diagnostic& d : diagnostics) {
        QTextCursor cursor(document());
        const int start = positionForLineColumn(document(), qMax(1, d.line), d.column);
        cursor.setPosition(start);
        const QTextBlock block = cursor.block();
        if (d.column <= 0) {
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        } else {
            // Underline the token starting at the column; at least one character.
            int end = start;
            const int blockEnd = block.position() + block.length() - 1;
            while (end < blockEnd && !document()->characterAt(end).isSpace())
                ++end;
            if (end == start) {
                if (start == blockEnd && start > block.position())
                    cursor.setPosition(start - 1);
                end = qMin(cursor.position() + 1, blockEnd);
            }
            cursor.setPosition(end, QTextCursor::KeepAnchor);
        }
        m_ranges.append(cursor);
    }
    updateExtraSelections();
    m_gutter->update();
}

QPair<int, int> YamlEditor::diagnosticRange(int index) const {
    const QTextCursor& c = m_ranges.at(index);
    return {c.selectionStart(), c.selectionEnd()};
}

int YamlEditor::diagnosticAt(int position) const {
    for (int i = 0; i < m_ranges.size(); ++i) {
        const auto [start, end] = diagnosticRange(i);
        if (position >= start && position < qMax(end, start + 1))
            return i;
    }
    return -1;
}

bool YamlEditor::jumpToProblem(bool forward) {
    if (m_ranges.isEmpty())
        return false;
    QList<int> starts;
    for (int i = 0; i < m_ranges.size(); ++i)
        starts.append(diagnosticRange(i).first);
    std::sort(starts.begin(), starts.end());
    const int pos = textCursor().position();
    int target = forward ? starts.first() : starts.last();  // wrap around
    if (forward) {
        for (int s : std::as_const(starts))
            if (s > pos) {
                target = s;
                break;
            }
    } else {
        for (auto it = starts.crbegin(); it != starts.crend(); ++it)
            if (*it < pos) {
                target = *it;
                break;
            }
    }
    QTextCursor cursor = textCursor();
    cursor.setPosition(target);
    setTextCursor(cursor);
    centerCursor();
    const int index = diagnosticAt(target);
    if (index >= 0 && isVisible())
        QToolTip::showText(viewport()->mapToGlobal(cursorRect().bottomLeft()), helpAt(target),
                           this);
    return true;
}

bool YamlEditor::nextProblem() {
    return jumpToProblem(true);
}

bool YamlEditor::previousProblem() {
    return jumpToProblem(false);
}

QList<Fix> YamlEditor::fixesAtCursor() const {
    QList<Fix> fixes;
    const int line = textCursor().blockNumber() + 1;
    for (const Diagnostic& d : m_diagnostics)
        if (d.fix && qMax(1, d.line) == line)
            fixes.append(*d.fix);
    return fixes;
}

bool YamlEditor::applyFix(const Fix& fix) {
    return applyTextEdits(document(), fix.edits);
}

QString YamlEditor::helpAt(int position) const {
    const int index = diagnosticAt(position);
    if (index >= 0) {
        const Diagnostic& d = m_diagnostics[index];
        QString html =
            QStringLiteral("<b>%1</b>: %2")
                .arg(severityName(d.severity).toHtmlEscaped(), d.message.toHtmlEscaped());
        if (const RuleInfo* rule = findRule(d.rule))
            html += QStringLiteral("<br/><i>%1</i> — %2")
                        .arg(d.rule, QString::fromUtf8(rule->description).toHtmlEscaped());
        else if (!d.rule.isEmpty())
            html += QStringLiteral("<br/><i>%1</i>").arg(d.rule);
        if (d.fix)
            html += QStringLiteral("<br/>") + tr("Quick fix: %1").arg(d.fix->title.toHtmlEscaped());
        return html;
    }
    QTextCursor cursor(document());
    cursor.setPosition(position);
    const QString key = lineKey(cursor.block().text());
    const int column = position - cursor.block().position();
    const int keyStart = int(cursor.block().text().indexOf(key));
    if (key.isEmpty() || column < keyStart || column > keyStart + key.size())
        return {};
    return CompletionSchema::keyToolTip(m_kind, keyPathAt(cursor.block(), keyStart), key);
}

bool YamlEditor::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint pos = help->pos() - QPoint(viewport()->x(), viewport()->y());
        const QString text = helpAt(cursorForPosition(pos).position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void YamlEditor::contextMenuEvent(QContextMenuEvent* event) {
    QMenu* menu = createStandardContextMenu(event->pos());
    const QList<Fix> fixes = fixesAtCursor();
    if (!fixes.isEmpty()) {
        QAction* first = menu->actions().value(0);
        for (const Fix& fix : fixes) {
            QAction* action = new QAction(tr("Fix: %1").arg(fix.title), menu);
            connect(action, &QAction::triggered, this, [this, fix] { applyFix(fix); });
            menu->insertAction(first, action);
        }
        menu->insertSeparator(first);
    }
    menu->addSeparator();
    menu->addAction(tr("Toggle Comment"), this, &YamlEditor::toggleComment);
    menu->exec(event->globalPos());
    delete menu;
}

// ---- navigation and editing -----------------------------------------------------------------

bool YamlEditor::goToLine(int line, int byteColumn) {
    if (line < 1 || line > blockCount())
        return false;
    QTextCursor cursor = textCursor();
    cursor.setPosition(positionForLineColumn(document(), line, byteColumn));
    setTextCursor(cursor);
    centerCursor();
    return true;
}

void YamlEditor::toggleComment() {
    QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();  // a selection ending at column 0 excludes that line
    bool allCommented = true;
    int minIndent = INT_MAX;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.trimmed().isEmpty()) {
            minIndent = qMin(minIndent, leadingSpaces(text));
            allCommented = allCommented && text.trimmed().startsWith(u'#');
        }
        if (b == last)
            break;
    }
    if (minIndent == INT_MAX)
        return;
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.trimmed().isEmpty()) {
            const int indent = leadingSpaces(text);
            if (allCommented) {
                const int len = text.mid(indent).startsWith(QLatin1String("# ")) ? 2 : 1;
                edit.setPosition(b.position() + indent);
                edit.setPosition(b.position() + indent + len, QTextCursor::KeepAnchor);
                edit.removeSelectedText();
            } else {
                edit.setPosition(b.position() + minIndent);
                edit.insertText(QStringLiteral("# "));
            }
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

bool YamlEditor::canInsertFromMimeData(const QMimeData* source) const {
    // Dropped files open in the window instead of pasting their paths.
    return !source->hasUrls() && QPlainTextEdit::canInsertFromMimeData(source);
}

void YamlEditor::insertFromMimeData(const QMimeData* source) {
    if (!source->hasText()) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    // YAML forbids tabs in indentation: turn leading tabs into spaces, keep tabs in content.
    QStringList lines = source->text().split(u'\n');
    for (QString& line : lines) {
        int i = 0;
        QString indent;
        for (; i < line.size() && (line.at(i) == u'\t' || line.at(i) == u' '); ++i)
            indent += line.at(i) == u'\t' ? QString(kIndentWidth, u' ') : QStringLiteral(" ");
        line = indent + line.mid(i);
    }
    textCursor().insertText(lines.join(u'\n'));
}

void YamlEditor::indentSelection(bool dedent) {
    QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        edit.setPosition(b.position());
        if (dedent) {
            const int n = qMin(kIndentWidth, leadingSpaces(b.text()));
            edit.setPosition(b.position() + n, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        } else if (!b.text().isEmpty()) {
            edit.insertText(QString(kIndentWidth, u' '));
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void YamlEditor::insertNewlineWithIndent() {
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    int indent = leadingSpaces(before);
    const QString trimmed = before.trimmed();
    if (trimmed.endsWith(u':') || trimmed.endsWith(u'|') || trimmed.endsWith(u'>'))
        indent = contentColumn(before) + kIndentWidth;
    else if (trimmed.startsWith(QLatin1String("- ")) && trimmed.contains(QLatin1String(": ")))
        indent = contentColumn(before);  // next key of the same sequence item
    cursor.insertText(QStringLiteral("\n") + QString(indent, u' '));
    setTextCursor(cursor);
    ensureCursorVisible();
}

bool YamlEditor::handleIndentKeys(QKeyEvent* event) {
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        QTextCursor cursor = textCursor();
        if (cursor.hasSelection() && cursor.block() != document()->findBlock(cursor.anchor())) {
            indentSelection(false);
        } else {
            const int column = cursor.positionInBlock();
            cursor.insertText(QString(kIndentWidth - column % kIndentWidth, u' '));
        }
        return true;
    }
    if (event->key() == Qt::Key_Backtab) {
        indentSelection(true);
        return true;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        insertNewlineWithIndent();
        return true;
    }
    return false;
}

void YamlEditor::keyPressEvent(QKeyEvent* event) {
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
            case Qt::Key_Enter:
            case Qt::Key_Return:
            case Qt::Key_Escape:
            case Qt::Key_Tab:
            case Qt::Key_Backtab:
                event->ignore();  // the completer takes these
                return;
            default:
                break;
        }
    }
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        complete();
        return;
    }
    if (handleIndentKeys(event))
        return;
    QPlainTextEdit::keyPressEvent(event);
    maybeShowCompletion(event->text());
}

// ---- completion -----------------------------------------------------------------------------

QStringList YamlEditor::keyPathAt(const QTextBlock& block, int column) const {
    QStringList path;
    int want = column;
    for (QTextBlock b = block.previous(); b.isValid() && want > 0; b = b.previous()) {
        const QString text = b.text();
        if (text.trimmed().isEmpty() || text.trimmed().startsWith(u'#'))
            continue;
        const int indent = leadingSpaces(text);
        const int keyColumn = contentColumn(text);
        if (keyColumn < want) {
            const QString key = parentKey(text);
            if (!key.isEmpty()) {
                path.prepend(key);
                want = indent;
            } else if (indent < want && keyColumn <= want) {
                want = indent;
            }
        } else if (indent < want) {
            want = indent;  // a "- key:" item whose keys line up with ours
        }
    }
    return path;
}

QStringList YamlEditor::completionsAtCursor(QString* prefix) const {
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    static const QRegularExpression word(QStringLiteral("[\\w./-]*$"));
    const QString typed = word.match(before).captured(0);
    if (prefix)
        *prefix = typed;
    const int column = contentColumn(before);
    const QStringList path = keyPathAt(cursor.block(), column);
    const int colon = int(before.indexOf(QLatin1String(": "), column));
    if (colon >= 0) {
        const QString key = before.mid(column, colon - column).trimmed();
        return CompletionSchema::values(m_kind, path, key);
    }
    if (before.size() - typed.size() != column)
        return {};  // inside a longer scalar, not at a key
    return CompletionSchema::keys(m_kind, path);
}

void YamlEditor::complete() {
    QString prefix;
    const QStringList items = completionsAtCursor(&prefix);
    if (items.isEmpty())
        return;
    m_completionModel->setStringList(items);
    m_completer->setCompletionPrefix(prefix);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width() + 16);
    m_completer->complete(rect);
}

void YamlEditor::maybeShowCompletion(const QString& typed) {
    const bool wordChar = typed.size() == 1 && (typed.at(0).isLetter() || typed.at(0) == u'_');
    if (!wordChar) {
        if (m_completer->popup()->isVisible() && typed.size() == 1)
            m_completer->popup()->hide();
        return;
    }
    QString prefix;
    const QStringList items = completionsAtCursor(&prefix);
    if (items.isEmpty() || prefix.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    complete();
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == prefix))
        m_completer->popup()->hide();
}

void YamlEditor::insertCompletion(const QString& completion) {
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    static const QRegularExpression word(QStringLiteral("[\\w./-]*$"));
    const int typed = int(word.match(before).capturedLength(0));
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, typed);
    const bool atKey = !before.left(before.size() - typed).contains(QLatin1String(": "));
    const QString rest = cursor.block().text().mid(cursor.positionInBlock() + typed);
    cursor.insertText(completion +
                      (atKey && !rest.startsWith(u':') ? QStringLiteral(": ") : QString()));
    cursor.endEditBlock();
    setTextCursor(cursor);
}

}  // namespace pw
