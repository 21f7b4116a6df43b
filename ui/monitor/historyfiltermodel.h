#pragma once

#include <QSortFilterProxyModel>

namespace pw {

// The history panel's filter: text in any column (case-insensitive) and one status.
class HistoryFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit HistoryFilterModel(QObject* parent = nullptr);

    void setText(const QString& text);
    // A status word (SUCCEEDED, FAILED, ...); empty: every status.
    void setStatus(const QString& status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_status;
};

}  // namespace pw
