<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
<context>
    <name>AlarmAlert</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/alarm_alert.py" line="+289"/>
        <source>ESCALATIE: %n min niet bevestigd</source>
        <translation>
            <numerusform>ESCALATIE: %n min niet bevestigd</numerusform>
            <numerusform>ESCALATIE: %n min niet bevestigd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmsPage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/alarms.py" line="+263"/>
        <source>ESCALATIE: %n min niet bevestigd</source>
        <translation>
            <numerusform>ESCALATIE: %n min niet bevestigd</numerusform>
            <numerusform>ESCALATIE: %n min niet bevestigd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditViewDialog</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/audit_view.py" line="+171"/>
        <source>Intact: %n regel(s) gecontroleerd, niets gewijzigd of verwijderd.</source>
        <translation>
            <numerusform>Intact: %n regel gecontroleerd, niets gewijzigd of verwijderd.</numerusform>
            <numerusform>Intact: %n regels gecontroleerd, niets gewijzigd of verwijderd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/idle_lock.py" line="+71"/>
        <source>Er is %n minuut/minuten niets gedaan. Daarom is het scherm vergrendeld en is niemand meer aangemeld. Kies uw naam en typ uw pincode om verder te gaan. Wat open stond, blijft bewaard.</source>
        <translation>
            <numerusform>Er is %n minuut niets gedaan. Daarom is het scherm vergrendeld en is niemand meer aangemeld. Kies uw naam en typ uw pincode om verder te gaan. Wat open stond, blijft bewaard.</numerusform>
            <numerusform>Er is %n minuten niets gedaan. Daarom is het scherm vergrendeld en is niemand meer aangemeld. Kies uw naam en typ uw pincode om verder te gaan. Wat open stond, blijft bewaard.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostDetailsDialog</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/post_details.py" line="+261"/>
        <source>De crisis afsluiten? Daarmee begint de bewaartermijn van %n dag(en) voor alle persoonsgegevens op deze C-NSP.</source>
        <translation>
            <numerusform>De crisis afsluiten? Daarmee begint de bewaartermijn van %n dag voor alle persoonsgegevens op deze C-NSP.</numerusform>
            <numerusform>De crisis afsluiten? Daarmee begint de bewaartermijn van %n dagen voor alle persoonsgegevens op deze C-NSP.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>De post sluiten? Daarmee begint de bewaartermijn van %n dag(en); daarna worden de persoonsgegevens geanonimiseerd.</source>
        <translation>
            <numerusform>De post sluiten? Daarmee begint de bewaartermijn van %n dag; daarna worden de persoonsgegevens geanonimiseerd.</numerusform>
            <numerusform>De post sluiten? Daarmee begint de bewaartermijn van %n dagen; daarna worden de persoonsgegevens geanonimiseerd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresencePage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/presence.py" line="+303"/>
        <source>%n uur geleden</source>
        <translation>
            <numerusform>%n uur geleden</numerusform>
            <numerusform>%n uur geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n dagen geleden</source>
        <translation>
            <numerusform>%n dag geleden</numerusform>
            <numerusform>%n dagen geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Iedereen met een kenmerk is aanwezig of in de laatste %n uur gezien.</source>
        <translation>
            <numerusform>Iedereen met een kenmerk is aanwezig of in het laatste uur gezien.</numerusform>
            <numerusform>Iedereen met een kenmerk is aanwezig of in de laatste %n uur gezien.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="+448"/>
        <source>%n persoon/personen</source>
        <translation>
            <numerusform>%n persoon</numerusform>
            <numerusform>%n personen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/sign_in.py" line="+273"/>
        <source>Aanmelden met deze naam kan weer over %n seconde(n).</source>
        <translation>
            <numerusform>Aanmelden met deze naam kan weer over %n seconde.</numerusform>
            <numerusform>Aanmelden met deze naam kan weer over %n seconden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Aanmelden met deze naam kan weer over %n minuut/minuten.</source>
        <translation>
            <numerusform>Aanmelden met deze naam kan weer over %n minuut.</numerusform>
            <numerusform>Aanmelden met deze naam kan weer over %n minuten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/widgets/status_bar.py" line="+91"/>
        <source>%n melding(en) niet bevestigd</source>
        <extracomment>How narrow a status label may become when the screen is narrow (pixels).</extracomment>
        <translation>
            <numerusform>%n melding niet bevestigd</numerusform>
            <numerusform>%n meldingen niet bevestigd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n bevestigde melding(en) open</source>
        <translation>
            <numerusform>%n bevestigde melding open</numerusform>
            <numerusform>%n bevestigde meldingen open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/sync.py" line="+293"/>
        <source> · %n niet toegestaan</source>
        <translation>
            <numerusform> · %n niet toegestaan</numerusform>
            <numerusform> · %n niet toegestaan</numerusform>
        </translation>
    </message>
</context>
</TS>
