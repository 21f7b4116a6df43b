#pragma once

#include "engine/pipeline/actionrunner.h"

class QProcess;

namespace pw {

// Source actions (CodeCommit, GitHub, CodeStarSourceConnection, S3) read the bound local
// stand-in from workspace.yml `sources`: a git repository and branch, whose tree at one
// commit becomes the output artifact, or a folder/zip standing in for an S3 object.
class SourceActionRunner : public ActionRunner {
    Q_OBJECT
public:
    using ActionRunner::ActionRunner;
    void start() override;
    void stop() override;

private:
    void startGit(const QString& repository, const QString& branch);
    void readCommit();
    void exportTree();
    void copyPath(const QString& path);
    void run(const QString& program, const QStringList& args,
             std::function<void(const QByteArray&)> done);
    QString outputFolder() const;

    QProcess* m_process = nullptr;
    QProcess* m_tar = nullptr;
    QString m_repository;
    QString m_branch;
    QString m_commit;
    VariableList m_variables;
    bool m_stopped = false;
};

}  // namespace pw
