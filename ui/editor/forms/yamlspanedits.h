#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <functional>
#include <optional>

namespace pw {

class YamlDocument;

// A value a form writes: a scalar, or (when `fields` is not empty) a mapping of scalars.
struct YamlValue {
    QString scalar;
    QList<QPair<QString, QString>> fields;
};

// The keys of the mapping at a schema path (sequence levels skipped), in reading order; new
// keys are inserted where that order puts them.
using KeyOrder = std::function<QStringList(const QStringList& schemaPath)>;

// The text edits form views make, computed on a parsed document. Each returns the whole new
// text, or nothing when this text cannot take the change (a flow mapping, a parse error).
// Bytes outside the changed lines stay identical. Paths are mapping keys and, for sequences,
// item indexes written as decimal numbers.
namespace yamledit {

// Sets the scalar at `path`, creating the key and any missing parent sections.
std::optional<QByteArray> setScalar(const YamlDocument& doc, const QStringList& path,
                                    const QString& value, const KeyOrder& order);
// Adds `key` with a mapping value to the mapping at `mappingPath` (created when missing).
std::optional<QByteArray> addEntry(const YamlDocument& doc, const QStringList& mappingPath,
                                   const QString& key, const YamlValue& value,
                                   const KeyOrder& order);
// Removes a mapping entry (the key and its value block) or a sequence item.
std::optional<QByteArray> remove(const YamlDocument& doc, const QStringList& path);
std::optional<QByteArray> renameKey(const YamlDocument& doc, const QStringList& path,
                                    const QString& key);
// Appends an item to the sequence at `path`, creating the sequence when missing.
std::optional<QByteArray> appendItem(const YamlDocument& doc, const QStringList& path,
                                     const YamlValue& value, const KeyOrder& order);
// Moves item `from` of the sequence at `path` so that it ends up at index `to`.
std::optional<QByteArray> moveItem(const YamlDocument& doc, const QStringList& path, int from,
                                   int to);

// The scalar as YAML text: plain when that reads back as the same string, else double-quoted.
QByteArray formatScalar(const QString& value);

}  // namespace yamledit

}  // namespace pw
