#pragma once

#include "engine/pipeline/pipelinestate.h"
#include "spec/workspace.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace pw {

class PipelineDesigner;
struct PipelineAction;

// The designer's inspector: the selected action's provider-specific configuration as a form
// (CodeBuild, CodeDeploy, sources, manual approval, Pipewright local command; key/value for
// others), its artifacts and namespace, and which workspace.yml binding runs it locally.
// It follows the designer's selection and text; every edit goes through the designer as a
// minimal text edit.
class ActionInspector : public QWidget {
    Q_OBJECT
public:
    explicit ActionInspector(PipelineDesigner* designer, QWidget* parent = nullptr);

    void setWorkspace(const Workspace& workspace);
    // Shows node `node` of the designer's model (-1: nothing selected).
    void showNode(int node);
    // Re-reads the shown action after the text changed, keeping the field being typed in.
    void refresh();
    void setActionState(const ActionState* state);

    int node() const { return m_node; }
    // The field editing configuration `key` (a QLineEdit or QComboBox), or nullptr.
    QWidget* field(const QString& key) const;
    QLineEdit* namespaceField() const { return m_namespace; }
    QLabel* bindingLabel() const { return m_binding; }
    QLabel* titleLabel() const { return m_title; }
    // Sets configuration `key` (empty removes it); returns why it could not, or "".
    QString setConfiguration(const QString& key, const QString& value);
    QString setNamespace(const QString& name);

private:
    void rebuildForm(const PipelineAction& action);
    void updateValues(const PipelineAction& action);
    void addField(const QString& key, const QString& hint);
    void addCustomRow();
    QString bindingText(const PipelineAction& action) const;
    bool currentAction(PipelineAction* action) const;

    PipelineDesigner* m_designer;
    Workspace m_workspace;
    int m_node = -1;
    int m_stage = -1;
    int m_action = -1;
    QString m_provider;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_binding;
    QLabel* m_state;
    QLabel* m_artifacts;
    QLineEdit* m_namespace;
    QWidget* m_body;
    QFormLayout* m_form;
    QLabel* m_empty;
    QList<QPair<QString, QPointer<QWidget>>> m_fields;
};

}  // namespace pw
