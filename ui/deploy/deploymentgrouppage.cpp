#include "deploymentgrouppage.h"

#include "deploymentheader.h"
#include "deploymenthistorymodel.h"
#include "engine/runevent.h"
#include "instancecarddelegate.h"
#include "instancegridmodel.h"
#include "lifecycletimelinemodel.h"
#include "livescriptlogs.h"
#include "monitor/logpane.h"
#include "monitor/phasetimelinemodel.h"
#include "monitor/phasetimelineview.h"
#include "trafficpanel.h"
#include "trafficsplitbar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pw {

namespace {

// appspec.md §2.1: the events no appspec can script.
bool isReservedEvent(const QString& event) {
    static const QStringList reserved{QStringLiteral("DownloadBundle"), QStringLiteral("Install"),
                                      QStringLiteral("BlockTraffic"),
                                      QStringLiteral("AllowTraffic")};
    return reserved.contains(event);
}

}  // namespace

DeploymentGroupPage::DeploymentGroupPage(const QString& application, const QString& group,
                                         QWidget* parent)
    : QWidget(parent)
    , m_application(application)
    , m_group(group)
    , m_live(std::make_unique<LiveScriptLogs>())
    , m_header(new DeploymentHeader(application, group))
    , m_instances(new InstanceGridModel(this))
    , m_timeline(new LifecycleTimelineModel(this))
    , m_history(new DeploymentHistoryModel(this))
    , m_ticker(new QTimer(this)) {
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(buildInstancePane());
    m_traffic = new TrafficPanel;
    m_trafficBox = titled(tr("Traffic at the router"), m_traffic);
    top->addWidget(m_trafficBox);
    // Proportions, not pixels: QSplitter scales them to the page.
    top->setSizes({2500, 2500});
    auto* middle = new QSplitter(Qt::Horizontal);
    middle->addWidget(buildTimelinePane());
    middle->addWidget(buildLogPane());
    middle->setSizes({5000, 4000});
    auto* rows = new QSplitter(Qt::Vertical);
    rows->addWidget(top);
    rows->addWidget(middle);
    rows->addWidget(buildHistoryPane());
    rows->setSizes({4000, 4000, 2200});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(rows, 1);

    m_ticker->setInterval(500);
    connect(m_ticker, &QTimer::timeout, this, [this] { setNow(nowUtcMs()); });
    updateTrafficVisibility();
    updateButtons();
}

DeploymentGroupPage::~DeploymentGroupPage() = default;

QWidget* DeploymentGroupPage::titled(const QString& title, QWidget* content, QLabel** label) {
    auto* box = new QWidget;
    auto* heading = new QLabel(title);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 6, 2, 2);
    layout->addWidget(heading);
    layout->addWidget(content, 1);
    if (label)
        *label = heading;
    return box;
}

QWidget* DeploymentGroupPage::buildInstancePane() {
    m_grid = new QListView;
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setFlow(QListView::LeftToRight);
    m_grid->setWrapping(true);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setMouseTracking(true);  // hover highlight on the cards
    m_grid->setItemDelegate(new InstanceCardDelegate(m_grid));
    m_grid->setGridSize(InstanceCardDelegate::cardSize(m_grid->font()));
    m_grid->setModel(m_instances);
    // Mouse or keyboard: a card the user makes current is kept while snapshots arrive.
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                if (m_selecting || !index.isValid())
                    return;
                m_userPickedInstance = true;
                m_userPickedEvent = false;
                selectInstance(index.data(InstanceGridModel::NameRole).toString());
            });
    return titled(tr("Instances"), m_grid);
}

QWidget* DeploymentGroupPage::buildTimelinePane() {
    m_timelineView = new PhaseTimelineView;
    m_timelineView->setModel(m_timeline);
    m_timelineView->setRootIsDecorated(false);
    QHeaderView* h = m_timelineView->header();
    // The bars take the room left; the message column keeps a readable width after them.
    h->setStretchLastSection(false);
    h->resizeSection(PhaseTimelineModel::NameColumn, 150);
    h->resizeSection(PhaseTimelineModel::StatusColumn, 85);
    h->resizeSection(PhaseTimelineModel::DurationColumn, 90);
    h->setSectionResizeMode(PhaseTimelineModel::BarColumn, QHeaderView::Stretch);
    h->resizeSection(PhaseTimelineModel::ContextColumn, 240);
    h->setMinimumSectionSize(40);
    connect(m_timelineView, &QAbstractItemView::clicked, this,
            &DeploymentGroupPage::onTimelineClicked);
    return titled(tr("Lifecycle events"), m_timelineView, &m_timelineTitle);
}

QWidget* DeploymentGroupPage::buildLogPane() {
    m_log = new LogPane;
    m_noLog = new QLabel(tr("Click a lifecycle event to see its script log."));
    m_noLog->setAlignment(Qt::AlignCenter);
    m_noLog->setWordWrap(true);
    m_noLog->setEnabled(false);
    m_logStack = new QStackedWidget;
    m_logStack->addWidget(m_noLog);
    m_logStack->addWidget(m_log);
    return titled(tr("Script log"), m_logStack, &m_logTitle);
}

QWidget* DeploymentGroupPage::buildHistoryPane() {
    m_historyView = new QTableView;
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->setShowGrid(false);
    m_redeploy = new QPushButton(tr("Redeploy"));
    m_redeploy->setToolTip(tr("Deploy the selected deployment's revision again"));
    m_rollback = new QPushButton(tr("Roll back"));
    connect(m_redeploy, &QPushButton::clicked, this, [this] {
        const QModelIndex row = m_historyView->currentIndex();
        const QString revision = row.data(DeploymentHistoryModel::RevisionIdRole).toString();
        if (!revision.isEmpty())
            emit redeployRequested(revision);
    });
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setToolTip(tr("Stop the running deployment: nothing new starts, scripts get SIGTERM"));
    m_continue = new QPushButton(tr("Continue"));
    m_continue->setToolTip(tr("Shift traffic to the replacement fleet now"));
    connect(m_rollback, &QPushButton::clicked, this, &DeploymentGroupPage::rollbackRequested);
    connect(m_stop, &QPushButton::clicked, this, &DeploymentGroupPage::stopRequested);
    connect(m_continue, &QPushButton::clicked, this, &DeploymentGroupPage::continueRequested);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeploymentGroupPage::updateButtons);
    connect(m_history, &QAbstractItemModel::modelReset, this, &DeploymentGroupPage::updateButtons);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_redeploy);
    buttons->addWidget(m_rollback);
    buttons->addSpacing(12);
    buttons->addWidget(m_continue);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_historyView, 1);
    layout->addLayout(buttons);
    return titled(tr("Deployment history"), row);
}

void DeploymentGroupPage::setHistory(const QList<DeploymentState>& deployments) {
    m_history->setHistory(deployments);
    if (!m_state.deploymentId.isEmpty())
        m_history->upsert(m_state);
    updateButtons();
}

void DeploymentGroupPage::setRouter(TrafficRouter* router) {
    m_hasRouter = router != nullptr;
    m_traffic->setRouter(router);
    updateTrafficVisibility();
}

void DeploymentGroupPage::updateTrafficVisibility() {
    m_trafficBox->setVisible(m_hasRouter);
    m_traffic->splitBar()->setVisible(m_state.style == QLatin1String("blue-green"));
}

void DeploymentGroupPage::setState(const DeploymentState& state) {
    if (state.deploymentId != m_state.deploymentId) {
        m_live->clear();
        m_userPickedEvent = false;
    }
    m_state = state;
    m_header->setState(state);
    m_instances->setState(state);
    m_timeline->setState(state);
    m_traffic->setState(state);
    if (!state.deploymentId.isEmpty())
        m_history->upsert(state);
    updateTrafficVisibility();
    followInstance();
    updateButtons();
    if (state.isFinished())
        m_ticker->stop();
    else if (!m_ticker->isActive())
        m_ticker->start();
}

void DeploymentGroupPage::setNow(qint64 ms) {
    m_timeline->setNow(ms);
    m_history->setNow(ms);
}

void DeploymentGroupPage::followInstance() {
    // Until the user picks a card, the page follows the instance being deployed.
    QString name = selectedInstance();
    if (!m_userPickedInstance || m_instances->rowOf(name) < 0) {
        for (const InstanceState& in : m_state.instances)
            if (in.status == QLatin1String("InProgress")) {
                name = in.name;
                break;
            }
    }
    if (m_instances->rowOf(name) < 0 && !m_state.instances.isEmpty())
        name = m_state.instances.first().name;
    selectInstance(name);
}

void DeploymentGroupPage::selectInstance(const QString& instance) {
    const int row = m_instances->rowOf(instance);
    if (row >= 0 && m_grid->currentIndex().row() != row) {
        m_selecting = true;
        m_grid->setCurrentIndex(m_instances->index(row));
        m_selecting = false;
    }
    m_timeline->setInstance(instance);
    m_timelineTitle->setText(instance.isEmpty() ? tr("Lifecycle events")
                                                : tr("Lifecycle events of %1").arg(instance));
    if (m_userPickedEvent && instance == m_shownInstance)
        return;
    // Follow the instance's current event until the user picks one.
    if (row < 0)
        return;
    if (const LifecycleEventState* current = currentLifecycleEvent(m_state.instances[row]))
        showEventLog(instance, current->name);
}

QString DeploymentGroupPage::selectedInstance() const {
    return m_timeline->instance();
}

void DeploymentGroupPage::onTimelineClicked(const QModelIndex& index) {
    m_userPickedEvent = true;
    showEventLog(m_timeline->instance(),
                 index.data(LifecycleTimelineModel::EventNameRole).toString());
}

QString DeploymentGroupPage::logFileFor(const QString& instance, const QString& event) const {
    for (const InstanceState& in : m_state.instances) {
        if (in.name != instance)
            continue;
        for (const LifecycleEventState& e : in.lifecycleEvents)
            if (e.name == event && !e.logPath.isEmpty() && QFileInfo::exists(e.logPath))
                return e.logPath;
    }
    return m_live->path(instance, event);
}

void DeploymentGroupPage::showEventLog(const QString& instance, const QString& event) {
    m_shownInstance = instance;
    m_shownEvent = event;
    m_logTitle->setText(tr("Script log of %1, %2").arg(instance, event));
    const QString path = logFileFor(instance, event);
    if (path.isEmpty()) {
        m_shownLog.clear();
        m_noLog->setText(isReservedEvent(event)
                             ? tr("%1 is done by the engine itself and runs no script.").arg(event)
                             : tr("%1 has printed nothing yet.").arg(event));
        m_logStack->setCurrentWidget(m_noLog);
        return;
    }
    if (path != m_shownLog && !m_log->openFile(path))
        return;
    m_shownLog = path;
    m_logStack->setCurrentWidget(m_log);
}

void DeploymentGroupPage::appendScriptOutput(const QString& instance, const QString& lifecycleEvent,
                                             const QByteArray& chunk) {
    const bool first = m_live->path(instance, lifecycleEvent).isEmpty();
    m_live->append(instance, lifecycleEvent, chunk);
    // The shown event's first output: open its file (later chunks are picked up by polling).
    if (first && instance == m_shownInstance && lifecycleEvent == m_shownEvent)
        showEventLog(instance, lifecycleEvent);
    else if (!m_userPickedEvent && instance == selectedInstance() && lifecycleEvent != m_shownEvent)
        showEventLog(instance, lifecycleEvent);
}

void DeploymentGroupPage::updateButtons() {
    const bool running = !m_state.deploymentId.isEmpty() && !m_state.isFinished();
    const QString selected =
        m_historyView->currentIndex().data(DeploymentHistoryModel::RevisionIdRole).toString();
    m_redeploy->setEnabled(!running && !selected.isEmpty());
    const DeploymentState* newest = m_history->deployment(0);
    const QString good =
        m_history->lastSucceededRevision(newest ? newest->deploymentId : QString());
    m_rollback->setEnabled(!running && !good.isEmpty());
    m_stop->setEnabled(running);
    m_continue->setVisible(m_state.status == QLatin1String("Ready"));
    m_rollback->setToolTip(
        good.isEmpty() ? tr("No earlier successful deployment to roll back to")
                       : tr("Deploy the last successful revision again (%1)").arg(good.left(12)));
}

}  // namespace pw
