#pragma once

#include "recordtablemodel.h"

namespace pw {

// A YAML mapping of scalars (env variables, parameter-store, secrets-manager, runtime
// versions) as a two-column Name / Value table.
class KeyValueTableModel : public RecordTableModel {
    Q_OBJECT
public:
    KeyValueTableModel(FormDocument* document, const QString& nameBase, QObject* parent = nullptr);
};

}  // namespace pw
