#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace pw {

struct LogSearchQuery;

// The log view's search row: text, plain or regex, case, match count, next and previous.
// Typing restarts the search after a short pause so a huge log is not searched per keystroke.
class LogSearchBar : public QWidget {
    Q_OBJECT
public:
    explicit LogSearchBar(QWidget* parent = nullptr);

    LogSearchQuery query() const;
    QLineEdit* field() const { return m_field; }
    QCheckBox* regexBox() const { return m_regex; }
    void activate();
    // current is 1-based, 0 for none.
    void setStatus(qint64 current, qint64 matchingLines, qint64 matches, bool searching,
                   const QString& error);
    QString statusText() const;

signals:
    void queryChanged();
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLineEdit* m_field;
    QCheckBox* m_regex;
    QCheckBox* m_case;
    QLabel* m_status;
    QTimer* m_debounce;
};

}  // namespace pw
