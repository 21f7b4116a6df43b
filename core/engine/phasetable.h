#pragma once

#include <QString>
#include <optional>
#include <span>

namespace pw {

// The CodeBuild phases in console order (API BuildPhase).
enum class BuildPhase {
    Submitted,
    Queued,
    Provisioning,
    DownloadSource,
    Install,
    PreBuild,
    Build,
    PostBuild,
    UploadArtifacts,
    Finalizing,
    Completed,
};

QString buildPhaseName(BuildPhase phase);  // "DOWNLOAD_SOURCE"
std::optional<BuildPhase> buildPhaseFromName(const QString& name);
bool isBuildspecPhase(BuildPhase phase);  // INSTALL .. POST_BUILD

enum class OnFailureKind;  // spec/buildspec.h: the phase's `on-failure` (spec §2.4)

// One row of spec §2.2: where a build goes after a phase. Kept as data so a correction of
// the (diagram-only) edges is one line.
struct PhaseTransition {
    BuildPhase phase;
    BuildPhase onSuccess;
    BuildPhase onFailure;
    const char* basis;  // DOC / DIAGRAM, shown in the policy notes
};

std::span<const PhaseTransition> phaseTransitions();
const PhaseTransition& transitionFor(BuildPhase phase);
// Next phase after `phase` ended; `failed` per its status, `onFailure` per the buildspec.
// ABORT goes to FINALIZING and skips UPLOAD_ARTIFACTS (policy, spec §2.4 item 3).
// RETRY is handled by the runner before it asks; here it behaves as Default.
BuildPhase nextPhase(BuildPhase phase, bool failed, OnFailureKind onFailure);

}  // namespace pw
