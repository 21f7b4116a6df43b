#include "templatecatalog.h"

#include "uiresources.h"

#include <QFile>

namespace pw {

QList<TemplateCatalog::Template> TemplateCatalog::all() {
    return {
        {QStringLiteral("buildspec-node"), tr("Buildspec for Node.js (npm)"),
         QStringLiteral("buildspec.yml"), SpecKind::Buildspec},
        {QStringLiteral("buildspec-python"), tr("Buildspec for Python (pip, pytest)"),
         QStringLiteral("buildspec.yml"), SpecKind::Buildspec},
        {QStringLiteral("buildspec-java"), tr("Buildspec for Java (Maven)"),
         QStringLiteral("buildspec.yml"), SpecKind::Buildspec},
        {QStringLiteral("buildspec-go"), tr("Buildspec for Go"), QStringLiteral("buildspec.yml"),
         SpecKind::Buildspec},
        {QStringLiteral("appspec-webservice"),
         tr("Appspec for a small web service (EC2/on-premises)"), QStringLiteral("appspec.yml"),
         SpecKind::Appspec},
        {QStringLiteral("pipeline-two-stage"), tr("Two-stage pipeline (source, build)"),
         QStringLiteral("pipeline.yml"), SpecKind::Pipeline},
        {QStringLiteral("workspace"), tr("Workspace file (.pipewright/workspace.yml)"),
         QStringLiteral(".pipewright/workspace.yml"), SpecKind::Workspace},
    };
}

std::optional<TemplateCatalog::Template> TemplateCatalog::find(const QString& id) {
    for (const Template& t : all())
        if (t.id == id)
            return t;
    return std::nullopt;
}

QByteArray TemplateCatalog::text(const Template& t) {
    initUiResources();
    QFile file(QStringLiteral(":/pipewright/templates/%1.yml").arg(t.id));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace pw
