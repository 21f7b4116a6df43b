#pragma once

#include "yaml/diagnostic.h"

#include <QList>
#include <QPair>
#include <QString>

namespace pw {

class YamlDocument;

// One minimal text edit of a pipeline file, or why the edit cannot be made. Bytes outside
// the edit's span stay identical, so comments and formatting survive.
struct PipelineEdit {
    TextEdit edit;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// What a new action is made of; configuration entries keep their order.
struct ActionTemplate {
    QString name;
    QString category = QStringLiteral("Build");
    QString owner = QStringLiteral("AWS");
    QString provider = QStringLiteral("CodeBuild");
    QString version = QStringLiteral("1");
    int runOrder = 1;
    QList<QPair<QString, QString>> configuration;
};

// A sensible new action of a category ("Source", "Build", "Test", "Deploy", "Approval").
ActionTemplate defaultActionTemplate(const QString& category, const QString& name);

// Stages and actions are addressed by index in document order of the document's first
// pipeline (get-pipeline shape, bare declaration or CloudFormation resource).
PipelineEdit renameStage(const YamlDocument& document, int stage, const QString& name);
PipelineEdit renameAction(const YamlDocument& document, int stage, int action, const QString& name);
PipelineEdit setActionRunOrder(const YamlDocument& document, int stage, int action, int runOrder);
PipelineEdit removeStage(const YamlDocument& document, int stage);
PipelineEdit removeAction(const YamlDocument& document, int stage, int action);
// Inserts a stage holding `action` before stage `index` (at the end when index is past it).
PipelineEdit insertStage(const YamlDocument& document, int index, const QString& name,
                         const ActionTemplate& action);
PipelineEdit appendAction(const YamlDocument& document, int stage, const ActionTemplate& action);
// Moves an action to the end of another stage's list (or keeps it in place within its own
// stage) with a new runOrder, as one edit spanning the text between the two places.
PipelineEdit moveAction(const YamlDocument& document, int stage, int action, int toStage,
                        int runOrder);
// Adds `artifact` to the action's input artifacts, creating the list when absent.
PipelineEdit addInputArtifact(const YamlDocument& document, int stage, int action,
                              const QString& artifact);

// The single edit turning `before` into `after`: their differing middle.
TextEdit minimalTextEdit(const QByteArray& before, const QByteArray& after);

// The text after the edit, and the edit that takes it back.
QByteArray applyTextEdit(const QByteArray& text, const TextEdit& edit);
TextEdit inverseTextEdit(const QByteArray& before, const TextEdit& edit);

}  // namespace pw
