#include "spec/pipelinetext.h"

namespace pw::pipelinetext {

namespace {

YamlNode cloudFormationPipeline(const YamlNode& root) {
    const YamlNode resources = root.get(u"Resources");
    for (int i = 0; i < resources.size(); ++i) {
        const YamlNode resource = resources.valueAt(i);
        if (resource.get(u"Type").scalar() == QLatin1String("AWS::CodePipeline::Pipeline"))
            return resource.get(u"Properties");
    }
    return {};
}

}  // namespace

PipelineSite locatePipeline(const YamlDocument& document) {
    const YamlNode root = document.root();
    YamlNode pipeline = root.get(u"pipeline");
    if (!pipeline.isMapping())
        pipeline = root.has(u"stages") ? root : cloudFormationPipeline(root);
    PipelineSite site;
    site.capitalised = !pipeline.has(u"stages") && pipeline.has(u"Stages");
    site.stages = pipeline.get(site.key("stages"));
    return site;
}

bool isFlow(const YamlNode& node) {
    const QByteArray& text = node.document()->text();
    const qsizetype at = node.mark().offset;
    return at >= 0 && at < text.size() && (text.at(at) == '[' || text.at(at) == '{');
}

qsizetype flowEnd(const QByteArray& text, qsizetype start) {
    int depth = 0;
    char quote = 0;
    for (qsizetype i = start; i < text.size(); ++i) {
        const char c = text.at(i);
        if (quote) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return text.size();
}

}  // namespace pw::pipelinetext
