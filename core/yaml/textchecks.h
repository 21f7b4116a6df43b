#pragma once

#include "yamldocument.h"

#include <QByteArray>
#include <QList>

namespace pw {

// Byte offset of the first byte that is not part of a valid UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(const QByteArray& text);

// Tabs in the indentation of block-context lines (lines inside block scalars and flow
// collections may legitimately contain tabs). Marks carry the tab's offset, line and column.
QList<Mark> findTabIndentation(const QByteArray& text);

}  // namespace pw
