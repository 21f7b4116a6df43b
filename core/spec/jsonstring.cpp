#include "jsonstring.h"

namespace pw {

void appendJsonString(QByteArray& out, QStringView text) {
    // Converted whole, so surrogate pairs stay pairs; then only ASCII bytes need a look.
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out += '"';
    qsizetype plain = 0;  // start of the bytes not yet copied
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.constData() + plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default: {
                static const char hex[] = "0123456789abcdef";
                const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(escape, sizeof escape);
            }
        }
    }
    out.append(utf8.constData() + plain, utf8.size() - plain);
    out += '"';
}

QByteArray jsonQuote(QStringView text) {
    QByteArray out;
    appendJsonString(out, text);
    return out;
}

}  // namespace pw
