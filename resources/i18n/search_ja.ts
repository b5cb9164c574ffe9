<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Search</name>
    <message>
        <source>original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Search every transcript…</source>
        <translation>すべてのトランスクリプトを検索…</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正規表現</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>両言語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message numerus="yes">
        <source>(the first %n are listed)</source>
        <translation><numerusform>(最初の%n件を表示)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n件一致</numerusform></translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>一致なし。</translation>
    </message>
    <message numerus="yes">
        <source>Searching… %n match(es) so far</source>
        <translation><numerusform>検索中… これまでに%n件</numerusform></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>&amp;Search library…</source>
        <translation>ライブラリを検索(&amp;S)…</translation>
    </message>
    <message>
        <source>Search every transcript's original and corrected text, English and Japanese</source>
        <translation>すべてのトランスクリプトの原文と修正後の本文を英語・日本語で検索</translation>
    </message>
</context>
</TS>
