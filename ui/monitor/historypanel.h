#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTreeView;

namespace pw {

class HistoryFilterModel;
class HistoryModel;

// The Build history panel: the workspace's past builds, filterable by text and status;
// opening one (double-click, Enter) asks for a run tab read back from the store.
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    void setWorkspace(const QString& workspace);
    QString workspace() const { return m_workspace; }
    void refresh();

    HistoryModel* model() const { return m_model; }
    HistoryFilterModel* filter() const { return m_filter; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_text; }
    QComboBox* statusBox() const { return m_status; }

signals:
    void openRequested(const QString& workspace, const QString& buildId);

private:
    void openIndex(const QModelIndex& proxyIndex);

    QString m_workspace;
    HistoryModel* m_model;
    HistoryFilterModel* m_filter;
    QTreeView* m_view;
    QLineEdit* m_text;
    QComboBox* m_status;
};

}  // namespace pw
