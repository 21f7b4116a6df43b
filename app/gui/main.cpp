#include "shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Pipewright"));
    QApplication::setOrganizationName(QStringLiteral("Pipewright"));
    QApplication::setApplicationVersion(QStringLiteral(PIPEWRIGHT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.pipewright.Pipewright"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Delivery pipeline studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QApplication::translate("main", "Workspace folder or a file in it"));
    parser.process(app);

    QString path = parser.positionalArguments().value(0, QDir::currentPath());
    const QFileInfo info(path);
    if (info.isFile())
        path = info.absolutePath();
    pw::MainWindow window(QFileInfo(path).absoluteFilePath());
    window.show();
    return QApplication::exec();
}
