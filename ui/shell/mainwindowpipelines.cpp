// MainWindow's part in running pipelines: which pipeline Run Pipeline runs, and wiring a
// pipeline page's Design view (live runs, approvals, build tabs) to the window.
#include "editorpage.h"
#include "graph/pipelinedesigner.h"
#include "mainwindow.h"
#include "monitor/buildmonitor.h"
#include "pipelinerunsession.h"
#include "pipelineworkbench.h"

#include <QDir>
#include <QFileInfo>
#include <QStatusBar>

namespace pw {

// The pipeline in the current editor, else the workspace's pipeline.yml.
QString MainWindow::pipelineTarget() const {
    const EditorPage* page = currentPage();
    if (page && !page->isUntitled() && page->specKind() == SpecKind::Pipeline)
        return page->filePath();
    const QString fallback = QDir(m_workspace).filePath(QStringLiteral("pipeline.yml"));
    return QFileInfo::exists(fallback) ? fallback : QString();
}

PipelineWorkbench* MainWindow::runPipeline(const QString& pipelinePath) {
    const QString target = pipelinePath.isEmpty() ? pipelineTarget() : pipelinePath;
    EditorPage* page = QFileInfo::exists(target) ? openFile(target) : nullptr;
    if (!page || page->specKind() != SpecKind::Pipeline) {
        statusBar()->showMessage(tr("No pipeline to run"), 5000);
        return nullptr;
    }
    // Build actions read their buildspecs from disk; the pipeline file should match them.
    if (page->isModified() && !save(page))
        return nullptr;
    page->showDesign(true);
    PipelineWorkbench* bench = page->pipelineView();
    QString error;
    if (bench->run(&error).isEmpty()) {
        statusBar()->showMessage(error, 8000);
        return nullptr;
    }
    statusBar()->showMessage(tr("Running %1").arg(page->displayName()), 3000);
    return bench;
}

void MainWindow::connectPipelinePage(EditorPage* page) {
    PipelineWorkbench* bench = page->pipelineView();
    connect(bench, &PipelineWorkbench::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(bench, &PipelineWorkbench::openBuildRequested, this,
            [this, bench](const QString& buildId) {
                if (!m_monitor->openPastBuild(bench->session()->workspaceRoot(), buildId))
                    statusBar()->showMessage(tr("Build %1 is not in the history yet").arg(buildId),
                                             5000);
            });
}

}  // namespace pw
