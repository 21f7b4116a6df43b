#pragma once

#include <QStringList>
#include <QWidget>
#include <optional>

namespace pw {

class CommandListModel;
class FormPage;
class RecordTableModel;

// The settings of one deployment group of a workspace file: instances, load balancer and
// health check, blue/green fleet and traffic, rollback and alarm. Follows the group
// selected in the workspace form; with none selected it is disabled.
class DeploymentGroupEditor : public QWidget {
    Q_OBJECT
public:
    explicit DeploymentGroupEditor(FormPage* page, QWidget* parent = nullptr);

    // The group's path, e.g. {"applications", "web", "deployment-groups", "web-dev"}.
    void setGroupPath(const QStringList& path);

private:
    QWidget* instancesTab();
    QWidget* trafficTab();
    QWidget* blueGreenTab();
    QWidget* rollbackTab();
    std::optional<QStringList> below(const QString& relative) const;

    FormPage* m_page;
    QStringList m_group;
    RecordTableModel* m_instances = nullptr;
    RecordTableModel* m_replacements = nullptr;
    CommandListModel* m_events = nullptr;
};

}  // namespace pw
