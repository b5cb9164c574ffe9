<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="+80" />
        <location line="+127" />
        <source>Taiyaku</source>
        <translation>対訳</translation>
    </message>
    <message>
        <location line="-87" />
        <location line="+49" />
        <source>Taiyaku cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../gui/context.py" line="+143" />
        <source>Nothing to change</source>
        <translation>変更はありません</translation>
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
        <location filename="../../gui/details.py" line="+101" />
        <source>Segment</source>
        <translation>セグメント</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../gui/helpers/glossary_panel.py" line="+41" />
        <source>variants not to use, separated by | or ;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>English term</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Approved Japanese</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Not to use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation type="unfinished">注記</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../../gui/helpers/glossary_panel.py" line="+29" />
        <source>Filter (English or Japanese)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>English</source>
        <translation type="unfinished">英語</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Japanese</source>
        <translation type="unfinished">日本語</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not to use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation type="unfinished">注記</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Add…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HelpersFeature</name>
    <message>
        <location filename="../../gui/helpers/feature.py" line="+52" />
        <source>Glossary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+6" />
        <source>Suggestions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+26" />
        <source>&amp;Tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Add to &amp;glossary…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Add the selected words to the glossary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Apply &amp;earlier correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Apply the earlier correction of a similar segment shown under Suggestions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Statistics…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+17" />
        <source>Add to glossary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Add “{term}” to the glossary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Edit glossary entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <source>nothing changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Edit glossary entry “{term}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Delete “{term}” from the glossary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+17" />
        <source>Import glossary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>Glossaries (*.csv *.tsv *.tbx);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+12" />
        <source>the glossary already holds every entry of {file}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+4" />
        <source>Import glossary {file}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>Export glossary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+1" />
        <source>CSV (*.csv);;TSV (*.tsv);;TBX (*.tbx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+11" />
        <source>{n} glossary entries written to {file}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+26" />
        <source>(not: {variants})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+42" />
        <source>No earlier correction of a similar segment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+5" />
        <source>{similarity}% similar · {author} · {source}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+2" />
        <source>Ctrl+Alt+M applies it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+10" />
        <source>No earlier correction to apply here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+3" />
        <source>Apply earlier correction</source>
        <translation type="unfinished" />
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
        <location line="+43" />
        <source>Import refused</source>
        <translation>取り込めませんでした</translation>
    </message>
    <message>
        <location line="-49" />
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
        <location filename="../../gui/models/library_model.py" line="+46" />
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
        <location line="+1" />
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Flags</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gaps</source>
        <translation>聞き取れない箇所</translation>
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
        <location filename="../../gui/library.py" line="+49" />
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
        <location filename="../../gui/main_window.py" line="+234" />
        <location line="+61" />
        <source>Taiyaku</source>
        <translation>対訳</translation>
    </message>
    <message>
        <location line="-165" />
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
        <location line="+4" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location line="+66" />
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
        <location line="-58" />
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Import with &amp;Translation File…</source>
        <translation>翻訳ファイルと一緒にインポート(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import a transcript and a second file holding its translation, aligned paragraph by paragraph</source>
        <translation>トランスクリプトとその翻訳のファイルをインポートし、段落ごとに対応付けます</translation>
    </message>
    <message>
        <location line="+25" />
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
        <location line="+32" />
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
        <location line="+106" />
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
        <location line="+13" />
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+12" />
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
        <location filename="../../gui/settings.py" line="+35" />
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+5" />
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
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../gui/theme.py" line="+97" />
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
</context>
<context>
    <name>RowMetrics</name>
    <message>
        <location filename="../../gui/row_metrics.py" line="+216" />
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
        <location filename="../../gui/segment_delegate.py" line="+134" />
        <source>Unknown speaker</source>
        <translation>話者不明</translation>
    </message>
</context>
<context>
    <name>SegmentDetails</name>
    <message>
        <location filename="../../gui/details.py" line="-56" />
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
        <location filename="../../gui/shortcuts_dialog.py" line="+16" />
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
    <name>StatsDialog</name>
    <message>
        <location filename="../../gui/helpers/stats_view.py" line="+19" />
        <source>Statistics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+8" />
        <source>All transcripts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location line="+21" />
        <source>No transcripts yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <location filename="../../gui/models/transcript_model.py" line="+121" />
        <source>Segment</source>
        <translation>段落</translation>
    </message>
</context>
</TS>
