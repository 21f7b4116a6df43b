#pragma once

// Text helpers shared by the minimal edits of pipeline files (core/spec/pipelineedits.cpp,
// ui/graph/actionconfigedits.cpp): where the stages are and how lines and flow collections end.

#include "yaml/yamldocument.h"

#include <QByteArray>
#include <QString>

namespace pw::pipelinetext {

// Where the stages live and how the file spells its keys (CloudFormation capitalises them).
struct PipelineSite {
    YamlNode stages;
    bool capitalised = false;

    QString key(const char* lower) const {
        QString k = QString::fromLatin1(lower);
        if (capitalised)
            k[0] = k[0].toUpper();
        return k;
    }
};

// The document's first pipeline: get-pipeline shape, bare declaration or CloudFormation resource.
PipelineSite locatePipeline(const YamlDocument& document);
qsizetype lineStart(const QByteArray& text, qsizetype offset);
qsizetype nextLineStart(const QByteArray& text, qsizetype offset);
int indentAt(const QByteArray& text, qsizetype start);
bool isFlow(const YamlNode& node);
// The offset just past the flow collection (or quoted scalar) starting at `start`.
qsizetype flowEnd(const QByteArray& text, qsizetype start);

}  // namespace pw::pipelinetext
