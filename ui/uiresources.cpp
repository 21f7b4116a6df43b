#include "uiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must expand outside any namespace.
static void initPipewrightResources() {
    Q_INIT_RESOURCE(pipewright);
}

namespace pw {

void initUiResources() {
    static const bool done = (initPipewrightResources(), true);
    Q_UNUSED(done);
}

}  // namespace pw
