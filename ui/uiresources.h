#pragma once

namespace pw {

// Registers the icons and templates compiled into this static library. The linker drops a
// static library's resource initialiser unless someone calls it; idempotent.
void initUiResources();

}  // namespace pw
