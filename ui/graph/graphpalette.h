#pragma once

#include <QColor>
#include <QString>

namespace pw {

enum class ActionStatus;

// The designer's colours: one per action category, one per live state.
namespace graphpalette {

QColor category(const QString& category);
// Two letters for the provider's icon disc ("CB" for CodeBuild).
QString providerGlyph(const QString& provider);
QColor status(ActionStatus status, bool awaitingApproval);
inline QColor background() {
    return QColor(0xf4, 0xf6, 0xfa);
}
inline QColor column() {
    return QColor(0xe9, 0xed, 0xf3);
}
inline QColor ink() {
    return QColor(0x1e, 0x29, 0x3b);
}
inline QColor muted() {
    return QColor(0x64, 0x74, 0x8b);
}
inline QColor edge() {
    return QColor(0x94, 0xa3, 0xb8);
}
inline QColor selection() {
    return QColor(0x25, 0x63, 0xeb);
}
inline QColor error() {
    return QColor(0xdc, 0x26, 0x26);
}
inline QColor warning() {
    return QColor(0xd9, 0x77, 0x06);
}

}  // namespace graphpalette
}  // namespace pw
