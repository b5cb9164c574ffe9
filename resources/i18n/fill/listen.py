"""Japanese for the audio feature's strings (issue 16), applied with
``python tools/update_translations.py --fill resources/i18n/fill/listen.py``."""

JA = {
    ("Audio", "Recording"): "録音",
    ("Audio", "Attach &recording…"): "録音を添付(&R)…",
    ("Audio", "Attach the recording of this transcript (or drop an audio or video file on the window)"):
        "この記録の録音を添付します(音声・動画ファイルをウィンドウにドロップしても添付できます)",
    ("Audio", "Find &moved recording…"): "移動した録音を探す(&M)…",
    ("Audio", "Find the recording again by its content in a folder you choose"):
        "選んだフォルダーの中から、内容が同じ録音を探し直します",
    ("Audio", "&Detach recording"): "録音の添付を外す(&D)",
    ("Audio", "A&udio"): "音声(&U)",
    ("Audio", "&Sync with recording"): "録音と同期(&S)",
    ("Audio", "&Play / pause"): "再生/一時停止(&P)",
    ("Audio", "Back 2 seconds"): "2秒戻る",
    ("Audio", "Forward 2 seconds"): "2秒進む",
    ("Audio", "Back 5 seconds"): "5秒戻る",
    ("Audio", "Forward 5 seconds"): "5秒進む",
    ("Audio", "Slower"): "遅く",
    ("Audio", "Faster"): "速く",
    ("Audio", "Play from the &segment"): "セグメントの頭から再生(&S)",
    ("Audio", "&Loop the segment"): "セグメントを繰り返し再生(&L)",
    ("Audio", "Play the &gap"): "聞き取れない箇所を再生(&G)",
    ("Audio", "Play the gap s&lowly"): "聞き取れない箇所をゆっくり再生(&L)",
    ("Audio", "S&tamp segment start here"): "ここをセグメントの開始時刻にする(&T)",
    ("Audio", "Nudge start 100 ms earlier"): "開始時刻を100ミリ秒早める",
    ("Audio", "Nudge start 100 ms later"): "開始時刻を100ミリ秒遅らせる",
    ("Audio", "&Follow the recording"): "録音に追従(&F)",
    ("Audio", "The panes follow the playhead, and selecting a segment seeks to it"):
        "再生位置に合わせてペインが移動し、セグメントを選ぶとその位置から再生します",
    ("Audio", "No recording: File > Attach recording…"): "録音がありません: ファイル > 録音を添付…",
    ("Audio", "The recording is not at %1 any more: File > Find moved recording…"):
        "録音が %1 にありません: ファイル > 移動した録音を探す…",
    ("Audio", "This gap has no time yet: playing its segment"):
        "この箇所の時刻はまだ分かりません。セグメント全体を再生します",
    ("Audio", "Stamp segment"): "セグメントの開始時刻を記録",
    ("Audio", "Nudge segment"): "セグメントの開始時刻を調整",
    ("Audio", "Attach recording"): "録音を添付",
    ("Audio", "Audio and video (%1);;All files (*)"): "音声と動画 (%1);;すべてのファイル (*)",
    ("Audio", "Find moved recording in…"): "移動した録音を探すフォルダー…",
    ("Audio", "Find moved recording"): "移動した録音を探す",
    ("Audio", "Detach recording"): "録音の添付を外す",
    ("Audio", "Sync with recording"): "録音と同期",
    ("Audio", "Synced: %1 of %2 segments aligned, the rest estimated"):
        "同期しました: %2 セグメント中 %1 を照合、残りは推定",
    ("Audio", "Play / pause"): "再生/一時停止",
    ("Audio", "Position"): "再生位置",
    ("Audio", "Playback speed (the pitch is kept)"): "再生速度(音の高さは変わりません)",
    ("Audio", "Volume"): "音量",
    ("Audio", "Speed"): "速度",
    ("Audio", "The recording cannot be played: %1"): "録音を再生できません: %1",
    ("Audio", "Syncing the transcript with the recording…"): "記録を録音と同期しています…",
    ("Audio", "Cancel"): "キャンセル",
    ("Audio", "The sync failed: %1"): "同期できませんでした: %1",
    ("Audio", "The recording cannot be decoded: %1"): "録音を読み込めません: %1",
    ("Audio", "The whole recording: click to play from there"): "録音全体: クリックするとその位置から再生します",
    ("Audio", "Reading the recording…"): "録音を読み込んでいます…",
    ("Export", "Subtitles (SRT)"): "字幕 (SRT)",
    ("Export", "Subtitles (WebVTT)"): "字幕 (WebVTT)",
    ("Export", "Start paragraphs with their &time in the recording"): "各段落の先頭に録音内の時刻を付ける(&T)",
    ("Export", "Text, Markdown, HTML and Word: [00:01:23] before each paragraph"):
        "テキスト・Markdown・HTML・Word: 各段落の前に [00:01:23] を付けます",
    ("Audio", "Loop off"): "繰り返し再生を終了",
    ("WorkPage", "Rewind on resume:"): "再開時の巻き戻し:",
    ("WorkPage", "How far the audio player jumps back every time it resumes, so the last words are heard again "
                 "(0: not at all)"):
        "再生を再開するたびに音声プレーヤーが巻き戻す秒数(直前の言葉をもう一度聞けます。0: 巻き戻さない)",
    ("Audio", "From segment"): "頭から",
    ("Audio", "Loop"): "繰り返し",
    ("Audio", "Gap"): "聞き取れない箇所",
    ("Audio", "Stamp"): "時刻を打つ",
    ("Audio", "Follow"): "追従",
    ("Audio", "Segment: %1 – %2, %3"): "セグメント: %1 – %2、%3",
    ("Audio", "from the imported text"): "取り込んだテキストの時刻",
    ("Audio", "stamped by ear"): "耳で打った時刻",
    ("Audio", "aligned by sync"): "同期で合わせた時刻",
    ("Audio", "estimated"): "推定",
    ("Audio", "(%1 heard, but where they start is doubtful)"):
        "(%1 件は聞き取れましたが、開始位置が不確かなため推定のままです)",
    ("Audio", "The recording around the playhead: click to play from there"):
        "再生位置の前後の録音です。クリックするとそこから再生します",
}
