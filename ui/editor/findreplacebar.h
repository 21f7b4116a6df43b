#pragma once

#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace pw {

// Incremental find and replace under the editor, like Kate's search bar (no modal dialog).
class FindReplaceBar : public QWidget {
    Q_OBJECT
public:
    explicit FindReplaceBar(QWidget* parent = nullptr);

    void setEditor(QPlainTextEdit* editor) { m_editor = editor; }
    void showFind();
    void showReplace();
    bool findNext();
    bool findPrevious();
    bool replaceCurrent();
    int replaceAll();
    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    bool find(QTextDocument::FindFlags flags);
    QTextDocument::FindFlags flags() const;
    void setReplaceVisible(bool visible);

    QPlainTextEdit* m_editor = nullptr;
    QLineEdit* m_find;
    QLineEdit* m_replace;
    QCheckBox* m_caseSensitive;
    QList<QWidget*> m_replaceWidgets;
};

}  // namespace pw
