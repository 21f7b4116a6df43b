#pragma once

#include "formpage.h"

class QLabel;
class QListWidget;

namespace pw {

class RecordTableModel;

// The Design view of an appspec: version and os, the files table, permissions, and the
// hooks of each lifecycle event in the order a deployment runs them, with per-script
// location, timeout and runas. Edits are minimal text edits, like every form.
class AppspecForm : public FormPage {
    Q_OBJECT
public:
    explicit AppspecForm(QTextDocument* document, QWidget* parent = nullptr);
    void refresh() override;

    QListWidget* hookEvents() const { return m_events; }
    // Shows the scripts of `event` (a lifecycle event name) in the scripts table.
    void selectHook(const QString& event);

private:
    void buildGeneral();
    void buildFiles();
    void buildHooks();

    QListWidget* m_events = nullptr;
    RecordTableModel* m_scripts = nullptr;
    QLabel* m_hooksNote = nullptr;
    QWidget* m_hooksPanel = nullptr;
};

}  // namespace pw
