#pragma once

#include <QByteArray>
#include <QStringView>

namespace pw {

// Appends `text` as a JSON string literal (also a valid YAML double-quoted scalar), UTF-8.
// Quotes, backslashes and control characters are escaped; everything else is kept as is.
void appendJsonString(QByteArray& out, QStringView text);
QByteArray jsonQuote(QStringView text);

}  // namespace pw
