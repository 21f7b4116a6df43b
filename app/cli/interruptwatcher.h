#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so a command can
// stop its run cleanly and exit 130 instead of dying with children left behind.
class InterruptWatcher : public QObject {
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject* parent = nullptr);
    ~InterruptWatcher() override;
    bool wasInterrupted() const { return m_count > 0; }

Q_SIGNALS:
    void interrupted(int count);  // a second Ctrl+C may ask for a harder stop

private:
    QSocketNotifier* m_notifier = nullptr;
    int m_count = 0;
};
