#pragma once

#include "deploylogging.h"

#include <QString>

namespace pw::install {

// One Install's log: each line goes to the deploy category and to InstallResult::log.
class InstallLog {
public:
    explicit InstallLog(QString* text) : m_text(text) {}
    void operator()(const QString& line) const {
        qCDebug(lcDeploy).noquote() << "install:" << line;
        *m_text += line + QLatin1Char('\n');
    }

private:
    QString* m_text;
};

}  // namespace pw::install
