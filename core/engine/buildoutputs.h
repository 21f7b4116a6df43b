#pragma once

#include "engine/buildresult.h"
#include "yaml/diagnostic.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace pw {

struct Buildspec;
struct ArtifactSpec;
struct CacheSpec;

// Turns the buildspec's artifacts, cache and reports blocks into the inputs of the
// artifacts / cache / reports classes, expanding $VARS from the build's environment.
class BuildOutputs {
public:
    // $NAME and ${NAME} from `env`; unknown names expand to "" as in sh.
    static QString expand(const QString& text, const QProcessEnvironment& env);
    // Primary first, then secondaries. `inPlace` also keeps .pipewright/ out of them.
    static QList<ArtifactSpec> artifactSpecs(const Buildspec& spec, const QProcessEnvironment& env,
                                             bool inPlace);
    static CacheSpec cacheSpec(const Buildspec& spec, const QProcessEnvironment& env);
    // Parses every report file; a malformed one is a warning in `diagnostics`, never an error.
    static QList<ReportRecord> collectReports(const Buildspec& spec, const QString& sourceRoot,
                                              const QString& project,
                                              const QProcessEnvironment& env,
                                              Diagnostics& diagnostics);
};

}  // namespace pw
