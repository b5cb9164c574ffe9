<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HelpersFeature</name>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>候補</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>Add to &amp;glossary…</source>
        <translation>用語集に追加(&amp;G)…</translation>
    </message>
    <message>
        <source>Add the selected words to the glossary</source>
        <translation>選択した語を用語集に追加します</translation>
    </message>
    <message>
        <source>Apply &amp;earlier correction</source>
        <translation>以前の修正を適用(&amp;E)</translation>
    </message>
    <message>
        <source>Apply the earlier correction of a similar segment shown under Suggestions</source>
        <translation>「候補」に表示された、似たセグメントの以前の修正を適用します</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>統計(&amp;S)…</translation>
    </message>
    <message>
        <source>Add to glossary</source>
        <translation>用語集に追加</translation>
    </message>
    <message>
        <source>Add “{term}” to the glossary</source>
        <translation>「{term}」を用語集に追加</translation>
    </message>
    <message>
        <source>Edit glossary entry</source>
        <translation>用語集の項目を編集</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>変更はありません</translation>
    </message>
    <message>
        <source>Edit glossary entry “{term}”</source>
        <translation>用語集の項目「{term}」を編集</translation>
    </message>
    <message>
        <source>Delete “{term}” from the glossary</source>
        <translation>用語集から「{term}」を削除</translation>
    </message>
    <message>
        <source>Import glossary</source>
        <translation>用語集を読み込む</translation>
    </message>
    <message>
        <source>Glossaries (*.csv *.tsv *.tbx);;All files (*)</source>
        <translation>用語集 (*.csv *.tsv *.tbx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>the glossary already holds every entry of {file}</source>
        <translation>{file} の項目はすべて用語集にあります</translation>
    </message>
    <message>
        <source>Import glossary {file}</source>
        <translation>用語集 {file} を読み込む</translation>
    </message>
    <message>
        <source>Export glossary</source>
        <translation>用語集を書き出す</translation>
    </message>
    <message>
        <source>CSV (*.csv);;TSV (*.tsv);;TBX (*.tbx)</source>
        <translation>CSV (*.csv);;TSV (*.tsv);;TBX (*.tbx)</translation>
    </message>
    <message>
        <source>{n} glossary entries written to {file}</source>
        <translation>用語集の {n} 項目を {file} に書き出しました</translation>
    </message>
    <message>
        <source>(not: {variants})</source>
        <translation>（不可: {variants}）</translation>
    </message>
    <message>
        <source>No segment selected.</source>
        <translation>セグメントが選択されていません。</translation>
    </message>
    <message>
        <source>No earlier correction of a similar segment.</source>
        <translation>似たセグメントの以前の修正はありません。</translation>
    </message>
    <message>
        <source>{similarity}% similar · {author} · {source}</source>
        <translation>類似度 {similarity}% · {author} · {source}</translation>
    </message>
    <message>
        <source>Ctrl+Alt+M applies it</source>
        <translation>Ctrl+Alt+M で適用</translation>
    </message>
    <message>
        <source>No earlier correction to apply here</source>
        <translation>ここに適用できる以前の修正はありません</translation>
    </message>
    <message>
        <source>Apply earlier correction</source>
        <translation>以前の修正を適用</translation>
    </message>
    <message>
        <source>“{word}” is already in the dictionary</source>
        <translation>「{word}」はすでに辞書にあります</translation>
    </message>
    <message>
        <source>Add “{word}” to the dictionary</source>
        <translation>「{word}」を辞書に追加</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>variants not to use, separated by | or ;</source>
        <translation>使わない表記（| または ; で区切る）</translation>
    </message>
    <message>
        <source>English term</source>
        <translation>英語の用語</translation>
    </message>
    <message>
        <source>Approved Japanese</source>
        <translation>承認済みの訳語</translation>
    </message>
    <message>
        <source>Not to use</source>
        <translation>使わない表記</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Filter (English or Japanese)</source>
        <translation>絞り込み（英語または日本語）</translation>
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
        <source>Not to use</source>
        <translation>使わない表記</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
</context>
<context>
    <name>Helpers</name>
    <message>
        <source>full-width</source>
        <translation>全角</translation>
    </message>
    <message>
        <source>half-width</source>
        <translation>半角</translation>
    </message>
    <message>
        <source>“{term}” is rendered 「{variant}」; the glossary's approved term is 「{approved}」</source>
        <translation>「{term}」が「{variant}」と訳されています。用語集の訳語は「{approved}」です</translation>
    </message>
    <message>
        <source>“{term}”: the glossary's approved term 「{approved}」 is not in the Japanese</source>
        <translation>「{term}」: 用語集の訳語「{approved}」が日本語にありません</translation>
    </message>
    <message>
        <source>“{word}” is not in the dictionary: a name? Add it to the dictionary</source>
        <translation>「{word}」は辞書にありません。名前でしょうか？辞書に追加できます</translation>
    </message>
    <message>
        <source>“{word}” is not in the dictionary (did you mean {suggestions}?)</source>
        <translation>「{word}」は辞書にありません（{suggestions} の誤り？）</translation>
    </message>
    <message>
        <source>“{word}” is not in the dictionary</source>
        <translation>「{word}」は辞書にありません</translation>
    </message>
    <message>
        <source>{form} is written {preferred} (the preferred spelling)</source>
        <translation>{form} は {preferred} と書きます（優先表記）</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Latin letters</source>
        <translation>英字</translation>
    </message>
    <message>
        <source>{what} written {second} here but {first} in {where}</source>
        <translation>{what}がここでは{second}、{where}では{first}です</translation>
    </message>
    <message>
        <source>「{second}」 here but 「{first}」 in {where}: one word written two ways</source>
        <translation>ここでは「{second}」、{where}では「{first}」: 表記ゆれです</translation>
    </message>
    <message>
        <source>turn {n}</source>
        <translation>ターン {n}</translation>
    </message>
    <message>
        <source>replace 「{old}」 with the approved term 「{new}」</source>
        <translation>「{old}」を用語集の訳語「{new}」に置き換える</translation>
    </message>
    <message>
        <source>replace “{old}” with “{new}”</source>
        <translation>「{old}」を「{new}」に置き換える</translation>
    </message>
    <message>
        <source>add “{word}” to the dictionary</source>
        <translation>「{word}」を辞書に追加</translation>
    </message>
    <message>
        <source>write {form} here</source>
        <translation>ここを {form} にする</translation>
    </message>
    <message>
        <source>write {form} everywhere (and prefer it from now on)</source>
        <translation>すべて {form} にする（今後もこの表記を優先）</translation>
    </message>
    <message>
        <source>Add “{word}” to the dictionary</source>
        <translation>「{word}」を辞書に追加</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <source>All transcripts</source>
        <translation>すべての記録</translation>
    </message>
    <message>
        <source>No transcripts yet.</source>
        <translation>記録はまだありません。</translation>
    </message>
</context>
</TS>
