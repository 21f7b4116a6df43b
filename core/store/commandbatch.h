#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace pw {

// The history keeps a build's commands in batches, one row per run of consecutive commands
// of a phase (command_batches.commands): a JSON array whose elements are
// [index, command, started_ms, ended_ms, exit_code], the last two null for a command that
// had not ended when the row was written (still running, or its build died).
struct CommandRecord {
    int index = -1;
    QString command;
    qint64 startedMs = 0;
    std::optional<qint64> endedMs;  // with exitCode; empty: not ended
    int exitCode = 0;
};

// Appends one element (no separator).
void appendCommandJson(QByteArray& out, const CommandRecord& command);
// The commands of one batch; a malformed row gives what could be read of it.
QList<CommandRecord> parseCommandBatch(const QByteArray& json);

}  // namespace pw
