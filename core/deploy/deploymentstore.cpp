#include "deploymentstore.h"

#include "deploy/deploylogging.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <unistd.h>

namespace pw {

namespace {

DeploymentState stateFromBytes(const QByteArray& json) {
    return DeploymentState::fromJson(QJsonDocument::fromJson(json).object());
}

}  // namespace

DeploymentStore::DeploymentStore(const QString& stateDirectory)
    : m_stateDir(stateDirectory)
    , m_connection(QStringLiteral("deployments-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

DeploymentStore::~DeploymentStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString DeploymentStore::databasePath(const QString& stateDirectory) {
    return QDir(stateDirectory).filePath(QStringLiteral("deployments.sqlite"));
}

bool DeploymentStore::open(QString* error) {
    QDir().mkpath(m_stateDir);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath(m_stateDir));
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    const bool ok =
        db.open() && exec(QStringLiteral("PRAGMA journal_mode=WAL")) &&
        // WAL + NORMAL: no fsync per state change; a crash loses at most the last few.
        exec(QStringLiteral("PRAGMA synchronous=NORMAL")) &&
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS deployments (id TEXT PRIMARY KEY, "
                            "application TEXT, grp TEXT, status TEXT, created_ms INTEGER, "
                            "completed_ms INTEGER, pid INTEGER, state TEXT)")) &&
        exec(QStringLiteral("CREATE TABLE IF NOT EXISTS deployment_events (deployment_id TEXT, "
                            "time_ms INTEGER, kind TEXT, event TEXT)")) &&
        exec(QStringLiteral("CREATE INDEX IF NOT EXISTS deployment_events_by_id ON "
                            "deployment_events(deployment_id)"));
    if (!ok && error)
        *error = db.lastError().text();
    return ok;
}

bool DeploymentStore::isOpen() const {
    return QSqlDatabase::database(m_connection, false).isOpen();
}

bool DeploymentStore::exec(const QString& sql, const QVariantList& values) const {
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(sql);
    for (const QVariant& v : values)
        query.addBindValue(v);
    if (!query.exec()) {
        qCWarning(lcDeploy) << "SQL failed:" << sql << query.lastError().text();
        return false;
    }
    return true;
}

void DeploymentStore::saveState(const DeploymentState& s) {
    exec(QStringLiteral("INSERT OR REPLACE INTO deployments (id, application, grp, status, "
                        "created_ms, completed_ms, pid, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
         {s.deploymentId, s.application, s.group, s.status, s.createdAtMs, s.completedAtMs,
          qint64(::getpid()), QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact)});
}

void DeploymentStore::recordEvent(const RunEvent& event) {
    if (event.kind == RunEventKind::LogChunk)
        return;
    exec(QStringLiteral("INSERT INTO deployment_events (deployment_id, time_ms, kind, event) "
                        "VALUES (?, ?, ?, ?)"),
         {event.runId, event.timeMs, runEventKindName(event.kind), event.toJsonLine()});
}

QList<DeploymentState> DeploymentStore::query(const QString& sql,
                                              const QVariantList& values) const {
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(sql);
    for (const QVariant& v : values)
        q.addBindValue(v);
    QList<DeploymentState> list;
    if (q.exec())
        while (q.next())
            list.append(stateFromBytes(q.value(0).toByteArray()));
    return list;
}

QList<DeploymentState> DeploymentStore::deployments(const QString& application,
                                                    const QString& group) const {
    // rowid breaks ties between deployments created in the same millisecond. A null QString
    // binds as NULL, so the "no filter" test is IFNULL(?, '') = ''.
    return query(QStringLiteral("SELECT state FROM deployments WHERE (IFNULL(?, '') = '' OR "
                                "application = ?) AND (IFNULL(?, '') = '' OR grp = ?) "
                                "ORDER BY created_ms DESC, rowid DESC"),
                 {application, application, group, group});
}

std::optional<DeploymentState> DeploymentStore::deployment(const QString& id) const {
    const QList<DeploymentState> list =
        query(QStringLiteral("SELECT state FROM deployments WHERE id = ?"), {id});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<RunEvent> DeploymentStore::events(const QString& deploymentId) const {
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "SELECT event FROM deployment_events WHERE deployment_id = ? ORDER BY rowid"));
    q.addBindValue(deploymentId);
    QList<RunEvent> list;
    if (q.exec())
        while (q.next())
            if (auto e =
                    RunEvent::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object()))
                list.append(*e);
    return list;
}

QList<QPair<DeploymentState, qint64>> DeploymentStore::unfinished(const QString& application,
                                                                  const QString& group) const {
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("SELECT state, pid FROM deployments WHERE application = ? AND grp = ? "
                       "AND status NOT IN ('Succeeded', 'Failed', 'Stopped')"));
    q.addBindValue(application);
    q.addBindValue(group);
    QList<QPair<DeploymentState, qint64>> list;
    if (q.exec())
        while (q.next())
            list.append({stateFromBytes(q.value(0).toByteArray()), q.value(1).toLongLong()});
    return list;
}

}  // namespace pw
