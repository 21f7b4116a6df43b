#pragma once

#include <QWidget>
#include <functional>

class QStandardItemModel;
class QTableView;
class QTreeView;
class QUrl;
class QPushButton;

namespace pw {

struct BuildResult;

// The Artifacts tab of a run: each artifact with its files as a folder tree and an
// "Open folder" action, and the exported variables as a table.
class ArtifactsPane : public QWidget {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1 };  // on an artifact row: its zip

    explicit ArtifactsPane(QWidget* parent = nullptr);

    void setResult(const BuildResult& result);
    // Tests replace QDesktopServices::openUrl.
    void setUrlOpener(std::function<bool(const QUrl&)> opener);
    // The folder of the selected artifact (or of the first one) in the file manager.
    bool openFolder();

    QTreeView* artifactView() const { return m_tree; }
    QTableView* variableView() const { return m_variables; }
    QStandardItemModel* artifactModel() const { return m_artifacts; }
    QStandardItemModel* variableModel() const { return m_variableModel; }
    QPushButton* openFolderButton() const { return m_open; }

private:
    QString selectedArtifactPath() const;

    QStandardItemModel* m_artifacts;
    QStandardItemModel* m_variableModel;
    QTreeView* m_tree;
    QTableView* m_variables;
    QPushButton* m_open;
    std::function<bool(const QUrl&)> m_opener;
};

}  // namespace pw
