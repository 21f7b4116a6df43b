#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <limits>

class QProcess;
class QSocketNotifier;
class QTimer;

namespace pw {

// Runs buildspec commands in a shell, event-driven (QProcess signals, no threads).
// Persistent mode (buildspec 0.2) keeps one shell for the whole build: a batch of command
// blocks is written to a file the shell sources with stdin from /dev/null, so the shell never
// waits for the engine between commands. After each block the shell prints one marker
// carrying $?; a zero status implies the next command's start, a failure returns from the
// file (the rest is skipped). `exit N` or a syntax error ends that shell; an EXIT trap saves
// its exported variables and directory and the next shell restores them. PerCommand mode
// (0.1) starts a fresh shell per command. Every child runs in its own process group so a
// stop reaches the commands it put in the background too.
class ShellSession : public QObject {
    Q_OBJECT
public:
    enum class Mode { Persistent, PerCommand };
    struct Options {
        QString program = QStringLiteral("/bin/sh");
        Mode mode = Mode::Persistent;
        QString workingDirectory;
        QProcessEnvironment environment;
        // The batch file, and where the EXIT trap leaves env + pwd to restore a shell. Empty:
        // a private folder in memory-backed scratch space, removed with the session.
        QString stateDirectory;
        int killGraceMs = 2000;  // SIGTERM -> SIGKILL
    };

    explicit ShellSession(Options options, QObject* parent = nullptr);
    ~ShellSession() override;

    bool isBusy() const { return m_busy; }
    const QString& program() const { return m_options.program; }
    const QString& stateDirectory() const { return m_options.stateDirectory; }
    // Starts a persistent shell now rather than with the first batch, so its start overlaps
    // whatever the engine does meanwhile (reading the buildspec).
    void start();
    // Runs `commands` in order (a multi-line block is one command) until one fails: emits
    // commandStarted(i), output() as it comes, commandFinished(exit) per command run, then
    // batchFinished(). Stdin of every command is /dev/null.
    void runBatch(const QStringList& commands);
    void run(const QString& command) { runBatch({command}); }
    // Exported into the shell before the next command runs.
    void setVariable(const QString& name, const QString& value);
    // The next command runs in `directory` (the shell changes to it first); OLDPWD is kept.
    void changeDirectory(const QString& directory);
    // Reads shell variables; emits variablesRead() with the names that are set.
    void queryVariables(const QStringList& names);
    // Expands each text as the inside of a double-quoted shell word ("$(date +%Y)-${V:-x}")
    // in this session's shell; emits wordsExpanded() with one result per text, or ok = false
    // (and no values) when the shell could not expand them.
    void expandWords(const QStringList& texts);
    // SIGTERM to every process group of this session, SIGKILL after the grace period; the
    // running command (if any) then finishes with 128 + signal.
    void terminate();
    // SIGKILL to every process group started, at once (the build is over).
    void killAll();
    // Process group ids started so far, for tests.
    QList<qint64> processGroups() const { return m_groups; }

signals:
    void output(const QByteArray& bytes);
    void commandStarted(int index);
    void commandFinished(int exitCode);
    void batchFinished();
    void variablesRead(const QMap<QString, QString>& values);
    void wordsExpanded(const QStringList& values, bool ok);

private:
    void startProcess(const QStringList& arguments);
    void startPersistentShell();
    void sendPersistentBatch();
    void startNextPerCommand();
    void closeOutputPipe();
    qsizetype drainOutput(qsizetype limit = std::numeric_limits<qsizetype>::max());
    void deliverOutput();
    void onReadable();
    void onReadPause();
    void onProcessFinished(int exitCode, int exitStatus);
    void onMarker(QByteArrayView payload);
    void startCommand();
    void finishCommand(int exitCode);
    void finishBatch();
    void finishQuery(int status);
    void scanOutput();
    void signalGroups(int signal);
    QByteArray preludeLines();

    static constexpr qsizetype kTrickleBytes = 16 * 1024;
    static constexpr int kPipeBytes = 1 << 20;
    static constexpr qsizetype kReadBiteBytes = 256 * 1024;
    static constexpr int kTricklePauseMs = 0;

    Options m_options;
    QProcess* m_process = nullptr;
    QTimer* m_killTimer = nullptr;
    QTimer* m_readTimer = nullptr;  // the pause while output trickles
    QSocketNotifier* m_notifier = nullptr;
    int m_readFd = -1;  // our end of the pipe that is the shell's stdout and stderr
    QByteArray m_token;
    QByteArray m_pending;
    QList<qint64> m_groups;
    QList<QPair<QString, QString>> m_pendingVariables;
    QString m_pendingDirectory;  // for the persistent shell to change to before the next batch
    enum class Query { None, Variables, Words };
    Query m_query = Query::None;
    int m_queryCount = 0;  // words expected back
    int m_queryStatus = 0;
    QStringList m_batch;
    int m_next = 0;            // index of the next command to start
    bool m_inCommand = false;  // between a start and an end marker
    bool m_scanning = false;
    bool m_ownsStateDirectory = false;
    bool m_busy = false;
    bool m_restoreState = false;
    bool m_terminating = false;
};

}  // namespace pw
