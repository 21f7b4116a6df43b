#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace pw {

// A non-modal message strip with buttons (like KMessageWidget): "file changed on disk",
// "restore unsaved changes". Never blocks the user or a test the way a dialog would.
class InfoBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Information, Warning };
    explicit InfoBar(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    QPushButton* addButton(const QString& text);  // the bar hides when any button is clicked
    void clearButtons();
    QString text() const;

private:
    QLabel* m_icon;
    QLabel* m_text;
    QHBoxLayout* m_buttons;
};

}  // namespace pw
