#pragma once

#include <QString>
#include <memory>

namespace pw {

struct Appspec;

// The AppSpec of an unpacked revision or deployment archive, as the engine uses it.
struct RevisionAppspec {
    std::shared_ptr<const Appspec> spec;  // null when error is set
    QString path;                         // the appspec.yml / appspec.yaml read
    QString error;  // the agent's wording when missing, else the first validation error

    // Reads `<dir>/appspec.yml`, else `appspec.yaml` (the Install step's fallback, §1.1),
    // and validates it with the appspec validator: any error-severity diagnostic refuses it.
    static RevisionAppspec load(const QString& dir);
};

}  // namespace pw
