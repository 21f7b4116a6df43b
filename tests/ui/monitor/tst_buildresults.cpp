// The run tab's Reports and Artifacts tabs after real builds, and the compact header.
#include "../shell/shelltestsupport.h"
#include "monitor/artifactspane.h"
#include "monitor/buildrunpage.h"
#include "monitor/phasetimelineview.h"
#include "monitor/reportsmodel.h"
#include "support/shots.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include <functional>

using namespace pw;

namespace {

// Two suites: 3 passed, 2 failed (one failure, one error), 1 skipped.
const QByteArray kJunit = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="core" tests="4" failures="1" errors="0" skipped="1">
    <testcase classname="core.Parser" name="parsesEmpty" time="0.01"/>
    <testcase classname="core.Parser" name="parsesNested" time="0.02">
      <failure message="expected 3 but was 4">stack trace line 1
stack trace line 2</failure>
    </testcase>
    <testcase classname="core.Parser" name="parsesUnicode" time="0.01">
      <skipped message="not on this platform"/>
    </testcase>
    <testcase classname="core.Lexer" name="lexesNumbers" time="0.01"/>
  </testsuite>
  <testsuite name="io" tests="2" failures="0" errors="1">
    <testcase classname="io.Files" name="readsMissing" time="0.03">
      <error message="NullPointerException in readAll"/>
    </testcase>
    <testcase classname="io.Files" name="writesAtomically" time="0.01"/>
  </testsuite>
</testsuites>
)xml";

const QByteArray kCobertura = R"xml(<?xml version="1.0"?>
<coverage line-rate="0.75" branch-rate="0.5" lines-covered="3" lines-valid="4"
          branches-covered="1" branches-valid="2" version="1" timestamp="0">
  <packages><package name="p" line-rate="0.75" branch-rate="0.5"><classes>
    <class name="A" filename="src/a.cpp" line-rate="0.75" branch-rate="0.5"><lines>
      <line number="1" hits="1"/><line number="2" hits="1"/>
      <line number="3" hits="0" branch="true" condition-coverage="50% (1/2)"/>
      <line number="4" hits="2"/>
    </lines></class>
  </classes></package></packages>
</coverage>
)xml";

const QByteArray kBuildspec =
    "version: 0.2\n"
    "env:\n"
    "  exported-variables:\n"
    "    - RELEASE\n"
    "phases:\n"
    "  build:\n"
    "    commands:\n"
    "      - export RELEASE=r42\n"
    "      - mkdir -p out/bin out/doc\n"
    "      - echo app > out/bin/app && echo lib > out/bin/lib.so && echo doc > out/doc/a.md\n"
    "reports:\n"
    "  unit:\n"
    "    files:\n"
    "      - reports/junit.xml\n"
    "    file-format: JUNITXML\n"
    "  cov:\n"
    "    files:\n"
    "      - reports/coverage.xml\n"
    "    file-format: COBERTURAXML\n"
    "artifacts:\n"
    "  files:\n"
    "    - 'out/**/*'\n";

QString workspace(const QTemporaryDir& dir) {
    const QString ws = dir.filePath(QStringLiteral("app"));
    pwtest::writeFile(ws + QStringLiteral("/buildspec.yml"), kBuildspec);
    pwtest::writeFile(ws + QStringLiteral("/reports/junit.xml"), kJunit);
    pwtest::writeFile(ws + QStringLiteral("/reports/coverage.xml"), kCobertura);
    return ws;
}

QModelIndex reportRow(const ReportsModel* m, const QString& suffix) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data().toString().endsWith(suffix))
            return m->index(r, 0);
    return {};
}

}  // namespace

class TestBuildResults : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_page = std::make_unique<BuildRunPage>(workspace(m_dir), QString());
        m_page->resize(1100, 700);
        QSignalSpy finished(m_page.get(), &BuildRunPage::finished);
        QVERIFY(m_page->start());
        QVERIFY(finished.wait(30000));
        QCOMPARE(m_page->status(), RunStatus::Succeeded);
    }
    void cleanup() { m_page.reset(); }

    void reportsTabCountsAndFailedCases() {
        const ReportsModel* m = m_page->reports();
        QCOMPARE(m->rowCount(), 2);
        const QModelIndex unit = reportRow(m, QStringLiteral("-unit"));
        QVERIFY(unit.isValid());
        QCOMPARE(unit.siblingAtColumn(ReportsModel::PassedColumn).data().toInt(), 3);
        QCOMPARE(unit.siblingAtColumn(ReportsModel::FailedColumn).data().toInt(), 2);
        QCOMPARE(unit.siblingAtColumn(ReportsModel::SkippedColumn).data().toInt(), 1);
        // The failed and the errored case, each with its message, under the report.
        QCOMPARE(m->rowCount(unit), 2);
        QStringList names, messages;
        for (int r = 0; r < 2; ++r) {
            names << m->index(r, ReportsModel::NameColumn, unit).data().toString();
            messages << m->index(r, ReportsModel::MessageColumn, unit).data().toString();
        }
        QVERIFY2(names.contains(QStringLiteral("core.Parser.parsesNested")),
                 qPrintable(names.join(',')));
        QVERIFY(names.contains(QStringLiteral("io.Files.readsMissing")));
        QVERIFY2(messages.join('|').contains(QStringLiteral("expected 3 but was 4")),
                 qPrintable(messages.join('|')));
        QVERIFY(messages.join('|').contains(QStringLiteral("NullPointerException")));
        const QModelIndex cov = reportRow(m, QStringLiteral("-cov"));
        QVERIFY(cov.isValid());
        QCOMPARE(m->rowCount(cov), 0);
        const QString coverage =
            cov.siblingAtColumn(ReportsModel::CoverageColumn).data().toString();
        QVERIFY2(coverage.contains(QStringLiteral("75.0%")) &&
                     coverage.contains(QStringLiteral("50.0%")),
                 qPrintable(coverage));
        QVERIFY(m_page->tabs()->tabText(BuildRunPage::ReportsTab).contains(QStringLiteral("2")));
        // The view shows the failed cases without a click.
        auto* view = m_page->findChild<QTreeView*>(QStringLiteral("ReportsView"));
        QVERIFY(view);
        QVERIFY(view->isExpanded(view->model()->index(unit.row(), 0)));
        m_page->tabs()->setCurrentIndex(BuildRunPage::ReportsTab);
        m_page->show();
        QCoreApplication::processEvents();
        QVERIFY(pwtest::saveShot(*m_page, QStringLiteral("gui5-reports.png")));
    }

    void artifactsTabListsFilesAndOpensTheFolder() {
        ArtifactsPane* pane = m_page->artifacts();
        QStandardItemModel* m = pane->artifactModel();
        QCOMPARE(m->rowCount(), 1);
        QStandardItem* artifact = m->item(0, 0);
        QVERIFY2(artifact->text().contains(QStringLiteral("3")), qPrintable(artifact->text()));
        // out/bin/app, out/bin/lib.so, out/doc/a.md as a folder tree.
        QStringList leaves;
        std::function<void(QStandardItem*, QString)> walk = [&](QStandardItem* at, QString prefix) {
            for (int r = 0; r < at->rowCount(); ++r) {
                QStandardItem* c = at->child(r, 0);
                if (c->hasChildren())
                    walk(c, prefix + c->text() + QLatin1Char('/'));
                else
                    leaves << prefix + c->text();
            }
        };
        walk(artifact, {});
        leaves.sort();
        QCOMPARE(leaves,
                 (QStringList{QStringLiteral("out/bin/app"), QStringLiteral("out/bin/lib.so"),
                              QStringLiteral("out/doc/a.md")}));
        const QString zip = artifact->data(ArtifactsPane::PathRole).toString();
        QVERIFY2(QFileInfo::exists(zip), qPrintable(zip));
        QList<QUrl> opened;
        pane->setUrlOpener([&opened](const QUrl& url) {
            opened << url;
            return true;
        });
        QVERIFY(pane->openFolderButton()->isEnabled());
        pane->openFolderButton()->click();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().toLocalFile(), QFileInfo(zip).absolutePath());
        // Exported variables in their table.
        QCOMPARE(pane->variableModel()->rowCount(), 1);
        QCOMPARE(pane->variableModel()->item(0, 0)->text(), QStringLiteral("RELEASE"));
        QCOMPARE(pane->variableModel()->item(0, 1)->text(), QStringLiteral("r42"));
    }

    void headerIsOneCompactLine() {
        const QString summary = m_page->summary()->text();
        QVERIFY2(summary.contains(QStringLiteral("6 tests, 2 failed")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("1 artifact")));
        QVERIFY(summary.contains(QStringLiteral("1 exported variable")));
        m_page->show();
        QCoreApplication::processEvents();
        // Status and summary share one line above the timeline: no box under the log.
        const auto centerY = [this](QWidget* w) {
            return w->mapTo(m_page.get(), w->rect().center()).y();
        };
        QVERIFY(qAbs(centerY(m_page->summary()) - centerY(m_page->statusLabel())) < 4);
        QVERIFY(m_page->summary()->height() < 40);
        QVERIFY(m_page->timelineView()->mapTo(m_page.get(), QPoint(0, 0)).y() < 48);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<BuildRunPage> m_page;
};

QTEST_MAIN(TestBuildResults)
#include "tst_buildresults.moc"
