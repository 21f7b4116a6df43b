#include "uilog.h"

namespace pw {

Q_LOGGING_CATEGORY(lcUi, "pipewright.ui")

}  // namespace pw
