<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Takeout</name>
    <message>
        <source>Check out for offline work</source>
        <translation>オフライン作業用にチェックアウト</translation>
    </message>
    <message>
        <source>Copies one transcript of a shared database, with its history, into a new file you can work in without the server. Sync now sends your work back; edits that overlap someone else's are kept for the reviewer.</source>
        <translation>共有データベースの書き起こし1件を、履歴ごと新しいファイルにコピーします。サーバーがなくても作業できます。「今すぐ同期」で作業をサーバーに送り返します。ほかの人の編集と重なった編集はレビュー担当者のために残されます。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Transcript number:</source>
        <translation>書き起こし番号(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;New file:</source>
        <translation>新しいファイル(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Check out</source>
        <translation>チェックアウト(&amp;C)</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>コピーしています…</translation>
    </message>
    <message>
        <source>Check out into a new file</source>
        <translation>新しいファイルにチェックアウト</translation>
    </message>
    <message>
        <source>Taiyaku database (*.sqlite3)</source>
        <translation>Taiyaku データベース (*.sqlite3)</translation>
    </message>
    <message>
        <source>Give the server's address and a new file.</source>
        <translation>サーバーのアドレスと新しいファイルを指定してください。</translation>
    </message>
    <message>
        <source>Check &amp;out for offline work…</source>
        <translation>オフライン作業用にチェックアウト(&amp;O)…</translation>
    </message>
    <message>
        <source>Copy a transcript of a shared database into a file to work offline</source>
        <translation>共有データベースの書き起こしをファイルにコピーして、オフラインで作業します</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>今すぐ同期(&amp;Y)</translation>
    </message>
    <message>
        <source>Send the work of this checked-out file back to its server</source>
        <translation>チェックアウトしたこのファイルの作業を、元のサーバーに送り返します</translation>
    </message>
    <message>
        <source>Checked out into {path}. Open it in a new window?</source>
        <translation>{path} にチェックアウトしました。新しいウィンドウで開きますか?</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>今すぐ同期</translation>
    </message>
    <message>
        <source>This database is not a checked-out file.</source>
        <translation>このデータベースはチェックアウトしたファイルではありません。</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>サーバーに接続しています…</translation>
    </message>
    <message>
        <source>&amp;Stop after this change</source>
        <translation>この変更の後で停止(&amp;S)</translation>
    </message>
    <message>
        <source>Syncing with the server…</source>
        <translation>サーバーと同期しています…</translation>
    </message>
    <message>
        <source>Stopping after the change being sent…</source>
        <translation>送信中の変更の後で停止します…</translation>
    </message>
    <message>
        <source>Sent {done} of {total} offline changes…</source>
        <translation>オフラインの変更 {total} 件中 {done} 件を送信しました…</translation>
    </message>
    <message>
        <source>All {total} offline changes sent; refreshing this file from the server…</source>
        <translation>オフラインの変更 {total} 件をすべて送信しました。サーバーからこのファイルを更新しています…</translation>
    </message>
    <message>
        <source>Sync stopped: {reason}. Nothing was lost: what was not sent stays in this file; sync again later.</source>
        <translation>同期が止まりました: {reason}。失われたものはありません。送信されなかった変更はこのファイルに残っています。後でもう一度同期してください。</translation>
    </message>
    <message>
        <source>Sync stopped; nothing was lost.</source>
        <translation>同期が止まりました。失われたものはありません。</translation>
    </message>
    <message>
        <source>Changes sent: {sent}. Kept as competing corrections (they overlapped the server's): {conflicts}; conflict flags for the reviewer: {flags}. Refused by the server: {refused}.</source>
        <translation>送信した変更: {sent} 件。競合する修正として残したもの(サーバーの変更と重なったもの): {conflicts} 件、レビュー担当者向けの競合フラグ: {flags} 件。サーバーに拒否されたもの: {refused} 件。</translation>
    </message>
    <message>
        <source>Stopped after {done} of {total} offline changes: the rest stays in this file and is sent by the next sync.</source>
        <translation>オフラインの変更 {total} 件中 {done} 件で停止しました。残りはこのファイルに残り、次の同期で送信されます。</translation>
    </message>
    <message>
        <source>This file now holds the server's transcript.</source>
        <translation>このファイルはサーバーの最新の書き起こしになりました。</translation>
    </message>
    <message>
        <source>This file was not refreshed (it changed meanwhile): sync again.</source>
        <translation>このファイルは更新されませんでした(同期中に変更されたため)。もう一度同期してください。</translation>
    </message>
</context>
</TS>
