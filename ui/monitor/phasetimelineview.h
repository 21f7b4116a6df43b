#pragma once

#include <QTreeView>

namespace pw {

class PhaseTimelineModel;

// The phase table of a run with a Gantt bar per phase and command; a click asks for the log
// line where that phase or command started.
class PhaseTimelineView : public QTreeView {
    Q_OBJECT
public:
    explicit PhaseTimelineView(QWidget* parent = nullptr);
    void setTimelineModel(PhaseTimelineModel* model);

signals:
    void logLineRequested(qint64 line);
};

}  // namespace pw
