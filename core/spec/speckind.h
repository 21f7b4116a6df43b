#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace pw {

enum class SpecKind { Unknown, Buildspec, Appspec, Pipeline, Workspace };

QString specKindName(SpecKind kind);  // "buildspec", "appspec", "pipeline", "workspace"
std::optional<SpecKind> specKindFromName(QStringView name);

// Decides from the file name first (buildspec*.yml, appspec.yml, workspace.yml), then from
// the content (a `pipeline:` mapping, a CloudFormation template holding a pipeline, a
// `phases:` or `hooks:` mapping). Unknown when nothing matches.
SpecKind detectSpecKind(const QString& path, const QByteArray& text);

}  // namespace pw
