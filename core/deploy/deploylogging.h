#pragma once

#include <QLoggingCategory>

namespace pw {
Q_DECLARE_LOGGING_CATEGORY(lcDeploy)  // "pipewright.deploy"
}
