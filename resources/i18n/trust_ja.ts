<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Trust</name>
    <message>
        <source>Another program is writing to this database; your text is kept, try again.</source>
        <translation>別のプログラムがこのデータベースに書き込み中です。入力した文章は残っています。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Another program is writing to this database; nothing was changed, try again.</source>
        <translation>別のプログラムがこのデータベースに書き込み中です。何も変更されていません。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The disk is full; your text is kept. Free some space and try again.</source>
        <translation>ディスクがいっぱいです。入力した文章は残っています。空き容量を作ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was changed. Free some space and try again.</source>
        <translation>ディスクがいっぱいです。何も変更されていません。空き容量を作ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Your text could not be saved and is kept in the editor: {reason}</source>
        <translation>文章を保存できませんでした。エディターに残してあります: {reason}</translation>
    </message>
    <message>
        <source>Waiting for another program to finish writing… ({seconds} s)</source>
        <translation>別のプログラムの書き込み終了を待っています…（{seconds} 秒）</translation>
    </message>
    <message>
        <source>Another program is writing to this database; Taiyaku waits a few seconds for it.</source>
        <translation>別のプログラムがこのデータベースに書き込み中です。Taiyaku は数秒間待ちます。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The last change could not be written: {reason}</source>
        <translation>直前の変更を書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>自動バックアップに失敗しました: {reason}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Taiyaku copies this database when it opens and closes and every {minutes} minutes of work, keeping the newest {keep}. A copy is restored into a new file; the open database is not changed.</source>
        <translation>Taiyaku はこのデータベースを開くときと閉じるとき、作業中は {minutes} 分ごとにコピーし、新しいものから {keep} 個を残します。コピーは新しいファイルに復元され、開いているデータベースは変更されません。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>トランスクリプト数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時機</translation>
    </message>
    <message>
        <source>&amp;Restore into a new file…</source>
        <translation>新しいファイルに復元(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>開いたとき</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>閉じたとき</translation>
    </message>
    <message>
        <source>while working</source>
        <translation>作業中</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>フォルダー: {folder}</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation>新しいファイルに復元</translation>
    </message>
    <message>
        <source>Taiyaku database (*.sqlite3)</source>
        <translation>Taiyaku データベース (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restored {count} transcripts into {path}. Open it in a new window?</source>
        <translation>{count} 件のトランスクリプトを {path} に復元しました。新しいウィンドウで開きますか？</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>バックアップから復元(&amp;B)…</translation>
    </message>
    <message>
        <source>Restore an automatic copy of this database into a new file</source>
        <translation>このデータベースの自動コピーを新しいファイルに復元します</translation>
    </message>
</context>
</TS>
