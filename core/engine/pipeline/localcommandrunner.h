#pragma once

#include "engine/pipeline/actionrunner.h"

class QProcess;

namespace pw {

// Pipewright's own provider (owner Custom, provider "Pipewright-LocalCommand") for steps that
// have no AWS equivalent locally: runs configuration `Command` with `sh -c` in a working copy
// of the first input artifact. Input artifacts are exposed as PIPEWRIGHT_INPUT_<NAME>; lines
// `NAME=value` written to $PIPEWRIGHT_OUTPUT_VARIABLES become output variables; the working
// folder (or its `OutputPath` subfolder) becomes the first output artifact.
class LocalCommandRunner : public ActionRunner {
    Q_OBJECT
public:
    using ActionRunner::ActionRunner;
    ~LocalCommandRunner() override;
    void start() override;
    void stop() override;

    static QString providerName() { return QStringLiteral("Pipewright-LocalCommand"); }

private:
    void runCommand();
    void onFinished(int exitCode);
    void killGroup();

    QProcess* m_process = nullptr;
    QString m_workDir;
    qint64 m_pid = 0;
    bool m_stopped = false;
};

}  // namespace pw
