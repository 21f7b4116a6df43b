#pragma once

// Text helpers shared by the minimal edits of pipeline files (core/spec/pipelineedits.cpp,
// ui/graph/actionconfigedits.cpp): where the stages are and how flow collections end; lines and
// indentation come from yaml/yamltextspans.

#include "spec/jsonstring.h"
#include "yaml/yamldocument.h"
#include "yaml/yamltextspans.h"

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
using yamlspans::indentAt;
using yamlspans::lineStart;
using yamlspans::nextLine;
bool isFlow(const YamlNode& node);
// The offset just past the flow collection (or quoted scalar) starting at `start`.
qsizetype flowEnd(const QByteArray& text, qsizetype start);
using pw::jsonQuote;

}  // namespace pw::pipelinetext
