#include "commandbatch.h"

#include "spec/jsonstring.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pw {

void appendCommandJson(QByteArray& out, const CommandRecord& c) {
    out += '[';
    out += QByteArray::number(c.index);
    out += ',';
    appendJsonString(out, c.command);
    out += ',';
    out += QByteArray::number(c.startedMs);
    if (c.endedMs) {
        out += ',';
        out += QByteArray::number(*c.endedMs);
        out += ',';
        out += QByteArray::number(c.exitCode);
        out += ']';
    } else {
        out += ",null,null]";
    }
}

QList<CommandRecord> parseCommandBatch(const QByteArray& json) {
    QList<CommandRecord> commands;
    const QJsonArray elements = QJsonDocument::fromJson(json).array();
    for (const QJsonValue& value : elements) {
        const QJsonArray e = value.toArray();
        if (e.size() < 5)
            continue;
        CommandRecord c{e.at(0).toInt(-1), e.at(1).toString(), e.at(2).toInteger(), {}, 0};
        if (!e.at(3).isNull()) {
            c.endedMs = e.at(3).toInteger();
            c.exitCode = e.at(4).toInt();
        }
        commands << c;
    }
    return commands;
}

}  // namespace pw
