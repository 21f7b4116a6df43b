#include "graph/pipelinegraphmodel.h"

#include "spec/pipeline.h"

#include <QHash>
#include <QMap>
#include <algorithm>

namespace pw {

namespace {

qreal portY(const QRectF& rect, int port, int count) {
    return rect.top() + rect.height() * (port + 1) / (count + 1);
}

}  // namespace

void PipelineGraphModel::build(const Pipeline& pipeline, const Diagnostics& problems) {
    m_stages.clear();
    m_nodes.clear();
    m_edges.clear();
    m_pipelineProblems.clear();
    qreal x = 0;
    for (int s = 0; s < pipeline.stages.size(); ++s) {
        addStage(pipeline, s, x);
        x = m_stages.last().rect.right() + kColumnGap;
    }
    // Every column is as tall as the tallest so the header bands line up.
    qreal height = kHeaderHeight + kCardHeight + 2 * kPadding;
    for (const GraphStage& stage : m_stages)
        height = std::max(height, stage.rect.height());
    for (GraphStage& stage : m_stages)
        stage.rect.setHeight(height);
    m_bounds = m_stages.isEmpty() ? QRectF() : QRectF(0, 0, m_stages.last().rect.right(), height);
    connectArtifacts();
    attachProblems(problems);
}

void PipelineGraphModel::addStage(const Pipeline& pipeline, int s, qreal x) {
    const PipelineStage& source = pipeline.stages[s];
    GraphStage stage;
    stage.name = source.name.text;
    stage.line = source.name.mark.isValid() ? source.name.mark.line : source.mark.line;
    // Rank runOrders: actions sharing one run in parallel and sit side by side.
    QMap<int, QList<int>> rows;
    for (int a = 0; a < source.actions.size(); ++a)
        rows[source.actions[a].runOrder].append(a);
    int widest = 1;
    for (const QList<int>& row : rows)
        widest = std::max(widest, int(row.size()));
    const qreal width = widest * (kCardWidth + kSideGap) - kSideGap + 2 * kPadding;
    int rank = 0;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it, ++rank) {
        const qreal y = kHeaderHeight + kPadding + rank * (kCardHeight + kRowGap);
        // Centre a row narrower than the stage so single actions line up on the axis.
        qreal left = x + (width - (it->size() * (kCardWidth + kSideGap) - kSideGap)) / 2;
        for (int a : *it) {
            const PipelineAction& action = source.actions[a];
            GraphNode node;
            node.stage = s;
            node.action = a;
            node.name = action.name.text;
            node.category = action.category.text;
            node.provider = action.provider.text;
            node.runOrder = action.runOrder;
            node.row = rank;
            for (const PipelineValue& v : action.inputArtifacts)
                node.inputs << v.text;
            for (const PipelineValue& v : action.outputArtifacts)
                node.outputs << v.text;
            node.rect = QRectF(left, y, kCardWidth, kCardHeight);
            node.line = action.name.mark.isValid() ? action.name.mark.line : action.mark.line;
            left += kCardWidth + kSideGap;
            stage.nodes << int(m_nodes.size());
            m_nodes << node;
        }
    }
    const qreal height = kHeaderHeight + 2 * kPadding + std::max(1, rank) * kCardHeight +
                         std::max(0, rank - 1) * kRowGap;
    stage.rect = QRectF(x, 0, width, height);
    m_stages << stage;
}

void PipelineGraphModel::connectArtifacts() {
    // The first producer wins; duplicates are the validator's to report.
    QHash<QString, QPair<int, int>> producers;
    for (int n = 0; n < m_nodes.size(); ++n) {
        for (int p = 0; p < m_nodes[n].outputs.size(); ++p) {
            if (!producers.contains(m_nodes[n].outputs[p]))
                producers.insert(m_nodes[n].outputs[p], {n, p});
        }
    }
    for (int n = 0; n < m_nodes.size(); ++n) {
        for (int p = 0; p < m_nodes[n].inputs.size(); ++p) {
            const auto it = producers.constFind(m_nodes[n].inputs[p]);
            if (it != producers.cend() && it->first != n)
                m_edges << GraphEdge{it->first, it->second, n, p, m_nodes[n].inputs[p]};
        }
    }
}

void PipelineGraphModel::attachProblems(const Diagnostics& problems) {
    // Anchors in line order: a diagnostic belongs to the last stage or action written above it.
    QMap<int, int> anchors;  // line -> node index, or -1 - stage index
    for (int s = 0; s < m_stages.size(); ++s)
        anchors.insert(m_stages[s].line, -1 - s);
    for (int n = 0; n < m_nodes.size(); ++n)
        anchors.insert(m_nodes[n].line, n);
    for (const Diagnostic& d : problems) {
        auto it = anchors.upperBound(d.line);
        if (d.line <= 0 || it == anchors.cbegin()) {
            m_pipelineProblems << d;
            continue;
        }
        const int anchor = (--it).value();
        if (anchor >= 0)
            m_nodes[anchor].problems << d;
        else
            m_stages[-1 - anchor].problems << d;
    }
}

int PipelineGraphModel::nodeIndex(int stage, int action) const {
    for (int n = 0; n < m_nodes.size(); ++n) {
        if (m_nodes[n].stage == stage && m_nodes[n].action == action)
            return n;
    }
    return -1;
}

int PipelineGraphModel::findNode(const QString& stage, const QString& action) const {
    for (const GraphStage& s : m_stages) {
        if (s.name != stage)
            continue;
        for (int n : s.nodes) {
            if (m_nodes[n].name == action)
                return n;
        }
    }
    return -1;
}

QPointF PipelineGraphModel::inputPort(int node, int port) const {
    const GraphNode& n = m_nodes[node];
    return {n.rect.left(), portY(n.rect, port, int(n.inputs.size()))};
}

QPointF PipelineGraphModel::outputPort(int node, int port) const {
    const GraphNode& n = m_nodes[node];
    return {n.rect.right(), portY(n.rect, port, int(n.outputs.size()))};
}

int PipelineGraphModel::neighbour(int node, int key) const {
    if (node < 0 || node >= m_nodes.size())
        return m_nodes.isEmpty() ? -1 : 0;
    const GraphNode& from = m_nodes[node];
    const QList<int>& column = m_stages[from.stage].nodes;
    const int at = int(column.indexOf(node));
    if (key == Qt::Key_Up || key == Qt::Key_Down) {
        const int next = at + (key == Qt::Key_Down ? 1 : -1);
        return next >= 0 && next < column.size() ? column[next] : -1;
    }
    const int stage = from.stage + (key == Qt::Key_Right ? 1 : -1);
    if ((key != Qt::Key_Left && key != Qt::Key_Right) || stage < 0 || stage >= m_stages.size())
        return -1;
    // The closest card of the next column, by vertical then horizontal distance.
    int best = -1;
    qreal bestDistance = 0;
    for (int n : m_stages[stage].nodes) {
        const QPointF d = m_nodes[n].rect.center() - from.rect.center();
        const qreal distance = std::abs(d.y()) * 4 + std::abs(d.x());
        if (best < 0 || distance < bestDistance) {
            best = n;
            bestDistance = distance;
        }
    }
    return best;
}

}  // namespace pw
