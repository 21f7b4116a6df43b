#pragma once

#include <QMainWindow>

namespace pw {

// The workspace window. For now it shows the workspace's path; the editor, tree and panels
// arrive with the desktop-app issue.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& workspacePath, QWidget* parent = nullptr);
};

}  // namespace pw
