#include "deploylogging.h"

namespace pw {
Q_LOGGING_CATEGORY(lcDeploy, "pipewright.deploy")
}
