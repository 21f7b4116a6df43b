#pragma once

#include <QString>

class QApplication;

namespace pw {

enum class Theme { System, Light, Dark };

// "light", "dark", anything else is System (follow the desktop's palette).
Theme themeFromName(const QString& name);
// Light and Dark use the Fusion style with a fixed palette, so screenshots and users without a
// desktop theme get a well-defined look; System leaves the platform's palette alone.
void applyTheme(QApplication& app, Theme theme);

}  // namespace pw
