#pragma once

// Private to core/engine/reports: one parse function per format, shared helpers.

#include "engine/reports/coveragereport.h"
#include "engine/reports/testreport.h"

#include <QXmlStreamReader>

namespace pw::reports {

void warn(Diagnostics& out, const QString& file, const QString& rule, const QString& message,
          int line = 0);
// Ends an XML parse: a reader error becomes a "report-malformed" warning; returns true when
// the document was well-formed.
bool finishXml(const QXmlStreamReader& xml, Diagnostics& out, const QString& file);
// True when the root element is one of `roots`; else warns "report-wrong-format".
bool expectRoot(QXmlStreamReader& xml, const QStringList& roots, Diagnostics& out,
                const QString& file, const QString& formatName);
qint64 secondsToMs(QStringView seconds);       // "1.5" -> 1500; "1,234.5" tolerated
QString shortMessage(const QString& message);  // trimmed, at most 4,000 characters
// Text of the current element including CDATA, leaving the reader at its end element.
QString elementText(QXmlStreamReader& xml);

void parseJunit(const QByteArray& data, TestReport& report);
void parseCucumber(const QByteArray& data, TestReport& report);
void parseNunit2(const QByteArray& data, TestReport& report);
void parseNunit3(const QByteArray& data, TestReport& report);
void parseTestng(const QByteArray& data, TestReport& report);
void parseTrx(const QByteArray& data, TestReport& report);

void parseCobertura(const QByteArray& data, CoverageReport& report);
void parseJacoco(const QByteArray& data, CoverageReport& report);
void parseClover(const QByteArray& data, CoverageReport& report);
void parseSimpleCov(const QByteArray& data, CoverageReport& report);

// Ends a coverage parse whose report-level counters were read into `totals`: they become the
// report's rates' inputs, and the XML reader's state decides `valid`.
void finishCoverageXml(const QXmlStreamReader& xml, const FileCoverage& totals,
                       CoverageReport& report);
// Adds a file's counts to the report totals and, when it has lines, to its file list.
void addFileCoverage(CoverageReport& report, const FileCoverage& file);

}  // namespace pw::reports
