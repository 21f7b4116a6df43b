// DOWNLOAD_SOURCE cost: SourceCopy against `cp -a` on the same generated 5,000-file tree,
// measured in the same run. Prints the median of several rounds and the ratio.
#include "engine/sourcecopy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

constexpr int kFiles = 5000;
constexpr int kRounds = 5;

// 10 x 10 directories of 50 files, sizes 100 B .. 12 KB like a source tree, plus symlinks.
qint64 generateTree(const QString& root) {
    qint64 bytes = 0;
    quint32 seed = 12345;
    for (int i = 0; i < kFiles; ++i) {
        const QString dir =
            QStringLiteral("%1/pkg%2/mod%3").arg(root).arg(i / 500).arg(i / 50 % 10);
        if (i % 50 == 0)
            QDir().mkpath(dir);
        seed = seed * 1664525u + 1013904223u;
        const int size = 100 + int(seed % 12000);
        QFile f(QStringLiteral("%1/file%2.cpp").arg(dir).arg(i));
        if (!f.open(QIODevice::WriteOnly))
            return -1;
        f.write(QByteArray(size, char('a' + i % 26)));
        bytes += size;
        if (i % 100 == 0)
            QFile::link(QStringLiteral("file%1.cpp").arg(i),
                        QStringLiteral("%1/link%2").arg(dir).arg(i));
    }
    return bytes;
}

double medianMs(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

double timeMs(const std::function<bool()>& run) {
    QElapsedTimer timer;
    timer.start();
    if (!run())
        std::fprintf(stderr, "run failed\n");
    return double(timer.nsecsElapsed()) / 1e6;
}

bool copyWith(pw::SourceCopyOptions::Mode mode, const QString& from, const QString& to) {
    pw::SourceCopyOptions options;
    options.source = from;
    options.destination = to;
    options.mode = mode;
    return pw::SourceCopy::copy(options).ok;
}

bool cpA(const QString& from, const QString& to) {
    return QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), from, to}) == 0;
}

}  // namespace

int main() {
    QTemporaryDir work;
    const QString src = work.path() + QStringLiteral("/src");
    const qint64 bytes = generateTree(src);
    if (bytes < 0)
        return 1;
    std::vector<double> cp, automatic, hardlink;
    for (int round = 0; round < kRounds; ++round) {
        const QString base = work.path() + QStringLiteral("/r%1").arg(round);
        // Alternate the order so neither side always runs with the warmer cache.
        if (round % 2 == 0)
            cp.push_back(timeMs([&] { return cpA(src, base + QStringLiteral("-cp")); }));
        automatic.push_back(timeMs([&] {
            return copyWith(pw::SourceCopyOptions::Mode::Auto, src, base + QStringLiteral("-auto"));
        }));
        hardlink.push_back(timeMs([&] {
            return copyWith(pw::SourceCopyOptions::Mode::HardLink, src,
                            base + QStringLiteral("-link"));
        }));
        if (round % 2 == 1)
            cp.push_back(timeMs([&] { return cpA(src, base + QStringLiteral("-cp")); }));
        for (const char* suffix : {"-cp", "-auto", "-link"})
            QDir(base + QLatin1String(suffix)).removeRecursively();
    }
    const double cpMs = medianMs(cp);
    std::printf("source tree: %d files, %lld bytes, median of %d rounds\n", kFiles,
                static_cast<long long>(bytes), kRounds);
    std::printf("cp -a                 %8.1f ms\n", cpMs);
    std::printf("SourceCopy Auto       %8.1f ms   ratio %.2fx of cp -a\n", medianMs(automatic),
                medianMs(automatic) / cpMs);
    std::printf("SourceCopy HardLink   %8.1f ms   ratio %.2fx of cp -a\n", medianMs(hardlink),
                medianMs(hardlink) / cpMs);
    return 0;
}
