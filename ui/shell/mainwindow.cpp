#include "mainwindow.h"

#include <QDir>
#include <QLabel>

namespace pw {

MainWindow::MainWindow(const QString& workspacePath, QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("%1 — Pipewright").arg(QDir(workspacePath).dirName()));
    auto* label = new QLabel(tr("Workspace: %1").arg(QDir::toNativeSeparators(workspacePath)), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1200, 800);
}

}  // namespace pw
