#include "graph/texteditcommand.h"

#include "graph/pipelinedesigner.h"

namespace pw {

TextEditCommand::TextEditCommand(PipelineDesigner* designer, const QString& title,
                                 const TextEdit& edit, const TextEdit& inverse)
    : QUndoCommand(title), m_designer(designer), m_edit(edit), m_inverse(inverse) {}

void TextEditCommand::redo() {
    m_designer->applyTextEdit(m_edit);
}

void TextEditCommand::undo() {
    m_designer->applyTextEdit(m_inverse);
}

}  // namespace pw
