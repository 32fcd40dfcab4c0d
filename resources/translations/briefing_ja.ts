<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <source>Cancel</source>
        <translation type="vanished">キャンセル</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/briefing/ui/about.py" line="49"/>
        <source>About Briefing Reader</source>
        <translation>Briefing Reader について</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/about.py" line="63"/>
        <source>Read, highlight, tag and search Japanese and English articles; compile the day&apos;s tagged highlights into a briefing.</source>
        <translation>日本語と英語の記事を読み、ハイライトし、タグを付けて検索し、その日のタグ付きハイライトをブリーフィングにまとめます。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/about.py" line="71"/>
        <source>Version {version} · Licence: {licence}
Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>バージョン {version} · ライセンス: {licence}
Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/about.py" line="102"/>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="39"/>
        <source>&amp;Import Files…</source>
        <translation>ファイルを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="41"/>
        <source>Import articles into the library</source>
        <translation>記事をライブラリに取り込みます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="44"/>
        <source>Import &amp;Folder…</source>
        <translation>フォルダーを取り込む(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="46"/>
        <source>Import every article in a folder and its subfolders</source>
        <translation>フォルダーとそのサブフォルダー内のすべての記事を取り込みます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="48"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="49"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="51"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="vanished">検索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="54"/>
        <source>&amp;Search Library…</source>
        <translation>ライブラリを検索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="56"/>
        <source>Search articles and highlights</source>
        <translation>記事とハイライトを検索します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="59"/>
        <source>&amp;Find in Article…</source>
        <translation>記事内を検索(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="61"/>
        <source>Find every occurrence of a word in the open article</source>
        <translation>開いている記事の中で語句をすべて探します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="64"/>
        <source>Find &amp;Next</source>
        <translation>次を検索(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="66"/>
        <source>The next match in the article</source>
        <translation>記事内の次の一致箇所</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="69"/>
        <source>Find Pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="71"/>
        <source>The previous match in the article</source>
        <translation>記事内の前の一致箇所</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="74"/>
        <source>F&amp;ilter Library…</source>
        <translation>ライブラリを絞り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="76"/>
        <source>Show only the articles whose title or source holds a text</source>
        <translation>タイトルまたは出典に語句を含む記事だけを表示します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="79"/>
        <source>Mark Read or &amp;Unread</source>
        <translation>既読/未読を切り替え(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="81"/>
        <source>Mark the open article unread, or read again</source>
        <translation>開いている記事を未読に、または既読に戻します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="84"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="86"/>
        <source>Larger reading text (also Ctrl+wheel)</source>
        <translation>本文の文字を大きくします(Ctrl+ホイールでも可)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="89"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="91"/>
        <source>Smaller reading text (also Ctrl+wheel)</source>
        <translation>本文の文字を小さくします(Ctrl+ホイールでも可)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="94"/>
        <source>&amp;Actual Size</source>
        <translation>標準のサイズ(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="96"/>
        <source>The default reading text size</source>
        <translation>本文の文字を標準のサイズに戻します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="99"/>
        <source>Ne&amp;xt Pane</source>
        <translation>次のペイン(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="101"/>
        <source>Move the focus to the next pane</source>
        <translation>次のペインにフォーカスを移します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="104"/>
        <source>Pre&amp;vious Pane</source>
        <translation>前のペイン(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="106"/>
        <source>Move the focus to the previous pane</source>
        <translation>前のペインにフォーカスを移します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="109"/>
        <source>Go to &amp;Heading…</source>
        <translation>見出しへ移動(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="111"/>
        <source>The outline of the article&apos;s headings</source>
        <translation>記事の見出しの一覧</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="114"/>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>キーボードショートカット(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="116"/>
        <source>Every action and its keys; change them</source>
        <translation>すべての操作とそのキー(変更もできます)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="119"/>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="121"/>
        <source>Language, theme, text size and briefing defaults</source>
        <translation>言語、テーマ、文字サイズ、ブリーフィングの既定値</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="124"/>
        <source>&amp;Delete Article…</source>
        <translation>記事を削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="126"/>
        <source>Delete the selected article</source>
        <translation>選択した記事を削除します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="130"/>
        <source>Article &amp;Details…</source>
        <translation>記事の情報(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="132"/>
        <source>Edit the open article&apos;s title, source, author, date, URL and language</source>
        <translation>開いている記事のタイトル、出典、著者、日付、URL、言語を編集します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="137"/>
        <source>&amp;Tag…</source>
        <translation>タグ付け(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="139"/>
        <source>Tag the selection or the highlight at the caret</source>
        <translation>選択範囲、またはカーソル位置のハイライトにタグを付けます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="143"/>
        <source>Edit &amp;Note…</source>
        <translation>メモを編集(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="145"/>
        <source>Write a note on the highlight at the caret</source>
        <translation>カーソル位置のハイライトにメモを書きます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="149"/>
        <source>Delete &amp;Highlight</source>
        <translation>ハイライトを削除(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="151"/>
        <source>Delete the highlight at the caret</source>
        <translation>カーソル位置のハイライトを削除します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="155"/>
        <source>&amp;Re-attach to Selection</source>
        <translation>選択範囲に付け直す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="157"/>
        <source>Place the orphaned highlight on the selected text</source>
        <translation>位置を失ったハイライトを選択したテキストに付け直します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="161"/>
        <source>Tag Slot &amp;{0}</source>
        <translation>タグキー &amp;{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="163"/>
        <source>Highlight with, or toggle, the tag in this slot</source>
        <translation>このキーのタグでハイライトする、またはタグを切り替えます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="170"/>
        <source>Rebuild Search &amp;Index</source>
        <translation>検索インデックスを再構築(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="172"/>
        <source>Rebuild the search index</source>
        <translation>検索インデックスを作り直します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="175"/>
        <source>Manage &amp;Tags…</source>
        <translation>タグの管理(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="177"/>
        <source>Create, rename, recolour, merge and delete tags</source>
        <translation>タグの作成、名前の変更、色の変更、統合、削除</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="180"/>
        <source>&amp;Briefing…</source>
        <translation>ブリーフィング(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="182"/>
        <source>Compile tagged highlights into the briefing: preview, export</source>
        <translation>タグ付きハイライトをブリーフィングにまとめます(プレビュー、書き出し)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="187"/>
        <source>&amp;Print Briefing…</source>
        <translation>ブリーフィングを印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="189"/>
        <source>Print the briefing&apos;s PDF pages</source>
        <translation>ブリーフィングの PDF ページを印刷します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="192"/>
        <source>&amp;About Briefing Reader</source>
        <translation>Briefing Reader について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/actions.py" line="194"/>
        <source>The version and the licence</source>
        <translation>バージョンとライセンス</translation>
    </message>
</context>
<context>
    <name>ArticleDetailsDialog</name>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="36"/>
        <source>Article Details</source>
        <translation>記事の情報</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="43"/>
        <source>YYYY-MM-DD, or empty</source>
        <translation>YYYY-MM-DD(空欄で日付なし)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="57"/>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="58"/>
        <source>&amp;Source:</source>
        <translation>出典(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="59"/>
        <source>&amp;Author:</source>
        <translation>著者(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="60"/>
        <source>&amp;Published:</source>
        <translation>公開日(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="61"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_details.py" line="62"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../desktop/briefing/ui/article_table.py" line="61"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_table.py" line="62"/>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_table.py" line="63"/>
        <source>Published</source>
        <translation>公開日</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_table.py" line="64"/>
        <location filename="../../desktop/briefing/ui/article_view.py" line="66"/>
        <source>Highlights</source>
        <translation>ハイライト</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_table.py" line="347"/>
        <source>{0}
{1:,} characters</source>
        <translation>{0}
{1:,} 文字</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/article_table.py" line="357"/>
        <source>Unread</source>
        <translation>未読</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="62"/>
        <source>Briefing</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="74"/>
        <source>Untick to leave out; drag to reorder within a section</source>
        <translation>チェックを外すと除外されます。セクション内ではドラッグで並べ替えられます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="77"/>
        <source>Double-click to use an export&apos;s options again</source>
        <translation>ダブルクリックで、その書き出しのオプションをもう一度使います</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="79"/>
        <source>&amp;Items</source>
        <translation>項目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="80"/>
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="97"/>
        <source>&amp;Export PDF…</source>
        <translation>PDF に書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="101"/>
        <source>Export &amp;HTML…</source>
        <translation>HTML に書き出す(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="102"/>
        <source>Export &amp;Markdown…</source>
        <translation>Markdown に書き出す(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="105"/>
        <source>More &amp;Formats</source>
        <translation>その他の形式(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="107"/>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="208"/>
        <source>{0} items</source>
        <translation>{0} 項目</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="252"/>
        <source>Export Briefing</source>
        <translation>ブリーフィングの書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="266"/>
        <source>Writing {0}…</source>
        <translation>{0} を書き出しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="273"/>
        <source>Wrote {0} ({1} highlights)</source>
        <translation>{0} を書き出しました(ハイライト {1} 件)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="300"/>
        <source>Printed {0} pages</source>
        <translation>{0} ページを印刷しました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="309"/>
        <source>{0}  {1}  {2} highlights  {3}</source>
        <translation>{0}  {1}  ハイライト {2} 件  {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_dialog.py" line="400"/>
        <source>Preparing the pages; Print when they are shown</source>
        <translation>ページを準備しています。表示されたら印刷できます</translation>
    </message>
</context>
<context>
    <name>BriefingForm</name>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="41"/>
        <source>Since the last briefing</source>
        <translation>前回のブリーフィング以降</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="42"/>
        <source>One day</source>
        <translation>1 日</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="43"/>
        <source>Range of days</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="59"/>
        <source>Tick the tags that become sections; drag to order them</source>
        <translation>セクションにするタグにチェックを付け、ドラッグで順番を決めます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="65"/>
        <source>all sources (or: NHK, ROLES)</source>
        <translation>すべての出典(または: NHK, ROLES)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="82"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="87"/>
        <source>The language of the briefing&apos;s own words (title, contents, sources, page numbers). Automatic: the language most of the quoted articles are in (Japanese on a tie).</source>
        <translation>ブリーフィング自体の文言（表題、目次、出典、頁番号）の言語。自動：引用した記事の多くが書かれている言語（同数なら日本語）。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="94"/>
        <source>Summary (Markdown), printed before the items</source>
        <translation>概要(Markdown)。項目の前に印刷されます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="100"/>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="101"/>
        <source>Days:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="102"/>
        <source>&amp;Sections:</source>
        <translation>セクション(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="103"/>
        <source>&amp;Article:</source>
        <translation>記事(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="104"/>
        <source>S&amp;ources:</source>
        <translation>出典(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="105"/>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="106"/>
        <source>A&amp;uthor:</source>
        <translation>作成者(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="107"/>
        <source>&amp;Marking:</source>
        <translation>取扱区分(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="108"/>
        <source>Pape&amp;r:</source>
        <translation>用紙(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="109"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="110"/>
        <source>Su&amp;mmary:</source>
        <translation>概要(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/briefing_form.py" line="160"/>
        <source>All articles</source>
        <translation>すべての記事</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="45"/>
        <source>Find in article</source>
        <translation>記事内を検索</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="51"/>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="52"/>
        <source>Previous match (Shift+F3)</source>
        <translation>前の一致箇所(Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="55"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="56"/>
        <source>Next match (F3)</source>
        <translation>次の一致箇所(F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="59"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="60"/>
        <source>Close the find bar (Esc)</source>
        <translation>検索バーを閉じる(Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="161"/>
        <source>No matches</source>
        <translation>一致なし</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="167"/>
        <source>{0} matches</source>
        <translation>一致 {0} 件</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="167"/>
        <source>1 match</source>
        <translation>一致 1 件</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/find_bar.py" line="170"/>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
</context>
<context>
    <name>HighlightActions</name>
    <message>
        <location filename="../../desktop/briefing/ui/highlight_actions.py" line="91"/>
        <source>No tag has the key {0}</source>
        <translation>キー {0} のタグはありません</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/highlight_actions.py" line="106"/>
        <location filename="../../desktop/briefing/ui/highlight_actions.py" line="114"/>
        <source>Select some text first</source>
        <translation>先にテキストを選択してください</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/highlight_actions.py" line="143"/>
        <location filename="../../desktop/briefing/ui/highlight_actions.py" line="154"/>
        <source>Put the caret in a highlight first</source>
        <translation>先にカーソルをハイライトの中に置いてください</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/highlight_actions.py" line="164"/>
        <source>Select an orphaned highlight and the text it belongs to</source>
        <translation>位置を失ったハイライトと、その付け直し先のテキストを選択してください</translation>
    </message>
</context>
<context>
    <name>HighlightsPane</name>
    <message>
        <location filename="../../desktop/briefing/ui/highlights_pane.py" line="198"/>
        <source>Highlights ({0})</source>
        <translation>ハイライト({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/highlights_pane.py" line="200"/>
        <source>Orphaned ({0}): their text is gone; select text and re-attach</source>
        <translation>位置を失ったハイライト({0}): 本文から該当箇所が消えました。テキストを選択して付け直してください</translation>
    </message>
</context>
<context>
    <name>ImportFeedback</name>
    <message>
        <location filename="../../desktop/briefing/ui/import_feedback.py" line="46"/>
        <source> (and {0} more)</source>
        <translation>(ほか {0} 件)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/import_feedback.py" line="66"/>
        <source>Same title and source</source>
        <translation>タイトルと出典が同じ記事</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/import_feedback.py" line="67"/>
        <source>“{0}” ({1}) was imported as a new article, but article #{2} “{3}” has the same title and source.

Is it a new text of #{2}? Updating keeps the current text of #{2} as a version, moves nothing else, and can be undone.</source>
        <translation>「{0}」({1})は新しい記事として取り込まれましたが、記事 #{2}「{3}」とタイトルと出典が同じです。

これは #{2} の新しい本文ですか?更新すると #{2} の現在の本文は版として残り、ほかには何も移動しません。元に戻すこともできます。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/import_feedback.py" line="79"/>
        <source>Update #{0}</source>
        <translation>#{0} を更新</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/import_feedback.py" line="84"/>
        <source>Import as New</source>
        <translation>新しい記事として取り込む</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/import_feedback.py" line="91"/>
        <source>Keep All {0} as New</source>
        <translation>{0} 件すべてを新しい記事として残す</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/import_feedback.py" line="130"/>
        <source>“{0}” is now the text of #{1}; its earlier text is kept as a version ({2} highlight(s) placed, {3} orphaned). Undo takes it back.</source>
        <translation>「{0}」が #{1} の本文になりました。以前の本文は版として残されています(ハイライト {2} 件を配置、{3} 件は位置を失いました)。「元に戻す」で取り消せます。</translation>
    </message>
</context>
<context>
    <name>LibraryFilter</name>
    <message>
        <location filename="../../desktop/briefing/ui/library_filter.py" line="27"/>
        <source>Filter by title or source</source>
        <translation>タイトル・出典で絞り込み</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="59"/>
        <source>Briefing Reader — {0}</source>
        <translation>Briefing Reader — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="117"/>
        <source>Highlights</source>
        <translation>ハイライト</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="125"/>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="146"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="153"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="159"/>
        <source>Tag &amp;Slots</source>
        <translation>タグキー(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="162"/>
        <source>&amp;Library</source>
        <translation>ライブラリ(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="168"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="171"/>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="189"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="259"/>
        <source>Briefing Reader</source>
        <translation>Briefing Reader</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="300"/>
        <source>&amp;Undo {0}</source>
        <translation>元に戻す(&amp;U): {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="301"/>
        <source>&amp;Redo {0}</source>
        <translation>やり直す(&amp;R): {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="357"/>
        <source>This highlight is orphaned: its passage is no longer in the article.</source>
        <translation>このハイライトは位置を失っています。該当箇所がもう記事にありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="421"/>
        <source>{0} — Briefing Reader</source>
        <translation>{0} — Briefing Reader</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="438"/>
        <source>Import articles</source>
        <translation>記事の取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="440"/>
        <source>Articles (*.md *.markdown *.txt *.text *.html *.htm *.pdf);;All files (*)</source>
        <translation>記事 (*.md *.markdown *.txt *.text *.html *.htm *.pdf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="447"/>
        <source>Import a folder</source>
        <translation>フォルダーの取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="471"/>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="481"/>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="494"/>
        <source>Delete article</source>
        <translation>記事の削除</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/main_window.py" line="496"/>
        <source>Delete “{0}” and its {1} highlight(s)? You can undo this until you quit.</source>
        <translation>「{0}」とそのハイライト {1} 件を削除しますか?終了するまでは元に戻せます。</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../desktop/briefing/ui/note_editor.py" line="26"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/note_editor.py" line="33"/>
        <source>Markdown: **bold**, *italic*, - lists, [links](…)</source>
        <translation>Markdown: **太字**、*斜体*、- 箇条書き、[リンク](…)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/note_editor.py" line="48"/>
        <source>Ctrl+Return keeps the note · Esc cancels</source>
        <translation>Ctrl+Return でメモを保存 · Esc でキャンセル</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/briefing/ui/operations.py" line="44"/>
        <source>Briefing Reader</source>
        <translation>Briefing Reader</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/operations.py" line="80"/>
        <source>Unexpected error: {0}</source>
        <translation>予期しないエラー: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/operations.py" line="173"/>
        <location filename="../../desktop/briefing/ui/progress_panel.py" line="26"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <location filename="../../desktop/briefing/ui/outline_pane.py" line="52"/>
        <source>This article has no headings.</source>
        <translation>この記事には見出しがありません。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="42"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="48"/>
        <source>As the system (locale)</source>
        <translation>システムに合わせる(ロケール)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="53"/>
        <source>As the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="54"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="55"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="59"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="65"/>
        <source> characters</source>
        <translation> 文字</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="67"/>
        <source>The widest the reading column gets; about 40 reads best for Japanese.</source>
        <translation>本文の列の最大幅です。日本語では 40 文字前後が読みやすい幅です。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="71"/>
        <source>e.g. Analysis Division</source>
        <translation>例: 分析課</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="74"/>
        <source>e.g. 取扱注意</source>
        <translation>例: 取扱注意</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="78"/>
        <source> days</source>
        <translation> 日分</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="80"/>
        <source>One backup a day is kept for this many days (weekly and monthly ones too).</source>
        <translation>1 日 1 つのバックアップをこの日数分保管します(週ごと・月ごとのバックアップも保管されます)。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="84"/>
        <source>Window</source>
        <translation>ウィンドウ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="86"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="87"/>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="88"/>
        <source>Text &amp;size:</source>
        <translation>文字サイズ(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="89"/>
        <source>Reading &amp;width:</source>
        <translation>本文の幅(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="90"/>
        <source>Briefing defaults</source>
        <translation>ブリーフィングの既定値</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="92"/>
        <source>&amp;Author:</source>
        <translation>著者(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="93"/>
        <source>&amp;Marking:</source>
        <translation>取扱区分(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="94"/>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="96"/>
        <source>Daily &amp;backups kept:</source>
        <translation>毎日のバックアップの保管(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="168"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="169"/>
        <source>The new language is used from the next start. Restart Briefing Reader now?</source>
        <translation>新しい言語は次回の起動から使われます。Briefing Reader を今すぐ再起動しますか?</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="174"/>
        <source>Restart Now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/preferences.py" line="175"/>
        <source>Later</source>
        <translation>後で</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../desktop/briefing/ui/reader.py" line="299"/>
        <source>(no tag)</source>
        <translation>(タグなし)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: 制裁  tag:sanctions  &quot;安全の保証&quot;  -影の船団</source>
        <translation type="vanished">検索: 制裁  tag:sanctions  &quot;安全の保証&quot;  -影の船団</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="137"/>
        <source>Search the library: 制裁  tag:sanctions  &quot;安全の保証&quot;  -影の船団</source>
        <translation>ライブラリを検索: 制裁  tag:sanctions  &quot;安全の保証&quot;  -影の船団</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="201"/>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="257"/>
        <source>1 article</source>
        <translation>記事 1 件</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="257"/>
        <source>{0} articles</source>
        <translation>記事 {0} 件</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="260"/>
        <source>1 highlight</source>
        <translation>ハイライト 1 件</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="262"/>
        <source>{0} highlights</source>
        <translation>ハイライト {0} 件</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="266"/>
        <source>{0}: {1}, {2}</source>
        <translation>{0}: {1}、{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="265"/>
        <source>{0}: at least {1}, {2}</source>
        <translation>{0}: 少なくとも {1}、{2}</translation>
    </message>
    <message>
        <source>{0} result(s)</source>
        <translation type="vanished">{0} 件</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="104"/>
        <source>Highlight{0} — {1}</source>
        <translation>ハイライト{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/search_panel.py" line="105"/>
        <source>Article — {0}</source>
        <translation>記事 — {0}</translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="20"/>
        <source>Delete article</source>
        <translation>記事の削除</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="21"/>
        <source>Add highlight</source>
        <translation>ハイライトの追加</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="22"/>
        <source>Delete highlight</source>
        <translation>ハイライトの削除</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="23"/>
        <source>Edit note</source>
        <translation>メモの編集</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="24"/>
        <source>Edit tags</source>
        <translation>タグの編集</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="25"/>
        <source>Edit highlight</source>
        <translation>ハイライトの編集</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="26"/>
        <source>Re-attach highlight</source>
        <translation>ハイライトの付け直し</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="27"/>
        <source>Edit article details</source>
        <translation>記事の情報の編集</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="28"/>
        <source>Import update</source>
        <translation>更新の取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="29"/>
        <source>Take as update</source>
        <translation>更新として取り込む</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="36"/>
        <source>Import update of “{title}”</source>
        <translation>「{title}」の更新の取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="40"/>
        <source>Take as update of “{title}”</source>
        <translation>「{title}」の更新として取り込む</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="44"/>
        <source>Restore version {number} of “{title}”</source>
        <translation>「{title}」の版 {number} の復元</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="48"/>
        <source>Restore version {number}</source>
        <translation>版 {number} の復元</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="50"/>
        <source>Create tag {tag}</source>
        <translation>タグ {tag} の作成</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="51"/>
        <source>Rename tag {tag}</source>
        <translation>タグ {tag} の名前の変更</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="52"/>
        <source>Recolour tag {tag}</source>
        <translation>タグ {tag} の色の変更</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="53"/>
        <source>Edit tag {tag}</source>
        <translation>タグ {tag} の編集</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="56"/>
        <source>Merge tag {source} into {target}</source>
        <translation>タグ {source} を {target} に統合</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="58"/>
        <source>Delete tag {tag}</source>
        <translation>タグ {tag} の削除</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="59"/>
        <source>Untag {tag}</source>
        <translation>タグ {tag} を外す</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="60"/>
        <source>Tag {tag}</source>
        <translation>タグ {tag} を付ける</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="69"/>
        <source>Cannot undo “{command}”: {reason}. It was removed from the undo history{also}; nothing was changed.</source>
        <translation>「{command}」を元に戻せません: {reason}。この操作は取り消し履歴から削除されました{also}。何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="78"/>
        <source>Cannot redo “{command}”: {reason}. It was removed from the undo history{also}; nothing was changed.</source>
        <translation>「{command}」をやり直せません: {reason}。この操作は取り消し履歴から削除されました{also}。何も変更されていません。</translation>
    </message>
    <message>
        <source>Cannot undo “{command}”: {reason}. It was removed from the undo history; nothing was changed.</source>
        <translation type="vanished">「{command}」を元に戻せません: {reason}。この操作は取り消し履歴から削除されました。何も変更されていません。</translation>
    </message>
    <message>
        <source>Cannot redo “{command}”: {reason}. It was removed from the undo history; nothing was changed.</source>
        <translation type="vanished">「{command}」をやり直せません: {reason}。この操作は取り消し履歴から削除されました。何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="84"/>
        <source>Nothing to undo.</source>
        <translation>元に戻す操作はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="85"/>
        <source>Nothing to redo.</source>
        <translation>やり直す操作はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="88"/>
        <source>There is no article {id}.</source>
        <translation>記事 {id} はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="90"/>
        <source>The title cannot be empty.</source>
        <translation>タイトルは空にできません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="93"/>
        <source>Not a date (YYYY-MM-DD): {text}</source>
        <translation>日付ではありません(YYYY-MM-DD): {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="97"/>
        <source>Not a web address: {text} (expected https://…)</source>
        <translation>Web アドレスではありません: {text}(https://… の形式で入力してください)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="101"/>
        <source>Not a language code: {text} (for example ja or en)</source>
        <translation>言語コードではありません: {text}(例: ja、en)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="105"/>
        <source>The {field} must be one line.</source>
        <translation>{field}は 1 行で入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="107"/>
        <source>There is no tag “{tag}”.</source>
        <translation>タグ「{tag}」はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="112"/>
        <source>a new article, although #{id} has the same title and source: no URL or file in common says it is the same article</source>
        <translation>新しい記事として取り込みました。#{id} とタイトルと出典が同じですが、同じ記事だと示す共通の URL やファイルがありません</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="121"/>
        <source>{placed} highlight(s) re-anchored, {orphaned} orphaned; the earlier text is version {number}</source>
        <translation>ハイライト {placed} 件を再配置、{orphaned} 件は位置を失いました。以前の本文は版 {number} です</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="129"/>
        <source>{placed} highlight(s) re-anchored; the earlier text is version {number}</source>
        <translation>ハイライト {placed} 件を再配置しました。以前の本文は版 {number} です</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="136"/>
        <source>Article {id} already has highlights: it stays a new article.</source>
        <translation>記事 {id} にはすでにハイライトがあるため、新しい記事のままにします。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="142"/>
        <source>the library is open read-only: it can be read and searched, not changed</source>
        <translation>ライブラリは読み取り専用で開かれています。読むことと検索はできますが、変更はできません</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="149"/>
        <source>the disk is full: the library is open read-only until space is freed</source>
        <translation>ディスクがいっぱいです。空き容量ができるまでライブラリは読み取り専用で開かれます</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="160"/>
        <source>the article was deleted since</source>
        <translation>その後、記事が削除されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="164"/>
        <source>the article is in the library again</source>
        <translation>記事がライブラリに戻っています</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="168"/>
        <source>the article&apos;s text has changed since (an import updated it)</source>
        <translation>その後、記事の本文が変わりました(取り込みによる更新)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="174"/>
        <source>the article was imported again since</source>
        <translation>その後、記事がもう一度取り込まれました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="178"/>
        <source>the article&apos;s details were changed since</source>
        <translation>その後、記事の情報が変更されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="182"/>
        <source>the highlight was deleted since</source>
        <translation>その後、ハイライトが削除されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="186"/>
        <source>the highlight is in the library again</source>
        <translation>ハイライトがライブラリに戻っています</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="190"/>
        <source>the highlight&apos;s tags were changed since</source>
        <translation>その後、ハイライトのタグが変更されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="194"/>
        <source>the highlight was changed since (re-anchored by an import or edited elsewhere)</source>
        <translation>その後、ハイライトが変更されました(取り込みによる再配置、または別の場所での編集)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="201"/>
        <source>the tag “{tag}” was deleted since</source>
        <translation>その後、タグ「{tag}」が削除されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="205"/>
        <source>the tag “{tag}” is in the library again</source>
        <translation>タグ「{tag}」がライブラリに戻っています</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="209"/>
        <source>the tag “{tag}” is now on {count} highlight(s)</source>
        <translation>タグ「{tag}」は現在ハイライト {count} 件に付いています</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="213"/>
        <source>the tag “{tag}” was changed since</source>
        <translation>その後、タグ「{tag}」が変更されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="217"/>
        <source>“{name}” now names another tag</source>
        <translation>「{name}」は現在、別のタグの名前です</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="221"/>
        <source>keyboard slot {slot} now belongs to another tag</source>
        <translation>キー {slot} は現在、別のタグに割り当てられています</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="225"/>
        <source>a tag it uses was deleted since</source>
        <translation>その後、使っているタグが削除されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="229"/>
        <source>the library was changed since</source>
        <translation>その後、ライブラリが変更されました</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="231"/>
        <source>it was never carried out</source>
        <translation>まだ実行されていません</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="234"/>
        <source>, with {count} step(s) that depended on it</source>
        <translation>(これに依存する {count} 件の操作も削除)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="238"/>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="239"/>
        <source>source</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="240"/>
        <source>author</source>
        <translation>著者</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="241"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/service_text.py" line="242"/>
        <source>language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="46"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="52"/>
        <source>Filter by action or key</source>
        <translation>操作名またはキーで絞り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="56"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="56"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="56"/>
        <source>What it does</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="71"/>
        <source>&amp;Assign</source>
        <translation>割り当て(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="73"/>
        <source>&amp;Default</source>
        <translation>既定に戻す(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="76"/>
        <source>New keys:</source>
        <translation>新しいキー:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="121"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/shortcuts_dialog.py" line="181"/>
        <source>{0} is given to more than one action: {1}</source>
        <translation>{0} は複数の操作に割り当てられています: {1}</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="62"/>
        <source>Manage Tags</source>
        <translation>タグの管理</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="69"/>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="70"/>
        <source>&amp;Merge Into…</source>
        <translation>統合先を選ぶ(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="71"/>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="84"/>
        <source>other names, separated by commas: 制裁, 対露制裁</source>
        <translation>別名をカンマ区切りで: 制裁, 対露制裁</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="90"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="94"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="95"/>
        <source>&amp;Colour:</source>
        <translation>色(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="96"/>
        <source>&amp;Aliases:</source>
        <translation>別名(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="97"/>
        <source>D&amp;escription:</source>
        <translation>説明(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="98"/>
        <source>&amp;Key (1–9):</source>
        <translation>キー(1–9)(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="267"/>
        <source>Colour of {0}</source>
        <translation>{0} の色</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="273"/>
        <source>New tag</source>
        <translation>新しいタグ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="273"/>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="286"/>
        <source>Merge tags</source>
        <translation>タグの統合</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="287"/>
        <source>Move every highlight of “{0}” to:</source>
        <translation>「{0}」のすべてのハイライトの移動先:</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="303"/>
        <source>Delete tag</source>
        <translation>タグの削除</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_manager.py" line="305"/>
        <source>Remove “{0}” from {1} highlight(s) and delete it? Undo brings it back.</source>
        <translation>「{0}」をハイライト {1} 件から外して削除しますか?「元に戻す」で復元できます。</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <location filename="../../desktop/briefing/ui/tag_picker.py" line="52"/>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_picker.py" line="58"/>
        <source>Type a tag or an alias; a new name creates it</source>
        <translation>タグ名または別名を入力します。新しい名前ならタグを作成します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_picker.py" line="61"/>
        <source>Enter picks · Esc cancels</source>
        <translation>Enter で決定 · Esc でキャンセル</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tag_picker.py" line="95"/>
        <source>Create tag “{0}”</source>
        <translation>タグ「{0}」を作成</translation>
    </message>
</context>
<context>
    <name>TagsPane</name>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="143"/>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="143"/>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation type="vanished">ハイライト</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="143"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="145"/>
        <source>The key (1–9) that tags a selection</source>
        <translation>選択範囲にこのタグを付けるキー（1〜9）</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="146"/>
        <source>Highlights that carry the tag</source>
        <translation>このタグが付いたハイライトの数</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="159"/>
        <source>orphaned</source>
        <translation>位置を失ったもの</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="245"/>
        <source>All articles</source>
        <translation>すべての記事</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="294"/>
        <source>Choose a tag to review its highlights.</source>
        <translation>タグを選ぶと、そのハイライトを見直せます。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/tags_pane.py" line="299"/>
        <source>{0}: {1} highlight(s) in {2} article(s), newest first</source>
        <translation>{0}: {2} 件の記事にハイライト {1} 件(新しい順)</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="47"/>
        <source>Versions of “{0}”</source>
        <translation>「{0}」の版</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="56"/>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="56"/>
        <source>Written</source>
        <translation>保存日時</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="56"/>
        <source>Origin</source>
        <translation>取り込み元</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="56"/>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="68"/>
        <source>&amp;Restore This Version</source>
        <translation>この版を復元(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="98"/>
        <source>{0} characters</source>
        <translation>{0} 文字</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="109"/>
        <source>{0} earlier text(s) of this article. Restoring one keeps the current text as that version; Undo in the window takes it back.</source>
        <translation>この記事の以前の本文が {0} 件あります。復元すると現在の本文がその版として残ります。ウィンドウの「元に戻す」で取り消せます。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="114"/>
        <source>This article has no earlier versions.</source>
        <translation>この記事には以前の版がありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/versions_dialog.py" line="149"/>
        <source>Version {0} restored ({1} highlight(s) placed, {2} orphaned); the text it replaced is now version {0}.</source>
        <translation>版 {0} を復元しました(ハイライト {1} 件を配置、{2} 件は位置を失いました)。置き換えられた本文が版 {0} になりました。</translation>
    </message>
</context>
<context>
    <name>WindowSafety</name>
    <message>
        <location filename="../../desktop/briefing/ui/window_safety.py" line="53"/>
        <source>&amp;Versions…</source>
        <translation>版の一覧(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/window_safety.py" line="56"/>
        <source>The open article&apos;s earlier texts, to read and restore</source>
        <translation>開いている記事の以前の本文を読み、復元します</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/window_safety.py" line="71"/>
        <source>Article #{0} was being opened when the window last stopped, so it was not opened again. Choose it in the list to open it.</source>
        <translation>前回ウィンドウが止まったとき記事 #{0} を開いていたため、今回は開いていません。開くには一覧から選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/window_safety.py" line="100"/>
        <source>Read-only: {0}</source>
        <translation>読み取り専用: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/briefing/ui/window_safety.py" line="115"/>
        <source> [read-only]</source>
        <translation> [読み取り専用]</translation>
    </message>
</context>
<context>
    <name>WindowTools</name>
    <message>
        <location filename="../../desktop/briefing/ui/window_tools.py" line="51"/>
        <source>Outline</source>
        <translation>アウトライン</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/briefing/app.py" line="70"/>
        <source>The library {path} is damaged ({problem}).

Restore the newest good backup, {backup}? The damaged file is kept beside it.</source>
        <translation>ライブラリ {path} が破損しています({problem})。

最新の正常なバックアップ {backup} から復元しますか?破損したファイルはその横に残されます。</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Preparing the pages; Print when they are shown</source>
        <translation type="vanished">ページを準備しています。表示されたら印刷できます</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <source>Highlights</source>
        <translation type="vanished">ハイライト</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Briefing Reader</source>
        <translation type="vanished">Briefing Reader</translation>
    </message>
</context>
<context>
    <name>self.parent</name>
    <message>
        <source>Unexpected error: {0}</source>
        <translation type="vanished">予期しないエラー: {0}</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>No tag has the key {0}</source>
        <translation type="vanished">キー {0} のタグはありません</translation>
    </message>
    <message>
        <source>Select some text first</source>
        <translation type="vanished">先にテキストを選択してください</translation>
    </message>
    <message>
        <source>Put the caret in a highlight first</source>
        <translation type="vanished">先にカーソルをハイライトの中に置いてください</translation>
    </message>
    <message>
        <source>Select an orphaned highlight and the text it belongs to</source>
        <translation type="vanished">位置を失ったハイライトと、その付け直し先のテキストを選択してください</translation>
    </message>
</context>
</TS>
