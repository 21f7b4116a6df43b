#include "buildspec.h"

#include "diagnosticsink.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace pw {

namespace {

const QString kRuleNotMapping = QStringLiteral("buildspec-not-mapping");
const QString kRuleType = QStringLiteral("buildspec-type");
const QString kRuleScalarList = QStringLiteral("buildspec-scalar-for-list");
const QString kRuleUnknownKey = QStringLiteral("buildspec-unknown-key");
const QString kRuleUnknownPhase = QStringLiteral("buildspec-unknown-phase");
const QString kRuleVersionMissing = QStringLiteral("buildspec-version-missing");
const QString kRuleVersionUnsupported = QStringLiteral("buildspec-version-unsupported");
const QString kRuleVersionFloat = QStringLiteral("buildspec-version-float");
const QString kRuleVersionKeys = QStringLiteral("buildspec-version-key-mismatch");
const QString kRuleBool = QStringLiteral("buildspec-bool");
const QString kRuleCommandType = QStringLiteral("buildspec-command-not-string");
const QString kRuleCommandMapping = QStringLiteral("buildspec-command-mapping");
const QString kRuleCommandTemplate = QStringLiteral("buildspec-command-template");
const QString kRuleYaml11Value = QStringLiteral("buildspec-yaml11-value");
const QString kRuleCommandNull = QStringLiteral("buildspec-command-null");
const QString kRuleCommandsEmpty = QStringLiteral("buildspec-commands-empty");
const QString kRuleOnFailure = QStringLiteral("buildspec-on-failure");
const QString kRuleCacheAction = QStringLiteral("buildspec-cache-action");
const QString kRuleBatchKind = QStringLiteral("buildspec-batch-kind");

const QStringList kTopKeys = {QStringLiteral("version"), QStringLiteral("run-as"),
                              QStringLiteral("env"),     QStringLiteral("proxy"),
                              QStringLiteral("batch"),   QStringLiteral("phases"),
                              QStringLiteral("reports"), QStringLiteral("artifacts"),
                              QStringLiteral("cache"),   QStringLiteral("environment_variables")};
const QStringList kEnvKeys = {
    QStringLiteral("shell"),           QStringLiteral("variables"),
    QStringLiteral("parameter-store"), QStringLiteral("exported-variables"),
    QStringLiteral("secrets-manager"), QStringLiteral("git-credential-helper"),
    QStringLiteral("plaintext")};
const QStringList kPhaseKeys = {QStringLiteral("run-as"), QStringLiteral("on-failure"),
                                QStringLiteral("runtime-versions"), QStringLiteral("commands"),
                                QStringLiteral("finally")};
const QStringList kArtifactKeys = {
    QStringLiteral("files"),         QStringLiteral("name"),
    QStringLiteral("discard-paths"), QStringLiteral("base-directory"),
    QStringLiteral("exclude-paths"), QStringLiteral("enable-symlinks"),
    QStringLiteral("s3-prefix"),     QStringLiteral("secondary-artifacts"),
    QStringLiteral("type")};
const QStringList kReportKeys = {QStringLiteral("files"), QStringLiteral("base-directory"),
                                 QStringLiteral("discard-paths"), QStringLiteral("file-format")};
const QStringList kCacheKeys = {QStringLiteral("key"), QStringLiteral("fallback-keys"),
                                QStringLiteral("action"), QStringLiteral("paths")};
const QStringList kProxyKeys = {QStringLiteral("upload-artifacts"), QStringLiteral("logs")};
const QStringList kBatchKeys = {QStringLiteral("fast-fail"), QStringLiteral("build-list"),
                                QStringLiteral("build-graph"), QStringLiteral("build-matrix"),
                                QStringLiteral("build-fanout")};
const QStringList kTaskKeys = {QStringLiteral("identifier"),    QStringLiteral("buildspec"),
                               QStringLiteral("debug-session"), QStringLiteral("depend-on"),
                               QStringLiteral("env"),           QStringLiteral("ignore-failure")};
const QStringList kTaskEnvKeys = {QStringLiteral("compute-type"), QStringLiteral("fleet"),
                                  QStringLiteral("image"),        QStringLiteral("privileged-mode"),
                                  QStringLiteral("type"),         QStringLiteral("variables")};

// The text a node was written as: a scalar's value, or the null token itself (`~`, `null`)
// so a bare `- null` command keeps its source text.
QString sourceTextOf(const YamlNode& node) {
    if (node.isScalar())
        return node.scalar();
    if (!node.isNull() || !node.document())
        return {};
    const QByteArray& text = node.document()->text();
    const qsizetype start = node.mark().offset;
    for (const char* token : {"null", "Null", "NULL", "~"}) {
        const QByteArray t(token);
        if (start >= 0 && text.mid(start, t.size()) == t)
            return QString::fromLatin1(t);
    }
    return {};
}

// YAML 1.1 resolution of a plain scalar: what a YAML 1.1 reader turns it into when it is
// not a string. Empty when the scalar stays a string.
QString yaml11TypeOf(const YamlNode& node) {
    if (node.isNull())
        return QStringLiteral("null");
    if (!node.isPlain())
        return {};
    const QString v = node.scalar();
    // Every non-string form starts with one of these: most scalars (commands) need no regex.
    if (v.isEmpty() || !QStringView(u"yYnNtTfFoO+-.0123456789").contains(v.front()))
        return {};
    static const QRegularExpression boolRe(
        QStringLiteral("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|"
                       "off|Off|OFF)$"));
    static const QRegularExpression intRe(
        QStringLiteral("^[-+]?(0b[0-1_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:["
                       "0-5]?[0-9])+)$"));
    static const QRegularExpression floatRe(
        QStringLiteral("^([-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?|[-+]?\\.(inf|Inf|INF)|"
                       "\\.(nan|NaN|NAN))$"));
    if (boolRe.match(v).hasMatch())
        return QStringLiteral("boolean");
    if (intRe.match(v).hasMatch())
        return QStringLiteral("integer");
    if (v != QLatin1String(".") && floatRe.match(v).hasMatch())
        return QStringLiteral("float");
    return {};
}

struct Entry {
    YamlNode key;
    YamlNode value;
};

bool isMergeKey(const YamlNode& key) {
    return key.isPlain() && key.scalar() == QLatin1String("<<");
}

// A mapping's entries in document order with `<<: *anchor` merges expanded; an explicit key
// overrides a merged one, as YAML parsers do. Depth and size are bounded: aliases make merge
// trees exponential in the text size.
class EntryCollector {
public:
    QList<Entry> entries;

    void collect(const YamlNode& map, int depth = 0) {
        if (!map.isMapping() || depth > 16 || --m_budget <= 0)
            return;
        for (int i = 0; i < map.size(); ++i)
            if (isMergeKey(map.keyAt(i)))
                collectMerge(map.valueAt(i), depth);
        for (int i = 0; i < map.size() && --m_budget > 0; ++i)
            if (!isMergeKey(map.keyAt(i)))
                add({map.keyAt(i), map.valueAt(i)});
    }

private:
    void collectMerge(const YamlNode& merged, int depth) {
        if (!merged.isSequence())
            return collect(merged, depth + 1);
        for (int m = 0; m < merged.size(); ++m)
            collect(merged.item(m), depth + 1);
    }
    void add(const Entry& entry) {
        const QString name = entry.key.scalar();
        const auto it = m_index.constFind(name);
        if (it != m_index.constEnd()) {
            entries[*it] = entry;  // keeps the merged key's place, takes the explicit value
            return;
        }
        m_index.insert(name, int(entries.size()));
        entries.push_back(entry);
    }

    QHash<QString, int> m_index;
    int m_budget = 1'000'000;
};

QList<Entry> entriesOf(const YamlNode& map) {
    EntryCollector collector;
    collector.collect(map);
    return collector.entries;
}

// The value of a YAML 1.1 integer: 0b binary, 0x hex, leading-zero octal, base-60 `1:30`.
std::optional<qlonglong> yaml11Integer(QString digits) {
    digits.remove(QLatin1Char('_'));
    const bool negative = digits.startsWith(QLatin1Char('-'));
    if (negative || digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    bool ok = true;
    qlonglong value = 0;
    if (digits.contains(QLatin1Char(':'))) {
        for (const QString& part : digits.split(QLatin1Char(':')))
            value = value * 60 + (ok ? part.toLongLong(&ok) : 0);
    } else if (digits.startsWith(QLatin1String("0b"))) {
        value = digits.mid(2).toLongLong(&ok, 2);
    } else if (digits.startsWith(QLatin1String("0x"))) {
        value = digits.mid(2).toLongLong(&ok, 16);
    } else {
        value = digits.toLongLong(&ok, digits.startsWith(QLatin1Char('0')) ? 8 : 10);
    }
    if (!ok)
        return std::nullopt;
    return negative ? -value : value;
}

// A YAML 1.1 float printed the way Python and Java print a double: 6.0 stays "6.0", 3.10
// becomes "3.1". Infinity and NaN are left alone.
std::optional<QString> yaml11Float(QString digits) {
    digits.remove(QLatin1Char('_'));
    bool ok = false;
    const double value = digits.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    QString out = QString::number(value, 'g', QLocale::FloatingPointShortest);
    if (!out.contains(QLatin1Char('.')) && !out.contains(QLatin1Char('e')))
        out += QLatin1String(".0");
    return out;
}

// The text a YAML 1.1 reader hands over for a plain scalar when that differs from what was
// written: `3.10` becomes 3.1, `0755` becomes 493, `yes` becomes true. Empty otherwise.
QString yaml11Rewrite(const YamlNode& node) {
    const QString type = yaml11TypeOf(node);
    const QString text = node.scalar();
    std::optional<QString> canonical;
    if (type == QLatin1String("boolean")) {
        const bool value =
            yamlBool(node).value_or(text.startsWith(QLatin1Char('y'), Qt::CaseInsensitive));
        canonical = value ? QStringLiteral("true") : QStringLiteral("false");
    } else if (type == QLatin1String("integer")) {
        if (const std::optional<qlonglong> value = yaml11Integer(text))
            canonical = QString::number(*value);
    } else if (type == QLatin1String("float")) {
        canonical = yaml11Float(text);
    }
    return canonical && *canonical != text ? *canonical : QString();
}

QStringList textsOf(const QList<SourceText>& list) {
    QStringList out;
    for (const SourceText& t : list)
        out.push_back(t.text);
    return out;
}

class BuildspecParser {
public:
    explicit BuildspecParser(const YamlDocument& doc) : m_doc(doc), m_sink(doc) {}
    BuildspecParseResult run();

private:
    bool isMapping(const YamlNode& node, const QString& context);
    bool isSequenceOrScalar(const YamlNode& node, const QString& context);
    QString scalar(const YamlNode& node, const QString& context);
    bool boolean(const YamlNode& node, const QString& context, bool fallback = false);
    QList<SourceText> textList(const YamlNode& node, const QString& context);
    QList<SourceText> commandList(const YamlNode& phase, QStringView key, const QString& context);
    SourceText command(const YamlNode& item, const QString& context, int index = -1);
    QList<NamedValue> namedValues(const YamlNode& node, const QString& context);
    void warnYaml11Rewrite(const YamlNode& value, const QString& context);
    void unknownKeys(const YamlNode& map, const QStringList& allowed, const QString& context);

    void parseVersion(const YamlNode& root);
    void parseEnv(const YamlNode& node, const QString& key);
    void checkEnvKeyVersion(const YamlNode& env, const QString& key);
    void parseProxy(const YamlNode& node);
    void parseBatch(const YamlNode& node);
    BuildspecBatchTask parseTask(const YamlNode& node, bool graph, const QString& context);
    BuildspecTaskEnv parseTaskEnv(const YamlNode& node, const QString& context);
    void parseMatrix(const YamlNode& node);
    void parseMatrixDynamic(const YamlNode& dyn);
    void parseFanout(const YamlNode& node);
    void parsePhases(const YamlNode& node);
    void reportUnknownPhase(const YamlNode& key);
    void parsePhase(const YamlNode& node, BuildspecPhase& phase, const QString& context);
    void parseOnFailureNode(const YamlNode& node, BuildspecPhase& phase);
    void parseReports(const YamlNode& node);
    void parseArtifacts(const YamlNode& node, BuildspecArtifacts& out, const QString& context);
    void parseSecondaryArtifacts(const YamlNode& node);
    void parseCache(const YamlNode& node);

    const YamlDocument& m_doc;
    DiagnosticSink m_sink;
    Buildspec m_spec;
};

BuildspecParseResult BuildspecParser::run() {
    const YamlNode root = m_doc.root();
    if (!root.isMapping()) {
        const QString what = root.isValid() ? root.typeName() : QStringLiteral("empty");
        m_sink.error(root, kRuleNotMapping,
                     QStringLiteral("a buildspec must be a mapping with 'version' and 'phases' "
                                    "(found %1)")
                         .arg(what));
        return {m_spec, m_sink.take()};
    }
    parseVersion(root);
    unknownKeys(root, kTopKeys, QString());
    m_spec.runAs = scalar(root.get(u"run-as"), QStringLiteral("run-as"));
    parseEnv(root.get(u"environment_variables"), QStringLiteral("environment_variables"));
    parseEnv(root.get(u"env"), QStringLiteral("env"));
    parseProxy(root.get(u"proxy"));
    parseBatch(root.get(u"batch"));
    parsePhases(root.get(u"phases"));
    parseReports(root.get(u"reports"));
    parseArtifacts(root.get(u"artifacts"), m_spec.artifacts, QStringLiteral("artifacts"));
    m_spec.artifacts.mark = root.keyNode(u"artifacts").mark();  // the key, like secondaries
    parseSecondaryArtifacts(root.get(u"artifacts").get(u"secondary-artifacts"));
    parseCache(root.get(u"cache"));
    return {m_spec, m_sink.take()};
}

// --- typed readers ------------------------------------------------------------------------

bool BuildspecParser::isMapping(const YamlNode& node, const QString& context) {
    if (!node.isValid() || node.isNull())
        return false;
    if (node.isMapping())
        return true;
    m_sink.error(node, kRuleType,
                 QStringLiteral("'%1' must be a mapping, not a %2").arg(context, node.typeName()));
    return false;
}

bool BuildspecParser::isSequenceOrScalar(const YamlNode& node, const QString& context) {
    if (!node.isValid() || node.isNull())
        return false;
    if (node.isSequence())
        return true;
    if (node.isScalar()) {
        m_sink.info(node, kRuleScalarList,
                    QStringLiteral("'%1' is a single value, not a sequence; it is read as a "
                                   "one-item list")
                        .arg(context));
        return true;
    }
    m_sink.error(node, kRuleType,
                 QStringLiteral("'%1' must be a sequence, not a %2").arg(context, node.typeName()));
    return false;
}

QString BuildspecParser::scalar(const YamlNode& node, const QString& context) {
    if (!node.isValid() || node.isNull())
        return {};
    if (node.isScalar())
        return node.scalar();
    m_sink.error(node, kRuleType,
                 QStringLiteral("'%1' must be a scalar, not a %2").arg(context, node.typeName()));
    return {};
}

bool BuildspecParser::boolean(const YamlNode& node, const QString& context, bool fallback) {
    if (!node.isValid() || node.isNull())
        return fallback;
    if (const std::optional<bool> value = yamlBool(node))
        return *value;
    m_sink.error(node, kRuleBool,
                 QStringLiteral("'%1' must be yes or no (true/false), not '%2'")
                     .arg(context, node.isScalar() ? node.scalar() : node.typeName()));
    return fallback;
}

QList<SourceText> BuildspecParser::textList(const YamlNode& node, const QString& context) {
    QList<SourceText> out;
    if (!isSequenceOrScalar(node, context))
        return out;
    if (node.isScalar())
        return {SourceText{node.scalar(), node.mark()}};
    for (int i = 0; i < node.size(); ++i) {
        const YamlNode item = node.item(i);
        const QString text = scalar(item, QStringLiteral("%1[%2]").arg(context).arg(i));
        if (item.isScalar())
            out.push_back({text, item.mark()});
    }
    return out;
}

QList<SourceText> BuildspecParser::commandList(const YamlNode& phase, QStringView key,
                                               const QString& context) {
    const YamlNode node = phase.get(key);
    if (node.isValid() && node.isNull()) {
        // A null value's own mark lies after any comment; the key is where the user looks.
        m_sink.warning(
            phase.keyNode(key), kRuleCommandsEmpty,
            QStringLiteral("'%1' is empty (null); the phase runs no commands").arg(context));
        return {};
    }
    if (!isSequenceOrScalar(node, context))
        return {};
    if (node.isScalar())
        return {command(node, context)};
    QList<SourceText> out;
    for (int i = 0; i < node.size(); ++i) {
        const YamlNode item = node.item(i);
        if (item.isMapping() || item.isSequence()) {
            m_sink.error(item, kRuleCommandMapping,
                         QStringLiteral("%1[%2] must be a string, but YAML reads a %3 here (a "
                                        "': ' inside a command starts a mapping); quote the "
                                        "command")
                             .arg(context)
                             .arg(i)
                             .arg(item.typeName()));
            continue;
        }
        out.push_back(command(item, context, i));
    }
    return out;
}

SourceText BuildspecParser::command(const YamlNode& item, const QString& listContext, int index) {
    const SourceText out{sourceTextOf(item), item.mark()};
    const QString type = yaml11TypeOf(item);
    const bool maybeTemplate = out.text.contains(QLatin1String("{{"));
    if (type.isEmpty() && !maybeTemplate)
        return out;
    // Formatted only for a message: a 500-command phase has no use for 500 of them.
    const QString context =
        index < 0 ? listContext : QStringLiteral("%1[%2]").arg(listContext).arg(index);
    if (type == QLatin1String("null")) {
        m_sink.warning(item, kRuleCommandNull,
                       QStringLiteral("%1 is an empty (null) command item, e.g. '- # comment'; it "
                                      "runs nothing")
                           .arg(context));
    } else if (!type.isEmpty()) {
        const QByteArray quoted = '"' + out.text.toUtf8() + '"';
        m_sink.warning(
            item, kRuleCommandType,
            QStringLiteral("%1 '%2' is read by YAML 1.1 as a %3, not as the command "
                           "'%2'; quote it")
                .arg(context, out.text, type),
            replaceScalarFix(item, QStringLiteral("Quote as %1").arg(QString::fromUtf8(quoted)),
                             quoted));
    }
    static const QRegularExpression templateAction(QStringLiteral("\\{\\{[^}]*\\}\\}"));
    if (maybeTemplate && templateAction.match(out.text).hasMatch())
        m_sink.warning(item, kRuleCommandTemplate,
                       QStringLiteral("%1 contains an unrendered template action '%2'; the shell "
                                      "sees it literally")
                           .arg(context, templateAction.match(out.text).captured()));
    return out;
}

QList<NamedValue> BuildspecParser::namedValues(const YamlNode& node, const QString& context) {
    QList<NamedValue> out;
    if (!isMapping(node, context))
        return out;
    for (const auto& [key, value] : entriesOf(node)) {
        const QString name = key.scalar();
        const QString where = context + QLatin1Char('.') + name;
        out.push_back({name, scalar(value, where), key.mark(), value.mark()});
        if (value.isScalar())
            warnYaml11Rewrite(value, where);
    }
    return out;
}

// The value keeps its source text in the model; the warning says what AWS may receive.
void BuildspecParser::warnYaml11Rewrite(const YamlNode& value, const QString& context) {
    const QString rewritten = yaml11Rewrite(value);
    if (rewritten.isEmpty())
        return;
    const QByteArray quoted = '"' + value.scalar().toUtf8() + '"';
    m_sink.warning(
        value, kRuleYaml11Value,
        QStringLiteral("%1: YAML 1.1 reads '%2' as the %3 %4; quote it to keep '%2'")
            .arg(context, value.scalar(), yaml11TypeOf(value), rewritten),
        replaceScalarFix(value, QStringLiteral("Quote as %1").arg(QString::fromUtf8(quoted)),
                         quoted));
}

void BuildspecParser::unknownKeys(const YamlNode& map, const QStringList& allowed,
                                  const QString& context) {
    checkKnownKeys(m_sink, map, allowed, kRuleUnknownKey, context, Severity::Warning);
}

// --- version ------------------------------------------------------------------------------

void BuildspecParser::parseVersion(const YamlNode& root) {
    const YamlNode node = root.get(u"version");
    if (!node.isValid() || node.isNull()) {
        m_sink.error(node.isValid() ? node : root, kRuleVersionMissing,
                     QStringLiteral("'version' is required (use \"0.2\")"));
        return;
    }
    m_spec.versionMark = node.mark();
    m_spec.version = scalar(node, QStringLiteral("version"));
    if (!node.isScalar())
        return;
    const QString text = m_spec.version;
    if (text == QLatin1String("0.2") || text == QLatin1String("0.1")) {
        m_spec.versionKind =
            text == QLatin1String("0.2") ? BuildspecVersion::V0_2 : BuildspecVersion::V0_1;
        return;
    }
    bool ok = false;
    const double number = text.toDouble(&ok);
    const bool asFloat = node.isPlain() && ok && yaml11TypeOf(node) == QLatin1String("float");
    for (const double known : {0.2, 0.1}) {
        if (asFloat && std::abs(number - known) < 1e-9) {
            const QString canonical = known == 0.2 ? QStringLiteral("0.2") : QStringLiteral("0.1");
            m_spec.versionKind = known == 0.2 ? BuildspecVersion::V0_2 : BuildspecVersion::V0_1;
            m_sink.warning(node, kRuleVersionFloat,
                           QStringLiteral("version '%1' is a YAML float that reads as %2; write "
                                          "\"%2\"")
                               .arg(text, canonical),
                           replaceScalarFix(node, QStringLiteral("Write \"%1\"").arg(canonical),
                                            '"' + canonical.toUtf8() + '"'));
            return;
        }
    }
    m_sink.error(node, kRuleVersionUnsupported,
                 QStringLiteral("unsupported buildspec version '%1'; CodeBuild accepts 0.2 and "
                                "0.1")
                     .arg(text));
}

// --- env ----------------------------------------------------------------------------------

void BuildspecParser::parseEnv(const YamlNode& node, const QString& key) {
    if (!node.isValid())
        return;
    const bool legacyKey = key == QLatin1String("environment_variables");
    const bool v01 = m_spec.versionKind == BuildspecVersion::V0_1;
    if (legacyKey != v01 && m_spec.versionKind != BuildspecVersion::Unknown) {
        const YamlNode keyNode = m_doc.root().keyNode(key);
        m_sink.warning(keyNode, kRuleVersionKeys,
                       legacyKey ? QStringLiteral("'environment_variables' is the version 0.1 "
                                                  "name; version %1 uses 'env'")
                                       .arg(m_spec.version)
                                 : QStringLiteral("'env' is the version 0.2 name; version 0.1 "
                                                  "uses 'environment_variables'"));
    }
    if (!isMapping(node, key))
        return;
    unknownKeys(node, kEnvKeys, key);
    checkEnvKeyVersion(node, key);
    BuildspecEnv& env = m_spec.env;
    env.present = true;
    env.mark = node.mark();
    const QString dot = key + QLatin1Char('.');
    env.shell = scalar(node.get(u"shell"), dot + QStringLiteral("shell"));
    env.variables += namedValues(node.get(u"plaintext"), dot + QStringLiteral("plaintext"));
    env.variables += namedValues(node.get(u"variables"), dot + QStringLiteral("variables"));
    env.parameterStore += namedValues(node.get(u"parameter-store"), dot + "parameter-store");
    env.secretsManager += namedValues(node.get(u"secrets-manager"), dot + "secrets-manager");
    env.exportedVariables += textList(node.get(u"exported-variables"), dot + "exported-variables");
    const YamlNode helper = node.get(u"git-credential-helper");
    if (helper.isValid() && !helper.isNull())
        env.gitCredentialHelper = boolean(helper, dot + QStringLiteral("git-credential-helper"));
}

// `environment_variables` pairs with `plaintext` (0.1), `env` with `variables` (0.2); a
// crossed pair is a rename. The parent key's own version is checked in parseEnv.
void BuildspecParser::checkEnvKeyVersion(const YamlNode& env, const QString& key) {
    const bool legacy = key == QLatin1String("environment_variables");
    const QString wrong = legacy ? QStringLiteral("variables") : QStringLiteral("plaintext");
    const QString right = legacy ? QStringLiteral("plaintext") : QStringLiteral("variables");
    const YamlNode keyNode = env.keyNode(wrong);
    if (!keyNode.isValid())
        return;
    m_sink.warning(
        keyNode, kRuleVersionKeys,
        QStringLiteral("'%1.%2' mixes versions: '%2' is the version %3 name, '%1' takes '%4'")
            .arg(key, wrong, legacy ? QStringLiteral("0.2") : QStringLiteral("0.1"), right),
        replaceScalarFix(keyNode, QStringLiteral("Rename to '%1'").arg(right), right.toUtf8()));
}

void BuildspecParser::parseProxy(const YamlNode& node) {
    if (!isMapping(node, QStringLiteral("proxy")))
        return;
    unknownKeys(node, kProxyKeys, QStringLiteral("proxy"));
    m_spec.proxy.present = true;
    m_spec.proxy.mark = node.mark();
    m_spec.proxy.uploadArtifacts =
        boolean(node.get(u"upload-artifacts"), QStringLiteral("proxy.upload-artifacts"));
    m_spec.proxy.logs = boolean(node.get(u"logs"), QStringLiteral("proxy.logs"));
}

// --- batch --------------------------------------------------------------------------------

void BuildspecParser::parseBatch(const YamlNode& node) {
    if (!isMapping(node, QStringLiteral("batch")))
        return;
    unknownKeys(node, kBatchKeys, QStringLiteral("batch"));
    BuildspecBatch& batch = m_spec.batch;
    batch.present = true;
    batch.mark = node.mark();
    batch.fastFail = boolean(node.get(u"fast-fail"), QStringLiteral("batch.fast-fail"));
    int kinds = 0;
    for (int i = 0; i < node.size(); ++i) {
        const QString key = node.keyAt(i).scalar();
        if (!key.startsWith(QLatin1String("build-")) || !kBatchKeys.contains(key))
            continue;
        if (++kinds > 1) {
            m_sink.error(node.keyAt(i), kRuleBatchKind,
                         QStringLiteral("a batch holds one of build-list, build-graph, "
                                        "build-matrix or build-fanout; '%1' is a second one")
                             .arg(key));
            continue;
        }
        const YamlNode value = node.valueAt(i);
        if (key == QLatin1String("build-matrix")) {
            batch.kind = BatchKind::BuildMatrix;
            parseMatrix(value);
        } else if (key == QLatin1String("build-fanout")) {
            batch.kind = BatchKind::BuildFanout;
            parseFanout(value);
        } else {
            const bool graph = key == QLatin1String("build-graph");
            batch.kind = graph ? BatchKind::BuildGraph : BatchKind::BuildList;
            if (isSequenceOrScalar(value, QStringLiteral("batch.") + key) && value.isSequence())
                for (int t = 0; t < value.size(); ++t)
                    batch.tasks.push_back(parseTask(
                        value.item(t), graph, QStringLiteral("batch.%1[%2]").arg(key).arg(t)));
        }
    }
}

BuildspecBatchTask BuildspecParser::parseTask(const YamlNode& node, bool graph,
                                              const QString& context) {
    BuildspecBatchTask task;
    task.mark = node.mark();
    if (!isMapping(node, context))
        return task;
    QStringList allowed = kTaskKeys;
    if (!graph)
        allowed.removeAll(QStringLiteral("depend-on"));
    unknownKeys(node, allowed, context);
    const QString dot = context + QLatin1Char('.');
    task.identifier = scalar(node.get(u"identifier"), dot + "identifier");
    task.buildspec = scalar(node.get(u"buildspec"), dot + "buildspec");
    task.debugSession = boolean(node.get(u"debug-session"), dot + "debug-session");
    task.ignoreFailure = boolean(node.get(u"ignore-failure"), dot + "ignore-failure");
    task.dependOn = textsOf(textList(node.get(u"depend-on"), dot + "depend-on"));
    task.env = parseTaskEnv(node.get(u"env"), dot + "env");
    return task;
}

BuildspecTaskEnv BuildspecParser::parseTaskEnv(const YamlNode& node, const QString& context) {
    BuildspecTaskEnv env;
    if (!isMapping(node, context))
        return env;
    unknownKeys(node, kTaskEnvKeys, context);
    const QString dot = context + QLatin1Char('.');
    env.computeType = scalar(node.get(u"compute-type"), dot + "compute-type");
    env.fleet = scalar(node.get(u"fleet"), dot + "fleet");
    env.image = scalar(node.get(u"image"), dot + "image");
    env.type = scalar(node.get(u"type"), dot + "type");
    const YamlNode privileged = node.get(u"privileged-mode");
    if (privileged.isValid() && !privileged.isNull())
        env.privilegedMode = boolean(privileged, dot + "privileged-mode");
    env.variables = namedValues(node.get(u"variables"), dot + "variables");
    return env;
}

void BuildspecParser::parseMatrix(const YamlNode& node) {
    const QString context = QStringLiteral("batch.build-matrix");
    if (!isMapping(node, context))
        return;
    unknownKeys(node, {QStringLiteral("static"), QStringLiteral("dynamic")}, context);
    BuildspecBuildMatrix& matrix = m_spec.batch.matrix;
    const YamlNode st = node.get(u"static");
    if (isMapping(st, context + ".static")) {
        unknownKeys(st, {QStringLiteral("ignore-failure"), QStringLiteral("env")},
                    context + ".static");
        matrix.ignoreFailure =
            boolean(st.get(u"ignore-failure"), context + ".static.ignore-failure");
        matrix.staticEnv = parseTaskEnv(st.get(u"env"), context + ".static.env");
    }
    parseMatrixDynamic(node.get(u"dynamic"));
}

// Every combination of these values becomes one build of the batch.
void BuildspecParser::parseMatrixDynamic(const YamlNode& dyn) {
    const QString context = QStringLiteral("batch.build-matrix");
    if (!isMapping(dyn, context + ".dynamic"))
        return;
    unknownKeys(dyn, {QStringLiteral("buildspec"), QStringLiteral("env")}, context + ".dynamic");
    BuildspecBuildMatrix& matrix = m_spec.batch.matrix;
    matrix.buildspecs = textsOf(textList(dyn.get(u"buildspec"), context + ".dynamic.buildspec"));
    const YamlNode env = dyn.get(u"env");
    const QString envContext = context + ".dynamic.env";
    if (!isMapping(env, envContext))
        return;
    unknownKeys(
        env, {QStringLiteral("compute-type"), QStringLiteral("image"), QStringLiteral("variables")},
        envContext);
    matrix.computeTypes = textsOf(textList(env.get(u"compute-type"), envContext + ".compute-type"));
    matrix.images = textsOf(textList(env.get(u"image"), envContext + ".image"));
    const YamlNode vars = env.get(u"variables");
    if (!isMapping(vars, envContext + ".variables"))
        return;
    for (const auto& [key, value] : entriesOf(vars)) {
        const QString name = key.scalar();
        matrix.variables.push_back(
            {name, textsOf(textList(value, envContext + ".variables." + name))});
    }
}

void BuildspecParser::parseFanout(const YamlNode& node) {
    const QString context = QStringLiteral("batch.build-fanout");
    if (!isMapping(node, context))
        return;
    unknownKeys(node, {QStringLiteral("parallelism"), QStringLiteral("ignore-failure")}, context);
    const YamlNode parallelism = node.get(u"parallelism");
    bool ok = false;
    const int value = scalar(parallelism, context + ".parallelism").toInt(&ok);
    m_spec.batch.fanoutParallelism = ok ? value : (parallelism.isValid() ? -1 : 0);
    m_spec.batch.fanoutIgnoreFailure =
        boolean(node.get(u"ignore-failure"), context + ".ignore-failure");
}

// --- phases -------------------------------------------------------------------------------

void BuildspecParser::parsePhases(const YamlNode& node) {
    if (!isMapping(node, QStringLiteral("phases")))
        return;
    for (const auto& [key, value] : entriesOf(node)) {
        const std::optional<BuildspecPhaseId> id = buildspecPhaseFromKey(key.scalar());
        if (!id) {
            reportUnknownPhase(key);
            continue;
        }
        BuildspecPhase& phase = m_spec.phase(*id);
        phase.present = true;
        phase.mark = key.mark();
        parsePhase(value, phase, QStringLiteral("phases.") + key.scalar());
    }
}

void BuildspecParser::reportUnknownPhase(const YamlNode& key) {
    QStringList names;
    for (int p = 0; p < kBuildspecPhaseCount; ++p)
        names.push_back(buildspecPhaseKey(BuildspecPhaseId(p)));
    const QString suggestion = closestMatch(key.scalar(), names);
    QString message = QStringLiteral(
                          "unknown phase '%1'; phases are install, pre_build, build "
                          "and post_build")
                          .arg(key.scalar());
    std::optional<Fix> fix;
    if (!suggestion.isEmpty()) {
        message += QStringLiteral(" (did you mean '%1'?)").arg(suggestion);
        fix = replaceScalarFix(key, QStringLiteral("Rename to '%1'").arg(suggestion),
                               suggestion.toUtf8());
    }
    m_sink.error(key, kRuleUnknownPhase, message, std::move(fix));
}

void BuildspecParser::parsePhase(const YamlNode& node, BuildspecPhase& phase,
                                 const QString& context) {
    if (!isMapping(node, context))
        return;
    unknownKeys(node, kPhaseKeys, context);
    const QString dot = context + QLatin1Char('.');
    phase.runAs = scalar(node.get(u"run-as"), dot + "run-as");
    parseOnFailureNode(node.get(u"on-failure"), phase);
    phase.runtimeVersions = namedValues(node.get(u"runtime-versions"), dot + "runtime-versions");
    phase.commands = commandList(node, u"commands", dot + "commands");
    phase.finally = commandList(node, u"finally", dot + "finally");
}

void BuildspecParser::parseOnFailureNode(const YamlNode& node, BuildspecPhase& phase) {
    const QString text = scalar(node, QStringLiteral("on-failure"));
    if (!node.isScalar())
        return;
    std::optional<OnFailure> parsed = parseOnFailure(text);
    if (!parsed) {
        m_sink.error(node, kRuleOnFailure,
                     QStringLiteral("on-failure '%1' is not ABORT, CONTINUE, RETRY, "
                                    "RETRY-<count>, RETRY-<regex> or RETRY-<count>-<regex>")
                         .arg(text));
        return;
    }
    phase.onFailure = *parsed;
    phase.onFailure.mark = node.mark();
}

// --- reports, artifacts, cache ------------------------------------------------------------

void BuildspecParser::parseReports(const YamlNode& node) {
    if (!isMapping(node, QStringLiteral("reports")))
        return;
    for (const auto& [key, value] : entriesOf(node)) {
        const QString context = QStringLiteral("reports.") + key.scalar();
        BuildspecReportGroup group;
        group.name = key.scalar();
        group.mark = key.mark();
        if (isMapping(value, context)) {
            unknownKeys(value, kReportKeys, context);
            group.files = textList(value.get(u"files"), context + ".files");
            group.baseDirectory = scalar(value.get(u"base-directory"), context + ".base-directory");
            group.discardPaths = boolean(value.get(u"discard-paths"), context + ".discard-paths");
            const QString format = scalar(value.get(u"file-format"), context + ".file-format");
            if (!format.isEmpty())
                group.fileFormat = format.toUpper();
        }
        m_spec.reports.push_back(group);
    }
}

void BuildspecParser::parseArtifacts(const YamlNode& node, BuildspecArtifacts& out,
                                     const QString& context) {
    out.mark = node.mark();
    if (!isMapping(node, context))
        return;
    out.present = true;
    QStringList allowed = kArtifactKeys;
    if (context != QLatin1String("artifacts"))
        allowed.removeAll(QStringLiteral("secondary-artifacts"));
    unknownKeys(node, allowed, context);
    const QString dot = context + QLatin1Char('.');
    out.files = textList(node.get(u"files"), dot + "files");
    out.name = scalar(node.get(u"name"), dot + "name");
    out.discardPaths = boolean(node.get(u"discard-paths"), dot + "discard-paths");
    out.baseDirectory = scalar(node.get(u"base-directory"), dot + "base-directory");
    out.excludePaths = textList(node.get(u"exclude-paths"), dot + "exclude-paths");
    out.enableSymlinks = boolean(node.get(u"enable-symlinks"), dot + "enable-symlinks");
    out.s3Prefix = scalar(node.get(u"s3-prefix"), dot + "s3-prefix");
    out.type = scalar(node.get(u"type"), dot + "type");
    if (node.has(u"type") && m_spec.versionKind == BuildspecVersion::V0_2)
        m_sink.warning(node.keyNode(u"type"), kRuleVersionKeys,
                       QStringLiteral("'%1.type' is a version 0.1 key, deprecated in 0.2 and "
                                      "ignored")
                           .arg(context));
}

void BuildspecParser::parseSecondaryArtifacts(const YamlNode& node) {
    const QString context = QStringLiteral("artifacts.secondary-artifacts");
    if (!isMapping(node, context))
        return;
    for (const auto& [key, value] : entriesOf(node)) {
        BuildspecArtifacts artifact;
        artifact.identifier = key.scalar();
        parseArtifacts(value, artifact, context + '.' + artifact.identifier);
        artifact.mark = key.mark();
        m_spec.secondaryArtifacts.push_back(artifact);
    }
}

void BuildspecParser::parseCache(const YamlNode& node) {
    if (!isMapping(node, QStringLiteral("cache")))
        return;
    unknownKeys(node, kCacheKeys, QStringLiteral("cache"));
    BuildspecCache& cache = m_spec.cache;
    cache.present = true;
    cache.mark = node.mark();
    cache.key = scalar(node.get(u"key"), QStringLiteral("cache.key"));
    cache.fallbackKeys = textsOf(textList(node.get(u"fallback-keys"), "cache.fallback-keys"));
    cache.paths = textList(node.get(u"paths"), QStringLiteral("cache.paths"));
    const YamlNode action = node.get(u"action");
    const QString text = scalar(action, QStringLiteral("cache.action"));
    if (text == QLatin1String("restore"))
        cache.action = CacheAction::Restore;
    else if (text == QLatin1String("save"))
        cache.action = CacheAction::Save;
    else if (action.isScalar())
        m_sink.error(action, kRuleCacheAction,
                     QStringLiteral("cache.action '%1' must be restore or save (omit it to "
                                    "restore and save)")
                         .arg(text));
}

}  // namespace

QString buildspecPhaseKey(BuildspecPhaseId id) {
    switch (id) {
        case BuildspecPhaseId::Install:
            return QStringLiteral("install");
        case BuildspecPhaseId::PreBuild:
            return QStringLiteral("pre_build");
        case BuildspecPhaseId::Build:
            return QStringLiteral("build");
        case BuildspecPhaseId::PostBuild:
            return QStringLiteral("post_build");
    }
    return {};
}

std::optional<BuildspecPhaseId> buildspecPhaseFromKey(QStringView key) {
    for (int p = 0; p < kBuildspecPhaseCount; ++p)
        if (key == buildspecPhaseKey(BuildspecPhaseId(p)))
            return BuildspecPhaseId(p);
    return std::nullopt;
}

std::optional<OnFailure> parseOnFailure(const QString& text) {
    OnFailure out;
    if (text == QLatin1String("ABORT")) {
        out.kind = OnFailureKind::Abort;
        return out;
    }
    if (text == QLatin1String("CONTINUE")) {
        out.kind = OnFailureKind::Continue;
        return out;
    }
    // Count first: "RETRY-3" is a count, "RETRY-3x" a regex (the digits cannot end there).
    static const QRegularExpression re(QStringLiteral("^RETRY(-(\\d+))?(-(.*))?$"),
                                       QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    out.kind = OnFailureKind::Retry;
    if (m.capturedLength(2) > 0) {
        bool ok = false;
        const int count = m.captured(2).toInt(&ok);
        out.retryCount = ok ? count : std::numeric_limits<int>::max();
    }
    if (m.capturedStart(3) >= 0)
        out.retryRegex = m.captured(4);
    return out;
}

BuildspecParseResult parseBuildspec(const YamlDocument& doc) {
    return BuildspecParser(doc).run();
}

}  // namespace pw
