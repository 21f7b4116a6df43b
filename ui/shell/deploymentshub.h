#pragma once

#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace pw {

class DeploymentGroupPage;

// The window's deployments: a "Deployments" dock with one dashboard tab per deployment group
// bound in workspace.yml, and the Run menu's Deployments submenu that opens them and deploys
// the workspace folder to a group.
class DeploymentsHub : public QObject {
    Q_OBJECT
public:
    explicit DeploymentsHub(QMainWindow* window);

    // Closes the pages of the previous workspace (their routers stop with them).
    void setWorkspace(const QString& root);
    QMenu* menu() const { return m_menu; }
    QDockWidget* dock() const { return m_dock; }
    QTabWidget* tabs() const { return m_tabs; }

    // Opens (or shows) the group's dashboard; null with the reason in *error.
    DeploymentGroupPage* openGroup(const QString& application, const QString& group,
                                   QString* error = nullptr);
    // Deploys the workspace folder to the group, as `pipewright-cli deploy` does.
    bool deployWorkspace(const QString& application, const QString& group,
                         QString* error = nullptr);

Q_SIGNALS:
    void message(const QString& text);

private:
    void fillMenu();

    QMainWindow* m_window;
    QDockWidget* m_dock;
    QTabWidget* m_tabs;
    QMenu* m_menu;
    QString m_root;
};

}  // namespace pw
