#include "deploymentgroupeditor.h"

#include "commandlistmodel.h"
#include "formdocument.h"
#include "formfields.h"
#include "formpage.h"
#include "recordtablemodel.h"

#include <QFormLayout>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pw {

namespace {

const QString kGroupPath = QStringLiteral("applications/*/deployment-groups/*");

QFormLayout* formIn(QWidget* widget) {
    auto* form = new QFormLayout(widget);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

RecordTableModel* instanceModel(FormPage* page, QObject* parent) {
    auto* model =
        new RecordTableModel(page->formDocument(), RecordTableModel::Rows::Items,
                             {{QStringLiteral("name"), DeploymentGroupEditor::tr("Name")},
                              {QStringLiteral("kind"), DeploymentGroupEditor::tr("Kind")},
                              {QStringLiteral("port"), DeploymentGroupEditor::tr("Port")}},
                             parent);
    model->setNewRow({{},
                      {{QStringLiteral("name"), QStringLiteral("instance")},
                       {QStringLiteral("kind"), QStringLiteral("sandbox")}}});
    return model;
}

}  // namespace

DeploymentGroupEditor::DeploymentGroupEditor(FormPage* page, QWidget* parent)
    : QWidget(parent), m_page(page) {
    auto* tabs = new QTabWidget(this);
    tabs->addTab(instancesTab(), tr("Instances"));
    tabs->addTab(trafficTab(), tr("Load balancer"));
    tabs->addTab(blueGreenTab(), tr("Blue/green"));
    tabs->addTab(rollbackTab(), tr("Rollback"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
}

std::optional<QStringList> DeploymentGroupEditor::below(const QString& relative) const {
    if (m_group.isEmpty())
        return std::nullopt;
    return relative.isEmpty() ? m_group : m_group + relative.split(u'/');
}

void DeploymentGroupEditor::setGroupPath(const QStringList& path) {
    m_group = path;
    m_instances->setPath(below(QStringLiteral("instances")).value_or(QStringList()));
    m_replacements->setPath(
        below(QStringLiteral("blue-green/replacement-instances")).value_or(QStringList()));
    m_events->setPath(below(QStringLiteral("auto-rollback/events")).value_or(QStringList()));
    m_page->fields()->refresh();
}

QWidget* DeploymentGroupEditor::instancesTab() {
    auto* tab = new QWidget(this);
    QFormLayout* form = formIn(tab);
    FormFields* fields = m_page->fields();
    const auto group = [this] { return below({}); };
    fields->addCombo(form, tr("Configuration"), QStringLiteral("config"), group, true);
    fields->addCombo(form, tr("Style"), QStringLiteral("style"), group, false);
    m_instances = instanceModel(m_page, this);
    m_page->addList(form, tr("Instances"), kGroupPath + QStringLiteral("/instances"), m_instances,
                    true);
    fields->addCombo(form, tr("Existing files"), QStringLiteral("file-exists-behavior"), group,
                     false);
    fields->addLine(form, tr("Revisions kept"), QStringLiteral("keep-revisions"), group);
    return tab;
}

QWidget* DeploymentGroupEditor::trafficTab() {
    auto* tab = new QWidget(this);
    QFormLayout* form = formIn(tab);
    FormFields* fields = m_page->fields();
    const auto lb = [this] { return below(QStringLiteral("load-balancer")); };
    const auto check = [this] { return below(QStringLiteral("load-balancer/health-check")); };
    fields->addLine(form, tr("Router port"), QStringLiteral("port"), lb, tr("(no load balancer)"));
    fields->addLine(form, tr("Health check path"), QStringLiteral("path"), check);
    fields->addLine(form, tr("Expected status"), QStringLiteral("expected-status"), check);
    fields->addLine(form, tr("Interval (s)"), QStringLiteral("interval-seconds"), check);
    fields->addLine(form, tr("Healthy threshold"), QStringLiteral("healthy-threshold"), check);
    fields->addLine(form, tr("Unhealthy threshold"), QStringLiteral("unhealthy-threshold"), check);
    return tab;
}

QWidget* DeploymentGroupEditor::blueGreenTab() {
    auto* tab = new QWidget(this);
    QFormLayout* form = formIn(tab);
    FormFields* fields = m_page->fields();
    const auto bg = [this] { return below(QStringLiteral("blue-green")); };
    const auto traffic = [this] { return below(QStringLiteral("blue-green/traffic")); };
    m_replacements = instanceModel(m_page, this);
    m_page->addList(form, tr("Replacement instances"),
                    kGroupPath + QStringLiteral("/blue-green/replacement-instances"),
                    m_replacements, true);
    fields->addCombo(
        form, tr("Traffic shift"), QStringLiteral("type"), traffic, false,
        {QStringLiteral("all-at-once"), QStringLiteral("canary"), QStringLiteral("linear")});
    fields->addLine(form, tr("Percent per step"), QStringLiteral("percent"), traffic);
    fields->addLine(form, tr("Step interval (s)"), QStringLiteral("interval-seconds"), traffic);
    fields->addCombo(form, tr("When ready"), QStringLiteral("on-ready"), bg, false);
    fields->addCombo(form, tr("Original fleet"), QStringLiteral("original-instances"), bg, false);
    fields->addLine(form, tr("Termination wait (s)"), QStringLiteral("termination-wait-seconds"),
                    bg);
    return tab;
}

QWidget* DeploymentGroupEditor::rollbackTab() {
    auto* tab = new QWidget(this);
    QFormLayout* form = formIn(tab);
    FormFields* fields = m_page->fields();
    const QStringList booleans{QStringLiteral("true"), QStringLiteral("false")};
    fields->addCombo(
        form, tr("Automatic rollback"), QStringLiteral("enabled"),
        [this] { return below(QStringLiteral("auto-rollback")); }, false, booleans);
    m_events = new CommandListModel(m_page->formDocument(), this);
    m_events->setNewItemText(QStringLiteral("DEPLOYMENT_STOP_ON_ALARM"));
    m_page->addList(form, tr("Rollback events"),
                    kGroupPath + QStringLiteral("/auto-rollback/events"), m_events, false);
    const auto alarm = [this] { return below(QStringLiteral("alarm")); };
    fields->addLine(form, tr("Alarm error rate"), QStringLiteral("max-error-rate"), alarm);
    fields->addLine(form, tr("Alarm window (s)"), QStringLiteral("window-seconds"), alarm);
    fields->addCombo(
        form, tr("Ignore ApplicationStop failures"),
        QStringLiteral("ignore-application-stop-failures"), [this] { return below({}); }, false,
        booleans);
    return tab;
}

}  // namespace pw
