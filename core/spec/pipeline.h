#pragma once

#include "yaml/yamldocument.h"

#include <QList>
#include <QString>

class QJsonDocument;

namespace pw {

// A scalar of the pipeline definition with where it was written. CloudFormation intrinsic
// functions (!Ref, {"Fn::Sub": ...}) only get a value when the stack deploys, so they are kept
// as opaque text and checks that need the real value skip them.
struct PipelineValue {
    QString text;
    Mark mark;
    bool opaque = false;

    bool isEmpty() const { return text.isEmpty(); }
};

struct PipelineConfigEntry {
    QString key;
    PipelineValue value;
    Mark keyMark;
};

struct PipelineAction {
    PipelineValue name;
    PipelineValue category;
    PipelineValue owner;
    PipelineValue provider;
    PipelineValue version;
    int runOrder = 1;  // AWS default when omitted
    Mark runOrderMark;
    QList<PipelineConfigEntry> configuration;  // in document order
    QList<PipelineValue> inputArtifacts;
    QList<PipelineValue> outputArtifacts;
    PipelineValue namespaceName;
    PipelineValue region;
    PipelineValue roleArn;
    Mark mark;

    const PipelineConfigEntry* config(QStringView key) const;
    QString configValue(QStringView key) const;
};

struct PipelineStage {
    PipelineValue name;
    QList<PipelineAction> actions;
    Mark mark;
};

struct PipelineVariable {
    QString name;
    QString defaultValue;
    QString description;
    Mark mark;
};

struct PipelineArtifactStore {
    QString region;  // empty for the single-region artifactStore
    QString type = QStringLiteral("S3");
    QString location;
};

struct Pipeline {
    QString file;
    PipelineValue name;
    PipelineValue roleArn;
    QList<PipelineArtifactStore> artifactStores;
    int version = 1;
    PipelineValue pipelineType;   // "V1", "V2" or empty when not given
    PipelineValue executionMode;  // "QUEUED", "SUPERSEDED", "PARALLEL" or empty
    QList<PipelineVariable> variables;
    QList<PipelineStage> stages;
    Mark mark;
};

struct PipelineParseResult {
    Pipeline pipeline;
    Diagnostics diagnostics;  // shape problems: unknown keys, wrong types, missing keys
    bool fromCloudFormation = false;
    bool found = false;  // false when the document holds no pipeline at all
};

// Reads the first pipeline of the document: `get-pipeline` JSON/YAML ({"pipeline": ...}), a
// bare pipeline declaration, or an AWS::CodePipeline::Pipeline resource of a template.
PipelineParseResult parsePipeline(const YamlDocument& document);
// Every pipeline of the document; a template may declare several.
QList<PipelineParseResult> parsePipelines(const YamlDocument& document);

// The pipeline as `aws codepipeline get-pipeline` prints it ({"pipeline": {...}}).
QJsonDocument pipelineToJson(const Pipeline& pipeline);

}  // namespace pw
