<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ReviewController</name>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>自動チェックの指摘</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>レビュー(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Flag for review…</source>
        <translation>レビュー用にフラグを付ける…(&amp;F)</translation>
    </message>
    <message>
        <source>Flag the current segment, or the selected text, for review</source>
        <translation>現在の段落(または選択したテキスト)にレビュー用のフラグを付ける</translation>
    </message>
    <message>
        <source>&amp;Next open flag</source>
        <translation>次の未解決フラグ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous open flag</source>
        <translation>前の未解決フラグ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resolve flag</source>
        <translation>フラグを解決済みにする(&amp;R)</translation>
    </message>
    <message>
        <source>Resolve the chosen flag (the reply box becomes its resolution note)</source>
        <translation>選んだフラグを解決済みにする(返信欄の内容が解決メモになります)</translation>
    </message>
    <message>
        <source>Close flag as &amp;won't fix</source>
        <translation>対応しないとしてフラグを閉じる(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;open flag</source>
        <translation>フラグを再び開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Approve segment</source>
        <translation>段落を承認(&amp;A)</translation>
    </message>
    <message>
        <source>Approve the selected segments and move on</source>
        <translation>選択した段落を承認して次へ進む</translation>
    </message>
    <message>
        <source>Next segment needing re&amp;view</source>
        <translation>次の未承認の段落(&amp;V)</translation>
    </message>
    <message>
        <source>Previous segment needing revie&amp;w</source>
        <translation>前の未承認の段落(&amp;W)</translation>
    </message>
    <message>
        <source>Run &amp;QA checks</source>
        <translation>自動チェックを実行(&amp;Q)</translation>
    </message>
    <message>
        <source>No flags on this segment.</source>
        <translation>この段落にフラグはありません。</translation>
    </message>
    <message>
        <source>Link copied, not opened: {url}</source>
        <translation>リンクをコピーしました(開いていません): {url}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>dismissed: {reason}</source>
        <translation>却下済み: {reason}</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>却下済み</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>フラグ済み</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>指摘</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Flag…</source>
        <translation>フラグ…</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>却下…</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>チェックを実行</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>戻す</translation>
    </message>
    <message>
        <source>List a dismissed finding again</source>
        <translation>却下した指摘を再び一覧に戻す</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Apply a correction the finding offers (one undo step)</source>
        <translation>指摘が示す修正を適用します（1 回で元に戻せます）</translation>
    </message>
    <message>
        <source>Show dismissed and flagged</source>
        <translation>却下済み・フラグ済みも表示</translation>
    </message>
    <message>
        <source>All checks ({n})</source>
        <translation>すべてのチェック ({n})</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation><numerusform>指摘 %n 件</numerusform></translation>
    </message>
    <message>
        <source>{findings}, checking…</source>
        <translation>{findings}、チェック中…</translation>
    </message>
</context>
<context>
    <name>FlagActions</name>
    <message>
        <source>Turn {turn}, segment {segment}</source>
        <translation>発言 {turn}、段落 {segment}</translation>
    </message>
    <message>
        <source>Select a segment to flag first.</source>
        <translation>先にフラグを付ける段落を選んでください。</translation>
    </message>
    <message>
        <source>Flag segment</source>
        <translation>段落にフラグを付ける</translation>
    </message>
    <message>
        <source>No open flags in this transcript.</source>
        <translation>この書き起こしに未解決のフラグはありません。</translation>
    </message>
    <message>
        <source>Every segment is approved.</source>
        <translation>すべての段落が承認済みです。</translation>
    </message>
    <message>
        <source>No flag chosen.</source>
        <translation>フラグが選ばれていません。</translation>
    </message>
    <message>
        <source>Resolve flag</source>
        <translation>フラグを解決済みにする</translation>
    </message>
    <message>
        <source>Close flag (won't fix)</source>
        <translation>フラグを閉じる(対応しない)</translation>
    </message>
    <message>
        <source>Reopen flag</source>
        <translation>フラグを再び開く</translation>
    </message>
    <message>
        <source>Reply to flag</source>
        <translation>フラグに返信</translation>
    </message>
    <message>
        <source>Edit flag</source>
        <translation>フラグを編集</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Select a segment to approve first.</source>
        <translation>先に承認する段落を選んでください。</translation>
    </message>
    <message>
        <source>This segment has no translation. Press {keys} again to approve it anyway.</source>
        <translation>この段落には翻訳がありません。それでも承認するには、もう一度 {keys} を押してください。</translation>
    </message>
    <message>
        <source>Approve segment</source>
        <translation>段落を承認</translation>
    </message>
    <message>
        <source>Approve segments</source>
        <translation>段落を承認</translation>
    </message>
    <message>
        <source>Already approved.</source>
        <translation>すでに承認済みです。</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <source>Flag for review</source>
        <translation>レビュー用にフラグを付ける</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>場所:</translation>
    </message>
    <message>
        <source>Only the selected text: “{text}”</source>
        <translation>選択したテキストのみ: 「{text}」</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分類(&amp;C):</translation>
    </message>
    <message>
        <source>What should a reviewer look at? Markdown: **bold**, *italic*, `code`, lists, [links](https://…)</source>
        <translation>レビュー担当者に何を確認してほしいですか? Markdown: **太字**、*斜体*、`コード`、箇条書き、[リンク](https://…)</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>フラグを付ける(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Note (preview below):</source>
        <translation>メモ(&amp;N)(下にプレビュー):</translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+{n} choose a category; Ctrl+Enter flags</source>
        <translation>Ctrl+1〜Ctrl+{n} で分類を選び、Ctrl+Enter でフラグを付けます</translation>
    </message>
    <message>
        <source>This note has {count} characters; a note is limited to {limit}.</source>
        <translation>このメモは {count} 文字あります。メモは {limit} 文字までです。</translation>
    </message>
    <message>
        <source>The rendered note appears here.</source>
        <translation>整形されたメモがここに表示されます。</translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Turn {turn}, segment {segment}</source>
        <translation>発言 {turn}、段落 {segment}</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Mistranslation</source>
        <translation>誤訳</translation>
    </message>
    <message>
        <source>Missing translation</source>
        <translation>訳抜け</translation>
    </message>
    <message>
        <source>Inaudible</source>
        <translation>聞き取れない</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>話者</translation>
    </message>
    <message>
        <source>Terminology</source>
        <translation>用語</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Won't fix</source>
        <translation>対応しない</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>未翻訳</translation>
    </message>
    <message>
        <source>Empty turn</source>
        <translation>空の発言</translation>
    </message>
    <message>
        <source>Unknown speaker</source>
        <translation>不明な話者</translation>
    </message>
    <message>
        <source>Gap count</source>
        <translation>聞き取れない箇所の数</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>伏せ字</translation>
    </message>
    <message>
        <source>Speaker label</source>
        <translation>話者ラベル</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>対訳の組み合わせ</translation>
    </message>
    <message>
        <source>Double space</source>
        <translation>二重スペース</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>綴り</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Spelling variants</source>
        <translation>表記ゆれ</translation>
    </message>
    <message>
        <source>Whole segment</source>
        <translation>段落全体</translation>
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
        <source>no {lang} text: the segment is untranslated</source>
        <translation>{lang}の本文がありません: 未翻訳の段落です</translation>
    </message>
    <message>
        <source>the turn is empty: no text in either language</source>
        <translation>空の発言です: どちらの言語にも本文がありません</translation>
    </message>
    <message>
        <source>the speaker of this turn is unknown</source>
        <translation>この発言の話者が不明です</translation>
    </message>
    <message>
        <source>{en} inaudible gap(s) in English but {ja} in Japanese</source>
        <translation>聞き取れない箇所が英語では {en} 件、日本語では {ja} 件です</translation>
    </message>
    <message>
        <source>“{text}” ({value}) in {source} has no counterpart in {target}</source>
        <translation>{source}の「{text}」({value})に対応する数値が{target}にありません</translation>
    </message>
    <message>
        <source>redacted in {source} only: check that {target} does not reveal what was redacted</source>
        <translation>{source}だけ伏せ字です: {target}で伏せた内容が明かされていないか確認してください</translation>
    </message>
    <message>
        <source>the {lang} paragraph is labelled “{label}” ({who}) but the turn's speaker is {speaker}</source>
        <translation>{lang}の段落のラベルは「{label}」({who})ですが、この発言の話者は{speaker}です</translation>
    </message>
    <message>
        <source>check this pairing: the importer paired these paragraphs with confidence {confidence}</source>
        <translation>対訳の組み合わせを確認してください：インポート時の確信度は {confidence} です</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <source>Overview: red = open flag, amber = inaudible gap, blue = edited, green = approved. Click to jump.</source>
        <translation>全体図: 赤 = 未解決のフラグ、橙 = 聞き取れない箇所、青 = 編集済み、緑 = 承認済み。クリックで移動します。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Reply, or a resolution note (Markdown)</source>
        <translation>返信、または解決メモ(Markdown)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Won't fix</source>
        <translation>対応しない</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>再び開く</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Change the flag's category or note</source>
        <translation>フラグの分類やメモを変更する</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>すべての分類</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>すべての言語</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>すべての作成者</translation>
    </message>
    <message>
        <source>{open} open · {resolved} resolved · {wontfix} won't fix · {shown} of {total} shown</source>
        <translation>未解決 {open} · 解決済み {resolved} · 対応しない {wontfix} · {total} 件中 {shown} 件を表示</translation>
    </message>
    <message>
        <source>{pct}% approved</source>
        <translation>{pct}% 承認済み</translation>
    </message>
    <message>
        <source>{approved} of {segments} segments approved · {flags} open flags · {gaps} unresolved gaps</source>
        <translation>{segments} 段落中 {approved} 段落を承認 · 未解決のフラグ {flags} 件 · 未解決の聞き取れない箇所 {gaps} 件</translation>
    </message>
    <message>
        <source>Choose a flag to see its discussion.</source>
        <translation>フラグを選ぶと、そのやり取りが表示されます。</translation>
    </message>
    <message>
        <source>{category} · {status} · turn {turn}, segment {segment} · {lang}</source>
        <translation>{category} · {status} · 発言 {turn}、段落 {segment} · {lang}</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(メモなし)</translation>
    </message>
</context>
<context>
    <name>QaRunner</name>
    <message>
        <source>Flag finding</source>
        <translation>指摘にフラグを付ける</translation>
    </message>
    <message>
        <source>Dismiss finding</source>
        <translation>指摘を却下</translation>
    </message>
    <message>
        <source>Why is this not a problem?
{message}</source>
        <translation>問題ではない理由は?
{message}</translation>
    </message>
    <message>
        <source>nothing to change: the text already reads so</source>
        <translation>変更はありません: すでにその表記です</translation>
    </message>
    <message>
        <source>Restore finding</source>
        <translation>指摘を戻す</translation>
    </message>
    <message>
        <source>The checks stopped: {message}</source>
        <translation>チェックが止まりました: {message}</translation>
    </message>
    <message>
        <source>Findings ({n})</source>
        <translation>指摘 ({n})</translation>
    </message>
</context>
<context>
    <name>QaWorker</name>
    <message>
        <source>their process ended unexpectedly ({how})</source>
        <translation>チェックのプロセスが予期せず終了しました ({how})</translation>
    </message>
</context>
</TS>
