#pragma once

#include "yaml/diagnostic.h"

#include <QUndoCommand>

namespace pw {

class PipelineDesigner;

// One designer edit on the undo stack: the text edit and the edit that takes it back.
class TextEditCommand : public QUndoCommand {
public:
    TextEditCommand(PipelineDesigner* designer, const QString& title, const TextEdit& edit,
                    const TextEdit& inverse);

    void redo() override;
    void undo() override;

private:
    PipelineDesigner* m_designer;
    TextEdit m_edit;
    TextEdit m_inverse;
};

}  // namespace pw
