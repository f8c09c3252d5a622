<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
<context>
    <name>AlarmAlert</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/alarm_alert.py" line="+314"/>
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
        <location filename="../../noodpost/gui/pages/alarms.py" line="+296"/>
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
        <location filename="../../noodpost/gui/dialogs/audit_view.py" line="+181"/>
        <source>Intact: %n regel(s) gecontroleerd, niets gewijzigd of verwijderd.</source>
        <translation>
            <numerusform>Intact: %n regel gecontroleerd, niets gewijzigd of verwijderd.</numerusform>
            <numerusform>Intact: %n regels gecontroleerd, niets gewijzigd of verwijderd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulletinsPage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/bulletins.py" line="+141"/>
        <source>%n mededeling(en).</source>
        <translation>
            <numerusform>%n mededeling.</numerusform>
            <numerusform>%n mededelingen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdSearchDialog</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/household_search.py" line="+225"/>
        <source>%n huishouden(s) gevonden. Kies met de pijltjes, open met Enter.</source>
        <translation>
            <numerusform>%n huishouden gevonden. Kies met de pijltjes, open met Enter.</numerusform>
            <numerusform>%n huishoudens gevonden. Kies met de pijltjes, open met Enter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/idle_lock.py" line="+71"/>
        <source>Er is %n minuut/minuten niets gedaan. Daarom is het scherm vergrendeld en is niemand meer ingelogd. Kies uw naam en typ uw pincode om verder te gaan. Wat open stond, blijft bewaard.</source>
        <translation>
            <numerusform>Er is %n minuut niets gedaan. Daarom is het scherm vergrendeld en is niemand meer ingelogd. Kies uw naam en typ uw pincode om verder te gaan. Wat open stond, blijft bewaard.</numerusform>
            <numerusform>Er is %n minuten niets gedaan. Daarom is het scherm vergrendeld en is niemand meer ingelogd. Kies uw naam en typ uw pincode om verder te gaan. Wat open stond, blijft bewaard.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/messages.py" line="+363"/>
        <source>Dit bestand bevat persoonsgegevens van %n bericht(en): naam, geboortejaar, bericht en contact.</source>
        <translation>
            <numerusform>Dit bestand bevat persoonsgegevens van %n bericht: naam, geboortejaar, bericht en contact.</numerusform>
            <numerusform>Dit bestand bevat persoonsgegevens van %n berichten: naam, geboortejaar, bericht en contact.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Geëxporteerd: %n bericht(en) naar {path}.</source>
        <translation>
            <numerusform>Geëxporteerd: %n bericht naar {path}.</numerusform>
            <numerusform>Geëxporteerd: %n berichten naar {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/overview.py" line="+150"/>
        <source>Database in orde · %n wijziging(en) in quarantaine: laat de coördinator ze bekijken op Synchronisatie</source>
        <translation>
            <numerusform>Database in orde · %n wijziging in quarantaine: laat de coördinator ze bekijken op Synchronisatie</numerusform>
            <numerusform>Database in orde · %n wijzigingen in quarantaine: laat de coördinator ze bekijken op Synchronisatie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperActions</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/paper_actions.py" line="+72"/>
        <source>%n papieren formulier(en) ingevoerd.</source>
        <translation>
            <numerusform>%n papieren formulier ingevoerd.</numerusform>
            <numerusform>%n papieren formulieren ingevoerd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/paper_entry.py" line="+231"/>
        <source>%n uitgifte(n)</source>
        <translation>
            <numerusform>%n uitgifte</numerusform>
            <numerusform>%n uitgiften</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostDetailsDialog</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/post_details.py" line="+266"/>
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
        <location filename="../../noodpost/gui/pages/presence.py" line="+340"/>
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
        <location line="+16"/>
        <source>Iedereen met een kenmerk is aanwezig of in de laatste %n uur gezien.</source>
        <translation>
            <numerusform>Iedereen met een kenmerk is aanwezig of in het laatste uur gezien.</numerusform>
            <numerusform>Iedereen met een kenmerk is aanwezig of in de laatste %n uur gezien.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegionalPage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/regional.py" line="+283"/>
        <source>%n post(en)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n persoon/personen aanwezig</source>
        <translation>
            <numerusform>%n persoon aanwezig</numerusform>
            <numerusform>%n personen aanwezig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n noodmelding(en) NIET BEVESTIGD</source>
        <translation>
            <numerusform>%n noodmelding NIET BEVESTIGD</numerusform>
            <numerusform>%n noodmeldingen NIET BEVESTIGD</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n post(en) met tekorten</source>
        <translation>
            <numerusform>%n post met tekorten</numerusform>
            <numerusform>%n posten met tekorten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n post(en) met brandstof voor minder dan 12 uur</source>
        <translation>
            <numerusform>%n post met brandstof voor minder dan 12 uur</numerusform>
            <numerusform>%n posten met brandstof voor minder dan 12 uur</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/dialogs/setup_wizard.py" line="+447"/>
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
        <location filename="../../noodpost/gui/dialogs/sign_in.py" line="+274"/>
        <source>Inloggen met deze naam kan weer over %n seconde(n).</source>
        <translation>
            <numerusform>Inloggen met deze naam kan weer over %n seconde.</numerusform>
            <numerusform>Inloggen met deze naam kan weer over %n seconden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Inloggen met deze naam kan weer over %n minuut/minuten.</source>
        <translation>
            <numerusform>Inloggen met deze naam kan weer over %n minuut.</numerusform>
            <numerusform>Inloggen met deze naam kan weer over %n minuten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/widgets/status_bar.py" line="+122"/>
        <source>%n melding(en) niet bevestigd</source>
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
    <message numerus="yes">
        <location line="+10"/>
        <source>%n post(en) bekend</source>
        <translation>
            <numerusform>%n post bekend</numerusform>
            <numerusform>%n posten bekend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n wijziging(en) nog niet ontvangen door de C-NSP</source>
        <translation>
            <numerusform>%n wijziging nog niet ontvangen door de C-NSP</numerusform>
            <numerusform>%n wijzigingen nog niet ontvangen door de C-NSP</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n niet toegestaan</source>
        <translation>
            <numerusform>%n niet toegestaan</numerusform>
            <numerusform>%n niet toegestaan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/pages/sync.py" line="+306"/>
        <source> · %n niet toegestaan</source>
        <translation>
            <numerusform> · %n niet toegestaan</numerusform>
            <numerusform> · %n niet toegestaan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message numerus="yes">
        <location filename="../../noodpost/gui/units.py" line="+22"/>
        <source>%n beurt(en)</source>
        <translation>
            <numerusform>%n beurt</numerusform>
            <numerusform>%n beurten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n maaltijd(en)</source>
        <translation>
            <numerusform>%n maaltijd</numerusform>
            <numerusform>%n maaltijden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pak(ken)</source>
        <translation>
            <numerusform>%n pak</numerusform>
            <numerusform>%n pakken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pakket(ten)</source>
        <translation>
            <numerusform>%n pakket</numerusform>
            <numerusform>%n pakketten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n portie(s)</source>
        <translation>
            <numerusform>%n portie</numerusform>
            <numerusform>%n porties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pot(ten)</source>
        <translation>
            <numerusform>%n pot</numerusform>
            <numerusform>%n potten</numerusform>
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
            <numerusform>%n stuk</numerusform>
            <numerusform>%n stuks</numerusform>
        </translation>
    </message>
</context>
</TS>
