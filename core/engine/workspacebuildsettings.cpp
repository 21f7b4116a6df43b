#include "workspacebuildsettings.h"

#include "spec/workspace.h"
#include "yaml/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace pw {

bool readEnvFile(const QString& path, EnvList& into, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("%1: not NAME=VALUE: %2").arg(path, line);
            return false;
        }
        into.append({line.left(eq), line.mid(eq + 1)});
    }
    return true;
}

void applyProjectSettings(const WorkspaceProject& project, const QString& root,
                          BuildRequest& request) {
    request.projectName = project.name;
    request.projectVariables = project.environmentVariables;
    request.buildTimeoutMs = qint64(project.timeoutMinutes) * 60 * 1000;
    request.inPlace = request.inPlace || project.inPlace;
    if (request.buildspecPath.isEmpty())
        request.buildspecPath = project.buildspec;
    for (const auto& [id, folder] : project.secondarySources)
        request.secondarySources.append({id, QDir(root).absoluteFilePath(folder)});
}

void applySecrets(const WorkspaceSecrets& secrets, const QString& root, BuildRequest& request) {
    if (secrets.environment) {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            request.parameterStore.insert(name, env.value(name));
            request.secretsManager.insert(name, env.value(name));
        }
    }
    if (secrets.file.isEmpty())
        return;
    const QString path = secrets.file.startsWith(QLatin1String("~/"))
                             ? QDir::homePath() + secrets.file.mid(1)
                             : QDir(root).absoluteFilePath(secrets.file);
    EnvList values;
    QString error;
    // A missing secrets file is not an error here: a build that needs a value fails with
    // CodeBuild's own message when the name does not resolve.
    if (!readEnvFile(path, values, &error))
        return;
    for (const auto& [name, value] : values) {
        request.parameterStore.insert(name, value);
        request.secretsManager.insert(name, value);
    }
}

namespace {

const WorkspaceProject* chooseProject(const Workspace& ws, const QString& root, const QString& name,
                                      const BuildRequest& request) {
    if (!name.isEmpty())
        return ws.project(name);
    if (!request.buildspecPath.isEmpty()) {
        const QString wanted =
            QFileInfo(QDir(request.sourceDirectory).absoluteFilePath(request.buildspecPath))
                .canonicalFilePath();
        for (const WorkspaceProject& p : ws.projects) {
            const QString source = QDir(root).absoluteFilePath(p.source);
            if (QFileInfo(QDir(source).absoluteFilePath(p.buildspec)).canonicalFilePath() == wanted)
                return &p;
        }
    }
    return ws.projects.isEmpty() ? nullptr : &ws.projects.first();
}

}  // namespace

void applyWorkspaceFile(const QString& root, const QString& projectName, BuildRequest& request) {
    const QString path = root + QStringLiteral("/.pipewright/workspace.yml");
    if (!QFileInfo::exists(path))
        return;
    const Workspace ws = parseWorkspace(YamlDocument::loadFile(path)).workspace;
    if (const WorkspaceProject* project = chooseProject(ws, root, projectName, request))
        applyProjectSettings(*project, root, request);
    applySecrets(ws.secrets, root, request);
}

}  // namespace pw
