#pragma once

#include <QLoggingCategory>

namespace pw {
Q_DECLARE_LOGGING_CATEGORY(lcEngine)  // "pipewright.engine"
}
