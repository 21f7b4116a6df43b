#pragma once

#include <QStringList>

// `pipewright-cli export [PIPELINE] --format codepipeline-json|cloudformation-json|
// cloudformation-yaml [--output FILE] [--workspace DIR]`: the pipeline in a shape AWS takes.
// Exit 0 written, 1 the pipeline has errors, 2 on a usage or I/O problem.
int runExportCommand(const QStringList& args);

// `pipewright-cli import FILE [--output FILE] [--format yaml|json] [--workspace DIR]`: a
// CloudFormation template becomes get-pipeline JSON, get-pipeline JSON becomes a template.
// Exit 0 written, 1 nothing to convert, 2 on a usage or I/O problem.
int runImportCommand(const QStringList& args);
