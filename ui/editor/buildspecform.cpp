#include "buildspecform.h"

#include "forms/commandlistmodel.h"
#include "forms/formdocument.h"
#include "forms/formfields.h"
#include "forms/keyvaluetablemodel.h"
#include "forms/listeditor.h"
#include "forms/recordtablemodel.h"
#include "yaml/yamldocument.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pw {

namespace {

const char* const kPhases[] = {"install", "pre_build", "build", "post_build"};

QStringList path(const char* joined) {
    return QString::fromLatin1(joined).split(u'/');
}

FormFields::PathFn fixed(const QStringList& p) {
    return [p]() -> std::optional<QStringList> { return p; };
}

QFormLayout* formIn(QWidget* widget) {
    auto* form = new QFormLayout(widget);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

}  // namespace

BuildspecForm::BuildspecForm(QTextDocument* document, QWidget* parent)
    : FormPage(document, SpecKind::Buildspec, parent) {
    buildGeneral();
    buildEnvironment();
    buildPhases();
    buildReports();
    buildArtifacts();
    buildCache();
    finishLayout();
    refresh();
}

void BuildspecForm::buildGeneral() {
    QFormLayout* form = formIn(addSection(tr("General")));
    m_version = fields()->addCombo(form, tr("Version"), QStringLiteral("version"), fixed({}), false,
                                   {QStringLiteral("0.2"), QStringLiteral("0.1")});
    m_shell =
        fields()->addCombo(form, tr("Shell"), QStringLiteral("shell"), fixed(path("env")), true);
    fields()->addLine(form, tr("Run as"), QStringLiteral("run-as"), fixed({}),
                      tr("(the default user)"));
    fields()->addCombo(form, tr("Git credential helper"), QStringLiteral("git-credential-helper"),
                       fixed(path("env")), false);
}

void BuildspecForm::buildEnvironment() {
    auto* tabs = new QTabWidget(addSection(tr("Environment"), QStringLiteral("env")));
    auto* layout = new QVBoxLayout(tabs->parentWidget());
    layout->addWidget(tabs);
    const auto table = [this, tabs](const QString& title, const char* key, const QString& base) {
        auto* page = new QWidget(tabs);
        auto* model = new KeyValueTableModel(formDocument(), base, this);
        model->setPath({QStringLiteral("env"), QString::fromLatin1(key)});
        addList(formIn(page), QString(), QStringLiteral("env/") + QLatin1String(key), model, false);
        tabs->addTab(page, title);
    };
    table(tr("Variables"), "variables", QStringLiteral("NEW_VARIABLE"));
    table(tr("Parameter Store"), "parameter-store", QStringLiteral("NEW_PARAMETER"));
    table(tr("Secrets Manager"), "secrets-manager", QStringLiteral("NEW_SECRET"));
    auto* page = new QWidget(tabs);
    auto* exported = new CommandListModel(formDocument(), this);
    exported->setNewItemText(QStringLiteral("NEW_VARIABLE"));
    exported->setPath(path("env/exported-variables"));
    addList(formIn(page), QString(), QStringLiteral("env/exported-variables"), exported, true);
    tabs->addTab(page, tr("Exported"));
}

void BuildspecForm::buildPhases() {
    m_phaseTabs = new QTabWidget(addSection(tr("Phases"), QStringLiteral("phases")));
    auto* layout = new QVBoxLayout(m_phaseTabs->parentWidget());
    layout->addWidget(m_phaseTabs);
    for (const char* phase : kPhases)
        addPhaseTab(QString::fromLatin1(phase));
}

void BuildspecForm::addPhaseTab(const QString& phase) {
    auto* page = new QWidget(m_phaseTabs);
    QFormLayout* form = formIn(page);
    const QStringList base{QStringLiteral("phases"), phase};
    QComboBox* onFailure = fields()->addCombo(form, tr("On failure"), QStringLiteral("on-failure"),
                                              fixed(base), false);
    m_onFailure.append({phase, onFailure});
    m_phaseFields.append({phase, onFailure});
    m_phaseFields.append({phase, fields()->addLine(form, tr("Run as"), QStringLiteral("run-as"),
                                                   fixed(base), tr("(the build's user)"))});
    if (phase == QLatin1String("install")) {
        auto* runtimes = new KeyValueTableModel(formDocument(), QStringLiteral("nodejs"), this);
        runtimes->setNewRow({QStringLiteral("latest"), {}});
        runtimes->setPath(base + QStringList{QStringLiteral("runtime-versions")});
        addList(form, tr("Runtime versions"), QStringLiteral("phases/install/runtime-versions"),
                runtimes, false);
    }
    for (const auto& [key, label] :
         {std::pair{"commands", tr("Commands")}, std::pair{"finally", tr("Finally")}}) {
        auto* model = new CommandListModel(formDocument(), this);
        model->setPath(base + QStringList{QString::fromLatin1(key)});
        addList(form, label, QStringLiteral("phases/%1/%2").arg(phase, QLatin1String(key)), model,
                true);
    }
    m_phaseTabs->addTab(page, phase);
}

void BuildspecForm::buildReports() {
    auto* box = addSection(tr("Reports"), QStringLiteral("reports"));
    QFormLayout* form = formIn(box);
    m_reports = new RecordTableModel(formDocument(), RecordTableModel::Rows::Entries,
                                     {{QString(), tr("Report group")},
                                      {QStringLiteral("file-format"), tr("Format")},
                                      {QStringLiteral("base-directory"), tr("Base directory")},
                                      {QStringLiteral("discard-paths"), tr("Discard paths")}},
                                     this);
    m_reports->setNewRow({{}, {{QStringLiteral("file-format"), QStringLiteral("JUNITXML")}}},
                         QStringLiteral("report"));
    m_reports->setPath(path("reports"));
    ListEditor* groups = addList(form, tr("Groups"), QStringLiteral("reports"), m_reports, false);
    auto* files = new CommandListModel(formDocument(), this);
    files->setNewItemText(QStringLiteral("**/*.xml"));
    addList(form, tr("Files of the group"), QStringLiteral("reports/*/files"), files, true);
    connect(groups, &ListEditor::currentRowChanged, this, [this, files](int row) {
        files->setPath(row < 0 ? QStringList()
                               : m_reports->rowPath(row) + QStringList{QStringLiteral("files")});
    });
    groups->setSelectsFirstRow(true);
    groups->announceCurrentRow();
}

void BuildspecForm::buildArtifacts() {
    QFormLayout* form = formIn(addSection(tr("Artifacts"), QStringLiteral("artifacts")));
    const FormFields::PathFn artifacts = fixed(path("artifacts"));
    auto* files = new CommandListModel(formDocument(), this);
    files->setNewItemText(QStringLiteral("**/*"));
    files->setPath(path("artifacts/files"));
    addList(form, tr("Files"), QStringLiteral("artifacts/files"), files, true);
    fields()->addLine(form, tr("Name"), QStringLiteral("name"), artifacts);
    m_baseDirectory =
        fields()->addLine(form, tr("Base directory"), QStringLiteral("base-directory"), artifacts,
                          tr("(the source folder)"));
    fields()->addCombo(form, tr("Discard paths"), QStringLiteral("discard-paths"), artifacts,
                       false);
    auto* exclude = new CommandListModel(formDocument(), this);
    exclude->setNewItemText(QStringLiteral("**/*.tmp"));
    exclude->setPath(path("artifacts/exclude-paths"));
    addList(form, tr("Exclude paths"), QStringLiteral("artifacts/exclude-paths"), exclude, true);
    m_secondary = new RecordTableModel(formDocument(), RecordTableModel::Rows::Entries,
                                       {{QString(), tr("Identifier")},
                                        {QStringLiteral("name"), tr("Name")},
                                        {QStringLiteral("base-directory"), tr("Base directory")},
                                        {QStringLiteral("discard-paths"), tr("Discard paths")}},
                                       this);
    m_secondary->setNewRow({{}, {{QStringLiteral("name"), QStringLiteral("artifact")}}},
                           QStringLiteral("artifact"));
    m_secondary->setPath(path("artifacts/secondary-artifacts"));
    ListEditor* secondary =
        addList(form, tr("Secondary artifacts"), QStringLiteral("artifacts/secondary-artifacts"),
                m_secondary, false);
    auto* secondaryFiles = new CommandListModel(formDocument(), this);
    secondaryFiles->setNewItemText(QStringLiteral("**/*"));
    addList(form, tr("Files of the secondary artifact"),
            QStringLiteral("artifacts/secondary-artifacts/*/files"), secondaryFiles, true);
    connect(secondary, &ListEditor::currentRowChanged, this, [this, secondaryFiles](int row) {
        secondaryFiles->setPath(row < 0 ? QStringList()
                                        : m_secondary->rowPath(row) +
                                              QStringList{QStringLiteral("files")});
    });
    secondary->setSelectsFirstRow(true);
    secondary->announceCurrentRow();
}

void BuildspecForm::buildCache() {
    QFormLayout* form = formIn(addSection(tr("Cache"), QStringLiteral("cache")));
    const FormFields::PathFn cache = fixed(path("cache"));
    fields()->addLine(form, tr("Key"), QStringLiteral("key"), cache, tr("(no key: one cache)"));
    fields()->addCombo(form, tr("Action"), QStringLiteral("action"), cache, false);
    auto* paths = new CommandListModel(formDocument(), this);
    paths->setNewItemText(QStringLiteral("node_modules/**/*"));
    paths->setPath(path("cache/paths"));
    addList(form, tr("Paths"), QStringLiteral("cache/paths"), paths, true);
    auto* fallback = new CommandListModel(formDocument(), this);
    fallback->setNewItemText(QStringLiteral("fallback"));
    fallback->setPath(path("cache/fallback-keys"));
    addList(form, tr("Fallback keys"), QStringLiteral("cache/fallback-keys"), fallback, true);
}

QComboBox* BuildspecForm::onFailureField(const QString& phase) const {
    for (const auto& [name, combo] : m_onFailure)
        if (name == phase)
            return combo;
    return nullptr;
}

QString BuildspecForm::value(const QStringList& path) const {
    return formDocument()->value(path);
}

bool BuildspecForm::setValue(const QStringList& path, const QString& value) {
    return formDocument()->setValue(path, value);
}

void BuildspecForm::refresh() {
    FormPage::refresh();
    const YamlNode phases = formDocument()->node({QStringLiteral("phases")});
    for (const auto& [phase, widget] : std::as_const(m_phaseFields))
        widget->setEnabled(formDocument()->isEditable() && phases.get(phase).isMapping());
}

}  // namespace pw
