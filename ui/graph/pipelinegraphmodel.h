#pragma once

#include "yaml/diagnostic.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace pw {

struct Pipeline;

struct GraphNode {
    int stage = 0;
    int action = 0;  // index in the stage's action list (document order)
    QString name;
    QString category;
    QString provider;
    int runOrder = 1;
    int row = 0;  // the runOrder's rank in the stage
    QStringList inputs;
    QStringList outputs;
    QRectF rect;
    int line = 0;  // where the action is written, for "go to source"
    Diagnostics problems;
};

struct GraphStage {
    QString name;
    QRectF rect;       // the whole column
    QList<int> nodes;  // sorted by row, then side by side
    int line = 0;
    Diagnostics problems;
};

// An artifact flowing from an output port of one action to an input port of another.
struct GraphEdge {
    int from = 0;
    int fromPort = 0;
    int to = 0;
    int toPort = 0;
    QString artifact;
};

// The designer's graph, computed from the pipeline model alone and independent of any scene:
// stages are columns, actions stack by runOrder and parallel ones sit side by side.
class PipelineGraphModel {
public:
    static constexpr qreal kCardWidth = 216;
    static constexpr qreal kCardHeight = 92;
    static constexpr qreal kHeaderHeight = 52;
    static constexpr qreal kPadding = 20;
    static constexpr qreal kColumnGap = 56;
    static constexpr qreal kRowGap = 28;
    static constexpr qreal kSideGap = 20;

    void build(const Pipeline& pipeline, const Diagnostics& problems = {});

    const QList<GraphStage>& stages() const { return m_stages; }
    const QList<GraphNode>& nodes() const { return m_nodes; }
    const QList<GraphEdge>& edges() const { return m_edges; }
    const Diagnostics& pipelineProblems() const { return m_pipelineProblems; }
    QRectF bounds() const { return m_bounds; }

    int nodeIndex(int stage, int action) const;
    int findNode(const QString& stage, const QString& action) const;
    QPointF inputPort(int node, int port) const;
    QPointF outputPort(int node, int port) const;
    // Keyboard navigation: the node reached from `node` by an arrow key (Qt::Key), or -1.
    int neighbour(int node, int key) const;

private:
    void addStage(const Pipeline& pipeline, int stage, qreal x);
    void connectArtifacts();
    void attachProblems(const Diagnostics& problems);

    QList<GraphStage> m_stages;
    QList<GraphNode> m_nodes;
    QList<GraphEdge> m_edges;
    Diagnostics m_pipelineProblems;
    QRectF m_bounds;
};

}  // namespace pw
