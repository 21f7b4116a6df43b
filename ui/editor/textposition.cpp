#include "textposition.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <algorithm>

namespace pw {

int positionForLineColumn(const QTextDocument* document, int line, int byteColumn) {
    const QTextBlock block = document->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return qMax(0, document->characterCount() - 1);
    if (byteColumn <= 1)
        return block.position();
    const QByteArray utf8 = block.text().toUtf8();
    const int chars = QString::fromUtf8(utf8.left(byteColumn - 1)).size();
    return block.position() + qMin(chars, block.length() - 1);
}

int positionForByteOffset(const QByteArray& utf8, qsizetype offset) {
    return int(QString::fromUtf8(utf8.left(qBound<qsizetype>(0, offset, utf8.size()))).size());
}

bool applyTextEdits(QTextDocument* document, const QList<TextEdit>& edits) {
    const QByteArray utf8 = document->toPlainText().toUtf8();
    QList<TextEdit> sorted = edits;
    // Back to front, so earlier offsets stay valid while later spans change.
    std::sort(sorted.begin(), sorted.end(),
              [](const TextEdit& a, const TextEdit& b) { return a.offset > b.offset; });
    for (const TextEdit& edit : sorted)
        if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > utf8.size())
            return false;
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (const TextEdit& edit : sorted) {
        cursor.setPosition(positionForByteOffset(utf8, edit.offset));
        cursor.setPosition(positionForByteOffset(utf8, edit.offset + edit.length),
                           QTextCursor::KeepAnchor);
        cursor.insertText(QString::fromUtf8(edit.replacement));
    }
    cursor.endEditBlock();
    return true;
}

}  // namespace pw
