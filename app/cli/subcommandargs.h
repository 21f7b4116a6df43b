#pragma once

#include <QCommandLineOption>
#include <QStringList>

class QCommandLineParser;

// Shared by the subcommands: parses `args` as `pipewright-cli NAME ...` with --help added.
// False when the command should end: help was printed (exit code 0) or the arguments are
// wrong (the parser's message on stderr, exit code 2).
bool parseSubcommand(QCommandLineParser& parser, const QString& name, const QStringList& args,
                     int* exitCode);

// The parser's help with the usage line naming `pipewright-cli NAME` (Qt names the binary as
// it was invoked, path included).
QString subcommandHelp(const QCommandLineParser& parser, const QString& name);

// -w/--workspace DIR (default: the current folder).
QCommandLineOption workspaceOption();
