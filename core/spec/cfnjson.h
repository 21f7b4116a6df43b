#pragma once

// Helpers shared by the CloudFormation export and import (pipelineexport.cpp,
// pipelineimport.cpp): property-name casing, intrinsics, logical ids. Internal to core/spec.

#include <QJsonObject>
#include <QString>
#include <QStringList>

class QJsonValue;

namespace pw::cfn {

inline const QString kPipelineType = QStringLiteral("AWS::CodePipeline::Pipeline");
inline const QString kPipelineId = QStringLiteral("Pipeline");
inline const QString kString = QStringLiteral("String");

QString upperFirst(QString key);
QString lowerFirst(QString key);
QJsonObject ref(const QString& id);
QJsonObject getAtt(const QString& id, const QString& attribute);
// {"Ref": x} and the Fn:: functions, the only one-key objects whose key is not a property.
bool isIntrinsic(const QJsonValue& value);
// Switches the case of property names (get-pipeline is camelCase, CloudFormation PascalCase).
QJsonValue recase(const QJsonValue& value, bool toCfn, bool verbatim = false);
// Logical ids are alphanumeric: "webapp-build" under "BuildProject" is BuildProjectWebappBuild.
QString logicalId(const QString& prefix, const QString& name);
QString scalarText(const QJsonValue& value);
// Intrinsics the import kept as text, brought back to their JSON form.
QJsonValue revive(const QJsonValue& value);
// Names a template refers to: Ref targets and the ${Name} of Fn::Sub strings.
void collectReferences(const QJsonValue& value, QStringList& names);

}  // namespace pw::cfn
