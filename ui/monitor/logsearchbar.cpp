#include "logsearchbar.h"

#include "store/logindex.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace pw {

LogSearchBar::LogSearchBar(QWidget* parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this)) {
    m_field->setPlaceholderText(tr("Search the log"));
    m_field->setClearButtonEnabled(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    auto* previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+F3)"));
    auto* next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close (Esc)"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_regex);
    layout->addWidget(m_case);
    layout->addWidget(m_status);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);

    connect(m_field, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_regex, &QCheckBox::toggled, this, &LogSearchBar::queryChanged);
    connect(m_case, &QCheckBox::toggled, this, &LogSearchBar::queryChanged);
    connect(m_debounce, &QTimer::timeout, this, &LogSearchBar::queryChanged);
    connect(m_field, &QLineEdit::returnPressed, this, &LogSearchBar::nextRequested);
    connect(next, &QToolButton::clicked, this, &LogSearchBar::nextRequested);
    connect(previous, &QToolButton::clicked, this, &LogSearchBar::previousRequested);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });
}

LogSearchQuery LogSearchBar::query() const {
    return {m_field->text(), m_regex->isChecked(), m_case->isChecked()};
}

void LogSearchBar::activate() {
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void LogSearchBar::setStatus(qint64 current, qint64 matchingLines, qint64 matches, bool searching,
                             const QString& error) {
    if (!error.isEmpty()) {
        m_status->setText(tr("Invalid: %1").arg(error));
        return;
    }
    if (m_field->text().isEmpty()) {
        m_status->clear();
        return;
    }
    const QString lines = matchingLines == 1 ? tr("1 line") : tr("%L1 lines").arg(matchingLines);
    QString text = current > 0 ? tr("%L1 of %2").arg(current).arg(lines) : lines;
    text += matches == 1 ? tr(", 1 match") : tr(", %L1 matches").arg(matches);
    if (searching)
        text += QStringLiteral(" …");
    m_status->setText(text);
}

QString LogSearchBar::statusText() const {
    return m_status->text();
}

void LogSearchBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        emit closed();
        return;
    }
    if (event->key() == Qt::Key_Return && event->modifiers() & Qt::ShiftModifier) {
        emit previousRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace pw
