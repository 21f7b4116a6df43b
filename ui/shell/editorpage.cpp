#include "editorpage.h"

#include "editor/buildspecform.h"
#include "editor/findreplacebar.h"
#include "editor/forms/appspecform.h"
#include "editor/forms/workspaceform.h"
#include "editor/livevalidator.h"
#include "editor/yamleditor.h"
#include "infobar.h"
#include "pipelineworkbench.h"
#include "recoverystore.h"
#include "uilog.h"

#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTabBar>
#include <QTextBlock>
#include <QUuid>
#include <QVBoxLayout>

namespace pw {

EditorPage::EditorPage(const RecoveryStore* recovery, QWidget* parent)
    : QWidget(parent)
    , m_recovery(recovery)
    , m_editor(new YamlEditor(this))
    , m_findBar(new FindReplaceBar(this))
    , m_infoBar(new InfoBar(this))
    , m_validator(new LiveValidator(this))
    , m_viewSwitch(new QTabBar(this))
    , m_views(new QStackedWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_viewSwitch->addTab(tr("Source"));
    m_viewSwitch->addTab(tr("Design"));
    m_viewSwitch->setShape(QTabBar::RoundedSouth);
    m_viewSwitch->setDrawBase(false);
    m_viewSwitch->hide();  // shown for kinds that have a form
    connect(m_viewSwitch, &QTabBar::currentChanged, this,
            [this](int index) { showDesign(index == 1); });
    m_views->addWidget(m_editor);
    layout->addWidget(m_infoBar);
    layout->addWidget(m_views, 1);
    layout->addWidget(m_findBar);
    layout->addWidget(m_viewSwitch, 0, Qt::AlignLeft);
    m_findBar->setEditor(m_editor);
    m_recoveryTimer.setSingleShot(true);
    m_recoveryTimer.setInterval(800);
    connect(&m_recoveryTimer, &QTimer::timeout, this, &EditorPage::writeRecoveryNow);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        scheduleValidation();
        m_recoveryTimer.start();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            &EditorPage::modificationChanged);
    connect(m_validator, &LiveValidator::validated, this, &EditorPage::onValidated);
}

EditorPage::~EditorPage() = default;

namespace {

bool hasForm(SpecKind kind) {
    return kind == SpecKind::Buildspec || kind == SpecKind::Appspec || kind == SpecKind::Workspace;
}

}  // namespace

FormPage* EditorPage::designView() {
    if (!m_design) {
        if (specKind() == SpecKind::Appspec)
            m_design = new AppspecForm(m_editor->document(), this);
        else if (specKind() == SpecKind::Workspace)
            m_design = new WorkspaceForm(m_editor->document(), this);
        else
            m_design = new BuildspecForm(m_editor->document(), this);
        m_views->addWidget(m_design);
    }
    return m_design;
}

PipelineWorkbench* EditorPage::pipelineView() {
    if (!m_pipeline) {
        m_pipeline = new PipelineWorkbench(m_editor->document(), m_path, this);
        m_views->addWidget(m_pipeline);
    }
    return m_pipeline;
}

void EditorPage::showDesign(bool design) {
    if (design && specKind() == SpecKind::Pipeline) {
        m_views->setCurrentWidget(pipelineView());
        m_viewSwitch->setCurrentIndex(1);
        return;
    }
    if (design && !hasForm(specKind()))
        return;
    m_views->setCurrentWidget(design ? static_cast<QWidget*>(designView()) : m_editor);
    m_viewSwitch->setCurrentIndex(design ? 1 : 0);
    if (design)
        m_design->refresh();
}

bool EditorPage::isDesignShown() const {
    return m_views->currentWidget() != m_editor;
}

QString EditorPage::displayName() const {
    return isUntitled() ? m_suggestedName : QFileInfo(m_path).fileName();
}

SpecKind EditorPage::specKind() const {
    return m_editor->specKind();
}

bool EditorPage::isModified() const {
    return m_editor->document()->isModified();
}

QByteArray EditorPage::text() const {
    return m_editor->toPlainText().toUtf8();
}

bool EditorPage::openFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_recoveryKey = RecoveryStore::keyForPath(m_path);
    m_diskBytes = file.readAll();
    m_crlf = m_diskBytes.contains("\r\n");
    m_editor->setSpecKind(detectSpecKind(m_path, m_diskBytes));
    m_editor->setPlainText(QString::fromUtf8(m_diskBytes));
    m_editor->document()->setModified(false);
    m_recoveryTimer.stop();
    m_validator->validateNow();
    m_viewSwitch->setVisible(hasForm(specKind()) || specKind() == SpecKind::Pipeline);
    emit titleChanged();
    return true;
}

void EditorPage::setUntitled(const QString& suggestedName, const QByteArray& text, SpecKind kind) {
    m_path.clear();
    m_suggestedName = suggestedName;
    m_recoveryKey =
        QStringLiteral("untitled-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_editor->setSpecKind(kind);
    m_editor->setPlainText(QString::fromUtf8(text));
    m_editor->document()->setModified(false);
    m_validator->validateNow();
    m_viewSwitch->setVisible(hasForm(kind) || kind == SpecKind::Pipeline);
    emit titleChanged();
}

void EditorPage::restoreText(const QByteArray& text) {
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(text));  // undoable, and marks the buffer modified
    m_editor->document()->setModified(text != m_diskBytes || isUntitled());
}

void EditorPage::scheduleValidation() {
    const QString path = isUntitled() ? m_suggestedName : m_path;
    m_validator->schedule(path, text(), m_editor->specKind());
}

void EditorPage::onValidated(const ValidationResult& result) {
    m_editor->setDiagnostics(result.diagnostics);
    if (!isUntitled())
        emit diagnosticsChanged(m_path, result.diagnostics);
}

bool EditorPage::writeFile(const QString& path, QString* error) {
    QByteArray bytes = text();
    if (m_crlf)
        bytes.replace("\n", "\r\n");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        qCWarning(lcUi) << "save failed" << path << *error;
        return false;  // the buffer and its recovery copy stay as they are
    }
    m_diskBytes = bytes;
    return true;
}

bool EditorPage::save(QString* error) {
    if (isUntitled()) {
        *error = tr("The buffer has no file name yet.");
        return false;
    }
    if (!writeFile(m_path, error))
        return false;
    m_editor->document()->setModified(false);
    m_infoBar->hide();
    discardRecovery();
    emit fileSaved(m_path);
    return true;
}

bool EditorPage::saveAs(const QString& path, QString* error) {
    const QString oldKey = m_recoveryKey;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!writeFile(absolute, error))
        return false;
    m_recovery->remove(oldKey);
    m_path = absolute;
    if (m_pipeline)
        m_pipeline->setPath(m_path);
    m_recoveryKey = RecoveryStore::keyForPath(m_path);
    if (m_editor->specKind() == SpecKind::Unknown)
        m_editor->setSpecKind(detectSpecKind(m_path, m_diskBytes));
    m_editor->document()->setModified(false);
    discardRecovery();
    scheduleValidation();
    emit titleChanged();
    emit fileSaved(m_path);
    return true;
}

void EditorPage::reloadFromDisk() {
    QFile file(m_path);
    if (isUntitled() || !file.open(QIODevice::ReadOnly))
        return;
    const int line = m_editor->textCursor().blockNumber() + 1;
    m_diskBytes = file.readAll();
    m_crlf = m_diskBytes.contains("\r\n");
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(m_diskBytes));  // one undo step back to the old text
    m_editor->document()->setModified(false);
    m_editor->goToLine(qMin(line, m_editor->blockCount()));
    discardRecovery();
    m_infoBar->hide();
}

bool EditorPage::checkDiskChange() {
    if (isUntitled())
        return false;
    QFile file(m_path);
    const bool exists = file.open(QIODevice::ReadOnly);
    const QByteArray bytes = exists ? file.readAll() : QByteArray();
    if (exists && bytes == m_diskBytes)
        return false;  // our own save, or a touch without a change
    m_infoBar->clearButtons();
    if (!exists) {
        m_infoBar->showMessage(
            InfoBar::Kind::Warning,
            tr("The file “%1” was deleted or moved on disk.").arg(displayName()));
        m_infoBar->addButton(tr("Keep Editing"));
        return true;
    }
    m_infoBar->showMessage(
        InfoBar::Kind::Warning,
        isModified()
            ? tr("The file “%1” changed on disk, and you have unsaved changes.").arg(displayName())
            : tr("The file “%1” changed on disk.").arg(displayName()));
    connect(m_infoBar->addButton(tr("Reload")), &QPushButton::clicked, this,
            &EditorPage::reloadFromDisk);
    connect(m_infoBar->addButton(tr("Keep Mine")), &QPushButton::clicked, this, [this, bytes] {
        m_diskBytes = bytes;
        m_editor->document()->setModified(true);
    });
    return true;
}

void EditorPage::writeRecoveryNow() {
    m_recoveryTimer.stop();
    if (isModified())
        m_recovery->write(m_recoveryKey, m_path, text());
    else
        discardRecovery();
}

void EditorPage::discardRecovery() {
    m_recoveryTimer.stop();
    m_recovery->remove(m_recoveryKey);
}

}  // namespace pw
