<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Work</name>
    <message>
        <source>Start work</source>
        <translation>作業を開始</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>レビューに提出</translation>
    </message>
    <message>
        <source>Take for review</source>
        <translation>レビューを引き受ける</translation>
    </message>
    <message>
        <source>Approve transcript</source>
        <translation>記録を承認</translation>
    </message>
    <message>
        <source>Reject (back to the annotator)…</source>
        <translation>差し戻す（アノテーターへ）…</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>自分の作業</translation>
    </message>
    <message>
        <source>Only the transcripts I annotate or review and have not finished</source>
        <translation>自分がアノテーションまたはレビューを担当し、まだ終わっていない記録だけ</translation>
    </message>
    <message>
        <source>&amp;Next transcript</source>
        <translation>次の記録(&amp;N)</translation>
    </message>
    <message>
        <source>Open my next transcript: my assigned work first, else one nobody has</source>
        <translation>次の記録を開く: 割り当てられた作業を優先し、なければ未担当のもの</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>担当者を割り当て…</translation>
    </message>
    <message>
        <source>Assign review to…</source>
        <translation>レビュー担当を割り当て…</translation>
    </message>
    <message>
        <source>Assign turns to…</source>
        <translation>発言の範囲を割り当て…</translation>
    </message>
    <message>
        <source>Reject transcript</source>
        <translation>記録を差し戻す</translation>
    </message>
    <message>
        <source>What should the annotator fix?</source>
        <translation>アノテーターは何を直すべきですか？</translation>
    </message>
    <message>
        <source>Assign turns</source>
        <translation>発言の範囲を割り当て</translation>
    </message>
    <message>
        <source>Turns (first-last, e.g. 10-40):</source>
        <translation>発言の範囲（最初-最後、例: 10-40）:</translation>
    </message>
    <message>
        <source>Assign review</source>
        <translation>レビューを割り当て</translation>
    </message>
    <message>
        <source>Assign transcript</source>
        <translation>記録を割り当て</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>担当者:</translation>
    </message>
    <message>
        <source>Nothing left: every transcript has someone on it</source>
        <translation>残りはありません: すべての記録に担当者がいます</translation>
    </message>
    <message>
        <source>Claim next transcript</source>
        <translation>次の記録を引き受ける</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <source>A database file, or postgresql://user@host:5432/name</source>
        <translation>データベースファイル、または postgresql://user@host:5432/name</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <source>Only for a server; never saved</source>
        <translation>サーバーの場合のみ。保存されません</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>データベース:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Taiyaku databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Taiyaku データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>データベースを開く(&amp;D)…</translation>
    </message>
    <message>
        <source>Work on another database: a file, or a team's server</source>
        <translation>別のデータベースで作業する: ファイル、またはチームのサーバー</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったデータベース(&amp;R)</translation>
    </message>
    <message>
        <source>The database open now</source>
        <translation>現在開いているデータベース</translation>
    </message>
    <message>
        <source>This file is gone (moved or deleted)</source>
        <translation>このファイルはありません（移動または削除されました）</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <source>Taiyaku cannot open the database</source>
        <translation>Taiyaku はデータベースを開けません</translation>
    </message>
    <message>
        <source>Your text could not be saved, so this database stays open; the text is kept in the editor.</source>
        <translation>テキストを保存できなかったため、このデータベースを開いたままにします。テキストはエディタに残っています。</translation>
    </message>
    <message>
        <source>Some typed text has not been saved yet, so this database stays open: edit the segment again and save it first.</source>
        <translation>まだ保存されていない入力テキストがあるため、このデータベースを開いたままにします。先にそのセグメントをもう一度編集して保存してください。</translation>
    </message>
    <message>
        <source>Your turns in this transcript: {first}–{last}</source>
        <translation>この記録であなたの担当する発言: {first}–{last}</translation>
    </message>
</context>
</TS>
