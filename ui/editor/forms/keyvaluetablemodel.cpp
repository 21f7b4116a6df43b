#include "keyvaluetablemodel.h"

namespace pw {

KeyValueTableModel::KeyValueTableModel(FormDocument* document, const QString& nameBase,
                                       QObject* parent)
    : RecordTableModel(document, Rows::Entries,
                       {{QString(), tr("Name")}, {QStringLiteral("."), tr("Value")}}, parent) {
    setNewRow({QStringLiteral("value"), {}}, nameBase);
}

}  // namespace pw
