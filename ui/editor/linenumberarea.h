#pragma once

#include <QWidget>

namespace pw {

class YamlEditor;

// The gutter left of a YamlEditor: line numbers and a marker for lines with problems. The
// editor does the painting, since it knows the block geometry.
class LineNumberArea : public QWidget {
    Q_OBJECT
public:
    explicit LineNumberArea(YamlEditor* editor);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    YamlEditor* m_editor;
};

}  // namespace pw
