#include "appspec.h"

#include "diagnosticsink.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <bitset>

namespace pw {

namespace {

// The Ruby agent's messages (appspec.md §4.1-4.2), verbatim: users search for them.
const char* const kEmptyMessage =
    "The deployment failed because the application specification file was empty. Make sure "
    "your AppSpec file defines at minimum the 'version' and 'os' properties.";
const char* const kVersionMessage =
    "The deployment failed because an invalid version value (%1) was entered in the "
    "application specification file. Make sure your AppSpec file specifies \"0.0\" as the "
    "version, and then try again.";
const char* const kOsMessage =
    "The deployment failed because the application specification file specifies an "
    "unsupported operating system (%1). Specify either \"linux\" or \"windows\" in the os "
    "section of the AppSpec file, and then try again.";
const char* const kFileExistsMessage =
    "The deployment failed because an invalid file_exists_behavior value (%1) was entered in "
    "the application specification file. Make sure your AppSpec file specifies one of "
    "DISALLOW,OVERWRITE,RETAIN as the file_exists_behavior, and then try again.";
const char* const kLocationMessage =
    "The deployment failed because the application specification file specifies a script "
    "with no location value. Specify the location in the hooks section of the AppSpec file, "
    "and then try again.";
const char* const kTimeoutMessage =
    "The deployment failed because an invalid timeout value was provided for a script in the "
    "application specification file. Make corrections in the hooks section of the AppSpec "
    "file, and then try again.";
const char* const kNoSourceMessage =
    "The deployment failed because the application specification file specifies a "
    "destination file, but no source file. Update the files section of the AppSpec file, and "
    "then try again.";
const char* const kNoDestinationMessage =
    "The deployment failed because the application specification file specifies only a "
    "source file (%1). Add the name of the destination file to the files section of the "
    "AppSpec file, and then try again.";
const char* const kNoObjectMessage =
    "The deployment failed because a permission listed in the application specification "
    "file has no object value. Update the permissions section of the AppSpec file, and then "
    "try again.";
// "specifiles" and "filespecifies" are typos of the agent itself, kept so searches match.
const char* const kWindowsPermissionsMessage =
    "The deployment failed because the application specification file specifiles file "
    "permissions, but the deployment is targeting one or more Windows Server instances. "
    "Permissions are supported only for Amazon Linux, Ubuntu Server, and Red Hat Enterprise "
    "Linux (RHEL) instances. Update the permissions section of the AppSpec file, and then try "
    "again.";
const char* const kObjectTypeMessage =
    "The deployment failed because the application specification filespecifies a permission "
    "for an object type not supported for permissions (%1). Update the permissions section of "
    "the AppSpec file, and then try again.";
const char* const kModeLengthMessage =
    "The deployment failed because the length of a permissions mode (%1) in the application "
    "specification file is invalid. Permissions modes must be between one and four "
    "characters long. Update the permissions section of the AppSpec file, and then try "
    "again.";
const char* const kModeCharMessage =
    "The deployment failed because the permissions mode (%1) in the application "
    "specification file contains an invalid character (%2). Update the permissions section of "
    "the AppSpec file, and then try again.";
const char* const kAclEntryMessage =
    "The deployment failed because of a problem with the acls permission settings in the "
    "application specification file. Invalid acl entry (%1).";
const char* const kAclBaseMessage =
    "The deployment failed because of a problem with the acls permission settings in the "
    "application specification file. Use mode to set the base acl entry (%1). Update the "
    "permissions section of the AppSpec file, and then try again.";
const char* const kAclCharMessage =
    "The deployment failed because the access control list (ACL) named %1 in the application "
    "specification file contains an invalid character (%2). Correct the ACL in the hooks "
    "section of the AppSpec file, and then try again.";
const char* const kContextTypeMessage =
    "The deployment failed because the application specification file specifies an invalid "
    "context type (%1). Update the permissions section of the AppSpec file, and then try "
    "again.";
const char* const kRangeOrderMessage =
    "The deployment failed because of a problem with the SELinux range specified (%1) for the "
    "context parameter in the permissions section of the application specification file. "
    "Make corrections in the permissions section of the AppSpec file, and then try again.";
const char* const kFilePatternMessage =
    "The deployment failed because the application specification file includes an object "
    "(%1) with an invalid pattern (%2), such as a pattern for a file applied to a directory. "
    "Correct the permissions section of the AppSpec file, and then try again.";
const char* const kFileExceptMessage =
    "The deployment failed because the except parameter for a pattern in the permissions "
    "section (%1) for the object named %2 contains an invalid format. Update the AppSpec file, "
    "and then try again.";
const char* const kDuplicateTargetMessage =
    "The deployment failed because the application specification file specifies two source "
    "files named %1 and %2 for the same destination (%3). Remove one of the source file paths "
    "from the AppSpec file, and then try again.";
const char* const kFileDefaultAclMessage =
    "The deployment failed because the -d parameter has been specified to apply an acl "
    "setting to a file. This parameter is supported for directories only. Update the AppSpec "
    "file, and then try again.";

QString msg(const char* text) {
    return QString::fromLatin1(text);
}

bool isBlank(const YamlNode& node) {
    return !node.isValid() || node.isNull() ||
           (node.isScalar() && node.scalar().trimmed().isEmpty());
}

// Ruby's String#to_i: optional sign and leading digits, 0 when there are none.
qint64 rubyStringToInteger(const QString& text) {
    const QString s = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == u'-' || s[i] == u'+'))
        negative = s[i++] == u'-';
    qint64 value = 0;
    for (; i < s.size() && (s[i].isDigit() || (s[i] == u'_' && i > 0)); ++i) {
        if (s[i] != u'_')
            value = std::min<qint64>(value * 10 + s[i].digitValue(), 1'000'000'000'000LL);
    }
    return negative ? -value : value;
}

// The Ruby agent's `timeout.to_i`; nullopt where Ruby raises (booleans, collections).
std::optional<qint64> rubyTimeout(const YamlNode& node) {
    if (!node.isScalar())
        return std::nullopt;
    if (!node.isPlain())
        return rubyStringToInteger(node.scalar());
    if (const auto integer = yaml11Integer(node))
        return integer;
    bool ok = false;
    const double real = node.scalar().toDouble(&ok);
    if (ok)
        return qint64(std::clamp(real, -1e12, 1e12));
    if (yamlBool(node))
        return std::nullopt;
    return rubyStringToInteger(node.scalar());
}

// Ruby's Array#inspect of strings, as the agent prints `except`.
QString rubyList(const QStringList& items) {
    QStringList quoted;
    for (const QString& item : items)
        quoted << QLatin1Char('"') + item + QLatin1Char('"');
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

// Ruby's Hash#inspect of a scalar mapping, as the agent prints a context.
QString rubyHash(const YamlNode& map) {
    QStringList entries;
    for (int i = 0; i < map.size(); ++i) {
        const YamlNode value = map.valueAt(i);
        const QString shown = value.isNull() ? QStringLiteral("nil")
                              : value.isScalar()
                                  ? QLatin1Char('"') + value.scalar() + QLatin1Char('"')
                                  : QStringLiteral("{...}");
        entries << QLatin1Char('"') + map.keyAt(i).scalar() + QStringLiteral("\"=>") + shown;
    }
    return QLatin1Char('{') + entries.join(QLatin1String(", ")) + QLatin1Char('}');
}

YamlNode getEither(const YamlNode& map, QStringView upper, QStringView lower) {
    const YamlNode node = map.get(upper);
    return node.isValid() ? node : map.get(lower);
}

bool isYamlZero(const YamlNode& node) {
    if (!node.isScalar() || node.scalar().isEmpty())
        return false;
    if (const auto integer = yaml11Integer(node))
        return *integer == 0;
    bool ok = false;
    const double value = node.scalar().toDouble(&ok);
    return ok && value == 0.0;
}

// "s3", "c12": a letter then only decimal digits; -1 when malformed.
int levelNumber(const QString& part, QChar letter) {
    if (part.size() < 2 || part[0] != letter)
        return -1;
    int value = 0;
    for (qsizetype i = 1; i < part.size(); ++i) {
        if (!part[i].isDigit() || part[i].unicode() > '9')
            return -1;
        value = std::min(value * 10 + part[i].digitValue(), 1'000'000);
    }
    return value;
}

// RangeInfo#ensure_parts: split once on `separator`; neither half may be empty.
std::optional<QStringList> splitRangePart(const QString& input, QChar separator) {
    const qsizetype at = input.indexOf(separator);
    const QStringList parts =
        at < 0 ? QStringList{input} : QStringList{input.left(at), input.mid(at + 1)};
    for (const QString& part : parts)
        if (part.isEmpty())
            return std::nullopt;
    return parts;
}

QString checkCategory(const QString& category, QList<int>& out) {
    const int level = levelNumber(category, u'c');
    if (level < 0 || level > 1023)
        return QStringLiteral("invalid category %1").arg(category);
    out << level;
    return {};
}

// Marks categories low..high as seen; true when one was seen before. Once a duplicate is
// known the range is not walked again, so hostile input stays linear.
bool markCategories(std::bitset<1024>& seen, int low, int high, bool duplicate) {
    for (int c = low; c <= high && !duplicate; ++c) {
        duplicate = seen.test(size_t(c));
        seen.set(size_t(c));
    }
    return duplicate;
}

// Errors come in the agent's order: a malformed part wins over duplicates found earlier.
QString checkCategories(const QString& text) {
    QStringList parts = text.split(u',');
    while (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();  // Ruby's split drops trailing empty fields
    std::bitset<1024> seen;
    bool duplicate = false;
    for (const QString& part : parts) {
        const auto ends =
            part.contains(u'.') ? splitRangePart(part, u'.') : QStringList{part, part};
        if (!ends)
            return QStringLiteral("invalid range part %1").arg(part);
        QList<int> bounds;
        for (const QString& end : *ends)
            if (QString error = checkCategory(end, bounds); !error.isEmpty())
                return error;
        if (bounds[1] < bounds[0])
            return QStringLiteral("invalid category range %1.%2").arg((*ends)[0], (*ends)[1]);
        duplicate = markCategories(seen, bounds[0], bounds[1], duplicate);
    }
    return duplicate ? QStringLiteral("duplicate categories") : QString();
}

// Where the agent copies a file source: destination/basename(source). Empty for sources
// that look like directories (no extension), whose targets depend on the bundle's content.
QString fileTarget(const AppspecFile& file) {
    const QString name = QFileInfo(file.source.trimmed()).fileName();
    if (name.isEmpty() || !name.mid(1).contains(u'.'))
        return {};
    return QDir::cleanPath(file.destination.trimmed() + QLatin1Char('/') + name);
}

class AppspecParser {
public:
    explicit AppspecParser(const YamlDocument& document) : m_doc(document), m_sink(document) {}
    AppspecParseResult run();

private:
    void wrongType(const YamlNode& node, const QString& message) {
        m_sink.error(node, QStringLiteral("appspec-wrong-type"), message);
    }
    void parseVersion(const YamlNode& root);
    void parseServer(const YamlNode& root);
    void parseOs(const YamlNode& root);
    void parseFileExistsBehavior(const YamlNode& root);
    void parseFiles(const YamlNode& files);
    void parseFile(const YamlNode& item);
    void parsePermissions(const YamlNode& permissions);
    void parsePermission(const YamlNode& item);
    void parsePermissionLists(const YamlNode& item, AppspecPermission& permission);
    void parseMode(const YamlNode& mode, AppspecPermission& permission);
    void parseAcls(const YamlNode& acls, AppspecPermission& permission);
    void parseContext(const YamlNode& context, AppspecPermission& permission);
    void checkFilePermission(const YamlNode& item, const AppspecPermission& permission);
    bool isInstalledFile(const QString& object) const;
    void parseHooks(const YamlNode& hooks);
    void parseScript(const YamlNode& item, AppspecHook& hook);
    YamlNode parseResource(const YamlNode& root, const char* type);
    void parseEcs(const YamlNode& root);
    void parseLoadBalancer(const YamlNode& properties, AppspecEcsService& service);
    void parseNetwork(const YamlNode& network, AppspecEcsService& service);
    void parseCapacityProviders(const YamlNode& list, AppspecEcsService& service);
    void parseLambda(const YamlNode& root);
    void parseFunctionHooks(const YamlNode& root);
    QString requiredText(const YamlNode& map, QStringView key, const QString& rule,
                         const QString& context);
    QStringList scalarList(const YamlNode& node, const QString& what);

    const YamlDocument& m_doc;
    DiagnosticSink m_sink;
    Appspec m_spec;
};

AppspecParseResult AppspecParser::run() {
    const YamlNode root = m_doc.root();
    if (!root.isValid() || root.isNull()) {
        m_sink.error(root, QStringLiteral("appspec-empty"), msg(kEmptyMessage));
        return {m_spec, m_sink.take()};
    }
    if (!root.isMapping()) {
        m_sink.error(root, QStringLiteral("appspec-not-mapping"),
                     QStringLiteral("an AppSpec file is a mapping with 'version' and 'os' (or "
                                    "'Resources') at the top, not a %1")
                         .arg(root.typeName()));
        return {m_spec, m_sink.take()};
    }
    m_spec.platform = detectAppspecPlatform(root);
    parseVersion(root);
    if (m_spec.platform == AppspecPlatform::Server) {
        parseServer(root);
    } else {
        if (m_spec.platform == AppspecPlatform::Ecs)
            parseEcs(root);
        else
            parseLambda(root);
        parseFunctionHooks(root);
    }
    return {m_spec, m_sink.take()};
}

void AppspecParser::parseVersion(const YamlNode& root) {
    const YamlNode version = root.get(u"version");
    m_spec.version = version.isScalar() ? version.scalar() : QString();
    // A quoted "0.0" is accepted here; the validator explains the agent's view of it.
    if (isYamlZero(version))
        return;
    const QString shown = version.isScalar() ? version.scalar() : QString();
    m_sink.error(version.isValid() ? version : root, QStringLiteral("appspec-version"),
                 msg(kVersionMessage).arg(shown),
                 replaceScalarFix(version, QStringLiteral("Use version 0.0"), "0.0"));
}

void AppspecParser::parseServer(const YamlNode& root) {
    parseOs(root);
    parseFileExistsBehavior(root);
    parseFiles(root.get(u"files"));
    parsePermissions(root.get(u"permissions"));
    parseHooks(root.get(u"hooks"));
}

void AppspecParser::parseOs(const YamlNode& root) {
    const YamlNode os = root.get(u"os");
    const QString value = os.isScalar() ? os.scalar() : QString();
    if (value == QLatin1String("linux") || value == QLatin1String("windows")) {
        m_spec.os = value;
        return;
    }
    const QString lower = value.trimmed().toLower();
    std::optional<Fix> fix;
    if (lower == QLatin1String("linux") || lower == QLatin1String("windows"))
        fix = replaceScalarFix(os, QStringLiteral("Use '%1'").arg(lower), lower.toUtf8());
    m_sink.error(os.isValid() ? os : root, QStringLiteral("appspec-os"), msg(kOsMessage).arg(value),
                 std::move(fix));
}

void AppspecParser::parseFileExistsBehavior(const YamlNode& root) {
    const YamlNode node = root.get(u"file_exists_behavior");
    if (!node.isValid() || node.isNull())
        return;
    const QString value = node.isScalar() ? node.scalar() : QString();
    static const QStringList kNames = {QStringLiteral("DISALLOW"), QStringLiteral("OVERWRITE"),
                                       QStringLiteral("RETAIN")};
    const qsizetype index = kNames.indexOf(value);
    if (index >= 0) {
        m_spec.fileExistsBehavior = FileExistsBehavior(index);
        m_spec.fileExistsBehaviorGiven = true;
        return;
    }
    std::optional<Fix> fix;
    if (kNames.contains(value.trimmed().toUpper()))
        fix = replaceScalarFix(node, QStringLiteral("Use '%1'").arg(value.trimmed().toUpper()),
                               value.trimmed().toUpper().toUtf8());
    m_sink.error(node, QStringLiteral("appspec-file-exists-behavior"),
                 msg(kFileExistsMessage).arg(value), std::move(fix));
}

void AppspecParser::parseFiles(const YamlNode& files) {
    if (!files.isValid() || files.isNull())
        return;
    if (!files.isSequence()) {
        wrongType(files, QStringLiteral("'files' must be a list of {source, destination} entries, "
                                        "not a %1")
                             .arg(files.typeName()));
        return;
    }
    for (int i = 0; i < files.size(); ++i) {
        const YamlNode item = files.item(i);
        if (item.isMapping())
            parseFile(item);
        else
            wrongType(item, QStringLiteral("each 'files' entry must be a mapping with 'source' and "
                                           "'destination', not a %1")
                                .arg(item.typeName()));
    }
}

void AppspecParser::parseFile(const YamlNode& item) {
    const YamlNode source = item.get(u"source");
    const YamlNode destination = item.get(u"destination");
    for (const YamlNode& node : {source, destination})
        if (node.isValid() && !node.isScalar() && !node.isNull())
            wrongType(node,
                      QStringLiteral("a path must be a string, not a %1").arg(node.typeName()));
    if (isBlank(source)) {
        m_sink.error(item, QStringLiteral("appspec-files-source"), msg(kNoSourceMessage));
        return;
    }
    if (isBlank(destination)) {
        m_sink.error(item, QStringLiteral("appspec-files-destination"),
                     msg(kNoDestinationMessage).arg(source.scalar()));
        return;
    }
    const AppspecFile file{source.scalar(), destination.scalar(), item.mark()};
    const QString target = fileTarget(file);
    for (const AppspecFile& other : std::as_const(m_spec.files))
        if (!target.isEmpty() && fileTarget(other) == target)
            m_sink.error(item, QStringLiteral("appspec-files-duplicate-target"),
                         msg(kDuplicateTargetMessage).arg(file.source, other.source, target));
    m_spec.files.push_back(file);
}

void AppspecParser::parsePermissions(const YamlNode& permissions) {
    if (!permissions.isValid() || permissions.isNull())
        return;
    if (!permissions.isSequence()) {
        wrongType(permissions, QStringLiteral("'permissions' must be a list of entries with an "
                                              "'object', not a %1")
                                   .arg(permissions.typeName()));
        return;
    }
    if (m_spec.os == QLatin1String("windows") && permissions.size() > 0) {
        m_sink.error(permissions, QStringLiteral("appspec-permissions-windows"),
                     msg(kWindowsPermissionsMessage));
        return;
    }
    for (int i = 0; i < permissions.size(); ++i) {
        const YamlNode item = permissions.item(i);
        if (item.isMapping())
            parsePermission(item);
        else
            wrongType(item, QStringLiteral("each 'permissions' entry must be a mapping with an "
                                           "'object', not a %1")
                                .arg(item.typeName()));
    }
}

void AppspecParser::parsePermission(const YamlNode& item) {
    AppspecPermission permission;
    permission.mark = item.mark();
    const YamlNode object = item.get(u"object");
    if (isBlank(object) || !object.isScalar())
        m_sink.error(object.isValid() ? object : item, QStringLiteral("appspec-permission-object"),
                     msg(kNoObjectMessage));
    else
        permission.object = object.scalar().trimmed();
    const YamlNode pattern = item.get(u"pattern");
    if (pattern.isScalar())
        permission.pattern = pattern.scalar();
    else if (pattern.isValid() && !pattern.isNull())
        wrongType(pattern, QStringLiteral("'pattern' must be a string such as \"*.txt\""));
    for (QStringView key : {u"owner", u"group"}) {
        const YamlNode node = item.get(key);
        if (node.isValid() && !node.isNull() && !node.isScalar())
            wrongType(node, QStringLiteral("'%1' must be a name").arg(key));
    }
    permission.owner = item.get(u"owner").scalar();
    permission.group = item.get(u"group").scalar();
    parsePermissionLists(item, permission);
    parseMode(item.get(u"mode"), permission);
    parseAcls(item.get(u"acls"), permission);
    parseContext(item.get(u"context"), permission);
    checkFilePermission(item, permission);
    m_spec.permissions.push_back(std::move(permission));
}

void AppspecParser::parsePermissionLists(const YamlNode& item, AppspecPermission& permission) {
    permission.except = scalarList(item.get(u"except"), QStringLiteral("'except'"));
    const YamlNode types = item.get(u"type");
    if (!types.isValid() || types.isNull())
        return;
    permission.typesGiven = true;
    permission.types = scalarList(types, QStringLiteral("'type'"));
    for (int i = 0; i < types.size(); ++i) {
        const YamlNode type = types.item(i);
        const QString name = type.scalar();
        if (name != QLatin1String("file") && name != QLatin1String("directory"))
            m_sink.error(type, QStringLiteral("appspec-permission-type"),
                         msg(kObjectTypeMessage).arg(name));
    }
}

QStringList AppspecParser::scalarList(const YamlNode& node, const QString& what) {
    QStringList values;
    if (!node.isValid() || node.isNull())
        return values;
    if (!node.isSequence()) {
        wrongType(node,
                  QStringLiteral("%1 must be a list in square brackets, e.g. [a, b], not a %2")
                      .arg(what, node.typeName()));
        return values;
    }
    for (int i = 0; i < node.size(); ++i) {
        const YamlNode item = node.item(i);
        if (!item.isScalar())
            wrongType(item, QStringLiteral("the entries of %1 must be strings").arg(what));
        else
            values << item.scalar();
    }
    return values;
}

void AppspecParser::parseMode(const YamlNode& mode, AppspecPermission& permission) {
    if (!mode.isValid() || mode.isNull())
        return;
    if (!mode.isScalar()) {
        wrongType(mode, QStringLiteral("'mode' must be octal digits such as 644"));
        return;
    }
    // Checked as written: the YAML 1.1 reading of a plain 0755 is the validator's warning.
    permission.mode = mode.scalar();
    if (const QString error = checkPermissionMode(permission.mode); !error.isEmpty())
        m_sink.error(mode, QStringLiteral("appspec-permission-mode"), error);
}

void AppspecParser::parseAcls(const YamlNode& acls, AppspecPermission& permission) {
    permission.acls = scalarList(acls, QStringLiteral("'acls'"));
    for (int i = 0; acls.isSequence() && i < acls.size(); ++i) {
        const YamlNode entry = acls.item(i);
        if (!entry.isScalar())
            continue;
        if (const QString error = checkAclEntry(entry.scalar()); !error.isEmpty())
            m_sink.error(entry, QStringLiteral("appspec-permission-acl"), error);
    }
}

void AppspecParser::parseContext(const YamlNode& context, AppspecPermission& permission) {
    if (!context.isValid() || context.isNull())
        return;
    if (!context.isMapping()) {
        wrongType(context, QStringLiteral("'context' must be a mapping with 'type' (and 'name', "
                                          "'range')"));
        return;
    }
    AppspecSelinuxContext selinux;
    selinux.mark = context.mark();
    const YamlNode type = context.get(u"type");
    if (!type.isValid() || type.isNull())
        m_sink.error(context, QStringLiteral("appspec-selinux-context"),
                     msg(kContextTypeMessage).arg(rubyHash(context)));
    selinux.type = type.scalar();
    selinux.name = context.get(u"name").scalar();
    const YamlNode range = context.get(u"range");
    if (range.isScalar()) {
        selinux.range = range.scalar();
        if (const QString error = checkSelinuxRange(selinux.range); !error.isEmpty())
            m_sink.error(range, QStringLiteral("appspec-selinux-range"), error);
    }
    permission.context = selinux;
}

// Install-time checks (appspec.md §4.2 #20-22). The agent runs them only when `object` is a
// file this deployment copies (installer.rb#generate_instructions), so they apply only to
// objects that are a file source's target; a directory object never trips them.
void AppspecParser::checkFilePermission(const YamlNode& item, const AppspecPermission& permission) {
    if (!permission.types.contains(QLatin1String("file")) || !isInstalledFile(permission.object))
        return;
    const QString rule = QStringLiteral("appspec-file-permission");
    if (permission.pattern != QLatin1String("**"))
        m_sink.error(item.get(u"pattern"), rule,
                     msg(kFilePatternMessage).arg(permission.object, permission.pattern));
    if (!permission.except.isEmpty())
        m_sink.error(item.get(u"except"), rule,
                     msg(kFileExceptMessage).arg(rubyList(permission.except), permission.object));
    const YamlNode acls = item.get(u"acls");
    for (int i = 0; acls.isSequence() && i < acls.size(); ++i) {
        bool isDefault = false;
        if (checkAclEntry(acls.item(i).scalar(), &isDefault).isEmpty() && isDefault) {
            m_sink.error(acls.item(i), rule, msg(kFileDefaultAclMessage));
            break;
        }
    }
}

bool AppspecParser::isInstalledFile(const QString& object) const {
    const QString target = QDir::cleanPath(object);
    for (const AppspecFile& file : m_spec.files)
        if (fileTarget(file) == target)
            return true;
    return false;
}

void AppspecParser::parseHooks(const YamlNode& hooks) {
    if (!hooks.isValid() || hooks.isNull())
        return;
    if (!hooks.isMapping()) {
        wrongType(hooks, QStringLiteral("'hooks' must map lifecycle event names to lists of "
                                        "scripts, not be a %1")
                             .arg(hooks.typeName()));
        return;
    }
    for (int i = 0; i < hooks.size(); ++i) {
        const YamlNode key = hooks.keyAt(i);
        const YamlNode scripts = hooks.valueAt(i);
        AppspecHook hook{key.scalar(), {}, key.mark()};
        // Older agents crash when the event runs (#125); a null unknown hook never runs.
        if (scripts.isNull() && isScriptableHook(AppspecPlatform::Server, hook.event)) {
            m_sink.error(key, QStringLiteral("appspec-hook-null"),
                         QStringLiteral("hook '%1' has no scripts; the CodeDeploy agent failed "
                                        "such deployments with \"undefined method `each' for "
                                        "nil:NilClass\" (aws/aws-codedeploy-agent#125). Remove "
                                        "it or list its scripts")
                             .arg(hook.event));
        } else if (!scripts.isSequence() && !scripts.isNull()) {
            wrongType(scripts, QStringLiteral("hook '%1' must be a list of scripts (\"- location: "
                                              "...\"); the agent crashes on a %2")
                                   .arg(hook.event, scripts.typeName()));
        }
        for (int s = 0; scripts.isSequence() && s < scripts.size(); ++s) {
            if (scripts.item(s).isMapping())
                parseScript(scripts.item(s), hook);
            else
                wrongType(scripts.item(s), QStringLiteral("each script must be a mapping with "
                                                          "'location', not a %1")
                                               .arg(scripts.item(s).typeName()));
        }
        m_spec.hooks.push_back(std::move(hook));
    }
}

void AppspecParser::parseScript(const YamlNode& item, AppspecHook& hook) {
    AppspecScript script;
    script.mark = item.mark();
    const YamlNode location = item.get(u"location");
    if (isBlank(location) || !location.isScalar())
        m_sink.error(location.isValid() ? location : item,
                     QStringLiteral("appspec-script-location"), msg(kLocationMessage));
    else
        script.location = location.scalar().trimmed();
    const YamlNode timeout = item.get(u"timeout");
    if (timeout.isValid() && !timeout.isNull()) {
        const std::optional<qint64> seconds = rubyTimeout(timeout);
        if (!seconds || *seconds <= 0)
            m_sink.error(timeout, QStringLiteral("appspec-script-timeout"), msg(kTimeoutMessage));
        script.timeoutSeconds = int(std::clamp<qint64>(seconds.value_or(0), 0, 1'000'000'000));
        script.timeoutGiven = true;
    }
    script.runas = item.get(u"runas").scalar().trimmed();
    script.sudo = yamlBool(item.get(u"sudo")).value_or(false);
    hook.scripts.push_back(std::move(script));
}

// The first resource's definition ({Type, Properties}); reports list-shape problems.
YamlNode AppspecParser::parseResource(const YamlNode& root, const char* type) {
    const YamlNode resources = getEither(root, u"Resources", u"resources");
    const QString rule = QStringLiteral("appspec-resources");
    if (!resources.isSequence() || resources.size() == 0) {
        m_sink.error(resources.isValid() ? resources : root, rule,
                     QStringLiteral("'Resources' must be a list holding one resource: an "
                                    "AWS::ECS::Service or an AWS::Lambda::Function"));
        return {};
    }
    if (resources.size() > 1)
        m_sink.error(resources.item(1), rule,
                     QStringLiteral("CodeDeploy deploys exactly one %1 per AppSpec; remove the "
                                    "extra resources")
                         .arg(QLatin1String(type)));
    const YamlNode item = resources.item(0);
    if (!item.isMapping() || item.size() != 1 || !item.valueAt(0).isMapping()) {
        wrongType(item, QStringLiteral("a resource is a name mapped to {Type, Properties}"));
        return {};
    }
    const YamlNode definition = item.valueAt(0);
    const YamlNode typeNode = definition.get(u"Type");
    if (typeNode.scalar() != QLatin1String(type))
        m_sink.error(typeNode.isValid() ? typeNode : definition,
                     QStringLiteral("appspec-resource-type"),
                     QStringLiteral("the resource's Type must be %1").arg(QLatin1String(type)));
    if (!definition.get(u"Properties").isMapping()) {
        m_sink.error(definition, rule, QStringLiteral("the resource needs a 'Properties' mapping"));
        return {};
    }
    return definition;
}

QString AppspecParser::requiredText(const YamlNode& map, QStringView key, const QString& rule,
                                    const QString& context) {
    const YamlNode node = map.get(key);
    if (isBlank(node) || !node.isScalar()) {
        m_sink.error(node.isValid() ? node : map, rule,
                     QStringLiteral("%1 needs a non-empty '%2'").arg(context, key));
        return {};
    }
    return node.scalar();
}

void AppspecParser::parseEcs(const YamlNode& root) {
    const YamlNode definition = parseResource(root, "AWS::ECS::Service");
    if (!definition.isValid())
        return;
    const YamlNode properties = definition.get(u"Properties");
    AppspecEcsService service;
    service.mark = definition.mark();
    service.logicalName = getEither(root, u"Resources", u"resources").item(0).keyAt(0).scalar();
    service.taskDefinition =
        requiredText(properties, u"TaskDefinition", QStringLiteral("appspec-ecs-task-definition"),
                     QStringLiteral("the ECS service"));
    if (properties.get(u"PlatformVersion").isScalar())
        service.platformVersion = properties.get(u"PlatformVersion").scalar();
    parseLoadBalancer(properties, service);
    parseNetwork(properties.get(u"NetworkConfiguration"), service);
    parseCapacityProviders(properties.get(u"CapacityProviderStrategy"), service);
    m_spec.ecsService = service;
}

void AppspecParser::parseLoadBalancer(const YamlNode& properties, AppspecEcsService& service) {
    const QString rule = QStringLiteral("appspec-ecs-load-balancer");
    const YamlNode info = properties.get(u"LoadBalancerInfo");
    if (!info.isMapping()) {
        m_sink.error(info.isValid() ? info : properties, rule,
                     QStringLiteral("the ECS service needs 'LoadBalancerInfo' with ContainerName "
                                    "and ContainerPort"));
        return;
    }
    service.containerName =
        requiredText(info, u"ContainerName", rule, QStringLiteral("LoadBalancerInfo"));
    const YamlNode port = info.get(u"ContainerPort");
    // A quoted "80" is read by the service; the validator warns about it.
    const QString text = port.scalar().trimmed();
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!port.isScalar() || !ok || number < 1 || number > 65535) {
        m_sink.error(
            port.isValid() ? port : info, rule,
            QStringLiteral("ContainerPort must be a port number (1-65535), not '%1'").arg(text));
        return;
    }
    service.containerPort = number;
}

void AppspecParser::parseNetwork(const YamlNode& network, AppspecEcsService& service) {
    if (!network.isValid() || network.isNull())
        return;
    const QString rule = QStringLiteral("appspec-ecs-network");
    const YamlNode vpc = network.get(u"AwsvpcConfiguration");
    if (!vpc.isMapping()) {
        m_sink.error(vpc.isValid() ? vpc : network, rule,
                     QStringLiteral("NetworkConfiguration needs an 'AwsvpcConfiguration' mapping"));
        return;
    }
    service.subnets = scalarList(vpc.get(u"Subnets"), QStringLiteral("'Subnets'"));
    service.securityGroups =
        scalarList(vpc.get(u"SecurityGroups"), QStringLiteral("'SecurityGroups'"));
    if (service.subnets.isEmpty())
        m_sink.error(vpc, rule,
                     QStringLiteral("AwsvpcConfiguration needs at least one subnet in "
                                    "'Subnets'"));
    const YamlNode assign = vpc.get(u"AssignPublicIp");
    service.assignPublicIp = assign.scalar();
    if (assign.isValid() && service.assignPublicIp != QLatin1String("ENABLED") &&
        service.assignPublicIp != QLatin1String("DISABLED"))
        m_sink.error(assign, rule,
                     QStringLiteral("AssignPublicIp must be ENABLED or DISABLED, not '%1'")
                         .arg(service.assignPublicIp));
}

void AppspecParser::parseCapacityProviders(const YamlNode& list, AppspecEcsService& service) {
    if (!list.isValid() || list.isNull())
        return;
    const QString rule = QStringLiteral("appspec-ecs-capacity-provider");
    if (!list.isSequence()) {
        wrongType(list, QStringLiteral("CapacityProviderStrategy must be a list"));
        return;
    }
    int withBase = 0;
    for (int i = 0; i < list.size(); ++i) {
        const YamlNode item = list.item(i);
        AppspecCapacityProvider provider;
        provider.mark = item.mark();
        provider.provider = requiredText(item, u"CapacityProvider", rule,
                                         QStringLiteral("a capacity provider strategy item"));
        for (auto [key, field] :
             {std::pair{u"Base", &provider.base}, {u"Weight", &provider.weight}}) {
            const YamlNode node = item.get(key);
            bool ok = true;
            *field = node.isValid() ? node.scalar().toInt(&ok) : 0;
            if (!ok || *field < 0)
                m_sink.error(node, rule,
                             QStringLiteral("%1 must be a whole number of 0 or more").arg(key));
        }
        withBase += provider.base > 0 ? 1 : 0;
        if (provider.base > 0 && withBase > 1)
            m_sink.error(item.get(u"Base"), rule,
                         QStringLiteral("only one capacity provider may define a Base"));
        service.capacityProviders.push_back(provider);
    }
}

void AppspecParser::parseLambda(const YamlNode& root) {
    const YamlNode definition = parseResource(root, "AWS::Lambda::Function");
    if (!definition.isValid())
        return;
    const YamlNode properties = definition.get(u"Properties");
    const QString rule = QStringLiteral("appspec-lambda-property");
    const QString what = QStringLiteral("the Lambda function");
    AppspecLambdaFunction function;
    function.mark = definition.mark();
    function.logicalName = getEither(root, u"Resources", u"resources").item(0).keyAt(0).scalar();
    function.name = requiredText(properties, u"Name", rule, what);
    function.alias = requiredText(properties, u"Alias", rule, what);
    function.currentVersion = requiredText(properties, u"CurrentVersion", rule, what);
    function.targetVersion = requiredText(properties, u"TargetVersion", rule, what);
    for (QStringView key : {u"CurrentVersion", u"TargetVersion"}) {
        const YamlNode node = properties.get(key);
        const QString text = node.scalar().trimmed();
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        // Unrendered template tokens are the validator's warning, not an error.
        const bool placeholder = text.contains(QLatin1String("{{")) || text.startsWith(u'<') ||
                                 text.startsWith(QLatin1String("${"));
        if (!text.isEmpty() && !placeholder && (!ok || number < 1))
            m_sink.error(node, rule,
                         QStringLiteral("%1 must be a published version number (a positive "
                                        "integer), not '%2'")
                             .arg(key, text));
    }
    m_spec.lambdaFunction = function;
}

void AppspecParser::parseFunctionHooks(const YamlNode& root) {
    const YamlNode hooks = getEither(root, u"Hooks", u"hooks");
    if (!hooks.isValid() || hooks.isNull())
        return;
    if (!hooks.isSequence()) {
        wrongType(hooks, QStringLiteral("'Hooks' must be a list of single-entry mappings such as "
                                        "\"- BeforeAllowTraffic: MyValidationFunction\""));
        return;
    }
    const QStringList allowed = scriptableHooks(m_spec.platform);
    for (int i = 0; i < hooks.size(); ++i) {
        const YamlNode item = hooks.item(i);
        if (!item.isMapping()) {
            wrongType(item, QStringLiteral("a hook is a single-entry mapping: event: function"));
            continue;
        }
        for (int k = 0; k < item.size(); ++k) {
            const YamlNode key = item.keyAt(k);
            const YamlNode value = item.valueAt(k);
            if (!allowed.contains(key.scalar())) {
                const QString suggestion = closestMatch(key.scalar(), allowed);
                m_sink.error(
                    key, QStringLiteral("appspec-function-hook"),
                    QStringLiteral("'%1' is not a hook of an %2 deployment; hooks are %3")
                        .arg(key.scalar(), appspecPlatformName(m_spec.platform),
                             allowed.join(QLatin1String(", "))),
                    suggestion.isEmpty()
                        ? std::nullopt
                        : replaceScalarFix(key, QStringLiteral("Rename to '%1'").arg(suggestion),
                                           suggestion.toUtf8()));
            }
            if (isBlank(value) || !value.isScalar())
                m_sink.error(value.isValid() && !value.isNull() ? value : key,
                             QStringLiteral("appspec-function-hook"),
                             QStringLiteral("hook '%1' must name the Lambda function to run")
                                 .arg(key.scalar()));
            m_spec.functionHooks.push_back({key.scalar(), value.scalar(), key.mark()});
        }
    }
}

}  // namespace

const AppspecHook* Appspec::hook(QStringView event) const {
    for (const AppspecHook& h : hooks)
        if (h.event == event)
            return &h;
    return nullptr;
}

QString Appspec::functionFor(QStringView event) const {
    for (const AppspecFunctionHook& h : functionHooks)
        if (h.event == event)
            return h.function;
    return {};
}

QString fileExistsBehaviorName(FileExistsBehavior behavior) {
    switch (behavior) {
        case FileExistsBehavior::Disallow:
            return QStringLiteral("DISALLOW");
        case FileExistsBehavior::Overwrite:
            return QStringLiteral("OVERWRITE");
        case FileExistsBehavior::Retain:
            return QStringLiteral("RETAIN");
    }
    return {};
}

AppspecPlatform detectAppspecPlatform(const YamlNode& root) {
    const YamlNode resources = getEither(root, u"Resources", u"resources");
    if (!resources.isValid())
        return AppspecPlatform::Server;
    for (int i = 0; resources.isSequence() && i < resources.size(); ++i) {
        const YamlNode item = resources.item(i);
        for (int k = 0; item.isMapping() && k < item.size(); ++k) {
            const QString type = item.valueAt(k).get(u"Type").scalar();
            if (item.keyAt(k).scalar() == QLatin1String("TargetService") ||
                type == QLatin1String("AWS::ECS::Service"))
                return AppspecPlatform::Ecs;
            if (type == QLatin1String("AWS::Lambda::Function"))
                return AppspecPlatform::Lambda;
        }
    }
    // Resources of no known type: a server file has `os`; otherwise let the ECS checks say
    // what is missing.
    return root.has(u"os") ? AppspecPlatform::Server : AppspecPlatform::Ecs;
}

AppspecParseResult parseAppspec(const YamlDocument& document) {
    return AppspecParser(document).run();
}

std::optional<qint64> yaml11Integer(const YamlNode& node) {
    if (!node.isPlain())
        return std::nullopt;
    QString text = node.scalar();
    text.remove(u'_');
    bool negative = false;
    if (text.startsWith(u'-') || text.startsWith(u'+')) {
        negative = text.startsWith(u'-');
        text.remove(0, 1);
    }
    int base = 10;
    if (text.startsWith(QLatin1String("0x")) || text.startsWith(QLatin1String("0b"))) {
        base = text[1] == u'x' ? 16 : 2;
        text.remove(0, 2);
    } else if (text.size() > 1 && text.startsWith(u'0')) {
        base = 8;  // YAML 1.1: a leading zero means octal
    }
    bool ok = false;
    const qint64 value = text.isEmpty() ? 0 : text.toLongLong(&ok, base);
    if (!ok)
        return std::nullopt;
    return negative ? -value : value;
}

QString checkPermissionMode(const QString& mode) {
    QString padded = mode;
    while (padded.size() < 3)
        padded.prepend(u'0');
    if (padded.size() > 4)
        return msg(kModeLengthMessage).arg(padded);
    for (const QChar c : padded)
        if (c < u'0' || c > u'7')
            return msg(kModeCharMessage).arg(padded, c);
    return {};
}

// Port of the agent's AceInfo: [d[efault]:][u|g|m|o:]name:perm, read from the right.
QString checkAclEntry(const QString& entry, bool* isDefault) {
    QStringList parts = entry.split(u':');
    std::reverse(parts.begin(), parts.end());
    const QString invalid = msg(kAclEntryMessage).arg(entry);
    if (parts.size() < 2 || parts.size() > 4)
        return invalid;
    auto is = [](const QString& s, const char* shortName, const char* longName) {
        return s == QLatin1String(shortName) || s == QLatin1String(longName);
    };
    bool isDef = false;
    QString type;
    QString name;
    if (parts.size() == 4) {
        if (!is(parts[3], "d", "default"))
            return invalid;
        isDef = true;
    }
    if (parts.size() >= 3) {
        if (is(parts[2], "d", "default")) {
            if (isDef)
                return invalid;
            isDef = true;
        } else if (is(parts[2], "m", "mask")) {
            type = QStringLiteral("mask");
        } else if (is(parts[2], "o", "other")) {
            type = QStringLiteral("other");
        } else if (is(parts[2], "g", "group")) {
            type = QStringLiteral("group");
        } else if (is(parts[2], "u", "user")) {
            type = QStringLiteral("user");
        } else {
            return invalid;
        }
    }
    if (is(parts[1], "m", "mask") || is(parts[1], "o", "other")) {
        const QString word =
            is(parts[1], "m", "mask") ? QStringLiteral("mask") : QStringLiteral("other");
        (type.isEmpty() ? type : name) = word;
    } else {
        if (type.isEmpty())
            type = QStringLiteral("user");
        name = parts[1];
    }
    if ((type == QLatin1String("mask") || type == QLatin1String("other")) && !name.isEmpty())
        return invalid;
    if (!isDef && type != QLatin1String("mask") && name.isEmpty())
        return msg(kAclBaseMessage).arg(entry);
    const QString perm = parts[0];
    const bool octal = perm.size() == 1 && perm[0] >= u'0' && perm[0] <= u'7';
    for (qsizetype i = 0; !octal && i < perm.size(); ++i)
        if (!QStringLiteral("rwx-").contains(perm[i]))
            return msg(kAclCharMessage).arg(entry, perm[i]);
    if (isDefault)
        *isDefault = isDef;
    return {};
}

// Port of the agent's RangeInfo: s#[-s#][:c#[.c#](,c#[.c#])*].
QString checkSelinuxRange(const QString& range) {
    const auto parts = splitRangePart(range, u':');
    if (!parts)
        return QStringLiteral("invalid range part %1").arg(range);
    const auto sensitivities = splitRangePart((*parts)[0], u'-');
    if (!sensitivities)
        return QStringLiteral("invalid range part %1").arg((*parts)[0]);
    QList<int> levels;
    for (const QString& s : *sensitivities) {
        levels << levelNumber(s, u's');
        if (levels.last() < 0)
            return QStringLiteral("invalid sensitivity %1").arg(s);
    }
    if (levels.size() == 2 && levels[1] < levels[0])
        return msg(kRangeOrderMessage).arg(range);
    return parts->size() == 2 ? checkCategories((*parts)[1]) : QString();
}

}  // namespace pw
