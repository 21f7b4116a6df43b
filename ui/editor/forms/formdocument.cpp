#include "formdocument.h"

#include "editor/completionschema.h"
#include "editor/textposition.h"
#include "uilog.h"
#include "yaml/yamldocument.h"

#include <QTextDocument>

namespace pw {

namespace {

bool isContinuation(char c) {
    return (uchar(c) & 0xC0) == 0x80;
}

// The differing middle of the two texts, widened to whole UTF-8 characters so the edit maps
// onto QTextDocument's UTF-16 positions.
TextEdit middleEdit(const QByteArray& before, const QByteArray& after) {
    const qsizetype shorter = qMin(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < shorter && before.at(prefix) == after.at(prefix))
        ++prefix;
    while (prefix > 0 && prefix < before.size() && isContinuation(before.at(prefix)))
        --prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    while (suffix > 0 && isContinuation(before.at(before.size() - suffix)))
        --suffix;
    return {prefix, before.size() - prefix - suffix,
            after.mid(prefix, after.size() - prefix - suffix)};
}

}  // namespace

FormDocument::FormDocument(QTextDocument* text, SpecKind kind, QObject* parent)
    : QObject(parent), m_text(text), m_kind(kind) {
    // Typing in the text view re-reads the form after a pause; our own edits re-read at once.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &FormDocument::changed);
    connect(m_text, &QTextDocument::contentsChanged, this, [this] {
        m_yaml.reset();
        if (!m_applying)
            m_debounce.start();
    });
}

FormDocument::~FormDocument() = default;

const YamlDocument& FormDocument::yaml() const {
    if (!m_yaml)
        m_yaml = std::make_unique<YamlDocument>(
            YamlDocument::load(m_text->toPlainText().toUtf8(), QString()));
    return *m_yaml;
}

bool FormDocument::isEditable() const {
    const YamlDocument& doc = yaml();
    if (doc.hasErrors())
        return false;
    return doc.root().isMapping() || !doc.root().isValid() || doc.root().isNull();
}

YamlNode FormDocument::node(const QStringList& path) const {
    YamlNode node = yaml().root();
    for (const QString& segment : path)
        node = node.isSequence() ? node.item(segment.toInt()) : node.get(segment);
    return node;
}

QString FormDocument::value(const QStringList& path) const {
    const YamlNode n = node(path);
    return n.isScalar() ? n.scalar() : QString();
}

QStringList FormDocument::schemaPath(const QStringList& path) const {
    QStringList keys;
    YamlNode n = yaml().root();
    for (const QString& segment : path) {
        bool index = false;
        segment.toInt(&index);
        if (!n.isSequence() && !(index && !n.isValid()))
            keys.append(segment);
        n = n.isSequence() ? n.item(segment.toInt()) : n.get(segment);
    }
    return keys;
}

QString FormDocument::help(const QStringList& path, const QString& key) const {
    return CompletionSchema::keyHelp(m_kind, schemaPath(path), key);
}

QString FormDocument::toolTip(const QStringList& path, const QString& key) const {
    return CompletionSchema::keyToolTip(m_kind, schemaPath(path), key);
}

KeyOrder FormDocument::keyOrder() const {
    return [kind = m_kind](const QStringList& path) { return CompletionSchema::keys(kind, path); };
}

bool FormDocument::apply(const std::optional<QByteArray>& after) {
    if (!after) {
        qCDebug(lcUi) << "form edit refused: the text cannot take it here";
        return false;
    }
    const QByteArray before = yaml().text();
    if (*after == before)
        return true;
    m_applying = true;
    const bool ok = applyTextEdits(m_text, {middleEdit(before, *after)});
    m_applying = false;
    m_debounce.stop();
    emit changed();
    return ok;
}

bool FormDocument::setValue(const QStringList& path, const QString& value) {
    if (!isEditable())
        return false;
    if (value.isEmpty())
        return !node(path).isValid() || apply(yamledit::remove(yaml(), path));
    return apply(yamledit::setScalar(yaml(), path, value, keyOrder()));
}

bool FormDocument::setScalar(const QStringList& path, const QString& value) {
    return isEditable() && apply(yamledit::setScalar(yaml(), path, value, keyOrder()));
}

bool FormDocument::addEntry(const QStringList& mappingPath, const QString& key,
                            const YamlValue& value) {
    return isEditable() && apply(yamledit::addEntry(yaml(), mappingPath, key, value, keyOrder()));
}

bool FormDocument::appendItem(const QStringList& sequencePath, const YamlValue& value) {
    return isEditable() && apply(yamledit::appendItem(yaml(), sequencePath, value, keyOrder()));
}

bool FormDocument::remove(const QStringList& path) {
    return isEditable() && apply(yamledit::remove(yaml(), path));
}

bool FormDocument::renameKey(const QStringList& path, const QString& key) {
    return isEditable() && apply(yamledit::renameKey(yaml(), path, key));
}

bool FormDocument::moveItem(const QStringList& sequencePath, int from, int to) {
    return isEditable() && apply(yamledit::moveItem(yaml(), sequencePath, from, to));
}

}  // namespace pw
