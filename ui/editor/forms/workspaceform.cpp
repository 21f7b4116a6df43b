#include "workspaceform.h"

#include "deploymentgroupeditor.h"
#include "formdocument.h"
#include "formfields.h"
#include "keyvaluetablemodel.h"
#include "listeditor.h"
#include "recordtablemodel.h"

#include <QFormLayout>
#include <QGroupBox>

namespace pw {

namespace {

QFormLayout* formIn(QWidget* widget) {
    auto* form = new QFormLayout(widget);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

QStringList below(const QStringList& path, const char* key) {
    return path.isEmpty() ? QStringList() : path + QString::fromLatin1(key).split(u'/');
}

}  // namespace

WorkspaceForm::WorkspaceForm(QTextDocument* document, QWidget* parent)
    : FormPage(document, SpecKind::Workspace, parent) {
    buildGeneral();
    buildProjects();
    buildSources();
    buildApplications();
    finishLayout();
    refresh();
}

void WorkspaceForm::buildGeneral() {
    QFormLayout* form = formIn(addSection(tr("General")));
    const auto root = []() -> std::optional<QStringList> { return QStringList(); };
    const auto secrets = []() -> std::optional<QStringList> {
        return QStringList{QStringLiteral("secrets")};
    };
    fields()->addLine(form, tr("Version"), QStringLiteral("version"), root);
    fields()->addLine(form, tr("Secrets file"), QStringLiteral("file"), secrets,
                      tr("(none: secrets come from the environment only)"));
    fields()->addCombo(form, tr("Secrets from environment"), QStringLiteral("environment"), secrets,
                       false, {QStringLiteral("true"), QStringLiteral("false")});
}

void WorkspaceForm::buildProjects() {
    QFormLayout* form = formIn(addSection(tr("Build projects"), QStringLiteral("projects")));
    m_projects = new RecordTableModel(formDocument(), RecordTableModel::Rows::Entries,
                                      {{QString(), tr("Project")},
                                       {QStringLiteral("buildspec"), tr("Buildspec")},
                                       {QStringLiteral("source"), tr("Source")},
                                       {QStringLiteral("timeout-minutes"), tr("Timeout (min)")},
                                       {QStringLiteral("in-place"), tr("In place")}},
                                      this);
    m_projects->setNewRow({{},
                           {{QStringLiteral("buildspec"), QStringLiteral("buildspec.yml")},
                            {QStringLiteral("source"), QStringLiteral(".")}}},
                          QStringLiteral("project"));
    m_projects->setPath({QStringLiteral("projects")});
    ListEditor* projects =
        addList(form, tr("Projects"), QStringLiteral("projects"), m_projects, false);
    auto* variables = new KeyValueTableModel(formDocument(), QStringLiteral("NEW_VARIABLE"), this);
    addList(form, tr("Variables"), QStringLiteral("projects/*/environment/variables"), variables,
            false);
    auto* secondary = new KeyValueTableModel(formDocument(), QStringLiteral("assets"), this);
    secondary->setNewRow({QStringLiteral("../assets"), {}});
    addList(form, tr("Secondary sources"), QStringLiteral("projects/*/secondary-sources"),
            secondary, false);
    connect(projects, &ListEditor::currentRowChanged, this, [this, variables, secondary](int row) {
        const QStringList project = m_projects->rowPath(row);
        variables->setPath(below(project, "environment/variables"));
        secondary->setPath(below(project, "secondary-sources"));
    });
    projects->setSelectsFirstRow(true);
    projects->announceCurrentRow();
}

void WorkspaceForm::buildSources() {
    QFormLayout* form = formIn(addSection(tr("Sources"), QStringLiteral("sources")));
    auto* sources = new RecordTableModel(formDocument(), RecordTableModel::Rows::Entries,
                                         {{QString(), tr("Name in the pipeline")},
                                          {QStringLiteral("git"), tr("Git repository")},
                                          {QStringLiteral("branch"), tr("Branch")},
                                          {QStringLiteral("path"), tr("File or folder")}},
                                         this);
    sources->setNewRow({{}, {{QStringLiteral("git"), QStringLiteral(".")}}},
                       QStringLiteral("source"));
    sources->setPath({QStringLiteral("sources")});
    addList(form, tr("Sources"), QStringLiteral("sources"), sources, false);
}

void WorkspaceForm::buildApplications() {
    QGroupBox* box = addSection(tr("Applications"), QStringLiteral("applications"));
    QFormLayout* form = formIn(box);
    m_applications = new RecordTableModel(formDocument(), RecordTableModel::Rows::Entries,
                                          {{QString(), tr("Application")}}, this);
    m_applications->setNewRowLeaf(
        {QStringLiteral("deployment-groups"), QStringLiteral("dev"), QStringLiteral("config")},
        QStringLiteral("CodeDeployDefault.OneAtATime"));
    m_applications->setNewRow({}, QStringLiteral("application"));
    m_applications->setPath({QStringLiteral("applications")});
    ListEditor* apps =
        addList(form, tr("Applications"), QStringLiteral("applications"), m_applications, false);
    m_groups = new RecordTableModel(formDocument(), RecordTableModel::Rows::Entries,
                                    {{QString(), tr("Deployment group")},
                                     {QStringLiteral("config"), tr("Configuration")},
                                     {QStringLiteral("style"), tr("Style")}},
                                    this);
    m_groups->setNewRow(
        {{},
         {{QStringLiteral("config"), QStringLiteral("CodeDeployDefault.OneAtATime")},
          {QStringLiteral("style"), QStringLiteral("in-place")}}},
        QStringLiteral("group"));
    ListEditor* groups =
        addList(form, tr("Deployment groups"), QStringLiteral("applications/*/deployment-groups"),
                m_groups, false);
    m_groupEditor = new DeploymentGroupEditor(this, box);
    form->addRow(m_groupEditor);
    connect(apps, &ListEditor::currentRowChanged, this, [this](int row) {
        m_groups->setPath(below(m_applications->rowPath(row), "deployment-groups"));
    });
    connect(groups, &ListEditor::currentRowChanged, this,
            [this](int row) { m_groupEditor->setGroupPath(m_groups->rowPath(row)); });
    apps->setSelectsFirstRow(true);
    apps->announceCurrentRow();
    groups->setSelectsFirstRow(true);
    groups->announceCurrentRow();
}

}  // namespace pw
