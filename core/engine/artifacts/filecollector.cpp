#include "filecollector.h"

#include "engine/artifacts/globpattern.h"
#include "engine/enginelogging.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMap>

#include <unistd.h>

namespace pw {

namespace {

Diagnostic makeDiagnostic(Severity severity, const QString& rule, const QString& message) {
    Diagnostic d;
    d.severity = severity;
    d.rule = rule;
    d.message = message;
    return d;
}

bool isInside(const QString& canonicalPath, const QString& canonicalRoot) {
    if (canonicalPath.isEmpty())
        return false;
    if (canonicalRoot == QStringLiteral("/"))
        return true;
    return canonicalPath == canonicalRoot || canonicalPath.startsWith(canonicalRoot + u'/');
}

// The link text as stored, relative targets stay relative.
QString readLink(const QString& path) {
    const QByteArray raw = QFile::encodeName(path);
    char buf[4096];
    const ssize_t n = ::readlink(raw.constData(), buf, sizeof buf - 1);
    return n < 0 ? QString() : QFile::decodeName(QByteArray(buf, int(n)));
}

QString joinPath(const QString& dir, const QString& rel) {
    if (rel.isEmpty())
        return dir;
    return dir.endsWith(u'/') ? dir + rel : dir + u'/' + rel;
}

// One glob walk from the pattern's literal prefix, never entering symlinked directories.
class Walker {
public:
    Walker(const CollectOptions& options, const QString& root, const QString& base,
           CollectResult& result)
        : m_opt(options), m_root(root), m_base(base), m_result(result) {}

    int walk(const GlobPattern& glob, QMap<QString, CollectedFile>& found) {
        m_glob = &glob;
        m_found = &found;
        m_matches = 0;
        const QString prefix = glob.literalPrefix();
        const int prefixDepth = prefix.isEmpty() ? 0 : int(prefix.count(u'/')) + 1;
        m_maxDepth = glob.fixedDepth() < 0 ? -1 : glob.fixedDepth() - prefixDepth;
        const QFileInfo start(joinPath(m_base, prefix));
        if (!start.isDir() || !isInside(start.canonicalFilePath(), m_root))
            return 0;
        walkDir(start.filePath(), prefix, 1);
        return m_matches;
    }

private:
    void walkDir(const QString& dir, const QString& rel, int depth) {
        QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            if (m_opt.stop.stop_requested()) {
                m_result.cancelled = true;
                return;
            }
            it.next();
            visit(it.fileInfo(), rel.isEmpty() ? it.fileName() : rel + u'/' + it.fileName(), depth);
        }
    }

    void visit(const QFileInfo& info, const QString& rel, int depth) {
        if (info.isSymLink()) {
            if (m_glob->matches(rel))
                addSymlink(info, rel);
            return;
        }
        if (info.isDir()) {
            if (m_maxDepth < 0 || depth < m_maxDepth)
                walkDir(info.filePath(), rel, depth + 1);
            return;
        }
        if (info.isFile() && m_glob->matches(rel))
            add(info.filePath(), rel, false, {});
    }

    void addSymlink(const QFileInfo& info, const QString& rel) {
        const QString target = info.canonicalFilePath();
        if (!isInside(target, m_root)) {
            warn(QStringLiteral("-symlink-outside-root"),
                 QStringLiteral("skipped '%1': it is a symlink to '%2', outside '%3'")
                     .arg(rel, info.symLinkTarget(), m_root));
            return;
        }
        if (m_opt.keepSymlinks) {
            add(info.filePath(), rel, true, readLink(info.filePath()));
        } else if (QFileInfo(target).isFile()) {
            add(info.filePath(), rel, false, {});
        }
    }

    void add(const QString& path, const QString& rel, bool link, const QString& target) {
        ++m_matches;
        m_found->insert(rel, CollectedFile{path, rel, link, target});
    }

    void warn(const QString& suffix, const QString& message) {
        qCInfo(lcEngine).noquote() << message;
        m_result.diagnostics << makeDiagnostic(Severity::Warning, m_opt.rulePrefix + suffix,
                                               message);
    }

    const CollectOptions& m_opt;
    QString m_root;
    QString m_base;
    CollectResult& m_result;
    const GlobPattern* m_glob = nullptr;
    QMap<QString, CollectedFile>* m_found = nullptr;
    int m_matches = 0;
    int m_maxDepth = -1;
};

// The base directory's canonical path, or an error when it is missing or leaves the root.
QString resolveBase(const CollectOptions& opt, const QString& root, CollectResult& result) {
    QString base = opt.baseDirectory.isEmpty() ? root : opt.baseDirectory;
    if (QDir::isRelativePath(base)) {
        if (GlobPattern::escapesRoot(base)) {
            result.diagnostics << makeDiagnostic(
                Severity::Error, opt.rulePrefix + QStringLiteral("-outside-root"),
                QStringLiteral("base directory '%1' leaves the source root").arg(base));
            return {};
        }
        base = joinPath(root, GlobPattern::normalize(base));
    }
    const QFileInfo info(base);
    const QString canonical = info.canonicalFilePath();
    if (!info.isDir() || !isInside(canonical, root)) {
        const bool exists = info.exists();
        result.diagnostics << makeDiagnostic(
            Severity::Error,
            opt.rulePrefix + (exists ? QStringLiteral("-outside-root")
                                     : QStringLiteral("-base-directory-no-match")),
            exists ? QStringLiteral("base directory '%1' is outside the source root '%2'")
                         .arg(opt.baseDirectory, root)
                   : QStringLiteral("base directory '%1' does not exist").arg(opt.baseDirectory));
        return {};
    }
    return canonical;
}

// A pattern relative to the base, or empty after an error (absolute outside, or "..").
QString relativePattern(const QString& pattern, const QString& base, const CollectOptions& opt,
                        CollectResult& result) {
    QString p = GlobPattern::normalize(pattern);
    if (p.startsWith(u'/')) {
        if (!isInside(p, base) || p == base) {
            result.diagnostics << makeDiagnostic(
                Severity::Error, opt.rulePrefix + QStringLiteral("-outside-root"),
                QStringLiteral("pattern '%1' is outside '%2'").arg(pattern, base));
            return {};
        }
        p = p.mid(base == QStringLiteral("/") ? 1 : base.size() + 1);
    }
    if (GlobPattern::escapesRoot(p) || p.split(u'/').contains(QStringLiteral(".."))) {
        result.diagnostics << makeDiagnostic(
            Severity::Error, opt.rulePrefix + QStringLiteral("-outside-root"),
            QStringLiteral("pattern '%1' uses '..'; artifact paths stay inside the source root")
                .arg(pattern));
        return {};
    }
    return p;
}

void warnNoMatch(const QString& pattern, const QString& base, const CollectOptions& opt,
                 CollectResult& result) {
    QString message = QStringLiteral("pattern '%1' matches no file").arg(pattern);
    const GlobPattern glob(pattern);
    if (!glob.hasWildcards() && QFileInfo(joinPath(base, glob.pattern())).isDir())
        message += QStringLiteral(" (it names a directory; use '%1/**/*' for its files)")
                       .arg(glob.pattern());
    result.diagnostics << makeDiagnostic(Severity::Warning,
                                         opt.rulePrefix + QStringLiteral("-no-match"), message);
}

}  // namespace

CollectResult FileCollector::collect(const CollectOptions& options) {
    CollectResult result;
    const QString root = QFileInfo(options.root).canonicalFilePath();
    if (root.isEmpty()) {
        result.diagnostics << makeDiagnostic(
            Severity::Error, options.rulePrefix + QStringLiteral("-outside-root"),
            QStringLiteral("source root '%1' does not exist").arg(options.root));
        return result;
    }
    const QString base = resolveBase(options, root, result);
    if (base.isEmpty())
        return result;
    const GlobSet excludes(options.excludePatterns);
    QMap<QString, CollectedFile> found;
    Walker walker(options, root, base, result);
    for (const QString& pattern : options.patterns) {
        const QString rel = relativePattern(pattern, base, options, result);
        const int matches = rel.isEmpty() ? 0 : walker.walk(GlobPattern(rel), found);
        result.matchesPerPattern << matches;
        if (!rel.isEmpty() && matches == 0 && options.reportNoMatch && !result.cancelled)
            warnNoMatch(pattern, base, options, result);
    }
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        if (!excludes.matches(it.key()))
            result.files << it.value();
    }
    return result;
}

QStringList FileCollector::matchDirectories(const QString& root, const QString& pattern) {
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    const GlobPattern glob(pattern);
    if (canonicalRoot.isEmpty() || GlobPattern::escapesRoot(glob.pattern()))
        return {};
    if (!glob.hasWildcards()) {
        // Returned even when it is a symlink leading out: collect() then reports that.
        return QFileInfo(joinPath(canonicalRoot, glob.pattern())).isDir()
                   ? QStringList{glob.pattern()}
                   : QStringList{};
    }
    QStringList out;
    const int maxDepth = glob.fixedDepth() < 0 ? 64 : glob.fixedDepth();
    QList<QPair<QString, int>> todo{{QString(), 0}};
    while (!todo.isEmpty()) {
        const auto [rel, depth] = todo.takeFirst();
        QDirIterator it(joinPath(canonicalRoot, rel),
                        QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            it.next();
            const QString childRel = rel.isEmpty() ? it.fileName() : rel + u'/' + it.fileName();
            const QFileInfo info = it.fileInfo();
            const bool inside = isInside(info.canonicalFilePath(), canonicalRoot);
            if (inside && glob.matches(childRel))
                out << childRel;
            if (!info.isSymLink() && depth + 1 < maxDepth)
                todo.append({childRel, depth + 1});
        }
    }
    out.sort();
    return out;
}

}  // namespace pw
