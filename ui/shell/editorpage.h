#pragma once

#include "spec/speckind.h"
#include "yaml/diagnostic.h"

#include <QTimer>
#include <QWidget>

class QStackedWidget;
class QTabBar;

namespace pw {

class FormPage;
class FindReplaceBar;
class InfoBar;
class LiveValidator;
class PipelineWorkbench;
class RecoveryStore;
class YamlEditor;
struct ValidationResult;

// One open file: the editor, its find bar and message bar, live validation, saving, reload
// on outside changes and crash recovery of the unsaved buffer.
class EditorPage : public QWidget {
    Q_OBJECT
public:
    explicit EditorPage(const RecoveryStore* recovery, QWidget* parent = nullptr);
    ~EditorPage() override;

    bool openFile(const QString& path, QString* error);
    void setUntitled(const QString& suggestedName, const QByteArray& text, SpecKind kind);
    // Puts recovered text into the buffer as an unsaved change.
    void restoreText(const QByteArray& text);

    QString filePath() const { return m_path; }
    bool isUntitled() const { return m_path.isEmpty(); }
    QString displayName() const;
    QString suggestedName() const { return m_suggestedName; }
    SpecKind specKind() const;
    bool isModified() const;
    QByteArray text() const;
    QString recoveryKey() const { return m_recoveryKey; }

    bool save(QString* error);
    bool saveAs(const QString& path, QString* error);
    void reloadFromDisk();
    // Compares the file on disk with what was loaded or saved; offers a reload when different.
    bool checkDiskChange();
    // Drops the recovery copy (after a save, or when the user discards the changes).
    void discardRecovery();
    void writeRecoveryNow();

    YamlEditor* editor() const { return m_editor; }
    FindReplaceBar* findBar() const { return m_findBar; }
    InfoBar* infoBar() const { return m_infoBar; }
    LiveValidator* validator() const { return m_validator; }
    // The Design view of buildspecs, appspecs and workspace files; created on first use.
    FormPage* designView();
    // The Design view of pipeline files: designer, inspector and runs; created on first use.
    PipelineWorkbench* pipelineView();
    void showDesign(bool design);
    bool isDesignShown() const;

signals:
    void modificationChanged(bool modified);
    void diagnosticsChanged(const QString& path, const pw::Diagnostics& diagnostics);
    void fileSaved(const QString& path);
    void titleChanged();

private:
    void scheduleValidation();
    void onValidated(const ValidationResult& result);
    bool writeFile(const QString& path, QString* error);

    const RecoveryStore* m_recovery;
    YamlEditor* m_editor;
    FindReplaceBar* m_findBar;
    InfoBar* m_infoBar;
    LiveValidator* m_validator;
    QTabBar* m_viewSwitch;
    QStackedWidget* m_views;
    FormPage* m_design = nullptr;
    PipelineWorkbench* m_pipeline = nullptr;
    QTimer m_recoveryTimer;
    QString m_path;
    QString m_suggestedName;
    QString m_recoveryKey;
    QByteArray m_diskBytes;  // what the file held when loaded or last saved
    bool m_crlf = false;     // keep the file's line endings on save
};

}  // namespace pw
