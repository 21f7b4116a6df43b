#include "buildresult.h"

#include <QJsonArray>

namespace pw {

namespace {

QJsonValue timeOrNull(qint64 ms) {
    return ms > 0 ? QJsonValue(formatUtcMs(ms)) : QJsonValue();
}

QJsonObject phaseJson(const PhaseRecord& p) {
    QJsonArray contexts;
    for (const PhaseContext& c : p.contexts)
        contexts.append(QJsonObject{{"statusCode", c.statusCode}, {"message", c.message}});
    return {{"name", p.name},
            {"status", runStatusName(p.status)},
            {"startedAt", timeOrNull(p.startedMs)},
            {"endedAt", timeOrNull(p.endedMs)},
            {"durationMs", p.durationMs()},
            {"contexts", contexts}};
}

}  // namespace

PhaseRecord* BuildResult::phase(const QString& name) {
    for (PhaseRecord& p : phases) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

const PhaseRecord* BuildResult::phase(const QString& name) const {
    return const_cast<BuildResult*>(this)->phase(name);
}

QJsonObject BuildResult::toJson() const {
    QJsonArray phaseArray;
    for (const PhaseRecord& p : phases)
        phaseArray.append(phaseJson(p));
    QJsonObject exported;
    for (const auto& [name, value] : exportedVariables)
        exported[name] = value;
    QJsonArray artifactArray;
    for (const ArtifactRecord& a : artifacts)
        artifactArray.append(QJsonObject{
            {"name", a.name}, {"path", a.path}, {"files", QJsonArray::fromStringList(a.files)}});
    QJsonArray reportArray;
    for (const ReportRecord& r : reports)
        reportArray.append(QJsonObject{
            {"group", r.group}, {"file", r.file}, {"format", r.format}, {"summary", r.summary}});
    return {{"id", id},
            {"number", number},
            {"project", project},
            {"status", runStatusName(status)},
            {"startedAt", timeOrNull(startedMs)},
            {"endedAt", timeOrNull(endedMs)},
            {"sourceVersion", sourceVersion},
            {"logPath", logPath},
            {"phases", phaseArray},
            {"exportedVariables", exported},
            {"artifacts", artifactArray},
            {"reports", reportArray}};
}

}  // namespace pw
