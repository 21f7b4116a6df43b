#include "appspecform.h"

#include "formdocument.h"
#include "formfields.h"
#include "listeditor.h"
#include "recordtablemodel.h"
#include "spec/appspeclifecycle.h"
#include "yaml/yamldocument.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>

namespace pw {

namespace {

const QString kHooks = QStringLiteral("hooks");

FormFields::PathFn root() {
    return []() -> std::optional<QStringList> { return QStringList(); };
}

}  // namespace

AppspecForm::AppspecForm(QTextDocument* document, QWidget* parent)
    : FormPage(document, SpecKind::Appspec, parent) {
    buildGeneral();
    buildFiles();
    buildHooks();
    finishLayout();
    refresh();
}

void AppspecForm::buildGeneral() {
    auto* form = new QFormLayout(addSection(tr("General")));
    fields()->addCombo(form, tr("Version"), QStringLiteral("version"), root(), false);
    fields()->addCombo(form, tr("Operating system"), QStringLiteral("os"), root(), false);
    fields()->addCombo(form, tr("Existing files"), QStringLiteral("file_exists_behavior"), root(),
                       false);
}

void AppspecForm::buildFiles() {
    auto* form = new QFormLayout(addSection(tr("Files and permissions")));
    auto* files = new RecordTableModel(formDocument(), RecordTableModel::Rows::Items,
                                       {{QStringLiteral("source"), tr("Source")},
                                        {QStringLiteral("destination"), tr("Destination")}},
                                       this);
    files->setNewRow({{},
                      {{QStringLiteral("source"), QStringLiteral("/")},
                       {QStringLiteral("destination"), QStringLiteral("/srv/app")}}});
    files->setPath({QStringLiteral("files")});
    addList(form, tr("Files"), QStringLiteral("files"), files, true);
    auto* permissions = new RecordTableModel(formDocument(), RecordTableModel::Rows::Items,
                                             {{QStringLiteral("object"), tr("Object")},
                                              {QStringLiteral("pattern"), tr("Pattern")},
                                              {QStringLiteral("owner"), tr("Owner")},
                                              {QStringLiteral("group"), tr("Group")},
                                              {QStringLiteral("mode"), tr("Mode")},
                                              {QStringLiteral("type"), tr("Type")}},
                                             this);
    permissions->setNewRow({{},
                            {{QStringLiteral("object"), QStringLiteral("/srv/app")},
                             {QStringLiteral("mode"), QStringLiteral("0644")}}});
    permissions->setPath({QStringLiteral("permissions")});
    addList(form, tr("Permissions"), QStringLiteral("permissions"), permissions, true);
}

void AppspecForm::buildHooks() {
    QGroupBox* box = addSection(tr("Hooks"), kHooks);
    auto* layout = new QVBoxLayout(box);
    m_hooksNote = new QLabel(box);
    m_hooksNote->setWordWrap(true);
    m_hooksNote->setText(
        tr("Lifecycle events in the order an EC2/On-Premises deployment runs "
           "them. Events that need a load balancer run only in groups that "
           "have one."));
    m_hooksNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hooksNote);
    m_hooksPanel = new QWidget(box);
    layout->addWidget(m_hooksPanel);
    auto* row = new QHBoxLayout(m_hooksPanel);
    row->setContentsMargins(0, 0, 0, 0);
    m_events = new QListWidget(m_hooksPanel);
    for (const QString& event : scriptableHooks(AppspecPlatform::Server)) {
        auto* item = new QListWidgetItem(event, m_events);
        item->setData(Qt::UserRole, event);
        item->setToolTip(formDocument()->toolTip({kHooks}, event));
    }
    m_events->setFixedWidth(fontMetrics().horizontalAdvance(u'M') * 16);
    m_events->setFixedHeight(m_events->sizeHintForRow(0) * m_events->count() +
                             2 * m_events->frameWidth());
    row->addWidget(m_events);
    m_scripts = new RecordTableModel(formDocument(), RecordTableModel::Rows::Items,
                                     {{QStringLiteral("location"), tr("Script")},
                                      {QStringLiteral("timeout"), tr("Timeout (s)")},
                                      {QStringLiteral("runas"), tr("Run as")}},
                                     this);
    auto* scripts = new ListEditor(m_scripts, true, m_hooksPanel);
    row->addWidget(scripts, 1, Qt::AlignTop);
    registerList(QStringLiteral("hooks/*"), scripts);
    connect(m_events, &QListWidget::currentRowChanged, this, [this](int row) {
        const QString event =
            row < 0 ? QString() : m_events->item(row)->data(Qt::UserRole).toString();
        m_scripts->setNewRow(
            {{},
             {{QStringLiteral("location"), QStringLiteral("scripts/") + event.toLower() + ".sh"},
              {QStringLiteral("timeout"), QStringLiteral("60")}}});
        m_scripts->setPath(event.isEmpty() ? QStringList() : QStringList{kHooks, event});
    });
    m_events->setCurrentRow(0);
}

void AppspecForm::selectHook(const QString& event) {
    for (int i = 0; i < m_events->count(); ++i)
        if (m_events->item(i)->data(Qt::UserRole).toString() == event)
            m_events->setCurrentRow(i);
}

void AppspecForm::refresh() {
    FormPage::refresh();
    if (!m_events)
        return;
    const YamlNode hooks = formDocument()->node({kHooks});
    const bool serverHooks = !hooks.isValid() || hooks.isNull() || hooks.isMapping();
    m_hooksPanel->setEnabled(formDocument()->isEditable() && serverHooks);
    if (!serverHooks)
        m_hooksNote->setText(
            tr("These hooks name Lambda functions (ECS or Lambda deployment); "
               "edit them in the Source view."));
    for (int i = 0; i < m_events->count(); ++i) {
        QListWidgetItem* item = m_events->item(i);
        const QString event = item->data(Qt::UserRole).toString();
        const YamlNode scripts = hooks.isMapping() ? hooks.get(event) : YamlNode();
        const int count = scripts.isSequence() ? scripts.size() : 0;
        item->setText(count > 0 ? QStringLiteral("%1 (%2)").arg(event).arg(count) : event);
        QFont font = item->font();
        font.setBold(count > 0);
        item->setFont(font);
    }
}

}  // namespace pw
