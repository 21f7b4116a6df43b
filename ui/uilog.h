#pragma once

#include <QLoggingCategory>

namespace pw {

Q_DECLARE_LOGGING_CATEGORY(lcUi)  // "pipewright.ui"

}  // namespace pw
