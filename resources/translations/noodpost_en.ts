<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/alarm_form.py" line="+260"/>
        <source>Bevestigen</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Noodmelding van {post}: {type}, {urgency}. De post ziet uw bevestiging.</source>
        <translation>Alarm from {post}: {type}, {urgency}. The post will see your acknowledgement.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bijvoorbeeld: ambulance is onderweg</source>
        <translation>for example: ambulance is on its way</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;otitie voor de post</source>
        <translation>N&amp;ote for the post</translation>
    </message>
</context>
<context>
    <name>AlarmAlert</name>
    <message>
        <location filename="../../noodpost/gui/alarm_alert.py" line="+168"/>
        <source>Noodmelding — Noodpost</source>
        <extracomment>How often the pop-up looks at the clock for alarms that waited too long.</extracomment>
        <translation>Alarm — Noodpost</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Bevestigen…</source>
        <translation>&amp;Acknowledge…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Naar &amp;Meldingen</source>
        <translation>&amp;Go to Alarms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Verbergen</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Komt terug bij een nieuwe noodmelding of als een melding te lang wacht.</source>
        <translation>Comes back with a new alarm or when an alarm waits too long.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>ESCALATIE — {n} te lang niet bevestigd</source>
        <translation>ESCALATION — {n} not acknowledged for too long</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NOODMELDING — nog niet bevestigd</source>
        <translation>ALARM — not yet acknowledged</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NOODMELDINGEN — {n} nog niet bevestigd</source>
        <translation>ALARMS — {n} not yet acknowledged</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>1 persoon</source>
        <translation>1 person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} personen</source>
        <translation>{n} people</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>ESCALATIE: %n min niet bevestigd</source>
        <translation>
            <numerusform>ESCALATION: not acknowledged for %n min</numerusform>
            <numerusform>ESCALATION: not acknowledged for %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmForm</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/alarm_form.py" line="-233"/>
        <source>&amp;Brandweer</source>
        <translation>&amp;Fire brigade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Politie</source>
        <translation>&amp;Police</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ambulance</source>
        <translation>&amp;Ambulance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Overig</source>
        <translation>&amp;Other</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Spoed</source>
        <translation>&amp;Immediate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hoog</source>
        <translation>&amp;High</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normaal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Noodmelding maken</source>
        <translation>Raise an alarm</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Noodmelding bevestigen</source>
        <translation>Acknowledge alarm</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Noodmelding intrekken</source>
        <translation>Withdraw alarm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noodmelding afsluiten</source>
        <translation>Close alarm</translation>
    </message>
</context>
<context>
    <name>AlarmFormDialog</name>
    <message>
        <location line="-180"/>
        <source>Noodmelding opslaan</source>
        <translation>Save alarm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noodmelding maken</source>
        <translation>Raise an alarm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bel bij levensgevaar altijd eerst 112 als dat kan. Deze melding gaat naar de C-NSP bij de eerstvolgende verbinding.</source>
        <translation>If a life is in danger, always call 112 first if you can. This alarm goes to the C-NSP at the next connection.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adres, zaal of ruimte</source>
        <translation>Address, hall or room</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wat is er aan de hand? (kort)</source>
        <translation>What is happening? (briefly)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wie is er nodig?</source>
        <translation>Who is needed?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waar?</source>
        <translation>&amp;Where?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aan&amp;tal personen</source>
        <translation>Number of &amp;people</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omsch&amp;rijving</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Noodmelding niet opslaan?</source>
        <translation>Discard this alarm?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deze noodmelding is nog niet opgeslagen en gaat dan niet naar de C-NSP. Wat u invulde, gaat verloren.</source>
        <translation>This alarm has not been saved and will then not go to the C-NSP. What you filled in will be lost.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Niet opslaan</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terug naar de melding</source>
        <translation>Back to the alarm</translation>
    </message>
</context>
<context>
    <name>AlarmNoteDialog</name>
    <message>
        <location line="+108"/>
        <source>Intrekken</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Afsluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waarom wordt deze noodmelding ingetrokken? De reden wordt bewaard.</source>
        <translation>Why is this alarm being withdrawn? The reason is kept.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De noodmelding is afgehandeld. Een notitie is niet verplicht.</source>
        <translation>The alarm has been dealt with. A note is optional.</translation>
    </message>
</context>
<context>
    <name>AlarmsPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/alarms.py" line="+84"/>
        <source>Meldingen</source>
        <extracomment>(hub) How often the inbox looks again at the time, for alarms that escalate while it waits.</extracomment>
        <translation>Alarms</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Noodmeldingen van alle posten. Bevestig een melding zodra de meldkamer of de hulpdienst is ingeschakeld; de post ziet uw bevestiging.</source>
        <translation>Alarms from all posts. Acknowledge an alarm as soon as the dispatch centre or the emergency service has been called in; the post will see your acknowledgement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noodmeldingen van deze post aan de C-NSP. Een melding blijft rood tot de C-NSP hem heeft bevestigd.</source>
        <translation>Alarms from this post to the C-NSP. An alarm stays red until the C-NSP has acknowledged it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noodmelding maken…</source>
        <translation>Raise an alarm…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Verloop</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bevestigen…</source>
        <translation>Acknowledge…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Afsluiten…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Intrekken…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wie nodig</source>
        <translation>Who is needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bevestigd door</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Plek</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (tegenstrijdig)</source>
        <translation> (contradictory)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>ESCALATIE: %n min niet bevestigd</source>
        <translation>
            <numerusform>ESCALATION: not acknowledged for %n min</numerusform>
            <numerusform>ESCALATION: not acknowledged for %n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+185"/>
        <source>Nog geen noodmeldingen.</source>
        <translation>No alarms yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nog geen noodmeldingen. Gebruik ‘Noodmelding maken…’ als er hulp nodig is.</source>
        <translation>No alarms yet. Use ‘Raise an alarm…’ when help is needed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>aantal personen onbekend</source>
        <translation>number of people unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 persoon</source>
        <translation>1 person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} personen</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Post: {post}</source>
        <translation>Post: {post}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plek: {place}</source>
        <translation>Place: {place}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Omschrijving: {text}</source>
        <translation>Description: {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status: &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation>Status: &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bevestigd door {name} om {time}</source>
        <translation>Acknowledged by {name} at {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notitie: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>NIET VERSTUURD: deze post is nog niet gekoppeld aan een C-NSP, dus deze melding kan de post niet verlaten. Koppel de post zodra het kan op het scherm Synchronisatie (‘Koppelbestand inlezen…’). Lees dit nu voor over de radio aan de C-NSP:</source>
        <translation>NOT SENT: this post is not yet paired with a C-NSP, so this alarm cannot leave the post. Pair the post as soon as you can on the Synchronisation screen (‘Read pairing file…’). Read this out to the C-NSP over the radio now:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>NOG NIET BEVESTIGD door de C-NSP. Geen verbinding? Lees dit voor over de radio:</source>
        <translation>NOT YET ACKNOWLEDGED by the C-NSP. No connection? Read this out over the radio:</translation>
    </message>
</context>
<context>
    <name>AlarmsService</name>
    <message>
        <location filename="../../noodpost/services/alarms.py" line="+167"/>
        <source>{what} is te lang (hooguit {most} tekens). Maak de tekst korter.</source>
        <extracomment>Statuses in which an alarm still needs attention. When the alarm was raised, or — without ``raised_at`` — when its event was written.</extracomment>
        <translation>{what} is too long (at most {most} characters). Make the text shorter.</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Kies wie er nodig is: brandweer, politie, ambulance of overig.</source>
        <extracomment>The statuses in which an alarm has had its acknowledgement.</extracomment>
        <translation>Choose who is needed: fire brigade, police, ambulance or other.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kies als urgentie spoed, hoog of normaal.</source>
        <translation>Choose urgent, high or normal as the urgency.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vul het aantal betrokken personen in (1 of meer), of laat het leeg.</source>
        <translation>Enter the number of people involved (1 or more), or leave it empty.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>De plek</source>
        <translation>The place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De omschrijving</source>
        <translation>The description</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vul in waar de hulp nodig is (adres, zaal of ruimte).</source>
        <translation>Enter where help is needed (address, hall or room).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>De naam</source>
        <translation>The name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vul in wie de noodmelding bevestigt.</source>
        <translation>Enter who acknowledges the alarm.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vul in waarom de noodmelding wordt ingetrokken.</source>
        <translation>Enter why the alarm is being cancelled.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>De notitie</source>
        <translation>The note</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Deze noodmelding is al bevestigd door {name} om {time}. U hoeft niets meer te doen; de post ziet die bevestiging.</source>
        <translation>This alarm was already acknowledged by {name} at {time}. You need do nothing more; the post sees that acknowledgement.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deze noodmelding is niet bekend.</source>
        <translation>This alarm is not known.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../noodpost/app.py" line="+202"/>
        <source>In deze database op de server is nog geen C-NSP ingericht. Richt het C-NSP eerst in op de server (noodpost init --role hub --database postgresql://…) en start deze werkplek daarna opnieuw.</source>
        <translation>No C-NSP has been set up in this database on the server yet. First set up the C-NSP on the server (noodpost init --role hub --database postgresql://…), then start this workstation again.</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>De map {folder} bevat nog geen noodsteunpunt. Richt het eerst in met &apos;noodpost init --role post --name NAAM --code CODE&apos;.</source>
        <translation>The folder {folder} does not hold a post yet. Set it up first with &apos;noodpost init --role post --name NAME --code CODE&apos;.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Kies een aantal formulieren tussen 1 en {most}.</source>
        <translation>Choose a number of forms between 1 and {most}.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../../noodpost/core/audit.py" line="+35"/>
        <source>ingericht</source>
        <translation>set up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inlog</source>
        <translation>sign-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inloggen geblokkeerd</source>
        <translation>sign-in blocked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>koppelbestand gemaakt</source>
        <translation>pairing file made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hub gekoppeld</source>
        <translation>hub paired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>post goedgekeurd</source>
        <translation>post approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sleutel van post vervangen</source>
        <translation>post&apos;s key replaced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundel ingelezen</source>
        <translation>bundle read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundel geschreven</source>
        <translation>bundle written</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back-up</source>
        <translation>backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back-up teruggezet</source>
        <translation>backup restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>persoonslijst bekeken</source>
        <translation>list of persons viewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>veilig-en-wel gezocht</source>
        <translation>safe and well searched</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>huishouden gezocht</source>
        <translation>household searched</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>persoonsgegevens geanonimiseerd</source>
        <translation>personal data anonymised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hulp bij terugzetten zonder herstelcode</source>
        <translation>help with a restore without recovery code</translation>
    </message>
</context>
<context>
    <name>AuditViewDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/audit_view.py" line="+45"/>
        <source>gelukt</source>
        <extracomment>How many of the newest entries the list shows.</extracomment>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEWEIGERD</source>
        <translation>REFUSED</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MISLUKT</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Noodpost — auditlogboek</source>
        <translation>Noodpost — audit log</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auditlogboek</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wie deed wat, wanneer: inlogpogingen, bekeken persoonslijsten, exports, bundels, koppelingen, goedkeuringen en anonimiseringen. Nieuwste eerst. Regels kunnen niet worden gewijzigd of verwijderd zonder dat de controle het ziet.</source>
        <translation>Who did what, and when: sign-ins, viewed lists of people, exports, bundles, pairings, approvals and anonymisations. Newest first. Lines cannot be changed or deleted without the check noticing.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handeling</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waarop</source>
        <translation>On what</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Keten controleren</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(systeem of opdrachtregel)</source>
        <translation>(system or command line)</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Intact: %n regel(s) gecontroleerd, niets gewijzigd of verwijderd.</source>
        <translation>
            <numerusform>Intact: %n line checked, nothing changed or deleted.</numerusform>
            <numerusform>Intact: %n lines checked, nothing changed or deleted.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>NIET INTACT: regel %1 %2. Meld dit aan de coördinator van de regio; laat de laptop verder ongemoeid.</source>
        <translation>NOT INTACT: line %1 %2. Report this to the region&apos;s coordinator; otherwise leave the laptop alone.</translation>
    </message>
</context>
<context>
    <name>BackupFolderField</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/backup_folder.py" line="+22"/>
        <source>geen (alleen op deze laptop)</source>
        <translation>none (only on this laptop)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back-ups gaan elk kwartier naar deze laptop. Kies een map op een USB-stick voor een tweede kopie; zit de stick er niet in, dan ziet u dat onderin.</source>
        <translation>Backups go to this laptop every quarter of an hour. Choose a folder on a USB stick for a second copy; if the stick is not plugged in, you will see that at the bottom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kiezen…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Map voor back-ups op de USB-stick</source>
        <translation>Folder for backups on the USB stick</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <location filename="../../noodpost/services/backup.py" line="+57"/>
        <source>Alleen een coördinator kan een back-up terugzetten. Vraag de coördinator van dienst.</source>
        <extracomment>The node&apos;s private keys (as :mod:`noodpost.sync.keys` names the folder). Setting row: what the database held at the last backup (``&lt;events&gt;:&lt;last audit id&gt;``).</extracomment>
        <translation>Only a coordinator can restore a backup. Ask the coordinator on duty.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>USB-map</source>
        <translation>USB folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deze laptop</source>
        <translation>this laptop</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Er is geen back-up gemaakt.</source>
        <translation>No backup was made.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back-up gemaakt: {names}.</source>
        <translation>Backup made: {names}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>De vorige database staat opzij als {aside}; die wordt nooit verwijderd.</source>
        <translation>The previous database has been set aside as {aside}; it is never deleted.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back-up {backup} is teruggezet ({post}).{kept} Wat na deze back-up is ingevoerd en al naar de C-NSP was gestuurd, komt bij de volgende synchronisatie terug.</source>
        <translation>Backup {backup} has been restored ({post}).{kept} What was entered after this backup and already sent to the C-NSP comes back with the next sync.</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>De database is net teruggezet; start Noodpost opnieuw voordat u een back-up maakt.</source>
        <translation>The database has just been restored; restart Noodpost before you make a backup.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>De USB-map {usb} is er niet: daar is deze keer geen back-up gemaakt (wel op deze laptop). Steek de USB-stick erin; de volgende back-up gaat er dan weer heen.</source>
        <translation>The USB folder {usb} is not there: no backup was made there this time (one was made on this laptop). Plug in the USB stick; the next backup will go there again.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>De database {database} is beschadigd: de controle bij het starten vond fouten. Noodpost laat het bestand onaangeroerd, zodat er niets verder kapotgaat.</source>
        <translation>The database {database} is damaged: the check at start-up found errors. Noodpost leaves the file untouched, so that nothing else breaks.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Er is geen goede back-up gevonden. Meld dit aan de coördinator of de beheerder en neem deze laptop niet verder in gebruik voor registratie.</source>
        <translation>No good backup was found. Report this to the coordinator or the administrator and stop using this laptop for registration.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>De nieuwste goede back-up is van {when} ({name}). Zet die terug; wat daarna is ingevoerd en al naar de C-NSP was gestuurd, komt bij de volgende synchronisatie terug. Het beschadigde bestand wordt bewaard.</source>
        <translation>The newest good backup is from {when} ({name}). Restore it; what was entered after that and already sent to the C-NSP comes back with the next sync. The damaged file is kept.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{message} Opdracht: noodpost --data-dir {folder} restore {backup}</source>
        <translation>{message} Command: noodpost --data-dir {folder} restore {backup}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>De oude database heet nu {name} en wordt niet meer gebruikt.</source>
        <translation>The old database is now called {name} and is no longer used.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gebruik de oude map {folder} niet meer.</source>
        <translation>Do not use the old folder {folder} any more.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De gegevens staan nu in {target}, op de eigen schijf van deze laptop. {old} Start Noodpost voortaan zonder --data-dir (of met --data-dir {target}).</source>
        <translation>The data is now in {target}, on this laptop&apos;s own disk. {old} From now on, start Noodpost without --data-dir (or with --data-dir {target}).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Er is geen database in {folder} om te verplaatsen.</source>
        <translation>There is no database in {folder} to move.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In {folder} staat al een noodsteunpunt; dat wordt nooit overschreven. Kies een andere map met --data-dir.</source>
        <translation>{folder} already holds a post; it is never overwritten. Choose another folder with --data-dir.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>De sleutels of instellingen konden niet naar {folder} worden gekopieerd ({reason}). Er is niets verplaatst.</source>
        <translation>The keys or settings could not be copied to {folder} ({reason}). Nothing has been moved.</translation>
    </message>
</context>
<context>
    <name>BackupStorage</name>
    <message>
        <location filename="../../noodpost/storage/backup.py" line="+249"/>
        <source>lees- of schrijffout</source>
        <extracomment>Dutch words for SQLite&apos;s usual causes (those of the file system: core.errors.OS_WORDS).</extracomment>
        <translation>read or write error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schijf vol</source>
        <translation>disk full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kan niet worden geopend</source>
        <translation>cannot be opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alleen-lezen</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>geen toestemming</source>
        <translation>no permission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>beschadigd</source>
        <translation>damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>geen database</source>
        <translation>not a database</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>De back-up naar {folder} is niet gelukt</source>
        <translation>The backup to {folder} did not succeed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Er is geen half bestand achtergebleven; de database zelf is niet veranderd.</source>
        <translation>No half-written file was left behind; the database itself has not changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{lead}: de gemaakte kopie bleek bij controle niet in orde ({reason}). {tail} Probeer het opnieuw; lukt het weer niet, dan is de database zelf misschien beschadigd: meld het aan de coördinator.</source>
        <translation>{lead}: the copy turned out not to be sound when it was checked ({reason}). {tail} Try again; if it fails again, the database itself may be damaged: tell the coordinator.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{lead}: de schijf of USB-stick is vol. {tail} Maak ruimte vrij of kies een andere map, en probeer het opnieuw.</source>
        <translation>{lead}: the disk or USB stick is full. {tail} Free up space or choose another folder, and try again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{lead}: de map bestaat niet of mag niet worden beschreven ({reason}). {tail} Controleer of de USB-stick erin zit en of de map klopt, en probeer het opnieuw.</source>
        <translation>{lead}: the folder does not exist or may not be written to ({reason}). {tail} Check that the USB stick is plugged in and that the folder is right, and try again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{lead} ({reason}). {tail} Controleer of de USB-stick of schijf er nog in zit, en probeer het opnieuw.</source>
        <translation>{lead} ({reason}). {tail} Check that the USB stick or disk is still plugged in, and try again.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>De back-up is niet gemaakt: de map {folder} bestaat niet (meer). Controleer of de USB-stick erin zit en of de map klopt, en probeer het opnieuw.</source>
        <translation>The backup was not made: the folder {folder} does not exist (any more). Check that the USB stick is plugged in and that the folder is right, and try again.</translation>
    </message>
</context>
<context>
    <name>BackupTimer</name>
    <message>
        <location filename="../../noodpost/gui/backup_timer.py" line="+87"/>
        <location line="+55"/>
        <source>Noodpost — back-up</source>
        <translation>Noodpost — backup</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>op deze laptop en de USB-stick</source>
        <translation>on this laptop and the USB stick</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op deze laptop</source>
        <translation>on this laptop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back-up gemaakt om %1 (%2).</source>
        <translation>Backup made at %1 (%2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back-up mislukt: %1</source>
        <translation>Backup failed: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>De back-up bij het afsluiten is niet gelukt. De gegevens zelf zijn veilig opgeslagen; maak bij de volgende start een back-up (menu Noodpost → Back-up maken).</source>
        <translation>The backup on closing did not work. The data itself is safely saved; make a backup at the next start (menu Noodpost → Make backup).</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <location filename="../../noodpost/gui/errors.py" line="+58"/>
        <source>Noodpost — onverwachte fout</source>
        <translation>Noodpost — unexpected error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Er ging iets mis in Noodpost.</source>
        <translation>Something went wrong in Noodpost.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wat al was opgeslagen, blijft bewaard. Probeer het nog eens; lukt het niet, meld het dan aan de coördinator of de beheerder en noem dit logbestand:</source>
        <translation>What was already saved is kept. Try again; if that does not work, tell the coordinator or the administrator and name this log file:</translation>
    </message>
</context>
<context>
    <name>BulletinForm</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/bulletin_form.py" line="+42"/>
        <source>Nieuwe mededeling</source>
        <translation>New bulletin</translation>
    </message>
</context>
<context>
    <name>BulletinFormDialog</name>
    <message>
        <location line="+4"/>
        <source>Mededeling versturen</source>
        <translation>Send bulletin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bijvoorbeeld: Drinkwater bij de brandweerkazerne</source>
        <translation>for example: Drinking water at the fire station</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wat moeten de posten weten of doen?</source>
        <translation>What do the posts need to know or do?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Geldig tot</source>
        <translation>&amp;Valid until</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Te&amp;kst</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Voor posten</source>
        <translation>For posts</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Niets aangevinkt: de mededeling gaat naar alle posten.</source>
        <translation>Nothing ticked: the bulletin goes to every post.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nog geen posten bekend: de mededeling gaat naar alle posten.</source>
        <translation>No posts known yet: the bulletin goes to every post.</translation>
    </message>
</context>
<context>
    <name>BulletinsPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/bulletins.py" line="+136"/>
        <source>{current} geldig, {expired} verlopen.</source>
        <translation>{current} valid, {expired} expired.</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Mededelingen</source>
        <translation>Bulletins</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mededelingen aan de posten. Ze gaan mee bij de volgende synchronisatie (netwerk of USB-stick).</source>
        <translation>Bulletins to the posts. They go along with the next synchronisation (network or USB stick).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mededelingen van de C-NSP, nieuwste bovenaan. Nieuwe mededelingen komen binnen bij het synchroniseren.</source>
        <translation>Bulletins from the C-NSP, newest at the top. New bulletins arrive when synchronising.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nieuwe mededeling…</source>
        <translation>New bulletin…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Nog geen mededelingen verstuurd.</source>
        <translation>No bulletins sent yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geen mededelingen van de C-NSP op dit moment.</source>
        <translation>No bulletins from the C-NSP at the moment.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n mededeling(en).</source>
        <translation>
            <numerusform>%n bulletin.</numerusform>
            <numerusform>%n bulletins.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Mededeling intrekken</source>
        <translation>Withdraw bulletin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mededeling ‘{title}’ intrekken? Die verdwijnt bij alle posten na hun volgende synchronisatie.</source>
        <translation>Withdraw bulletin ‘{title}’? It disappears at every post after their next synchronisation.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Intrekken</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Niet intrekken</source>
        <translation>Do not withdraw</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Intrekken…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Verstuurd {time}</source>
        <translation>Sent {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VERLOPEN sinds {time}</source>
        <translation>EXPIRED since {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>geldig tot {time}</source>
        <translation>valid until {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>geen einddatum</source>
        <translation>no end date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>voor: {posts}</source>
        <translation>for: {posts}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>voor: alle posten</source>
        <translation>for: all posts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>versie {n}</source>
        <translation>version {n}</translation>
    </message>
</context>
<context>
    <name>BulletinsService</name>
    <message>
        <location filename="../../noodpost/services/bulletins.py" line="+74"/>
        <source>Deze mededeling is niet bekend.</source>
        <translation>This bulletin is not known.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Deze mededeling is ingetrokken en kan niet meer worden gewijzigd.</source>
        <translation>This bulletin has been withdrawn and can no longer be changed.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Deze mededeling is al ingetrokken.</source>
        <translation>This bulletin has already been withdrawn.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mededelingen worden verstuurd door het coördinerend noodsteunpunt (C-NSP). Vraag de C-NSP om deze mededeling te versturen.</source>
        <translation>Bulletins are sent by the coordinating post (C-NSP). Ask the C-NSP to send this bulletin.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>een titel</source>
        <translation>a title</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De titel is te lang (hooguit {most} tekens).</source>
        <translation>The title is too long (at most {most} characters).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>De tekst is te lang (hooguit {most} tekens). Maak hem korter.</source>
        <translation>The text is too long (at most {most} characters). Make it shorter.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>De einddatum van de mededeling ligt in het verleden. Kies een moment in de toekomst, of laat de einddatum leeg.</source>
        <translation>The bulletin&apos;s end date is in the past. Choose a moment in the future, or leave the end date empty.</translation>
    </message>
</context>
<context>
    <name>CancelNeedDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/needs_forms.py" line="+173"/>
        <source>Hulpvraag annuleren</source>
        <translation>Cancel need</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bijvoorbeeld: dubbel ingevoerd, niet meer nodig</source>
        <translation>For example: entered twice, no longer needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <location filename="../../noodpost/gui/printing/cards.py" line="+456"/>
        <source>Afdrukken lukt niet: de printer is niet bereikbaar. Controleer of hij aan staat en papier heeft, of sla de kaart op als PDF.</source>
        <translation>Printing does not work: the printer cannot be reached. Check that it is switched on and has paper, or save the card as a PDF.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Kaart opslaan als PDF</source>
        <translation>Save card as PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Geen printer gevonden — sla de kaart op als PDF</source>
        <translation>No printer found — save the card as PDF</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>De kaart is opgeslagen als PDF: {path}. Druk die af op een andere computer, of schrijf de code op een kaart.</source>
        <translation>The card was saved as a PDF: {path}. Print it on another computer, or write the code on a card.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kaart afdrukken</source>
        <translation>Print card</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <location filename="../../noodpost/core/cards.py" line="+64"/>
        <source>Vul de code van de post in: gebruik twee letters, een streepje en vier cijfers, bijvoorbeeld GR-0014.</source>
        <extracomment>Two ASCII capitals, a dash, four ASCII digits — never other scripts&apos; digits or letters.</extracomment>
        <translation>Enter the post&apos;s code: use two letters, a hyphen and four digits, for example GR-0014.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De code van de post &apos;{code}&apos; klopt niet: gebruik twee letters, een streepje en vier cijfers, bijvoorbeeld GR-0014.</source>
        <translation>The post&apos;s code &apos;{code}&apos; is not right: use two letters, a hyphen and four digits, for example GR-0014.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Er is geen code gescand of getypt.</source>
        <translation>No code was scanned or typed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dit is geen Noodpost-kaart — controleer de kaart.</source>
        <translation>This is not a Noodpost card — check the card.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Deze code klopt niet — controleer de kaart.</source>
        <translation>This code is not right — check the card.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../noodpost/core/catalogue.py" line="+78"/>
        <source>De voorraadlijst is ongeldig ({reason}).</source>
        <translation>The stock list is not valid ({reason}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De voorraadlijst bevat een artikelcode twee keer.</source>
        <translation>The stock list contains an item code twice.</translation>
    </message>
</context>
<context>
    <name>Charging</name>
    <message>
        <location filename="../../noodpost/services/charging.py" line="+123"/>
        <source>Er is geen oplaadbon met nummer {number}. Controleer het nummer.</source>
        <extracomment>How many ids one query asks for at most (well under SQLite&apos;s variable limit).</extracomment>
        <translation>There is no charging ticket with number {number}. Check the number.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>het apparaat (bijvoorbeeld &apos;telefoon, zwart hoesje&apos;)</source>
        <translation>the device (for example &apos;phone, black case&apos;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maak de omschrijving korter (hoogstens {limit} tekens).</source>
        <translation>Make the description shorter (at most {limit} characters).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dit huishouden is niet (meer) bekend. Scan de kaart opnieuw.</source>
        <translation>This household is not (or no longer) known. Scan the card again.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Oplaadbon {number} is al teruggegeven om {time}. Controleer het nummer op de bon.</source>
        <translation>Charging ticket {number} was already handed back at {time}. Check the number on the ticket.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Oplaadbon {number} is al teruggegeven. Controleer het nummer op de bon.</source>
        <translation>Charging ticket {number} was already handed back. Check the number on the ticket.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Oplaadbon {number} is geannuleerd. Maak een nieuwe bon als het apparaat toch hier ligt.</source>
        <translation>Charging ticket {number} was cancelled. Make a new ticket if the device is here after all.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Deze oplaadbon is niet bekend.</source>
        <translation>This charging ticket is not known.</translation>
    </message>
</context>
<context>
    <name>ChargingPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/charging.py" line="+76"/>
        <source>Opladen</source>
        <translation>Charging</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Nieuwe oplaadbon… (Ctrl+N)</source>
        <translation>&amp;New charging ticket… (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nummer</source>
        <translation>number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bon terug? &amp;Bonnummer:</source>
        <translation>Ticket back? &amp;Ticket number:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+44"/>
        <source>Bon</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+44"/>
        <source>Apparaat</source>
        <translation>Device</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+44"/>
        <source>Huishouden</source>
        <translation>Household</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Teruggegeven (Enter)</source>
        <translation>&amp;Returned (Enter)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bon &amp;annuleren…</source>
        <translation>&amp;Cancel ticket…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Teruggegeven</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Aan het opladen: %1</source>
        <translation>Charging: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vandaag teruggegeven: %1</source>
        <translation>Returned today: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>✔ Bon %1 gemaakt voor: %2. Schrijf %1 op de bon en geef die mee.</source>
        <translation>✔ Ticket %1 made for: %2. Write %1 on the ticket and hand it over.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Let op: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bon %1: %2. Druk op Enter om het terug te geven.</source>
        <translation>Ticket %1: %2. Press Enter to hand it back.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Let op: bon %1 (%2) is %3, niet meer aan het opladen.</source>
        <translation>Note: ticket %1 (%2) is %3, no longer charging.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>✔ Bon %1 teruggegeven: %2.</source>
        <translation>✔ Ticket %1 returned: %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Oplaadbon annuleren</source>
        <translation>Cancel charging ticket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bon %1 (%2) annuleren?</source>
        <translation>Cancel ticket %1 (%2)?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Doe dit alleen als de bon per vergissing is gemaakt en het apparaat hier niet ligt.</source>
        <translation>Only do this if the ticket was made by mistake and the device is not here.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bon annuleren</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Niet annuleren</source>
        <translation>Do not cancel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>✔ Bon %1 geannuleerd.</source>
        <translation>✔ Ticket %1 cancelled.</translation>
    </message>
</context>
<context>
    <name>ChargingTicketDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/charging_ticket.py" line="+38"/>
        <source>Deze kaart is nog niet aan een huishouden gegeven. Schrijf het huishouden eerst in aan de balie, of laat het kaartveld leeg.</source>
        <translation>This card has not been given to a household yet. Register the household at the desk first, or leave the card field empty.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Huishouden %1 · %2 pers.</source>
        <translation>Household %1 · %2 people</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nieuwe oplaadbon</source>
        <translation>New charging ticket</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/confirm.py" line="+56"/>
        <source>Bevestigen</source>
        <extracomment>The longest reason a service accepts (the supplies service keeps 500 characters).</extracomment>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Let op:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Waarom toch? Bijvoorbeeld: baby in het gezin</source>
        <translation>Why anyway? For example: a baby in the family</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reden (verplicht)</source>
        <translation>&amp;Reason (required)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Toch doorgaan</source>
        <translation>Continue anyway</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terug (niets opslaan)</source>
        <translation>Back (save nothing)</translation>
    </message>
</context>
<context>
    <name>CoordinatorFields</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/fields.py" line="+79"/>
        <source>bijvoorbeeld Anna Dijkstra</source>
        <translation>for example Anna Dijkstra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 tot 8 cijfers</source>
        <translation>4 to 8 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dezelfde pincode nog eens</source>
        <translation>the same PIN again</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pincode</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pincode n&amp;og eens</source>
        <translation>PIN &amp;again</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>De twee pincodes zijn niet gelijk. Typ de pincode nog eens.</source>
        <translation>The two PINs are not the same. Type the PIN again.</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="+303"/>
        <source>De eerste coördinator</source>
        <translation>The first coordinator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wie richt de post in? Deze coördinator logt in met een eigen pincode en voegt daarna de andere vrijwilligers toe.</source>
        <translation>Who is setting up the post? This coordinator signs in with their own PIN and then adds the other volunteers.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kies een pincode van 4 tot 8 cijfers die u onthoudt en met niemand deelt. Noodpost bewaart de pincode zelf nergens, alleen een onomkeerbare code om hem te controleren.</source>
        <translation>Choose a PIN of 4 to 8 digits that you will remember and share with no one. Noodpost never stores the PIN itself, only an irreversible code to check it.</translation>
    </message>
</context>
<context>
    <name>CountLabels</name>
    <message>
        <location filename="../../noodpost/gui/count_labels.py" line="+17"/>
        <source>Huishoudens</source>
        <translation>Households</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aanwezig (personen)</source>
        <translation>Present (persons)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aanwezig (huishoudens)</source>
        <translation>Present (households)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gezinsleden met eigen gegevens</source>
        <translation>Household members with their own details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hulpvragen</source>
        <translation>Help requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uitgiften</source>
        <translation>Hand-outs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voorraadboekingen</source>
        <translation>Stock bookings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artikelen in de voorraadlijst</source>
        <translation>Items in the stock list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noodmeldingen</source>
        <translation>Emergency alarms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oplaadbonnen</source>
        <translation>Charging tickets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aggregaatstanden</source>
        <translation>Generator readings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Veilig-en-welberichten</source>
        <translation>Safe-and-well messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vrijwilligers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diensten</source>
        <translation>Shifts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logboekregels</source>
        <translation>Logbook lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logboekregels met de hand geschreven</source>
        <translation>Logbook lines written by hand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mededelingen</source>
        <translation>Bulletins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series blanco kaarten</source>
        <translation>Batches of blank cards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posten</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leveringen van de C-NSP</source>
        <translation>Deliveries from the C-NSP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aanvragen bij de C-NSP</source>
        <translation>Requests to the C-NSP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pincodes van vrijwilligers</source>
        <translation>Volunteers&apos; PINs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wijzigingen</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <location filename="../../noodpost/core/dutch.py" line="+25"/>
        <source>bundel</source>
        <translation>bundle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bundels</source>
        <translation>bundles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>wijziging</source>
        <translation>change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>wijzigingen</source>
        <translation>changes</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../noodpost/storage/engine.py" line="+54"/>
        <source>De database kan niet veilig worden gebruikt (PRAGMA {name} = {value}, nodig: {wanted}). Staat de map op een netwerk- of USB-schijf? Kies een map op de eigen schijf van deze laptop.</source>
        <extracomment>The pragmas Noodpost will not run without (DESIGN §3.1).</extracomment>
        <translation>The database cannot be used safely (PRAGMA {name} = {value}, needed: {wanted}). Is the folder on a network or USB drive? Choose a folder on this laptop&apos;s own disk.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Deze database is gemaakt met een nieuwere versie van Noodpost en kan met deze versie niet worden geopend. Installeer de nieuwste versie van Noodpost; de gegevens blijven onaangeroerd.</source>
        <extracomment>The newest migration. Start-up compares the database with it and loads Alembic only when they differ; a test keeps it equal to the head of ``migrations/versions``.</extracomment>
        <translation>This database was made with a newer version of Noodpost and cannot be opened with this version. Install the latest version of Noodpost; the data stays untouched.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Deze database staat op een PostgreSQL-server. Maak de back-up daar met pg_dump of pg_basebackup; Noodpost kopieert alleen een SQLite-bestand.</source>
        <translation>This database is on a PostgreSQL server. Make the backup there with pg_dump or pg_basebackup; Noodpost only copies an SQLite file.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>{path} is een map, geen databasebestand.</source>
        <translation>{path} is a folder, not a database file.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>In de map {folder} kan Noodpost niet schrijven ({reason}). Dat is ook nodig om alleen te kijken: naast de database houdt Noodpost een logbestand bij. Zet de map op een schrijfbare plek of geef schrijfrechten, en probeer het opnieuw.</source>
        <translation>Noodpost cannot write in the folder {folder} ({reason}). That is needed even just to look: next to the database Noodpost keeps a log file. Put the folder in a writable place or give write permission, and try again.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Noodpost kan de PostgreSQL-database {where} niet bereiken. Draait de server, bestaat de database en klopt de gebruiker? Probeer het daarna opnieuw.</source>
        <translation>Noodpost cannot reach the PostgreSQL database {where}. Is the server running, does the database exist and is the user right? Then try again.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../noodpost/services/demo.py" line="+328"/>
        <source>Kies een aantal huishoudens tussen 0 en 200.000.</source>
        <extracomment>Local clock times at which the next team takes over (the night team from the last one on). Three teams of two, taking turns: the volunteers at these positions of :data:`VOLUNTEERS`. Meal times draw visitors: hours of the day (local) with their weight.</extracomment>
        <translation>Choose a number of households between 0 and 200,000.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kies een aantal dagen tussen 1 en 90.</source>
        <translation>Choose a number of days between 1 and 90.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demogegevens zijn voor een noodsteunpunt, niet voor de C-NSP.</source>
        <translation>Demo data is for a post, not for the C-NSP.</translation>
    </message>
</context>
<context>
    <name>DeskButtons</name>
    <message>
        <location filename="../../noodpost/gui/widgets/desk_buttons.py" line="+50"/>
        <source>F4  Hulpvraag</source>
        <extracomment>Function keys of the quick hand-out buttons, in order. With Shift, a quick key opens *Uitgeven* (any item, any amount) at its item: F10 would be the menu bar&apos;s key (Windows, GNOME), Shift+F10 the context menu&apos;s.</extracomment>
        <translation>F4  Need</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5  Opladen</source>
        <translation>F5  Charging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F6  Veilig en wel</source>
        <translation>F6  Safe and well</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F9
NOODMELDING</source>
        <translation>F9
EMERGENCY</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift+F2 Uitgeven: ander artikel of andere hoeveelheid…</source>
        <translation>Shift+F2 Hand out: another item or another amount…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>F1  Afmelden</source>
        <translation>F1  Check out</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1  Aanmelden</source>
        <translation>F1  Check in</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>F7  Terugdraaien</source>
        <translation>F7  Undo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Geen uitgifte van de laatste %1 minuten</source>
        <translation>No hand-out in the last %1 minutes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>weer vanaf</source>
        <translation>again from</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vanaf</source>
        <translation>from</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 uitgeven aan dit huishouden</source>
        <translation>Hand out %1 to this household</translation>
    </message>
</context>
<context>
    <name>DeskCards</name>
    <message>
        <location filename="../../noodpost/gui/pages/desk_cards.py" line="+59"/>
        <source>Zoeken op naam (Ctrl+F)</source>
        <extracomment>The desk&apos;s card keys (shown on the buttons and in Hulp → Sneltoetsen).</extracomment>
        <translation>Search by name (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kaart vergeten of kwijt? Zoek het huishouden op naam en geboortejaar.</source>
        <translation>Card forgotten or lost? Find the household by name and year of birth.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opnieuw afdrukken (Ctrl+P)</source>
        <translation>Print again (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De kaart van dit huishouden opnieuw afdrukken, met dezelfde code.</source>
        <translation>Print this household&apos;s card again, with the same code.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kaart kwijt (Ctrl+K)</source>
        <translation>Card lost (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Een nieuwe kaart maken; de oude kaart werkt daarna niet meer.</source>
        <translation>Make a new card; the old card stops working.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>✔ Ingeschreven: huishouden %1.</source>
        <translation>✔ Registered: household %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De voorgedrukte kaart is nu van dit huishouden.</source>
        <translation>The pre-printed card now belongs to this household.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>✔ Kaart %1 is opnieuw afgedrukt (dezelfde code).</source>
        <translation>✔ Card %1 was printed again (same code).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nieuwe kaart maken voor huishouden %1?</source>
        <translation>Make a new card for household %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De oude kaart %1 werkt daarna niet meer: wie hem scant, krijgt te horen dat hij vervangen is.</source>
        <translation>The old card %1 then stops working: scanning it says it was replaced.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Is de kaart er nog en alleen onleesbaar? Ga terug en druk op Ctrl+P: dezelfde kaart opnieuw afdrukken.</source>
        <translation>Is the card still there, only unreadable? Go back and press Ctrl+P: print the same card again.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Nieuwe kaart maken</source>
        <translation>&amp;New card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kaart kwijt: nieuwe kaart</source>
        <translation>Card lost: new card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✔ Nieuwe kaart %1 gemaakt; de oude kaart %2 werkt niet meer.</source>
        <translation>✔ New card %1 made; the old card %2 no longer works.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>⚠ Afdrukken is hier niet ingesteld: schrijf de code %1 op een kaart.</source>
        <translation>⚠ Printing is not set up here: write the code %1 on a card.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ De kaart is niet afgedrukt. Druk op Ctrl+P om opnieuw af te drukken, of schrijf de code %1 op een kaart.</source>
        <translation>⚠ The card was not printed. Press Ctrl+P to print it again, or write the code %1 on a card.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>De kaart is afgedrukt.</source>
        <translation>The card was printed.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/desk.py" line="+111"/>
        <source>Balie</source>
        <extracomment>Shown for a refusal: red, and always the words. What the panel shows, and what else the desk&apos;s buttons and lists depend on.</extracomment>
        <translation>Desk</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Scan of typ kaartcode:</source>
        <translation>&amp;Scan or type card code:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nieuw huishouden (Ctrl+N)</source>
        <translation>New household (Ctrl+N)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>7K3Q-9XW2, of een naam: Bakker 1950</source>
        <translation>7K3Q-9XW2, or a name: Bakker 1950</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>⚠ Nog geen voorraad geboekt: elke uitgifte telt nu als tekort. Boek eerst de beginvoorraad: Ctrl+4 (Uitgifte &amp; voorraad), dan Alt+B (Beginvoorraad boeken).</source>
        <translation>⚠ No stock booked yet: every hand-out now counts as a shortage. First book the opening stock: Ctrl+4 (Hand-outs &amp; stock), then Alt+B (Book opening stock).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Laatste handelingen</source>
        <translation>Recent actions</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>⚠ Vol: %1 / %2</source>
        <translation>⚠ Full: %1 / %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aanwezig: %1</source>
        <translation>Present: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Typ daarvoor de naam en Enter, of druk op Ctrl+F.</source>
        <translation>For that, type the name and Enter, or press Ctrl+F.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoeken op naam: typ de naam en Enter, of Ctrl+F.</source>
        <translation>Search by name: type the name and Enter, or Ctrl+F.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Kaart %1 is nog niet uitgegeven: schrijf het huishouden in.</source>
        <translation>Card %1 has not been issued yet: register the household.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kaart %1 gescand.</source>
        <translation>Card %1 scanned.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kaart %1 gevonden.</source>
        <translation>Card %1 found.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Huishouden %1 geopend.</source>
        <translation>Household %1 opened.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Let op: </source>
        <translation>Note: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Niet gelukt: </source>
        <translation>Did not work: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Niets opgeslagen.</source>
        <translation>Nothing saved.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Aanwezig nu: %1.</source>
        <translation>Present now: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aanwezig nu: %1 van %2.</source>
        <translation>Present now: %1 of %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✔ Aangemeld: %1.</source>
        <translation>✔ Checked in: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✔ Afgemeld: %1.</source>
        <translation>✔ Checked out: %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../noodpost/gui/pages/desk_forms.py" line="+126"/>
        <source>Toch uitgeven</source>
        <translation>Hand out anyway</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ Uitgegeven: %1 aan %2.</source>
        <translation>✔ Handed out: %1 to %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Boven het rantsoen; de reden is genoteerd.</source>
        <translation>Above the ration; the reason has been noted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vandaag nu %1.</source>
        <translation>Today so far: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ Let op: volgens de voorraad is er geen %1 meer (%2). Laat de coördinator natellen.</source>
        <translation>⚠ Note: according to the stock there is no %1 left (%2). Ask the coordinator to recount.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Let op: voorraad %1 is laag (%2).</source>
        <translation>⚠ Note: stock of %1 is low (%2).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>⚠ Dit huishouden kreeg de laatste %1 minuten niets dat terug te draaien is.</source>
        <translation>⚠ This household received nothing in the last %1 minutes that can be undone.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Uitgifte van %1 terugdraaien?</source>
        <translation>Undo the hand-out from %1?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Terugdraaien</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✔ Teruggedraaid: %1. De voorraad is weer bijgeteld.</source>
        <translation>✔ Undone: %1. The stock has been added back.</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/desk_forms.py" line="-75"/>
        <source>✔ Hulpvraag genoteerd: %1 (%2).</source>
        <translation>✔ Need noted: %1 (%2).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>✔ Oplaadbon %1 gemaakt: %2. Schrijf nummer %1 op de bon.</source>
        <translation>✔ Charging ticket %1 made: %2. Write number %1 on the ticket.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>✔ Veilig-en-welbericht opgeslagen.</source>
        <translation>✔ Safe-and-well message saved.</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/desk.py" line="+13"/>
        <source>⚠ Scan eerst een kaart.</source>
        <translation>⚠ Scan a card first.</translation>
    </message>
</context>
<context>
    <name>DeskService</name>
    <message>
        <location filename="../../noodpost/services/desk.py" line="+150"/>
        <source>persoon</source>
        <extracomment>How many quick-item buttons the desk shows when none are chosen. How many latest events of this laptop are read to find the desk&apos;s last actions. The entities (and operations) that are desk actions worth listing.</extracomment>
        <translation>person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>personen</source>
        <translation>people</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Dit huishouden is niet (meer) bekend. Scan de kaart opnieuw.</source>
        <translation>This household is not (or no longer) known. Scan the card again.</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>{flag} (toestemming {date})</source>
        <translation>{flag} (consent {date})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>bon {number} · {device}, sinds {time}</source>
        <translation>ticket {number} · {device}, since {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bon {number} · {device}</source>
        <translation>ticket {number} · {device}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{kind} ({urgency}) sinds {time}</source>
        <translation>{kind} ({urgency}) since {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{kind} ({urgency})</source>
        <translation>{kind} ({urgency})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>aan de balie om {time}</source>
        <translation>at the desk at {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sinds {time}</source>
        <translation>since {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{span} ({persons} pers.)</source>
        <translation>{span} ({persons} pers.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{span} ({persons} pers., {post})</source>
        <translation>{span} ({persons} pers., {post})</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>aangemeld ({persons} pers.)</source>
        <translation>checked in ({persons} pers.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aangemeld</source>
        <translation>checked in</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>afgemeld</source>
        <translation>checked out</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>artikel</source>
        <translation>item</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>teruggedraaid: {item} {amount}</source>
        <translation>undone: {item} {amount}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{item} {amount} (boven rantsoen)</source>
        <translation>{item} {amount} (above ration)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>hulpvraag {kind}</source>
        <translation>help request {kind}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>oplaadbon {number}</source>
        <translation>charging ticket {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>veilig-en-welbericht</source>
        <translation>safe-and-well message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ingeschreven ({size} pers.)</source>
        <translation>registered ({size} pers.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingeschreven</source>
        <translation>registered</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/supply_notice_forms.py" line="+146"/>
        <source>Aanvraag beantwoorden met een levering</source>
        <extracomment>How far ahead a new dispatch is expected by default.</extracomment>
        <translation>Answer request with a delivery</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nieuwe levering</source>
        <translation>New delivery</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Levering versturen</source>
        <translation>Send delivery</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Verwachte aankomst</source>
        <translation>&amp;Expected arrival</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bijvoorbeeld: met de brandweer mee, 2 pallets</source>
        <translation>for example: with the fire brigade, 2 pallets</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vul in wat er naar de post gaat. De post meldt de ontvangst; dan telt het mee in de voorraad daar.</source>
        <translation>Fill in what goes to the post. The post reports its arrival; then it counts in the stock there.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Naar post</source>
        <translation>&amp;To post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Opmerking</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goederen</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gevraagd door {post}: {lines}</source>
        <translation>Requested by {post}: {lines}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nog geen posten bekend. Een post verschijnt hier na zijn eerste bundel en uw goedkeuring.</source>
        <translation>No posts known yet. A post appears here after its first bundle and your approval.</translation>
    </message>
</context>
<context>
    <name>DrivePicker</name>
    <message>
        <location filename="../../noodpost/gui/widgets/drive_picker.py" line="+39"/>
        <source>Opnieuw zoeken</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Andere map…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Map: {path}</source>
        <translation>Folder: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Geen USB-stick gevonden: steek er een in, of kies ‘Andere map…’</source>
        <translation>No USB stick found: plug one in, or choose ‘Other folder…’</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Kies een map of stick</source>
        <translation>Choose a folder or stick</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <location filename="../../noodpost/storage/eventlog.py" line="+82"/>
        <source>onbekend bij welke post dit hoort</source>
        <translation>unknown which post this belongs to</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Dit mag deze C-NSP niet: {why}.</source>
        <translation>This C-NSP may not do this: {why}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dit mag deze post niet: {why}.</source>
        <translation>This post may not do this: {why}.</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../noodpost/reports/exports.py" line="+56"/>
        <source>namen en geboortejaren van huishoudens en gezinsleden</source>
        <extracomment>How the audit log names an export with or without personal data (recorded: Dutch).</extracomment>
        <translation>names and years of birth of households and their members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>postcodes, kaartcodes en de gezondheidskenmerken (met toestemming vastgelegd)</source>
        <translation>postcodes, card codes and the health flags (recorded with consent)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>veilig-en-welberichten met naam, bericht en contactgegevens</source>
        <translation>safe-and-well messages with name, message and contact details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>namen en telefoonnummers van vrijwilligers</source>
        <translation>names and phone numbers of volunteers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alle vrije tekst: notities, redenen, omschrijvingen en logboekregels</source>
        <translation>all free text: notes, reasons, descriptions and logbook lines</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Kan {path} niet schrijven: bestaat de map {folder}? Kies een bestaande map.</source>
        <translation>Cannot write {path}: does the folder {folder} exist? Choose an existing folder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kan {path} niet schrijven: er is geen toestemming om in die map te schrijven. Kies een andere map.</source>
        <translation>Cannot write {path}: there is no permission to write in that folder. Choose another folder.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kan {path} niet schrijven: de schijf is vol. Kies een andere plek.</source>
        <translation>Cannot write {path}: the disk is full. Choose another place.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kan {path} niet schrijven ({reason}). Kies een andere plek.</source>
        <translation>Cannot write {path} ({reason}). Choose another place.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{path} is een map. Geef een bestandsnaam.</source>
        <translation>{path} is a folder. Give a file name.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{folder} is een bestand, geen map. Kies een map.</source>
        <translation>{folder} is a file, not a folder. Choose a folder.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kan de map {folder} niet maken: bestaat {parent}? Kies een bestaande map.</source>
        <translation>Cannot make the folder {folder}: does {parent} exist? Choose an existing folder.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>met persoonsgegevens</source>
        <translation>with personal data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zonder persoonsgegevens</source>
        <translation>without personal data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tabel</source>
        <translation>table</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tabellen</source>
        <translation>tables</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regel</source>
        <translation>row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>regels</source>
        <translation>rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export {what} geschreven naar {path}: {tables}, {rows}.</source>
        <translation>Export {what} written to {path}: {tables}, {rows}.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Een export met persoonsgegevens mag alleen een coördinator maken. Vraag de coördinator van dienst, of exporteer zonder persoonsgegevens.</source>
        <translation>Only a coordinator may make an export with personal data. Ask the coordinator on duty, or export without personal data.</translation>
    </message>
</context>
<context>
    <name>Generator</name>
    <message>
        <location filename="../../noodpost/services/generator.py" line="+128"/>
        <source>draait</source>
        <extracomment>Fuel that lasts less than this many hours makes a post stand out (Regio, SITREP). The use per hour is taken over this many of the latest intervals the generator ran. A tank larger than this is a typing error (litres).</extracomment>
        <translation>running</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staat stil</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{litres} l per uur</source>
        <translation>{litres} l per hour</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+49"/>
        <source>op</source>
        <translation>empty</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>verbruik nog onbekend</source>
        <translation>use not known yet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{litres} (om {time})</source>
        <translation>{litres} (at {time})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{hours} stroom, leeg rond {time}</source>
        <translation>power: {hours}, empty around {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{hours} stroom</source>
        <translation>power: {hours}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>brandstof voor {duration} draaien</source>
        <translation>fuel for {duration} of running</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>± {minutes} min</source>
        <translation>± {minutes} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>± {hours} uur</source>
        <translation>± {hours} h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>± {days} dagen</source>
        <translation>± {days} days</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nog {duration}</source>
        <translation>{duration} left</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Vul bij {field} een aantal liter in van 0 of meer.</source>
        <translation>Fill in a number of litres of 0 or more for {field}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{litres} liter bij {field} is te veel voor een aggregaat. Controleer het getal.</source>
        <translation>{litres} litres for {field} is too much for a generator. Check the number.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Vul in hoeveel liter er nu in de tank zit.</source>
        <translation>Fill in how many litres are in the tank now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;liter over&apos;</source>
        <translation>&apos;litres left&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;liter bijgevuld&apos;</source>
        <translation>&apos;litres added&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maak de opmerking korter (hoogstens {limit} tekens).</source>
        <translation>Make the note shorter (at most {limit} characters).</translation>
    </message>
</context>
<context>
    <name>GeneratorDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/generator_form.py" line="+37"/>
        <source>Nog geen stand genoteerd. Noteer een stand als het aggregaat start, stopt of wordt bijgevuld, en verder elke paar uur.</source>
        <translation>No reading yet. Note a reading when the generator starts, stops or is refilled, and otherwise every few hours.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>noteer over een tijdje weer een stand, dan berekent Noodpost het verbruik</source>
        <translation>note another reading in a while, then Noodpost works out the consumption</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+9"/>
        <source>Aggregaat: stand noteren</source>
        <translation>Generator: note a reading</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Stand opslaan</source>
        <translation>Save reading</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vorige stand: {line}</source>
        <translation>Previous reading: {line}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Draait</source>
        <translation>&amp;Running</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Staat stil</source>
        <translation>&amp;Stopped</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>liter</source>
        <translation>litres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bijv. olie bijgevuld, start slecht</source>
        <translation>e.g. oil topped up, hard to start</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aggregaat</source>
        <translation>Generator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liter &amp;over (nu in de tank)</source>
        <translation>Litres &amp;left (in the tank now)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liter &amp;bijgevuld (sinds de vorige stand)</source>
        <translation>Litres &amp;added (since the previous reading)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Op&amp;merking</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>HandOutDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/hand_out.py" line="+77"/>
        <location line="+68"/>
        <source>Uitgeven</source>
        <extracomment>Keys that the search field passes on to the list: choosing without leaving the field.</extracomment>
        <translation>Hand out</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Uitgeven aan huishouden %1 (%2)</source>
        <translation>Hand out to household %1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>typ een deel van de naam, bijvoorbeeld deken</source>
        <translation>type part of the name, for example blanket</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Zoek artikel</source>
        <translation>&amp;Find item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hoeveelheid</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Geen artikel gevonden bij &apos;%1&apos;. Typ een ander deel van de naam.</source>
        <translation>No item found for &apos;%1&apos;. Type another part of the name.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Vul in hoeveel %1 u uitgeeft, als getal groter dan 0 (bijvoorbeeld %2).</source>
        <translation>Fill in how much %1 you hand out, as a number above 0 (for example %2).</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <location filename="../../noodpost/gui/widgets/household_panel.py" line="+64"/>
        <source>1 persoon</source>
        <translation>1 person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 personen</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (geen rantsoen)</source>
        <translation>%1 (no ration)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>weer vanaf %1</source>
        <translation>again from %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>geen rantsoen</source>
        <translation>no ration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rantsoen bereikt</source>
        <translation>ration reached</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nog %1</source>
        <translation>%1 left</translation>
    </message>
</context>
<context>
    <name>HouseholdPanelView</name>
    <message>
        <location line="+17"/>
        <source>Vandaag ontvangen (rantsoen per dag):</source>
        <translation>Received today (ration per day):</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Scan een kaart of typ de kaartcode.</source>
        <translation>Scan a card or type the card code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nieuw huishouden zonder kaart? Kies Nieuw huishouden (Ctrl+N). Een nog ongebruikte voorgedrukte kaart scannen start ook de inschrijving. Kaart vergeten of kwijt? Typ de naam en Enter (of Ctrl+F).</source>
        <translation>A new household without a card? Choose New household (Ctrl+N). Scanning an unused pre-printed card also starts the registration. Card forgotten or lost? Type the name and Enter (or Ctrl+F).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Huishouden %1</source>
        <translation>Household %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>taal: %1</source>
        <translation>language: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✔ Aanwezig sinds %1</source>
        <translation>✔ Present since %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 pers.)</source>
        <translation>(%1 people)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Niet aangemeld</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>laatst gezien %1</source>
        <translation>last seen %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nog niet gezien</source>
        <translation>not seen yet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nog geen bezoek</source>
        <translation>no visit yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vandaag: %1</source>
        <translation>Today: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open hulpvraag: %1</source>
        <translation>Open need: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open hulpvraag: geen</source>
        <translation>Open need: none</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aan het opladen: %1</source>
        <translation>Charging: %1</translation>
    </message>
</context>
<context>
    <name>HouseholdSearch</name>
    <message>
        <location filename="../../noodpost/services/household_search.py" line="+172"/>
        <source>Typ een deel van de naam, eventueel met het geboortejaar of de postcode, bijvoorbeeld: Bakker 1950.</source>
        <extracomment>The fewest letters of a name to search for. At most this many households are listed; more: type more of the name. A birth year typed with the name (four digits in this range; otherwise a postcode&apos;s digits).</extracomment>
        <translation>Type part of the name, with the year of birth or the postcode if you like, for example: Bakker 1950.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Typ minstens {letters} letters van de naam.</source>
        <translation>Type at least {letters} letters of the name.</translation>
    </message>
</context>
<context>
    <name>HouseholdSearchDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/household_search.py" line="+45"/>
        <source>geb. %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>geboortejaar onbekend</source>
        <translation>year of birth unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(zonder naam)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kaart %1</source>
        <translation>card %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>aanwezig</source>
        <translation>present</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>niet aanwezig</source>
        <translation>not present</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Huishouden zoeken</source>
        <translation>Find household</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bijvoorbeeld: Bakker 1950</source>
        <translation>For example: Bakker 1950</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Naam, eventueel met geboortejaar of postcode:</source>
        <translation>&amp;Name, with year of birth or postcode if you like:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Typ een deel van de naam en druk op Enter. Kies met de pijltjes, open met Enter. Esc: terug naar het scanveld.</source>
        <translation>Type part of the name and press Enter. Choose with the arrow keys, open with Enter. Esc: back to the scan field.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Openen (Enter)</source>
        <translation>&amp;Open (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terug (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Meer dan %1 gevonden; de eerste %1 staan hier. Typ meer van de naam of het geboortejaar erbij.</source>
        <translation>More than %1 found; the first %1 are shown. Type more of the name, or add the year of birth.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n huishouden(s) gevonden. Kies met de pijltjes, open met Enter.</source>
        <translation>
            <numerusform>%n household found. Choose with the arrow keys, open with Enter.</numerusform>
            <numerusform>%n households found. Choose with the arrow keys, open with Enter.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Geen huishouden gevonden met &apos;%1&apos;. Controleer de spelling of typ minder letters (bijvoorbeeld alleen het begin van de achternaam). Nog niet ingeschreven? Kies Nieuw huishouden (Ctrl+N).</source>
        <translation>No household found with &apos;%1&apos;. Check the spelling or type fewer letters (for example only the start of the surname). Not registered yet? Choose New household (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Geen huishouden gevonden met &apos;%1&apos;. Controleer de spelling of typ minder letters (bijvoorbeeld alleen het begin van de achternaam). Nog niet ingeschreven? Ga terug (Esc) en kies Nieuw huishouden (Ctrl+N).</source>
        <translation>No household found with &apos;%1&apos;. Check the spelling or type fewer letters (for example only the start of the surname). Not registered yet? Go back (Esc) and choose New household (Ctrl+N).</translation>
    </message>
</context>
<context>
    <name>InfoScreen</name>
    <message>
        <location filename="../../noodpost/gui/info_screen.py" line="+94"/>
        <source>Publieksscherm — {name}</source>
        <extracomment>Seconds each page stays on the screen. Stock lines on one page; more items go onto a next page. Colour always with a word (green in stock, amber running low, red out).</extracomment>
        <translation>Public info screen — {name}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>OEFENING — dit is een oefening, geen echte situatie</source>
        <translation>EXERCISE — this is an exercise, not a real situation</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Geldig tot {when}</source>
        <translation>Valid until {when}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mededeling</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wat is er te krijgen</source>
        <translation>What is available</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nu open</source>
        <translation>Open now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nu gesloten</source>
        <translation>Closed now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Openingstijden: {hours}</source>
        <translation>Opening hours: {hours}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hier kunt u terecht voor:</source>
        <translation>You can come here for:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vraag aan de balie waarmee wij u kunnen helpen.</source>
        <translation>Ask at the desk what we can help you with.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Welkom bij {name}</source>
        <translation>Welcome to {name}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Pagina {n} van {total}  ·  Vragen? Loop even naar de balie.</source>
        <translation>Page {n} of {total}  ·  Questions? Just walk over to the desk.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>&amp;Publieksscherm tonen</source>
        <extracomment>The screen just opened (its page timer can be slowed by *stroombesparing*).</extracomment>
        <translation>Show &amp;public info screen</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/intake.py" line="+77"/>
        <location line="+9"/>
        <source>Nieuw huishouden inschrijven</source>
        <extracomment>Languages offered in the list (any other can be typed).</extracomment>
        <translation>Register new household</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Voorgedrukte kaart %1: die krijgt dit huishouden.</source>
        <translation>Pre-printed card %1: this household gets it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Er wordt een nieuwe kaart gemaakt en afgedrukt.</source>
        <translation>A new card will be made and printed.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>kies</source>
        <translation>choose</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>achternaam of naam (mag leeg blijven)</source>
        <translation>surname or name (may be left empty)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bijv. 1956</source>
        <translation>e.g. 1956</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bijv. 9791 AB</source>
        <translation>e.g. 9791 AB</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Aantal personen (verplicht)</source>
        <translation>Number of &amp;people (required)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Geboortejaar</source>
        <translation>Year of &amp;birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postcode</source>
        <translation>P&amp;ostcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;aal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Toestemming van de bewoner om deze kenmerken vast te leggen</source>
        <translation>&amp;Consent from the resident to record these flags</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alleen met toestemming, en alleen deze vaste kenmerken: geen andere gezondheidsgegevens.</source>
        <translation>Only with consent, and only these fixed flags: no other health data.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dit is hetzelfde huishouden: open het</source>
        <translation>This is the same household: open it</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Toch nieuw huishouden inschrijven</source>
        <translation>Register as a new household anyway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inschrijven</source>
        <translation>Register</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inschrijven en kaart afdrukken</source>
        <translation>Register and print card</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Mogelijk al ingeschreven — zelfde naam, geboortejaar en postcode:</source>
        <translation>Possibly already registered — same name, year of birth and postcode:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kaart %1 · %2 pers.</source>
        <translation>card %1 · %2 people</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Is het hetzelfde huishouden, open het dan. Is het een ander huishouden, schrijf het dan toch in.</source>
        <translation>If it is the same household, open it. If it is a different household, register it anyway.</translation>
    </message>
</context>
<context>
    <name>IntakeService</name>
    <message>
        <location filename="../../noodpost/services/intake.py" line="+117"/>
        <source>Deze kaart is vervangen door een nieuwe kaart en is niet meer geldig. Vraag naar de nieuwe kaart of zoek het huishouden op naam.</source>
        <translation>This card has been replaced by a new card and is no longer valid. Ask for the new card or look up the household by name.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deze kaart is van noodsteunpunt {post} en is hier nog niet bekend. Schrijf het huishouden hier in met een nieuwe kaart.</source>
        <translation>This card belongs to post {post} and is not known here yet. Register the household here with a new card.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dit huishouden is niet (meer) bekend.</source>
        <translation>This household is not known (any more).</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+122"/>
        <source>Vul het aantal personen in (1 tot {most}).</source>
        <translation>Enter the number of people (1 to {most}).</translation>
    </message>
    <message>
        <location line="-115"/>
        <location line="+146"/>
        <source>Gezondheidskenmerken worden alleen vastgelegd met toestemming van de bewoner.</source>
        <translation>Health flags are only recorded with the resident&apos;s consent.</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Er is al een huishouden met dezelfde naam, hetzelfde geboortejaar en dezelfde postcode. Is dit hetzelfde huishouden?</source>
        <translation>There is already a household with the same name, birth year and postcode. Is this the same household?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deze kaart is al uitgegeven aan een ander huishouden. Neem een nieuwe kaart.</source>
        <translation>This card has already been given to another household. Take a new card.</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Kies een aantal kaarten tussen 1 en 5000.</source>
        <translation>Choose a number of cards between 1 and 5000.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&apos;{flag}&apos; is geen bekende aandachtsvlag. Kies uit de vaste lijst.</source>
        <translation>&apos;{flag}&apos; is not a known attention flag. Choose from the fixed list.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Geboortejaar {year} klopt niet.</source>
        <translation>Birth year {year} is not right.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kaart {card} · {size} pers.</source>
        <translation>Card {card} · {size} people</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../noodpost/core/lifecycle.py" line="+59"/>
        <source>Deze {noun} is al {status}.</source>
        <translation>This {noun} is already {status}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Een {noun} die {status} is kan niet terug naar {new}.</source>
        <translation>A {noun} that is {status} cannot go back to {new}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Een {noun} die {status} is kan niet meer naar {new}.</source>
        <translation>A {noun} that is {status} can no longer change to {new}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Een {noun} die {status} is kan niet direct naar {new}.</source>
        <translation>A {noun} that is {status} cannot change straight to {new}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wel mogelijk: {options}.</source>
        <translation>Possible: {options}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{words} of {last}</source>
        <translation>{words} or {last}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>hulpvraag</source>
        <translation>help request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noodmelding</source>
        <translation>alarm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Maak zo nodig een nieuwe hulpvraag aan.</source>
        <translation>If needed, create a new help request.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Doe zo nodig een nieuwe noodmelding.</source>
        <translation>If needed, raise a new alarm.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../noodpost/gui/idle_lock.py" line="+56"/>
        <source>Noodpost — vergrendeld</source>
        <translation>Noodpost — locked</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Noodpost is vergrendeld</source>
        <translation>Noodpost is locked</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Er is %n minuut/minuten niets gedaan. Daarom is het scherm vergrendeld en is niemand meer ingelogd. Kies uw naam en typ uw pincode om verder te gaan. Wat open stond, blijft bewaard.</source>
        <translation>
            <numerusform>Nothing has been done for %n minute, so the screen is locked and nobody is signed in any more. Choose your name and type your PIN to carry on. Whatever was open is kept.</numerusform>
            <numerusform>Nothing has been done for %n minutes, so the screen is locked and nobody is signed in any more. Choose your name and type your PIN to carry on. Whatever was open is kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Logbook</name>
    <message>
        <location filename="../../noodpost/services/logbook.py" line="+219"/>
        <source>Een regel in het logboek van een andere post schrijft die post zelf.</source>
        <extracomment>The time a record states for a step of its lifecycle (raised, acknowledged; a shift begun, ended), for the steps that state one. An automatic line is timed by it: the event&apos;s clock (HLC) never runs backwards, so it is the moment of writing, not of the step, when the two differ (records written afterwards, as ``noodpost demo`` writes its past days). How many lines :meth:`LogbookService.entries` returns unless told otherwise.</extracomment>
        <translation>A line in another post&apos;s logbook is written by that post itself.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>de tekst voor het logboek</source>
        <translation>the text for the logbook</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De tekst is te lang (hooguit {limit} tekens). Maak hem korter.</source>
        <translation>The text is too long (at most {limit} characters). Make it shorter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>De categorie is te lang (hooguit {limit} tekens).</source>
        <translation>The category is too long (at most {limit} characters).</translation>
    </message>
</context>
<context>
    <name>LogbookPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/logbook.py" line="+39"/>
        <source>automatisch</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>handmatig</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Logboek</source>
        <translation>Logbook</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alleen &amp;handmatig geschreven regels</source>
        <translation>Only lines written by &amp;hand</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wat is er gebeurd? Typ het hier en druk op Enter.</source>
        <translation>What happened? Type it here and press Enter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Nieuwe regel:</source>
        <translation>&amp;New line:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Regels: {count}</source>
        <translation>Lines: {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../noodpost/gui/main_window.py" line="+111"/>
        <source>&amp;Noodpost</source>
        <translation>&amp;Noodpost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scherm vergrendelen</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Instellingen…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back-up maken</source>
        <translation>Make backup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back-up terugzetten…</source>
        <translation>Restore backup…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Afsluiten</source>
        <extracomment>Actions the composition root adds (the public info screen, the audit log …) go before &quot;Afsluiten&quot;.</extracomment>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hulp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sneltoetsen…</source>
        <translation>Keyboard shortcuts…</translation>
    </message>
    <message>
        <location filename="../../noodpost/app.py" line="-297"/>
        <source>Auditlogboek…</source>
        <extracomment>Anonymisation of what is past its retention period runs this long after start, then hourly.</extracomment>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Crisis en bewaartermijn…</source>
        <translation>Crisis and retention period…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post en bewaartermijn…</source>
        <translation>Post and retention period…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Herstelcode…</source>
        <translation>Recovery code…</translation>
    </message>
</context>
<context>
    <name>MessagesForm</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/messages_form.py" line="+34"/>
        <source>mag gedeeld worden</source>
        <translation>may be shared</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>geen toestemming — niet delen</source>
        <translation>no consent — do not share</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Veilig-en-welbericht opnemen</source>
        <translation>Record a safe-and-well message</translation>
    </message>
</context>
<context>
    <name>MessagesFormDialog</name>
    <message>
        <location line="+4"/>
        <source>Bericht opslaan</source>
        <translation>Save message</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>voor- en achternaam van de persoon zelf</source>
        <translation>first and last name of the person themselves</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bijv. 1956</source>
        <translation>e.g. 1956</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bijvoorbeeld: Ik ben veilig en logeer bij mijn zus in Ten Boer.</source>
        <translation>for example: I am safe and staying with my sister in Ten Boer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>telefoonnummer of adres (niet verplicht)</source>
        <translation>phone number or address (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Toestemming: mag gedeeld worden met verwanten die naar deze persoon vragen</source>
        <translation>&amp;Consent: may be shared with relatives who ask about this person</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vraag het de persoon zelf. Met toestemming kan de C-NSP dit bericht vinden als familie of naasten naar deze persoon vragen, en het aan hen doorgeven. Zonder toestemming blijft het bericht op deze post en wordt het aan niemand doorgegeven.</source>
        <translation>Ask the person themselves. With consent, the C-NSP can find this message when family or loved ones ask about this person, and pass it on to them. Without consent the message stays at this post and is passed on to no one.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Geboortejaar</source>
        <translation>Year of &amp;birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bericht</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact</source>
        <translation>&amp;Contact</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/messages.py" line="+84"/>
        <source>Veilig en wel</source>
        <translation>Safe and well</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geboren</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bericht</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Bericht opnemen…</source>
        <translation>&amp;Record a message…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Zoek op naam als familie of naasten naar iemand vragen</source>
        <translation>Search by name when family or loved ones ask about someone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Alle berichten van deze post</source>
        <translation>&amp;All messages of this post</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>jaar</source>
        <translation>year</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Exporteren (CSV)…</source>
        <translation>&amp;Export (CSV)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Geboren:</source>
        <translation>&amp;Born:</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>{query}, geboren {year}</source>
        <translation>{query}, born {year}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zoek op naam, en zo mogelijk geboortejaar, in de berichten van alle posten. U vindt alleen berichten waarvoor toestemming is gegeven. Elke zoekopdracht wordt vastgelegd in het auditlogboek (zonder de naam).</source>
        <translation>Search by name, and if possible year of birth, in the messages of all posts. You only find messages for which consent was given. Every search is recorded in the audit log (without the name).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Berichten die op deze post zijn opgenomen, nieuwste eerst ({count}). Geef alleen berichten met toestemming door aan familie of naasten.</source>
        <translation>Messages recorded at this post, newest first ({count}). Only pass on messages with consent to family or loved ones.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gevonden voor ‘{query}’: {count}. Alleen berichten waarvoor toestemming is gegeven, van alle posten; deze mag u doorgeven.</source>
        <translation>Found for ‘{query}’: {count}. Only messages with consent, from all posts; you may pass these on.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Niets gevonden voor ‘{query}’ met toestemming om te delen. Probeer een deel van de naam, of vraag later opnieuw: berichten van andere posten komen binnen bij het synchroniseren.</source>
        <translation>Nothing found for ‘{query}’ with consent to share. Try part of the name, or ask again later: messages from other posts arrive when synchronising.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Vul ook (een deel van) de naam in.</source>
        <translation>Also fill in (part of) the name.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vul het geboortejaar in met 4 cijfers, of laat het leeg.</source>
        <translation>Fill in the year of birth with 4 digits, or leave it empty.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Gevonden berichten exporteren</source>
        <translation>Export found messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV-bestand (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Persoonsgegevens exporteren</source>
        <translation>Export personal data</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Dit bestand bevat persoonsgegevens van %n bericht(en): naam, geboortejaar, bericht en contact.</source>
        <translation>
            <numerusform>This file holds personal data of %n message: name, year of birth, message and contact.</numerusform>
            <numerusform>This file holds personal data of %n messages: name, year of birth, message and contact.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Geëxporteerd: %n bericht(en) naar {path}.</source>
        <translation>
            <numerusform>Exported: %n message to {path}.</numerusform>
            <numerusform>Exported: %n messages to {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Geef het alleen aan het verwanteninformatieproces van de veiligheidsregio, en bewaar het niet langer dan nodig. Alleen berichten met toestemming gaan mee. Het exporteren wordt vastgelegd in het auditlogboek. Doorgaan?</source>
        <translation>Only give it to the safety region&apos;s relatives information process, and do not keep it longer than needed. Only messages with consent are included. The export is recorded in the audit log. Continue?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Niet exporteren</source>
        <translation>Do not export</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Niet geëxporteerd: {message}</source>
        <translation>Not exported: {message}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Kies een bericht om het helemaal te lezen.</source>
        <translation>Choose a message to read all of it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (geboren {year})</source>
        <translation> (born {year})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opgenomen {when} op post {post} · {consent}</source>
        <translation>Recorded {when} at post {post} · {consent}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(geen bericht)</source>
        <translation>(no message)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact: {contact}</source>
        <translation>Contact: {contact}</translation>
    </message>
</context>
<context>
    <name>MessagesService</name>
    <message>
        <location filename="../../noodpost/services/messages.py" line="+108"/>
        <source>{what} is te lang (hooguit {most} tekens). Maak het korter.</source>
        <extracomment>A search needs at least this many letters of the name (no browsing through everyone). The CSV layout of an exported found list (docs/veilig-en-wel-csv.md): keep in step.</extracomment>
        <translation>{what} is too long (at most {most} characters). Make it shorter.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>de naam</source>
        <translation>the name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De naam is te lang (hooguit {most} tekens).</source>
        <translation>The name is too long (at most {most} characters).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Het bericht</source>
        <translation>The message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De contactgegevens</source>
        <translation>The contact details</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Geef aan of de bewoner toestemming geeft om gevonden te worden.</source>
        <translation>Indicate whether the resident consents to being found.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+57"/>
        <source>Geboortejaar {year} klopt niet.</source>
        <translation>Birth year {year} is not right.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Dit huishouden is niet (meer) bekend.</source>
        <translation>This household is not known (any more).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>een naam om te zoeken</source>
        <translation>a name to search for</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Typ minstens {least} letters van de naam.</source>
        <translation>Type at least {least} letters of the name.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Er is niets om te exporteren: zoek eerst, alleen berichten met toestemming worden meegenomen.</source>
        <translation>There is nothing to export: search first; only messages with consent are included.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{path} is een map. Geef een bestandsnaam.</source>
        <translation>{path} is a folder. Give a file name.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Kan {path} niet schrijven ({reason}). Controleer of de map bestaat, de schijf niet vol is en er geschreven mag worden, en kies zo nodig een andere plek.</source>
        <translation>Cannot write {path} ({reason}). Check that the folder exists, the disk is not full and writing is allowed, and choose another place if needed.</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/needs_forms.py" line="-122"/>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>NeedForms</name>
    <message>
        <location line="-22"/>
        <source>kaart %1</source>
        <translation>card %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zonder huishouden</source>
        <translation>without household</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Nieuwe hulpvraag</source>
        <translation>New need</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nieuwe hulpvraag (zonder huishouden)</source>
        <translation>New need (without household)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Doorverwijzen</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doorverwijzen: %1</source>
        <translation>Refer: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Hulpvraag annuleren</source>
        <translation>Cancel need</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuleren: %1</source>
        <translation>Cancel: %1</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/needs.py" line="+62"/>
        <source>Hulpvragen</source>
        <extracomment>Status filter choices besides the single statuses. What the list is filtered on: category, urgency, statuses (``None``: every status). Where a row keeps its need (after the six columns shown).</extracomment>
        <translation>Help requests</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Huishouden</source>
        <translation>Household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;In behandeling</source>
        <translation>&amp;In progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Afgehandeld</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Doorverwijzen…</source>
        <translation>&amp;Refer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annu&amp;leren…</source>
        <translation>Ca&amp;ncel…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>alle categorieën</source>
        <translation>all categories</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alle open</source>
        <translation>all open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alle, ook afgesloten</source>
        <translation>all, including closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nieuwe hulpvraag… (Ctrl+N)</source>
        <translation>&amp;New need… (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Categorie</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Urgentie</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Hulpvragen in deze lijst: %1</source>
        <translation>Needs in this list: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>naar %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Kies een hulpvraag in de lijst om hem verder te zetten.</source>
        <translation>Choose a need in the list to move it on.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notitie: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Doorverwezen naar: %1</source>
        <translation>Referred to: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bij de laatste wijziging: %1</source>
        <translation>At the last change: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deze hulpvraag is afgesloten.</source>
        <translation>This need is closed.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>✔ Nieuwe hulpvraag opgeslagen: %1 (%2).</source>
        <translation>✔ New need saved: %1 (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ Hulpvraag %1 is nu %2.</source>
        <translation>✔ Need %1 is now %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Met deze filters staat hij niet meer in de lijst.</source>
        <translation>With these filters it is no longer in the list.</translation>
    </message>
</context>
<context>
    <name>NeedsService</name>
    <message>
        <location filename="../../noodpost/services/needs.py" line="+108"/>
        <source>Kies een categorie voor de hulpvraag: {choices}.</source>
        <extracomment>Statuses of a need that still asks for something to be done. How many ids one query asks for at most (well under SQLite&apos;s variable limit).</extracomment>
        <translation>Choose a category for the help request: {choices}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kies als urgentie spoed, hoog of normaal.</source>
        <translation>Choose urgent, high or normal as the urgency.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kies een status voor de hulpvraag: {choices}.</source>
        <translation>Choose a status for the help request: {choices}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>De notitie is te lang (hooguit {most} tekens). Maak haar korter.</source>
        <translation>The note is too long (at most {most} characters). Make it shorter.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Dit huishouden is niet bekend. Scan de kaart opnieuw, of noteer de hulpvraag zonder huishouden.</source>
        <translation>This household is not known. Scan the card again, or note the help request without a household.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Vul in naar wie of waar de hulpvraag is doorverwezen.</source>
        <translation>Enter to whom or where the help request has been referred.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waar de hulpvraag heen gaat is te lang (hooguit {most} tekens).</source>
        <translation>Where the help request goes is too long (at most {most} characters).</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Deze hulpvraag is niet bekend.</source>
        <translation>This help request is not known.</translation>
    </message>
</context>
<context>
    <name>NewNeedDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/needs_forms.py" line="-69"/>
        <source>Wat is er nodig? (mag leeg blijven)</source>
        <translation>What is needed? (may be left empty)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Categorie</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Urgentie</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notitie</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Een hulpvraag van een huishouden noteert u aan de balie, na het scannen.</source>
        <translation>A household&apos;s need is noted at the desk, after scanning.</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/charging_ticket.py" line="+4"/>
        <source>Bon maken</source>
        <translation>Make ticket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nieuwe oplaadbon</source>
        <translation>New charging ticket</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bijvoorbeeld: telefoon, zwart hoesje</source>
        <translation>For example: phone, black case</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan of typ de kaartcode (mag leeg blijven)</source>
        <translation>Scan or type the card code (may be left empty)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+31"/>
        <source>Zonder kaart: de bon hoort bij niemand in het bijzonder.</source>
        <translation>Without a card: the ticket belongs to no one in particular.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>&amp;Apparaat</source>
        <translation>&amp;Device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kaart</source>
        <translation>&amp;Card</translation>
    </message>
</context>
<context>
    <name>NodeStorage</name>
    <message>
        <location filename="../../noodpost/storage/node.py" line="+45"/>
        <source>Deze map bevat nog geen noodsteunpunt. Richt het eerst in met &apos;noodpost init --role post --name NAAM --code CODE&apos;.</source>
        <translation>This folder does not hold a post yet. Set it up first with &apos;noodpost init --role post --name NAME --code CODE&apos;.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Deze map bevat al een ingericht noodsteunpunt; de identiteit en gegevens worden nooit overschreven. Kies een andere map met --data-dir.</source>
        <translation>This folder already holds a post that has been set up; its identity and data are never overwritten. Choose another folder with --data-dir.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{folder} is een bestand, geen map. Kies met --data-dir een map (of een nieuwe naam: Noodpost maakt de map dan zelf).</source>
        <translation>{folder} is a file, not a folder. Choose a folder with --data-dir (or a new name: Noodpost then makes the folder itself).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} is geen databasebestand maar een map of iets anders. Noodpost laat het onaangeroerd. Verplaats of hernoem het, of kies met --data-dir een andere map.</source>
        <translation>{path} is not a database file but a folder or something else. Noodpost leaves it untouched. Move or rename it, or choose another folder with --data-dir.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Het bestand {path} met de plek van de database is niet te lezen ({reason}). Herstel het of zet de juiste postgresql://-URL erin.</source>
        <extracomment>In a data folder whose database is on a PostgreSQL server: the file with its URL. The folder still holds the keys, the settings and the logs.</extracomment>
        <translation>The file {path} with the database&apos;s location cannot be read ({reason}). Repair it or put the right postgresql:// URL in it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In {path} staat geen postgresql://-URL. Zet de URL van de database erin, bijvoorbeeld postgresql://noodpost@dbserver/regio.</source>
        <translation>{path} holds no postgresql:// URL. Put the database&apos;s URL in it, for example postgresql://noodpost@dbserver/regio.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Een werkplek werkt op de database van het C-NSP. Geef de postgresql://-URL, bijvoorbeeld noodpost --workstation postgresql://noodpost@dbserver/regio.</source>
        <translation>A workstation works on the C-NSP&apos;s database. Give the postgresql:// URL, for example noodpost --workstation postgresql://noodpost@dbserver/regio.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De map {folder} hoort al bij een eigen noodsteunpunt. Kies voor de werkplek een andere map met --data-dir.</source>
        <translation>The folder {folder} already belongs to a post of its own. Choose another folder for the workstation with --data-dir.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>De map {folder} hoort al bij een andere database ({path}). Kies voor deze werkplek een andere map met --data-dir.</source>
        <translation>The folder {folder} already belongs to another database ({path}). Choose another folder for this workstation with --data-dir.</translation>
    </message>
</context>
<context>
    <name>Noodlijst</name>
    <message>
        <location filename="../../noodpost/reports/noodlijst.py" line="+205"/>
        <source>De noodlijst is voor een noodsteunpunt: op de C-NSP is niemand aanwezig. Druk hem af op de laptop van de post.</source>
        <translation>The emergency list is for a post: nobody is present at the C-NSP. Print it on the post&apos;s laptop.</translation>
    </message>
</context>
<context>
    <name>OpeningStock</name>
    <message>
        <location filename="../../noodpost/services/opening_stock.py" line="+43"/>
        <source>Vul in hoeveel {item} ({unit}) u op voorraad hebt.</source>
        <extracomment>The source written on every line of the opening stock.</extracomment>
        <translation>Fill in how much {item} ({unit}) you have in stock.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{item} staat niet meer in de voorraadlijst.</source>
        <translation>{item} is no longer in the stock list.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{item}: {message}</source>
        <translation>{item}: {message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vul bij minstens één artikel in hoeveel er op voorraad is.</source>
        <translation>Fill in for at least one item how much is in stock.</translation>
    </message>
</context>
<context>
    <name>OpeningStockDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/opening_stock.py" line="+38"/>
        <source>Beginvoorraad boeken</source>
        <extracomment>Up to this many items the list needs no scroll bar (the catalogue has fourteen).</extracomment>
        <translation>Book opening stock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alles boeken</source>
        <translation>Book all</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vul per artikel in hoeveel er nu op voorraad is; met Tab gaat u naar het volgende artikel. Lege velden worden overgeslagen. Enter boekt alles in één keer, als levering &apos;Beginvoorraad&apos;.</source>
        <translation>Fill in per item how much is in stock now; Tab goes to the next item. Empty fields are skipped. Enter books everything at once, as the delivery &apos;Beginvoorraad&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Artikel</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nu in de lijst</source>
        <translation>Now in the list</translation>
    </message>
</context>
<context>
    <name>OsError</name>
    <message>
        <location filename="../../noodpost/core/errors.py" line="+38"/>
        <source>schijf vol</source>
        <translation>disk full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bestand te groot voor deze schijf</source>
        <translation>file too large for this disk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>geen toestemming</source>
        <translation>no permission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alleen-lezen</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bestaat niet</source>
        <translation>does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schijf niet (meer) aangesloten</source>
        <translation>disk not (or no longer) connected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lees- of schrijffout</source>
        <translation>read or write error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>geen map</source>
        <translation>not a folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>een map, geen bestand</source>
        <translation>a folder, not a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>naam te lang voor deze schijf</source>
        <translation>name too long for this disk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bestaat al</source>
        <translation>already exists</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>systeemfout {code}</source>
        <translation>system error {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>systeemfout</source>
        <translation>system error</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/overview.py" line="+48"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Vernieuwen (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Aggregaat: stand &amp;noteren… (Ctrl+N)</source>
        <translation>Generator: &amp;note a reading… (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Aggregaat: {line}</source>
        <translation>Generator: {line}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — BRANDSTOF VOOR MINDER DAN {hours} UUR: laat bijvullen</source>
        <translation> — FUEL FOR LESS THAN {hours} HOURS: have it refilled</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>C-NSP</source>
        <translation>C-NSP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>post</source>
        <translation>post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OEFENING</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laptopnummer {id}</source>
        <translation>Laptop number {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database in orde · niets in quarantaine</source>
        <translation>Database in order · nothing in quarantine</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Database in orde · %n wijziging(en) in quarantaine: laat de coördinator ze bekijken op Synchronisatie</source>
        <translation>
            <numerusform>Database in order · %n change in quarantine: let the coordinator review it on Synchronisation</numerusform>
            <numerusform>Database in order · %n changes in quarantine: let the coordinator review them on Synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Databasecontrole meldt een probleem ({problem}). Maak een back-up en waarschuw de coördinator.</source>
        <translation>The database check reports a problem ({problem}). Make a backup and tell the coordinator.</translation>
    </message>
</context>
<context>
    <name>PairingPanel</name>
    <message>
        <location filename="../../noodpost/gui/pages/sync_pairing.py" line="+68"/>
        <source>Koppelen</source>
        <translation>Pairing</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Adres(sen) van deze C-NSP voor de posten:</source>
        <translation>&amp;Address(es) of this C-NSP for the posts:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Koppelbestand opslaan…</source>
        <translation>Save pairing file…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Koppelbestand inlezen…</source>
        <translation>Read pairing file…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Een post leest het koppelbestand in (USB-stick) of scant deze code. Daarna keurt u de post hier goed als de vingerafdrukken gelijk zijn.</source>
        <translation>A post reads the pairing file (USB stick) or scans this code. Then you approve the post here when the fingerprints match.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nog niet gekoppeld. Vraag de C-NSP om het koppelbestand (bijvoorbeeld op een USB-stick) en lees het hier in. Daarna kunt u bundels uitwisselen.</source>
        <translation>Not paired yet. Ask the C-NSP for the pairing file (for example on a USB stick) and read it here. Then you can exchange bundles.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>geen netwerkadres (alleen USB)</source>
        <translation>no network address (USB only)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gekoppeld aan &lt;b&gt;{name}&lt;/b&gt; ({code}) · vingerafdruk C-NSP: &lt;b&gt;{fp}&lt;/b&gt; · adres: {addresses}</source>
        <translation>Paired with &lt;b&gt;{name}&lt;/b&gt; ({code}) · C-NSP fingerprint: &lt;b&gt;{fp}&lt;/b&gt; · address: {addresses}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Koppelcode van deze C-NSP, vingerafdruk {fp}</source>
        <translation>Pairing code of this C-NSP, fingerprint {fp}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Koppelbestand opslaan</source>
        <translation>Save pairing file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Koppelbestand (*.json)</source>
        <translation>Pairing file (*.json)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Koppelbestand inlezen</source>
        <translation>Read pairing file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Koppelbestand (*.json);;Alle bestanden (*)</source>
        <translation>Pairing file (*.json);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PaperActions</name>
    <message>
        <location filename="../../noodpost/gui/paper_actions.py" line="+45"/>
        <source>Noodlijst afdrukken…</source>
        <extracomment>The number of forms the question suggests.</extracomment>
        <translation>Print emergency list…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Papieren formulieren afdrukken…</source>
        <translation>Print paper forms…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Papier invoeren…</source>
        <translation>Enter paper forms…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n papieren formulier(en) ingevoerd.</source>
        <translation>
            <numerusform>%n paper form entered.</numerusform>
            <numerusform>%n paper forms entered.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Noodlijst opslaan</source>
        <translation>Save emergency list</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Papieren formulieren</source>
        <translation>Paper forms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hoeveel inschrijfformulieren? Elk formulier krijgt een kaart met een eigen kaartcode, die nu wordt gereserveerd.</source>
        <translation>How many intake forms? Each form gets a card with its own card code, reserved now.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Formulieren opslaan</source>
        <translation>Save forms</translation>
    </message>
</context>
<context>
    <name>PaperEntry</name>
    <message>
        <location filename="../../noodpost/services/paper_entry.py" line="+98"/>
        <source>Er is al een huishouden met dezelfde naam, hetzelfde geboortejaar en dezelfde postcode. Is het formulier van dat huishouden?</source>
        <extracomment>A form&apos;s time may be this far ahead of the laptop&apos;s clock (two clocks never agree exactly).</extracomment>
        <translation>There is already a household with the same name, birth year and postcode. Is the form from that household?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Deze post is nog niet ingericht.</source>
        <translation>This post has not been set up yet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>De tijd op het formulier ({when}) ligt in de toekomst. Kijk de datum en de tijd na.</source>
        <translation>The time on the form ({when}) is in the future. Check the date and the time.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De tijd op het formulier ({when}) ligt voor de opening van de post ({opened}). Kijk de datum en de tijd na.</source>
        <translation>The time on the form ({when}) is before the post opened ({opened}). Check the date and the time.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Papieren formulieren worden op de post ingevoerd, niet op de C-NSP.</source>
        <translation>Paper forms are entered at the post, not at the C-NSP.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>De vertrektijd ligt voor de aankomsttijd. Kijk de tijden na.</source>
        <translation>The time of leaving is before the time of arrival. Check the times.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Dit huishouden is nu als aanwezig aangemeld. Vul op het formulier de vertrektijd in, of meld het eerst af.</source>
        <translation>This household is checked in as present now. Enter the time of leaving from the form, or check it out first.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Dit huishouden is niet (meer) bekend op deze post.</source>
        <translation>This household is not known (any more) at this post.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kaart {card} is nog niet uitgegeven: vul het aantal personen in (1 tot {most}) om het huishouden in te schrijven.</source>
        <translation>Card {card} has not been given out yet: enter the number of people (1 to {most}) to register the household.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Datum &apos;{day}&apos; klopt niet: schrijf bijvoorbeeld 29-11.</source>
        <translation>Date &apos;{day}&apos; is not right: write, for example, 29-11.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tijd &apos;{clock}&apos; klopt niet: schrijf bijvoorbeeld 14:00.</source>
        <translation>Time &apos;{clock}&apos; is not right: write, for example, 14:00.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{day} {clock} bestaat niet. Kijk de datum en de tijd na.</source>
        <translation>{day} {clock} does not exist. Check the date and the time.</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/paper_entry.py" line="+59"/>
        <source>Papier invoeren</source>
        <extracomment>Items shown at least; the rest scroll (the catalogue has fifteen).</extracomment>
        <translation>Enter paper forms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Formulier opslaan</source>
        <translation>Save form</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Typ een papieren formulier over zoals het is ingevuld: de tijd van het papier telt, niet de tijd van nu. Enter slaat het op; daarna is het volgende formulier aan de beurt. Huishouden: alleen invullen als de kaart nog niet was uitgegeven.</source>
        <translation>Type a paper form in as it was filled in: the time on the paper counts, not the time now. Enter saves it; then the next form is up. Household: only fill in when the card had not been issued yet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>nog binnen</source>
        <translation>still inside</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Uitgegeven (volgens het turfschema)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Handed out (from the tally grid)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Kaartcode:</source>
        <translation>&amp;Card code:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Aankomst:</source>
        <translation>&amp;Arrived:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vertrek:</source>
        <translation>&amp;Left:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Personen:</source>
        <translation>&amp;Persons:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Geboortejaar:</source>
        <translation>&amp;Year of birth:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ostcode:</source>
        <translation>P&amp;ostcode:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Geboortejaar &apos;{year}&apos; klopt niet: schrijf vier cijfers.</source>
        <translation>Year of birth &apos;{year}&apos; is not right: write four digits.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{field}: vul een getal in, bijvoorbeeld 3 of 1,5.</source>
        <translation>{field}: enter a number, for example 3 or 1.5.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>✔ Formulier %1 opgeslagen: huishouden %2 ingeschreven</source>
        <translation>✔ Form %1 saved: household %2 registered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Formulier %1 opgeslagen: huishouden %2</source>
        <translation>✔ Form %1 saved: household %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n uitgifte(n)</source>
        <translation>
            <numerusform>%n hand-out</numerusform>
            <numerusform>%n hand-outs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nu het volgende formulier.</source>
        <translation>Now the next form.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Toch uitgeven</source>
        <translation>Hand out anyway</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bestaand huishouden?</source>
        <translation>Existing household?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Ja: kaart %1</source>
        <translation>&amp;Yes: card %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Nee, nieuw huishouden</source>
        <translation>&amp;No, a new household</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Terug</source>
        <translation>&amp;Back</translation>
    </message>
</context>
<context>
    <name>PdfFiles</name>
    <message>
        <location filename="../../noodpost/gui/printing/pdf.py" line="+67"/>
        <source>De PDF kan niet worden opgemaakt. Probeer het opnieuw; lukt het niet, meld het dan aan de beheerder.</source>
        <extracomment>Draws one page, given the active painter and the whole page in device units.</extracomment>
        <translation>The PDF cannot be made. Try again; if it does not work, tell the administrator.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>De PDF kan niet worden opgemaakt: een nieuwe pagina lukte niet.</source>
        <translation>The PDF cannot be made: starting a new page failed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kan het bestand {path} niet schrijven: bestaat de map {folder}? Kies een bestaande map.</source>
        <translation>Cannot write the file {path}: does the folder {folder} exist? Choose an existing folder.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kan het bestand {path} niet schrijven: er is geen toestemming om in die map te schrijven. Kies een andere map.</source>
        <translation>Cannot write the file {path}: there is no permission to write in that folder. Choose another folder.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kan het bestand {path} niet schrijven: de schijf is vol. Kies een andere plek.</source>
        <translation>Cannot write the file {path}: the disk is full. Choose another place.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kan het bestand {path} niet schrijven ({reason}). Kies een andere plek.</source>
        <translation>Cannot write the file {path} ({reason}). Choose another place.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{path} is een map. Geef een bestandsnaam, bijvoorbeeld {example}.</source>
        <translation>{path} is a folder. Give a file name, for example {example}.</translation>
    </message>
</context>
<context>
    <name>Pins</name>
    <message>
        <location filename="../../noodpost/services/pins.py" line="+57"/>
        <source>Een pincode bestaat uit 4 tot 8 cijfers. Kies een andere pincode.</source>
        <extracomment>Wrong PINs in a row after which sign-in is locked. How long sign-in stays locked (seconds) after the first, second, third … lock in a row. A lock that follows another without a good sign-in in between takes the next step; past the last step every lock lasts as long as the last one. One minute is enough for a volunteer who mistyped; at the cap someone guessing gets five tries an hour, so a four-digit PIN takes weeks of trying on average. A good sign-in, or a coordinator&apos;s new PIN, starts from the first step. The first lock&apos;s length. Up to this many seconds a wait is said in seconds; longer ones in whole minutes.</extracomment>
        <translation>A PIN has 4 to 8 digits. Choose another PIN.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>seconde</source>
        <translation>second</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seconden</source>
        <translation>seconds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minuut</source>
        <translation>minute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>minuten</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Te vaak een verkeerde pincode. Inloggen is nog {wait} geblokkeerd; probeer het daarna opnieuw.</source>
        <translation>Too many wrong PINs. Signing in is blocked for another {wait}; try again after that.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>poging</source>
        <translation>attempt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pogingen</source>
        <translation>attempts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pincode onjuist. Probeer het opnieuw (nog {attempts}).</source>
        <translation>Wrong PIN. Try again ({attempts} left).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pincode onjuist. Na {most} verkeerde pogingen is inloggen {wait} geblokkeerd.</source>
        <translation>Wrong PIN. After {most} wrong attempts, signing in is blocked for {wait}.</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <location filename="../../noodpost/storage/placement.py" line="+215"/>
        <source>De gegevensmap {folder} staat op een netwerkschijf{where}; valt de verbinding weg, dan kan de database beschadigd raken. De database hoort op de eigen schijf van deze laptop. Kies een map op de eigen schijf met --data-dir, of gebruik de standaardmap {default}. Een USB-stick gebruikt u alleen voor bundels en back-ups.</source>
        <extracomment>File system types that live on another machine.</extracomment>
        <translation>The data folder {folder} is on a network drive{where}; if the connection drops, the database can be damaged. The database belongs on this laptop&apos;s own disk. Choose a folder on the own disk with --data-dir, or use the default folder {default}. Use a USB stick only for bundles and backups.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De gegevensmap {folder} staat op een USB-stick of andere verwisselbare schijf{where}; wordt die eruit getrokken, dan kan de database beschadigd raken. De database hoort op de eigen schijf van deze laptop. Kies een map op de eigen schijf met --data-dir, of gebruik de standaardmap {default}. Een USB-stick gebruikt u alleen voor bundels en back-ups.</source>
        <translation>The data folder {folder} is on a USB stick or other removable drive{where}; if it is pulled out, the database can be damaged. The database belongs on this laptop&apos;s own disk. Choose a folder on the own disk with --data-dir, or use the default folder {default}. Use a USB stick only for bundles and backups.</translation>
    </message>
</context>
<context>
    <name>PostDetailsDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/post_details.py" line="+69"/>
        <source>Noodpost — C-NSP en bewaartermijn</source>
        <translation>Noodpost — C-NSP and retention period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noodpost — post en bewaartermijn</source>
        <translation>Noodpost — post and retention period</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gegevens van de C-NSP</source>
        <translation>C-NSP details</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>niet ingesteld</source>
        <translation>not set</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bijvoorbeeld dag en nacht, of 8:00–22:00</source>
        <translation>for example day and night, or 8:00–22:00</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Capaciteit</source>
        <translation>&amp;Capacity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Adres</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Openingstijden</source>
        <translation>Opening &amp;hours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bewaartermijn</source>
        <translation>&amp;Retention period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wat deze post biedt</source>
        <translation>What this post offers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;luiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Persoonsgegevens</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nu &amp;anonimiseren</source>
        <translation>&amp;Anonymise now</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>De crisis</source>
        <translation>The crisis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De post</source>
        <translation>The post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is open.</source>
        <translation>%1 is open.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crisis a&amp;fsluiten</source>
        <translation>Close cr&amp;isis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post &amp;sluiten</source>
        <translation>Close &amp;post</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is gesloten sinds %2.</source>
        <translation>%1 has been closed since %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Crisis &amp;heropenen</source>
        <translation>Reopen cr&amp;isis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post &amp;openen</source>
        <translation>Open &amp;post</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zolang de post open is, blijven de persoonsgegevens bewaard. Na het sluiten worden ze na de bewaartermijn geanonimiseerd: namen gewist, geboortejaar wordt leeftijdsgroep, postcode alleen de cijfers, contactgegevens en gezondheidskenmerken weg. Aantallen en statistieken blijven.</source>
        <translation>As long as the post is open, personal data is kept. After closing, it is anonymised once the retention period is over: names erased, year of birth becomes age group, postcode only the digits, contact details and health flags removed. Numbers and statistics remain.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Persoonsgegevens worden geanonimiseerd vanaf %1.</source>
        <translation>Personal data will be anonymised from %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nu te anonimiseren: %1.</source>
        <translation>To anonymise now: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Er is nu niets te anonimiseren.</source>
        <translation>There is nothing to anonymise right now.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>De gegevens zijn opgeslagen.</source>
        <translation>The details have been saved.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>De crisis afsluiten? Daarmee begint de bewaartermijn van %n dag(en) voor alle persoonsgegevens op deze C-NSP.</source>
        <translation>
            <numerusform>Close the crisis? This starts the retention period of %n day for all personal data on this C-NSP.</numerusform>
            <numerusform>Close the crisis? This starts the retention period of %n days for all personal data on this C-NSP.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>De post sluiten? Daarmee begint de bewaartermijn van %n dag(en); daarna worden de persoonsgegevens geanonimiseerd.</source>
        <translation>
            <numerusform>Close the post? This starts the retention period of %n day; after that the personal data is anonymised.</numerusform>
            <numerusform>Close the post? This starts the retention period of %n days; after that the personal data is anonymised.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gesloten. De bewaartermijn loopt.</source>
        <translation>Closed. The retention period is running.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weer open. De bewaartermijn is gestopt.</source>
        <translation>Open again. The retention period has stopped.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nu anonimiseren: %1? Namen, contactgegevens en gezondheidskenmerken worden definitief gewist, hier en — bij de volgende synchronisatie — bij de C-NSP.</source>
        <translation>Anonymise now: %1? Names, contact details and health flags are erased for good, here and — at the next synchronisation — at the C-NSP.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anonimiseren</source>
        <translation>Anonymise</translation>
    </message>
</context>
<context>
    <name>PostPage</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="-133"/>
        <source>Naam en code van de post</source>
        <translation>Name and code of the post</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bijvoorbeeld Dorpshuis Ten Boer</source>
        <translation>for example Dorpshuis Ten Boer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bijvoorbeeld GR-0014</source>
        <translation>for example GR-0014</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nog onbekend</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>De code die de gemeente of de veiligheidsregio aan deze post gaf: twee letters, een streepje en vier cijfers. Hij staat ook op de kaarten.</source>
        <translation>The code the municipality or the safety region gave this post: two letters, a hyphen and four digits. It is also printed on the cards.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;apaciteit</source>
        <translation>C&amp;apacity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hoeveel mensen kunnen hier tegelijk aanwezig zijn? Later aan te passen.</source>
        <translation>How many people can be here at the same time? Can be changed later.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zoals bezoekers en de C-NSP de post kennen.</source>
        <translation>As visitors and the C-NSP know the post.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoals de posten en de meldkamer de C-NSP kennen.</source>
        <translation>As the posts and the dispatch centre know the C-NSP.</translation>
    </message>
</context>
<context>
    <name>PostService</name>
    <message>
        <location filename="../../noodpost/services/post.py" line="+80"/>
        <source>&apos;{value}&apos; is geen taak van een noodsteunpunt.</source>
        <translation>&apos;{value}&apos; is not a task of a post.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{what} is te lang (hooguit {most} tekens).</source>
        <translation>{what} is too long (at most {most} characters).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De gegevens van deze post ontbreken. Richt de post opnieuw in.</source>
        <translation>This post&apos;s details are missing. Set up the post again.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>de naam van de post</source>
        <translation>the name of the post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De naam is te lang (hooguit 200 tekens).</source>
        <translation>The name is too long (at most 200 characters).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De capaciteit kan niet negatief zijn.</source>
        <translation>The capacity cannot be negative.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kies een bewaartermijn van {least} tot {most} dagen.</source>
        <translation>Choose a retention period of {least} to {most} days.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Het adres</source>
        <translation>The address</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De openingstijden</source>
        <translation>The opening hours</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>De crisis is al open.</source>
        <translation>The crisis is already open.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De post is al open.</source>
        <translation>The post is already open.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De crisis is al gesloten. Open eerst opnieuw als er weer mensen komen.</source>
        <translation>The crisis is already closed. Open it again first if people come again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De post is al gesloten. Open eerst opnieuw als er weer mensen komen.</source>
        <translation>The post is already closed. Open it again first if people come again.</translation>
    </message>
</context>
<context>
    <name>PostTableModel</name>
    <message>
        <location filename="../../noodpost/gui/pages/regional_table.py" line="+69"/>
        <source>Post</source>
        <extracomment>A post this full (present / capacity) shows amber. Filters: key → which rows pass (the Dutch labels are in :meth:`RegionalPage.filter_labels`). The column with the generator&apos;s hours of power left (the last).</extracomment>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meldingen</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aanwezig</source>
        <translation>Present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hulpvragen</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tekorten</source>
        <translation>Shortages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dienst</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aggregaat</source>
        <translation>Generator</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>nog geen gegevens</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gesloten</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nog geen contact</source>
        <translation>no contact yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · KLOK VERDACHT</source>
        <translation> · CLOCK SUSPECT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> VOL</source>
        <translation> FULL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} ({u} spoed)</source>
        <translation>{n} ({u} immediate)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> +{n}</source>
        <translation> +{n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} NIET BEVESTIGD</source>
        <translation>{n} NOT ACKNOWLEDGED</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (van {n})</source>
        <translation> (of {n})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> · TEKORT</source>
        <translation> · SHORT</translation>
    </message>
</context>
<context>
    <name>Power</name>
    <message>
        <location filename="../../noodpost/gui/power.py" line="+75"/>
        <source>accu %1 %</source>
        <extracomment>The levels that warn once each, highest first (per cent). The level at which Noodpost makes a backup and offers the noodlijst (per cent). How often the battery is read. How much slower the background runs with *stroombesparing* on. Where readings come from: ``None`` when the laptop has no battery or the system won&apos;t say.</extracomment>
        <translation>battery %1 %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nog %1 u %2 min</source>
        <translation>%1 h %2 min left</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nog %1 min</source>
        <translation>%1 min left</translation>
    </message>
</context>
<context>
    <name>PowerSteps</name>
    <message>
        <location filename="../../noodpost/gui/power_steps.py" line="+54"/>
        <source>&amp;Stroombesparing</source>
        <extracomment>objectName of the menu action that prints the noodlijst (the low-power dialog offers it).</extracomment>
        <translation>&amp;Power saving</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stroomstoring: back-up en noodlijst</source>
        <translation>Power cut: backup and emergency list</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Noodpost — accu</source>
        <translation>Noodpost — battery</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De accu is nog %1 %.</source>
        <translation>The battery is at %1 %.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sluit de laptop aan op stroom of een aggregaat. Met stroombesparing doet Noodpost minder op de achtergrond; een noodmelding gaat altijd meteen weg. Bij %1 % maakt Noodpost een back-up en biedt het de noodlijst aan.</source>
        <translation>Connect the laptop to mains power or a generator. With power saving Noodpost does less in the background; an emergency alarm always goes out at once. At %1 % Noodpost makes a backup and offers the emergency list.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Stroombesparing aan</source>
        <translation>&amp;Power saving on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Noodpost — stroom</source>
        <translation>Noodpost — power</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De accu is bijna leeg (%1 %).</source>
        <translation>The battery is almost empty (%1 %).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voorbereiden op een stroomstoring.</source>
        <translation>Preparing for a power cut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Noodpost maakt nu een back-up (ook op de USB-stick, als die is ingesteld) en zet stroombesparing aan. Druk de noodlijst af, zodat de post op papier verder kan: wie er binnen is, met kaartcodes en wat ze vandaag nog mogen krijgen.</source>
        <translation>Noodpost now makes a backup (to the USB stick too, when one is set) and turns power saving on. Print the emergency list, so the post can carry on on paper: who is inside, with card codes and what they may still have today.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Noodlijst afdrukken…</source>
        <translation>&amp;Print emergency list…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>PresencePage</name>
    <message>
        <location filename="../../noodpost/gui/pages/presence.py" line="+96"/>
        <source>Aanwezig</source>
        <extracomment>Hours without a visit after which a flagged household is listed (the coordinator may change it).</extracomment>
        <translation>Present</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+44"/>
        <source>Kaart</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+44"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>Kenmerken</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Afmelden (Enter / Del)</source>
        <translation>Check out (Enter / Del)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Aanmelden gaat aan de balie: scan daar de kaart.</source>
        <translation>Checking in happens at the desk: scan the card there.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source> uur</source>
        <translation> hours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Laatst gezien</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Huishoudens met een gezondheidskenmerk, niet aanwezig, niet gezien in de laatste</source>
        <translation>Households with a health flag, not present, not seen in the last</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Niet meer gezien</source>
        <translation>Not seen since</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 aanwezig · geen capaciteit ingesteld</source>
        <translation>%1 present · no capacity set</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 / %2 aanwezig</source>
        <translation>%1 / %2 present</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vol · %1</source>
        <translation>Full · %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1. Er mogen wel mensen binnen blijven; overleg met de coördinator.</source>
        <translation>%1. People may stay inside; talk it over with the coordinator.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Huishoudens aanwezig: %1</source>
        <translation>Households present: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Er is nu niemand aangemeld als aanwezig.</source>
        <translation>Nobody is checked in as present right now.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>nog nooit geweest</source>
        <translation>never been here</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>minder dan een uur geleden</source>
        <translation>less than an hour ago</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n uur geleden</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n dagen geleden</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Let op: niet gezien (%1). Ga na of het goed gaat met de huishoudens hieronder.</source>
        <translation>Note: not seen (%1). Check that the households below are all right.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Iedereen met een kenmerk is aanwezig of in de laatste %n uur gezien.</source>
        <translation>
            <numerusform>Everyone with a flag is present or was seen in the last hour.</numerusform>
            <numerusform>Everyone with a flag is present or was seen in the last %n hours.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Iedereen met een kenmerk is aanwezig.</source>
        <translation>Everyone with a flag is present.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>✔ Afgemeld: kaart %1 (%2 pers.).</source>
        <translation>✔ Checked out: card %1 (%2 people).</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <location filename="../../noodpost/services/privacy.py" line="+49"/>
        <source>Het auditlogboek is alleen voor de coördinator. Vraag de coördinator van dienst.</source>
        <extracomment>Lists only a coordinator may open.</extracomment>
        <translation>The audit log is for the coordinator only. Ask the coordinator on duty.</translation>
    </message>
</context>
<context>
    <name>PublicWords</name>
    <message>
        <location filename="../../noodpost/gui/public_words.py" line="+20"/>
        <source>niet meer beschikbaar</source>
        <translation>no longer available</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bijna op</source>
        <translation>running low</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>op voorraad</source>
        <translation>available</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>eten en drinken</source>
        <translation>food and drink</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>even opwarmen of afkoelen</source>
        <translation>warming up or cooling down</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>eerste hulp, hygiëne en medicijnen</source>
        <translation>first aid, hygiene and medicines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>een luisterend oor</source>
        <translation>someone to listen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uw telefoon opladen</source>
        <translation>charging your phone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>laten weten dat u veilig en wel bent</source>
        <translation>letting family know you are safe and well</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>informatie en doorverwijzing</source>
        <translation>information and referral</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hulpdiensten waarschuwen als u ze niet kunt bellen</source>
        <translation>alerting the emergency services when you cannot call them</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hulp aanbieden of vragen in de buurt</source>
        <translation>offering or asking for help in the neighbourhood</translation>
    </message>
</context>
<context>
    <name>QuickNeedDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/quick_need.py" line="+37"/>
        <source>Hulpvraag noteren</source>
        <translation>Note a need</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hulpvraag opslaan</source>
        <translation>Save need</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hulpvraag van huishouden %1</source>
        <translation>Need for household %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Wat is er nodig? Geen medische details — mag leeg blijven</source>
        <translation>What is needed? No medical details — may be left empty</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Categorie</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Urgentie</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notitie</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>Rations</name>
    <message>
        <location filename="../../noodpost/core/dutch.py" line="+48"/>
        <source>dag</source>
        <extracomment>The plural of the catalogue&apos;s count units (a volunteer&apos;s own unit without an entry here, or a measure such as ``l`` or ``kg``, is the same for one and for more).</extracomment>
        <translation>day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dagen</source>
        <translation>days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uur</source>
        <translation>hour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minuut</source>
        <translation>minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minuten</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> en </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../noodpost/core/rations.py" line="+102"/>
        <source>{received} (geen rantsoen)</source>
        <translation>{received} (no ration)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{received} van {limit}</source>
        <translation>{received} of {limit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · weer vanaf {time}</source>
        <translation> · again from {time}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{item}: vandaag al {received} van {limit} ontvangen.</source>
        <translation>{item}: already received {received} of {limit} today.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{item}: het rantsoen is {limit} per dag voor dit huishouden.</source>
        <translation>{item}: the ration is {limit} per day for this household.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Met {quantity} erbij wordt het {total}: {over} meer dan het rantsoen.</source>
        <translation>With {quantity} more it becomes {total}: {over} more than the ration.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vorige uitgifte {item} om {time} ({ago} geleden); tussen twee uitgiftes zit minstens {interval}. Weer mogelijk vanaf {ready}.</source>
        <translation>Previous hand-out of {item} at {time} ({ago} ago); there must be at least {interval} between two hand-outs. Possible again from {ready}.</translation>
    </message>
</context>
<context>
    <name>RationsPlural</name>
    <message>
        <location filename="../../noodpost/core/dutch.py" line="-3"/>
        <source>uur</source>
        <translation>hours</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/supply_notice_forms.py" line="+37"/>
        <location line="+6"/>
        <source>Ontvangst melden</source>
        <translation>Report arrival</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tel wat er is aangekomen. Klopt het met wat de C-NSP stuurde? Dan hoeft u niets te veranderen. Na het melden staat het in de voorraad.</source>
        <translation>Count what has arrived. Does it match what the C-NSP sent? Then you need not change anything. Once reported, it is in the stock.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Artikel</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gestuurd</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aangekomen</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>verplicht als er iets anders aankwam dan gestuurd</source>
        <translation>required if something other than what was sent arrived</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Opmerking</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opmerking van de C-NSP: {note}</source>
        <translation>Comment from the C-NSP: {note}</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../noodpost/services/recovery.py" line="+58"/>
        <source>Alleen een coördinator kan de herstelcode bekijken.</source>
        <extracomment>Where the plain copy waits to be sealed, and a sealed backup is opened: inside the data folder (0700), never on the stick.</extracomment>
        <translation>Only a coordinator can view the recovery code.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back-ups buiten deze laptop worden voortaan versleuteld. Er is een herstelcode gemaakt; een coördinator bekijkt die via Noodpost → Herstelcode… of met &apos;noodpost herstelcode --coordinator NAAM&apos; en schrijft hem op (niet bij de laptop of de USB-stick bewaren).</source>
        <translation>Backups outside this laptop are encrypted from now on. A recovery code has been made; a coordinator views it via Noodpost → Recovery code… or with &apos;noodpost herstelcode --coordinator NAME&apos; and writes it down (do not keep it with the laptop or the USB stick).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deze back-up is versleuteld. Geef de herstelcode die bij het inrichten is opgeschreven: --herstelcode CODE. Er is niets veranderd.</source>
        <translation>This backup is encrypted. Give the recovery code that was written down at set-up: --herstelcode CODE. Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>De herstelcode kon niet in {folder} worden bewaard ({reason}).</source>
        <translation>The recovery code could not be saved in {folder} ({reason}).</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>De back-up is niet gemaakt: de map {folder} bestaat niet (meer). Controleer of de USB-stick erin zit en of de map klopt, en probeer het opnieuw.</source>
        <translation>The backup was not made: the folder {folder} does not exist (any more). Check that the USB stick is plugged in and the folder is right, and try again.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{name} is geen bruikbare back-up van Noodpost (een onvolledig bestand). Er is niets veranderd. Kies een andere back-up.</source>
        <translation>{name} is not a usable Noodpost backup (an incomplete file). Nothing has been changed. Choose another backup.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>De back-up kon niet worden geopend in {folder} ({reason}). Er is niets veranderd.</source>
        <translation>The backup could not be opened in {folder} ({reason}). Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Deze back-up is niet met de herstelcode van deze laptop versleuteld. Geef de herstelcode van de post waar hij vandaan komt: --herstelcode CODE. Er is niets veranderd.</source>
        <translation>This backup was not encrypted with this laptop&apos;s recovery code. Give the recovery code of the post it comes from: --herstelcode CODE. Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>De herstelcode staat niet op deze laptop (bijvoorbeeld na terugzetten met hulp van de C-NSP). Gebruik de opgeschreven code.</source>
        <translation>The recovery code is not on this laptop (for example after a restore with the C-NSP&apos;s help). Use the code that was written down.</translation>
    </message>
</context>
<context>
    <name>RecoveryCode</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/recovery_code.py" line="+35"/>
        <source>Met deze herstelcode zet u een versleutelde back-up (van de USB-stick) terug op een andere laptop, als deze laptop kapot of kwijt is. Schrijf hem nu op papier, of druk hem af, en bewaar dat op een veilige plek: niet bij de laptop en niet bij de USB-stick. Een coördinator kan de code later opnieuw bekijken: Noodpost → Herstelcode….</source>
        <translation>With this recovery code you restore an encrypted backup (from the USB stick) on another laptop, if this laptop is broken or lost. Write it down on paper now, or print it, and keep that in a safe place: not with the laptop and not with the USB stick. A coordinator can see the code again later: Noodpost → Recovery code….</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Herstelcode van %1</source>
        <translation>Recovery code of %1</translation>
    </message>
    <message>
        <location filename="../../noodpost/core/recovery_code.py" line="+33"/>
        <source>Deze herstelcode bevat een typefout: controleer elk teken met wat u hebt opgeschreven (7 groepen van 4 tekens). Er is niets veranderd.</source>
        <translation>This recovery code contains a typing error: check each character against what you wrote down (7 groups of 4 characters). Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Het teken &apos;{char}&apos; komt in een herstelcode niet voor. Controleer wat u hebt opgeschreven. Er is niets veranderd.</source>
        <translation>The character &apos;{char}&apos; does not occur in a recovery code. Check what you wrote down. Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Een herstelcode heeft {length} tekens (7 groepen van 4); deze heeft er {typed}. Er is niets veranderd.</source>
        <translation>A recovery code has {length} characters (7 groups of 4); this one has {typed}. Nothing has been changed.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/recovery_code.py" line="+89"/>
        <source>Noodpost — herstelcode</source>
        <translation>Noodpost — recovery code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location line="-32"/>
        <source>Schrijf de herstelcode op</source>
        <translation>Write down the recovery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De post is ingericht. Back-ups op een USB-stick zijn versleuteld: zonder deze code kan niemand ze lezen, ook u niet.</source>
        <translation>The post is set up. Backups on a USB stick are encrypted: without this code nobody can read them, not even you.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ik heb de herstelcode &amp;opgeschreven</source>
        <translation>I have &amp;written down the recovery code</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeView</name>
    <message>
        <location line="-43"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Noodpost herstelcode</source>
        <translation>Noodpost recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Herstelcode afdrukken</source>
        <translation>Print recovery code</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/needs_forms.py" line="+36"/>
        <source>Doorverwijzen</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bijvoorbeeld: huisartsenpost, gemeente</source>
        <translation>For example: GP out-of-hours service, municipality</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mag leeg blijven</source>
        <translation>May be left empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doorverwezen &amp;naar</source>
        <translation>Referred &amp;to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otitie</source>
        <translation>N&amp;ote</translation>
    </message>
</context>
<context>
    <name>RegionalPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/regional.py" line="+92"/>
        <source>Regio</source>
        <extracomment>While shown, the page reads again this often (contact times age without events). Column numbers: the shortages take the rest of the width; visitors today and the number on shift give way first on a narrow screen, then the last contact (the details below the table have all three). The post&apos;s details beside its logbook: at least this many characters wide.</extracomment>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Toon</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vernieuwen (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Logboek van deze post (nieuwste boven)</source>
        <translation>Logbook of this post (newest at the top)</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Alle posten</source>
        <translation>All posts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met open noodmeldingen</source>
        <translation>With open alarms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met tekorten</source>
        <translation>With shortages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met hulpvragen met spoed</source>
        <translation>With immediate help requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vol of bijna vol</source>
        <translation>Full or nearly full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brandstof voor minder dan 12 uur</source>
        <translation>Fuel for less than 12 hours</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nog geen posten bekend. Posten verschijnen hier zodra hun eerste bundel is ingelezen en goedgekeurd (Synchronisatie).</source>
        <translation>No posts known yet. Posts appear here as soon as their first bundle has been read and approved (Synchronisation).</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n post(en)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n persoon/personen aanwezig</source>
        <translation>
            <numerusform>%n person present</numerusform>
            <numerusform>%n people present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n noodmelding(en) NIET BEVESTIGD</source>
        <translation>
            <numerusform>%n emergency alarm NOT CONFIRMED</numerusform>
            <numerusform>%n emergency alarms NOT CONFIRMED</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n post(en) met tekorten</source>
        <translation>
            <numerusform>%n post with shortages</numerusform>
            <numerusform>%n posts with shortages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n post(en) met brandstof voor minder dan 12 uur</source>
        <translation>
            <numerusform>%n post with fuel for less than 12 hours</numerusform>
            <numerusform>%n posts with fuel for less than 12 hours</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Kies een post in de lijst.</source>
        <translation>Choose a post in the list.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Deze post is hier niet meer bekend.</source>
        <translation>This post is no longer known here.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open: {hours}</source>
        <translation>Open: {hours}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status: {status} · contact: {contact}</source>
        <translation>Status: {status} · contact: {contact}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aanwezig {present}{capacity} · vandaag {today} bezoekers</source>
        <translation>Present {present}{capacity} · today {today} visitors</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hulpvragen: {needs}</source>
        <translation>Needs: {needs}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tekort: {text}</source>
        <translation>Shortage: {text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;NIET BEVESTIGD&lt;/b&gt;</source>
        <translation>&lt;b&gt;NOT ACKNOWLEDGED&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bevestigd door {name}</source>
        <translation>acknowledged by {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noodmelding {time}: {type}, {urgency} — {state}</source>
        <translation>Alarm {time}: {type}, {urgency} — {state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Aggregaat: {line}</source>
        <translation>Generator: {line}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>niemand</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In dienst: {names}</source>
        <translation>On duty: {names}</translation>
    </message>
</context>
<context>
    <name>RegionalService</name>
    <message>
        <location filename="../../noodpost/services/regional.py" line="+105"/>
        <source>{item} {amount} (minimum {minimum})</source>
        <extracomment>The hand-out rate for &quot;hours left&quot; is measured over this many hours. How many logbook lines the detail of a post shows. Per ``(origin, incarnation)`` of other nodes: the highest event seq held here.</extracomment>
        <translation>{item} {amount} (minimum {minimum})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{item} {amount} (minimum {minimum}), {left}</source>
        <translation>{item} {amount} (minimum {minimum}), {left}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>netwerk</source>
        <translation>network</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Post {post} is hier niet bekend.</source>
        <translation>Post {post} is not known here.</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>onbekende vrijwilliger</source>
        <translation>unknown volunteer</translation>
    </message>
</context>
<context>
    <name>ReplaceKeyDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/replace_key.py" line="+52"/>
        <source>Sleutel van post vervangen</source>
        <translation>Replace a post&apos;s key</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{code} {name} heeft al een goedgekeurde laptop. Vervangen door de nieuwe?</source>
        <translation>{code} {name} already has an approved laptop. Replace it with the new one?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Na het vervangen vertrouwt de C-NSP de oude laptop niet meer: hij krijgt geen gegevens meer en wat hij nog stuurt, blijft in quarantaine. Vervang alleen als de post bevestigt dat dit zijn nieuwe laptop is: vraag de vingerafdruk die op het scherm Synchronisatie van de nieuwe laptop staat, en vergelijk hem teken voor teken. Een laptop die zich ten onrechte {code} noemt, krijgt anders alle gegevens van deze post.</source>
        <translation>After the replacement the C-NSP no longer trusts the old laptop: it gets no more data, and whatever it still sends stays in quarantine. Replace only when the post confirms this is its new laptop: ask for the fingerprint shown on the new laptop&apos;s Sync screen and compare it character by character. Otherwise a laptop that falsely calls itself {code} gets all of this post&apos;s data.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ja, sleutel vervangen</source>
        <translation>Yes, replace the key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Oude laptop (nu goedgekeurd)</source>
        <translation>Old laptop (approved now)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nieuwe laptop (wacht)</source>
        <translation>New laptop (waiting)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vingerafdruk</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>laatst contact: {when}</source>
        <translation>last contact: {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>eerst gezien: {when}</source>
        <translation>first seen: {when}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/reports.py" line="+59"/>
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Maak een situatierapport voor de C-NSP of exporteer de gegevens voor de veiligheidsregio. Elke export wordt vastgelegd in het auditlogboek.</source>
        <translation>Make a situation report for the C-NSP or export the data for the safety region. Every export is recorded in the audit log.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Situatierapport</source>
        <translation>Situation report</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Eén of twee A4-pagina&apos;s: open of gesloten, aanwezig en capaciteit, bezoekers, open hulpvragen, voorraad met hoe lang die nog strekt, noodmeldingen, knelpunten en een grafiek van de bezoekers per uur.</source>
        <translation>One or two A4 pages: open or closed, present and capacity, visitors, open needs, stock and how long it will last, alarms, bottlenecks and a chart of visitors per hour.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Voor:</source>
        <translation>For:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Situatierapport (PDF)…</source>
        <translation>Situation report (PDF)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV en Excel: één tabel per soort gegevens, met HXL-labels onder de kolomnamen. CAP: de noodmeldingen en hun bevestigingen als CAP 1.2-berichten voor de meldkamer.</source>
        <translation>CSV and Excel: one table per kind of data, with HXL tags below the column names. CAP: the alarms and their acknowledgements as CAP 1.2 messages for the dispatch centre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>met persoonsgegevens (alleen coördinator)</source>
        <translation>with personal data (coordinator only)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporteren CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporteren Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CAP-meldingen…</source>
        <translation>CAP alerts…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>De hele regio</source>
        <translation>The whole region</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Let op: de volgende export bevat persoonsgegevens. Bewaar het bestand veilig en deel het alleen met wie het nodig heeft.</source>
        <translation>Note: the next export contains personal data. Keep the file safe and share it only with those who need it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Standaard zonder persoonsgegevens.</source>
        <translation>By default without personal data.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zonder persoonsgegevens. Alleen een coördinator kan persoonsgegevens meenemen.</source>
        <translation>Without personal data. Only a coordinator can include personal data.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Persoonsgegevens exporteren?</source>
        <translation>Export personal data?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De export bevat dan ook persoonsgegevens:</source>
        <translation>The export will then also contain personal data:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De export wordt met uw naam vastgelegd in het auditlogboek. Doorgaan?</source>
        <translation>The export is recorded in the audit log with your name. Continue?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Situatierapport opslaan</source>
        <translation>Save situation report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Kies een map voor de CSV-bestanden</source>
        <translation>Choose a folder for the CSV files</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Excel-bestand opslaan</source>
        <translation>Save Excel file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kies een map voor de CAP-berichten</source>
        <translation>Choose a folder for the CAP messages</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Klaar: %1</source>
        <translation>Done: %1</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/supply_notice_forms.py" line="+35"/>
        <source>Aanvraag naar de C-NSP</source>
        <translation>Request to the C-NSP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aanvraag sturen</source>
        <translation>Send request</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wat komt deze post tekort? De aanvraag gaat mee met de volgende synchronisatie; de C-NSP antwoordt met een levering of een bericht.</source>
        <translation>What is this post short of? The request goes along with the next synchronisation; the C-NSP answers with a delivery or a message.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>bijvoorbeeld: 40 mensen extra sinds vanmiddag</source>
        <translation>for example: 40 extra people since this afternoon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Toelichting</source>
        <translation>&amp;Explanation</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nodig</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <location filename="../../noodpost/storage/restore.py" line="+84"/>
        <source>{name} is geen bruikbare back-up van Noodpost ({why}). Er is niets veranderd. Kies een andere back-up, bijvoorbeeld de nieuwste uit de map &apos;backups&apos;.</source>
        <translation>{name} is not a usable Noodpost backup ({why}). Nothing has been changed. Choose another backup, for example the newest one from the &apos;backups&apos; folder.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Het bestand {path} bestaat niet. Er is niets veranderd.</source>
        <translation>The file {path} does not exist. Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>een onvolledig bestand</source>
        <translation>an incomplete file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>beschadigd: {check}</source>
        <translation>damaged: {check}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>geen Noodpost-database: {reason}</source>
        <translation>not a Noodpost database: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>er is geen noodsteunpunt in ingericht</source>
        <translation>no post has been set up in it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is gemaakt met een nieuwere versie van Noodpost en kan met deze versie niet worden teruggezet. Installeer de nieuwste versie van Noodpost; er is niets veranderd.</source>
        <translation>{name} was made with a newer version of Noodpost and cannot be restored with this version. Install the latest version of Noodpost; nothing has been changed.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>De database wordt nog gebruikt (is Noodpost nog geopend, of loopt er een andere opdracht?). Sluit Noodpost eerst en probeer het dan opnieuw. Er is niets veranderd.</source>
        <translation>The database is still in use (is Noodpost still open, or is another command running?). Close Noodpost first and then try again. Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>oefengegevens</source>
        <translation>practice data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>echte gegevens</source>
        <translation>real data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deze back-up bevat {backup} en deze map {folder}; oefengegevens en echte gegevens worden nooit gemengd. Er is niets veranderd. Kies een back-up van dezelfde soort, of een lege map.</source>
        <translation>This backup holds {backup} and this folder {folder}; practice data and real data are never mixed. Nothing has been changed. Choose a backup of the same kind, or an empty folder.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deze back-up is van een andere installatie ({name}, {code}) dan de gegevens in deze map ({here}).</source>
        <translation>This backup is from a different installation ({name}, {code}) than the data in this folder ({here}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>De gegevens van deze installatie worden opzij gezet en vervangen door die van de andere installatie.</source>
        <translation>The data of this installation will be set aside and replaced by that of the other installation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Synchroniseren lukt pas weer als ook de map &apos;keys&apos; van die installatie wordt teruggezet.</source>
        <translation>Syncing will only work again once that installation&apos;s &apos;keys&apos; folder is restored too.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Doe dit alleen als u zeker weet dat dit de bedoeling is, bijvoorbeeld om een kapotte laptop te vervangen.</source>
        <translation>Only do this if you are sure it is intended, for example to replace a broken laptop.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Terugzetten in {folder} is niet gelukt</source>
        <translation>Restoring into {folder} did not succeed</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>De oude database staat weer op haar plaats.</source>
        <translation>The old database is back in its place.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De oude database staat veilig in {name}.</source>
        <translation>The old database is safe in {name}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Terugzetten is niet gelukt ({reason}). {where} Sluit Noodpost en probeer het opnieuw.</source>
        <translation>Restoring did not succeed ({reason}). {where} Close Noodpost and try again.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Het verplaatsen naar {folder} is niet gelukt</source>
        <translation>Moving to {folder} did not succeed</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/restore.py" line="+55"/>
        <source>Noodpost — back-up terugzetten</source>
        <translation>Noodpost — restore backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+107"/>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Kies de back-up die u wilt terugzetten. De huidige gegevens worden opzij gezet (nooit verwijderd) en vervangen door die van de back-up. Daarna sluit Noodpost af; start het dan opnieuw.</source>
        <translation>Choose the backup you want to restore. The current data is set aside (never deleted) and replaced by the data from the backup. Noodpost then closes; start it again after that.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Er zijn geen back-ups gevonden: niet op deze laptop en niet in de USB-map. Kies een bestand met &apos;Ander bestand…&apos;.</source>
        <translation>No backups found yet, not on this laptop and not in the USB folder. Choose a file with &apos;Other file…&apos;.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Terugzetten…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Ander bestand…</source>
        <translation>&amp;Other file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Back-upbestand kiezen</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noodpost-back-ups (*.db *.npbk)</source>
        <translation>Noodpost backups (*.db *.npbk)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gekozen bestand: %1</source>
        <translation>Chosen file: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Huidige gegevens worden vervangen door die van deze back-up:
%1

Wat na deze back-up is ingevoerd en al naar de C-NSP was gestuurd, komt bij de volgende synchronisatie terug; de huidige database wordt bewaard. Noodpost sluit daarna af. Doorgaan?</source>
        <translation>The current data will be replaced by the data from this backup:
%1

What was entered after this backup and was already sent to the C-NSP comes back at the next synchronisation; the current database is kept. Noodpost then closes. Continue?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ja, terugzetten</source>
        <translation>Yes, restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Bezig met terugzetten…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Back-up van een andere installatie</source>
        <translation>Backup from another installation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Toch terugzetten</source>
        <translation>Restore anyway</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Back-up teruggezet</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1

Noodpost sluit nu af. Start Noodpost daarna opnieuw.</source>
        <translation>%1

Noodpost will now close. Start Noodpost again after that.</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="-97"/>
        <source>Wat wordt deze laptop?</source>
        <translation>What will this laptop be?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noodpost is in deze map nog niet ingericht. Dat kost een paar minuten.</source>
        <translation>Noodpost has not been set up in this folder yet. It takes a few minutes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lokaal noodsteunpunt (L-NSP): een post in een dorpshuis, sporthal of kerk</source>
        <translation>&amp;Local emergency support point (L-NSP): a post in a community centre, sports hall or church</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Coördinerend noodsteunpunt (C-NSP): overziet de posten in de regio</source>
        <translation>&amp;Coordinating emergency support point (C-NSP): oversees the posts in the region</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Oefenmodus: alleen om te oefenen, nooit gemengd met echte gegevens</source>
        <translation>&amp;Training mode: for practice only, never mixed with real data</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Twijfelt u? Kies dan Lokaal noodsteunpunt. De gemeente of de veiligheidsregio zegt welke post een C-NSP is.</source>
        <translation>Not sure? Then choose Local emergency support point. The municipality or the safety region says which post is a C-NSP.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../noodpost/services/roles.py" line="+22"/>
        <source>Log eerst in met uw pincode.</source>
        <translation>Sign in with your PIN first.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alleen een coördinator kan dit doen. Vraag de coördinator van dienst.</source>
        <translation>Only a coordinator can do this. Ask the coordinator on duty.</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/saving.py" line="+43"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Niet opgeslagen: {message}</source>
        <translation>Not saved: {message}</translation>
    </message>
</context>
<context>
    <name>SealedBackup</name>
    <message>
        <location filename="../../noodpost/storage/sealed_backup.py" line="+140"/>
        <source>{name} is beschadigd of veranderd ({why}); deze versleutelde back-up kan niet worden geopend. Er is niets veranderd. Kies een andere back-up.</source>
        <extracomment>Argon2id limits for the key derived from the code. The code has 120 random bits, so the work factor is a second lock, not the only one: moderate, for an old laptop. Who a file key is sealed to.</extracomment>
        <translation>{name} is damaged or has been changed ({why}); this encrypted backup cannot be opened. Nothing has been changed. Choose another backup.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>geen versleutelde back-up van Noodpost</source>
        <translation>not an encrypted Noodpost backup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is gemaakt met een nieuwere versie van Noodpost. Installeer de nieuwste versie van Noodpost; er is niets veranderd.</source>
        <translation>{name} was made with a newer version of Noodpost. Install the latest version of Noodpost; nothing has been changed.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>de kop klopt niet</source>
        <translation>the header is not right</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+141"/>
        <location line="+8"/>
        <source>te kort</source>
        <translation>too short</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Het bestand {path} bestaat niet. Er is niets veranderd.</source>
        <translation>The file {path} does not exist. Nothing has been changed.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Deze herstelcode past niet bij deze back-up (verkeerde code). Er is niets veranderd. Gebruik de herstelcode die bij het inrichten van deze post is opgeschreven, of vraag de C-NSP om hulp.</source>
        <translation>This recovery code does not match this backup (wrong code). Nothing has been changed. Use the recovery code that was written down when this post was set up, or ask the C-NSP for help.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>het sleutelblok is veranderd</source>
        <translation>the key block has been changed</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>de inhoud klopt niet</source>
        <translation>the contents are not right</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>er staat iets achter het einde</source>
        <translation>there is something after the end</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <location filename="../../noodpost/services/base.py" line="+178"/>
        <source>Vul {what} in.</source>
        <extracomment>Called after a commit with the names of the entities that changed. What a change by another process may have touched: any kind of entity.</extracomment>
        <translation>Enter {what}.</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="+114"/>
        <source>Wat biedt de post?</source>
        <translation>What does the post offer?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vink aan wat deze post doet. Dat kan later nog veranderen.</source>
        <translation>Tick what this post does. This can still change later.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/settings.py" line="+42"/>
        <source>Noodpost — instellingen</source>
        <translation>Noodpost — settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instellingen van deze laptop</source>
        <translation>Settings of this laptop</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-7"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vergrendelen na</source>
        <translation>Loc&amp;k after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lettergrootte</source>
        <translation>&amp;Text size</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back-up ook naar</source>
        <translation>&amp;Backup also to</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noodmelding &amp;escaleren na</source>
        <translation>&amp;Escalate alarm after</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Na zoveel minuten zonder toetsaanslag of klik wordt het scherm vergrendeld; verder werken kan dan alleen met een pincode.</source>
        <translation>After this many minutes without a key press or click, the screen locks; work can then only continue with a PIN.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Een noodmelding die na zoveel minuten nog niet is bevestigd, wordt rood met ESCALATIE getoond en de melding klinkt opnieuw.</source>
        <translation>An alarm that has not been acknowledged after this many minutes is shown in red with ESCALATION, and the alert sounds again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Een andere taal of lettergrootte ziet u nadat Noodpost opnieuw is gestart. De vergrendeltijd geldt meteen.</source>
        <translation>A different language or text size shows after Noodpost has been restarted. The lock time applies at once.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>De instellingen konden niet worden opgeslagen (%1). Controleer of de map %2 beschrijfbaar is en of de schijf niet vol is.</source>
        <translation>The settings could not be saved (%1). Check that the folder %2 can be written to and that the disk is not full.</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <location filename="../../noodpost/services/setup.py" line="+46"/>
        <source>Kies als rol &apos;post&apos; (noodsteunpunt) of &apos;hub&apos; (C-NSP).</source>
        <translation>Choose &apos;post&apos; (local post) or &apos;hub&apos; (C-NSP) as the role.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Geef het noodsteunpunt een naam.</source>
        <translation>Give the post a name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De capaciteit kan niet negatief zijn.</source>
        <translation>The capacity cannot be negative.</translation>
    </message>
</context>
<context>
    <name>SetupNode</name>
    <message>
        <location filename="../../noodpost/setup_node.py" line="+116"/>
        <source>Kies als rol &apos;post&apos; (noodsteunpunt) of &apos;hub&apos; (C-NSP).</source>
        <extracomment>The field names :class:`SetupProblem` uses.</extracomment>
        <translation>Choose &apos;post&apos; (L-NSP) or &apos;hub&apos; (C-NSP) as the role.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Geef het noodsteunpunt een naam.</source>
        <translation>Give the post a name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>De naam bevat een teken dat niet te tonen is (zoals een regeleinde).</source>
        <translation>The name contains a character that cannot be shown (such as a line break).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>De capaciteit kan niet negatief zijn.</source>
        <extracomment>The most people a post can be set up for: far beyond any hall, within what SQLite stores.</extracomment>
        <translation>The capacity cannot be negative.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De capaciteit is te groot: hooguit {most} personen.</source>
        <translation>The capacity is too large: at most {most} people.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;{value}&apos; is geen taak van een noodsteunpunt.</source>
        <translation>&apos;{value}&apos; is not a task of a post.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vul de naam van de coördinator in.</source>
        <translation>Enter the coordinator&apos;s name.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>De naam is te lang (hooguit 200 tekens).</source>
        <translation>The name is too long (at most 200 characters).</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Een noodsteunpunt (post) bewaart zijn gegevens altijd in een bestand in zijn eigen map; --database is alleen voor een C-NSP (--role hub).</source>
        <translation>A post always keeps its data in a file in its own folder; --database is only for a C-NSP (--role hub).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;{database}&apos; is geen PostgreSQL-database. Geef een URL als postgresql://noodpost@dbserver/regio.</source>
        <translation>&apos;{database}&apos; is not a PostgreSQL database. Give a URL like postgresql://noodpost@dbserver/regio.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deze map bevat al een ingericht noodsteunpunt; de identiteit en gegevens worden nooit overschreven. Kies een andere map met --data-dir.</source>
        <translation>This folder already holds a post that has been set up; its identity and data are never overwritten. Choose another folder with --data-dir.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="-223"/>
        <source>Voedsel en water uitdelen (voorraad, rantsoen per persoon)</source>
        <translation>Handing out food and water (stock, ration per person)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opwarm- of afkoellocatie (aanwezigen en capaciteit)</source>
        <translation>Warming or cooling location (people present and capacity)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Medische zorg, hygiëne en medicijnen ophalen</source>
        <translation>Medical care, hygiene and medicine pickup</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Een luisterend oor</source>
        <translation>A listening ear</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stroom om telefoons en apparaten op te laden</source>
        <translation>Power to charge phones and devices</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contact met verwanten (veilig-en-welberichten)</source>
        <translation>Contact with relatives (safe-and-well messages)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Informatie en doorverwijzing</source>
        <translation>Information and referral</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Noodmelding naar de C-NSP (altijd aanwezig)</source>
        <translation>Alarm to the C-NSP (always available)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Burgerhulp: bewoners die hulp aanbieden</source>
        <translation>Citizen help: residents who offer help</translation>
    </message>
    <message>
        <location line="+281"/>
        <source>Noodpost inrichten</source>
        <translation>Set up Noodpost</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Volgende &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; V&amp;orige</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Klaar</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lokaal noodsteunpunt (L-NSP)</source>
        <translation>Local emergency support point (L-NSP)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coördinerend noodsteunpunt (C-NSP)</source>
        <translation>Coordinating emergency support point (C-NSP)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Capaciteit</source>
        <translation>Capacity</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n persoon/personen</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nog onbekend</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Biedt</source>
        <translation>Offers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eerste coördinator</source>
        <translation>First coordinator</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Oefenmodus</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ja: OEFENING op elk scherm en elke afdruk</source>
        <translation>yes: EXERCISE on every screen and every print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map</source>
        <translation>Folder</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/shortcuts.py" line="+24"/>
        <source>Aanmelden of afmelden van het huishouden</source>
        <translation>Check the household in or out</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Snelknoppen: uitgeven (de knop noemt het artikel en de hoeveelheid)</source>
        <translation>Quick keys: hand out (the button names the item and the amount)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Uitgeven: elk artikel, elke hoeveelheid (typ een deel van de naam, Tab, hoeveelheid, Enter; Shift+F3 en Shift+F8 beginnen bij hun artikel)</source>
        <translation>Hand out: any item, any amount (type part of the name, Tab, amount, Enter; Shift+F3 and Shift+F8 start at their item)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hulpvraag noteren</source>
        <translation>Note a need</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oplaadbon (telefoon opladen)</source>
        <translation>Charging ticket (charge a phone)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Veilig-en-welbericht</source>
        <translation>Safe-and-well message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laatste uitgifte aan dit huishouden terugdraaien</source>
        <translation>Undo the last hand-out to this household</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Derde snelknop: uitgeven</source>
        <translation>Third quick key: hand out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOODMELDING maken</source>
        <translation>Raise an ALARM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nieuw huishouden inschrijven</source>
        <translation>Register a new household</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Huishouden zoeken op naam (of typ de naam in het scanveld en Enter)</source>
        <translation>Find a household by name (or type the name in the scan field and Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kaart van dit huishouden opnieuw afdrukken (dezelfde code)</source>
        <translation>Print this household&apos;s card again (same code)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kaart kwijt: nieuwe kaart maken (de oude werkt dan niet meer)</source>
        <translation>Card lost: make a new card (the old one then stops working)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Huishouden sluiten: niets ervan blijft op het scherm</source>
        <translation>Close the household: nothing of it stays on screen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scherm vergrendelen</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deze lijst</source>
        <translation>This list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stroomstoring: back-up maken en de noodlijst afdrukken</source>
        <translation>Power cut: make a backup and print the emergency list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Papier invoeren: papieren formulieren overtypen</source>
        <translation>Enter paper forms: type in the paper forms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overal</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aan de balie</source>
        <translation>At the desk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Op de andere pagina&apos;s maakt Ctrl+N iets nieuws (hulpvraag, bericht, oplaadbon).</source>
        <translation>On the other pages Ctrl+N makes something new (need, message, charging ticket).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/sign_in.py" line="+299"/>
        <source>Noodpost — inloggen</source>
        <translation>Noodpost — sign in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inloggen bij %1</source>
        <translation>Sign in at %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C-NSP %1</source>
        <translation>C-NSP %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post %1</source>
        <translation>Post %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Noodpost &amp;afsluiten</source>
        <translation>&amp;Quit Noodpost</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>OEFENING — oefenmodus, geen echte gegevens</source>
        <translation>EXERCISE — training mode, no real data</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Voor deze post zijn nog geen vrijwilligers ingevoerd, dus er kan nog niemand inloggen. Voer hieronder de eerste coördinator in: die is daarmee meteen ingelogd en kan daarna de andere vrijwilligers toevoegen.</source>
        <translation>No volunteers have been entered for this post yet, so nobody can sign in. Enter the first coordinator below: they are signed in straight away and can then add the other volunteers.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Coördinator &amp;toevoegen en inloggen</source>
        <translation>&amp;Add coordinator and sign in</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location line="-288"/>
        <source>Zoek uw naam: typ een deel ervan</source>
        <translation>Find your name: type part of it</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>pincode</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Inloggen</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Wie bent u?</source>
        <translation>&amp;Who are you?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Pincode</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location line="+27"/>
        <source> · coördinator</source>
        <translation> · coordinator</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Kies eerst uw naam in de lijst.</source>
        <translation>First choose your name in the list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Typ uw pincode.</source>
        <translation>Type your PIN.</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Inloggen met deze naam kan weer over %n seconde(n).</source>
        <translation>
            <numerusform>Signing in with this name is possible again in %n second.</numerusform>
            <numerusform>Signing in with this name is possible again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Inloggen met deze naam kan weer over %n minuut/minuten.</source>
        <translation>
            <numerusform>Signing in with this name is possible again in %n minute.</numerusform>
            <numerusform>Signing in with this name is possible again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../noodpost/gui/single_instance.py" line="+78"/>
        <source>Noodpost is op deze laptop al geopend met deze gegevens; dat venster staat nu vooraan. Werk daarin verder: een tweede venster zou back-ups en synchronisatie dubbel doen.</source>
        <extracomment>How long a start waits for a window that is just closing (its lock is released at the end). How long a second start waits for the running window to answer. What a second start asks, and what the running window answers once it came forward.</extracomment>
        <translation>Noodpost is already open on this laptop with this data; that window is now in front. Carry on working there: a second window would make backups and synchronisation twice.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Noodpost is op deze laptop al geopend met deze gegevens. Gebruik dat venster (kijk in de taakbalk): een tweede venster zou back-ups en synchronisatie dubbel doen.</source>
        <translation>Noodpost is already open on this laptop with these data. Use that window (look in the taskbar): a second window would make backups and syncs twice.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Noodpost kan zijn slotbestand %1 niet maken (geen toestemming of schijf vol). Maak ruimte op de schijf of vraag de beheerder.</source>
        <translation>Noodpost cannot make its lock file %1 (no permission, or the disk is full). Free some disk space or ask the administrator.</translation>
    </message>
</context>
<context>
    <name>Sitrep</name>
    <message>
        <location filename="../../noodpost/reports/sitrep.py" line="+515"/>
        <source>Post {post} is hier niet bekend. Bekende posten: {posts}.</source>
        <extracomment>The hand-out rate for &quot;hours left&quot; is measured over this many hours. Stock that lasts less than this many hours is a bottleneck. More than this share of the capacity present is a bottleneck. Need categories counted as medical for the bottlenecks. The counts of ``status --json`` the report repeats, in reading order. The records a paper form can become (services.paper_entry).</extracomment>
        <translation>Post {post} is not known here. Known posts: {posts}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>De map {folder} bevat nog geen noodsteunpunt. Richt het eerst in met &apos;noodpost init --role post --name NAAM --code CODE&apos;.</source>
        <translation>The folder {folder} holds no post yet. Set it up first with &apos;noodpost init --role post --name NAME --code CODE&apos;.</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/startup_check.py" line="+182"/>
        <source>Noodpost kan de gegevens nu naar %1 verplaatsen: de gegevens, de sleutels en de instellingen worden gekopieerd en gecontroleerd; de oude database blijft bewaard onder een andere naam.</source>
        <translation>Noodpost can move the data to %1 now: the data, the keys and the settings are copied and checked; the old database is kept under another name.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Verplaatsen</source>
        <translation>&amp;Move</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noodpost &amp;afsluiten</source>
        <translation>&amp;Quit Noodpost</translation>
    </message>
</context>
<context>
    <name>StartupCheckDialog</name>
    <message>
        <location line="-129"/>
        <source>Noodpost — database beschadigd</source>
        <translation>Noodpost — database damaged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De database is beschadigd</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gevonden bij de controle: %1</source>
        <translation>Found during the check: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Nieuwste goede back-up terugzetten</source>
        <translation>Restore the &amp;newest good backup</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Andere back-up kiezen…</source>
        <translation>Choose &amp;another backup…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noodpost &amp;afsluiten</source>
        <translation>&amp;Quit Noodpost</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Back-upbestand kiezen</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noodpost-back-ups (*.db *.npbk)</source>
        <translation>Noodpost backups (*.db *.npbk)</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../noodpost/gui/widgets/status_bar.py" line="+114"/>
        <source>Aanwezig {present}/{capacity}</source>
        <translation>Present {present}/{capacity}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aanwezig {present}</source>
        <translation>Present {present}</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n melding(en) niet bevestigd</source>
        <translation>
            <numerusform>%n alarm not acknowledged</numerusform>
            <numerusform>%n alarms not acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n bevestigde melding(en) open</source>
        <translation>
            <numerusform>%n acknowledged alarm open</numerusform>
            <numerusform>%n acknowledged alarms open</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>geen meldingen open</source>
        <translation>no alarms open</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n post(en) bekend</source>
        <translation>
            <numerusform>%n post known</numerusform>
            <numerusform>%n posts known</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>niet gekoppeld</source>
        <translation>not paired</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n niet toegestaan</source>
        <translation>
            <numerusform>%n not allowed</numerusform>
            <numerusform>%n not allowed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sync {when}</source>
        <translation>sync {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sync: nog nooit</source>
        <translation>sync: never</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>stroombesparing aan</source>
        <translation>power saving on</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>niet ingelogd</source>
        <extracomment>The labels that may end in &quot;…&quot; on a narrow screen rather than push the window wider.</extracomment>
        <translation>not logged in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (coördinator)</source>
        <translation>{name} (coordinator)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} (vrijwilliger)</source>
        <translation>{name} (volunteer)</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n wijziging(en) nog niet ontvangen door de C-NSP</source>
        <translation>
            <numerusform>%n change not yet received by the C-NSP</numerusform>
            <numerusform>%n changes not yet received by the C-NSP</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Klok verdacht</source>
        <translation>Clock suspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klok verdacht: controleer datum en tijd</source>
        <translation>Clock suspect: check the date and time</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="-127"/>
        <source>Klopt dit?</source>
        <translation>Is this right?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kies Inrichten om de post zo aan te maken; daarna logt u in met de pincode. Kies Vorige om iets te veranderen.</source>
        <translation>Choose Set up to create the post like this; then you sign in with the PIN. Choose Back to change something.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Inrichten</source>
        <translation>&amp;Set up</translation>
    </message>
</context>
<context>
    <name>SuppliesCorrectionDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/supplies_forms.py" line="+164"/>
        <source>Correctie</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correctie opslaan</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Minder dan de lijst zegt (eraf)</source>
        <translation>&amp;Less than the list says (subtract)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M&amp;eer dan de lijst zegt (erbij)</source>
        <translation>M&amp;ore than the list says (add)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nageteld: zoveel is er nu</source>
        <translation>&amp;Recounted: this is what there is now</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>bijvoorbeeld: nageteld, kapot, over de datum</source>
        <translation>for example: recounted, broken, past its date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Artikel</source>
        <translation>&amp;Item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hoeveelheid</source>
        <translation>&amp;Quantity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reden (verplicht)</source>
        <translation>Rea&amp;son (required)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In de lijst</source>
        <translation>In the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De voorraad is</source>
        <translation>The stock is</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Na deze correctie: {after} ({sign}{amount})</source>
        <translation>After this correction: {after} ({sign}{amount})</translation>
    </message>
</context>
<context>
    <name>SuppliesDeliveryDialog</name>
    <message>
        <location line="-150"/>
        <location line="+6"/>
        <source>Levering boeken</source>
        <extracomment>What a quantity field accepts while typing: digits with at most one decimal comma or point.</extracomment>
        <translation>Record delivery</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bijvoorbeeld: C-NSP, waterbedrijf, supermarkt</source>
        <translation>for example: C-NSP, water company, supermarket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wat is er binnengekomen? De voorraad gaat met deze hoeveelheid omhoog.</source>
        <translation>What has come in? The stock goes up by this quantity.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Artikel</source>
        <translation>&amp;Item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hoeveelheid</source>
        <translation>&amp;Quantity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Van wie (niet verplicht)</source>
        <translation>&amp;From whom (optional)</translation>
    </message>
</context>
<context>
    <name>SuppliesPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/supplies.py" line="+56"/>
        <source>negatief — tel na</source>
        <translation>negative — recount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>onder minimum</source>
        <translation>below minimum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>geen voorraad</source>
        <translation>out of stock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>voldoende</source>
        <translation>sufficient</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>levering</source>
        <translation>delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correctie</source>
        <translation>correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uitgifte</source>
        <translation>hand-out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uitgifte teruggedraaid</source>
        <translation>hand-out undone</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Uitgifte &amp; voorraad</source>
        <translation>Hand-out &amp; stock</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Uitgeven gaat aan de balie: F2, F3 en F8, of Shift+F2 voor elk artikel en elke hoeveelheid. Hier boekt u de beginvoorraad en leveringen, en corrigeert u de voorraad na het natellen. Kies een artikel om het verloop te zien.</source>
        <translation>Hand-outs happen at the desk: F2, F3 and F8, or Shift+F2 for any item and any amount. Here you book the opening stock and deliveries, and correct the stock after a recount. Choose an item to see its history.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Beginvoorraad boeken…</source>
        <translation>Book opening &amp;stock…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Levering boeken…</source>
        <translation>Record &amp;delivery…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Correctie…</source>
        <translation>&amp;Correction…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Aggregaat…</source>
        <translation>&amp;Generator…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Artikel</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voorraad</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toestand</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wijziging</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kaart</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reden / van wie</source>
        <translation>Reason / from whom</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> (niet meer in de lijst)</source>
        <translation> (no longer in the list)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Negatief, tel na en corrigeer: {items}.</source>
        <translation>Negative, recount and correct: {items}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Onder minimum, vraag de C-NSP om aanvulling: {items}.</source>
        <translation>Below minimum, ask the C-NSP for more: {items}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alle artikelen voldoende op voorraad.</source>
        <translation>All items sufficiently in stock.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Kies een artikel om het verloop te zien.</source>
        <translation>Choose an item to see its history.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verloop van {item}, nieuwste eerst</source>
        <translation>History of {item}, newest first</translation>
    </message>
</context>
<context>
    <name>SuppliesService</name>
    <message>
        <location filename="../../noodpost/services/supplies.py" line="+225"/>
        <source>{item} staat niet meer in de voorraadlijst. Boek een levering ervan als correctie, met een reden.</source>
        <extracomment>How long after a hand-out it can still be undone at the desk. How many rows :meth:`SuppliesService.ledger` returns unless told otherwise.</extracomment>
        <translation>{item} is no longer in the stock list. Book a delivery of it as a correction, with a reason.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vul in hoeveel {item} ({unit}) u ontvangt.</source>
        <translation>Fill in how much {item} ({unit}) you receive.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Vul de correctie in als getal, bijvoorbeeld -5 of 12.</source>
        <translation>Fill in the correction as a number, for example -5 or 12.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Een correctie van 0 verandert niets. Vul in hoeveel er bij of af gaat.</source>
        <translation>A correction of 0 changes nothing. Fill in how much is added or taken off.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vul in hoeveel {item} ({unit}) u corrigeert.</source>
        <translation>Fill in how much {item} ({unit}) you correct.</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>{item} staat niet meer in de voorraadlijst en wordt niet meer uitgegeven.</source>
        <translation>{item} is no longer in the stock list and is no longer handed out.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vul in hoeveel {item} ({unit}) u uitgeeft.</source>
        <translation>Fill in how much {item} ({unit}) you hand out.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+82"/>
        <source>Deze uitgifte is niet bekend.</source>
        <translation>This hand-out is not known.</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Dit is zelf een terugdraaiing; die kan niet worden teruggedraaid.</source>
        <translation>This is itself an undo; it cannot be undone.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deze uitgifte is gedaan op noodsteunpunt {post}; alleen daar kan hij worden teruggedraaid.</source>
        <translation>This hand-out was made at post {post}; only there can it be undone.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deze uitgifte is al teruggedraaid.</source>
        <translation>This hand-out has already been undone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terugdraaien kan alleen binnen {minutes} minuten na de uitgifte. Klopt de voorraad niet meer? Vraag de coördinator om een correctie.</source>
        <translation>A hand-out can only be undone within {minutes} minutes. Is the stock no longer right? Ask the coordinator for a correction.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Het artikel van deze uitgifte staat niet in de voorraadlijst.</source>
        <translation>The item of this hand-out is not in the stock list.</translation>
    </message>
    <message>
        <location filename="../../noodpost/services/supply_checks.py" line="+36"/>
        <source>Vul de hoeveelheid in als getal, bijvoorbeeld 3 of 1,5.</source>
        <extracomment>No single delivery, correction or hand-out is larger than this (a mistyped number).</extracomment>
        <translation>Fill in the quantity as a number, for example 3 or 1.5.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vul een hoeveelheid groter dan 0 in.</source>
        <translation>Fill in a quantity greater than 0.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{quantity} kan niet kloppen. Controleer het getal.</source>
        <translation>{quantity} cannot be right. Check the number.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>een reden</source>
        <translation>a reason</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Maak de reden korter (hoogstens {limit} tekens).</source>
        <translation>Make the reason shorter (at most {limit} characters).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Met {amount} {item} gaat dit huishouden over het rantsoen van vandaag, en de vorige uitgifte is nog te kort geleden. Geef een reden als u toch {amount} uitgeeft.</source>
        <translation>With {amount} {item} this household goes over today&apos;s ration, and the previous hand-out was too recent. Give a reason if you hand out {amount} anyway.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Met {amount} {item} gaat dit huishouden over het rantsoen van vandaag. Geef een reden als u toch {amount} uitgeeft.</source>
        <translation>With {amount} {item} this household goes over today&apos;s ration. Give a reason if you hand out {amount} anyway.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>De vorige uitgifte {item} aan dit huishouden is nog te kort geleden. Geef een reden als u toch {amount} uitgeeft.</source>
        <translation>The previous hand-out of {item} to this household was too recent. Give a reason if you hand out {amount} anyway.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Artikel &apos;{item}&apos; staat niet in de voorraadlijst.</source>
        <translation>Item &apos;{item}&apos; is not in the stock list.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dit huishouden is niet (meer) bekend. Scan de kaart opnieuw.</source>
        <translation>This household is not (or no longer) known. Scan the card again.</translation>
    </message>
</context>
<context>
    <name>SupplyNotices</name>
    <message>
        <location filename="../../noodpost/services/supply_notice_checks.py" line="+42"/>
        <source>{what} is te lang (hooguit {limit} tekens). Maak het korter.</source>
        <extracomment>No line of a dispatch or request is larger than this (a mistyped number).</extracomment>
        <translation>{what} is too long (at most {limit} characters). Make it shorter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De opmerking</source>
        <translation>The note</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vul de hoeveelheid {item} in als getal, bijvoorbeeld 3 of 1,5.</source>
        <translation>Fill in the quantity of {item} as a number, for example 3 or 1.5.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vul voor {item} een hoeveelheid groter dan 0 in.</source>
        <translation>Fill in a quantity greater than 0 for {item}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{quantity} {item} kan niet kloppen. Controleer het getal.</source>
        <translation>{quantity} {item} cannot be right. Check the number.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hoogstens {limit} artikelen tegelijk. Splits de lijst.</source>
        <translation>At most {limit} items at a time. Split the list.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Een van de hoeveelheden kan niet kloppen. Controleer de getallen.</source>
        <translation>One of the quantities cannot be right. Check the numbers.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Artikel &apos;{item}&apos; staat niet in de voorraadlijst.</source>
        <translation>Item &apos;{item}&apos; is not in the stock list.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{item} staat niet meer in de voorraadlijst.</source>
        <translation>{item} is no longer in the stock list.</translation>
    </message>
    <message>
        <location filename="../../noodpost/services/supply_notices.py" line="+104"/>
        <location line="+442"/>
        <source>Deze levering is hier niet bekend.</source>
        <translation>This delivery is not known here.</translation>
    </message>
    <message>
        <location line="-389"/>
        <location line="+40"/>
        <location line="+355"/>
        <source>Deze aanvraag is hier niet bekend.</source>
        <translation>This request is not known here.</translation>
    </message>
    <message>
        <location line="-370"/>
        <source>Post {post} is hier niet bekend. Kies een post uit de lijst.</source>
        <translation>Post {post} is not known here. Choose a post from the list.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vul minstens één artikel in met de hoeveelheid die u stuurt.</source>
        <translation>Fill in at least one item with the quantity you are sending.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deze aanvraag komt van post {asked}, niet van {post}. Stuur de levering naar de post die erom vroeg.</source>
        <translation>This request comes from post {asked}, not from {post}. Send the delivery to the post that asked for it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deze aanvraag is al afgesloten. Maak een losse levering.</source>
        <translation>This request is already closed. Make a separate delivery.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>De verwachte aankomst ligt in het verleden. Kies een later moment, of laat het leeg.</source>
        <translation>The expected arrival is in the past. Choose a later moment, or leave it empty.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>De reden</source>
        <translation>The reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vul in waarom de levering niet doorgaat.</source>
        <translation>Fill in why the delivery is not going ahead.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deze levering is al {status} en kan niet meer worden geannuleerd.</source>
        <translation>This delivery is already {status} and can no longer be cancelled.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Het antwoord</source>
        <translation>The answer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vul het antwoord aan de post in.</source>
        <translation>Fill in the answer to the post.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+161"/>
        <source>Deze aanvraag is al afgesloten.</source>
        <translation>This request is already closed.</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Deze levering is voor post {post}. Alleen die post meldt de ontvangst.</source>
        <translation>This delivery is for post {post}. Only that post reports its receipt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>De ontvangst van deze levering is al gemeld.</source>
        <translation>The receipt of this delivery has already been reported.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Er staat een artikel bij dat niet in deze levering zit. Boek extra goederen als gewone levering op de voorraadpagina.</source>
        <translation>The list holds an item that is not in this delivery. Book extra goods as an ordinary delivery on the stock page.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Er is niets aangekomen volgens deze telling. Meld de ontvangst pas als de goederen er zijn, of laat de C-NSP weten dat de levering niet aankwam.</source>
        <translation>By this count nothing arrived. Report the receipt only when the goods are here, or let the C-NSP know that the delivery did not arrive.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wat er aankwam wijkt af van wat de C-NSP stuurde. Schrijf kort wat er anders was, zodat de C-NSP het weet.</source>
        <translation>What arrived differs from what the C-NSP sent. Write briefly what was different, so that the C-NSP knows.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Een aanvraag voor goederen komt van een post. De C-NSP stuurt zelf een levering.</source>
        <translation>A request for goods comes from a post. The C-NSP sends a delivery itself.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kies de urgentie: spoed, hoog of normaal.</source>
        <translation>Choose the urgency: immediate, high or normal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vul minstens één artikel in met de hoeveelheid die u nodig hebt.</source>
        <translation>Fill in at least one item with the quantity you need.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Deze aanvraag is van een andere post.</source>
        <translation>This request belongs to another post.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Leveringen worden verstuurd door het coördinerend noodsteunpunt (C-NSP). Heeft deze post iets nodig? Stuur een aanvraag.</source>
        <translation>Deliveries are sent by the coordinating emergency support point (C-NSP). Does this post need something? Send a request.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>onbekend artikel</source>
        <translation>unknown item</translation>
    </message>
</context>
<context>
    <name>SupplyNoticesPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/supply_notices.py" line="+84"/>
        <source>Leveringen</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Verstuurd</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+22"/>
        <source>Goederen</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Verwacht</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Toestand</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Gevraagd</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Leveringen van de C-NSP</source>
        <translation>Deliveries from the C-NSP</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aanvragen van de posten</source>
        <translation>Requests from the posts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aanvragen van deze post</source>
        <translation>Requests from this post</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Nieuwe levering…</source>
        <translation>&amp;New delivery…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Levering voor aanvraag…</source>
        <translation>&amp;Delivery for request…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Antwoord sturen…</source>
        <translation>Send &amp;reply…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Aanvraag sturen…</source>
        <translation>Send &amp;request…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aanvraag af&amp;sluiten…</source>
        <translation>C&amp;lose request…</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/supply_notices_text.py" line="+26"/>
        <source>onderweg</source>
        <translation>on the way</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ontvangen {when}</source>
        <translation>received {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, met afwijking</source>
        <translation>, with differences</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/supply_notices.py" line="+100"/>
        <source>1 levering onderweg</source>
        <translation>1 delivery on the way</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} leveringen onderweg</source>
        <translation>{n} deliveries on the way</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 aanvraag</source>
        <translation>1 request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} aanvragen</source>
        <translation>{n} requests</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{deliveries}. Nog te beantwoorden: {requests}.</source>
        <translation>{deliveries}. Still to answer: {requests}.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>&amp;Ontvangst melden…</source>
        <translation>Report re&amp;ceipt…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Levering ann&amp;uleren…</source>
        <translation>Cancel deli&amp;very…</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/supply_notices_text.py" line="-7"/>
        <source>onderweg — ontvangst nog melden</source>
        <translation>on the way — arrival still to report</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/supply_notices.py" line="+132"/>
        <source>{deliveries} naar deze post. Meld de ontvangst als de goederen er zijn: dan staan ze in de voorraad.</source>
        <translation>{deliveries} to this post. Report the arrival when the goods are here: then they are in the stock.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Kies een levering of aanvraag om alles te lezen.</source>
        <translation>Choose a delivery or request to read everything.</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/supply_notices_text.py" line="+24"/>
        <source>Levering naar {post} ({code}), verstuurd {when}: {state}</source>
        <translation>Delivery to {post} ({code}), sent {when}: {state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gestuurd: {lines}</source>
        <translation>Sent: {lines}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aangekomen: {lines}</source>
        <translation>Arrived: {lines}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opmerking C-NSP: {note}</source>
        <translation>Comment from C-NSP: {note}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opmerking post: {note}</source>
        <translation>Comment from post: {note}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Geannuleerd: {note}</source>
        <translation>Cancelled: {note}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aanvraag van {post} ({code}), {when}, urgentie {urgency}: {state}</source>
        <translation>Request from {post} ({code}), {when}, urgency {urgency}: {state}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nodig: {lines}</source>
        <translation>Needed: {lines}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Toelichting: {note}</source>
        <translation>Explanation: {note}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leveringen gestuurd voor deze aanvraag: {n}.</source>
        <translation>Deliveries sent for this request: {n}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Antwoord C-NSP: {answer}</source>
        <translation>C-NSP reply: {answer}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Afgesloten: {note}</source>
        <translation>Closed: {note}</translation>
    </message>
    <message>
        <location filename="../../noodpost/gui/pages/supply_notices.py" line="+57"/>
        <source>Antwoord aan {post}</source>
        <translation>Reply to {post}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wat laat u de post weten? Bijvoorbeeld wanneer het komt, of waarom het niet kan. Gevraagd: {lines}</source>
        <translation>What do you want to tell the post? For example when it will come, or why it is not possible. Requested: {lines}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Antwoord sturen</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+4"/>
        <source>Levering annuleren</source>
        <translation>Cancel delivery</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Waarom gaat deze levering naar {post} niet door? ({lines})</source>
        <translation>Why is this delivery to {post} not going ahead? ({lines})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>De aanvraag van {post} afsluiten. Waarom? (niet verplicht)</source>
        <translation>Close the request from {post}. Why? (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Is de aanvraag niet meer nodig of opgelost? Waarom? (niet verplicht)</source>
        <translation>Is the request no longer needed or solved? Why? (optional)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Aanvraag afsluiten</source>
        <translation>Close request</translation>
    </message>
</context>
<context>
    <name>SyncApproval</name>
    <message>
        <location filename="../../noodpost/sync/approval.py" line="+56"/>
        <source>{code} was al goedgekeurd.</source>
        <translation>{code} was already approved.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} goedgekeurd ({fingerprints}); {bundles} uit quarantaine: {applied} toegepast, {present} al aanwezig, {quarantined} in quarantaine</source>
        <translation>{code} approved ({fingerprints}); {bundles} out of quarantine: {applied} applied, {present} already present, {quarantined} in quarantine</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Geen laptop van {code} met vingerafdruk {fingerprint}. Controleer de vingerafdruk met &apos;noodpost posts list&apos;.</source>
        <translation>No laptop of {code} with fingerprint {fingerprint}. Check the fingerprint with &apos;noodpost posts list&apos;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>De wachtende sleutel {waiting} met dezelfde code wordt niet goedgekeurd</source>
        <translation>The waiting key {waiting} with the same code is not approved</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>De wachtende sleutels {waiting} met dezelfde code worden niet goedgekeurd</source>
        <translation>The waiting keys {waiting} with the same code are not approved</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{code} heeft al een goedgekeurde sleutel: {approved}. {others}; de bundels blijven in quarantaine. Is het een vervangende laptop van deze post? Vergelijk de vingerafdruk met de post en vervang de sleutel met &apos;noodpost posts replace {code} --vingerafdruk NIEUW&apos;.</source>
        <translation>{code} already has an approved key: {approved}. {others}; the bundles stay in quarantine. Is it a replacement laptop of this post? Compare the fingerprint with the post and replace the key with &apos;noodpost posts replace {code} --vingerafdruk NIEUW&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Er wachten {count} laptops met code {code} ({waiting}). Vergelijk de vingerafdrukken met de post en keur er één goed met &apos;noodpost posts approve {code} --vingerafdruk VINGERAFDRUK&apos;.</source>
        <translation>{count} laptops with code {code} are waiting ({waiting}). Compare the fingerprints with the post and approve one of them with &apos;noodpost posts approve {code} --vingerafdruk VINGERAFDRUK&apos;.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{code}: sleutel vervangen — oud {old} → nieuw {new}; {bundles} uit quarantaine: {applied} toegepast, {present} al aanwezig, {quarantined} in quarantaine</source>
        <translation>{code}: key replaced — old {old} → new {new}; {bundles} out of quarantine: {applied} applied, {present} already present, {quarantined} in quarantine</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>. Bundels met de oude sleutel worden niet meer toegepast.</source>
        <translation>. Bundles signed with the old key are no longer applied.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, {bundles} onleesbaar (blijven bewaard)</source>
        <translation>, {bundles} unreadable (kept)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{code} heeft nog geen goedgekeurde sleutel; er valt niets te vervangen. Vergelijk de vingerafdruk met de post en keur hem goed met &apos;noodpost posts approve {code} --vingerafdruk {fingerprint}&apos;.</source>
        <translation>{code} has no approved key yet; there is nothing to replace. Compare the fingerprint with the post and approve it with &apos;noodpost posts approve {code} --vingerafdruk {fingerprint}&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{fingerprint} is al de goedgekeurde sleutel van {code}; er valt niets te vervangen.</source>
        <translation>{fingerprint} is already the approved key of {code}; there is nothing to replace.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>wachtend: {waiting}</source>
        <translation>waiting: {waiting}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>er wacht geen andere laptop</source>
        <translation>no other laptop is waiting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Geen wachtende laptop van {code} met vingerafdruk {fingerprint} ({listed}). De nieuwe laptop moet eerst een bundel sturen; controleer de vingerafdruk met &apos;noodpost posts list&apos;.</source>
        <translation>No waiting laptop of {code} with fingerprint {fingerprint} ({listed}). The new laptop must send a bundle first; check the fingerprint with &apos;noodpost posts list&apos;.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Alleen een C-NSP keurt posten goed.</source>
        <translation>Only a C-NSP approves posts.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Er is nog geen post {code} bekend. Lees eerst een bundel van die post in; die wacht dan in quarantaine op goedkeuring.</source>
        <translation>No post {code} is known yet. First read in a bundle from that post; it then waits in quarantine for approval.</translation>
    </message>
</context>
<context>
    <name>SyncBundle</name>
    <message>
        <location filename="../../noodpost/sync/bundle.py" line="+117"/>
        <source>Deze bundel is beschadigd of onvolledig ({detail}). Er is niets ingelezen. Maak bij de afzender een nieuwe bundel en lees die in; bundels zijn cumulatief, dus er gaat niets verloren.</source>
        <extracomment>Formats this version reads: 1 (every event carries ``dh``), 2 (``dh`` optional), 3 (the payload states the ranges it covers for its receiver, DESIGN §3.8) and 4 (the header is sealed to the recipient; only keys and lengths are in clear, issue 20). zlib level: 6 is the default trade-off; measured on a season&apos;s bundle (benchmarks/). Events serialised per ``json.dumps`` call while streaming into the compressor. Format 4: magic, version, recipient&apos;s X25519 key, sender&apos;s Ed25519 key, sealed header length, payload length. One stream&apos;s version: (origin, incarnation) → highest contiguous seq held. A range of one stream the sender went through for this receiver: (origin, inc, low, high).</extracomment>
        <translation>This bundle is damaged or incomplete ({detail}). Nothing has been read in. Make a new bundle at the sender and read that in; bundles are cumulative, so nothing is lost.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Deze bundel is gemaakt met een nieuwere versie van Noodpost ({what} {found}; deze versie kent tot en met {known}). Er is niets ingelezen. Installeer de nieuwste versie van Noodpost en lees de bundel daarna opnieuw in.</source>
        <translation>This bundle was made with a newer version of Noodpost ({what} {found}; this version knows up to {known}). Nothing has been read in. Install the latest version of Noodpost and then read the bundle in again.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deze bundel is voor een ander noodsteunpunt of C-NSP en kan hier niet worden geopend. Er is niets ingelezen.</source>
        <translation>This bundle is for another post or C-NSP and cannot be opened here. Nothing has been read in.</translation>
    </message>
    <message>
        <location line="+208"/>
        <location line="+15"/>
        <location line="+26"/>
        <source>te kort</source>
        <translation>too short</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>geen Noodpost-bundel</source>
        <translation>not a Noodpost bundle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>formaat</source>
        <translation>format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>onbekend formaat</source>
        <translation>unknown format</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+26"/>
        <source>kop onvolledig</source>
        <translation>header incomplete</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+27"/>
        <source>lengte klopt niet</source>
        <translation>length is wrong</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+27"/>
        <source>handtekening klopt niet</source>
        <translation>signature is wrong</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inhoud klopt niet met de kop</source>
        <translation>contents do not match the header</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>kop onleesbaar</source>
        <translation>header unreadable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kop en formaat verschillen</source>
        <translation>header and format differ</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>kop niet te openen</source>
        <translation>header cannot be opened</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>afzender in de kop klopt niet met de handtekening</source>
        <translation>sender in the header does not match the signature</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+27"/>
        <source>opgegeven inhoud groter dan {size} MB</source>
        <translation>stated contents larger than {size} MB</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deze bundel kan met de sleutel van deze laptop niet worden geopend. Er is niets ingelezen. Mogelijk is hij gemaakt met een oud koppelbestand of voor een eerdere inrichting van deze post of C-NSP; maak bij de afzender een nieuwe bundel.</source>
        <translation>This bundle cannot be opened with this laptop&apos;s key. Nothing has been read in. It may have been made with an old pairing file or for an earlier set-up of this post or C-NSP; make a new bundle at the sender.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>inhoud onleesbaar</source>
        <translation>contents unreadable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aantal gebeurtenissen klopt niet</source>
        <translation>number of events is wrong</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>inhoud te groot</source>
        <translation>contents too large</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inhoud groter dan opgegeven</source>
        <translation>contents larger than stated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inhoud niet uit te pakken</source>
        <translation>contents cannot be unpacked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inhoud onvolledig</source>
        <translation>contents incomplete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inhoud kleiner dan opgegeven</source>
        <translation>contents smaller than stated</translation>
    </message>
</context>
<context>
    <name>SyncExchange</name>
    <message>
        <location filename="../../noodpost/sync/exchange.py" line="+107"/>
        <source>Bundel van {code} was al ingelezen; er is niets veranderd.</source>
        <extracomment>Room for bundles from senders not (yet) approved, per sender and in all: a stranger&apos;s bytes are kept only as room allows, the oldest dropped first (issue 20). A sender&apos;s newest bundle carries everything its older ones did, and after approval it sends all again.</extracomment>
        <translation>The bundle from {code} had already been read in; nothing has changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> Voor ruimte zijn {bundles} van niet goedgekeurde afzenders verwijderd; na goedkeuring stuurt de post alles opnieuw.</source>
        <translation> To make room, {bundles} from senders not yet approved were removed; after approval the post sends everything again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>oudere of te grote bundel</source>
        <translation>older or too large bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oudere of te grote bundels</source>
        <translation>older or too large bundles</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bundel van {code} ({changes}) in quarantaine: wacht op goedkeuring (Synchronisatie → Goedkeuren…, of &apos;noodpost posts approve {code}&apos;).{room}</source>
        <translation>Bundle from {code} ({changes}) in quarantine: waiting for approval (Synchronisation → Approve…, or &apos;noodpost posts approve {code}&apos;).{room}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> ({refused} niet toegestaan)</source>
        <translation> ({refused} not allowed)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> {changes} van records die hier nog niet zijn, niet bewaard: er wachten er al te veel; ze komen met een volgende bundel opnieuw.</source>
        <translation> {changes} for records not here yet were not kept: too many are waiting already; they will come again with a later bundle.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bundel van {code}: {applied} toegepast, {present} al aanwezig, {quarantined} in quarantaine{refused}.{away}</source>
        <translation>Bundle from {code}: {applied} applied, {present} already present, {quarantined} in quarantine{refused}.{away}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>De sleutels van dit noodsteunpunt horen niet bij deze database. Zet de database en de map &apos;keys&apos; altijd samen terug.</source>
        <translation>The keys of this post do not belong to this database. Always restore the database and the &apos;keys&apos; folder together.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Dit noodsteunpunt of C-NSP is hier niet bekend.</source>
        <translation>This post or C-NSP is not known here.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{code} is nog niet goedgekeurd; er worden geen gegevens naartoe gestuurd. Vergelijk de vingerafdruk en keur de post goed: Synchronisatie → Goedkeuren… (of &apos;noodpost posts approve {code}&apos;).</source>
        <translation>{code} has not been approved yet; no data is sent to it. Compare the fingerprint and approve the post: Synchronisation → Approve… (or &apos;noodpost posts approve {code}&apos;).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Dit is een oefenbundel (oefenmodus), maar dit noodsteunpunt werkt met echte gegevens. Oefen- en echte gegevens worden nooit gemengd; er is niets ingelezen.</source>
        <translation>This is a training bundle (training mode), but this post works with real data. Training data and real data are never mixed; nothing has been read in.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dit is een bundel met echte gegevens, maar dit noodsteunpunt staat in oefenmodus. Oefen- en echte gegevens worden nooit gemengd; er is niets ingelezen.</source>
        <translation>This is a bundle with real data, but this post is in training mode. Training data and real data are never mixed; nothing has been read in.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deze bundel is door dit noodsteunpunt zelf gemaakt; hij is bedoeld voor {recipient}. Er is niets ingelezen.</source>
        <translation>This bundle was made by this post itself; it is meant for {recipient}. Nothing has been read in.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deze bundel is voor een ander noodsteunpunt ({recipient}), niet voor {here}. Er is niets ingelezen; lees hem in op de laptop van {recipient}.</source>
        <translation>This bundle is for another post ({recipient}), not for {here}. Nothing has been read in; read it in on the laptop of {recipient}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>gebeurtenisschema</source>
        <translation>event schema</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Deze bundel is hier zelf gemaakt; hij is bedoeld voor {recipient}. Er is niets ingelezen.</source>
        <translation>This bundle was made here; it is meant for {recipient}. Nothing has been read in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>een andere post of C-NSP</source>
        <translation>another post or C-NSP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deze bundel is voor een andere post of C-NSP{where}, niet voor {here}. Er is niets ingelezen; lees hem in op de laptop waarvoor hij gemaakt is.</source>
        <translation>This bundle is for another post or C-NSP{where}, not for {here}. Nothing has been read in; read it in on the laptop it was made for.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deze bundel draagt de naam van {code} ({name}), maar is gemaakt met andere sleutels dan hier van die afzender bekend zijn ({theirs} in plaats van {known}). Er is niets ingelezen. Meld dit bij de coördinator.</source>
        <translation>This bundle carries the name of {code} ({name}), but was made with other keys than are known here for that sender ({theirs} instead of {known}). Nothing has been read in. Report this to the coordinator.</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>Deze bundel komt van {name}, dat dezelfde code draagt als dit {here} ({code}). Er is niets ingelezen. Meld dit bij de coördinator: elke post en elke C-NSP heeft een eigen code.</source>
        <translation>This bundle comes from {name}, which has the same code as this {here} ({code}). Nothing has been read in. Report this to the coordinator: every post and every C-NSP has its own code.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>noodsteunpunt</source>
        <translation>post</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deze bundel komt van {name} ({code}), waarmee deze post niet gekoppeld is. Er is niets ingelezen. Lees eerst het koppelbestand van uw C-NSP in: Synchronisatie → Koppelbestand inlezen… (of &apos;noodpost pairing import BESTAND&apos;).</source>
        <translation>This bundle comes from {name} ({code}), which this post is not paired with. Nothing has been read in. First read in your C-NSP&apos;s pairing file: Synchronisation → Read pairing file… (or &apos;noodpost pairing import BESTAND&apos;).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deze bundel komt van een ander C-NSP ({code}); een C-NSP wisselt alleen bundels uit met noodsteunpunten. Er is niets ingelezen.</source>
        <translation>This bundle comes from another C-NSP ({code}); a C-NSP exchanges bundles only with posts. Nothing has been read in.</translation>
    </message>
</context>
<context>
    <name>SyncFiles</name>
    <message>
        <location filename="../../noodpost/sync/files.py" line="+72"/>
        <source>Schrijven naar {folder} is mislukt ({reason}). Controleer of de USB-stick of schijf er nog in zit, niet vol is en beschreven mag worden, en probeer het opnieuw.</source>
        <translation>Writing to {folder} failed ({reason}). Check that the USB stick or disk is still plugged in, is not full and may be written to, and try again.</translation>
    </message>
</context>
<context>
    <name>SyncKeys</name>
    <message>
        <location filename="../../noodpost/sync/keys.py" line="+122"/>
        <source>Dit noodsteunpunt heeft al sleutels; die worden nooit vervangen, omdat het C-NSP en de andere punten het eraan herkennen.</source>
        <translation>This post already has keys; they are never replaced, because the C-NSP and the other posts recognise it by them.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>De sleutelmap {folder} kan niet worden gemaakt ({reason}).</source>
        <translation>The key folder {folder} cannot be created ({reason}).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>De sleutels van dit noodsteunpunt ontbreken in {folder}. Zet de map &apos;keys&apos; terug uit een reservekopie; zonder sleutels kan niet worden gesynchroniseerd.</source>
        <translation>The keys of this post are missing from {folder}. Restore the &apos;keys&apos; folder from a backup; without keys nothing can be synchronised.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>De sleutels in {folder} zijn beschadigd of onleesbaar. Zet de map &apos;keys&apos; terug uit een reservekopie.</source>
        <translation>The keys in {folder} are damaged or unreadable. Restore the &apos;keys&apos; folder from a backup.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Dit gebeurt op de server van het C-NSP (noodpost hub serve): deze werkplek heeft de sleutels van het C-NSP niet.</source>
        <translation>This is done on the C-NSP&apos;s server (noodpost hub serve): this workstation does not have the C-NSP&apos;s keys.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>De sleutels in {folder} horen niet bij deze database. Zet de database en de map &apos;keys&apos; altijd samen terug.</source>
        <translation>The keys in {folder} do not belong to this database. Always restore the database and the &apos;keys&apos; folder together.</translation>
    </message>
</context>
<context>
    <name>SyncNetwork</name>
    <message>
        <location filename="../../noodpost/sync/http.py" line="+62"/>
        <source>De C-NSP is nu niet bereikbaar; de gegevens blijven bewaard en gaan mee bij de volgende synchronisatie.</source>
        <extracomment>The largest bundle either side sends or accepts over the network; larger goes by USB. Seconds to wait for each part of the answer once connected: a hub applying a first, large bundle may need minutes on an old laptop before it answers.</extracomment>
        <translation>The C-NSP cannot be reached right now; the data is kept and goes along with the next synchronisation.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Verbonden met {hub}: {events} afgeleverd. Deze post wacht op goedkeuring door de C-NSP (post {code}, vingerafdruk {fingerprint}); tot dan blijven de gegevens daar in quarantaine en hier bewaard. Synchroniseer opnieuw zodra de C-NSP de post heeft goedgekeurd.</source>
        <translation>Connected to {hub}: {events} delivered. This post is waiting for approval by the C-NSP (post {code}, fingerprint {fingerprint}); until then the data stays in quarantine there and is kept here. Synchronise again as soon as the C-NSP has approved the post.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gesynchroniseerd met {hub}: {sent} verstuurd ({new} nieuw bij de C-NSP), {received} ontvangen ({applied} nieuw hier</source>
        <translation>Synchronised with {hub}: {sent} sent ({new} new at the C-NSP), {received} received ({applied} new here</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>, {quarantined} in quarantaine</source>
        <translation>, {quarantined} in quarantine</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>gebeurtenis</source>
        <translation>event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gebeurtenissen</source>
        <translation>events</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adres &apos;{url}&apos; klopt niet: gebruik een webadres zoals http://10.0.0.5:8765.</source>
        <translation>Address &apos;{url}&apos; is not right: use a web address such as http://10.0.0.5:8765.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Dit is een C-NSP; synchroniseren via het netwerk start een noodsteunpunt. Zet het eindpunt voor de posten aan met &apos;noodpost hub serve&apos;.</source>
        <translation>This is a C-NSP; a post starts synchronising over the network. Switch on the endpoint for the posts with &apos;noodpost hub serve&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deze post is nog niet gekoppeld aan een C-NSP. Lees eerst het koppelbestand van uw C-NSP in: Synchronisatie → Koppelbestand inlezen… (of &apos;noodpost pairing import BESTAND&apos;); tot dan blijven alle gegevens hier bewaard.</source>
        <translation>This post is not paired with a C-NSP yet. First read in your C-NSP&apos;s pairing file: Synchronisation → Read pairing file… (or &apos;noodpost pairing import BESTAND&apos;); until then all data is kept here.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Op {address} antwoordt geen C-NSP van Noodpost (HTTP {status}). Controleer het adres; de gegevens blijven hier bewaard.</source>
        <translation>No Noodpost C-NSP answers at {address} (HTTP {status}). Check the address; the data is kept here.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Het antwoord van de C-NSP is te groot voor het netwerk. Hier is niets veranderd; haal de gegevens op met een USB-stick (&apos;noodpost sync import MAP&apos;).</source>
        <translation>The C-NSP&apos;s answer is too large for the network. Nothing has changed here; fetch the data with a USB stick (&apos;noodpost sync import MAP&apos;).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Het antwoord van de C-NSP kwam beschadigd of onvolledig aan. Hier is niets veranderd; synchroniseer opnieuw.</source>
        <translation>The C-NSP&apos;s answer arrived damaged or incomplete. Nothing has changed here; synchronise again.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>De C-NSP kon de bundel nu niet verwerken{detail}. De gegevens blijven bewaard en gaan mee bij de volgende synchronisatie.</source>
        <translation>The C-NSP could not process the bundle just now{detail}. The data is kept and goes along with the next synchronisation.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>in oefenmodus</source>
        <translation>in training mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met echte gegevens</source>
        <translation>with real data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De C-NSP op {address} werkt {there}, dit noodsteunpunt {here}. Oefen- en echte gegevens worden nooit gemengd; er is niets uitgewisseld. Controleer het adres.</source>
        <translation>The C-NSP at {address} works {there}, this post {here}. Training data and real data are never mixed; nothing has been exchanged. Check the address.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>De C-NSP weigert de bundel: {message} Breng de gegevens met een USB-stick (&apos;noodpost sync export MAP&apos;); hier is niets veranderd.</source>
        <translation>The C-NSP refuses the bundle: {message} Bring the data on a USB stick (&apos;noodpost sync export MAP&apos;); nothing has changed here.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>De C-NSP op {address} weigert de bundel: {message} Hier is niets veranderd.</source>
        <translation>The C-NSP at {address} refuses the bundle: {message} Nothing has changed here.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Voor C-NSP {name} ({code}) is geen netwerkadres bekend. Geef het adres op met --url http://ADRES:8765, of synchroniseer met een USB-stick.</source>
        <translation>No network address is known for C-NSP {name} ({code}). Give the address with --url http://ADRES:8765, or synchronise with a USB stick.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>De bundel ({size} MB) is te groot voor het netwerk. Breng de gegevens met een USB-stick (&apos;noodpost sync export MAP&apos;); hier is niets veranderd.</source>
        <translation>The bundle ({size} MB) is too large for the network. Bring the data on a USB stick (&apos;noodpost sync export MAP&apos;); nothing has changed here.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/sync.py" line="+78"/>
        <source>Synchronisatie</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>USB-stick of map</source>
        <translation>USB stick or folder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bundel schrijven</source>
        <translation>Write bundle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundels inlezen</source>
        <translation>Read bundles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nu synchroniseren</source>
        <translation>Synchronise now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Via het netwerk met de C-NSP uitwisselen</source>
        <translation>Exchange with the C-NSP over the network</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Posten</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>C-NSP</source>
        <translation>C-NSP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Vingerafdruk</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Via USB</source>
        <translation>By USB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Via netwerk</source>
        <translation>By network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nog niet ontvangen</source>
        <translation>Not yet received</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Via USB / via netwerk: wanneer de laatste bundel binnenkwam. Nog niet ontvangen: wijzigingen waarvan de ander nog niet heeft gemeld dat ze zijn aangekomen; die gaan mee met elke volgende bundel.</source>
        <translation>Via USB / via network: when the last bundle came in. Not yet received: changes the other side has not yet reported as arrived; they go along with every next bundle.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nieuwe posten: wachten op goedkeuring</source>
        <translation>New posts: waiting for approval</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundels</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Goedkeuren…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quarantaine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>goedgekeurd</source>
        <translation>approved</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>wacht op goedkeuring</source>
        <translation>waiting for approval</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · KLOK VERDACHT</source>
        <translation> · CLOCK SUSPECT</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> · %n niet toegestaan</source>
        <translation>
            <numerusform> · %n not allowed</numerusform>
            <numerusform> · %n not allowed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source> · code heeft al een goedgekeurde sleutel</source>
        <translation> · code already has an approved key</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>bundel</source>
        <translation>bundle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>gebeurtenis {entity}</source>
        <translation>event {entity}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>vingerafdruk van deze laptop: &lt;b&gt;{fp}&lt;/b&gt;</source>
        <translation>fingerprint of this laptop: &lt;b&gt;{fp}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Vergelijk de vingerafdruk met wat de post op zijn scherm Synchronisatie ziet, en keur de post dan goed. Zijn bundels wachten tot dan in quarantaine; er gaat niets verloren.</source>
        <translation>Compare the fingerprint with what the post sees on its Synchronisation screen, then approve the post. Until then its bundles wait in quarantine; nothing is lost.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Geen posten die wachten op goedkeuring.</source>
        <translation>No posts waiting for approval.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gekoppeld aan {name} ({code}).</source>
        <translation>Paired with {name} ({code}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nog niet gekoppeld aan een C-NSP: lees eerst het koppelbestand in (hierboven, ‘Koppelbestand inlezen…’).</source>
        <translation>Not paired with a C-NSP yet: first read the pairing file (above, ‘Read pairing file…’).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Kies eerst een USB-stick of een map (‘Andere map…’).</source>
        <translation>First choose a USB stick or a folder (‘Other folder…’).</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Post goedkeuren</source>
        <translation>Approve post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} {name} goedkeuren?</source>
        <translation>Approve {code} {name}?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vraag de post (telefoon, radio of ter plekke) om de vingerafdruk voor te lezen die op zijn scherm Synchronisatie staat. Keur alleen goed als die precies gelijk is aan:

{fingerprint}</source>
        <translation>Ask the post (by phone, radio or in person) to read out the fingerprint shown on its Synchronisation screen. Only approve if it is exactly the same as:

{fingerprint}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vingerafdruk klopt: goedkeuren</source>
        <translation>Fingerprint matches: approve</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Niet goedkeuren</source>
        <translation>Do not approve</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Niet gelukt: {message}</source>
        <translation>Did not work: {message}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Klaar. Verwijder de stick veilig voordat u hem uittrekt.</source>
        <translation>Done. Safely remove the stick before you pull it out.</translation>
    </message>
</context>
<context>
    <name>SyncPairing</name>
    <message>
        <location filename="../../noodpost/sync/pairing.py" line="+53"/>
        <source>Koppelbestand van {code} geschreven naar {file} (vingerafdruk {fingerprint}).</source>
        <translation>Pairing file of {code} written to {file} (fingerprint {fingerprint}).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Gekoppeld aan C-NSP {name} ({code}), vingerafdruk {fingerprint}.</source>
        <translation>Paired with C-NSP {name} ({code}), fingerprint {fingerprint}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> De koppeling met {code} is vervangen.</source>
        <translation> The pairing with {code} has been replaced.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dit koppelbestand is beschadigd of geen Noodpost-koppelbestand ({detail}). Er is niets veranderd. Vraag de C-NSP om een nieuw koppelbestand.</source>
        <translation>This pairing file is damaged or not a Noodpost pairing file ({detail}). Nothing has changed. Ask the C-NSP for a new pairing file.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Adres &apos;{address}&apos; klopt niet: gebruik een webadres zoals http://10.0.0.5:8765.</source>
        <translation>Address &apos;{address}&apos; is not right: use a web address such as http://10.0.0.5:8765.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Alleen een C-NSP maakt een koppelbestand; een noodsteunpunt leest er een in met &apos;noodpost pairing import BESTAND&apos;.</source>
        <translation>Only a C-NSP makes a pairing file; a post reads one in with &apos;noodpost pairing import BESTAND&apos;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De sleutels van deze C-NSP horen niet bij deze database.</source>
        <translation>The keys of this C-NSP do not belong to this database.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>geen geldige JSON</source>
        <translation>not valid JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>onbekende inhoud</source>
        <translation>unknown contents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>geen versie</source>
        <translation>no version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dit koppelbestand is gemaakt met een nieuwere versie van Noodpost (versie {version}; deze versie kent tot en met {known}). Er is niets veranderd. Installeer de nieuwste versie van Noodpost.</source>
        <translation>This pairing file was made with a newer version of Noodpost (version {version}; this version knows up to {known}). Nothing has changed. Install the latest version of Noodpost.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>velden ontbreken of kloppen niet</source>
        <translation>fields missing or wrong</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>handtekening klopt niet</source>
        <translation>signature is wrong</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Dit is een C-NSP; een koppelbestand wordt op een noodsteunpunt ingelezen.</source>
        <translation>This is a C-NSP; a pairing file is read in at a post.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dit koppelbestand is van {name} ({code}), dat geen C-NSP is. Er is niets veranderd; vraag uw C-NSP om zijn koppelbestand.</source>
        <translation>This pairing file is from {name} ({code}), which is not a C-NSP. Nothing has changed; ask your C-NSP for its pairing file.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>een oefen-C-NSP (oefenmodus)</source>
        <translation>a training C-NSP (training mode)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>een echt C-NSP</source>
        <translation>a real C-NSP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in oefenmodus</source>
        <translation>in training mode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>met echte gegevens</source>
        <translation>with real data</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dit koppelbestand is van {mode}, maar dit noodsteunpunt werkt {here}. Oefen- en echte gegevens worden nooit gemengd; er is niets veranderd.</source>
        <translation>This pairing file is from {mode}, but this post works {here}. Training data and real data are never mixed; nothing has changed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dit koppelbestand beschrijft dit noodsteunpunt zelf.</source>
        <translation>This pairing file describes this post itself.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dit koppelbestand is van een C-NSP met dezelfde code als dit noodsteunpunt ({code}). Een C-NSP en een post hebben altijd elk een eigen code; er is niets veranderd.</source>
        <translation>This pairing file is from a C-NSP with the same code as this post ({code}). A C-NSP and a post always each have their own code; nothing has changed.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>veel te groot</source>
        <translation>far too large</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Het koppelbestand {file} kan niet worden gelezen ({reason}).</source>
        <translation>The pairing file {file} cannot be read ({reason}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>geen tekst</source>
        <translation>not text</translation>
    </message>
</context>
<context>
    <name>SyncPeers</name>
    <message>
        <location filename="../../noodpost/sync/peers.py" line="+91"/>
        <source>Nog geen gekoppelde noodsteunpunten of C-NSP bekend.</source>
        <translation>No paired posts or C-NSP known yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{known} bekend: {approved} goedgekeurd, {waiting} wacht op goedkeuring</source>
        <translation>{known} known: {approved} approved, {waiting} waiting for approval</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>Niets in quarantaine.</source>
        <translation>Nothing in quarantine.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bundel wacht</source>
        <translation>bundle waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundels wachten</source>
        <translation>bundles waiting</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{changes} apart gezet</source>
        <translation>{changes} set aside</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In quarantaine: {parts}.</source>
        <translation>In quarantine: {parts}.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Vingerafdruk &apos;{text}&apos; klopt niet: die bestaat uit 16 tekens (0-9, A-F), zoals ABCD-EF01-2345-6789.</source>
        <translation>Fingerprint &apos;{text}&apos; is not right: it consists of 16 characters (0-9, A-F), such as ABCD-EF01-2345-6789.</translation>
    </message>
</context>
<context>
    <name>SyncRecoveryHelp</name>
    <message>
        <location filename="../../noodpost/sync/recovery_help.py" line="+93"/>
        <source>{file} is gemaakt toen deze post nog niet aan een C-NSP was gekoppeld: de C-NSP kan deze back-up niet openen. Alleen de herstelcode kan dat. Er is niets veranderd.</source>
        <translation>{file} was made when this post was not yet paired with a C-NSP: the C-NSP cannot open this backup. Only the recovery code can. Nothing has changed.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>De map {folder} kan niet worden gemaakt ({reason}). Er is niets veranderd.</source>
        <translation>The folder {folder} cannot be created ({reason}). Nothing has changed.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{file} is geen {what} van Noodpost. Er is niets veranderd.</source>
        <translation>{file} is not a Noodpost {what}. Nothing has changed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{file} kan niet worden gelezen ({reason}). Er is niets veranderd.</source>
        <translation>{file} cannot be read ({reason}). Nothing has changed.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{file} is gemaakt met een andere versie van Noodpost. Gebruik op beide laptops de nieuwste versie; er is niets veranderd.</source>
        <translation>{file} was made with another version of Noodpost. Use the latest version on both laptops; nothing has changed.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+13"/>
        <source>{file} is beschadigd ({field}). Er is niets veranderd.</source>
        <translation>{file} is damaged ({field}). Nothing has changed.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>herstelverzoek</source>
        <translation>recovery request</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Alleen een C-NSP helpt een post bij terugzetten zonder herstelcode.</source>
        <translation>Only a C-NSP helps a post restore without a recovery code.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dit herstelverzoek is niet voor deze C-NSP: de back-up is voor de sleutel van een ander C-NSP versleuteld. Er is niets gemaakt.</source>
        <translation>This recovery request is not for this C-NSP: the backup is encrypted for the key of another C-NSP. Nothing has been made.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{file} is beschadigd: het sleutelblok gaat niet open. Er is niets gemaakt.</source>
        <translation>{file} is damaged: the key block does not open. Nothing has been made.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Post {code} is bij deze C-NSP niet goedgekeurd; voor een onbekende post wordt geen herstelantwoord gemaakt.</source>
        <translation>Post {code} is not approved at this C-NSP; no recovery answer is made for an unknown post.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Op deze laptop staat geen open herstelverzoek (het is al gebruikt, of gemaakt in een andere map). Maak eerst een verzoek met --verzoek. Er is niets veranderd.</source>
        <translation>There is no open recovery request on this laptop (it has been used already, or was made in another folder). First make a request with --verzoek. Nothing has changed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>herstelantwoord</source>
        <translation>recovery answer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dit herstelantwoord hoort niet bij het verzoek van deze laptop voor deze back-up. Er is niets veranderd.</source>
        <translation>This recovery answer does not belong to this laptop&apos;s request for this backup. Nothing has changed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{file} is beschadigd: de sleutel gaat niet open. Er is niets veranderd.</source>
        <translation>{file} is damaged: the key does not open. Nothing has changed.</translation>
    </message>
</context>
<context>
    <name>SyncUsb</name>
    <message>
        <location filename="../../noodpost/sync/usb.py" line="+60"/>
        <source>{bundles} geschreven naar {folder}: {parts}</source>
        <translation>{bundles} written to {folder}: {parts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; {bundles} vervangen</source>
        <translation>; {bundles} replaced</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>oudere bundel</source>
        <translation>older bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oudere bundels</source>
        <translation>older bundles</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Geen bundels gevonden in {folder}.</source>
        <translation>No bundles found in {folder}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{bundles}: {applied} toegepast, {present} al aanwezig, {quarantined} in quarantaine, {refused} geweigerd</source>
        <translation>{bundles}: {applied} applied, {present} already present, {quarantined} in quarantine, {refused} refused</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>; {again} al eerder ingelezen</source>
        <translation>; {again} read in before</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; wacht op goedkeuring: {codes} ({bundles} bewaard tot de goedkeuring)</source>
        <translation>; waiting for approval: {codes} ({bundles} kept until the approval)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; {skipped} overgeslagen (niet voor deze laptop)</source>
        <translation>; {skipped} skipped (not for this laptop)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>De map {folder} bestaat niet. Is de USB-stick aangesloten? Kies de stick (of een map erop) en probeer het opnieuw.</source>
        <translation>The folder {folder} does not exist. Is the USB stick plugged in? Choose the stick (or a folder on it) and try again.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deze post is nog niet gekoppeld aan een C-NSP. Lees eerst het koppelbestand in: Synchronisatie → Koppelbestand inlezen… (of &apos;noodpost pairing import BESTAND&apos;).</source>
        <translation>This post is not paired with a C-NSP yet. First read in the pairing file: Synchronisation → Read pairing file… (or &apos;noodpost pairing import BESTAND&apos;).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Er zijn nog geen goedgekeurde posten. Lees eerst hun bundels in en keur ze goed: Synchronisatie → Goedkeuren… (of &apos;noodpost posts approve CODE&apos;).</source>
        <translation>There are no approved posts yet. First read in their bundles and approve them: Synchronisation → Approve… (or &apos;noodpost posts approve CODE&apos;).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> Wel geschreven: {done}. Niet geschreven: {left}.</source>
        <translation> Written: {done}. Not written: {left}.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>{file} verwijst naar een bestand buiten de gekozen map en wordt niet gelezen.</source>
        <translation>{file} points to a file outside the chosen folder and is not read.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{file} kan niet worden gelezen ({reason}). Zit de USB-stick er nog in?</source>
        <translation>{file} cannot be read ({reason}). Is the USB stick still plugged in?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{file} is te groot voor een bundel ({size} MB; hooguit {limit} MB) en wordt niet gelezen.</source>
        <translation>{file} is too large for a bundle ({size} MB; at most {limit} MB) and is not read.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{file} is een onvolledig bestand (.partial): het schrijven is onderbroken. Zo&apos;n bestand wordt nooit ingelezen; maak een nieuwe bundel.</source>
        <translation>{file} is an incomplete file (.partial): writing was interrupted. Such a file is never read in; make a new bundle.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/units.py" line="+22"/>
        <source>%n beurt(en)</source>
        <translation>
            <numerusform>%n charge</numerusform>
            <numerusform>%n charges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n maaltijd(en)</source>
        <translation>
            <numerusform>%n meal</numerusform>
            <numerusform>%n meals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pak(ken)</source>
        <translation>
            <numerusform>%n pack</numerusform>
            <numerusform>%n packs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pakket(ten)</source>
        <translation>
            <numerusform>%n parcel</numerusform>
            <numerusform>%n parcels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n portie(s)</source>
        <translation>
            <numerusform>%n portion</numerusform>
            <numerusform>%n portions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pot(ten)</source>
        <translation>
            <numerusform>%n jar</numerusform>
            <numerusform>%n jars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n stuk(s)</source>
        <translation>
            <numerusform>%n piece</numerusform>
            <numerusform>%n pieces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitsService</name>
    <message>
        <location filename="../../noodpost/services/visits.py" line="+228"/>
        <source>Kies een aantal uren van 0 of meer.</source>
        <extracomment>How many ids one query asks for at most (well under SQLite&apos;s variable limit).</extracomment>
        <translation>Choose a number of hours of 0 or more.</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+67"/>
        <source>Dit bezoek is niet bekend.</source>
        <translation>This visit is not known.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Vul het aantal aanwezige personen in (1 tot {most}).</source>
        <translation>Enter the number of people present (1 to {most}).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dit huishouden is al aangemeld als aanwezig (sinds {since}). Meld het eerst af als het vertrokken is.</source>
        <translation>This household is already checked in as present (since {since}). Check it out first when it has left.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Dit bezoek is al afgemeld (om {clock}).</source>
        <translation>This visit has already been checked out (at {clock}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dit huishouden is nu niet aangemeld als aanwezig, dus afmelden kan niet.</source>
        <translation>This household is not checked in as present now, so it cannot be checked out.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Dit huishouden is niet bekend. Scan de kaart opnieuw of schrijf het huishouden in.</source>
        <translation>This household is not known. Scan the card again or register the household.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../noodpost/gui/labels.py" line="+18"/>
        <location line="+69"/>
        <source>vrijwilliger</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>coördinator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noodsteunpunt (L-NSP)</source>
        <translation>local support point (L-NSP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coördinerend noodsteunpunt (C-NSP)</source>
        <translation>coordinating support point (C-NSP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voedsel en water</source>
        <translation>food and water</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opwarmen/afkoelen</source>
        <translation>warming up/cooling down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medische zorg</source>
        <translation>medical care</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hygiëne</source>
        <translation>hygiene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medicijnen</source>
        <translation>medicines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>luisterend oor</source>
        <translation>listening ear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stroom/opladen</source>
        <translation>power/charging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact met verwanten</source>
        <translation>contact with relatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>informatie en doorverwijzing</source>
        <translation>information and referral</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>vervoer</source>
        <translation>transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>onderdak</source>
        <translation>shelter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overig</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spoed</source>
        <translation>immediate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hoog</source>
        <translation>high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>normaal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in behandeling</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>doorverwezen</source>
        <translation>referred</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>afgehandeld</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>geannuleerd</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brandweer</source>
        <translation>fire brigade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>politie</source>
        <translation>police</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambulance</source>
        <translation>ambulance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verzonden</source>
        <translation>sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ontvangen</source>
        <translation>received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bevestigd</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>afgesloten</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aanwezig</source>
        <translation>present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vertrokken</source>
        <translation>left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aan het opladen</source>
        <translation>charging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>teruggegeven</source>
        <translation>returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in dienst</source>
        <translation>on duty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dienst beëindigd</source>
        <translation>shift ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medicatie nodig</source>
        <translation>needs medication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>afhankelijk van stroom (medisch)</source>
        <translation>depends on power (medical)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>verminderd zelfredzaam</source>
        <translation>less self-reliant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>levering</source>
        <translation>delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correctie</source>
        <translation>correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>onderweg</source>
        <translation>on the way</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>beantwoord</source>
        <translation>answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voedsel en water uitdelen</source>
        <translation>handing out food and water</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opwarm- of afkoellocatie</source>
        <translation>warming or cooling location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medische zorg, hygiëne en medicijnen</source>
        <translation>medical care, hygiene and medicines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>een luisterend oor</source>
        <translation>a listening ear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stroom om op te laden</source>
        <translation>power for charging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact met verwanten (veilig en wel)</source>
        <translation>contact with relatives (safe and well)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>noodmelding naar de C-NSP</source>
        <translation>alarm to the C-NSP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>burgerhulp</source>
        <translation>help from citizens</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
</context>
<context>
    <name>VolunteersAddDialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/volunteers_forms.py" line="+60"/>
        <source>De twee pincodes zijn niet gelijk. Typ de pincode opnieuw, twee keer hetzelfde.</source>
        <translation>The two PINs are not the same. Type the PIN again, the same twice.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>Vrijwilliger toevoegen</source>
        <translation>Add volunteer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>bijvoorbeeld: EHBO, koken, Pools (met komma&apos;s)</source>
        <translation>for example: first aid, cooking, Polish (with commas)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>niet verplicht</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laat de vrijwilliger zelf een pincode van 4 tot 8 cijfers intypen. Noodpost toont de pincode nergens en bewaart alleen een versleutelde vorm ervan.</source>
        <translation>Let the volunteer type a PIN of 4 to 8 digits themselves. Noodpost never shows the PIN and keeps only an encrypted form of it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rol</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pincode</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pincode &amp;herhalen</source>
        <translation>&amp;Repeat PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vaardigheden</source>
        <translation>S&amp;kills</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Telefoon</source>
        <translation>&amp;Phone</translation>
    </message>
</context>
<context>
    <name>VolunteersEndShiftDialog</name>
    <message>
        <location line="+38"/>
        <location line="+4"/>
        <source>Dienst beëindigen</source>
        <translation>End shift</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De dienst van {name} eindigt nu.</source>
        <translation>{name}&apos;s shift ends now.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wat moet wie na u komt weten? Wat loopt er nog, wat is toegezegd, wie heeft aandacht nodig?</source>
        <translation>What does whoever comes after you need to know? What is still going on, what was promised, who needs attention?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Overdracht (niet verplicht; komt in het logboek)</source>
        <translation>&amp;Handover (optional; goes into the logbook)</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../noodpost/gui/pages/volunteers.py" line="+66"/>
        <source>sinds {time}</source>
        <extracomment>Where a row keeps its volunteer line (after the four columns shown).</extracomment>
        <translation>since {time}</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+224"/>
        <source>Vrijwilligers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaardigheden</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In dienst</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>bijvoorbeeld balie, uitgifte, rondgang</source>
        <translation>for example desk, hand-out, round</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;aak (niet verplicht):</source>
        <translation>T&amp;ask (optional):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dienst &amp;beginnen</source>
        <translation>&amp;Start shift</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dienst b&amp;eëindigen…</source>
        <translation>&amp;End shift…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Vrijwilliger toevoegen…</source>
        <translation>Add &amp;volunteer…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>In dienst: {on_duty} · vrijwilligers van deze post: {total}</source>
        <translation>On duty: {on_duty} · volunteers of this post: {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Niemand ingelogd</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ingelogd: {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vrijwilligers toevoegen doet de coördinator van dienst.</source>
        <translation>Adding volunteers is done by the coordinator on duty.</translation>
    </message>
</context>
<context>
    <name>VolunteersService</name>
    <message>
        <location filename="../../noodpost/services/volunteers.py" line="+105"/>
        <source>Kies als rol &apos;vrijwilliger&apos; of &apos;coördinator&apos;.</source>
        <translation>Choose &apos;volunteer&apos; or &apos;coordinator&apos; as the role.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Beschrijf een vaardigheid in hooguit {most} tekens.</source>
        <translation>Describe a skill in at most {most} characters.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{what} is te lang (hooguit {most} tekens).</source>
        <translation>{what} is too long (at most {most} characters).</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>de naam</source>
        <translation>the name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De naam is te lang (hooguit 200 tekens).</source>
        <translation>The name is too long (at most 200 characters).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Het telefoonnummer</source>
        <translation>The phone number</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Er is al een vrijwilliger met de naam {name}. Voeg bijvoorbeeld een achternaam of initiaal toe.</source>
        <translation>There is already a volunteer named {name}. Add, for example, a surname or an initial.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{name} is al niet meer actief.</source>
        <translation>{name} is already inactive.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is in dienst. Beëindig eerst de dienst.</source>
        <translation>{name} is on duty. End the shift first.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is de enige actieve coördinator. Maak eerst iemand anders coördinator.</source>
        <translation>{name} is the only active coordinator. Make someone else coordinator first.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} is al actief.</source>
        <translation>{name} is already active.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>De taak</source>
        <translation>The task</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} is niet meer actief en kan geen dienst beginnen.</source>
        <translation>{name} is no longer active and cannot start a shift.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} is al in dienst. Beëindig eerst die dienst voordat een nieuwe begint.</source>
        <translation>{name} is already on duty. End that shift first before a new one starts.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>De overdracht</source>
        <translation>The handover</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deze dienst is niet (meer) bekend.</source>
        <translation>This shift is not known (any more).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deze dienst is al beëindigd.</source>
        <translation>This shift has already ended.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Deze vrijwilliger is hier niet bekend.</source>
        <translation>This volunteer is not known here.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>onbekende vrijwilliger</source>
        <translation>unknown volunteer</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{name} is niet meer actief. Vraag de coördinator om u weer actief te maken.</source>
        <translation>{name} is no longer active. Ask the coordinator to make you active again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Voor {name} is nog geen pincode ingesteld. Vraag de coördinator.</source>
        <translation>No PIN has been set for {name} yet. Ask the coordinator.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../noodpost/gui/dialogs/startup_check.py" line="+43"/>
        <source>Back-up teruggezet</source>
        <translation>Backup restored</translation>
    </message>
</context>
</TS>
