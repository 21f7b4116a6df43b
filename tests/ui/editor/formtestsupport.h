#pragma once

#include <QAbstractItemModel>
#include <QFile>
#include <QPlainTextDocumentLayout>
#include <QTextDocument>

// Shared by the form view tests: example files, whole-text expectations.
namespace formtest {

inline QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QByteArray example(const char* relative) {
    return readFile(QStringLiteral(PIPEWRIGHT_SOURCE_DIR "/resources/examples/webapp/") +
                    QLatin1String(relative));
}

inline void load(QTextDocument& doc, const QByteArray& text) {
    doc.setDocumentLayout(new QPlainTextDocumentLayout(&doc));
    doc.setPlainText(QString::fromUtf8(text));
    doc.clearUndoRedoStacks();
}

inline QByteArray bytes(const QTextDocument& doc) {
    return doc.toPlainText().toUtf8();
}

// `text` with its first occurrence of `from` replaced: the whole expected text after an edit.
inline QByteArray replaced(QByteArray text, const QByteArray& from, const QByteArray& to) {
    const qsizetype at = text.indexOf(from);
    if (at < 0)
        return "<" + from + " not found>";
    return text.replace(at, from.size(), to);
}

inline QString cell(const QAbstractItemModel* model, int row, int column = 0) {
    return model->data(model->index(row, column), Qt::DisplayRole).toString();
}

}  // namespace formtest
