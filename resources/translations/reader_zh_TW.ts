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
        <source>Add Folder to &amp;Library…</source>
        <translation>將資料夾加入資料庫(&amp;L)…</translation>
    </message>
    <message>
        <source>Reloa&amp;d</source>
        <translation>重新載入(&amp;D)</translation>
    </message>
    <message>
        <source>Save Transcript &amp;As…</source>
        <translation>另存逐字稿(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export Notes…</source>
        <translation>匯出筆記(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the call as shown, with its highlights and notes</source>
        <translation>依目前顯示列印通話,含標示與筆記</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>預覽列印(&amp;V)…</translation>
    </message>
    <message>
        <source>See the pages of the call as Print would print them</source>
        <translation>檢視通話依「列印」印出的各頁</translation>
    </message>
    <message>
        <source>Export PD&amp;F…</source>
        <translation>匯出 PD&amp;F…</translation>
    </message>
    <message>
        <source>Save the call as shown as a PDF, with its highlights and notes</source>
        <translation>將目前顯示的通話存成 PDF,含標示與筆記</translation>
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
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy as &amp;Quote</source>
        <translation>複製為引文(&amp;Q)</translation>
    </message>
    <message>
        <source>Copy the selection or paragraph in both languages, with its citation and link</source>
        <translation>以兩種語言複製選取內容或段落,附出處與連結</translation>
    </message>
    <message>
        <source>&amp;Paste as New Transcript</source>
        <translation>貼上為新逐字稿(&amp;P)</translation>
    </message>
    <message>
        <source>Open the transcript on the clipboard in a new tab</source>
        <translation>在新分頁開啟剪貼簿中的逐字稿</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>標示選取文字(&amp;H)</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>新增筆記(&amp;N)…</translation>
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
        <source>Search &amp;Library…</source>
        <translation>搜尋資料庫(&amp;L)…</translation>
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
        <source>&amp;Reading Font…</source>
        <translation>閱讀字型(&amp;R)…</translation>
    </message>
    <message>
        <source>Side &amp;Panel</source>
        <translation>側邊面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Notes Panel</source>
        <translation>筆記面板(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Library Panel</source>
        <translation>資料庫面板(&amp;L)</translation>
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
        <source>&amp;Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>List every command and its keys</source>
        <translation>列出每個指令與其按鍵</translation>
    </message>
    <message>
        <source>&amp;About Transcript Reader</source>
        <translation>關於 Transcript Reader(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>開啟記錄檔資料夾(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Announce</name>
    <message>
        <source>Paragraph {n} of {m}</source>
        <translation>第 {n} 段，共 {m} 段</translation>
    </message>
    <message>
        <source>call {n} of {m}</source>
        <translation>第 {n} 場法說會，共 {m} 場</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>關閉提示</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>發言者</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>(unknown company)</source>
        <translation>(不明公司)</translation>
    </message>
    <message>
        <source>The period of the call</source>
        <translation>這場電話會議所屬的財報期間</translation>
    </message>
    <message>
        <source>When the file was last changed: the call does not say its period</source>
        <translation>檔案最後修改的日期：這場電話會議未註明期間</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>no program to show folders was found</source>
        <translation>找不到可顯示資料夾的程式</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>開啟記錄檔資料夾</translation>
    </message>
    <message>
        <source>The log folder {path} cannot be opened: {reason}</source>
        <translation>無法開啟記錄檔資料夾 {path}:{reason}</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>The app keeps running. The details are in the log: {place}</source>
        <translation>程式仍繼續執行。詳細資訊已寫入記錄檔:{place}</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>開啟記錄檔資料夾</translation>
    </message>
    <message>
        <source> ({n} errors so far)</source>
        <translation>(目前共 {n} 個錯誤)</translation>
    </message>
    <message>
        <source>An unexpected error happened{more}:
{summary}</source>
        <translation>發生未預期的錯誤{more}:
{summary}</translation>
    </message>
</context>
<context>
    <name>DataFolderStatus</name>
    <message>
        <source>⚠ Notes and search are off: {problem}</source>
        <translation>⚠ 筆記與搜尋已停用:{problem}</translation>
    </message>
    <message>
        <source>Notes, the library and the log are kept in {folder}, which cannot be used: {problem}. Transcripts open as usual. Make it a writable folder, or set TRANSCRIPT_READER_DATA to another one, and start the app again.</source>
        <translation>筆記、文件庫與記錄檔存放在 {folder},但該位置無法使用:{problem}。逐字稿仍可照常開啟。請將它改為可寫入的資料夾,或將 TRANSCRIPT_READER_DATA 設為其他資料夾,然後重新啟動程式。</translation>
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
    <name>ExtraCommands</name>
    <message>
        <source>Open, reload and close transcripts; export notes; quit</source>
        <translation>開啟、重新載入與關閉逐字稿;匯出筆記;結束</translation>
    </message>
    <message>
        <source>Undo, copy, quote, highlight and note passages; find and search; preferences</source>
        <translation>復原、複製、引用、標示與註記段落;尋找與搜尋;偏好設定</translation>
    </message>
    <message>
        <source>The languages shown, figures, zoom, font and panels</source>
        <translation>顯示的語言、數字、縮放、字型與面板</translation>
    </message>
    <message>
        <source>Move by speaker turn, question, figure mismatch or call</source>
        <translation>依發言、提問、數字不符或通話移動</translation>
    </message>
    <message>
        <source>The keyboard shortcuts and the version</source>
        <translation>鍵盤快速鍵與版本</translation>
    </message>
    <message>
        <source>No paragraph to quote here</source>
        <translation>這裡沒有可引用的段落</translation>
    </message>
    <message>
        <source>Copied as a quote: {citation}</source>
        <translation>已複製為引文:{citation}</translation>
    </message>
    <message>
        <source>Read earnings calls in English and Chinese</source>
        <translation>以英文與中文閱讀法說會</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>選單列</translation>
    </message>
    <message>
        <source>Every command of the window, by menu</source>
        <translation>視窗的所有指令,依選單排列</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Where the reader is, and what the window says</source>
        <translation>目前的閱讀位置,以及視窗的訊息</translation>
    </message>
    <message>
        <source>The commands used most, as buttons</source>
        <translation>最常用的指令按鈕</translation>
    </message>
    <message>
        <source>Open transcripts</source>
        <translation>已開啟的逐字稿</translation>
    </message>
    <message>
        <source>One tab for each open transcript</source>
        <translation>每份開啟的逐字稿一個分頁</translation>
    </message>
    <message>
        <source>One tab for each open transcript; Ctrl+W closes it</source>
        <translation>每份開啟的逐字稿一個分頁;Ctrl+W 關閉</translation>
    </message>
    <message>
        <source>The outline of the call and its speakers</source>
        <translation>通話的大綱與發言人</translation>
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
    <name>FileErrors</name>
    <message>
        <source>no such file</source>
        <translation>找不到此檔案</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>沒有讀取權限</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>這是資料夾，不是檔案</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>無法讀取（{reason}）</translation>
    </message>
    <message>
        <source>the file is too large (over {mb} MB) for a transcript</source>
        <translation>檔案太大（超過 {mb} MB），不像是逐字稿</translation>
    </message>
    <message>
        <source>the file is too large ({mb} MB) for a transcript</source>
        <translation>檔案太大（{mb} MB），不像是逐字稿</translation>
    </message>
    <message>
        <source>not a regular file: it is {what}</source>
        <translation>不是一般檔案：這是{what}</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是一般檔案</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>檔案是空的</translation>
    </message>
    <message>
        <source>this is {what}, not a text transcript</source>
        <translation>這是{what}，不是文字逐字稿</translation>
    </message>
    <message>
        <source>the file is binary data, not a text transcript</source>
        <translation>檔案是二進位資料，不是文字逐字稿</translation>
    </message>
    <message>
        <source>the file is not text in any encoding a transcript comes in</source>
        <translation>檔案不是任何逐字稿所用編碼的文字</translation>
    </message>
    <message>
        <source>no speaker lines ({expected}): not a transcript</source>
        <translation>沒有發言者行（{expected}）：不是逐字稿</translation>
    </message>
    <message>
        <source>speaker lines but no text: not a transcript</source>
        <translation>有發言者行但沒有內文：不是逐字稿</translation>
    </message>
    <message>
        <source>most of the text comes before any speaker line: not a transcript</source>
        <translation>大部分文字出現在任何發言者行之前：不是逐字稿</translation>
    </message>
    <message>
        <source>&apos;Operator&apos;, &apos;Name - Title&apos;, &apos;Name: text&apos;, or a known source&apos;s speaker lines</source>
        <translation>「Operator」、「Name - Title」、「Name: text」，或已知來源的發言者行</translation>
    </message>
    <message>
        <source>{lines}, as in a {source} transcript</source>
        <translation>{lines}，如 {source} 的逐字稿</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>a ZIP archive (or a Word/Excel document)</source>
        <translation>ZIP 壓縮檔（或 Word/Excel 文件）</translation>
    </message>
    <message>
        <source>an old Microsoft Office document</source>
        <translation>舊版 Microsoft Office 文件</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 圖片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 圖片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 圖片</translation>
    </message>
    <message>
        <source>a program (ELF binary)</source>
        <translation>程式（ELF 執行檔）</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip 壓縮檔</translation>
    </message>
    <message>
        <source>an RTF document</source>
        <translation>RTF 文件</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>具名管道（FIFO）</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>通訊端（socket）</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字元裝置</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>區塊裝置</translation>
    </message>
</context>
<context>
    <name>FileWarnings</name>
    <message>
        <source>Reading {name}:</source>
        <translation>讀取 {name} 時發現:</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>…另有 {n} 項</translation>
    </message>
    <message>
        <source>Warnings on reading the file</source>
        <translation>讀取檔案時的警告</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>全部顯示</translation>
    </message>
    <message>
        <source>the file ends inside a character (it was cut short); the rest was read</source>
        <translation>檔案結束於一個字元的中間（檔案被截斷）；其餘內容已讀取</translation>
    </message>
    <message>
        <source>{count} undecodable byte sequence(s) replaced with � (the file is not clean UTF-8){where}</source>
        <translation>{count} 個無法解碼的位元組序列已替換為 �（檔案不是完整的 UTF-8）{where}</translation>
    </message>
    <message>
        <source>some bytes are not valid {encoding} and were replaced with �{where}</source>
        <translation>部分位元組不是有效的 {encoding}，已替換為 �{where}</translation>
    </message>
    <message>
        <source>{count} byte sequence(s) that are not valid {encoding} replaced with � (the file is damaged){where}</source>
        <translation>{count} 個不是有效 {encoding} 的位元組序列已替換為 �（檔案已損壞）{where}</translation>
    </message>
    <message>
        <source>the encoding was guessed as {encoding}; some bytes did not fit it</source>
        <translation>編碼推測為 {encoding}；部分位元組不符合此編碼</translation>
    </message>
    <message>
        <source>{count} NUL byte(s) removed</source>
        <translation>已移除 {count} 個 NUL 位元組</translation>
    </message>
    <message>
        <source> on line {line}</source>
        <translation>，位於第 {line} 行</translation>
    </message>
    <message>
        <source> on lines {lines}</source>
        <translation>，位於第 {lines} 行</translation>
    </message>
    <message>
        <source> on lines {lines} and {more} more</source>
        <translation>，位於第 {lines} 行及另外 {more} 行</translation>
    </message>
    <message>
        <source>line {line}: speaker line &apos;{text}&apos; has no Chinese line</source>
        <translation>第 {line} 行：發言者行「{text}」沒有對應的中文行</translation>
    </message>
    <message>
        <source>line {line}: a Chinese line with no English line before it</source>
        <translation>第 {line} 行：這行中文之前沒有英文行</translation>
    </message>
    <message>
        <source>line {line}: an English line with no Chinese translation</source>
        <translation>第 {line} 行：這行英文沒有中文翻譯</translation>
    </message>
    <message>
        <source>lines {first}-{last}: {count} English line(s) with no Chinese translation</source>
        <translation>第 {first}–{last} 行：{count} 行英文沒有中文翻譯</translation>
    </message>
    <message>
        <source>{count} paragraph(s) before the first speaker line (speaker unknown)</source>
        <translation>第一個發言者行之前有 {count} 個段落（發言者不明）</translation>
    </message>
    <message>
        <source>line {line}: garbled characters ({word!r}): text mis-encoded before it reached this file</source>
        <translation>第 {line} 行：亂碼（{word!r}）：文字在存入此檔案之前已被錯誤編碼</translation>
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
    <name>LibraryPanel</name>
    <message>
        <source>The folders and files in the library; their calls are listed below</source>
        <translation>資料庫中的資料夾與檔案;其中的電話會議列在下方</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>加入資料夾…</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>加入檔案…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take the chosen folder or file out of the library</source>
        <translation>將選取的資料夾或檔案移出資料庫</translation>
    </message>
    <message>
        <source>Re-index</source>
        <translation>重建索引</translation>
    </message>
    <message>
        <source>Build the search index again from every file of the library</source>
        <translation>以資料庫中的所有檔案重新建立搜尋索引</translation>
    </message>
    <message>
        <source>Filter calls</source>
        <translation>篩選電話會議</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop indexing; the calls indexed so far can be searched</source>
        <translation>停止建立索引;已建立索引的電話會議仍可搜尋</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>資料庫資料夾</translation>
    </message>
    <message>
        <source>Show the calls whose company, period or speakers hold these words</source>
        <translation>顯示公司、期間或發言人含有這些字的通話</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>Every call of the library; Enter opens one</source>
        <translation>資料庫中的每場通話;按 Enter 開啟</translation>
    </message>
    <message>
        <source>Add a folder: every transcript in it is indexed and searched</source>
        <translation>加入資料夾:其中每份逐字稿都會建立索引並可搜尋</translation>
    </message>
    <message>
        <source>Add transcript files to the library</source>
        <translation>將逐字稿檔案加入資料庫</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>opened in the window</source>
        <translation>曾在視窗中開啟</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>正在讀取資料庫…</translation>
    </message>
    <message>
        <source>Add folders to the library to search them: Add Folder…</source>
        <translation>將資料夾加入資料庫即可搜尋:加入資料夾…</translation>
    </message>
    <message>
        <source>No calls indexed yet.</source>
        <translation>尚未建立任何電話會議的索引。</translation>
    </message>
    <message>
        <source>No transcripts found in these folders.</source>
        <translation>這些資料夾中找不到逐字稿。</translation>
    </message>
    <message>
        <source>Looking for new and changed files…</source>
        <translation>正在尋找新增與變更的檔案…</translation>
    </message>
    <message>
        <source>Indexing {done} of {total} files…</source>
        <translation>正在建立索引:第 {done} 個,共 {total} 個檔案…</translation>
    </message>
    <message>
        <source>Saving the index…</source>
        <translation>正在儲存索引…</translation>
    </message>
    <message>
        <source>%n call in the library</source>
        <translation>資料庫中有 %n 場電話會議</translation>
    </message>
    <message>
        <source>%n calls in the library</source>
        <translation>資料庫中有 %n 場電話會議</translation>
    </message>
    <message>
        <source>{n} file(s) read in {s} s</source>
        <translation>{s} 秒內讀取了 {n} 個檔案</translation>
    </message>
    <message>
        <source>index rebuilt ({reason})</source>
        <translation>已重建索引({reason})</translation>
    </message>
    <message>
        <source>{n} file(s) are not transcripts</source>
        <translation>{n} 個檔案不是逐字稿</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Copy details</source>
        <translation>複製詳細資訊</translation>
    </message>
    <message>
        <source>Copy what went wrong, to paste it in a bug report</source>
        <translation>複製錯誤內容,以便貼到錯誤回報中</translation>
    </message>
    <message>
        <source>Cannot open {name}</source>
        <translation>無法開啟 {name}</translation>
    </message>
    <message>
        <source>Cannot open this file</source>
        <translation>無法開啟這個檔案</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
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
        <source>{title} (pasted)</source>
        <translation>{title}(貼上)</translation>
    </message>
    <message>
        <source>Reading the rest of {name}…</source>
        <translation>正在讀取 {name} 的其餘部分…</translation>
    </message>
    <message>
        <source>Side Panel</source>
        <translation>側邊面板</translation>
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
    <name>NoteDialog</name>
    <message>
        <source>Yellow</source>
        <translation>黃色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>綠色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>藍色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉紅色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>編輯筆記</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>顏色:</translation>
    </message>
    <message>
        <source>Your note (optional)</source>
        <translation>你的筆記(可留空)</translation>
    </message>
    <message>
        <source>A highlight&apos;s colour and its note, on the passage quoted</source>
        <translation>所引段落的標示顏色與筆記</translation>
    </message>
    <message>
        <source>Your note on the passage; it may stay empty</source>
        <translation>您對此段落的筆記;可以留空</translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation>儲存筆記</translation>
    </message>
    <message>
        <source>Close, saving nothing</source>
        <translation>關閉,不儲存</translation>
    </message>
</context>
<context>
    <name>NoteMarks</name>
    <message>
        <source>%n note carried over from an earlier version of this file</source>
        <translation>已從此檔案的較早版本帶入 %n 則筆記</translation>
    </message>
    <message>
        <source>%n notes carried over from an earlier version of this file</source>
        <translation>已從此檔案的較早版本帶入 %n 則筆記</translation>
    </message>
    <message>
        <source>; %n could not be placed and is listed as an orphan</source>
        <translation>;其中 %n 則無法定位,已列為孤立筆記</translation>
    </message>
    <message>
        <source>; %n could not be placed and are listed as orphans</source>
        <translation>;其中 %n 則無法定位,已列為孤立筆記</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>新增筆記…</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>編輯筆記…</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>刪除筆記</translation>
    </message>
    <message>
        <source>Remove Highlight</source>
        <translation>移除標示</translation>
    </message>
</context>
<context>
    <name>NotesCommands</name>
    <message>
        <source>Add Note</source>
        <translation>新增筆記</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>編輯筆記</translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation>變更顏色</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>刪除筆記</translation>
    </message>
    <message>
        <source>Re-attach Note</source>
        <translation>重新附加筆記</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Prepared remarks</source>
        <translation>開場報告</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>問答</translation>
    </message>
    <message>
        <source>This file</source>
        <translation>此檔案</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>所有筆記</translation>
    </message>
    <message>
        <source>Show the notes of the file on screen, or of every file</source>
        <translation>顯示目前檔案的筆記,或所有檔案的筆記</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>所有顏色</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>篩選筆記</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Re-attach</source>
        <translation>重新附加</translation>
    </message>
    <message>
        <source>Put this orphan on the passage selected in the text</source>
        <translation>將這則孤立筆記附加到文中選取的段落</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Notes shown</source>
        <translation>顯示的筆記</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Show the notes of one colour only</source>
        <translation>只顯示一種顏色的筆記</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Show the notes on one speaker&apos;s words only</source>
        <translation>只顯示某位發言人談話上的筆記</translation>
    </message>
    <message>
        <source>Show the notes whose passage or text holds these words</source>
        <translation>顯示段落或內容含有這些字的筆記</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>The notes by file and speaker; Enter shows one in the text</source>
        <translation>依檔案與發言人排列的筆記;按 Enter 在內文中顯示</translation>
    </message>
    <message>
        <source>Edit the chosen note&apos;s text and colour</source>
        <translation>編輯所選筆記的內容與顏色</translation>
    </message>
    <message>
        <source>Delete the chosen notes (Undo brings them back)</source>
        <translation>刪除所選筆記(復原可還原)</translation>
    </message>
    <message>
        <source>Save the notes as Markdown or CSV</source>
        <translation>將筆記存成 Markdown 或 CSV</translation>
    </message>
    <message>
        <source>Orphans: passages no longer in the file (%1)</source>
        <translation>孤立筆記:檔案中已不存在的段落(%1)</translation>
    </message>
    <message>
        <source>Re-attach each to a new selection, or delete it</source>
        <translation>請將每則筆記重新附加到新的選取範圍,或將其刪除</translation>
    </message>
    <message>
        <source>%n note</source>
        <translation>%n 則筆記</translation>
    </message>
    <message>
        <source>%n notes</source>
        <translation>%n 則筆記</translation>
    </message>
    <message>
        <source>%1 of %n note</source>
        <translation>%1 / %n 則筆記</translation>
    </message>
    <message>
        <source>%1 of %n notes</source>
        <translation>%1 / %n 則筆記</translation>
    </message>
    <message>
        <source>Notes are off: {reason}</source>
        <translation>筆記功能已停用:{reason}</translation>
    </message>
    <message>
        <source>No note matches the filters.</source>
        <translation>沒有符合篩選條件的筆記。</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>尚無筆記。</translation>
    </message>
    <message>
        <source>No notes in this file yet. Select a passage and right-click to highlight it.</source>
        <translation>此檔案尚無筆記。選取一段文字後按右鍵即可標示。</translation>
    </message>
    <message>
        <source>All speakers</source>
        <translation>所有發言者</translation>
    </message>
    <message>
        <source>Click to show it in the text</source>
        <translation>按一下即可在文中顯示</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <source>moved with an edit of the file</source>
        <translation>已隨檔案編輯而移動</translation>
    </message>
    <message>
        <source>Show in Text</source>
        <translation>在文中顯示</translation>
    </message>
    <message>
        <source>Re-attach to the Selection</source>
        <translation>重新附加到選取範圍</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Opening {name}…</source>
        <translation>正在開啟 {name}…</translation>
    </message>
    <message>
        <source>Cannot open {name}</source>
        <translation>無法開啟 {name}</translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <source>English text</source>
        <translation>英文內文</translation>
    </message>
    <message>
        <source>The call in English</source>
        <translation>英文的通話內容</translation>
    </message>
    <message>
        <source>Chinese text</source>
        <translation>中文內文</translation>
    </message>
    <message>
        <source>The call in Chinese</source>
        <translation>中文的通話內容</translation>
    </message>
    <message>
        <source>English and Chinese text</source>
        <translation>中英文內文</translation>
    </message>
    <message>
        <source>The call, each Chinese paragraph under its English one</source>
        <translation>通話內容,每段中文位於其英文段落之下</translation>
    </message>
</context>
<context>
    <name>PastedTranscripts</name>
    <message>
        <source>the clipboard holds no text</source>
        <translation>剪貼簿中沒有文字</translation>
    </message>
    <message>
        <source>Reading the clipboard…</source>
        <translation>正在讀取剪貼簿…</translation>
    </message>
    <message>
        <source>Cannot paste as a transcript: {reason}</source>
        <translation>無法貼上為逐字稿:{reason}</translation>
    </message>
    <message>
        <source>Paste as New Transcript</source>
        <translation>貼上為新逐字稿</translation>
    </message>
    <message>
        <source>Save Transcript As</source>
        <translation>另存逐字稿</translation>
    </message>
    <message>
        <source>Transcripts (*.txt)</source>
        <translation>逐字稿 (*.txt)</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已另存為 {path}</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>What to print: the view, the part of the call, the notes</source>
        <translation>要列印的內容:檢視方式、通話範圍、筆記</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>並排</translation>
    </message>
    <message>
        <source>Interleaved</source>
        <translation>交錯</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>僅英文</translation>
    </message>
    <message>
        <source>Chinese only</source>
        <translation>僅中文</translation>
    </message>
    <message>
        <source>The whole call</source>
        <translation>整場通話</translation>
    </message>
    <message>
        <source>Questions and answers only</source>
        <translation>僅問答</translation>
    </message>
    <message>
        <source>Every speaker</source>
        <translation>所有發言人</translation>
    </message>
    <message>
        <source>Highlights and notes</source>
        <translation>標示與筆記</translation>
    </message>
    <message>
        <source>Only the passages with a highlight or note</source>
        <translation>僅有標示或筆記的段落</translation>
    </message>
    <message>
        <source>View</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>How the languages are laid out on the page</source>
        <translation>兩種語言在頁面上的排列方式</translation>
    </message>
    <message>
        <source>Part of the call</source>
        <translation>通話範圍</translation>
    </message>
    <message>
        <source>The whole call, or its Q&amp;A only</source>
        <translation>整場通話,或僅問答</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Every speaker&apos;s turns, or one speaker&apos;s only</source>
        <translation>所有發言人的發言,或僅某一位</translation>
    </message>
    <message>
        <source>Print highlights in their colour and each note under its passage</source>
        <translation>以原色列印標示,並將每則筆記印在其段落下方</translation>
    </message>
    <message>
        <source>Leave out every paragraph without a highlight or note</source>
        <translation>略過沒有標示或筆記的段落</translation>
    </message>
    <message>
        <source>Go on to print</source>
        <translation>繼續列印</translation>
    </message>
    <message>
        <source>Print nothing</source>
        <translation>不列印</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>檢視:</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>列印:</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>發言人:</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print Preview</source>
        <translation>預覽列印</translation>
    </message>
    <message>
        <source>The pages of the call as they will print</source>
        <translation>通話印出時的各頁</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>正在排版各頁…</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>頁</translation>
    </message>
    <message>
        <source>The page shown; type a number to go to it</source>
        <translation>顯示的頁面；輸入頁碼前往</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>縮放</translation>
    </message>
    <message>
        <source>How large the pages are shown</source>
        <translation>頁面顯示的大小</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message>
        <source>Page {n} of {m}</source>
        <translation>第 {n} 頁,共 {m} 頁</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <source>Your notes store was damaged and has been repaired: 1 note was recovered.</source>
        <translation>您的筆記資料庫曾經損壞,已修復:救回 1 則筆記。</translation>
    </message>
    <message>
        <source>Your notes store was damaged and has been repaired: {n} notes were recovered.</source>
        <translation>您的筆記資料庫曾經損壞,已修復:救回 {n} 則筆記。</translation>
    </message>
    <message>
        <source>{n} of them only in part (their text is cut where the damage was).</source>
        <translation>其中 {n} 則僅部分救回(內容在損壞處中斷)。</translation>
    </message>
    <message>
        <source>{n} could not be read.</source>
        <translation>有 {n} 則無法讀取。</translation>
    </message>
    <message>
        <source>The damaged copy is kept at {path}</source>
        <translation>損壞的副本保留在 {path}</translation>
    </message>
    <message>
        <source>The damaged copies are kept at {paths}</source>
        <translation>損壞的副本保留在 {paths}</translation>
    </message>
    <message>
        <source>Show the Damaged Copy</source>
        <translation>顯示損壞的副本</translation>
    </message>
</context>
<context>
    <name>SameContent</name>
    <message>
        <source>{name} holds the same transcript as {tab}, open already: shown there</source>
        <translation>{name} 與已開啟的 {tab} 是同一份逐字稿：已切換至該分頁</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Management</source>
        <translation>經營團隊</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>分析師</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Unknown role</source>
        <translation>不明角色</translation>
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
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Search every call</source>
        <translation>搜尋所有電話會議</translation>
    </message>
    <message>
        <source>Search every call: words, &quot;a phrase&quot;, prefix*, a OR b, -word</source>
        <translation>搜尋所有電話會議:字詞、&quot;片語&quot;、字首*、a OR b、-排除字</translation>
    </message>
    <message>
        <source>Words must all be in the paragraph. Chinese in Traditional or Simplified finds both. Filters can be typed too: speaker: role: section: company: period: lang:</source>
        <translation>段落須包含所有字詞。中文以繁體或簡體輸入皆可找到兩者。也可直接輸入篩選條件:speaker: role: section: company: period: lang:</translation>
    </message>
    <message>
        <source>All speakers</source>
        <translation>所有發言者</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>所有角色</translation>
    </message>
    <message>
        <source>Both sections</source>
        <translation>兩個部分</translation>
    </message>
    <message>
        <source>All companies</source>
        <translation>所有公司</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>所有期間</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>任何語言</translation>
    </message>
    <message>
        <source>Most relevant first</source>
        <translation>最相關優先</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新優先</translation>
    </message>
    <message>
        <source>Add Folder to the Library…</source>
        <translation>將資料夾加入資料庫…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>The paragraphs found, by call; Enter opens one</source>
        <translation>依通話排列的搜尋結果段落;按 Enter 開啟</translation>
    </message>
    <message>
        <source>Search the paragraphs of this {what} only</source>
        <translation>只搜尋此{what}的段落</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>The order of the results</source>
        <translation>結果的排序</translation>
    </message>
    <message>
        <source>Show more results…</source>
        <translation>顯示更多結果…</translation>
    </message>
    <message>
        <source>Add folders to the library to search them: File ▸ Add Folder to Library…</source>
        <translation>將資料夾加入資料庫即可搜尋:檔案 ▸ 將資料夾加入資料庫…</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>正在讀取資料庫…</translation>
    </message>
    <message>
        <source>Type words to search every call in the library, in English or Chinese. &quot;Quotes&quot; find a phrase, margin* a prefix, -word leaves a word out.</source>
        <translation>輸入字詞即可以英文或中文搜尋資料庫中的所有電話會議。&quot;引號&quot; 搜尋片語,margin* 搜尋字首,-字詞 排除該字詞。</translation>
    </message>
    <message>
        <source>Nothing found yet: the library is still being indexed.</source>
        <translation>尚未找到結果:資料庫仍在建立索引。</translation>
    </message>
    <message>
        <source>No paragraph matches. Check the spelling, or remove a word or a filter.</source>
        <translation>沒有相符的段落。請檢查拼字,或移除一個字詞或篩選條件。</translation>
    </message>
    <message>
        <source>%n paragraph</source>
        <translation>%n 個段落</translation>
    </message>
    <message>
        <source>%n paragraphs</source>
        <translation>%n 個段落</translation>
    </message>
    <message>
        <source>%n call</source>
        <translation>%n 場電話會議</translation>
    </message>
    <message>
        <source>%n calls</source>
        <translation>%n 場電話會議</translation>
    </message>
    <message>
        <source>{paragraphs} in {calls}</source>
        <translation>{paragraphs},分布於 {calls}</translation>
    </message>
    <message>
        <source>the first {n} shown</source>
        <translation>顯示前 {n} 筆</translation>
    </message>
    <message>
        <source>{n} left out: their files changed since they were indexed (indexing them again)</source>
        <translation>略過 {n} 筆:檔案在建立索引後已變更(正在重新建立索引)</translation>
    </message>
    <message>
        <source>the index is incomplete (an update was interrupted): finishing it</source>
        <translation>索引不完整(更新曾中斷):正在完成</translation>
    </message>
    <message>
        <source>indexing…</source>
        <translation>建立索引中…</translation>
    </message>
    <message>
        <source>Click to open the call at this paragraph</source>
        <translation>按一下即可在此段落開啟電話會議</translation>
    </message>
    <message>
        <source>paragraph {n}</source>
        <translation>第 {n} 段</translation>
    </message>
    <message>
        <source>(no speaker)</source>
        <translation>(無發言者)</translation>
    </message>
</context>
<context>
    <name>SearchService</name>
    <message>
        <source>Indexing cancelled: the calls indexed so far can be searched</source>
        <translation>已取消建立索引:已建立索引的電話會議仍可搜尋</translation>
    </message>
    <message>
        <source>The index is being updated by another program; trying again soon</source>
        <translation>另一個程式正在更新索引;稍後將再試一次</translation>
    </message>
    <message>
        <source>Indexing failed: {reason}</source>
        <translation>建立索引失敗:{reason}</translation>
    </message>
    <message>
        <source>The search index is being rebuilt…</source>
        <translation>正在重建搜尋索引…</translation>
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
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High Contrast</source>
        <translation>高對比</translation>
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
        <source>Reopen the last session&apos;s transcripts at start</source>
        <translation>啟動時重新開啟上次的逐字稿</translation>
    </message>
    <message>
        <source>The tabs open when the app was closed come back, each at its place and in its mode</source>
        <translation>關閉程式時開著的分頁會重新開啟，各自回到原來的位置與顯示方式</translation>
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
    <message>
        <source>The interface language, theme, reading font and figures</source>
        <translation>介面語言、主題、閱讀字型與數字</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>The language of menus and dialogs</source>
        <translation>選單與對話框的語言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Light, dark, high contrast, or as the system is</source>
        <translation>淺色、深色、高對比,或依系統設定</translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation>閱讀字型</translation>
    </message>
    <message>
        <source>The font the transcript is shown in</source>
        <translation>顯示逐字稿所用的字型</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字型大小</translation>
    </message>
    <message>
        <source>The transcript&apos;s size in points</source>
        <translation>逐字稿的字級(點)</translation>
    </message>
    <message>
        <source>Apply the changes</source>
        <translation>套用變更</translation>
    </message>
    <message>
        <source>Close, changing nothing</source>
        <translation>關閉,不做變更</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Every command of the window and the keys that run it</source>
        <translation>視窗的所有指令及其按鍵</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <source>Commands by menu, each with its keyboard shortcut</source>
        <translation>依選單排列的指令,各附鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Close this list</source>
        <translation>關閉此清單</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
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
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>發言者</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>The call of the file to show (the file holds several)</source>
        <translation>要顯示的檔案中的通話(檔案含多場通話)</translation>
    </message>
    <message>
        <source>The call&apos;s sections and questions; Enter goes to one</source>
        <translation>通話的段落與提問;按 Enter 前往</translation>
    </message>
    <message>
        <source>Who speaks, and how much; Enter goes to their next turn</source>
        <translation>誰發言、發言多少;按 Enter 前往其下一次發言</translation>
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
        <source>Summary</source>
        <translation>摘要</translation>
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
<context>
    <name>WindowExport</name>
    <message>
        <source>Export PDF</source>
        <translation>匯出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>列印</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>預覽列印</translation>
    </message>
    <message>
        <source>Printing {what}…</source>
        <translation>正在列印 {what}…</translation>
    </message>
    <message>
        <source>Printing {what}… page {n} of {m}</source>
        <translation>正在列印 {what}… 第 {n} 頁,共 {m} 頁</translation>
    </message>
    <message>
        <source>{what}: {n} page(s) printed</source>
        <translation>{what}:已列印 {n} 頁</translation>
    </message>
    <message>
        <source>Could not print: {reason}</source>
        <translation>無法列印:{reason}</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>無法列印</translation>
    </message>
</context>
<context>
    <name>WindowNotes</name>
    <message>
        <source>Notes</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>The highlights and notes, of this file or of all</source>
        <translation>此檔案或所有檔案的標示與筆記</translation>
    </message>
    <message>
        <source>Select a passage (or click a paragraph) to highlight</source>
        <translation>請先選取文字(或按一下段落)再標示</translation>
    </message>
    <message>
        <source>Open the note&apos;s file to re-attach it</source>
        <translation>請開啟這則筆記的檔案後再重新附加</translation>
    </message>
    <message>
        <source>Select the passage to put the note on first</source>
        <translation>請先選取要附加筆記的段落</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到檔案</translation>
    </message>
    <message>
        <source>The file of this note is no longer at {path}. Open it from where it is now: its notes follow it.</source>
        <translation>這則筆記的檔案已不在 {path}。請從檔案目前的位置開啟,筆記會隨之帶入。</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>匯出筆記</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON, for backup and import (*.json);;CSV, for spreadsheets (*.csv)</source>
        <translation>Markdown (*.md);;JSON,用於備份與匯入 (*.json);;CSV,用於試算表 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the notes</source>
        <translation>無法匯出筆記</translation>
    </message>
    <message>
        <source>Exported {n} note(s) to {path}</source>
        <translation>已匯出 {n} 則筆記至 {path}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Notes: {reason}</source>
        <translation>筆記:{reason}</translation>
    </message>
</context>
<context>
    <name>WindowSearch</name>
    <message>
        <source>Search Library</source>
        <translation>搜尋資料庫</translation>
    </message>
    <message>
        <source>Search every call of the library</source>
        <translation>搜尋資料庫中的每場通話</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>The folders and calls of the library</source>
        <translation>資料庫的資料夾與通話</translation>
    </message>
    <message>
        <source>Add a Folder to the Library</source>
        <translation>將資料夾加入資料庫</translation>
    </message>
    <message>
        <source>Add Transcripts to the Library</source>
        <translation>將逐字稿加入資料庫</translation>
    </message>
    <message>
        <source>Transcripts (*.txt);;All files (*)</source>
        <translation>逐字稿 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Adding to the library and indexing…</source>
        <translation>正在加入資料庫並建立索引…</translation>
    </message>
    <message>
        <source>This file changed since it was indexed: the terms are not marked</source>
        <translation>此檔案在建立索引後已變更:未標示搜尋字詞</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>建立索引中…</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>建立索引 %p%</translation>
    </message>
    <message>
        <source>Indexing the library: {done} of {total} files</source>
        <translation>正在為資料庫建立索引:第 {done} 個,共 {total} 個檔案</translation>
    </message>
</context>
<context>
    <name>WindowSession</name>
    <message>
        <source>Not reopened, no longer there: {names}</source>
        <translation>檔案已不存在，未重新開啟：{names}</translation>
    </message>
</context>
</TS>
