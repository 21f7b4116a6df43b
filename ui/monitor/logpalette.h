#pragma once

#include <QColor>

#include <array>

class QPalette;

namespace pw {

struct AnsiColor;

// The log view's colours. ANSI's 16 base colours are tuned per palette so that, for example,
// a build tool's dark-blue text stays readable on the dark background.
struct LogPalette {
    bool isDark = false;
    QColor background, text, dimText, gutter, gutterText;
    QColor errorBackground, errorMarker;
    QColor matchBackground, currentMatchBackground, currentLineBackground;
    QColor selection, sectionBackground, sectionText;
    std::array<QColor, 16> ansi;

    static LogPalette lightPalette();
    static LogPalette darkPalette();
    // Light or dark to suit the widget's own palette.
    static LogPalette matching(const QPalette& palette);
    // A foreground or background colour; an invalid QColor means the default.
    QColor color(const AnsiColor& c) const;
};

}  // namespace pw
