#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QToolBar;

namespace pw {

class LogIndex;
class LogSearchBar;
class LogView;

// The log tab of a run: a tool bar (follow, timestamps, wrap, first error, fold, save, zoom),
// the log view and its search bar.
class LogPane : public QWidget {
    Q_OBJECT
public:
    explicit LogPane(QWidget* parent = nullptr);

    bool openFile(const QString& path, QString* error = nullptr);
    void setIndex(LogIndex* index);
    LogView* view() const { return m_view; }
    LogSearchBar* searchBar() const { return m_search; }
    QToolBar* toolBar() const { return m_toolBar; }
    QString statusText() const;
    void saveAs();

private:
    void createActions();
    QAction* addToggle(const QString& text, const QString& tip, bool checked);
    void updateSearchStatus();
    void updateStatus();

    QToolBar* m_toolBar;
    LogView* m_view;
    LogSearchBar* m_search;
    QLabel* m_status;
    QAction* m_follow = nullptr;
};

}  // namespace pw
