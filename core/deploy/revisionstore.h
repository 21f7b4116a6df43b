#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw {

struct StoredRevision {
    QString id;    // SHA-256 of the unpacked tree: the same content has the same id whatever
                   // its packaging (folder, zip, tar, tgz)
    QString path;  // the unpacked revision, read-only by convention
};

struct RevisionImport {
    std::optional<StoredRevision> revision;
    QString error;  // set when revision is empty
};

// One deployment of a revision to a deployment group, as the store remembers it.
struct RevisionRecord {
    QString revisionId;
    QString deploymentId;
    bool succeeded = false;
    QDateTime at;  // UTC
};

// Revisions under `<state>/revisions/<sha256>/` and, per deployment group, the deployments
// that used them (`<state>/groups/<group>.json`). A group keeps its last N revisions and
// always its last successful one; a revision is deleted only when no group keeps it.
class RevisionStore {
public:
    explicit RevisionStore(QString stateDir);

    // A folder, or a zip / tar / tgz file; unsafe archives are refused whole.
    RevisionImport import(const QString& source);

    bool contains(const QString& id) const;
    QString revisionPath(const QString& id) const;
    // Every stored revision id, sorted.
    QStringList revisionIds() const;

    // Appends to the group's history (written atomically). Errors come back as text.
    QString record(const QString& group, const RevisionRecord& record);
    QList<RevisionRecord> history(const QString& group) const;
    std::optional<QString> lastSuccessful(const QString& group) const;
    // Revisions the group keeps: the `keep` most recent distinct ones and the last successful.
    QStringList kept(const QString& group, int keep) const;
    // Applies the group's keep count (remembered for later prunes of other groups) and deletes
    // revisions no group keeps any more. Returns the deleted ids.
    QStringList prune(const QString& group, int keep);

    static QString treeHash(const QString& root);

private:
    QString groupFile(const QString& group) const;
    QStringList groups() const;
    int keepCount(const QString& group) const;
    QString writeGroup(const QString& group, const QList<RevisionRecord>& records, int keep);
    QString unpack(const QString& source, const QString& destination) const;

    QString m_stateDir;
};

}  // namespace pw
