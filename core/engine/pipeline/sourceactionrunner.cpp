#include "sourceactionrunner.h"

#include "spec/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace pw {

QString SourceActionRunner::outputFolder() const {
    return QDir(m_context.artifactDirectory)
        .filePath(m_context.outputArtifacts.value(0, QStringLiteral("SourceOutput")));
}

void SourceActionRunner::start() {
    const QString name = m_context.sourceBinding;
    const WorkspaceSource* bound =
        m_context.workspace ? m_context.workspace->source(name) : nullptr;
    if (!bound) {
        finish(ActionStatus::Failed, tr("Source '%1' is not bound in .pipewright/workspace.yml "
                                        "(add it under `sources`), so it cannot run locally.")
                                         .arg(name));
        return;
    }
    QDir().mkpath(outputFolder());
    const QDir root(m_context.workspaceRoot);
    if (!bound->git.isEmpty()) {
        const QString branch = !bound->branch.isEmpty()
                                   ? bound->branch
                                   : m_context.config(QStringLiteral("BranchName"));
        startGit(QDir::cleanPath(root.absoluteFilePath(bound->git)), branch);
    } else {
        copyPath(QDir::cleanPath(root.absoluteFilePath(bound->path)));
    }
}

void SourceActionRunner::stop() {
    m_stopped = true;
    for (QProcess* p : {m_process, m_tar}) {
        if (p && p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(1000);  // reaping a killed git/tar is immediate
        }
    }
    finish(ActionStatus::Abandoned, tr("Stopped"));
}

void SourceActionRunner::run(const QString& program, const QStringList& args,
                             std::function<void(const QByteArray&)> done) {
    auto* process = new QProcess(this);
    m_process = process;
    connect(
        process, &QProcess::finished, this,
        [this, process, program, done](int code, QProcess::ExitStatus status) {
            process->deleteLater();
            m_process = nullptr;
            if (m_stopped)
                return;
            if (status != QProcess::NormalExit || code != 0) {
                finish(ActionStatus::Failed,
                       tr("%1 failed: %2")
                           .arg(program,
                                QString::fromLocal8Bit(process->readAllStandardError()).trimmed()));
                return;
            }
            done(process->readAllStandardOutput());
        });
    connect(process, &QProcess::errorOccurred, this, [this, program](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && !m_stopped)
            finish(ActionStatus::Failed, tr("could not start %1").arg(program));
    });
    process->start(program, args);
}

void SourceActionRunner::startGit(const QString& repository, const QString& branch) {
    m_repository = repository;
    m_branch = branch;
    if (m_branch.isEmpty()) {
        run(QStringLiteral("git"),
            {QStringLiteral("-C"), repository, QStringLiteral("rev-parse"),
             QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD")},
            [this](const QByteArray& out) {
                m_branch = QString::fromUtf8(out).trimmed();
                readCommit();
            });
        return;
    }
    readCommit();
}

void SourceActionRunner::readCommit() {
    // One record: commit, author, email, author date, committer date, then the message.
    const QStringList args{QStringLiteral("-C"),
                           m_repository,
                           QStringLiteral("log"),
                           QStringLiteral("-1"),
                           QStringLiteral("--format=%H%n%an%n%ae%n%aI%n%cI%n%B"),
                           m_branch + QStringLiteral("^{commit}"),
                           QStringLiteral("--")};
    run(QStringLiteral("git"), args, [this](const QByteArray& out) {
        const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
        if (lines.size() < 6) {
            finish(ActionStatus::Failed, tr("branch '%1' has no commits").arg(m_branch));
            return;
        }
        m_commit = lines.at(0);
        const QString message = lines.mid(5).join(QLatin1Char('\n')).trimmed();
        m_variables = {{QStringLiteral("CommitId"), m_commit},
                       {QStringLiteral("BranchName"), m_branch},
                       {QStringLiteral("CommitMessage"), message},
                       {QStringLiteral("AuthorDisplayName"), lines.at(1)},
                       {QStringLiteral("AuthorEmail"), lines.at(2)},
                       {QStringLiteral("AuthorDate"), lines.at(3)},
                       {QStringLiteral("CommitterDate"), lines.at(4)},
                       {QStringLiteral("RepositoryName"), m_context.sourceBinding}};
        if (m_context.provider != QLatin1String("CodeCommit"))
            m_variables.append({QStringLiteral("FullRepositoryName"), m_context.sourceBinding});
        exportTree();
    });
}

void SourceActionRunner::exportTree() {
    // `git archive | tar -x` writes the committed tree only: no .git, nothing uncommitted.
    m_tar = new QProcess(this);
    m_tar->setWorkingDirectory(outputFolder());
    auto* archive = new QProcess(this);
    m_process = archive;
    archive->setStandardOutputProcess(m_tar);
    connect(
        m_tar, &QProcess::finished, this, [this, archive](int code, QProcess::ExitStatus status) {
            archive->waitForFinished(5000);  // tar saw EOF, so git is already exiting
            archive->deleteLater();
            m_tar->deleteLater();
            m_tar = nullptr;
            m_process = nullptr;
            if (m_stopped)
                return;
            if (status != QProcess::NormalExit || code != 0 || archive->exitCode() != 0) {
                finish(ActionStatus::Failed,
                       tr("exporting commit %1 failed: %2")
                           .arg(m_commit, QString::fromLocal8Bit(archive->readAllStandardError())));
                return;
            }
            const QString artifact =
                m_context.outputArtifacts.value(0, QStringLiteral("SourceOutput"));
            finish(ActionStatus::Succeeded, tr("%1 at %2").arg(m_branch, m_commit.left(8)),
                   m_variables, {{artifact, outputFolder()}}, m_commit);
        });
    m_tar->start(QStringLiteral("tar"),
                 {QStringLiteral("-x"), QStringLiteral("-f"), QStringLiteral("-")});
    archive->start(QStringLiteral("git"),
                   {QStringLiteral("-C"), m_repository, QStringLiteral("archive"),
                    QStringLiteral("--format=tar"), m_commit});
}

void SourceActionRunner::copyPath(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        finish(ActionStatus::Failed, tr("the bound path %1 does not exist").arg(path));
        return;
    }
    const QString artifact = m_context.outputArtifacts.value(0, QStringLiteral("SourceOutput"));
    auto done = [this, artifact, info](const QByteArray&) {
        finish(ActionStatus::Succeeded, info.fileName(),
               {{QStringLiteral("ObjectKey"), m_context.config(QStringLiteral("S3ObjectKey"))},
                {QStringLiteral("ETag"),
                 QString::number(info.lastModified().toMSecsSinceEpoch(), 16)}},
               {{artifact, outputFolder()}});
    };
    if (info.isDir())
        run(QStringLiteral("cp"),
            {QStringLiteral("-a"), path + QStringLiteral("/."), outputFolder()}, done);
    else if (info.suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0)
        run(QStringLiteral("unzip"),
            {QStringLiteral("-q"), QStringLiteral("-o"), path, QStringLiteral("-d"),
             outputFolder()},
            done);
    else
        run(QStringLiteral("cp"), {QStringLiteral("-a"), path, outputFolder()}, done);
}

}  // namespace pw
