#pragma once

#include "formpage.h"

namespace pw {

class DeploymentGroupEditor;
class KeyValueTableModel;
class RecordTableModel;

// The Design view of .pipewright/workspace.yml: build projects with their variables and
// secondary sources, source bindings, applications with their deployment groups (each with
// instances, load balancer, blue/green and rollback settings), and where secrets resolve.
class WorkspaceForm : public FormPage {
    Q_OBJECT
public:
    explicit WorkspaceForm(QTextDocument* document, QWidget* parent = nullptr);

    RecordTableModel* projects() const { return m_projects; }
    RecordTableModel* applications() const { return m_applications; }
    RecordTableModel* groups() const { return m_groups; }

private:
    void buildGeneral();
    void buildProjects();
    void buildSources();
    void buildApplications();

    RecordTableModel* m_projects = nullptr;
    RecordTableModel* m_applications = nullptr;
    RecordTableModel* m_groups = nullptr;
    DeploymentGroupEditor* m_groupEditor = nullptr;
};

}  // namespace pw
