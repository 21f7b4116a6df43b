// libFuzzer target over the YAML loader and every validator. The first byte picks the kind so
// one corpus exercises all four validators.
#include "spec/specvalidator.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    static const pw::SpecKind kinds[] = {pw::SpecKind::Buildspec, pw::SpecKind::Appspec,
                                         pw::SpecKind::Pipeline, pw::SpecKind::Workspace};
    const pw::SpecKind kind = kinds[data[0] % 4];
    const QByteArray text(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const pw::ValidationResult result = pw::validateSpec(QStringLiteral("fuzz.yml"), text, kind);
    (void)result;
    return 0;
}
