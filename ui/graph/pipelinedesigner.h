#pragma once

#include "engine/pipeline/pipelinestate.h"
#include "graph/pipelinegraphmodel.h"

#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QTextDocument;
class QTimer;
class QToolBar;
class QUndoStack;

namespace pw {

class PipelineScene;
class PipelineView;
struct PipelineEdit;

// The pipeline designer: a graph view of a pipeline file's text. Every edit is a minimal text
// edit (comments and formatting kept), applied here, put on the undo stack and announced with
// textEditRequested so the host's editor can apply the same bytes.
class PipelineDesigner : public QWidget {
    Q_OBJECT
public:
    explicit PipelineDesigner(QWidget* parent = nullptr);
    ~PipelineDesigner() override;

    // Replaces the document; the host calls it when the text changed elsewhere.
    void setDocument(const QByteArray& text, const QString& path);
    // Hosted mode: the designer shows `document` and writes its edits into it as undo steps of
    // the document's own history, so text and graph share one undo/redo. Text typed elsewhere
    // reaches the graph after a short pause.
    void setSharedDocument(QTextDocument* document, const QString& path);
    QTextDocument* sharedDocument() const { return m_shared; }
    // Re-reads the shared document now instead of after the pause.
    void syncFromDocument();
    const QByteArray& text() const { return m_text; }
    const QString& path() const { return m_path; }
    const PipelineGraphModel& model() const { return m_model; }
    PipelineView* view() const { return m_view; }
    PipelineScene* scene() const { return m_scene; }
    QUndoStack* undoStack() const { return m_undo; }
    QToolBar* toolBar() const { return m_toolBar; }
    int selectedNode() const;
    void selectNode(int node);

    // Edits; each returns why it could not be made, or an empty string.
    QString renameStage(int stage, const QString& name);
    QString renameAction(int node, const QString& name);
    QString setRunOrder(int node, int runOrder);
    QString removeStage(int stage);
    QString removeAction(int node);
    QString addStage(int index, const QString& name, const QString& category);
    QString addAction(int stage, const QString& category);
    QString moveAction(int node, int toStage, int runOrder);
    // Feeds output `port` of `from` into `to` as an input artifact.
    QString connectArtifact(int from, int port, int to);
    // Where a card dropped at `centre` lands: {stage, runOrder}, or {-1, 0} outside stages.
    QPair<int, int> dropTarget(QPointF centre) const;

    // Makes one edit (from pipelineedits or the inspector) an undo step.
    QString push(const QString& title, const PipelineEdit& edit);
    // Applies one text edit without touching the undo stack (the undo commands use it).
    void applyTextEdit(const TextEdit& edit);

public slots:
    void setExecutionState(const pw::ExecutionState& state, qint64 nowMs = 0);
    void clearExecutionState();

signals:
    void textEditRequested(const pw::TextEdit& edit);
    void selectionChanged(int node);
    void modelChanged();  // the graph was rebuilt from new text
    void openBuildRequested(const QString& externalRunId);
    void approveRequested(const QString& stage, const QString& action);
    void rejectRequested(const QString& stage, const QString& action);
    void editFailed(const QString& reason);

private:
    void buildToolBar();
    void rebuild();
    void onActivated(int node);
    void onDropped(int node, QPointF centre);
    void promptRename();
    void addActionToSelection(const QString& category);
    void addStageAfterSelection();
    QString uniqueName(const QString& base, int stage) const;
    void updateStatus();

    QByteArray m_text;
    QString m_path;
    PipelineGraphModel m_model;
    std::optional<ExecutionState> m_execution;
    qint64 m_executionNowMs = 0;
    QToolBar* m_toolBar = nullptr;
    PipelineScene* m_scene = nullptr;
    PipelineView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QUndoStack* m_undo = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QTextDocument* m_shared = nullptr;
    QTimer* m_syncTimer = nullptr;
    bool m_writing = false;  // our own edit is going into the shared document
};

}  // namespace pw
