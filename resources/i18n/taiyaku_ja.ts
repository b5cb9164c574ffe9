<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="+102" />
        <location line="+203" />
        <source>Taiyaku</source>
        <translation>対訳</translation>
    </message>
    <message>
        <location line="-117" />
        <location line="+57" />
        <source>Taiyaku cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../gui/window/context.py" line="+153" />
        <source>Nothing to change</source>
        <translation>変更はありません</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <location filename="../../gui/preferences/pages.py" line="+92" />
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Appearance:</source>
        <translation>外観:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>English text:</source>
        <translation>英語の本文:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>日本語 text:</source>
        <translation>日本語の本文:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>(the UI font)</source>
        <translation>（画面のフォント）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>as zoomed</source>
        <translation>拡大率に従う</translation>
    </message>
    <message>
        <location line="+1" />
        <source> pt</source>
        <translation> pt</translation>
    </message>
</context>
<context>
    <name>BilingualPanes</name>
    <message>
        <location filename="../../gui/panes.py" line="+262" />
        <source>English</source>
        <translation>英語</translation>
    </message>
</context>
<context>
    <name>DetailsArea</name>
    <message>
        <location filename="../../gui/details.py" line="+102" />
        <source>Segment</source>
        <translation>セグメント</translation>
    </message>
</context>
<context>
    <name>GapText</name>
    <message>
        <location filename="../../gui/gap_text.py" line="+46" />
        <source>certain</source>
        <translation>確実</translation>
    </message>
    <message>
        <location line="+1" />
        <source>best guess</source>
        <translation>推測</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filled gap ({confidence}); transcribed as: {marker}</source>
        <translation>補った箇所（{confidence}）。書き起こしでは: {marker}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unrecoverable gap</source>
        <translation>聞き取り不能な箇所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open gap: not filled yet</source>
        <translation>未解決の箇所: まだ補っていません</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../gui/history_text.py" line="+27" />
        <source>Accept all speaker suggestions</source>
        <translation>話者の候補をすべて承認</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept correction</source>
        <translation>修正を承認</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept speaker suggestion</source>
        <translation>話者の候補を承認</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approve segment</source>
        <translation>段落を承認</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approve segments</source>
        <translation>段落を承認</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change speaker of turn</source>
        <translation>発言の話者の変更</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close flag (won't fix)</source>
        <translation>フラグを閉じる(対応しない)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete flag</source>
        <translation>フラグを削除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Describe correction</source>
        <translation>修正の説明</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dismiss all speaker suggestions</source>
        <translation>話者の候補をすべて却下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dismiss finding</source>
        <translation>指摘を却下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dismiss speaker suggestion</source>
        <translation>話者の候補を却下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit flag</source>
        <translation>フラグを編集</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit speaker</source>
        <translation>話者の編集</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit text</source>
        <translation>本文の編集</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fill gap</source>
        <translation>聞き取れない箇所を埋める</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Flag segment</source>
        <translation>段落にフラグを付ける</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Insert gap</source>
        <translation>聞き取れない箇所の挿入</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Link gaps</source>
        <translation>箇所を対応付け</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Link proposed gaps</source>
        <translation>提案された箇所を対応付け</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark gap</source>
        <translation>聞き取れない箇所の指定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mark gap unrecoverable</source>
        <translation>復元不可にする</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Merge segments</source>
        <translation>段落の結合</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Merge speakers</source>
        <translation>話者の統合</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Merge turns</source>
        <translation>発言の結合</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move translation down</source>
        <translation>翻訳を下へ移動</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move translation up</source>
        <translation>翻訳を上へ移動</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject correction</source>
        <translation>修正を却下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove gap</source>
        <translation>箇所の削除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename speaker</source>
        <translation>話者名の変更</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reopen flag</source>
        <translation>フラグを再び開く</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reopen gap</source>
        <translation>箇所を再開</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Replace</source>
        <translation>置換</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Replace all</source>
        <translation>すべて置換</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reply to flag</source>
        <translation>フラグに返信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolve flag</source>
        <translation>フラグを解決済みにする</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Restore finding</source>
        <translation>指摘を戻す</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revert segment</source>
        <translation>段落を原文に戻す</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Set review state</source>
        <translation>レビュー状態の変更</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Split segment</source>
        <translation>段落の分割</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Split speaker</source>
        <translation>話者の分割</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Split turn</source>
        <translation>発言の分割</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unlink gap</source>
        <translation>対応の解除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Withdraw approval</source>
        <translation>承認の取り消し</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Assign transcript</source>
        <translation>記録を割り当て</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assign review</source>
        <translation>レビューを割り当て</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start work</source>
        <translation>作業を開始</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Submit for review</source>
        <translation>レビューに提出</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Take for review</source>
        <translation>レビューを引き受ける</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approve transcript</source>
        <translation>記録を承認</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject transcript</source>
        <translation>記録を差し戻す</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Claim next transcript</source>
        <translation>次の記録を引き受ける</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../gui/import_flow.py" line="+55" />
        <source>Import transcripts</source>
        <translation>トランスクリプトの取り込み</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+18" />
        <source>Transcripts (*.txt *.text);;All files (*)</source>
        <translation>トランスクリプト (*.txt *.text);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="-17" />
        <source>Import: the source file</source>
        <translation>インポート：原文のファイル</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Import: its translation</source>
        <translation>インポート：その翻訳のファイル</translation>
    </message>
    <message>
        <location line="+40" />
        <source>paragraph and translation in turn</source>
        <translation>段落と訳文が交互</translation>
    </message>
    <message>
        <location line="+1" />
        <source>two blocks (one language, then the other)</source>
        <translation>二つのブロック（一方の言語の後にもう一方）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>two files (source and translation)</source>
        <translation>二つのファイル（原文と翻訳）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Layout: {layout}; lead language: {lang}</source>
        <translation>レイアウト：{layout}、原文の言語：{lang}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{turns} turns, {speakers} speakers, {pairs} pairs, {untranslated} untranslated, {gaps} gaps, {markers} markers</source>
        <translation>ターン {turns}、話者 {speakers}、対訳 {pairs}、未翻訳 {untranslated}、聞き取れない箇所 {gaps}、マーカー {markers}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{n} doubtful pairs: QA lists them as “check this pairing”</source>
        <translation>確信度の低い対訳 {n} 件：QA に「対訳の組み合わせを確認」として表示されます</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warning: {text}</source>
        <translation>注意：{text}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Import summary</source>
        <translation>インポートの概要</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Import again?</source>
        <translation>もう一度インポートしますか？</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{name} was imported before (“{title}”). Import it again as a new transcript?</source>
        <translation>{name} は以前インポートされています（「{title}」）。新しいトランスクリプトとしてもう一度インポートしますか？</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+6" />
        <location line="+45" />
        <source>Import refused</source>
        <translation>取り込めませんでした</translation>
    </message>
    <message>
        <location line="-51" />
        <source>The importer is not available.</source>
        <translation>取り込み機能が利用できません。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Importing {name}…</source>
        <translation>{name} を取り込んでいます…</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../gui/models/library_model.py" line="+160" />
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Turns</source>
        <translation>発言</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Segments</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="-28" />
        <location line="+29" />
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="-31" />
        <source>Assigned</source>
        <translation>割り当て済み</translation>
    </message>
    <message>
        <location line="+0" />
        <source>In progress</source>
        <translation>作業中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Submitted</source>
        <translation>提出済み</translation>
    </message>
    <message>
        <location line="+0" />
        <source>In review</source>
        <translation>レビュー中</translation>
    </message>
    <message>
        <location line="+13" />
        <source>{name} (turns {range})</source>
        <translation>{name}（発言 {range}）</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Flags</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gaps</source>
        <translation>聞き取れない箇所</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Share of segments approved by a reviewer</source>
        <translation>レビュー担当者が承認した段落の割合</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open flags</source>
        <translation>未解決のフラグ</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Inaudible gaps not yet resolved</source>
        <translation>未解決の聞き取れない箇所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Where the work on the transcript stands</source>
        <translation>この記録の作業の状況</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who has the work: the annotator, or the reviewer once it is submitted</source>
        <translation>作業の担当者: アノテーター、提出後はレビュー担当者</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Sent back by the reviewer: {note}</source>
        <translation>レビュー担当者からの差し戻し: {note}</translation>
    </message>
    <message>
        <location filename="../../gui/library.py" line="+66" />
        <source>{date} · {turns} turns · {segments} segments</source>
        <translation>{date} · 発言 {turns} · 段落 {segments}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{n} open flags</source>
        <translation>未解決のフラグ {n}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} gaps</source>
        <translation>聞き取れない箇所 {n}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/window/main_window.py" line="+257" />
        <location line="+91" />
        <source>Taiyaku</source>
        <translation>対訳</translation>
    </message>
    <message>
        <location line="-206" />
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Import…</source>
        <translation>取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import transcript files into the library</source>
        <translation>トランスクリプトのファイルをライブラリに取り込みます</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location line="+76" />
        <source>Undo {action}</source>
        <translation>元に戻す: {action}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Redo {action}</source>
        <translation>やり直す: {action}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location line="-68" />
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location line="-24" />
        <source>Import with &amp;Translation File…</source>
        <translation>翻訳ファイルと一緒にインポート(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import a transcript and a second file holding its translation, aligned paragraph by paragraph</source>
        <translation>トランスクリプトとその翻訳のファイルをインポートし、段落ごとに対応付けます</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Larger text</source>
        <translation>文字を大きくします</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Smaller text</source>
        <translation>文字を小さくします</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Normal size</source>
        <translation>標準の大きさ(&amp;N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Switch pane</source>
        <translation>ペインの切り替え(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move between English and 日本語</source>
        <translation>英語と日本語のペインを行き来します</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Pre&amp;vious turn</source>
        <translation>前の発言(&amp;V)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Next turn</source>
        <translation>次の発言(&amp;N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Previous segment</source>
        <translation>前の段落(&amp;P)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ne&amp;xt segment</source>
        <translation>次の段落(&amp;X)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Go to turn…</source>
        <translation>発言番号へ移動(&amp;G)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;First segment</source>
        <translation>最初の段落(&amp;F)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Last segment</source>
        <translation>最後の段落(&amp;L)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;About Taiyaku</source>
        <translation>対訳について(&amp;A)</translation>
    </message>
    <message>
        <location line="+42" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+145" />
        <source>No transcript open</source>
        <translation>トランスクリプトが開かれていません</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{turns} turns · {segments} segments</source>
        <translation>発言 {turns} · 段落 {segments}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Annotator: {name}</source>
        <translation>作業者: {name}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Database: {path}</source>
        <translation>データベース: {path}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>All changes saved</source>
        <translation>すべての変更を保存済み</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Every change is written to the database as you make it.</source>
        <translation>変更はその都度データベースに書き込まれます。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Go to turn</source>
        <translation>発言番号へ移動</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Turn number (1–{n}):</source>
        <translation>発言番号 (1–{n}):</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+14" />
        <source>About Taiyaku</source>
        <translation>対訳について</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Taiyaku (対訳) — correct bilingual English/Japanese transcripts, offline.
Every change is saved as you make it and can be undone.</source>
        <translation>対訳 (Taiyaku) — 英語と日本語の対訳トランスクリプトをオフラインで校正します。
変更はその都度保存され、元に戻すことができます。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/preferences/dialog.py" line="+29" />
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Every change you make is recorded under this name.</source>
        <translation>あなたが行う変更はすべてこの名前で記録されます。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotator name:</source>
        <translation>作業者名:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Language:</source>
        <translation>表示言語:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Work</source>
        <translation>作業</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Shortcuts</source>
        <translation>ショートカット</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../gui/window/theme.py" line="+177" />
        <source>Official</source>
        <translation>政府関係者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Journalist</source>
        <translation>記者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Operator</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moderator</source>
        <translation>司会</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role unknown</source>
        <translation>役割不明</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Omission</source>
        <translation>中略</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reaction</source>
        <translation>反応</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interpretation</source>
        <translation>通訳</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Crosstalk</source>
        <translation>クロストーク</translation>
    </message>
    <message>
        <location line="+1" />
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Unknown speaker</source>
        <translation>話者不明</translation>
    </message>
    <message>
        <location line="+5" />
        <source>English</source>
        <translation>英語</translation>
    </message>
</context>
<context>
    <name>RowMetrics</name>
    <message>
        <location filename="../../gui/row_metrics.py" line="+234" />
        <source>(no segments in this turn)</source>
        <translation>(この発言には段落がありません)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>untranslated</source>
        <translation>未翻訳</translation>
    </message>
</context>
<context>
    <name>SegmentDelegate</name>
    <message>
        <location filename="../../gui/segment_delegate.py" line="+166" />
        <source>Unknown speaker</source>
        <translation>話者不明</translation>
    </message>
</context>
<context>
    <name>SegmentDetails</name>
    <message>
        <location filename="../../gui/details.py" line="-58" />
        <source>Select a segment to see its details.</source>
        <translation>段落を選ぶと詳細が表示されます。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Turn {turn}, segment {segment}</source>
        <translation>発言 {turn}・段落 {segment}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unknown speaker</source>
        <translation>話者不明</translation>
    </message>
    <message>
        <location line="+6" />
        <source>label: {labels}</source>
        <translation>表記: {labels}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Speaker</source>
        <translation>話者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not reviewed</source>
        <translation>未レビュー</translation>
    </message>
    <message>
        <location line="+0" />
        <source>edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <location line="+1" />
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location line="+3" />
        <source>untranslated</source>
        <translation>未翻訳</translation>
    </message>
    <message>
        <location line="+3" />
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <location line="+0" />
        <source>filled</source>
        <translation>補完済み</translation>
    </message>
    <message>
        <location line="+0" />
        <source>unrecoverable</source>
        <translation>復元不能</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Gaps</source>
        <translation>聞き取れない箇所</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../gui/window/shortcuts_dialog.py" line="+16" />
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location line="+22" />
        <source>In a pane</source>
        <translation>ペイン内</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Previous / next segment</source>
        <translation>前 / 次の段落</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Up, Down</source>
        <translation>↑, ↓</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Page up / down</source>
        <translation>前 / 次のページ</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PgUp, PgDown</source>
        <translation>PgUp, PgDown</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Extend the selection</source>
        <translation>選択範囲を広げる</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shift+Up, Shift+Down</source>
        <translation>Shift+↑, Shift+↓</translation>
    </message>
</context>
<context>
    <name>ShortcutsPage</name>
    <message>
        <location filename="../../gui/preferences/shortcuts.py" line="+91" />
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Default</source>
        <translation>既定に戻す(&amp;D)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>New shortcut:</source>
        <translation>新しいショートカット:</translation>
    </message>
    <message>
        <location line="+29" />
        <source>{keys} is already the shortcut of “{command}”: choose another, or change that one first.</source>
        <translation>{keys} は「{command}」のショートカットです。別のキーを選ぶか、先にそちらを変更してください。</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <location filename="../../gui/models/transcript_model.py" line="+127" />
        <source>Segment</source>
        <translation>段落</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <location filename="../../gui/preferences/pages.py" line="-72" />
        <source>Your documents folder</source>
        <translation>ドキュメントフォルダー</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Default export folder:</source>
        <translation>既定の書き出し先:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gap marker (English):</source>
        <translation>聞き取れない箇所の印（英語）:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gap marker (日本語):</source>
        <translation>聞き取れない箇所の印（日本語）:</translation>
    </message>
    <message>
        <location line="+11" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How far the audio player jumps back every time it resumes, so the last words are heard again (0: not at all)</source>
        <translation>再生を再開するたびに音声プレーヤーが巻き戻す秒数(直前の言葉をもう一度聞けます。0: 巻き戻さない)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rewind on resume:</source>
        <translation>再開時の巻き戻し:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Default export folder</source>
        <translation>既定の書き出し先</translation>
    </message>
</context>
</TS>
