<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移至(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟的檔案(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>關閉分頁(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;English Only</source>
        <translation>只顯示英文(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Chinese Only</source>
        <translation>只顯示中文(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>並排顯示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Interleaved</source>
        <translation>交錯顯示(&amp;I)</translation>
    </message>
    <message>
        <source>Scroll Panes in &amp;Step</source>
        <translation>同步捲動窗格(&amp;S)</translation>
    </message>
    <message>
        <source>Highlight &amp;Figures</source>
        <translation>標示數字(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>Reading &amp;Font…</source>
        <translation>閱讀字型(&amp;F)…</translation>
    </message>
    <message>
        <source>Side &amp;Panel</source>
        <translation>側邊面板(&amp;P)</translation>
    </message>
    <message>
        <source>Next Speaker &amp;Turn</source>
        <translation>下一次發言(&amp;T)</translation>
    </message>
    <message>
        <source>Previous Speaker T&amp;urn</source>
        <translation>上一次發言(&amp;U)</translation>
    </message>
    <message>
        <source>Next &amp;Question</source>
        <translation>下一個提問(&amp;Q)</translation>
    </message>
    <message>
        <source>Previous Q&amp;uestion</source>
        <translation>上一個提問(&amp;U)</translation>
    </message>
    <message>
        <source>Go to &amp;Q&amp;&amp;A</source>
        <translation>前往問答(&amp;Q)</translation>
    </message>
    <message>
        <source>Next Figure &amp;Mismatch</source>
        <translation>下一個數字不一致處(&amp;M)</translation>
    </message>
    <message>
        <source>Previous Figure Mis&amp;match</source>
        <translation>上一個數字不一致處(&amp;M)</translation>
    </message>
    <message>
        <source>Next &amp;Call in the File</source>
        <translation>檔案中的下一場法說會(&amp;C)</translation>
    </message>
    <message>
        <source>Previous Call in the &amp;File</source>
        <translation>檔案中的上一場法說會(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Only This Speaker</source>
        <translation>只顯示此發言者(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;About Transcript Reader</source>
        <translation>關於 Transcript Reader(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Chinese: machine translation, for reference only.</source>
        <translation>中文：機器翻譯，僅供參考。</translation>
    </message>
    <message>
        <source>[No translation of this paragraph in the file]</source>
        <translation>［檔案中沒有這一段的翻譯］</translation>
    </message>
</context>
<context>
    <name>FigureTips</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>No matching figure in the {lang} text</source>
        <translation>{lang}內容中沒有對應的數字</translation>
    </message>
    <message>
        <source>The two languages disagree here</source>
        <translation>此處中英文內容不一致</translation>
    </message>
    <message>
        <source>Figures disagree between the languages</source>
        <translation>中英文的數字不一致</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in both languages (Traditional = Simplified)</source>
        <translation>在兩種語言中尋找（繁體與簡體視為相同）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一個符合項目（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一個符合項目（Enter）</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>找不到符合項目</translation>
    </message>
    <message>
        <source>{total} matches</source>
        <translation>{total} 個符合項目</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 個，共 {total} 個</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Transcript Reader</source>
        <translation>Transcript Reader</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具列</translation>
    </message>
    <message>
        <source>No transcript open. Open one with Ctrl+O or drop a file here.</source>
        <translation>尚未開啟逐字稿。請按 Ctrl+O 開啟，或將檔案拖放到這裡。</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
    <message>
        <source>Figures %v/%m calls</source>
        <translation>數字核對 %v/%m 場</translation>
    </message>
    <message>
        <source>No transcript open: File ▸ Open… (Ctrl+O)</source>
        <translation>尚未開啟逐字稿：檔案 ▸ 開啟…（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open transcripts</source>
        <translation>開啟逐字稿</translation>
    </message>
    <message>
        <source>Transcripts (*.txt);;All files (*)</source>
        <translation>逐字稿 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Reading the rest of {name}…</source>
        <translation>正在讀取 {name} 的其餘部分…</translation>
    </message>
    <message>
        <source>{name}: {n} warning(s), e.g. {first}</source>
        <translation>{name}：{n} 個警告，例如 {first}</translation>
    </message>
    <message>
        <source>Cannot open this file</source>
        <translation>無法開啟這個檔案</translation>
    </message>
    <message>
        <source>Reloaded {name}</source>
        <translation>已重新載入 {name}</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>問答</translation>
    </message>
    <message>
        <source>Prepared remarks</source>
        <translation>開場報告</translation>
    </message>
    <message>
        <source>(no speaker)</source>
        <translation>（無發言者）</translation>
    </message>
    <message>
        <source>{speaker} · {section} · paragraph {n} of {m}</source>
        <translation>{speaker} · {section} · 第 {n} 段，共 {m} 段</translation>
    </message>
    <message>
        <source>call {n} of {m}</source>
        <translation>第 {n} 場法說會，共 {m} 場</translation>
    </message>
    <message>
        <source>Nothing further in that direction</source>
        <translation>這個方向沒有更多項目了</translation>
    </message>
    <message>
        <source>Showing only {name} (Ctrl+Shift+O shows everyone)</source>
        <translation>只顯示 {name} 的發言（按 Ctrl+Shift+O 顯示所有人）</translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation>閱讀字型</translation>
    </message>
    <message>
        <source>About Transcript Reader</source>
        <translation>關於 Transcript Reader</translation>
    </message>
    <message>
        <source>Transcript Reader {version}
Read earnings calls in English and Chinese, side by side.</source>
        <translation>Transcript Reader {version}
以中英對照的方式閱讀法說會逐字稿。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>The new language applies the next time the app starts.</source>
        <translation>新的介面語言會在下次啟動應用程式時生效。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>Use the system&apos;s font for the transcript</source>
        <translation>逐字稿使用系統預設字型</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 點</translation>
    </message>
    <message>
        <source>Highlight figures</source>
        <translation>標示數字</translation>
    </message>
    <message>
        <source>Colour amounts, percentages and dates, and flag figures that differ between languages</source>
        <translation>以顏色標示金額、百分比與日期，並標出中英文不一致的數字</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>介面語言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>佈景主題：</translation>
    </message>
    <message>
        <source>Reading font:</source>
        <translation>閱讀字型：</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>發言者</translation>
    </message>
    <message>
        <source>Call {n}</source>
        <translation>第 {n} 場法說會</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>經營團隊</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>分析師</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>1 turn</source>
        <translation>1 次發言</translation>
    </message>
    <message>
        <source>{n} turns</source>
        <translation>{n} 次發言</translation>
    </message>
    <message>
        <source>{asker} (submitted)</source>
        <translation>{asker}（書面提問）</translation>
    </message>
    <message>
        <source>{asker} — {firm}</source>
        <translation>{asker}（{firm}）</translation>
    </message>
    <message>
        <source>answered by {names}</source>
        <translation>由 {names} 回答</translation>
    </message>
    <message>
        <source>Prepared remarks</source>
        <translation>開場報告</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>問答</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between names</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Go to next turn</source>
        <translation>跳到下一次發言</translation>
    </message>
    <message>
        <source>Only this speaker</source>
        <translation>只顯示此發言者</translation>
    </message>
    <message>
        <source>Show all speakers</source>
        <translation>顯示所有發言者</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Opening {name}…</source>
        <translation>正在開啟 {name}…</translation>
    </message>
</context>
</TS>
