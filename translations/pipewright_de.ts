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
    <message>
        <source>Linux user that runs the commands (of the whole build, or of this phase).</source>
        <translation>Linux-Benutzer, der die Befehle ausführt (des ganzen Builds oder dieser Phase).</translation>
    </message>
    <message>
        <source>Shell that runs the commands: bash, /bin/sh, pwsh, powershell.exe or cmd.exe.</source>
        <translation>Shell, die die Befehle ausführt: bash, /bin/sh, pwsh, powershell.exe oder cmd.exe.</translation>
    </message>
    <message>
        <source>Plain-text environment variables, NAME: value.</source>
        <translation>Umgebungsvariablen im Klartext, NAME: Wert.</translation>
    </message>
    <message>
        <source>Variables read from Systems Manager Parameter Store: NAME: parameter name.</source>
        <translation>Variablen aus dem Systems Manager Parameter Store: NAME: Parametername.</translation>
    </message>
    <message>
        <source>Variables read from Secrets Manager: NAME: secret-id:json-key:version-stage:version-id.</source>
        <translation>Variablen aus dem Secrets Manager: NAME: secret-id:json-key:version-stage:version-id.</translation>
    </message>
    <message>
        <source>Variables whose final values the build exports to the pipeline.</source>
        <translation>Variablen, deren Endwerte der Build an die Pipeline exportiert.</translation>
    </message>
    <message>
        <source>yes lets git use CodeBuild's credentials for private repositories.</source>
        <translation>yes lässt git die Anmeldedaten von CodeBuild für private Repositorys verwenden.</translation>
    </message>
    <message>
        <source>Settings for builds that run behind an explicit proxy server.</source>
        <translation>Einstellungen für Builds hinter einem expliziten Proxyserver.</translation>
    </message>
    <message>
        <source>yes uploads artifacts through the proxy server.</source>
        <translation>yes lädt Artefakte über den Proxyserver hoch.</translation>
    </message>
    <message>
        <source>yes sends CloudWatch logs through the proxy server.</source>
        <translation>yes sendet CloudWatch-Protokolle über den Proxyserver.</translation>
    </message>
    <message>
        <source>Batch build settings: a graph, list, matrix or fanout of builds.</source>
        <translation>Einstellungen für Batch-Builds: Graph, Liste, Matrix oder Fanout von Builds.</translation>
    </message>
    <message>
        <source>Whether the batch stops when one of its builds fails.</source>
        <translation>Ob der Batch anhält, wenn einer seiner Builds fehlschlägt.</translation>
    </message>
    <message>
        <source>Builds of the batch with dependencies between them.</source>
        <translation>Builds des Batches mit Abhängigkeiten untereinander.</translation>
    </message>
    <message>
        <source>Builds of the batch that run in parallel.</source>
        <translation>Builds des Batches, die parallel laufen.</translation>
    </message>
    <message>
        <source>Builds of the batch made from every combination of settings.</source>
        <translation>Builds des Batches aus jeder Kombination von Einstellungen.</translation>
    </message>
    <message>
        <source>Test builds of the batch that split the tests between them.</source>
        <translation>Test-Builds des Batches, die die Tests unter sich aufteilen.</translation>
    </message>
    <message>
        <source>Name of the build within the batch.</source>
        <translation>Name des Builds innerhalb des Batches.</translation>
    </message>
    <message>
        <source>Buildspec file the batch build runs instead of this one.</source>
        <translation>Buildspec-Datei, die der Batch-Build statt dieser ausführt.</translation>
    </message>
    <message>
        <source>Whether the batch build allows a Session Manager debug session.</source>
        <translation>Ob der Batch-Build eine Session-Manager-Debugsitzung erlaubt.</translation>
    </message>
    <message>
        <source>Identifiers of the builds that must finish before this one.</source>
        <translation>Kennungen der Builds, die vor diesem fertig sein müssen.</translation>
    </message>
    <message>
        <source>Whether a failure of this build is ignored by the batch.</source>
        <translation>Ob der Batch einen Fehlschlag dieses Builds ignoriert.</translation>
    </message>
    <message>
        <source>Settings every build of the matrix shares.</source>
        <translation>Einstellungen, die alle Builds der Matrix teilen.</translation>
    </message>
    <message>
        <source>Settings the matrix combines into its builds.</source>
        <translation>Einstellungen, die die Matrix zu ihren Builds kombiniert.</translation>
    </message>
    <message>
        <source>Number of builds the fanout runs tests in.</source>
        <translation>Anzahl der Builds, auf die der Fanout die Tests verteilt.</translation>
    </message>
    <message>
        <source>Compute type of the batch build's environment.</source>
        <translation>Rechenleistungstyp der Umgebung des Batch-Builds.</translation>
    </message>
    <message>
        <source>Reserved fleet the batch build runs on.</source>
        <translation>Reservierte Flotte, auf der der Batch-Build läuft.</translation>
    </message>
    <message>
        <source>Container image of the batch build's environment.</source>
        <translation>Container-Image der Umgebung des Batch-Builds.</translation>
    </message>
    <message>
        <source>Whether the batch build runs Docker in privileged mode.</source>
        <translation>Ob der Batch-Build Docker im privilegierten Modus ausführt.</translation>
    </message>
    <message>
        <source>Environment type of the batch build, e.g. LINUX_CONTAINER.</source>
        <translation>Umgebungstyp des Batch-Builds, z. B. LINUX_CONTAINER.</translation>
    </message>
    <message>
        <source>Phase for installing packages and runtimes.</source>
        <translation>Phase zum Installieren von Paketen und Laufzeitumgebungen.</translation>
    </message>
    <message>
        <source>Phase for work before the build: logins, dependencies.</source>
        <translation>Phase für Arbeiten vor dem Build: Anmeldungen, Abhängigkeiten.</translation>
    </message>
    <message>
        <source>Phase that runs the build itself.</source>
        <translation>Phase, die den eigentlichen Build ausführt.</translation>
    </message>
    <message>
        <source>Phase after the build: packaging, pushing, notifications.</source>
        <translation>Phase nach dem Build: Paketieren, Hochladen, Benachrichtigungen.</translation>
    </message>
    <message>
        <source>Runtimes the install phase selects, e.g. nodejs: 18.</source>
        <translation>Laufzeitumgebungen, die die install-Phase auswählt, z. B. nodejs: 18.</translation>
    </message>
    <message>
        <source>Report files of the group, relative to its base directory.</source>
        <translation>Berichtsdateien der Gruppe, relativ zu ihrem Basisverzeichnis.</translation>
    </message>
    <message>
        <source>Format of the report files, e.g. JUNITXML or COBERTURAXML.</source>
        <translation>Format der Berichtsdateien, z. B. JUNITXML oder COBERTURAXML.</translation>
    </message>
    <message>
        <source>Files in the artifact: paths and globs relative to the base directory.</source>
        <translation>Dateien im Artefakt: Pfade und Muster relativ zum Basisverzeichnis.</translation>
    </message>
    <message>
        <source>Name of the artifact; may use variables.</source>
        <translation>Name des Artefakts; darf Variablen enthalten.</translation>
    </message>
    <message>
        <source>yes flattens the files into the artifact's root folder.</source>
        <translation>yes legt alle Dateien flach in den Stammordner des Artefakts.</translation>
    </message>
    <message>
        <source>Folder the file paths are relative to, and left out of the artifact.</source>
        <translation>Ordner, auf den sich die Dateipfade beziehen und der im Artefakt wegfällt.</translation>
    </message>
    <message>
        <source>Paths and globs left out of the artifact.</source>
        <translation>Pfade und Muster, die nicht ins Artefakt kommen.</translation>
    </message>
    <message>
        <source>yes keeps symbolic links in a ZIP artifact.</source>
        <translation>yes behält symbolische Links in einem ZIP-Artefakt.</translation>
    </message>
    <message>
        <source>Prefix of the artifact's location in its S3 bucket.</source>
        <translation>Präfix des Artefaktorts in seinem S3-Bucket.</translation>
    </message>
    <message>
        <source>Further artifacts of the build, each under its identifier.</source>
        <translation>Weitere Artefakte des Builds, jedes unter seiner Kennung.</translation>
    </message>
    <message>
        <source>Key the cache is stored under; may use variables.</source>
        <translation>Schlüssel, unter dem der Cache gespeichert wird; darf Variablen enthalten.</translation>
    </message>
    <message>
        <source>Keys tried in order when the cache key has no entry.</source>
        <translation>Schlüssel, die der Reihe nach versucht werden, wenn der Cache-Schlüssel keinen Eintrag hat.</translation>
    </message>
    <message>
        <source>restore only reads the cache, save only writes it; both when absent.</source>
        <translation>restore liest den Cache nur, save schreibt ihn nur; ohne Angabe beides.</translation>
    </message>
    <message>
        <source>Paths and globs kept in the cache.</source>
        <translation>Pfade und Muster, die im Cache bleiben.</translation>
    </message>
    <message>
        <source>AppSpec version; 0.0 is the only one.</source>
        <translation>AppSpec-Version; 0.0 ist die einzige.</translation>
    </message>
    <message>
        <source>File or folder in the revision, relative to its root; / is everything.</source>
        <translation>Datei oder Ordner in der Revision, relativ zu ihrem Stamm; / ist alles.</translation>
    </message>
    <message>
        <source>Absolute path on the instance the source is copied to.</source>
        <translation>Absoluter Pfad auf der Instanz, wohin die Quelle kopiert wird.</translation>
    </message>
    <message>
        <source>Installed file or folder the permissions apply to.</source>
        <translation>Installierte Datei oder installierter Ordner, für den die Berechtigungen gelten.</translation>
    </message>
    <message>
        <source>Glob of the names inside object the permissions apply to.</source>
        <translation>Muster der Namen in object, für die die Berechtigungen gelten.</translation>
    </message>
    <message>
        <source>Names inside object left alone.</source>
        <translation>Namen in object, die unverändert bleiben.</translation>
    </message>
    <message>
        <source>User that owns the files.</source>
        <translation>Benutzer, dem die Dateien gehören.</translation>
    </message>
    <message>
        <source>Group that owns the files.</source>
        <translation>Gruppe, der die Dateien gehören.</translation>
    </message>
    <message>
        <source>Octal file mode such as &quot;0644&quot;; quote it so YAML keeps it a string.</source>
        <translation>Oktaler Dateimodus wie &quot;0644&quot;; in Anführungszeichen, damit YAML ihn als Zeichenkette liest.</translation>
    </message>
    <message>
        <source>Access control list entries applied to the files.</source>
        <translation>Einträge der Zugriffssteuerungsliste für die Dateien.</translation>
    </message>
    <message>
        <source>SELinux security context of the files.</source>
        <translation>SELinux-Sicherheitskontext der Dateien.</translation>
    </message>
    <message>
        <source>SELinux user of the context.</source>
        <translation>SELinux-Benutzer des Kontexts.</translation>
    </message>
    <message>
        <source>SELinux range of the context.</source>
        <translation>SELinux-Bereich des Kontexts.</translation>
    </message>
    <message>
        <source>SELinux type of the context.</source>
        <translation>SELinux-Typ des Kontexts.</translation>
    </message>
    <message>
        <source>What the permissions apply to: file, directory or both.</source>
        <translation>Wofür die Berechtigungen gelten: file, directory oder beides.</translation>
    </message>
    <message>
        <source>Script in the revision that the hook runs.</source>
        <translation>Skript in der Revision, das der Hook ausführt.</translation>
    </message>
    <message>
        <source>Before the instance is taken out of the load balancer.</source>
        <translation>Bevor die Instanz aus dem Load Balancer genommen wird.</translation>
    </message>
    <message>
        <source>After the instance is taken out of the load balancer.</source>
        <translation>Nachdem die Instanz aus dem Load Balancer genommen wurde.</translation>
    </message>
    <message>
        <source>Stops the running application; its scripts come from the last deployed revision.</source>
        <translation>Hält die laufende Anwendung an; die Skripte stammen aus der zuletzt bereitgestellten Revision.</translation>
    </message>
    <message>
        <source>Before the files are copied: backups, decrypting, preparing.</source>
        <translation>Bevor die Dateien kopiert werden: Sicherungen, Entschlüsseln, Vorbereiten.</translation>
    </message>
    <message>
        <source>After the files are copied: configuring, changing permissions.</source>
        <translation>Nachdem die Dateien kopiert wurden: Konfigurieren, Berechtigungen ändern.</translation>
    </message>
    <message>
        <source>Starts the application and its services.</source>
        <translation>Startet die Anwendung und ihre Dienste.</translation>
    </message>
    <message>
        <source>Checks that the deployment worked.</source>
        <translation>Prüft, ob die Bereitstellung funktioniert hat.</translation>
    </message>
    <message>
        <source>Before the instance is put back into the load balancer.</source>
        <translation>Bevor die Instanz wieder in den Load Balancer aufgenommen wird.</translation>
    </message>
    <message>
        <source>After the instance is put back into the load balancer.</source>
        <translation>Nachdem die Instanz wieder in den Load Balancer aufgenommen wurde.</translation>
    </message>
    <message>
        <source>The Lambda function or ECS service the deployment updates.</source>
        <translation>Die Lambda-Funktion oder der ECS-Dienst, den die Bereitstellung aktualisiert.</translation>
    </message>
    <message>
        <source>Resource type: AWS::Lambda::Function or AWS::ECS::Service.</source>
        <translation>Ressourcentyp: AWS::Lambda::Function oder AWS::ECS::Service.</translation>
    </message>
    <message>
        <source>Properties of the resource being deployed.</source>
        <translation>Eigenschaften der bereitgestellten Ressource.</translation>
    </message>
    <message>
        <source>Workspace file version; 1.</source>
        <translation>Version der Arbeitsbereichsdatei; 1.</translation>
    </message>
    <message>
        <source>Buildspec of the project, relative to the workspace root.</source>
        <translation>Buildspec des Projekts, relativ zum Stamm des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Folder built as the primary source.</source>
        <translation>Ordner, der als primäre Quelle gebaut wird.</translation>
    </message>
    <message>
        <source>Further source folders by identifier, exposed as CODEBUILD_SRC_DIR_&lt;id&gt;.</source>
        <translation>Weitere Quellordner nach Kennung, verfügbar als CODEBUILD_SRC_DIR_&lt;id&gt;.</translation>
    </message>
    <message>
        <source>Project variables; they win over the buildspec's.</source>
        <translation>Projektvariablen; sie haben Vorrang vor denen der Buildspec.</translation>
    </message>
    <message>
        <source>Environment variables, NAME: value.</source>
        <translation>Umgebungsvariablen, NAME: Wert.</translation>
    </message>
    <message>
        <source>Build timeout in minutes (default 60).</source>
        <translation>Build-Zeitlimit in Minuten (Standard 60).</translation>
    </message>
    <message>
        <source>true builds in the source folder instead of a copy.</source>
        <translation>true baut im Quellordner statt in einer Kopie.</translation>
    </message>
    <message>
        <source>Local stand-ins for source repositories, by the name a source action uses.</source>
        <translation>Lokale Stellvertreter für Quell-Repositorys, unter dem Namen, den eine Quellaktion verwendet.</translation>
    </message>
    <message>
        <source>A local git repository standing in for the source.</source>
        <translation>Ein lokales git-Repository als Stellvertreter der Quelle.</translation>
    </message>
    <message>
        <source>Branch to check out; default the action's BranchName.</source>
        <translation>Auszucheckender Branch; Standard ist der BranchName der Aktion.</translation>
    </message>
    <message>
        <source>A file or folder standing in for an S3 object.</source>
        <translation>Eine Datei oder ein Ordner als Stellvertreter eines S3-Objekts.</translation>
    </message>
    <message>
        <source>CodeDeploy applications, by the name a deploy action uses.</source>
        <translation>CodeDeploy-Anwendungen, unter dem Namen, den eine Bereitstellungsaktion verwendet.</translation>
    </message>
    <message>
        <source>Deployment groups of the application: where and how it deploys.</source>
        <translation>Bereitstellungsgruppen der Anwendung: wohin und wie sie bereitstellt.</translation>
    </message>
    <message>
        <source>Deployment configuration: how many instances deploy at once.</source>
        <translation>Bereitstellungskonfiguration: wie viele Instanzen gleichzeitig bereitgestellt werden.</translation>
    </message>
    <message>
        <source>Instances that must stay healthy during a custom deployment.</source>
        <translation>Instanzen, die während einer benutzerdefinierten Bereitstellung fehlerfrei bleiben müssen.</translation>
    </message>
    <message>
        <source>Number or percentage of healthy instances.</source>
        <translation>Anzahl oder Prozentsatz fehlerfreier Instanzen.</translation>
    </message>
    <message>
        <source>in-place updates the instances; blue-green deploys to replacements.</source>
        <translation>in-place aktualisiert die Instanzen; blue-green stellt auf Ersatzinstanzen bereit.</translation>
    </message>
    <message>
        <source>The instances of the group: name, kind and port.</source>
        <translation>Die Instanzen der Gruppe: Name, Art und Port.</translation>
    </message>
    <message>
        <source>Name of the instance.</source>
        <translation>Name der Instanz.</translation>
    </message>
    <message>
        <source>sandbox puts files under .pipewright/state; host deploys to real paths.</source>
        <translation>sandbox legt Dateien unter .pipewright/state ab; host stellt auf echte Pfade bereit.</translation>
    </message>
    <message>
        <source>Loopback port the service (or the router) listens on.</source>
        <translation>Loopback-Port, auf dem der Dienst (oder der Router) lauscht.</translation>
    </message>
    <message>
        <source>Local router in front of the instances; enables the traffic hooks.</source>
        <translation>Lokaler Router vor den Instanzen; aktiviert die Traffic-Hooks.</translation>
    </message>
    <message>
        <source>How the router checks that an instance is healthy.</source>
        <translation>Wie der Router prüft, ob eine Instanz fehlerfrei ist.</translation>
    </message>
    <message>
        <source>HTTP path the health check requests.</source>
        <translation>HTTP-Pfad, den die Zustandsprüfung abfragt.</translation>
    </message>
    <message>
        <source>HTTP status a healthy instance answers.</source>
        <translation>HTTP-Status, den eine fehlerfreie Instanz liefert.</translation>
    </message>
    <message>
        <source>Seconds between checks or traffic shifts.</source>
        <translation>Sekunden zwischen Prüfungen oder Traffic-Verschiebungen.</translation>
    </message>
    <message>
        <source>Passed checks in a row before an instance counts as healthy.</source>
        <translation>Bestandene Prüfungen in Folge, bis eine Instanz als fehlerfrei gilt.</translation>
    </message>
    <message>
        <source>Failed checks in a row before an instance counts as unhealthy.</source>
        <translation>Fehlgeschlagene Prüfungen in Folge, bis eine Instanz als fehlerhaft gilt.</translation>
    </message>
    <message>
        <source>Replacement fleet and traffic shifting of a blue/green group.</source>
        <translation>Ersatzflotte und Traffic-Verschiebung einer Blue/Green-Gruppe.</translation>
    </message>
    <message>
        <source>The green fleet the new revision is deployed to.</source>
        <translation>Die grüne Flotte, auf die die neue Revision bereitgestellt wird.</translation>
    </message>
    <message>
        <source>How traffic moves to the green fleet: all-at-once, canary or linear.</source>
        <translation>Wie der Traffic zur grünen Flotte wechselt: all-at-once, canary oder linear.</translation>
    </message>
    <message>
        <source>all-at-once, canary or linear; for healthy hosts FLEET_PERCENT or HOST_COUNT.</source>
        <translation>all-at-once, canary oder linear; für fehlerfreie Hosts FLEET_PERCENT oder HOST_COUNT.</translation>
    </message>
    <message>
        <source>Share of traffic moved in each step.</source>
        <translation>Anteil des Traffics, der in jedem Schritt verschoben wird.</translation>
    </message>
    <message>
        <source>continue shifts traffic at once; wait holds until you approve.</source>
        <translation>continue verschiebt den Traffic sofort; wait wartet auf Ihre Freigabe.</translation>
    </message>
    <message>
        <source>keep-alive keeps the blue fleet after the shift; terminate removes it.</source>
        <translation>keep-alive behält die blaue Flotte nach der Verschiebung; terminate entfernt sie.</translation>
    </message>
    <message>
        <source>Seconds before the blue fleet is terminated.</source>
        <translation>Sekunden, bevor die blaue Flotte beendet wird.</translation>
    </message>
    <message>
        <source>Roll back automatically when the deployment fails or an alarm fires.</source>
        <translation>Automatisch zurücksetzen, wenn die Bereitstellung fehlschlägt oder ein Alarm auslöst.</translation>
    </message>
    <message>
        <source>Whether automatic rollback is on.</source>
        <translation>Ob das automatische Zurücksetzen aktiv ist.</translation>
    </message>
    <message>
        <source>Events that trigger a rollback, e.g. DEPLOYMENT_FAILURE.</source>
        <translation>Ereignisse, die ein Zurücksetzen auslösen, z. B. DEPLOYMENT_FAILURE.</translation>
    </message>
    <message>
        <source>Error-rate alarm measured at the router; stops the deployment.</source>
        <translation>Fehlerquoten-Alarm, am Router gemessen; hält die Bereitstellung an.</translation>
    </message>
    <message>
        <source>Share of 5xx answers over the window that raises the alarm.</source>
        <translation>Anteil der 5xx-Antworten im Zeitfenster, ab dem der Alarm auslöst.</translation>
    </message>
    <message>
        <source>Seconds over which the error rate is measured.</source>
        <translation>Sekunden, über die die Fehlerquote gemessen wird.</translation>
    </message>
    <message>
        <source>true lets a failing ApplicationStop script pass.</source>
        <translation>true lässt ein fehlschlagendes ApplicationStop-Skript durchgehen.</translation>
    </message>
    <message>
        <source>Default for files that already exist when the appspec sets none.</source>
        <translation>Vorgabe für bereits vorhandene Dateien, wenn die AppSpec keine setzt.</translation>
    </message>
    <message>
        <source>Revisions kept per group for rollbacks.</source>
        <translation>Pro Gruppe aufbewahrte Revisionen für das Zurücksetzen.</translation>
    </message>
    <message>
        <source>Where parameter-store and secrets-manager names resolve locally.</source>
        <translation>Wo Namen aus parameter-store und secrets-manager lokal aufgelöst werden.</translation>
    </message>
    <message>
        <source>NAME=VALUE file outside the repository with the secret values.</source>
        <translation>NAME=WERT-Datei außerhalb des Repositorys mit den geheimen Werten.</translation>
    </message>
    <message>
        <source>true also takes secret values from the process environment.</source>
        <translation>true übernimmt geheime Werte auch aus der Prozessumgebung.</translation>
    </message>
    <message>
        <source>AWS documentation</source>
        <translation>AWS-Dokumentation</translation>
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
    <message>
        <source>Run as</source>
        <translation>Ausführen als</translation>
    </message>
    <message>
        <source>(the default user)</source>
        <translation>(der Standardbenutzer)</translation>
    </message>
    <message>
        <source>Git credential helper</source>
        <translation>Git-Anmeldehilfe</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Parameter Store</source>
        <translation>Parameter Store</translation>
    </message>
    <message>
        <source>Secrets Manager</source>
        <translation>Secrets Manager</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>Bei Fehler</translation>
    </message>
    <message>
        <source>(the build's user)</source>
        <translation>(der Benutzer des Builds)</translation>
    </message>
    <message>
        <source>Runtime versions</source>
        <translation>Laufzeitversionen</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>Finally</source>
        <translation>Abschließend</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Report group</source>
        <translation>Berichtsgruppe</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Discard paths</source>
        <translation>Pfade verwerfen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Files of the group</source>
        <translation>Dateien der Gruppe</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Exclude paths</source>
        <translation>Ausgeschlossene Pfade</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Secondary artifacts</source>
        <translation>Sekundäre Artefakte</translation>
    </message>
    <message>
        <source>Files of the secondary artifact</source>
        <translation>Dateien des sekundären Artefakts</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>(no key: one cache)</source>
        <translation>(kein Schlüssel: ein Cache)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Pfade</translation>
    </message>
    <message>
        <source>Fallback keys</source>
        <translation>Ersatzschlüssel</translation>
    </message>
</context>
<context>
    <name>pw::DeploymentController</name>
    <message>
        <source>%1 binds no deployment group %2 of application %3</source>
        <translation>%1 bindet keine Bereitstellungsgruppe %2 der Anwendung %3</translation>
    </message>
</context>
<context>
    <name>pw::DeploymentGroupPage</name>
    <message>
        <source>Traffic at the router</source>
        <translation>Datenverkehr am Router</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Lifecycle events</source>
        <translation>Lebenszyklusereignisse</translation>
    </message>
    <message>
        <source>Click a lifecycle event to see its script log.</source>
        <translation>Klicken Sie auf ein Lebenszyklusereignis, um sein Skriptprotokoll zu sehen.</translation>
    </message>
    <message>
        <source>Script log</source>
        <translation>Skriptprotokoll</translation>
    </message>
    <message>
        <source>Redeploy</source>
        <translation>Erneut bereitstellen</translation>
    </message>
    <message>
        <source>Deploy the selected deployment&apos;s revision again</source>
        <translation>Die Revision der ausgewählten Bereitstellung erneut bereitstellen</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Deployment history</source>
        <translation>Bereitstellungsverlauf</translation>
    </message>
    <message>
        <source>Lifecycle events of %1</source>
        <translation>Lebenszyklusereignisse von %1</translation>
    </message>
    <message>
        <source>Script log of %1, %2</source>
        <translation>Skriptprotokoll von %1, %2</translation>
    </message>
    <message>
        <source>No earlier successful deployment to roll back to</source>
        <translation>Keine frühere erfolgreiche Bereitstellung, auf die zurückgesetzt werden kann</translation>
    </message>
    <message>
        <source>Deploy the last successful revision again (%1)</source>
        <translation>Die letzte erfolgreiche Revision erneut bereitstellen (%1)</translation>
    </message>
    <message>
        <source>%1 is done by the engine itself and runs no script.</source>
        <translation>%1 führt die Engine selbst aus; es läuft kein Skript.</translation>
    </message>
    <message>
        <source>%1 has printed nothing yet.</source>
        <translation>%1 hat noch nichts ausgegeben.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the running deployment: nothing new starts, scripts get SIGTERM</source>
        <translation>Die laufende Bereitstellung stoppen: nichts Neues startet, Skripte erhalten SIGTERM</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Shift traffic to the replacement fleet now</source>
        <translation>Den Datenverkehr jetzt auf die Ersatzflotte umleiten</translation>
    </message>
</context>
<context>
    <name>pw::DeploymentHeader</name>
    <message>
        <source>No deployment yet</source>
        <translation>Noch keine Bereitstellung</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>%1% traffic on replacement</source>
        <translation>%1 % des Datenverkehrs auf der Ersatzflotte</translation>
    </message>
    <message>
        <source>%1 of %2 instances done · %3%</source>
        <translation>%1 von %2 Instanzen fertig · %3 %</translation>
    </message>
</context>
<context>
    <name>pw::DeploymentHistoryModel</name>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>Configuration %1, %2</source>
        <translation>Konfiguration %1, %2</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
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
        <source>Initiated by</source>
        <translation>Ausgelöst von</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
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
    <name>pw::InstanceGridModel</name>
    <message>
        <source>rev %1</source>
        <translation>Rev. %1</translation>
    </message>
    <message>
        <source>%1 (%2 fleet, port %3): %4</source>
        <translation>%1 (Flotte %2, Port %3): %4</translation>
    </message>
</context>
<context>
    <name>pw::LifecycleTimelineModel</name>
    <message>
        <source>Lifecycle event</source>
        <translation>Lebenszyklusereignis</translation>
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
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>pw::LogPane</name>
    <message>
        <source>%L1 of about %L2 lines</source>
        <translation>%L1 von etwa %L2 Zeilen</translation>
    </message>
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
    <message>
        <source>No pipeline to run</source>
        <translation>Keine Pipeline zum Ausführen</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>%1 läuft</translation>
    </message>
    <message>
        <source>Build %1 is not in the history yet</source>
        <translation>Build %1 ist noch nicht im Verlauf</translation>
    </message>
    <message>
        <source>Run &amp;Pipeline</source>
        <translation>&amp;Pipeline ausführen</translation>
    </message>
    <message>
        <source>Run the current pipeline, or the workspace's pipeline.yml (Ctrl+Shift+B)</source>
        <translation>Die aktuelle Pipeline oder die pipeline.yml des Arbeitsbereichs ausführen (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Run Pipeline</source>
        <translation>Pipeline ausführen</translation>
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
    <message>
        <source>The text changed meanwhile; the graph now shows it.</source>
        <translation>Der Text hat sich inzwischen geändert; der Graph zeigt ihn jetzt.</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
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
    <name>pw::TrafficPanel</name>
    <message>
        <source>Original req/s</source>
        <translation>Original Anfr./s</translation>
    </message>
    <message>
        <source>Replacement req/s</source>
        <translation>Ersatz Anfr./s</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>No requests at the router yet</source>
        <translation>Noch keine Anfragen am Router</translation>
    </message>
    <message>
        <source>%1 req/s  ·  %2 errors/s  ·  p99 %3 ms</source>
        <translation>%1 Anfr./s  ·  %2 Fehler/s  ·  p99 %3 ms</translation>
    </message>
</context>
<context>
    <name>pw::TrafficSplitBar</name>
    <message>
        <source>Configured: %1% to the replacement fleet</source>
        <translation>Konfiguriert: %1 % an die Ersatzflotte</translation>
    </message>
    <message>
        <source>Original %1%</source>
        <translation>Original %1 %</translation>
    </message>
    <message>
        <source>Replacement %1%</source>
        <translation>Ersatz %1 %</translation>
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
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>No build %1 in the history</source>
        <translation>Kein Build %1 im Verlauf</translation>
    </message>
    <message>
        <source>Reports (%1 failed)</source>
        <translation>Berichte (%1 fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Reports (%1)</source>
        <translation>Berichte (%1)</translation>
    </message>
    <message>
        <source>Artifacts (%1)</source>
        <translation>Artefakte (%1)</translation>
    </message>
    <message>
        <source>%1 tests, %2 failed</source>
        <translation>%1 Tests, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>1 artifact</source>
        <translation>1 Artefakt</translation>
    </message>
    <message>
        <source>%1 artifacts</source>
        <translation>%1 Artefakte</translation>
    </message>
    <message>
        <source>1 exported variable</source>
        <translation>1 exportierte Variable</translation>
    </message>
    <message>
        <source>%1 exported variables</source>
        <translation>%1 exportierte Variablen</translation>
    </message>
</context>
<context>
    <name>pw::BuildLauncher</name>
    <message>
        <source>Cannot open the build history: %1</source>
        <translation>Der Build-Verlauf lässt sich nicht öffnen: %1</translation>
    </message>
</context>
<context>
    <name>pw::ReportsModel</name>
    <message>
        <source>lines %1, branches %2</source>
        <translation>Zeilen %1, Zweige %2</translation>
    </message>
    <message>
        <source>The report file is gone; failed cases cannot be listed</source>
        <translation>Die Berichtsdatei fehlt; fehlgeschlagene Fälle lassen sich nicht auflisten</translation>
    </message>
    <message>
        <source>Report / failed case</source>
        <translation>Bericht / fehlgeschlagener Fall</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>pw::ArtifactsPane</name>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Show the folder holding the selected artifact</source>
        <translation>Den Ordner des gewählten Artefakts zeigen</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>Exported variables</source>
        <translation>Exportierte Variablen</translation>
    </message>
    <message>
        <source>Artifact / file</source>
        <translation>Artefakt / Datei</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <source>%1 (%2 files)</source>
        <translation>%1 (%2 Dateien)</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>pw::HistoryModel</name>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Source version</source>
        <translation>Quellversion</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>pw::HistoryPanel</name>
    <message>
        <source>Double-click a build to open it</source>
        <translation>Doppelklick öffnet den Build</translation>
    </message>
    <message>
        <source>Filter builds</source>
        <translation>Builds filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>pw::BuildMonitor</name>
    <message>
        <source>Build history</source>
        <translation>Build-Verlauf</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Build finished</source>
        <translation>Build beendet</translation>
    </message>
</context>
<context>
    <name>pw::ActionInspector</name>
    <message>
        <source>Select an action to see its settings.</source>
        <translation>Wählen Sie eine Aktion, um ihre Einstellungen zu sehen.</translation>
    </message>
    <message>
        <source>e.g. BuildVariables</source>
        <translation>z. B. BuildVariables</translation>
    </message>
    <message>
        <source>Artifacts and variables</source>
        <translation>Artefakte und Variablen</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>configuration.%1 — cleared fields are removed from the file</source>
        <translation>configuration.%1 — geleerte Felder werden aus der Datei entfernt</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>New setting</source>
        <translation>Neue Einstellung</translation>
    </message>
    <message>
        <source>%1 · %2/%3 · runOrder %4</source>
        <translation>%1 · %2/%3 · runOrder %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;In:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Out:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Ein:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Aus:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>✔ Bound to project &lt;b&gt;%1&lt;/b&gt; (buildspec %2, source %3)</source>
        <translation>✔ Gebunden an Projekt &lt;b&gt;%1&lt;/b&gt; (Buildspec %2, Quelle %3)</translation>
    </message>
    <message>
        <source>⚠ No project “%1” in workspace.yml: this action cannot run locally until one is bound.</source>
        <translation>⚠ Kein Projekt „%1“ in workspace.yml: Diese Aktion kann lokal erst laufen, wenn eines gebunden ist.</translation>
    </message>
    <message numerus="yes">
        <source>✔ Bound to deployment group &lt;b&gt;%1/%2&lt;/b&gt; (%n instance(s))</source>
        <translation><numerusform>✔ Gebunden an Bereitstellungsgruppe &lt;b&gt;%1/%2&lt;/b&gt; (%n Instanz)</numerusform><numerusform>✔ Gebunden an Bereitstellungsgruppe &lt;b&gt;%1/%2&lt;/b&gt; (%n Instanzen)</numerusform></translation>
    </message>
    <message>
        <source>⚠ No deployment group “%1/%2” in workspace.yml.</source>
        <translation>⚠ Keine Bereitstellungsgruppe „%1/%2“ in workspace.yml.</translation>
    </message>
    <message>
        <source>git %1</source>
        <translation>git %1</translation>
    </message>
    <message>
        <source>, branch %1</source>
        <translation>, Branch %1</translation>
    </message>
    <message>
        <source>✔ Bound to source &lt;b&gt;%1&lt;/b&gt;: %2%3</source>
        <translation>✔ Gebunden an Quelle &lt;b&gt;%1&lt;/b&gt;: %2%3</translation>
    </message>
    <message>
        <source>⚠ No source “%1” in workspace.yml.</source>
        <translation>⚠ Keine Quelle „%1“ in workspace.yml.</translation>
    </message>
    <message>
        <source>Waits for Approve or Reject here or from &lt;code&gt;pipewright-cli approve&lt;/code&gt;.</source>
        <translation>Wartet auf Genehmigen oder Ablehnen hier oder über &lt;code&gt;pipewright-cli approve&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Runs the command locally with the input artifacts.</source>
        <translation>Führt den Befehl lokal mit den Eingabeartefakten aus.</translation>
    </message>
    <message>
        <source>⚠ The provider %1 has no local stand-in.</source>
        <translation>⚠ Der Anbieter %1 hat keinen lokalen Ersatz.</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>Double-click the card to open this build.</source>
        <translation>Doppelklick auf die Karte öffnet diesen Build.</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <source>Set namespace</source>
        <translation>Namensraum setzen</translation>
    </message>
</context>
<context>
    <name>pw::ApprovalBar</name>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Kommentar (optional)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 / %2&lt;/b&gt; is waiting for approval</source>
        <translation>&lt;b&gt;%1 / %2&lt;/b&gt; wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>review</source>
        <translation>prüfen</translation>
    </message>
</context>
<context>
    <name>pw::ExecutionListModel</name>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>pw::PipelineRunSession</name>
    <message>
        <source>Cannot open the run history in %1: %2</source>
        <translation>Der Ausführungsverlauf in %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The pipeline has errors (line %1: %2)</source>
        <translation>Die Pipeline enthält Fehler (Zeile %1: %2)</translation>
    </message>
    <message>
        <source>Stopped from the app</source>
        <translation>In der App gestoppt</translation>
    </message>
</context>
<context>
    <name>pw::PipelineWorkbench</name>
    <message>
        <source>Run Pipeline</source>
        <translation>Pipeline ausführen</translation>
    </message>
    <message>
        <source>Start an execution of this pipeline (Ctrl+Shift+B)</source>
        <translation>Eine Ausführung dieser Pipeline starten (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Not run in this session</source>
        <translation>In dieser Sitzung nicht ausgeführt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Executions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ausführungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 is not waiting for approval</source>
        <translation>%1 wartet nicht auf Genehmigung</translation>
    </message>
    <message>
        <source>Approved %1</source>
        <translation>%1 genehmigt</translation>
    </message>
    <message>
        <source>Rejected %1</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>Execution &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;&lt;span style='color:%2'&gt;● %3&lt;/span&gt; &amp;nbsp;%4 s</source>
        <translation>Ausführung &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;&lt;span style='color:%2'&gt;● %3&lt;/span&gt; &amp;nbsp;%4 s</translation>
    </message>
</context>
<context>
    <name>pw::AppspecForm</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Existing files</source>
        <translation>Vorhandene Dateien</translation>
    </message>
    <message>
        <source>Files and permissions</source>
        <translation>Dateien und Berechtigungen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Hooks</source>
        <translation>Hooks</translation>
    </message>
    <message>
        <source>Lifecycle events in the order an EC2/On-Premises deployment runs them. Events that need a load balancer run only in groups that have one.</source>
        <translation>Lebenszyklusereignisse in der Reihenfolge, in der eine EC2/On-Premises-Bereitstellung sie ausführt. Ereignisse, die einen Load Balancer brauchen, laufen nur in Gruppen mit einem.</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Timeout (s)</source>
        <translation>Zeitlimit (s)</translation>
    </message>
    <message>
        <source>Run as</source>
        <translation>Ausführen als</translation>
    </message>
    <message>
        <source>These hooks name Lambda functions (ECS or Lambda deployment); edit them in the Source view.</source>
        <translation>Diese Hooks nennen Lambda-Funktionen (ECS- oder Lambda-Bereitstellung); bearbeiten Sie sie in der Quelltextansicht.</translation>
    </message>
</context>
<context>
    <name>pw::DeploymentGroupEditor</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Load Balancer</translation>
    </message>
    <message>
        <source>Blue/green</source>
        <translation>Blue/Green</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Existing files</source>
        <translation>Vorhandene Dateien</translation>
    </message>
    <message>
        <source>Revisions kept</source>
        <translation>Aufbewahrte Revisionen</translation>
    </message>
    <message>
        <source>Router port</source>
        <translation>Router-Port</translation>
    </message>
    <message>
        <source>(no load balancer)</source>
        <translation>(kein Load Balancer)</translation>
    </message>
    <message>
        <source>Health check path</source>
        <translation>Pfad der Zustandsprüfung</translation>
    </message>
    <message>
        <source>Expected status</source>
        <translation>Erwarteter Status</translation>
    </message>
    <message>
        <source>Interval (s)</source>
        <translation>Intervall (s)</translation>
    </message>
    <message>
        <source>Healthy threshold</source>
        <translation>Schwelle fehlerfrei</translation>
    </message>
    <message>
        <source>Unhealthy threshold</source>
        <translation>Schwelle fehlerhaft</translation>
    </message>
    <message>
        <source>Replacement instances</source>
        <translation>Ersatzinstanzen</translation>
    </message>
    <message>
        <source>Traffic shift</source>
        <translation>Traffic-Verschiebung</translation>
    </message>
    <message>
        <source>Percent per step</source>
        <translation>Prozent je Schritt</translation>
    </message>
    <message>
        <source>Step interval (s)</source>
        <translation>Schrittintervall (s)</translation>
    </message>
    <message>
        <source>When ready</source>
        <translation>Wenn bereit</translation>
    </message>
    <message>
        <source>Original fleet</source>
        <translation>Ursprüngliche Flotte</translation>
    </message>
    <message>
        <source>Termination wait (s)</source>
        <translation>Wartezeit bis Beenden (s)</translation>
    </message>
    <message>
        <source>Automatic rollback</source>
        <translation>Automatisches Zurücksetzen</translation>
    </message>
    <message>
        <source>Rollback events</source>
        <translation>Ereignisse für Zurücksetzen</translation>
    </message>
    <message>
        <source>Alarm error rate</source>
        <translation>Alarm-Fehlerquote</translation>
    </message>
    <message>
        <source>Alarm window (s)</source>
        <translation>Alarm-Zeitfenster (s)</translation>
    </message>
    <message>
        <source>Ignore ApplicationStop failures</source>
        <translation>ApplicationStop-Fehler ignorieren</translation>
    </message>
</context>
<context>
    <name>pw::FormFields</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
</context>
<context>
    <name>pw::FormPage</name>
    <message>
        <source>The text has YAML errors, so the form is read-only until they are fixed in the Source view. Nothing in the text was changed.</source>
        <translation>Der Text enthält YAML-Fehler, daher ist das Formular schreibgeschützt, bis sie in der Quelltextansicht behoben sind. Am Text wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Changes here are written into the text as small edits; comments and formatting elsewhere stay as they are.</source>
        <translation>Änderungen hier werden als kleine Bearbeitungen in den Text geschrieben; Kommentare und Formatierung bleiben an anderer Stelle unverändert.</translation>
    </message>
</context>
<context>
    <name>pw::KeyValueTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>pw::ListEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
</context>
<context>
    <name>pw::RecordTableModel</name>
    <message>
        <source>Lists and nested settings are edited in the Source view.</source>
        <translation>Listen und verschachtelte Einstellungen werden in der Quelltextansicht bearbeitet.</translation>
    </message>
</context>
<context>
    <name>pw::WorkspaceForm</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Secrets file</source>
        <translation>Datei mit Geheimnissen</translation>
    </message>
    <message>
        <source>(none: secrets come from the environment only)</source>
        <translation>(keine: Geheimnisse kommen nur aus der Umgebung)</translation>
    </message>
    <message>
        <source>Secrets from environment</source>
        <translation>Geheimnisse aus der Umgebung</translation>
    </message>
    <message>
        <source>Build projects</source>
        <translation>Build-Projekte</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Buildspec</source>
        <translation>Buildspec</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Timeout (min)</source>
        <translation>Zeitlimit (min)</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Secondary sources</source>
        <translation>Sekundäre Quellen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Name in the pipeline</source>
        <translation>Name in der Pipeline</translation>
    </message>
    <message>
        <source>Git repository</source>
        <translation>Git-Repository</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>File or folder</source>
        <translation>Datei oder Ordner</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Deployment group</source>
        <translation>Bereitstellungsgruppe</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Deployment groups</source>
        <translation>Bereitstellungsgruppen</translation>
    </message>
</context>
<context>
    <name>pw::CommandDelegate</name>
    <message>
        <source>Ctrl+Return to apply, Escape to cancel</source>
        <translation>Strg+Eingabe übernimmt, Escape bricht ab</translation>
    </message>
</context>
<context>
    <name>pw::DeploymentsHub</name>
    <message>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
    <message>
        <source>&amp;Deployments</source>
        <translation>&amp;Bereitstellungen</translation>
    </message>
    <message>
        <source>No deployment groups in .pipewright/workspace.yml</source>
        <translation>Keine Bereitstellungsgruppen in .pipewright/workspace.yml</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Deploy Workspace to %1</source>
        <translation>Arbeitsbereich nach %1 bereitstellen</translation>
    </message>
    <message>
        <source>A deployment to %1 is already running</source>
        <translation>Eine Bereitstellung nach %1 läuft bereits</translation>
    </message>
    <message>
        <source>Could not start a deployment to %1</source>
        <translation>Die Bereitstellung nach %1 konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Deploying %1 to %2</source>
        <translation>%1 wird nach %2 bereitgestellt</translation>
    </message>
</context>
</TS>