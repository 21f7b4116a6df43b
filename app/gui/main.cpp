#include "shell/apptheme.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace {

void installTranslators(QApplication& app) {
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("pipewright"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

// Quits at the window's first paint event: process start to first painted window is then
// the process's wall time (measured from outside).
class QuitOnFirstPaint : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint)
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);  // let this paint finish
        return QObject::eventFilter(watched, event);
    }
};

// --screenshot FILE: grab the window once it has painted and validation has settled, then
// quit. Used for the documentation and to look at the UI under Xvfb.
void scheduleScreenshot(pw::MainWindow& window, const QString& file, int delayMs) {
    QTimer::singleShot(delayMs, &window, [&window, file] {
        window.grab().save(file);
        QApplication::quit();
    });
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Pipewright"));
    QApplication::setOrganizationName(QStringLiteral("Pipewright"));
    QApplication::setApplicationVersion(QStringLiteral(PIPEWRIGHT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.pipewright.Pipewright"));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Delivery pipeline studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QApplication::translate("main", "Workspace folder or a file in it"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QApplication::translate("main", "Colour theme: system, light or dark."),
        QStringLiteral("theme"), qEnvironmentVariable("PIPEWRIGHT_THEME"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE and quit."),
        QStringLiteral("file"));
    const QCommandLineOption fresh(
        QStringLiteral("no-session"),
        QApplication::translate("main", "Do not reopen the files of the last session."));
    const QCommandLineOption exitAfterPaint(
        QStringLiteral("exit-after-first-paint"),
        QApplication::translate("main", "Quit once the window has painted (start-up timing)."));
    parser.addOptions({theme, screenshot, fresh, exitAfterPaint});
    parser.process(app);
    pw::applyTheme(app, pw::themeFromName(parser.value(theme)));

    const QString path =
        QFileInfo(parser.positionalArguments().value(0, QDir::currentPath())).absoluteFilePath();
    pw::ShellConfig config;
    config.restoreSession = !parser.isSet(fresh) && !parser.isSet(screenshot);
    pw::MainWindow window(path, config);
    if (parser.isSet(exitAfterPaint))
        window.installEventFilter(new QuitOnFirstPaint(&window));
    window.show();
    if (parser.isSet(screenshot))
        scheduleScreenshot(window, parser.value(screenshot), 1500);
    return QApplication::exec();
}
