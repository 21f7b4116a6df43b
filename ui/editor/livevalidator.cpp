#include "livevalidator.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace pw {

namespace {

struct TimedResult {
    ValidationResult result;
    qint64 elapsedMs = 0;
};

}  // namespace

LiveValidator::LiveValidator(QObject* parent) : QObject(parent) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &LiveValidator::start);
}

void LiveValidator::schedule(const QString& path, const QByteArray& text, SpecKind kind) {
    m_path = path;
    m_text = text;
    m_kind = kind;
    m_timer.start();
}

void LiveValidator::validateNow() {
    m_timer.stop();
    start();
}

void LiveValidator::start() {
    const quint64 generation = ++m_generation;
    ++m_running;
    auto* watcher = new QFutureWatcher<TimedResult>(this);
    connect(watcher, &QFutureWatcher<TimedResult>::finished, this, [this, watcher, generation] {
        --m_running;
        const TimedResult timed = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return;  // the buffer changed since; a newer run will report
        m_lastDurationMs = timed.elapsedMs;
        emit validated(timed.result);
    });
    watcher->setFuture(QtConcurrent::run([path = m_path, text = m_text, kind = m_kind] {
        QElapsedTimer clock;
        clock.start();
        TimedResult timed{validateSpec(path, text, kind), 0};
        timed.elapsedMs = clock.elapsed();
        return timed;
    }));
}

}  // namespace pw
