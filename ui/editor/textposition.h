#pragma once

#include "yaml/diagnostic.h"

class QTextDocument;
class QTextCursor;

namespace pw {

// Core reports positions in UTF-8 bytes; QTextDocument counts UTF-16 code units. These
// helpers translate between the two so diagnostics and fixes land on the right characters.

// Document position of a 1-based line and 1-based byte column; column 0 means line start.
int positionForLineColumn(const QTextDocument* document, int line, int byteColumn);
// Document position of a byte offset into the document's UTF-8 text.
int positionForByteOffset(const QByteArray& utf8, qsizetype offset);
// Applies the edits as one undo step; edits address the UTF-8 text of the document.
bool applyTextEdits(QTextDocument* document, const QList<TextEdit>& edits);

}  // namespace pw
