#include "cfnjson.h"

#include "pipelineexport.h"
#include "yaml/yamldocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace pw::cfn {

QString upperFirst(QString key) {
    if (!key.isEmpty())
        key[0] = key[0].toUpper();
    return key;
}

QString lowerFirst(QString key) {
    if (!key.isEmpty())
        key[0] = key[0].toLower();
    return key;
}

QJsonObject ref(const QString& id) {
    return {{QStringLiteral("Ref"), id}};
}

QJsonObject getAtt(const QString& id, const QString& attribute) {
    return {{QStringLiteral("Fn::GetAtt"), QJsonArray{id, attribute}}};
}

// {"Ref": x} and the Fn:: functions, the only one-key objects whose key is not a property.
bool isIntrinsic(const QJsonValue& value) {
    if (!value.isObject() || value.toObject().size() != 1)
        return false;
    const QString key = value.toObject().begin().key();
    return key == QLatin1String("Ref") || key == QLatin1String("Condition") ||
           key.startsWith(QLatin1String("Fn::"));
}

// Switches the case of property names (get-pipeline is camelCase, CloudFormation PascalCase).
// Configuration maps belong to the action's provider, so their keys are kept as written.
QJsonValue recase(const QJsonValue& value, bool toCfn, bool verbatim) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(recase(item, toCfn, verbatim));
        return out;
    }
    if (!value.isObject() || isIntrinsic(value))
        return value;
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool config =
            verbatim || it.key().compare(QLatin1String("configuration"), Qt::CaseInsensitive) == 0;
        const QString key = verbatim ? it.key()
                            : toCfn  ? upperFirst(it.key())
                                     : lowerFirst(it.key());
        out.insert(key, recase(it.value(), toCfn, config));
    }
    return out;
}

// Logical ids are alphanumeric: "webapp-build" under "BuildProject" is BuildProjectWebappBuild.
QString logicalId(const QString& prefix, const QString& name) {
    QString id = prefix;
    bool upper = true;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128)) {
            upper = true;
            continue;
        }
        id += upper ? c.toUpper() : c;
        upper = false;
    }
    return id;
}

QString scalarText(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == qint64(d) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (value.isNull() || value.isUndefined())
        return {};
    return QString::fromUtf8(value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// The import keeps intrinsics it cannot resolve as text ("!Ref X", "!GetAtt A.B", "!Sub ...",
// or the long form as JSON); a template can say them again, so the export brings them back.
QJsonValue revive(const QJsonValue& value) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(revive(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out = value.toObject();
        for (auto it = out.begin(); it != out.end(); ++it)
            it.value() = revive(it.value());
        return out;
    }
    const QString text = value.toString();
    if (text.startsWith(QLatin1String("!Ref ")))
        return ref(text.mid(5));
    if (text.startsWith(QLatin1String("!GetAtt ")) && text.contains(u'.'))
        return getAtt(text.mid(8).section(u'.', 0, 0), text.mid(8).section(u'.', 1));
    if (text.startsWith(QLatin1String("!Sub ")))
        return QJsonObject{{QStringLiteral("Fn::Sub"), text.mid(5)}};
    if (text.startsWith(u'{')) {
        const QJsonValue parsed = QJsonDocument::fromJson(text.toUtf8()).object();
        if (isIntrinsic(parsed))
            return parsed;
    }
    return value;
}

// Names a template refers to: Ref targets and the ${Name} of Fn::Sub strings.
void collectReferences(const QJsonValue& value, QStringList& names) {
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectReferences(item, names);
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.size() == 1 && object.contains(QStringLiteral("Ref")))
        names << object.value(QStringLiteral("Ref")).toString();
    const QJsonValue sub = object.value(QStringLiteral("Fn::Sub"));
    static const QRegularExpression var(QStringLiteral("\\$\\{([A-Za-z0-9:]+)\\}"));
    for (const auto& m : var.globalMatch(sub.isArray() ? sub[0].toString() : sub.toString()))
        names << m.captured(1);
    for (auto it = object.begin(); it != object.end(); ++it)
        collectReferences(it.value(), names);
}

}  // namespace pw::cfn

namespace pw {

using namespace cfn;

// ---------------------------------------------------------------------------------------------
// YAML tree -> JSON

namespace {

QJsonValue typedScalar(const YamlNode& node) {
    const QString text = node.scalar();
    if (!node.isPlain())
        return text;
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(QStringLiteral("^[-+]?([0-9]*\\.[0-9]+|[0-9]+\\.)$"));
    if (text == QLatin1String("true") || text == QLatin1String("True"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False"))
        return false;
    if (text == QLatin1String("null") || text == QLatin1String("~"))
        return QJsonValue::Null;
    if (integer.match(text).hasMatch() && !(text.size() > 1 && text.startsWith(QLatin1Char('0'))))
        return text.toDouble();
    // 3.10 stays text: as a number it would come back as 3.1.
    if (real.match(text).hasMatch() && QString::number(text.toDouble()) == text)
        return text.toDouble();
    return text;
}

// The long form of a short-form intrinsic: !GetAtt A.B is {"Fn::GetAtt": ["A", "B"]}.
QJsonValue intrinsic(const QString& tag, const QJsonValue& argument) {
    const QString name = tag.mid(1);
    if (name == QLatin1String("Ref") || name == QLatin1String("Condition"))
        return QJsonObject{{name, argument}};
    QJsonValue arg = argument;
    if (name == QLatin1String("GetAtt") && argument.isString()) {
        const QString text = argument.toString();
        const qsizetype dot = text.indexOf(QLatin1Char('.'));
        arg = QJsonArray{text.left(dot), dot < 0 ? QString() : text.mid(dot + 1)};
    }
    return QJsonObject{{QStringLiteral("Fn::") + name, arg}};
}

}  // namespace

namespace {

QJsonValue convert(const YamlNode& node, int depth) {
    if (depth > 64)
        return QJsonValue::Null;
    QJsonValue value = QJsonValue::Null;
    if (node.isScalar()) {
        value = typedScalar(node);
    } else if (node.isSequence()) {
        QJsonArray out;
        for (int i = 0; i < node.size(); ++i)
            out.append(convert(node.item(i), depth + 1));
        value = out;
    } else if (node.isMapping()) {
        QJsonObject out;
        for (int i = 0; i < node.size(); ++i)
            out.insert(node.keyAt(i).scalar(), convert(node.valueAt(i), depth + 1));
        value = out;
    }
    const QString tag = node.tag();
    if (tag.size() > 1 && tag.startsWith(QLatin1Char('!')) && !tag.startsWith(QLatin1String("!!")))
        return intrinsic(tag, node.isScalar() ? QJsonValue(node.scalar()) : value);
    return value;
}

}  // namespace

QJsonValue yamlToJson(const YamlNode& node) {
    return convert(node, 0);
}

bool isCloudFormationDocument(const YamlDocument& document) {
    const YamlNode root = document.root();
    if (!root.isMapping() || root.has(u"pipeline") || root.has(u"stages"))
        return false;
    if (root.has(u"Resources") || root.has(u"AWSTemplateFormatVersion") ||
        root.get(u"Type").scalar() == kPipelineType)
        return true;
    // A snippet holding just resource entries, as the CloudFormation docs show them.
    for (int i = 0; i < root.size(); ++i)
        if (root.valueAt(i).get(u"Type").scalar() == kPipelineType)
            return true;
    return false;
}

// ---------------------------------------------------------------------------------------------
// get-pipeline -> CloudFormation

}  // namespace pw
