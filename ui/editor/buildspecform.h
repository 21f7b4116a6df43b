#pragma once

#include "forms/formpage.h"

class QComboBox;
class QLineEdit;
class QTabWidget;

namespace pw {

class RecordTableModel;

// The Design view of a buildspec: general settings, the env tables, per-phase command
// lists, reports, artifacts and cache. Every change becomes a minimal text edit on the
// shared QTextDocument, so comments, blank lines, key order and quoting elsewhere stay
// byte-identical and form and text share one undo history.
class BuildspecForm : public FormPage {
    Q_OBJECT
public:
    explicit BuildspecForm(QTextDocument* document, QWidget* parent = nullptr);

    // Sets the scalar at `path` (mapping keys from the root); an empty value removes the
    // key's line. Adds the key, or its parent section, when missing. False when the text
    // cannot take the change (a parse error, a flow-style parent).
    bool setValue(const QStringList& path, const QString& value);
    QString value(const QStringList& path) const;
    void refresh() override;

    QComboBox* versionField() const { return m_version; }
    QComboBox* shellField() const { return m_shell; }
    QComboBox* onFailureField(const QString& phase) const;
    QLineEdit* baseDirectoryField() const { return m_baseDirectory; }
    QTabWidget* phaseTabs() const { return m_phaseTabs; }

private:
    void buildGeneral();
    void buildEnvironment();
    void buildPhases();
    void buildReports();
    void buildArtifacts();
    void buildCache();
    void addPhaseTab(const QString& phase);

    QComboBox* m_version = nullptr;
    QComboBox* m_shell = nullptr;
    QLineEdit* m_baseDirectory = nullptr;
    QTabWidget* m_phaseTabs = nullptr;
    QList<QPair<QString, QWidget*>> m_phaseFields;  // enabled only while the phase exists
    QList<QPair<QString, QComboBox*>> m_onFailure;
    RecordTableModel* m_reports = nullptr;
    RecordTableModel* m_secondary = nullptr;
};

}  // namespace pw
