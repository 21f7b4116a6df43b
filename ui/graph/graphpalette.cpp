#include "graph/graphpalette.h"

#include "engine/pipeline/pipelinestate.h"

#include <QHash>

namespace pw::graphpalette {

QColor category(const QString& category) {
    static const QHash<QString, QColor> colours = {
        {QStringLiteral("Source"), QColor(0x7c, 0x3a, 0xed)},
        {QStringLiteral("Build"), QColor(0x25, 0x63, 0xeb)},
        {QStringLiteral("Test"), QColor(0x08, 0x91, 0xb2)},
        {QStringLiteral("Deploy"), QColor(0x05, 0x96, 0x69)},
        {QStringLiteral("Approval"), QColor(0xd9, 0x77, 0x06)},
        {QStringLiteral("Invoke"), QColor(0xdb, 0x27, 0x77)},
    };
    return colours.value(category, QColor(0x64, 0x74, 0x8b));
}

QString providerGlyph(const QString& provider) {
    static const QHash<QString, QString> glyphs = {
        {QStringLiteral("CodeCommit"), QStringLiteral("CC")},
        {QStringLiteral("CodeBuild"), QStringLiteral("CB")},
        {QStringLiteral("CodeDeploy"), QStringLiteral("CD")},
        {QStringLiteral("GitHub"), QStringLiteral("GH")},
        {QStringLiteral("CodeStarSourceConnection"), QStringLiteral("CS")},
        {QStringLiteral("Manual"), QStringLiteral("✓")},
        {QStringLiteral("Lambda"), QStringLiteral("λ")},
    };
    const auto it = glyphs.constFind(provider);
    if (it != glyphs.cend())
        return *it;
    return provider.left(2);
}

QColor status(ActionStatus status, bool awaitingApproval) {
    if (awaitingApproval)
        return QColor(0xd9, 0x77, 0x06);
    switch (status) {
        case ActionStatus::InProgress:
            return QColor(0x25, 0x63, 0xeb);
        case ActionStatus::Succeeded:
            return QColor(0x16, 0xa3, 0x4a);
        case ActionStatus::Failed:
            return QColor(0xdc, 0x26, 0x26);
        case ActionStatus::Abandoned:
            return QColor(0x6b, 0x72, 0x80);
        case ActionStatus::Pending:
            break;
    }
    return QColor(0x94, 0xa3, 0xb8);
}

}  // namespace pw::graphpalette
