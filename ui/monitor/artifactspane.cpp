#include "artifactspane.h"

#include "engine/buildresult.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace pw {

namespace {

constexpr int kFolderRole = ArtifactsPane::PathRole + 1;

// The item for `dir` ("a/b") under `root`, created with its parents as needed.
QStandardItem* folderItem(QStandardItem* root, const QString& dir) {
    QStandardItem* at = root;
    for (const QString& part : dir.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QStandardItem* next = nullptr;
        for (int r = 0; r < at->rowCount() && !next; ++r)
            if (at->child(r)->text() == part && at->child(r)->data(kFolderRole).toBool())
                next = at->child(r);
        if (!next) {
            next = new QStandardItem(part);
            next->setData(true, kFolderRole);
            at->appendRow({next, new QStandardItem});
        }
        at = next;
    }
    return at;
}

void addFiles(QStandardItem* artifact, const QStringList& files) {
    for (const QString& file : files) {
        const QString dir = file.section(QLatin1Char('/'), 0, -2);
        QStandardItem* parent = folderItem(artifact, dir);
        parent->appendRow(
            {new QStandardItem(file.section(QLatin1Char('/'), -1)), new QStandardItem(file)});
    }
}

}  // namespace

ArtifactsPane::ArtifactsPane(QWidget* parent)
    : QWidget(parent)
    , m_artifacts(new QStandardItemModel(this))
    , m_variableModel(new QStandardItemModel(this))
    , m_tree(new QTreeView)
    , m_variables(new QTableView)
    , m_open(new QPushButton(tr("Open folder")))
    , m_opener([](const QUrl& url) { return QDesktopServices::openUrl(url); }) {
    m_tree->setModel(m_artifacts);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_variables->setModel(m_variableModel);
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->verticalHeader()->setVisible(false);
    m_variables->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_open->setToolTip(tr("Show the folder holding the selected artifact"));
    m_open->setEnabled(false);
    connect(m_open, &QPushButton::clicked, this, &ArtifactsPane::openFolder);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Artifacts")), 1);
    bar->addWidget(m_open);
    leftLayout->addLayout(bar);
    leftLayout->addWidget(m_tree);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Exported variables")));
    rightLayout->addWidget(m_variables);
    auto* split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void ArtifactsPane::setResult(const BuildResult& result) {
    m_artifacts->clear();
    m_artifacts->setHorizontalHeaderLabels({tr("Artifact / file"), tr("Path")});
    for (const ArtifactRecord& a : result.artifacts) {
        const QString name = a.name.isEmpty() ? tr("primary") : a.name;
        auto* item = new QStandardItem(tr("%1 (%2 files)").arg(name).arg(a.files.size()));
        item->setData(a.path, PathRole);
        item->setToolTip(a.path);
        addFiles(item, a.files);
        m_artifacts->appendRow({item, new QStandardItem(a.path)});
    }
    if (m_artifacts->rowCount() > 0)
        m_tree->expand(m_artifacts->index(0, 0));
    m_tree->resizeColumnToContents(0);
    m_open->setEnabled(m_artifacts->rowCount() > 0);
    m_variableModel->clear();
    m_variableModel->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    for (const auto& [name, value] : result.exportedVariables)
        m_variableModel->appendRow({new QStandardItem(name), new QStandardItem(value)});
}

void ArtifactsPane::setUrlOpener(std::function<bool(const QUrl&)> opener) {
    m_opener = std::move(opener);
}

QString ArtifactsPane::selectedArtifactPath() const {
    QModelIndex i = m_tree->currentIndex().siblingAtColumn(0);
    while (i.parent().isValid())
        i = i.parent();
    if (!i.isValid())
        i = m_artifacts->index(0, 0);
    return i.data(PathRole).toString();
}

bool ArtifactsPane::openFolder() {
    const QString path = selectedArtifactPath();
    if (path.isEmpty())
        return false;
    // The zip's folder, or the artifact itself when it was kept unpacked.
    const QFileInfo info(path);
    return m_opener(
        QUrl::fromLocalFile(info.isDir() ? info.absoluteFilePath() : info.absolutePath()));
}

}  // namespace pw
