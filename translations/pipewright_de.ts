<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CompletionSchema</name>
    <message>
        <source>Buildspec version; 0.2 runs every command of a phase in one shell.</source>
        <translation>Buildspec-Version; mit 0.2 laufen alle Befehle einer Phase in derselben Shell.</translation>
    </message>
    <message>
        <source>The commands CodeBuild runs, in the order install, pre_build, build, post_build.</source>
        <translation>Die Befehle, die CodeBuild ausführt, in der Reihenfolge install, pre_build, build, post_build.</translation>
    </message>
    <message>
        <source>What a failing phase does: ABORT the build or CONTINUE with the next phase.</source>
        <translation>Was eine fehlschlagende Phase tut: den Build abbrechen (ABORT) oder mit der nächsten Phase fortfahren (CONTINUE).</translation>
    </message>
    <message>
        <source>Commands that run after the phase's commands, even when they fail.</source>
        <translation>Befehle, die nach den Befehlen der Phase laufen, auch wenn diese fehlschlagen.</translation>
    </message>
    <message>
        <source>Shell commands of the phase, run in order; the first failure ends the phase.</source>
        <translation>Shell-Befehle der Phase, der Reihe nach ausgeführt; der erste Fehler beendet die Phase.</translation>
    </message>
    <message>
        <source>Files the build hands to the next stage.</source>
        <translation>Dateien, die der Build an die nächste Stufe übergibt.</translation>
    </message>
    <message>
        <source>Test and coverage report groups the build publishes.</source>
        <translation>Test- und Abdeckungsberichte, die der Build veröffentlicht.</translation>
    </message>
    <message>
        <source>Paths kept between builds to make them faster.</source>
        <translation>Pfade, die zwischen Builds erhalten bleiben, um sie zu beschleunigen.</translation>
    </message>
    <message>
        <source>Shell, variables and secrets available to every phase.</source>
        <translation>Shell, Variablen und Geheimnisse für alle Phasen.</translation>
    </message>
    <message>
        <source>Operating system of the instances: linux or windows.</source>
        <translation>Betriebssystem der Instanzen: linux oder windows.</translation>
    </message>
    <message>
        <source>Files copied from the revision to the instance during Install.</source>
        <translation>Dateien, die während Install aus der Revision auf die Instanz kopiert werden.</translation>
    </message>
    <message>
        <source>Owner, group and mode applied to installed files.</source>
        <translation>Besitzer, Gruppe und Modus der installierten Dateien.</translation>
    </message>
    <message>
        <source>Scripts run at lifecycle events, in the deployment's fixed order.</source>
        <translation>Skripte, die bei Lebenszyklusereignissen in der festen Reihenfolge der Bereitstellung laufen.</translation>
    </message>
    <message>
        <source>What Install does with files that already exist: DISALLOW, OVERWRITE or RETAIN.</source>
        <translation>Was Install mit bereits vorhandenen Dateien tut: DISALLOW, OVERWRITE oder RETAIN.</translation>
    </message>
    <message>
        <source>Seconds a hook script may run before the deployment fails (at most 3600).</source>
        <translation>Sekunden, die ein Hook-Skript laufen darf, bevor die Bereitstellung fehlschlägt (höchstens 3600).</translation>
    </message>
    <message>
        <source>User the hook script runs as.</source>
        <translation>Benutzer, unter dem das Hook-Skript läuft.</translation>
    </message>
    <message>
        <source>Stages run one after another; actions in a stage run by runOrder.</source>
        <translation>Stufen laufen nacheinander; Aktionen einer Stufe laufen nach runOrder.</translation>
    </message>
    <message>
        <source>Local stand-ins for CodeBuild projects.</source>
        <translation>Lokale Stellvertreter für CodeBuild-Projekte.</translation>
    </message>
</context>
<context>
    <name>TemplateCatalog</name>
    <message>
        <source>Buildspec for Node.js (npm)</source>
        <translation>Buildspec für Node.js (npm)</translation>
    </message>
    <message>
        <source>Buildspec for Python (pip, pytest)</source>
        <translation>Buildspec für Python (pip, pytest)</translation>
    </message>
    <message>
        <source>Buildspec for Java (Maven)</source>
        <translation>Buildspec für Java (Maven)</translation>
    </message>
    <message>
        <source>Buildspec for Go</source>
        <translation>Buildspec für Go</translation>
    </message>
    <message>
        <source>Appspec for a small web service (EC2/on-premises)</source>
        <translation>Appspec für einen kleinen Webdienst (EC2/lokal)</translation>
    </message>
    <message>
        <source>Two-stage pipeline (source, build)</source>
        <translation>Zweistufige Pipeline (Quelle, Build)</translation>
    </message>
    <message>
        <source>Workspace file (.pipewright/workspace.yml)</source>
        <translation>Arbeitsbereichsdatei (.pipewright/workspace.yml)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Delivery pipeline studio</source>
        <translation>Studio für Auslieferungs-Pipelines</translation>
    </message>
    <message>
        <source>Workspace folder or a file in it</source>
        <translation>Arbeitsbereichsordner oder eine Datei darin</translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation>Farbschema: system, light oder dark.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Ein Bild des Fensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <source>Do not reopen the files of the last session.</source>
        <translation>Die Dateien der letzten Sitzung nicht wieder öffnen.</translation>
    </message>
    <message>
        <source>Quit once the window has painted (start-up timing).</source>
        <translation>Beenden, sobald das Fenster gezeichnet ist (Startzeitmessung).</translation>
    </message>
</context>
<context>
    <name>pw::BuildspecForm</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Phases: on failure</source>
        <translation>Phasen: bei Fehler</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>(the source folder)</source>
        <translation>(der Quellordner)</translation>
    </message>
    <message>
        <source>Base directory</source>
        <translation>Basisverzeichnis</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>Changes here are written into the text as small edits; comments and formatting elsewhere stay as they are.</source>
        <translation>Änderungen hier werden als kleine Bearbeitungen in den Text geschrieben; Kommentare und Formatierung bleiben an anderer Stelle unverändert.</translation>
    </message>
    <message>
        <source>Fix the YAML errors in the Source view to edit the form.</source>
        <translation>Beheben Sie die YAML-Fehler in der Quelltextansicht, um das Formular zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>pw::EditorPage</name>
    <message>
        <source>The buffer has no file name yet.</source>
        <translation>Der Puffer hat noch keinen Dateinamen.</translation>
    </message>
    <message>
        <source>The file “%1” was deleted or moved on disk.</source>
        <translation>Die Datei „%1“ wurde auf dem Datenträger gelöscht oder verschoben.</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>The file “%1” changed on disk, and you have unsaved changes.</source>
        <translation>Die Datei „%1“ wurde auf dem Datenträger geändert, und Sie haben ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>The file “%1” changed on disk.</source>
        <translation>Die Datei „%1“ wurde auf dem Datenträger geändert.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
</context>
<context>
    <name>pw::FindReplaceBar</name>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>pw::LogPane</name>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep the newest lines in view (Ctrl+End)</source>
        <translation>Die neuesten Zeilen sichtbar halten (Strg+Ende)</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Show each line's UTC time</source>
        <translation>Die UTC-Zeit jeder Zeile anzeigen</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Umbrechen</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>Lange Zeilen umbrechen</translation>
    </message>
    <message>
        <source>First error</source>
        <translation>Erster Fehler</translation>
    </message>
    <message>
        <source>Jump to the first error line</source>
        <translation>Zur ersten Fehlerzeile springen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle einklappen</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle ausklappen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation>Im Protokoll suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Kleinere Schrift (Strg+-)</translation>
    </message>
    <message>
        <source>Larger text (Ctrl++, Ctrl+0 resets)</source>
        <translation>Größere Schrift (Strg++, Strg+0 setzt zurück)</translation>
    </message>
    <message>
        <source>%L1 lines</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source> · indexing…</source>
        <translation> · wird indiziert …</translation>
    </message>
    <message>
        <source> · first error on line %L1</source>
        <translation> · erster Fehler in Zeile %L1</translation>
    </message>
    <message>
        <source>Save log as</source>
        <translation>Protokoll speichern unter</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt);;All files (*)</source>
        <translation>Protokolle (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>%1 konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>pw::LogSearchBar</name>
    <message>
        <source>Regex</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%L1 lines</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source>%L1 of %2</source>
        <translation>%L1 von %2</translation>
    </message>
    <message>
        <source>, 1 match</source>
        <translation>, 1 Treffer</translation>
    </message>
    <message>
        <source>, %L1 matches</source>
        <translation>, %L1 Treffer</translation>
    </message>
</context>
<context>
    <name>pw::LogView</name>
    <message>
        <source>⋯ 1 line folded</source>
        <translation>⋯ 1 Zeile eingeklappt</translation>
    </message>
    <message>
        <source>⋯ %1 lines folded</source>
        <translation>⋯ %1 Zeilen eingeklappt</translation>
    </message>
</context>
<context>
    <name>pw::MainWindow</name>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Build starten</translation>
    </message>
    <message>
        <source>Build the current buildspec (Ctrl+B)</source>
        <translation>Den aktuellen Buildspec bauen (Strg+B)</translation>
    </message>
    <message>
        <source>&amp;Stop Build</source>
        <translation>Build &amp;stoppen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>No buildspec to build</source>
        <translation>Kein Buildspec zum Bauen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Build finished</source>
        <translation>Build beendet</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build starten</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No file open&lt;/h3&gt;&lt;p&gt;Pick a file in the workspace tree, drop one here, or start from a template with File → New.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine Datei geöffnet&lt;/h3&gt;&lt;p&gt;Wählen Sie eine Datei im Arbeitsbereich, ziehen Sie eine hierher oder beginnen Sie mit einer Vorlage über Datei → Neu.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>&amp;Arbeitsbereich öffnen …</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>YAML and JSON (*.yml *.yaml *.json);;All files (*)</source>
        <translation>YAML und JSON (*.yml *.yaml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>A&amp;lle speichern</translation>
    </message>
    <message>
        <source>Re&amp;load from Disk</source>
        <translation>Vom Datenträger neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles aus&amp;wählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>&amp;Ersetzen …</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Toggle &amp;Comment</source>
        <translation>&amp;Kommentar umschalten</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>Gehe &amp;zu Zeile …</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vervollständigen</translation>
    </message>
    <message>
        <source>&amp;Quick Fix</source>
        <translation>Schnell&amp;korrektur</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation>&amp;Nächstes Problem</translation>
    </message>
    <message>
        <source>&amp;Previous Problem</source>
        <translation>&amp;Vorheriges Problem</translation>
    </message>
    <message>
        <source>Re&amp;scan Workspace</source>
        <translation>Arbeitsbereich neu &amp;durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Pipewright</source>
        <translation>Über &amp;Pipewright</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them before closing?</source>
        <translation>„%1“ hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2
Your text is kept in the editor.</source>
        <translation>„%1“ kann nicht gespeichert werden: %2
Ihr Text bleibt im Editor erhalten.</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>YAML (*.yml *.yaml);;All files (*)</source>
        <translation>YAML (*.yml *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1[*] — %2 — Pipewright</source>
        <translation>%1[*] — %2 — Pipewright</translation>
    </message>
    <message>
        <source>%1 — Pipewright</source>
        <translation>%1 — Pipewright</translation>
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation>Z. %1, Sp. %2</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform><numerusform>%n Fehler</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform><numerusform>%n Warnungen</numerusform></translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>No quick fix on this line</source>
        <translation>Keine Schnellkorrektur in dieser Zeile</translation>
    </message>
    <message>
        <source>KSyntaxHighlighting (KDE Frameworks 6)</source>
        <translation>KSyntaxHighlighting (KDE Frameworks 6)</translation>
    </message>
    <message>
        <source>built-in YAML highlighter</source>
        <translation>eingebaute YAML-Hervorhebung</translation>
    </message>
    <message>
        <source>About Pipewright</source>
        <translation>Über Pipewright</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pipewright %1&lt;/h3&gt;&lt;p&gt;A desktop studio for AWS-style delivery pipelines: edit, validate and run buildspecs, appspecs and pipelines on your own machine.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 (built with %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;yaml-cpp&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Highlighter&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Pipewright %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Studio für Auslieferungs-Pipelines im AWS-Stil: Buildspecs, Appspecs und Pipelines auf dem eigenen Rechner bearbeiten, prüfen und ausführen.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 (erstellt mit %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;yaml-cpp&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Hervorhebung&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Pipewright found unsaved changes to %n file(s) from a session that did not end normally.</source>
        <translation>
            <numerusform>Pipewright hat ungespeicherte Änderungen an %n Datei aus einer nicht regulär beendeten Sitzung gefunden.</numerusform><numerusform>Pipewright hat ungespeicherte Änderungen an %n Dateien aus einer nicht regulär beendeten Sitzung gefunden.</numerusform></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Recovered-%1.yml</source>
        <translation>Wiederhergestellt-%1.yml</translation>
    </message>
    <message>
        <source>These files have unsaved changes:
%1

Save them?</source>
        <translation>Diese Dateien haben ungespeicherte Änderungen:
%1

Speichern?</translation>
    </message>
</context>
<context>
    <name>pw::PipelineDesigner</name>
    <message>
        <source>+ Stage</source>
        <translation>+ Stufe</translation>
    </message>
    <message>
        <source>+ Action</source>
        <translation>+ Aktion</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Früher</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>%1 stages · %2 actions · %3 artifact links</source>
        <translation>%1 Stufen · %2 Aktionen · %3 Artefaktverbindungen</translation>
    </message>
    <message>
        <source> · %1 actions with problems</source>
        <translation> · %1 Aktionen mit Problemen</translation>
    </message>
    <message>
        <source>Rename stage to %1</source>
        <translation>Stufe in %1 umbenennen</translation>
    </message>
    <message>
        <source>Rename action to %1</source>
        <translation>Aktion in %1 umbenennen</translation>
    </message>
    <message>
        <source>Set runOrder of %1 to %2</source>
        <translation>runOrder von %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>Stufe entfernen</translation>
    </message>
    <message>
        <source>Remove action %1</source>
        <translation>Aktion %1 entfernen</translation>
    </message>
    <message>
        <source>Add stage %1</source>
        <translation>Stufe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add %1 action</source>
        <translation>%1-Aktion hinzufügen</translation>
    </message>
    <message>
        <source>Rename action</source>
        <translation>Aktion umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>pw::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
</context>
<context>
    <name>pw::WorkspaceTreeModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>pw::YamlEditor</name>
    <message>
        <source>Quick fix: %1</source>
        <translation>Schnellkorrektur: %1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Korrektur: %1</translation>
    </message>
    <message>
        <source>Toggle Comment</source>
        <translation>Kommentar umschalten</translation>
    </message>
</context>
<context>
    <name>pw::PhaseTimelineModel</name>
    <message>
        <source>&lt;1 sec</source>
        <translation>&lt;1 Sek.</translation>
    </message>
    <message>
        <source>%1 secs</source>
        <translation>%1 Sek.</translation>
    </message>
    <message>
        <source>%1 min %2 secs</source>
        <translation>%1 Min. %2 Sek.</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
</context>
<context>
    <name>pw::BuildRunPage</name>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Build %1 #%2</source>
        <translation>Build %1 #%2</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>Build %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (%2 files)</source>
        <translation>%1 (%2 Dateien)</translation>
    </message>
    <message>
        <source>Exported variables</source>
        <translation>Exportierte Variablen</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
</context>
<context>
    <name>pw::BuildLauncher</name>
    <message>
        <source>Cannot open the build history: %1</source>
        <translation>Der Build-Verlauf lässt sich nicht öffnen: %1</translation>
    </message>
</context>
</TS>