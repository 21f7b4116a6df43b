#include "phasetable.h"

#include "spec/buildspec.h"

#include <array>

namespace pw {

namespace {

using P = BuildPhase;

constexpr std::array<const char*, 11> kNames{
    "SUBMITTED", "QUEUED",     "PROVISIONING",     "DOWNLOAD_SOURCE", "INSTALL",  "PRE_BUILD",
    "BUILD",     "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING",      "COMPLETED"};

// Spec §2.2. Only BUILD -> POST_BUILD -> UPLOAD_ARTIFACTS is documented in text.
constexpr std::array<PhaseTransition, 10> kTransitions{{
    {P::Submitted, P::Queued, P::Finalizing, "DIAGRAM"},
    {P::Queued, P::Provisioning, P::Finalizing, "DIAGRAM"},
    {P::Provisioning, P::DownloadSource, P::Finalizing, "DIAGRAM"},
    {P::DownloadSource, P::Install, P::Finalizing, "DIAGRAM; YAML_FILE_ERROR log"},
    {P::Install, P::PreBuild, P::Finalizing, "DIAGRAM; #102"},
    {P::PreBuild, P::Build, P::Finalizing, "DIAGRAM only"},
    {P::Build, P::PostBuild, P::PostBuild, "DOC: UPLOAD_ARTIFACTS always attempted; #385"},
    {P::PostBuild, P::UploadArtifacts, P::UploadArtifacts, "DIAGRAM; SO-46584324"},
    {P::UploadArtifacts, P::Finalizing, P::Finalizing, "DIAGRAM"},
    {P::Finalizing, P::Completed, P::Completed, "DIAGRAM"},
}};

}  // namespace

QString buildPhaseName(BuildPhase phase) {
    return QString::fromLatin1(kNames[static_cast<std::size_t>(phase)]);
}

std::optional<BuildPhase> buildPhaseFromName(const QString& name) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return static_cast<BuildPhase>(i);
    }
    return std::nullopt;
}

bool isBuildspecPhase(BuildPhase phase) {
    return phase >= P::Install && phase <= P::PostBuild;
}

std::span<const PhaseTransition> phaseTransitions() {
    return kTransitions;
}

const PhaseTransition& transitionFor(BuildPhase phase) {
    for (const auto& t : kTransitions) {
        if (t.phase == phase)
            return t;
    }
    return kTransitions.back();  // COMPLETED has no row; FINALIZING's leads there
}

BuildPhase nextPhase(BuildPhase phase, bool failed, OnFailureKind onFailure) {
    const PhaseTransition& t = transitionFor(phase);
    if (!failed)
        return t.onSuccess;
    switch (onFailure) {
        case OnFailureKind::Abort:
            return P::Finalizing;
        case OnFailureKind::Continue:
            return t.onSuccess;
        default:
            return t.onFailure;
    }
}

}  // namespace pw
