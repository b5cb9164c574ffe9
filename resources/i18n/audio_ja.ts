<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Audio</name>
    <message>
        <source>from the imported text</source>
        <translation>取り込んだテキストの時刻</translation>
    </message>
    <message>
        <source>stamped by ear</source>
        <translation>耳で打った時刻</translation>
    </message>
    <message>
        <source>aligned by sync</source>
        <translation>同期で合わせた時刻</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>推定</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>録音</translation>
    </message>
    <message>
        <source>Attach &amp;recording…</source>
        <translation>録音を添付(&amp;R)…</translation>
    </message>
    <message>
        <source>Attach the recording of this transcript (or drop an audio or video file on the window)</source>
        <translation>この記録の録音を添付します(音声・動画ファイルをウィンドウにドロップしても添付できます)</translation>
    </message>
    <message>
        <source>Find &amp;moved recording…</source>
        <translation>移動した録音を探す(&amp;M)…</translation>
    </message>
    <message>
        <source>Find the recording again by its content in a folder you choose</source>
        <translation>選んだフォルダーの中から、内容が同じ録音を探し直します</translation>
    </message>
    <message>
        <source>&amp;Detach recording</source>
        <translation>録音の添付を外す(&amp;D)</translation>
    </message>
    <message>
        <source>A&amp;udio</source>
        <translation>音声(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Sync with recording</source>
        <translation>録音と同期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>再生/一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Back 2 seconds</source>
        <translation>2秒戻る</translation>
    </message>
    <message>
        <source>Forward 2 seconds</source>
        <translation>2秒進む</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>5秒戻る</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>5秒進む</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>遅く</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>速く</translation>
    </message>
    <message>
        <source>Play from the &amp;segment</source>
        <translation>セグメントの頭から再生(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Loop the segment</source>
        <translation>セグメントを繰り返し再生(&amp;L)</translation>
    </message>
    <message>
        <source>Play the &amp;gap</source>
        <translation>聞き取れない箇所を再生(&amp;G)</translation>
    </message>
    <message>
        <source>Play the gap s&amp;lowly</source>
        <translation>聞き取れない箇所をゆっくり再生(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;tamp segment start here</source>
        <translation>ここをセグメントの開始時刻にする(&amp;T)</translation>
    </message>
    <message>
        <source>Nudge start 100 ms earlier</source>
        <translation>開始時刻を100ミリ秒早める</translation>
    </message>
    <message>
        <source>Nudge start 100 ms later</source>
        <translation>開始時刻を100ミリ秒遅らせる</translation>
    </message>
    <message>
        <source>&amp;Follow the recording</source>
        <translation>録音に追従(&amp;F)</translation>
    </message>
    <message>
        <source>The panes follow the playhead, and selecting a segment seeks to it</source>
        <translation>再生位置に合わせてペインが移動し、セグメントを選ぶとその位置から再生します</translation>
    </message>
    <message>
        <source>From segment</source>
        <translation>頭から</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>繰り返し</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>聞き取れない箇所</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>時刻を打つ</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>追従</translation>
    </message>
    <message>
        <source>No recording: File &gt; Attach recording…</source>
        <translation>録音がありません: ファイル &gt; 録音を添付…</translation>
    </message>
    <message>
        <source>The recording is not at %1 any more: File &gt; Find moved recording…</source>
        <translation>録音が %1 にありません: ファイル &gt; 移動した録音を探す…</translation>
    </message>
    <message>
        <source>Segment: %1 – %2, %3</source>
        <translation>セグメント: %1 – %2、%3</translation>
    </message>
    <message>
        <source>Loop off</source>
        <translation>繰り返し再生を終了</translation>
    </message>
    <message>
        <source>This gap has no time yet: playing its segment</source>
        <translation>この箇所の時刻はまだ分かりません。セグメント全体を再生します</translation>
    </message>
    <message>
        <source>Stamp segment</source>
        <translation>セグメントの開始時刻を記録</translation>
    </message>
    <message>
        <source>Nudge segment</source>
        <translation>セグメントの開始時刻を調整</translation>
    </message>
    <message>
        <source>Attach recording</source>
        <translation>録音を添付</translation>
    </message>
    <message>
        <source>Audio and video (%1);;All files (*)</source>
        <translation>音声と動画 (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Find moved recording in…</source>
        <translation>移動した録音を探すフォルダー…</translation>
    </message>
    <message>
        <source>Find moved recording</source>
        <translation>移動した録音を探す</translation>
    </message>
    <message>
        <source>Detach recording</source>
        <translation>録音の添付を外す</translation>
    </message>
    <message>
        <source>Sync with recording</source>
        <translation>録音と同期</translation>
    </message>
    <message>
        <source>Synced: %1 of %2 segments aligned, the rest estimated</source>
        <translation>同期しました: %2 セグメント中 %1 を照合、残りは推定</translation>
    </message>
    <message>
        <source>(%1 heard, but where they start is doubtful)</source>
        <translation>(%1 件は聞き取れましたが、開始位置が不確かなため推定のままです)</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>再生/一時停止</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>再生位置</translation>
    </message>
    <message>
        <source>Playback speed (the pitch is kept)</source>
        <translation>再生速度(音の高さは変わりません)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>録音を再生できません: %1</translation>
    </message>
    <message>
        <source>Syncing the transcript with the recording…</source>
        <translation>記録を録音と同期しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation>同期できませんでした: %1</translation>
    </message>
    <message>
        <source>The recording cannot be decoded: %1</source>
        <translation>録音を読み込めません: %1</translation>
    </message>
    <message>
        <source>The whole recording: click to play from there</source>
        <translation>録音全体: クリックするとその位置から再生します</translation>
    </message>
    <message>
        <source>Reading the recording…</source>
        <translation>録音を読み込んでいます…</translation>
    </message>
    <message>
        <source>The recording around the playhead: click to play from there</source>
        <translation>再生位置の前後の録音です。クリックするとそこから再生します</translation>
    </message>
</context>
</TS>
