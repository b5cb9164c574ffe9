<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Export</name>
    <message numerus="yes">
        <source>&amp;Export %n transcripts…</source>
        <translation><numerusform>&amp;Export %n transcript…</numerusform><numerusform>&amp;Export %n transcripts…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The first %n segments.</source>
        <translation><numerusform>The first segment.</numerusform><numerusform>The first %n segments.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s).</source>
        <translation><numerusform>Wrote %n file.</numerusform><numerusform>Wrote %n files.</numerusform></translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>%n finding</numerusform><numerusform>%n findings</numerusform></translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message numerus="yes">
        <source>(the first %n are listed)</source>
        <translation><numerusform>(the first is listed)</numerusform><numerusform>(the first %n are listed)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Searching… %n match(es) so far</source>
        <translation><numerusform>Searching… %n match so far</numerusform><numerusform>Searching… %n matches so far</numerusform></translation>
    </message>
</context>
</TS>
