#pragma once

#include "spec/specvalidator.h"

#include <QObject>
#include <QTimer>

namespace pw {

// Re-validates a buffer shortly after the last keystroke, on a worker thread, so typing never
// waits for the validator. Only the newest request's result is delivered; older ones that
// finish late are dropped.
class LiveValidator : public QObject {
    Q_OBJECT
public:
    explicit LiveValidator(QObject* parent = nullptr);

    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Queues a validation of `text`; restarts the debounce timer.
    void schedule(const QString& path, const QByteArray& text, SpecKind kind);
    // Validates now, still off the GUI thread.
    void validateNow();
    bool isBusy() const { return m_running > 0 || m_timer.isActive(); }
    qint64 lastDurationMs() const { return m_lastDurationMs; }

signals:
    void validated(const pw::ValidationResult& result);

private:
    void start();

    QTimer m_timer;
    QString m_path;
    QByteArray m_text;
    SpecKind m_kind = SpecKind::Unknown;
    quint64 m_generation = 0;
    int m_running = 0;
    qint64 m_lastDurationMs = 0;
};

}  // namespace pw
