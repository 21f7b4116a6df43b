#include "workspacecontext.h"

#include "workspacescan.h"

#include "spec/speckind.h"
#include "spec/specvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

QString findRoot(const QString& start) {
    QDir dir(QFileInfo(start).isDir() ? start : QFileInfo(start).absolutePath());
    dir.makeAbsolute();
    QDir probe = dir;
    do {
        if (QFileInfo(probe.filePath(QStringLiteral(".pipewright"))).isDir())
            return probe.absolutePath();
    } while (probe.cdUp());
    probe = dir;
    do {
        if (QFileInfo::exists(probe.filePath(QStringLiteral(".git"))))
            return probe.absolutePath();
    } while (probe.cdUp());
    return dir.absolutePath();
}

}  // namespace

WorkspaceContext WorkspaceContext::open(const QString& start) {
    WorkspaceContext c;
    c.root = findRoot(start.isEmpty() ? QDir::currentPath() : start);
    c.stateDirectory = c.root + QStringLiteral("/.pipewright/state");
    const QString file = c.root + QStringLiteral("/.pipewright/workspace.yml");
    if (QFileInfo::exists(file)) {
        const pw::YamlDocument doc = pw::YamlDocument::loadFile(file);
        pw::WorkspaceParseResult parsed = pw::parseWorkspace(doc);
        c.workspace = parsed.workspace;
        c.diagnostics = doc.diagnostics() + parsed.diagnostics;
    }
    return c;
}

std::optional<pw::PipelineParseResult> WorkspaceContext::loadPipeline(const QString& pipeline,
                                                                      QString* path,
                                                                      QString* error) const {
    QStringList candidates;
    if (!pipeline.isEmpty() && QFileInfo(pipeline).isFile()) {
        candidates << QFileInfo(pipeline).absoluteFilePath();
    } else {
        for (const QString& f : findSpecFiles(root)) {
            QFile file(f);
            if (file.open(QIODevice::ReadOnly) &&
                pw::detectSpecKind(f, file.readAll()) == pw::SpecKind::Pipeline)
                candidates << f;
        }
    }
    QList<pw::PipelineParseResult> matches;
    QStringList matchPaths;
    for (const QString& f : candidates) {
        const pw::YamlDocument doc = pw::YamlDocument::loadFile(f);
        for (const pw::PipelineParseResult& r : pw::parsePipelines(doc)) {
            if (r.found && (pipeline.isEmpty() || candidates.size() == 1 ||
                            r.pipeline.name.text == pipeline)) {
                matches << r;
                matchPaths << f;
            }
        }
    }
    if (matches.isEmpty()) {
        *error = pipeline.isEmpty()
                     ? QStringLiteral("no pipeline definition found in %1").arg(root)
                     : QStringLiteral("no pipeline named or at '%1' in %2").arg(pipeline, root);
        return std::nullopt;
    }
    if (matches.size() > 1) {
        QStringList names;
        for (const auto& m : matches)
            names << m.pipeline.name.text;
        *error = QStringLiteral("several pipelines found (%1); name one")
                     .arg(names.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    *path = matchPaths.first();
    return matches.first();
}
