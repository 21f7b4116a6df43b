#include "runevent.h"

#include <QDateTime>
#include <QJsonDocument>
#include <array>
#include <utility>

namespace pw {

namespace {

constexpr std::array<std::pair<RunStatus, const char*>, 7> kStatusNames{{
    {RunStatus::InProgress, "IN_PROGRESS"},
    {RunStatus::Succeeded, "SUCCEEDED"},
    {RunStatus::Failed, "FAILED"},
    {RunStatus::Fault, "FAULT"},
    {RunStatus::TimedOut, "TIMED_OUT"},
    {RunStatus::Stopped, "STOPPED"},
    {RunStatus::Skipped, "SKIPPED"},
}};

constexpr std::array<std::pair<RunEventKind, const char*>, 12> kKindNames{{
    {RunEventKind::RunStarted, "run-started"},
    {RunEventKind::StepStarted, "step-started"},
    {RunEventKind::StepFinished, "step-finished"},
    {RunEventKind::CommandStarted, "command-started"},
    {RunEventKind::CommandFinished, "command-finished"},
    {RunEventKind::LogChunk, "log"},
    {RunEventKind::ArtifactProduced, "artifact-produced"},
    {RunEventKind::VariableExported, "variable-exported"},
    {RunEventKind::ApprovalRequested, "approval-requested"},
    {RunEventKind::TrafficShifted, "traffic-shifted"},
    {RunEventKind::Warning, "warning"},
    {RunEventKind::RunFinished, "run-finished"},
}};

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, const char*>, N>& table,
                           const QString& name) {
    for (const auto& [value, text] : table) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [v, text] : table) {
        if (v == value)
            return QString::fromLatin1(text);
    }
    return {};
}

}  // namespace

QString runStatusName(RunStatus status) {
    return nameOf(kStatusNames, status);
}
std::optional<RunStatus> runStatusFromName(const QString& name) {
    return lookup(kStatusNames, name);
}
QString runEventKindName(RunEventKind kind) {
    return nameOf(kKindNames, kind);
}
std::optional<RunEventKind> runEventKindFromName(const QString& name) {
    return lookup(kKindNames, name);
}

qint64 nowUtcMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString formatUtcMs(qint64 ms) {
    // Log lines stamp every chunk: format the second once, then only the milliseconds.
    thread_local qint64 cachedSecond = -1;
    thread_local QString cachedPrefix;
    const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (second != cachedSecond) {
        cachedSecond = second;
        cachedPrefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate);
        cachedPrefix.chop(1);  // the 'Z'
    }
    const int millis = int(ms - second * 1000);
    return cachedPrefix + QLatin1Char('.') +
           QString::number(millis).rightJustified(3, QLatin1Char('0')) + QLatin1Char('Z');
}

QJsonObject RunEvent::toJson() const {
    // Only fields that carry information, so a JSON line stays short and readable.
    QJsonObject o{{"event", runEventKindName(kind)},
                  {"runId", runId},
                  {"seq", sequence},
                  {"time", formatUtcMs(timeMs)},
                  {"timeMs", timeMs}};
    if (!step.isEmpty())
        o["step"] = step;
    if (kind == RunEventKind::StepFinished || kind == RunEventKind::RunFinished ||
        kind == RunEventKind::StepStarted)
        o["status"] = runStatusName(status);
    if (!code.isEmpty())
        o["code"] = code;
    if (!message.isEmpty())
        o["message"] = message;
    if (!name.isEmpty())
        o["name"] = name;
    if (!value.isEmpty())
        o["value"] = value;
    else if (!data.isEmpty())
        o["value"] = QString::fromUtf8(data);  // invalid sequences become U+FFFD here only
    if (kind == RunEventKind::CommandFinished)
        o["exitCode"] = exitCode;
    if (index >= 0)
        o["index"] = index;
    return o;
}

QByteArray RunEvent::toJsonLine() const {
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<RunEvent> RunEvent::fromJson(const QJsonObject& o) {
    const auto kind = runEventKindFromName(o.value("event").toString());
    if (!kind)
        return std::nullopt;
    RunEvent e;
    e.kind = *kind;
    e.runId = o.value("runId").toString();
    e.sequence = o.value("seq").toInteger();
    e.timeMs = o.value("timeMs").toInteger();
    e.step = o.value("step").toString();
    e.status = runStatusFromName(o.value("status").toString()).value_or(RunStatus::InProgress);
    e.code = o.value("code").toString();
    e.message = o.value("message").toString();
    e.name = o.value("name").toString();
    e.value = o.value("value").toString();
    if (e.kind == RunEventKind::LogChunk)
        e.data = e.value.toUtf8();
    e.exitCode = o.value("exitCode").toInt();
    e.index = o.value("index").toInt(-1);
    return e;
}

}  // namespace pw
