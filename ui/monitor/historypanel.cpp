#include "historypanel.h"

#include "historyfiltermodel.h"
#include "historymodel.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pw {

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new HistoryModel(this))
    , m_filter(new HistoryFilterModel(this))
    , m_view(new QTreeView)
    , m_text(new QLineEdit)
    , m_status(new QComboBox) {
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryModel::StartedColumn, Qt::DescendingOrder);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setToolTip(tr("Double-click a build to open it"));
    m_text->setPlaceholderText(tr("Filter builds"));
    m_text->setClearButtonEnabled(true);
    m_status->addItem(tr("All statuses"), QString());
    for (const char* s :
         {"SUCCEEDED", "FAILED", "FAULT", "STOPPED", "TIMED_OUT", "IN_PROGRESS", "INTERRUPTED"})
        m_status->addItem(QString::fromLatin1(s), QString::fromLatin1(s));
    auto* reload = new QToolButton;
    reload->setText(tr("Refresh"));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_status);
    bar->addWidget(reload);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &HistoryFilterModel::setText);
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatus(m_status->currentData().toString()); });
    connect(reload, &QToolButton::clicked, this, &HistoryPanel::refresh);
    connect(m_view, &QTreeView::activated, this, &HistoryPanel::openIndex);
}

void HistoryPanel::setWorkspace(const QString& workspace) {
    m_workspace = workspace.isEmpty() ? QString() : QDir(workspace).absolutePath();
    m_model->setStateDirectory(
        m_workspace.isEmpty() ? QString() : m_workspace + QStringLiteral("/.pipewright/state"));
    m_view->header()->resizeSections(QHeaderView::ResizeToContents);
}

void HistoryPanel::refresh() {
    m_model->refresh();
}

void HistoryPanel::openIndex(const QModelIndex& proxyIndex) {
    const QString id = proxyIndex.siblingAtColumn(0).data(HistoryModel::IdRole).toString();
    if (!id.isEmpty())
        emit openRequested(m_workspace, id);
}

}  // namespace pw
