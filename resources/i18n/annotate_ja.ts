<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Annotate</name>
    <message>
        <source>Someone else changed this text</source>
        <translation>他の人がこのテキストを変更しました</translation>
    </message>
    <message>
        <source>%1 changed this segment while you were editing it. Nothing was overwritten.</source>
        <translation>編集中に %1 さんがこのセグメントを変更しました。何も上書きされていません。</translation>
    </message>
    <message>
        <source>Theirs: %1
Yours: %2</source>
        <translation>相手の版: %1
あなたの版: %2</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>相手の版を残す</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>自分の版を使う</translation>
    </message>
    <message>
        <source>Keep both for review</source>
        <translation>両方を残してレビューへ</translation>
    </message>
    <message>
        <source>Their text stays; yours is kept as a competing correction</source>
        <translation>相手の版がそのまま残り、あなたの版は対立する修正として保存されます</translation>
    </message>
    <message>
        <source>Your text replaces theirs; theirs stays in the history</source>
        <translation>あなたの版で置き換えます。相手の版は履歴に残ります</translation>
    </message>
    <message>
        <source>Their text stays; yours is kept and the segment is flagged for a reviewer</source>
        <translation>相手の版が残り、あなたの版も保存され、セグメントにレビュー用のフラグが付きます</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>元に戻した</translation>
    </message>
    <message>
        <source>mishearing</source>
        <translation>聞き間違い</translation>
    </message>
    <message>
        <source>mistranslation</source>
        <translation>誤訳</translation>
    </message>
    <message>
        <source>typo</source>
        <translation>誤字</translation>
    </message>
    <message>
        <source>style</source>
        <translation>表現</translation>
    </message>
    <message>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>By</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(分類なし)</translation>
    </message>
    <message>
        <source>Category of the selected correction</source>
        <translation>選択した修正の分類</translation>
    </message>
    <message>
        <source>Note on the selected correction (Enter to save)</source>
        <translation>選択した修正へのメモ(Enterで保存)</translation>
    </message>
    <message>
        <source>does not apply</source>
        <translation>適用されない</translation>
    </message>
    <message>
        <source>The words this correction changed are gone (an earlier correction was rejected), so it does not change the text. Reject it, or edit again.</source>
        <translation>この修正が変更した語句がなくなったため(先の修正が却下されました)、本文は変わりません。却下するか、もう一度編集してください。</translation>
    </message>
    <message>
        <source>Describe correction</source>
        <translation>修正の説明</translation>
    </message>
    <message>
        <source>Enter: save · Ctrl+Enter: save and edit the next segment · Shift+Enter: new line · Esc: cancel</source>
        <translation>Enter: 保存 · Ctrl+Enter: 保存して次の段落へ · Shift+Enter: 改行 · Esc: 取り消し</translation>
    </message>
    <message>
        <source>&amp;Row colours</source>
        <translation>行の色の見方(&amp;R)</translation>
    </message>
    <message>
        <source>What the marks beside the rows and the gap colours mean</source>
        <translation>行の横の印と、聞き取れない箇所の色の意味</translation>
    </message>
    <message>
        <source>Co&amp;mment on segment…</source>
        <translation>段落にコメント(&amp;M)…</translation>
    </message>
    <message>
        <source>Your own note on the selected segment (not a review flag); shown in the details, exported</source>
        <translation>選択した段落への自分用のメモ（レビューフラグではありません）。詳細に表示され、書き出しにも含まれます</translation>
    </message>
    <message>
        <source>Select a segment first.</source>
        <translation>先に段落を選択してください。</translation>
    </message>
    <message>
        <source>Comment on segment</source>
        <translation>段落へのコメント</translation>
    </message>
    <message>
        <source>Your note on this segment (empty: no comment). Ctrl+Enter saves.</source>
        <translation>この段落へのメモ（空にするとコメントなし）。Ctrl+Enter で保存します。</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>聞き取れない箇所</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>話者</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>注釈(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit segment text</source>
        <translation>段落を編集(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the selected segment in place (also Enter or double-click; Esc cancels, Ctrl+Enter saves and goes on to the next segment)</source>
        <translation>選択した段落をその場で編集(Enterやダブルクリックでも可。Escで取り消し、Ctrl+Enterで保存して次の段落へ)</translation>
    </message>
    <message>
        <source>Re&amp;vert segment to original</source>
        <translation>段落を原文に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Accept correction</source>
        <translation>修正を承認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject correction</source>
        <translation>修正を却下(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Mark selection inaudible</source>
        <translation>選択範囲を聞き取れない箇所にする(&amp;M)</translation>
    </message>
    <message>
        <source>Mark the selected words as an inaudible gap (select them in the editor first)</source>
        <translation>選択した語句を聞き取れない箇所にする(先に編集中の本文で選択してください)</translation>
    </message>
    <message>
        <source>&amp;Insert gap at cursor</source>
        <translation>カーソル位置に聞き取れない箇所を挿入(&amp;I)</translation>
    </message>
    <message>
        <source>Insert an (inaudible) marker at the editor's cursor</source>
        <translation>編集中のカーソル位置に(inaudible)の印を挿入</translation>
    </message>
    <message>
        <source>&amp;Fill gap…</source>
        <translation>聞き取れない箇所を埋める…(&amp;F)</translation>
    </message>
    <message>
        <source>Propose what was said in the selected gap</source>
        <translation>選択した箇所で話された内容を提案</translation>
    </message>
    <message>
        <source>&amp;Change speaker of turn…</source>
        <translation>発言の話者を変更…(&amp;C)</translation>
    </message>
    <message>
        <source>Pick the speaker of the selected turn from the keyboard</source>
        <translation>選択した発言の話者をキーボードで選ぶ</translation>
    </message>
    <message>
        <source>Re&amp;name speaker…</source>
        <translation>話者名を変更…(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;plit segment at cursor</source>
        <translation>カーソル位置で段落を分割(&amp;P)</translation>
    </message>
    <message>
        <source>Split the segment at the editor's cursor</source>
        <translation>編集中のカーソル位置で段落を分割</translation>
    </message>
    <message>
        <source>Merge segment with &amp;next</source>
        <translation>次の段落と結合(&amp;N)</translation>
    </message>
    <message>
        <source>Move Japanese &amp;up</source>
        <translation>日本語を上へ移動(&amp;U)</translation>
    </message>
    <message>
        <source>Move Japanese &amp;down</source>
        <translation>日本語を下へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Split &amp;turn here</source>
        <translation>ここで発言を分割(&amp;T)</translation>
    </message>
    <message>
        <source>Start a new turn at the selected segment</source>
        <translation>選択した段落から新しい発言を始める</translation>
    </message>
    <message>
        <source>Merge turn with ne&amp;xt</source>
        <translation>次の発言と結合(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索…(&amp;F)</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>検索と置換…(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Speakers panel</source>
        <translation>話者パネル(&amp;S)</translation>
    </message>
    <message>
        <source>Show the speakers: names, roles, merge and split, suggestions</source>
        <translation>話者を表示: 名前・役割・統合と分割・候補</translation>
    </message>
    <message>
        <source>All &amp;gaps</source>
        <translation>すべての聞き取れない箇所(&amp;G)</translation>
    </message>
    <message>
        <source>Show every gap of the transcript with its status</source>
        <translation>記録内のすべての聞き取れない箇所と状態を表示</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Corrected text</source>
        <translation>修正後の本文(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;hanges inline</source>
        <translation>変更箇所を表示(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Original text</source>
        <translation>原文(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Switch view mode</source>
        <translation>表示を切り替え(&amp;S)</translation>
    </message>
    <message>
        <source>Switch between corrected text, changes inline and the original</source>
        <translation>修正後の本文・変更箇所・原文を切り替え</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>本文の編集</translation>
    </message>
    <message>
        <source>Revert segment</source>
        <translation>段落を原文に戻す</translation>
    </message>
    <message>
        <source>This segment has no correction to review.</source>
        <translation>この段落には確認する修正がありません。</translation>
    </message>
    <message>
        <source>Accept correction</source>
        <translation>修正を承認</translation>
    </message>
    <message>
        <source>Reject correction</source>
        <translation>修正を却下</translation>
    </message>
    <message>
        <source>Select the inaudible words in the editor first (F2 to edit).</source>
        <translation>先に編集中の本文で聞き取れない語句を選択してください(F2で編集)。</translation>
    </message>
    <message>
        <source>Mark gap</source>
        <translation>聞き取れない箇所の指定</translation>
    </message>
    <message>
        <source>Put the cursor where the gap is, in the editor (F2 to edit).</source>
        <translation>編集中の本文で、聞き取れない箇所にカーソルを置いてください(F2で編集)。</translation>
    </message>
    <message>
        <source>Insert gap</source>
        <translation>聞き取れない箇所の挿入</translation>
    </message>
    <message>
        <source>Put the cursor where the segment should be split, in the editor (F2).</source>
        <translation>編集中の本文で、分割する位置にカーソルを置いてください(F2)。</translation>
    </message>
    <message>
        <source>Split segment</source>
        <translation>段落の分割</translation>
    </message>
    <message>
        <source>Merge segments</source>
        <translation>段落の結合</translation>
    </message>
    <message>
        <source>Move English down</source>
        <translation>英語を下へ移動</translation>
    </message>
    <message>
        <source>Move English up</source>
        <translation>英語を上へ移動</translation>
    </message>
    <message>
        <source>Move Japanese down</source>
        <translation>日本語を下へ移動</translation>
    </message>
    <message>
        <source>Move Japanese up</source>
        <translation>日本語を上へ移動</translation>
    </message>
    <message>
        <source>Move English &amp;up</source>
        <translation>英語を上へ移動(&amp;U)</translation>
    </message>
    <message>
        <source>Move English &amp;down</source>
        <translation>英語を下へ移動(&amp;D)</translation>
    </message>
    <message>
        <source>Split turn</source>
        <translation>発言の分割</translation>
    </message>
    <message>
        <source>Merge turns</source>
        <translation>発言の結合</translation>
    </message>
    <message>
        <source>Showing the corrected text</source>
        <translation>修正後の本文を表示中</translation>
    </message>
    <message>
        <source>Showing the changes inline</source>
        <translation>変更箇所を表示中</translation>
    </message>
    <message>
        <source>Showing the original text</source>
        <translation>原文を表示中</translation>
    </message>
    <message>
        <source>Who is annotating?</source>
        <translation>注釈者の名前</translation>
    </message>
    <message>
        <source>Your name is recorded with every change you make.
You can change it later in Edit &gt; Preferences.</source>
        <translation>すべての変更にあなたの名前が記録されます。
後から[編集]&gt;[設定]で変更できます。</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>すべての行</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>未翻訳</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>フラグあり</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未承認</translation>
    </message>
    <message>
        <source>With open gaps</source>
        <translation>未解決の聞き取れない箇所あり</translation>
    </message>
    <message>
        <source>With corrections</source>
        <translation>修正あり</translation>
    </message>
    <message>
        <source>With comments</source>
        <translation>コメントあり</translation>
    </message>
    <message>
        <source>Show &amp;only</source>
        <translation>絞り込み表示(&amp;O)</translation>
    </message>
    <message>
        <source>Show only some rows in both panes</source>
        <translation>両方のペインで一部の行だけを表示</translation>
    </message>
    <message>
        <source>Next open &amp;gap</source>
        <translation>次の未解決の箇所(&amp;G)</translation>
    </message>
    <message>
        <source>Go to the next open gap (wraps)</source>
        <translation>次の未解決の聞き取れない箇所へ（最後まで行くと先頭へ）</translation>
    </message>
    <message>
        <source>Previous open ga&amp;p</source>
        <translation>前の未解決の箇所(&amp;P)</translation>
    </message>
    <message>
        <source>Showing {n} of {total} segments: {filter}</source>
        <translation>{total} 段落のうち {n} 段落を表示中: {filter}</translation>
    </message>
    <message>
        <source>No open gaps in this transcript.</source>
        <translation>この文字起こしには未解決の聞き取れない箇所はありません。</translation>
    </message>
    <message>
        <source>{total} segments with open gaps</source>
        <translation>未解決の箇所がある段落: {total}</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>両方の言語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>正規表現(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Match case</source>
        <translation>大文字と小文字を区別(&amp;M)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>置換後:</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>前へ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>次へ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>置換(&amp;R)</translation>
    </message>
    <message>
        <source>Replace &amp;all</source>
        <translation>すべて置換(&amp;A)</translation>
    </message>
    <message>
        <source>Replace every match in the transcript, as one undo step</source>
        <translation>記録全体の一致箇所をすべて置換(一度で元に戻せます)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation>検索と置換</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Invalid regular expression: {reason}</source>
        <translation>正規表現が正しくありません: {reason}</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <source>Match {n} of {total}</source>
        <translation>{total}件中{n}件目</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置換</translation>
    </message>
    <message>
        <source>No more matches</source>
        <translation>これ以上一致はありません</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>すべて置換</translation>
    </message>
    <message>
        <source>Replaced {n} matches (one undo step)</source>
        <translation>{n}件を置換しました(一度で元に戻せます)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>補完済み</translation>
    </message>
    <message>
        <source>unrecoverable</source>
        <translation>復元不可</translation>
    </message>
    <message>
        <source>certain</source>
        <translation>確実</translation>
    </message>
    <message>
        <source>best guess</source>
        <translation>推測</translation>
    </message>
    <message>
        <source>Fill gap</source>
        <translation>聞き取れない箇所を埋める</translation>
    </message>
    <message>
        <source>What was said at {marker}?</source>
        <translation>{marker}の部分では何と言っていますか?</translation>
    </message>
    <message>
        <source>the words you hear</source>
        <translation>聞こえた語句</translation>
    </message>
    <message>
        <source>&amp;Certain</source>
        <translation>確実(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Best guess</source>
        <translation>推測(&amp;B)</translation>
    </message>
    <message>
        <source>Cannot be &amp;recovered</source>
        <translation>復元できない(&amp;R)</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>箇所</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>対応箇所</translation>
    </message>
    <message>
        <source>Fill…</source>
        <translation>埋める…</translation>
    </message>
    <message>
        <source>Unrecoverable</source>
        <translation>復元不可</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Link counterpart</source>
        <translation>対応箇所と結ぶ</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>対応を解除</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>This segment has no gap selected.</source>
        <translation>この段落で聞き取れない箇所が選択されていません。</translation>
    </message>
    <message>
        <source>Mark gap unrecoverable</source>
        <translation>復元不可にする</translation>
    </message>
    <message>
        <source>Reopen gap</source>
        <translation>箇所を再開</translation>
    </message>
    <message>
        <source>No gap in the other language is free to link with this one.</source>
        <translation>もう一方の言語に対応付けられる箇所がありません。</translation>
    </message>
    <message>
        <source>Link gaps</source>
        <translation>箇所を対応付け</translation>
    </message>
    <message>
        <source>Unlink gap</source>
        <translation>対応の解除</translation>
    </message>
    <message>
        <source>Remove gap</source>
        <translation>箇所の削除</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>発言</translation>
    </message>
    <message>
        <source>All gaps</source>
        <translation>すべての箇所</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>補完済み</translation>
    </message>
    <message>
        <source>{open} open of {total}</source>
        <translation>{total}件中{open}件が未解決</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>開いた時点</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>このセッション</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>すべての変更</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>取り消し済み</translation>
    </message>
    <message>
        <source>{n} replacements in {m} segments.</source>
        <translation>{m} 段落で {n} 件を置換します。</translation>
    </message>
    <message>
        <source>{n} of these segments are approved: replacing resets their approval (they need review again).</source>
        <translation>このうち {n} 段落は承認済みです。置換すると承認が取り消されます（再レビューが必要です）。</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>置換前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>置換後</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>yes — approval reset</source>
        <translation>はい — 承認を取り消し</translation>
    </message>
    <message>
        <source>Row colours</source>
        <translation>行の色の見方</translation>
    </message>
    <message>
        <source>Open review flag (the number says how many)</source>
        <translation>未解決のレビューフラグ（数字は件数）</translation>
    </message>
    <message>
        <source>Edited: a correction changes the text</source>
        <translation>編集済み: 修正で本文が変わっています</translation>
    </message>
    <message>
        <source>An open inaudible gap</source>
        <translation>未解決の聞き取れない箇所</translation>
    </message>
    <message>
        <source>Gap, open</source>
        <translation>聞き取れない箇所（未解決）</translation>
    </message>
    <message>
        <source>Gap, filled (the words filled in; a ? marks a best guess)</source>
        <translation>聞き取れない箇所（補った語を表示。? は推測）</translation>
    </message>
    <message>
        <source>Gap, unrecoverable</source>
        <translation>聞き取れない箇所（聞き取り不能）</translation>
    </message>
    <message>
        <source>(inaudible)</source>
        <translation>(聞き取れない)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>発言数</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>表記</translation>
    </message>
    <message>
        <source>Japanese label</source>
        <translation>日本語の表記</translation>
    </message>
    <message>
        <source>Double-click to rename; the name applies to every turn, in both languages.</source>
        <translation>ダブルクリックで名前を変更。名前は両言語のすべての発言に反映されます。</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>話者名の変更</translation>
    </message>
    <message>
        <source>Edit speaker</source>
        <translation>話者の編集</translation>
    </message>
    <message>
        <source>Type a name, role or affiliation…</source>
        <translation>名前・役割・所属を入力…</translation>
    </message>
    <message>
        <source>Unknown speaker</source>
        <translation>不明な話者</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>統合先を選ぶ…</translation>
    </message>
    <message>
        <source>Merge the selected speaker into another: its turns move there</source>
        <translation>選択した話者を別の話者に統合(発言が移ります)</translation>
    </message>
    <message>
        <source>Split off turns</source>
        <translation>発言を切り分ける</translation>
    </message>
    <message>
        <source>Give the turns selected in the transcript to a new speaker</source>
        <translation>記録で選択した発言を新しい話者に移す</translation>
    </message>
    <message>
        <source>Suggested name</source>
        <translation>候補の名前</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>すべて承認</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>すべて却下</translation>
    </message>
    <message>
        <source>Names from operator introductions</source>
        <translation>オペレーターの紹介による名前の候補</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>未決定</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>(name inaudible)</source>
        <translation>(名前が聞き取れない)</translation>
    </message>
    <message>
        <source>first in turn {n}: {text}</source>
        <translation>最初の発言 {n}: {text}</translation>
    </message>
    <message>
        <source>Merge speakers</source>
        <translation>話者の統合</translation>
    </message>
    <message>
        <source>Select the speaker to merge first.</source>
        <translation>先に統合する話者を選択してください。</translation>
    </message>
    <message>
        <source>Merge {name} into…</source>
        <translation>{name}の統合先…</translation>
    </message>
    <message>
        <source>Select a speaker here and some of their turns in the transcript.</source>
        <translation>ここで話者を、記録でその話者の発言を選択してください。</translation>
    </message>
    <message>
        <source>Split speaker</source>
        <translation>話者の分割</translation>
    </message>
    <message>
        <source>Change speaker of turn</source>
        <translation>発言の話者の変更</translation>
    </message>
    <message>
        <source>Speaker of turn {n}</source>
        <translation>発言{n}の話者</translation>
    </message>
    <message>
        <source>The selected turn has no speaker to rename: pick one first (Ctrl+Shift+S).</source>
        <translation>選択した発言には話者がいません。先に話者を選んでください(Ctrl+Shift+S)。</translation>
    </message>
    <message>
        <source>Name of {label} (every turn, both languages):</source>
        <translation>{label}の名前(両言語のすべての発言):</translation>
    </message>
    <message>
        <source>Select a suggestion first.</source>
        <translation>先に候補を選択してください。</translation>
    </message>
    <message>
        <source>Accept speaker suggestion</source>
        <translation>話者の候補を承認</translation>
    </message>
    <message>
        <source>Dismiss speaker suggestion</source>
        <translation>話者の候補を却下</translation>
    </message>
    <message>
        <source>Accept all speaker suggestions</source>
        <translation>話者の候補をすべて承認</translation>
    </message>
    <message>
        <source>Dismiss all speaker suggestions</source>
        <translation>話者の候補をすべて却下</translation>
    </message>
</context>
</TS>
