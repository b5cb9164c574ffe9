<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Library</name>
    <message>
        <source>Filter by title…</source>
        <translation>タイトルで絞り込み…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>取り込み順</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Sort the library</source>
        <translation>ライブラリの並べ替え</translation>
    </message>
    <message>
        <source>Reverse the order</source>
        <translation>逆順にする</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>名前を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Rename transcript</source>
        <translation>トランスクリプトの名前を変更</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>タイトル:</translation>
    </message>
    <message>
        <source>Delete transcript</source>
        <translation>トランスクリプトを削除</translation>
    </message>
    <message>
        <source>Delete “{title}” ({n} segments) with all its corrections, gaps and flags?

A complete copy (JSON) is saved first in {folder}.</source>
        <translation>「{title}」({n}セグメント)を、すべての修正・欠落・フラグとともに削除しますか?

削除の前に完全なコピー(JSON)を {folder} に保存します。</translation>
    </message>
    <message>
        <source>Deleted “{title}”; a copy is in {path}</source>
        <translation>「{title}」を削除しました。コピーは {path} にあります</translation>
    </message>
</context>
</TS>
