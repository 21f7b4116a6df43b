#pragma once

#include "deploy/instancedeployment.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace pw {

class HookRunner;
class ProcessSweeper;
struct HookResult;

// Terminates one original instance at the end of a blue/green deployment with
// `original-instances: terminate` (appspec.md §5). A sandbox instance is "terminated" like a
// host: the ApplicationStop scripts of the revision last installed on it run (the agent's way
// of stopping the app), then ProcessSweeper ends whatever still runs from its sandbox, so its
// port stops answering. A host instance is this machine: it is only deregistered, never swept.
// Stop-script failures do not keep the instance alive; they are reported in the message.
class InstanceTerminator : public QObject {
    Q_OBJECT
public:
    explicit InstanceTerminator(InstanceJob job, QObject* parent = nullptr);
    ~InstanceTerminator() override;

    void start();
    const QString& name() const { return m_job.instance.name; }
    const QByteArray& log() const { return m_log; }

signals:
    void finished(bool ok, const QString& message);

private:
    void runApplicationStop();
    void onStopped(const HookResult& result);
    void sweep();
    void writeLog() const;

    InstanceJob m_job;
    InstanceRecord m_record;
    QPointer<HookRunner> m_runner;
    QByteArray m_log;
    QString m_stopProblem;
};

}  // namespace pw
