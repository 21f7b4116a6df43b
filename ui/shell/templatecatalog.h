#pragma once

#include "spec/speckind.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace pw {

// The File → New templates, stored as resources under :/pipewright/templates.
class TemplateCatalog {
    Q_DECLARE_TR_FUNCTIONS(TemplateCatalog)
public:
    struct Template {
        QString id;        // also the resource's base name
        QString title;     // menu text, translated
        QString fileName;  // suggested name when saved
        SpecKind kind = SpecKind::Unknown;
    };

    static QList<Template> all();
    static std::optional<Template> find(const QString& id);
    static QByteArray text(const Template& t);
};

}  // namespace pw
