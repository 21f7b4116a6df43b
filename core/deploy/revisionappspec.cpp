#include "revisionappspec.h"

#include "spec/appspec.h"
#include "spec/specvalidator.h"
#include "yaml/yamldocument.h"

#include <QFile>
#include <QFileInfo>

namespace pw {

namespace {

QString missingMessage(const QString& dir) {
    return QStringLiteral(
               "The CodeDeploy agent did not find an AppSpec file within the unpacked revision "
               "directory at revision-relative path \"appspec.yml\". The revision was unpacked "
               "to directory \"%1\", and the AppSpec file was expected but not found at path "
               "\"%1/appspec.yml\". Consult the AWS CodeDeploy Appspec documentation for more "
               "information at "
               "http://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html")
        .arg(dir);
}

}  // namespace

RevisionAppspec RevisionAppspec::load(const QString& dir) {
    RevisionAppspec result;
    for (const char* name : {"appspec.yml", "appspec.yaml"}) {
        const QString candidate = dir + u'/' + QLatin1StringView(name);
        if (QFileInfo(candidate).isFile()) {
            result.path = candidate;
            break;
        }
    }
    if (result.path.isEmpty()) {
        result.error = missingMessage(dir);
        return result;
    }
    QFile file(result.path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    const QByteArray text = file.readAll();
    const ValidationResult validation = validateSpec(result.path, text, SpecKind::Appspec);
    for (const Diagnostic& d : validation.diagnostics) {
        if (d.severity == Severity::Error) {
            result.error = formatDiagnostic(d);
            return result;
        }
    }
    AppspecParseResult parsed = parseAppspec(YamlDocument::load(text, result.path));
    if (hasErrors(parsed.diagnostics)) {
        result.error = formatDiagnostic(parsed.diagnostics.first());
        return result;
    }
    if (parsed.spec.platform != AppspecPlatform::Server) {
        result.error = QStringLiteral(
                           "%1 is an ECS or Lambda AppSpec; local deployments run "
                           "EC2/On-Premises revisions only")
                           .arg(result.path);
        return result;
    }
    result.spec = std::make_shared<const Appspec>(std::move(parsed.spec));
    return result;
}

}  // namespace pw
