<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Export</name>
    <message>
        <source>Web page (HTML)</source>
        <translation>ウェブページ(HTML)</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word文書(.docx)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Plain text (source layout)</source>
        <translation>テキスト(元の体裁)</translation>
    </message>
    <message>
        <source>Translation memory (TMX)</source>
        <translation>翻訳メモリ(TMX)</translation>
    </message>
    <message>
        <source>JSON (everything)</source>
        <translation>JSON(すべての情報)</translation>
    </message>
    <message>
        <source>Change report</source>
        <translation>変更レポート</translation>
    </message>
    <message>
        <source>Subtitles (SRT)</source>
        <translation>字幕 (SRT)</translation>
    </message>
    <message>
        <source>Subtitles (WebVTT)</source>
        <translation>字幕 (WebVTT)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>書き出し…(&amp;E)</translation>
    </message>
    <message>
        <source>Export transcripts as text, Markdown, HTML, Word, JSON, TMX or a change report</source>
        <translation>記録をテキスト・Markdown・HTML・Word・JSON・TMX・変更レポートとして書き出す</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Tick every transcript to export; several go into one folder</source>
        <translation>書き出す記録にチェックを入れてください。複数の場合は一つのフォルダーに書き出します</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation>表計算(CSV)</translation>
    </message>
    <message>
        <source>&amp;Report as:</source>
        <translation>レポートの形式(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Corrected</source>
        <translation>修正後(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Original (as imported)</source>
        <translation>原文(取り込んだまま)(&amp;O)</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>本文:</translation>
    </message>
    <message>
        <source>English and Japanese</source>
        <translation>英語と日本語</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>英語のみ</translation>
    </message>
    <message>
        <source>Japanese only</source>
        <translation>日本語のみ</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Interleaved paragraphs</source>
        <translation>段落を交互に</translation>
    </message>
    <message>
        <source>Side by side (table)</source>
        <translation>左右に並べる(表)</translation>
    </message>
    <message>
        <source>La&amp;yout:</source>
        <translation>レイアウト(&amp;Y):</translation>
    </message>
    <message>
        <source>Show &amp;annotations (gaps, flags)</source>
        <translation>注釈を表示(聞き取れない箇所・フラグ)(&amp;A)</translation>
    </message>
    <message>
        <source>Off: a clean reading copy</source>
        <translation>オフ: 注釈のない読みやすい版</translation>
    </message>
    <message>
        <source>Only a&amp;pproved segments</source>
        <translation>承認済みの段落のみ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keep gap markers as transcribed</source>
        <translation>聞き取れない箇所の記号を書き起こしのまま残す(&amp;K)</translation>
    </message>
    <message>
        <source>Off: every unresolved gap is written as the text below</source>
        <translation>オフ: 未解決の聞き取れない箇所はすべて下の文字列で書き出します</translation>
    </message>
    <message>
        <source>Start paragraphs with their &amp;time in the recording</source>
        <translation>各段落の先頭に録音内の時刻を付ける(&amp;T)</translation>
    </message>
    <message>
        <source>Text, Markdown, HTML and Word: [00:01:23] before each paragraph</source>
        <translation>テキスト・Markdown・HTML・Word: 各段落の前に [00:01:23] を付けます</translation>
    </message>
    <message>
        <source>Unresolved gap (English):</source>
        <translation>未解決の箇所(英語):</translation>
    </message>
    <message>
        <source>Unresolved gap (Japanese):</source>
        <translation>未解決の箇所(日本語):</translation>
    </message>
    <message>
        <source>Preview (first page)</source>
        <translation>プレビュー(最初のページ)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export %n transcripts…</source>
        <translation><numerusform>%n件の記録を書き出し…(&amp;E)</numerusform></translation>
    </message>
    <message>
        <source>Nothing to preview: the library is empty.</source>
        <translation>プレビューするものがありません: ライブラリが空です。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n segments.</source>
        <translation><numerusform>最初の%n段落。</numerusform></translation>
    </message>
    <message>
        <source>A Word document is laid out like this page, with Word's styles.</source>
        <translation>Word文書はこのページと同じ構成で、Wordのスタイルを使って作られます。</translation>
    </message>
    <message>
        <source>The beginning of the file.</source>
        <translation>ファイルの先頭部分。</translation>
    </message>
    <message>
        <source>(No preview for a transcript this long in this format.)</source>
        <translation>(この形式では、これほど長い記録のプレビューは表示しません。)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>書き出し先のフォルダー</translation>
    </message>
    <message>
        <source>Exporting {title}…</source>
        <translation>{title}を書き出し中…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s).</source>
        <translation><numerusform>%n個のファイルを書き出しました。</numerusform></translation>
    </message>
    <message>
        <source>Export cancelled; nothing half-written was left.</source>
        <translation>書き出しを中止しました。書きかけのファイルは残っていません。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>書き出しを中止しました</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
</TS>
