#pragma once

#include "yaml/yamldocument.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace pw {

// A scalar as written in the file, with its position so the engine and the editor can
// point at the line. `text` is the exact scalar text: `false` for a bare `- false`, the
// whole block for a `|` command.
struct SourceText {
    QString text;
    Mark mark;
};

// One NAME: value entry of a mapping (env variables, runtime versions, ...), in file order.
struct NamedValue {
    QString name;
    QString value;
    Mark nameMark;
    Mark valueMark;
};

enum class BuildspecVersion { Unknown, V0_1, V0_2 };

struct BuildspecEnv {
    bool present = false;
    QString shell;                     // empty: the engine's default shell
    QList<NamedValue> variables;       // 0.2 `variables`, 0.1 `plaintext`; values are literal
    QList<NamedValue> parameterStore;  // NAME -> SSM parameter name
    QList<NamedValue> secretsManager;  // NAME -> "secret-id:json-key:version-stage:version-id"
    QList<SourceText> exportedVariables;
    std::optional<bool> gitCredentialHelper;
    Mark mark;
};

struct BuildspecProxy {
    bool present = false;
    bool uploadArtifacts = false;
    bool logs = false;
    Mark mark;
};

enum class OnFailureKind { Default, Abort, Continue, Retry };

// `on-failure`, parsed by ^RETRY(-(\d+))?(-(.*))?$ with count-first precedence.
struct OnFailure {
    OnFailureKind kind = OnFailureKind::Default;  // Default: the phase-transition table
    int retryCount = 3;                           // only for Retry
    QString retryRegex = QStringLiteral(".*");    // only for Retry
    Mark mark;
};

enum class BuildspecPhaseId { Install, PreBuild, Build, PostBuild };
inline constexpr int kBuildspecPhaseCount = 4;

struct BuildspecPhase {
    bool present = false;  // an absent phase runs empty and succeeds
    QString runAs;         // empty: the top-level run-as
    OnFailure onFailure;
    QList<NamedValue> runtimeVersions;  // install only
    QList<SourceText> commands;
    QList<SourceText> finally;
    Mark mark;
};

struct BuildspecTaskEnv {
    QString computeType;
    QString fleet;
    QString image;
    QString type;
    std::optional<bool> privilegedMode;
    QList<NamedValue> variables;
};

// One task of batch build-list or build-graph.
struct BuildspecBatchTask {
    QString identifier;
    QString buildspec;  // empty: this buildspec
    bool debugSession = false;
    bool ignoreFailure = false;
    QStringList dependOn;  // build-graph only
    BuildspecTaskEnv env;
    Mark mark;
};

struct BuildspecBuildMatrix {
    bool ignoreFailure = false;  // static
    BuildspecTaskEnv staticEnv;
    QStringList buildspecs;                        // dynamic
    QStringList computeTypes;                      // dynamic env.compute-type
    QStringList images;                            // dynamic env.image
    QList<QPair<QString, QStringList>> variables;  // dynamic env.variables NAME -> values
};

enum class BatchKind { None, BuildList, BuildGraph, BuildMatrix, BuildFanout };

struct BuildspecBatch {
    bool present = false;
    bool fastFail = false;
    BatchKind kind = BatchKind::None;
    QList<BuildspecBatchTask> tasks;  // build-list / build-graph
    BuildspecBuildMatrix matrix;
    int fanoutParallelism = 0;
    bool fanoutIgnoreFailure = false;
    Mark mark;
};

struct BuildspecReportGroup {
    QString name;  // name or ARN; may hold $VARS
    QList<SourceText> files;
    QString baseDirectory;
    bool discardPaths = false;
    QString fileFormat = QStringLiteral("JUNITXML");  // upper-cased
    Mark mark;
};

struct BuildspecArtifacts {
    bool present = false;
    QString identifier;  // empty for the primary artifact
    QList<SourceText> files;
    QString name;
    bool discardPaths = false;
    QString baseDirectory;
    QList<SourceText> excludePaths;
    bool enableSymlinks = false;
    QString s3Prefix;
    QString type;  // 0.1 only (deprecated)
    Mark mark;
};

enum class CacheAction { RestoreAndSave, Restore, Save };

struct BuildspecCache {
    bool present = false;
    QString key;
    QStringList fallbackKeys;  // ignored when key is empty
    CacheAction action = CacheAction::RestoreAndSave;
    QList<SourceText> paths;
    Mark mark;
};

struct Buildspec {
    QString version;  // as written, e.g. "0.2"
    BuildspecVersion versionKind = BuildspecVersion::Unknown;
    Mark versionMark;
    QString runAs;  // empty: root
    BuildspecEnv env;
    BuildspecProxy proxy;
    BuildspecBatch batch;
    std::array<BuildspecPhase, kBuildspecPhaseCount> phases;  // indexed by BuildspecPhaseId
    QList<BuildspecReportGroup> reports;
    BuildspecArtifacts artifacts;
    QList<BuildspecArtifacts> secondaryArtifacts;
    BuildspecCache cache;

    const BuildspecPhase& phase(BuildspecPhaseId id) const { return phases[size_t(id)]; }
    BuildspecPhase& phase(BuildspecPhaseId id) { return phases[size_t(id)]; }
    // 0.1 runs every command in a fresh shell; 0.2 keeps one shell for the whole build.
    bool sharedShell() const { return versionKind != BuildspecVersion::V0_1; }
};

// "install", "pre_build", "build", "post_build".
QString buildspecPhaseKey(BuildspecPhaseId id);
std::optional<BuildspecPhaseId> buildspecPhaseFromKey(QStringView key);

// Parses `on-failure` text; nullopt when it is not ABORT, CONTINUE or a RETRY form.
// Does not range-check the count nor compile the regex (the validator reports those).
std::optional<OnFailure> parseOnFailure(const QString& text);

struct BuildspecParseResult {
    Buildspec spec;
    Diagnostics diagnostics;
};

// Builds the model from a loaded document. Every shape problem becomes a diagnostic and
// the model keeps what could be read, so a broken file still yields a partial model.
BuildspecParseResult parseBuildspec(const YamlDocument& doc);

}  // namespace pw
