#include "buildspecform.h"

#include "textposition.h"
#include "yaml/yamldocument.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

namespace pw {

namespace {

const char* const kPhases[] = {"install", "pre_build", "build", "post_build"};

YamlNode nodeAt(const YamlNode& root, const QStringList& path) {
    YamlNode node = root;
    for (const QString& key : path)
        node = node.get(key);
    return node;
}

// Byte length of the scalar's source text starting at its mark.
qsizetype scalarLength(const QByteArray& text, const YamlNode& node) {
    const qsizetype start = node.mark().offset;
    qsizetype end = start;
    if (node.style() == ScalarStyle::SingleQuoted || node.style() == ScalarStyle::DoubleQuoted) {
        const char quote = text.at(start);
        for (end = start + 1; end < text.size() && text.at(end) != quote; ++end)
            if (quote == '"' && text.at(end) == '\\')
                ++end;
        return qMin(end + 1, text.size()) - start;
    }
    while (end < text.size() && text.at(end) != '\n' &&
           !(text.at(end) == '#' && end > start && text.at(end - 1) == ' '))
        ++end;
    while (end > start && (text.at(end - 1) == ' ' || text.at(end - 1) == '\r'))
        --end;
    return end - start;
}

qsizetype lineStart(const QByteArray& text, qsizetype offset) {
    const qsizetype nl = text.lastIndexOf('\n', offset - 1);
    return nl < 0 ? 0 : nl + 1;
}

qsizetype nextLineStart(const QByteArray& text, qsizetype offset) {
    const qsizetype nl = text.indexOf('\n', offset);
    return nl < 0 ? text.size() : nl + 1;
}

}  // namespace

BuildspecForm::BuildspecForm(QTextDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document) {
    auto* inner = new QWidget(this);
    inner->setMaximumWidth(fontMetrics().averageCharWidth() *
                           90);  // forms read badly when stretched
    auto* layout = new QVBoxLayout(inner);
    auto* general = new QGroupBox(tr("General"), inner);
    auto* generalForm = new QFormLayout(general);
    m_version = addCombo(generalForm, tr("Version"), {QStringLiteral("version")},
                         {QStringLiteral("0.2"), QStringLiteral("0.1")}, false);
    m_shell = addCombo(
        generalForm, tr("Shell"), {QStringLiteral("env"), QStringLiteral("shell")},
        {QString(), QStringLiteral("bash"), QStringLiteral("/bin/sh"), QStringLiteral("pwsh"),
         QStringLiteral("powershell.exe"), QStringLiteral("cmd.exe")},
        true);
    auto* phases = new QGroupBox(tr("Phases: on failure"), inner);
    auto* phaseForm = new QFormLayout(phases);
    for (const char* phase : kPhases) {
        const QString name = QString::fromLatin1(phase);
        m_onFailure.append(
            {name,
             addCombo(phaseForm, name,
                      {QStringLiteral("phases"), name, QStringLiteral("on-failure")},
                      {QString(), QStringLiteral("ABORT"), QStringLiteral("CONTINUE")}, false)});
    }
    auto* artifacts = new QGroupBox(tr("Artifacts"), inner);
    auto* artifactForm = new QFormLayout(artifacts);
    m_baseDirectory = new QLineEdit(artifacts);
    m_baseDirectory->setPlaceholderText(tr("(the source folder)"));
    artifactForm->addRow(tr("Base directory"), m_baseDirectory);
    const QStringList basePath{QStringLiteral("artifacts"), QStringLiteral("base-directory")};
    m_fields.append({basePath, m_baseDirectory});
    connect(m_baseDirectory, &QLineEdit::editingFinished, this, [this, basePath] {
        if (!m_updating && m_baseDirectory->text() != value(basePath))
            setValue(basePath, m_baseDirectory->text());
    });
    m_status = new QLabel(inner);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(general);
    layout->addWidget(phases);
    layout->addWidget(artifacts);
    layout->addWidget(m_status);
    layout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(150);
    connect(&m_refreshTimer, &QTimer::timeout, this, &BuildspecForm::refresh);
    connect(m_document, &QTextDocument::contentsChanged, &m_refreshTimer,
            qOverload<>(&QTimer::start));
    refresh();
}

QComboBox* BuildspecForm::addCombo(QFormLayout* form, const QString& label, const QStringList& path,
                                   const QStringList& values, bool editable) {
    auto* combo = new QComboBox(this);
    combo->setEditable(editable);
    for (const QString& v : values)
        combo->addItem(v.isEmpty() ? tr("(not set)") : v, v);
    form->addRow(label, combo);
    m_fields.append({path, combo});
    const auto commit = [this, combo, path] {
        if (m_updating)
            return;
        const QString chosen =
            combo->currentText() == tr("(not set)") ? QString() : combo->currentText();
        if (chosen != value(path))
            setValue(path, chosen);
    };
    connect(combo, qOverload<int>(&QComboBox::activated), this, commit);
    if (editable)
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this, commit);
    return combo;
}

QComboBox* BuildspecForm::onFailureField(const QString& phase) const {
    for (const auto& [name, combo] : m_onFailure)
        if (name == phase)
            return combo;
    return nullptr;
}

QString BuildspecForm::value(const QStringList& path) const {
    const YamlDocument doc = YamlDocument::load(m_document->toPlainText().toUtf8(), QString());
    const YamlNode node = nodeAt(doc.root(), path);
    return node.isScalar() ? node.scalar() : QString();
}

void BuildspecForm::refresh() {
    const YamlDocument doc = YamlDocument::load(m_document->toPlainText().toUtf8(), QString());
    const bool ok = doc.root().isMapping();
    m_updating = true;
    for (const auto& [path, widget] : std::as_const(m_fields)) {
        const YamlNode node = nodeAt(doc.root(), path);
        const QString text = node.isScalar() ? node.scalar() : QString();
        widget->setEnabled(ok);
        if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            const int index = combo->findData(text);
            if (index >= 0)
                combo->setCurrentIndex(index);
            else
                combo->setCurrentText(text);
        } else if (auto* edit = qobject_cast<QLineEdit*>(widget); edit && !edit->hasFocus()) {
            edit->setText(text);
        }
    }
    for (const auto& [phase, combo] : std::as_const(m_onFailure))
        combo->setEnabled(ok && doc.root().get(u"phases").get(phase).isMapping());
    m_status->setText(ok ? tr("Changes here are written into the text as small edits; comments "
                              "and formatting elsewhere stay as they are.")
                         : tr("Fix the YAML errors in the Source view to edit the form."));
    m_updating = false;
}

bool BuildspecForm::setValue(const QStringList& path, const QString& value) {
    const QByteArray text = m_document->toPlainText().toUtf8();
    const YamlDocument doc = YamlDocument::load(text, QString());
    if (!doc.root().isMapping() || path.isEmpty())
        return false;
    const YamlNode parent = nodeAt(doc.root(), path.mid(0, path.size() - 1));
    const YamlNode node = parent.get(path.last());
    if (node.isValid() && value.isEmpty())
        return removeKeyLine(parent.keyNode(path.last()));
    if (node.isScalar())
        return replaceScalar(node, value);
    if (!node.isValid())
        return value.isEmpty() || insertKey(path, value);
    return false;  // a null or a collection where a scalar belongs: the text view decides
}

bool BuildspecForm::replaceScalar(const YamlNode& node, const QString& value) {
    const QByteArray text = m_document->toPlainText().toUtf8();
    QByteArray replacement = value.toUtf8();
    if (node.style() == ScalarStyle::DoubleQuoted)
        replacement = '"' + replacement.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    else if (node.style() == ScalarStyle::SingleQuoted)
        replacement = '\'' + replacement.replace("'", "''") + '\'';
    return applyTextEdits(m_document,
                          {{node.mark().offset, scalarLength(text, node), replacement}});
}

bool BuildspecForm::removeKeyLine(const YamlNode& key) {
    const QByteArray text = m_document->toPlainText().toUtf8();
    const qsizetype start = lineStart(text, key.mark().offset);
    return applyTextEdits(m_document,
                          {{start, nextLineStart(text, key.mark().offset) - start, {}}});
}

// Adds `key: value` as the parent mapping's first entry, indented like its siblings; a
// missing top-level section is appended at the end of the file.
bool BuildspecForm::insertKey(const QStringList& path, const QString& value) {
    const QByteArray text = m_document->toPlainText().toUtf8();
    const YamlDocument doc = YamlDocument::load(text, QString());
    const QStringList parentPath = path.mid(0, path.size() - 1);
    const YamlNode parent = nodeAt(doc.root(), parentPath);
    const QByteArray entry = path.last().toUtf8() + ": " + value.toUtf8() + "\n";
    if (parent.isMapping() && parent.size() > 0) {
        const YamlNode first = parent.keyAt(0);
        if (first.mark().line == parent.mark().line && !parentPath.isEmpty() &&
            text.mid(lineStart(text, first.mark().offset), first.mark().column - 1)
                    .trimmed()
                    .size() > 0)
            return false;  // a flow mapping or "- key:" item: leave it to the text view
        const qsizetype at = lineStart(text, first.mark().offset);
        return applyTextEdits(m_document,
                              {{at, 0, QByteArray(first.mark().column - 1, ' ') + entry}});
    }
    if (!parent.isValid() && parentPath.size() == 1) {
        QByteArray section = (text.endsWith('\n') || text.isEmpty() ? "" : "\n") +
                             QByteArray("\n") + parentPath.first().toUtf8() + ":\n  " + entry;
        return applyTextEdits(m_document, {{text.size(), 0, section}});
    }
    return false;
}

}  // namespace pw
