#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace pw {

struct DeploymentState;

// The top of a group page: application / group, the deployment's id, configuration, style and
// revision, its status, the instance counts as CodeDeploy shows them and a progress bar.
class DeploymentHeader : public QWidget {
    Q_OBJECT
public:
    DeploymentHeader(const QString& application, const QString& group, QWidget* parent = nullptr);

    void setState(const DeploymentState& state);
    // The instance count shown for a status word (Pending, InProgress, ...), -1 if unknown.
    int shownCount(const QString& word) const;
    QString statusText() const;
    QString detailsText() const;
    QString errorText() const;
    QProgressBar* progressBar() const { return m_progress; }
    QString progressText() const;

    static const QStringList& countWords();

private:
    QLabel* addCount(const QString& word);
    void setCount(const QString& word, int count);

    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_details;
    QLabel* m_error;
    QProgressBar* m_progress;
    QLabel* m_done;
    QHash<QString, QLabel*> m_counts;
    QHash<QString, int> m_values;
};

// Mean progress of the instances' lifecycle events, 0..1 (1 when a finished deployment had none).
double deploymentProgress(const DeploymentState& state);

}  // namespace pw
