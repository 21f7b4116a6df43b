#include "enginelogging.h"

namespace pw {
Q_LOGGING_CATEGORY(lcEngine, "pipewright.engine")
}
