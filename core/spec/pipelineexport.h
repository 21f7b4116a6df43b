#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QJsonDocument;
class QJsonObject;
class QJsonValue;

namespace pw {

class YamlDocument;
class YamlNode;
struct Pipeline;
struct Workspace;

// What the CloudFormation export needs beyond the pipeline itself.
struct CloudFormationOptions {
    // Names the workspace binds (projects, applications, deployment groups) become resources
    // wired to the actions with Ref; null exports the pipeline resource alone.
    const Workspace* workspace = nullptr;
    QString description;
};

// The outcome of an import: the converted document, or why there is none. `dropped` names
// what the source holds that the target shape cannot represent.
struct PipelineConversion {
    bool ok = false;
    QString error;
    QStringList dropped;
    QByteArray text;  // the converted document, serialized
};

enum class TextFormat { Json, Yaml };

// (a) The model as `aws codepipeline get-pipeline` prints it.
QJsonDocument exportCodePipelineJson(const Pipeline& pipeline);

// (b) A template holding the pipeline (a get-pipeline document, {"pipeline": {...}}) as an
// AWS::CodePipeline::Pipeline, plus CodeBuild and CodeDeploy resources for the bound names.
QJsonObject cloudFormationTemplate(const QJsonObject& getPipeline,
                                   const CloudFormationOptions& options);
QJsonObject cloudFormationTemplate(const Pipeline& pipeline, const CloudFormationOptions& options);

// (c) Imports. A CloudFormation template's first pipeline resource as a get-pipeline
// document, with Ref/Fn::Sub resolved from parameter defaults and the template's resources.
// `logicalId` picks one of several; empty takes the first in document order.
QJsonObject importCloudFormation(const YamlDocument& document, QString* error = nullptr,
                                 QStringList* dropped = nullptr, const QString& logicalId = {});
// The logical id of the pipeline resource whose node starts at `offset` (Mark::offset, as the
// pipeline parser records it), or empty.
QString cloudFormationPipelineIdAt(const YamlDocument& document, qsizetype offset);
// A get-pipeline JSON/YAML file read as a tree, so fields the model does not keep survive.
QJsonObject readCodePipeline(const YamlDocument& document, QString* error = nullptr,
                             QStringList* dropped = nullptr);
// Whichever shape the document is in, converted to the other one.
PipelineConversion convertPipelineDocument(const YamlDocument& document, TextFormat format,
                                           const CloudFormationOptions& options = {});

// Text of a template: JSON, or YAML with the short intrinsic forms (!Ref, !GetAtt, !Sub).
QByteArray toJsonText(const QJsonObject& object);
QByteArray toYamlText(const QJsonObject& object);

// A YAML/JSON tree as JSON values: plain scalars typed (numbers, booleans, null), quoted ones
// strings, short-form intrinsics (!Ref x) in their long form ({"Ref": x}).
QJsonValue yamlToJson(const YamlNode& node);

// True for a template (Resources or AWSTemplateFormatVersion) rather than get-pipeline.
bool isCloudFormationDocument(const YamlDocument& document);

}  // namespace pw
