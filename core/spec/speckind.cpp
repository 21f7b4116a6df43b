#include "speckind.h"

#include "yaml/yamldocument.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace pw {

QString specKindName(SpecKind kind) {
    switch (kind) {
        case SpecKind::Buildspec:
            return QStringLiteral("buildspec");
        case SpecKind::Appspec:
            return QStringLiteral("appspec");
        case SpecKind::Pipeline:
            return QStringLiteral("pipeline");
        case SpecKind::Workspace:
            return QStringLiteral("workspace");
        case SpecKind::Unknown:
            break;
    }
    return QStringLiteral("unknown");
}

std::optional<SpecKind> specKindFromName(QStringView name) {
    for (SpecKind k :
         {SpecKind::Buildspec, SpecKind::Appspec, SpecKind::Pipeline, SpecKind::Workspace})
        if (name.compare(specKindName(k), Qt::CaseInsensitive) == 0)
            return k;
    return std::nullopt;
}

namespace {

SpecKind kindFromFileName(const QString& path) {
    const QFileInfo info(path);
    const QString name = info.fileName().toLower();
    static const QRegularExpression buildspec(QStringLiteral("^buildspec.*\\.ya?ml$"));
    if (buildspec.match(name).hasMatch())
        return SpecKind::Buildspec;
    if (name == QLatin1String("appspec.yml") || name == QLatin1String("appspec.yaml") ||
        name == QLatin1String("appspec.json"))
        return SpecKind::Appspec;
    if ((name == QLatin1String("workspace.yml") || name == QLatin1String("workspace.yaml")) &&
        info.dir().dirName() == QLatin1String(".pipewright"))
        return SpecKind::Workspace;
    return SpecKind::Unknown;
}

bool isCodePipelineTemplate(const YamlNode& root) {
    const YamlNode resources = root.get(u"Resources");
    for (int i = 0; i < resources.size(); ++i)
        if (resources.valueAt(i).get(u"Type").scalar() ==
            QLatin1String("AWS::CodePipeline::Pipeline"))
            return true;
    return false;
}

SpecKind kindFromContent(const YamlNode& root) {
    if (!root.isMapping())
        return SpecKind::Unknown;
    if (root.get(u"pipeline").isMapping() || (root.has(u"stages") && root.has(u"name")))
        return SpecKind::Pipeline;
    if (isCodePipelineTemplate(root))
        return SpecKind::Pipeline;
    if (root.has(u"phases") ||
        (root.has(u"version") && root.has(u"artifacts") && !root.has(u"files")))
        return SpecKind::Buildspec;
    if (root.has(u"hooks") || root.has(u"Hooks") || (root.has(u"os") && root.has(u"files")) ||
        (root.has(u"Resources") && root.has(u"version")))
        return SpecKind::Appspec;
    if (root.has(u"projects") || root.has(u"applications") || root.has(u"sources"))
        return SpecKind::Workspace;
    return SpecKind::Unknown;
}

}  // namespace

SpecKind detectSpecKind(const QString& path, const QByteArray& text) {
    if (const SpecKind byName = kindFromFileName(path); byName != SpecKind::Unknown)
        return byName;
    const QString suffix = QFileInfo(path).suffix().toLower();
    static const QStringList candidates{QStringLiteral("yml"), QStringLiteral("yaml"),
                                        QStringLiteral("json"), QStringLiteral("template")};
    if (!candidates.contains(suffix))
        return SpecKind::Unknown;
    YamlLoadOptions options;
    options.allowTabsInIndentation = true;
    const YamlDocument doc = YamlDocument::load(text, path, options);
    return kindFromContent(doc.root());
}

}  // namespace pw
