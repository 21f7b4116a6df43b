#include "linenumberarea.h"

#include "yamleditor.h"

#include <QMouseEvent>

namespace pw {

LineNumberArea::LineNumberArea(YamlEditor* editor) : QWidget(editor), m_editor(editor) {
    setCursor(Qt::PointingHandCursor);
}

QSize LineNumberArea::sizeHint() const {
    return {m_editor->lineNumberAreaWidth(), 0};
}

void LineNumberArea::paintEvent(QPaintEvent* event) {
    m_editor->paintLineNumberArea(event);
}

void LineNumberArea::mousePressEvent(QMouseEvent* event) {
    // A click on a number selects that line, as in most editors.
    m_editor->selectLineAt(event->position().toPoint().y());
}

}  // namespace pw
