#include "deploymentid.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace pw {

QString DeploymentId::create() {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString id = QStringLiteral("d-");
    for (int i = 0; i < 9; ++i)
        id.append(QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(36)]));
    return id;
}

QString DeploymentId::groupId(const QString& application, const QString& group) {
    const QByteArray hash =
        QCryptographicHash::hash((application + u'/' + group).toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("dg-") + QString::fromLatin1(hash.toHex().left(12));
}

bool DeploymentId::isValid(const QString& id) {
    static const QRegularExpression pattern(QStringLiteral("^d-[A-Z0-9]{9}$"));
    return pattern.match(id).hasMatch();
}

}  // namespace pw
