#pragma once

#include <QList>
#include <QString>

namespace pw {

// A terminal colour as SGR sets it: the default, one of 256 indexed colours, or 24-bit RGB.
struct AnsiColor {
    enum Kind { Default, Indexed, Rgb };
    Kind kind = Default;
    quint32 value = 0;  // index 0..255, or 0xRRGGBB
    bool operator==(const AnsiColor&) const = default;
};

struct AnsiStyle {
    AnsiColor foreground;
    AnsiColor background;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;
    bool operator==(const AnsiStyle&) const = default;
    bool isDefault() const { return *this == AnsiStyle(); }
};

struct AnsiSpan {
    int start = 0;
    int length = 0;
    AnsiStyle style;
};

// One log line with its escape sequences removed and their SGR styles kept as spans.
struct AnsiLine {
    QString text;
    QList<AnsiSpan> spans;  // only runs whose style is not the default
};

// Parses one line on its own (styles do not carry over from the previous line, so any line can
// be drawn without reading the ones above it). Other CSI and OSC sequences are dropped; a
// carriage return starts the line over, as a terminal's progress bar would.
AnsiLine parseAnsi(const QString& line);

}  // namespace pw
