#pragma once

#include <QCommandLineOption>
#include <QStringList>

class QCommandLineParser;

// Shared by the subcommands: parses `args` as `pipewright-cli NAME ...` with --help added.
// False when the command should end: help was printed (exit code 0) or the arguments are
// wrong (the parser's message on stderr, exit code 2).
bool parseSubcommand(QCommandLineParser& parser, const QString& name, const QStringList& args,
                     int* exitCode);

// -w/--workspace DIR (default: the current folder).
QCommandLineOption workspaceOption();
