#pragma once

#include "yaml/yamldocument.h"

#include <QByteArray>
#include <QStringList>

namespace pw::yamlspans {

// Where things are in YAML source text, for the form edits: lines, indentation, the blocks
// under keys and dashes, and the source spans of scalars. Offsets are UTF-8 bytes.

struct Span {
    qsizetype start = -1;
    qsizetype end = -1;
    bool isValid() const { return start >= 0; }
};

qsizetype lineStart(const QByteArray& t, qsizetype offset);
qsizetype nextLine(const QByteArray& t, qsizetype offset);
int indentAt(const QByteArray& t, qsizetype start);
char charAt(const QByteArray& t, qsizetype offset);  // '\n' outside the text
bool isBlank(const QByteArray& t, qsizetype start);
bool isComment(const QByteArray& t, qsizetype start);
bool onlySpacesBefore(const QByteArray& t, qsizetype offset);
// The end of the block headed by the line at `head`: after the last following line indented
// deeper than `column` (blank lines inside count, trailing ones stay outside). Sequences
// written at their key's own indentation continue on lines starting with "- ".
qsizetype blockEnd(const QByteArray& t, qsizetype head, int column, bool sameColumnDashes);
QByteArray splice(const QByteArray& t, qsizetype start, qsizetype end, const QByteArray& with);
// Prefixes every non-empty line with `columns` spaces.
QByteArray indented(const QByteArray& rel, int columns);
// `insert` for offset `at`, with the newline a file without a final one needs at its end.
QByteArray atEnd(const QByteArray& t, qsizetype at, QByteArray insert);

// A path resolved: the node (Invalid when missing), its key when its container is a
// mapping, and the container.
struct Located {
    YamlNode container;
    YamlNode key;
    YamlNode node;
};
Located locate(const YamlDocument& doc, const QStringList& path);
// The keys leading to `path`, sequence indexes left out: what the schema is keyed by.
QStringList schemaPath(const YamlDocument& doc, const QStringList& path);
bool isFlow(const QByteArray& t, const YamlNode& node);
bool isExplicitNull(const QByteArray& t, const YamlNode& node);
// The '-' of the block sequence entry whose content starts at `offset`, or -1.
qsizetype dashBefore(const QByteArray& t, qsizetype offset);
int columnOf(const QByteArray& t, qsizetype offset);
// A block sequence item from its dash line to the end of its block.
Span itemSpan(const QByteArray& t, const YamlNode& item);
// The end of a plain scalar's text on its line.
qsizetype plainLineEnd(const QByteArray& t, qsizetype from, bool inFlow);
// The source text of a scalar; `headColumn` is the column of its key or dash, which lines
// continuing a plain or block scalar are indented beyond.
Span scalarSpan(const QByteArray& t, const YamlNode& node, int headColumn, bool inFlow);
// The column of the key or dash that heads the located node; -1 when there is none.
int headColumn(const QByteArray& t, const Located& l);

}  // namespace pw::yamlspans
