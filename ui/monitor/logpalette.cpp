#include "logpalette.h"

#include "ansiparser.h"

#include <QPalette>

namespace pw {

LogPalette LogPalette::lightPalette() {
    LogPalette p;
    p.background = QColor(0xffffff);
    p.text = QColor(0x1f2328);
    p.dimText = QColor(0x8c959f);
    p.gutter = QColor(0xf6f8fa);
    p.gutterText = QColor(0x8c959f);
    p.errorBackground = QColor(0xffebe9);
    p.errorMarker = QColor(0xcf222e);
    p.matchBackground = QColor(0xfff8c5);
    p.currentMatchBackground = QColor(0xffd33d);
    p.currentLineBackground = QColor(0xddf4ff);
    p.selection = QColor(0xb6d7ff);
    p.sectionBackground = QColor(0xeef2f6);
    p.sectionText = QColor(0x0550ae);
    p.ansi = {QColor(0x24292f), QColor(0xcf222e), QColor(0x116329), QColor(0x7d4e00),
              QColor(0x0969da), QColor(0x8250df), QColor(0x1b7c83), QColor(0x6e7781),
              QColor(0x57606a), QColor(0xa40e26), QColor(0x1a7f37), QColor(0x633c01),
              QColor(0x218bff), QColor(0xa475f9), QColor(0x3192aa), QColor(0x8c959f)};
    return p;
}

LogPalette LogPalette::darkPalette() {
    LogPalette p;
    p.isDark = true;
    p.background = QColor(0x0d1117);
    p.text = QColor(0xe6edf3);
    p.dimText = QColor(0x7d8590);
    p.gutter = QColor(0x161b22);
    p.gutterText = QColor(0x6e7681);
    p.errorBackground = QColor(0x3d1a1e);
    p.errorMarker = QColor(0xf85149);
    p.matchBackground = QColor(0x5a4a12);
    p.currentMatchBackground = QColor(0x9e6a03);
    p.currentLineBackground = QColor(0x1f3a5f);
    p.selection = QColor(0x264f78);
    p.sectionBackground = QColor(0x1c2330);
    p.sectionText = QColor(0x79c0ff);
    p.ansi = {QColor(0x484f58), QColor(0xff7b72), QColor(0x3fb950), QColor(0xd29922),
              QColor(0x58a6ff), QColor(0xbc8cff), QColor(0x39c5cf), QColor(0xb1bac4),
              QColor(0x6e7681), QColor(0xffa198), QColor(0x56d364), QColor(0xe3b341),
              QColor(0x79c0ff), QColor(0xd2a8ff), QColor(0x56d4dd), QColor(0xffffff)};
    return p;
}

LogPalette LogPalette::matching(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128 ? darkPalette() : lightPalette();
}

QColor LogPalette::color(const AnsiColor& c) const {
    if (c.kind == AnsiColor::Rgb)
        return QColor(QRgb(c.value));
    if (c.kind == AnsiColor::Default)
        return {};
    if (c.value < 16)
        return ansi[c.value];
    if (c.value < 232) {  // the 6x6x6 cube
        const int v = int(c.value) - 16;
        auto level = [](int x) { return x == 0 ? 0 : 55 + x * 40; };
        return QColor(level(v / 36), level(v / 6 % 6), level(v % 6));
    }
    const int grey = 8 + (int(c.value) - 232) * 10;
    return QColor(grey, grey, grey);
}

}  // namespace pw
