#include "graph/actioninspector.h"

#include "graph/actionconfigedits.h"
#include "graph/graphpalette.h"
#include "graph/pipelinedesigner.h"
#include "spec/pipeline.h"
#include "spec/workspacebindings.h"
#include "yaml/yamldocument.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace pw {

namespace {

struct FieldSpec {
    const char* key;
    const char* hint;
};

// The settings each provider documents, in the order the console shows them.
QList<FieldSpec> providerFields(const QString& provider) {
    if (provider == QLatin1String("CodeBuild"))
        return {{"ProjectName", "workspace.yml project"},
                {"PrimarySource", "input artifact used as the primary source"},
                {"EnvironmentVariables", R"([{"name":"X","value":"1","type":"PLAINTEXT"}])"},
                {"BatchEnabled", ""},
                {"BuildspecOverride", "buildspec file, relative to the source"}};
    if (provider == QLatin1String("CodeDeploy"))
        return {{"ApplicationName", "workspace.yml application"},
                {"DeploymentGroupName", "deployment group of that application"}};
    if (provider == QLatin1String("CodeCommit"))
        return {{"RepositoryName", "workspace.yml source"},
                {"BranchName", "main"},
                {"PollForSourceChanges", ""},
                {"OutputArtifactFormat", "CODE_ZIP or CODEBUILD_CLONE_REF"}};
    if (provider == QLatin1String("GitHub"))
        return {{"Owner", ""}, {"Repo", ""}, {"Branch", "main"}, {"PollForSourceChanges", ""}};
    if (provider == QLatin1String("CodeStarSourceConnection"))
        return {{"ConnectionArn", ""},
                {"FullRepositoryId", "owner/repository"},
                {"BranchName", "main"},
                {"OutputArtifactFormat", "CODE_ZIP or CODEBUILD_CLONE_REF"}};
    if (provider == QLatin1String("S3"))
        return {
            {"S3Bucket", ""}, {"S3ObjectKey", "path/to/source.zip"}, {"PollForSourceChanges", ""}};
    if (provider == QLatin1String("Manual"))
        return {{"CustomData", "what the approver should check"},
                {"ExternalEntityLink", "https://…"},
                {"NotificationArn", ""}};
    if (provider == QLatin1String("Pipewright-LocalCommand"))
        return {{"Command", "shell command, run in the first input artifact"},
                {"OutputPath", "folder that becomes the output artifact"}};
    return {};
}

bool isBooleanKey(const QString& key) {
    return key == QLatin1String("BatchEnabled") || key == QLatin1String("PollForSourceChanges");
}

QString colored(const QColor& colour, const QString& text) {
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(colour.name(), text);
}

}  // namespace

ActionInspector::ActionInspector(PipelineDesigner* designer, QWidget* parent)
    : QWidget(parent)
    , m_designer(designer)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_binding(new QLabel(this))
    , m_state(new QLabel(this))
    , m_artifacts(new QLabel(this))
    , m_namespace(new QLineEdit(this))
    , m_body(new QWidget(this))
    , m_form(nullptr)
    , m_empty(new QLabel(tr("Select an action to see its settings."), this)) {
    setObjectName(QStringLiteral("ActionInspector"));
    QFont title = m_title->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    title.setBold(true);
    m_title->setFont(title);
    m_subtitle->setStyleSheet(QStringLiteral("color: #64748b;"));
    for (QLabel* l : {m_binding, m_state, m_artifacts}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_namespace->setPlaceholderText(tr("e.g. BuildVariables"));
    connect(m_namespace, &QLineEdit::editingFinished, this, [this] {
        PipelineAction action;
        if (currentAction(&action) && m_namespace->text() != action.namespaceName.text)
            setNamespace(m_namespace->text());
    });

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->addWidget(m_title);
    column->addWidget(m_subtitle);
    column->addWidget(m_binding);
    column->addWidget(m_state);
    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_body);
    auto* flow = new QGroupBox(tr("Artifacts and variables"), content);
    auto* flowForm = new QFormLayout(flow);
    flowForm->addRow(m_artifacts);
    flowForm->addRow(tr("Namespace"), m_namespace);
    column->addWidget(flow);
    column->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty, 1);
    layout->addWidget(scroll, 1);
    scroll->hide();
    connect(m_designer, &PipelineDesigner::selectionChanged, this, &ActionInspector::showNode);
    connect(m_designer, &PipelineDesigner::modelChanged, this, &ActionInspector::refresh);
}

void ActionInspector::setWorkspace(const Workspace& workspace) {
    m_workspace = workspace;
    refresh();
}

bool ActionInspector::currentAction(PipelineAction* action) const {
    if (m_stage < 0)
        return false;
    const Pipeline p =
        parsePipeline(YamlDocument::load(m_designer->text(), m_designer->path())).pipeline;
    if (m_stage >= p.stages.size() || m_action >= p.stages[m_stage].actions.size())
        return false;
    *action = p.stages[m_stage].actions[m_action];
    return true;
}

void ActionInspector::showNode(int node) {
    const QList<GraphNode>& nodes = m_designer->model().nodes();
    const bool valid = node >= 0 && node < nodes.size();
    const int stage = valid ? nodes[node].stage : -1;
    const int action = valid ? nodes[node].action : -1;
    const bool same = stage == m_stage && action == m_action;
    m_node = valid ? node : -1;
    m_stage = stage;
    m_action = action;
    if (!same)
        m_provider.clear();  // a different action gets a fresh form
    refresh();
}

void ActionInspector::refresh() {
    PipelineAction action;
    const bool shown = currentAction(&action);
    m_empty->setVisible(!shown);
    findChild<QScrollArea*>()->setVisible(shown);
    if (!shown)
        return;
    if (action.provider.text != m_provider || !m_form) {
        m_provider = action.provider.text;
        rebuildForm(action);
    }
    updateValues(action);
}

void ActionInspector::rebuildForm(const PipelineAction& action) {
    m_fields.clear();
    auto* layout = static_cast<QVBoxLayout*>(m_body->layout());
    while (QLayoutItem* item = layout->takeAt(0)) {
        // Later: the old form's Add button may be the one whose click got us here.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    auto* box = new QGroupBox(tr("Configuration"), m_body);
    m_form = new QFormLayout(box);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(box);
    QStringList known;
    for (const FieldSpec& f : providerFields(m_provider)) {
        known << QString::fromLatin1(f.key);
        addField(known.last(), QString::fromUtf8(f.hint));
    }
    // Settings the form has no field for still show, as plain key/value rows.
    for (const PipelineConfigEntry& e : action.configuration)
        if (!known.contains(e.key))
            addField(e.key, {});
    addCustomRow();
}

void ActionInspector::addField(const QString& key, const QString& hint) {
    QWidget* editor = nullptr;
    if (isBooleanKey(key)) {
        auto* combo = new QComboBox;
        combo->addItems({QString(), QStringLiteral("true"), QStringLiteral("false")});
        connect(combo, &QComboBox::activated, this,
                [this, key, combo] { setConfiguration(key, combo->currentText()); });
        editor = combo;
    } else {
        auto* line = new QLineEdit;
        line->setPlaceholderText(hint);
        connect(line, &QLineEdit::editingFinished, this, [this, key, line] {
            PipelineAction action;
            if (currentAction(&action) && line->text() != action.configValue(key))
                setConfiguration(key, line->text());
        });
        editor = line;
    }
    editor->setObjectName(key);
    editor->setToolTip(tr("configuration.%1 — cleared fields are removed from the file").arg(key));
    m_form->addRow(key, editor);
    m_fields.append({key, editor});
}

void ActionInspector::addCustomRow() {
    auto* row = new QWidget;
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* key = new QLineEdit;
    key->setPlaceholderText(tr("Key"));
    auto* value = new QLineEdit;
    value->setPlaceholderText(tr("Value"));
    auto* add = new QPushButton(tr("Add"));
    h->addWidget(key, 2);
    h->addWidget(value, 3);
    h->addWidget(add);
    connect(add, &QPushButton::clicked, this, [this, key, value] {
        if (!key->text().trimmed().isEmpty() && !value->text().isEmpty() &&
            setConfiguration(key->text().trimmed(), value->text()).isEmpty()) {
            m_provider.clear();  // the new key gets a row of its own
            refresh();
        }
    });
    m_form->addRow(tr("New setting"), row);
}

void ActionInspector::updateValues(const PipelineAction& action) {
    m_title->setText(action.name.text);
    m_subtitle->setText(tr("%1 · %2/%3 · runOrder %4")
                            .arg(action.category.text, action.owner.text, action.provider.text)
                            .arg(action.runOrder));
    for (const auto& [key, widget] : m_fields) {
        if (!widget || widget->hasFocus())
            continue;  // never overwrite what is being typed
        if (auto* line = qobject_cast<QLineEdit*>(widget))
            line->setText(action.configValue(key));
        else if (auto* combo = qobject_cast<QComboBox*>(widget))
            combo->setCurrentText(action.configValue(key));
    }
    if (!m_namespace->hasFocus())
        m_namespace->setText(action.namespaceName.text);
    QStringList in, out;
    for (const PipelineValue& v : action.inputArtifacts)
        in << v.text.toHtmlEscaped();
    for (const PipelineValue& v : action.outputArtifacts)
        out << v.text.toHtmlEscaped();
    const QString none = tr("none");
    m_artifacts->setText(tr("<b>In:</b> %1<br><b>Out:</b> %2")
                             .arg(in.isEmpty() ? none : in.join(QStringLiteral(", ")),
                                  out.isEmpty() ? none : out.join(QStringLiteral(", "))));
    m_binding->setText(bindingText(action));
}

QString ActionInspector::bindingText(const PipelineAction& a) const {
    const QString provider = a.provider.text;
    const QColor ok(0x15, 0x80, 0x3d), warn = graphpalette::warning();
    if (provider == QLatin1String("CodeBuild")) {
        const QString name = a.configValue(u"ProjectName");
        if (const WorkspaceProject* p = m_workspace.project(name))
            return colored(ok, tr("✔ Bound to project <b>%1</b> (buildspec %2, source %3)")
                                   .arg(name.toHtmlEscaped(), p->buildspec.toHtmlEscaped(),
                                        p->source.toHtmlEscaped()));
        return colored(warn, tr("⚠ No project “%1” in workspace.yml: this action cannot run "
                                "locally until one is bound.")
                                 .arg(name.toHtmlEscaped()));
    }
    if (provider == QLatin1String("CodeDeploy")) {
        const QString app = a.configValue(u"ApplicationName");
        const QString group = a.configValue(u"DeploymentGroupName");
        const WorkspaceApplication* application = m_workspace.application(app);
        for (const WorkspaceDeploymentGroup& g :
             application ? application->deploymentGroups : QList<WorkspaceDeploymentGroup>{})
            if (g.name == group)
                return colored(ok, tr("✔ Bound to deployment group <b>%1/%2</b> (%n instance(s))",
                                      nullptr, int(g.instances.size()))
                                       .arg(app.toHtmlEscaped(), group.toHtmlEscaped()));
        return colored(warn, tr("⚠ No deployment group “%1/%2” in workspace.yml.")
                                 .arg(app.toHtmlEscaped(), group.toHtmlEscaped()));
    }
    if (a.category.text == QLatin1String("Source")) {
        const QString name = sourceBindingName(a);
        if (const WorkspaceSource* s = m_workspace.source(name)) {
            const QString where = s->git.isEmpty() ? s->path : tr("git %1").arg(s->git);
            const QString branch =
                s->branch.isEmpty() ? QString() : tr(", branch %1").arg(s->branch);
            return colored(ok, tr("✔ Bound to source <b>%1</b>: %2%3")
                                   .arg(name.toHtmlEscaped(), where.toHtmlEscaped(), branch));
        }
        return colored(warn, tr("⚠ No source “%1” in workspace.yml.").arg(name.toHtmlEscaped()));
    }
    if (provider == QLatin1String("Manual"))
        return tr("Waits for Approve or Reject here or from <code>pipewright-cli approve</code>.");
    if (provider == QLatin1String("Pipewright-LocalCommand"))
        return tr("Runs the command locally with the input artifacts.");
    return colored(warn,
                   tr("⚠ The provider %1 has no local stand-in.").arg(provider.toHtmlEscaped()));
}

void ActionInspector::setActionState(const ActionState* state) {
    m_state->setVisible(state != nullptr);
    if (!state)
        return;
    const QColor colour = graphpalette::status(state->status, state->awaitingApproval);
    QString text =
        colored(colour, QStringLiteral("● <b>%1</b>")
                            .arg(state->awaitingApproval ? tr("Waiting for approval")
                                                         : actionStatusName(state->status)));
    if (!state->summary.isEmpty())
        text += QStringLiteral(" — ") + state->summary.toHtmlEscaped();
    const bool build =
        state->category == QLatin1String("Build") || state->category == QLatin1String("Test");
    if (build && !state->externalRunId.isEmpty())
        text += QStringLiteral("<br>") +
                QStringLiteral("<i>%1</i>").arg(tr("Double-click the card to open this build."));
    m_state->setText(text);
}

QWidget* ActionInspector::field(const QString& key) const {
    for (const auto& [k, widget] : m_fields)
        if (k == key)
            return widget;
    return nullptr;
}

QString ActionInspector::setConfiguration(const QString& key, const QString& value) {
    const YamlDocument doc = YamlDocument::load(m_designer->text(), m_designer->path());
    // The designer reports a failed edit (editFailed) to whoever shows messages.
    return m_designer->push(tr("Set %1").arg(key),
                            setActionConfiguration(doc, m_stage, m_action, key, value));
}

QString ActionInspector::setNamespace(const QString& name) {
    const YamlDocument doc = YamlDocument::load(m_designer->text(), m_designer->path());
    return m_designer->push(tr("Set namespace"), setActionNamespace(doc, m_stage, m_action, name));
}

}  // namespace pw
