// pipewright-conformance CORPUS_DIR [--manifest FILE] [--kind KIND] [--verbose]
//
// Validates every file listed in the corpus manifest and compares the outcome with its label:
// valid files must have no error, INVALID files must have one (at the line the manifest's YAML
// error names, when it names one), questionable files only must not crash. Prints the rates and
// every miss; exits 1 when anything missed.
#include "spec/specvalidator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <map>

namespace {

struct Tally {
    int valid = 0, validPass = 0;
    int invalid = 0, invalidPass = 0;
    int lineChecked = 0, lineMatched = 0;
    int questionable = 0, questionableClean = 0;
};

// The line an INVALID file must fail at, when the manifest names one: a 1-based line in the
// note ("(line 12)", "line 20, 1-based") wins; otherwise PyYAML's "line N" from the parse column,
// except for .json files, where PyYAML's complaint is about YAML, not about the JSON error.
int expectedErrorLine(const QJsonObject& entry) {
    static const QRegularExpression noteLine(
        QStringLiteral("\\(line (\\d+)\\)|line (\\d+), 1-based"));
    const auto fromNote = noteLine.match(entry.value(QStringLiteral("note")).toString());
    if (fromNote.hasMatch())
        return (fromNote.captured(1).isEmpty() ? fromNote.captured(2) : fromNote.captured(1))
            .toInt();
    if (entry.value(QStringLiteral("file")).toString().endsWith(QLatin1String(".json")))
        return 0;
    static const QRegularExpression yamlLine(QStringLiteral("YAML error:.*?line (\\d+)"));
    const auto match = yamlLine.match(entry.value(QStringLiteral("parse")).toString());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString firstError(const pw::Diagnostics& diagnostics) {
    for (const pw::Diagnostic& d : diagnostics)
        if (d.severity == pw::Severity::Error)
            return QStringLiteral("%1:%2: %3 [%4]")
                .arg(d.line)
                .arg(d.column)
                .arg(d.message, d.rule);
    return {};
}

bool errorNearLine(const pw::Diagnostics& diagnostics, int line) {
    // PyYAML reports the line of the enclosing construct or of the offending token; we accept
    // an error within two lines of it.
    for (const pw::Diagnostic& d : diagnostics)
        if (d.severity == pw::Severity::Error && std::abs(d.line - line) <= 2)
            return true;
    return false;
}

QHash<QString, QString> readDisagreements(const QString& path) {
    QHash<QString, QString> list;
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return list;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        list.insert(line.left(space), space < 0 ? QString() : line.mid(space).trimmed());
    }
    return list;
}

QString rate(int passed, int total) {
    return total == 0 ? QStringLiteral("-")
                      : QStringLiteral("%1/%2 (%3%)")
                            .arg(passed)
                            .arg(total)
                            .arg(100.0 * passed / total, 0, 'f', 1);
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("corpus"), QStringLiteral("Corpus folder"));
    parser.addOption({QStringLiteral("manifest"),
                      QStringLiteral("Manifest file (default CORPUS/MANIFEST.json)"),
                      QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("kind"), QStringLiteral("Only this kind"), QStringLiteral("kind")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Print every file's first error")});
    parser.addOption(
        {QStringLiteral("disagreements"),
         QStringLiteral("File listing INVALID entries accepted on purpose, with reasons"),
         QStringLiteral("file")});
    parser.process(app);
    QTextStream out(stdout);
    if (parser.positionalArguments().size() != 1) {
        out << "usage: pipewright-conformance CORPUS_DIR [--manifest FILE] [--kind KIND]\n";
        return 2;
    }
    const QDir corpus(parser.positionalArguments().first());
    QFile manifestFile(parser.isSet(QStringLiteral("manifest"))
                           ? parser.value(QStringLiteral("manifest"))
                           : corpus.filePath(QStringLiteral("MANIFEST.json")));
    if (!manifestFile.open(QIODevice::ReadOnly)) {
        out << "cannot read " << manifestFile.fileName() << '\n';
        return 2;
    }
    const QJsonArray manifest = QJsonDocument::fromJson(manifestFile.readAll()).array();
    std::map<QString, Tally> tallies;
    QStringList misses;
    QStringList disagreed;
    const QHash<QString, QString> disagreements =
        readDisagreements(parser.value(QStringLiteral("disagreements")));
    QElapsedTimer timer;
    timer.start();
    for (const QJsonValue& value : manifest) {
        const QJsonObject entry = value.toObject();
        const QString kindName = entry.value(QStringLiteral("kind")).toString();
        if (parser.isSet(QStringLiteral("kind")) &&
            kindName != parser.value(QStringLiteral("kind")))
            continue;
        const QString path = corpus.filePath(entry.value(QStringLiteral("file")).toString());
        const QString validity = entry.value(QStringLiteral("validity")).toString();
        const pw::SpecKind kind = pw::specKindFromName(kindName).value_or(pw::SpecKind::Unknown);
        const pw::Diagnostics diagnostics = pw::validateSpecFile(path, kind).diagnostics;
        const bool failed = pw::hasErrors(diagnostics);
        Tally& t = tallies[kindName];
        const QString shortPath = entry.value(QStringLiteral("file")).toString();
        if (parser.isSet(QStringLiteral("verbose")))
            out << shortPath << " [" << validity << "] "
                << (failed ? firstError(diagnostics) : QStringLiteral("ok")) << '\n';
        if (validity.startsWith(QLatin1String("valid"))) {
            ++t.valid;
            if (!failed)
                ++t.validPass;
            else
                misses << QStringLiteral("valid file rejected: %1: %2")
                              .arg(shortPath, firstError(diagnostics));
        } else if (validity == QLatin1String("INVALID")) {
            ++t.invalid;
            if (failed)
                ++t.invalidPass;
            else if (disagreements.contains(shortPath))
                disagreed << QStringLiteral("%1: %2").arg(shortPath,
                                                          disagreements.value(shortPath));
            else
                misses << QStringLiteral("INVALID file accepted: %1 (%2)")
                              .arg(shortPath,
                                   entry.value(QStringLiteral("note")).toString().left(120));
            if (const int line = expectedErrorLine(entry); line > 0 && failed) {
                ++t.lineChecked;
                if (errorNearLine(diagnostics, line))
                    ++t.lineMatched;
                else
                    misses << QStringLiteral("INVALID file failed at another line than %1: %2: %3")
                                  .arg(line)
                                  .arg(shortPath, firstError(diagnostics));
            }
        } else {
            ++t.questionable;
            if (!failed)
                ++t.questionableClean;
        }
    }
    out << "Conformance over " << corpus.absolutePath() << " (" << timer.elapsed() << " ms)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("kind"), -10)
               .arg(QStringLiteral("valid accepted"), -22)
               .arg(QStringLiteral("INVALID rejected"), -22)
               .arg(QStringLiteral("error line right"), -22)
               .arg(QStringLiteral("questionable w/o error"));
    for (const auto& [kind, t] : tallies) {
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(kind, -10)
                   .arg(rate(t.validPass, t.valid), -22)
                   .arg(rate(t.invalidPass, t.invalid), -22)
                   .arg(rate(t.lineMatched, t.lineChecked), -22)
                   .arg(rate(t.questionableClean, t.questionable));
    }
    for (const QString& d : disagreed)
        out << "DISAGREE (documented) " << d << '\n';
    for (const QString& miss : misses)
        out << "MISS " << miss << '\n';
    out << misses.size() << (misses.size() == 1 ? " miss\n" : " misses\n");
    return misses.isEmpty() ? 0 : 1;
}
