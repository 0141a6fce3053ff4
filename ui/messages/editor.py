"""The staff's questionnaire editor."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {
    "nav.editor": ("Questionnaire editor", "問卷編輯器", "问卷编辑器"),
    "ed.intro": (
        "Edit the questionnaire as a draft, check it, see what it would change, then publish it as a new version. "
        "Published versions never change: every assessment keeps the version it was answered with.",
        "以草稿形式編輯問卷，檢查內容並查看會帶來的改變，然後發布為新版本。已發布的版本不會再改動：每份評估都保留作答時的版本。",
        "以草稿形式编辑问卷，检查内容并查看会带来的变化，然后发布为新版本。已发布的版本不会再改动：每份评估都保留作答时的版本。",
    ),
    "ed.questionnaire": ("Questionnaire", "問卷", "问卷"),
    "ed.current": (
        "In use now: version {version} (new assessments use it).",
        "現正使用：版本 {version}（新評估採用此版本）。",
        "当前使用：版本 {version}（新评估采用此版本）。",
    ),
    "ed.drafts": ("Drafts", "草稿", "草稿"),
    "ed.no_drafts": (
        "No drafts yet. Start one from the version in use, or upload a YAML file.",
        "尚未有草稿。請從現正使用的版本開始，或上載 YAML 檔案。",
        "尚无草稿。请从当前使用的版本开始，或上传 YAML 文件。",
    ),
    "ed.pick_draft": ("Draft to edit", "要編輯的草稿", "要编辑的草稿"),
    "ed.draft_name": (
        "Draft {id}{label} — saved {when} by {who}",
        "草稿 {id}{label} — {who} 於 {when} 儲存",
        "草稿 {id}{label} — {who} 于 {when} 保存",
    ),
    "ed.someone": ("someone", "某人", "某人"),
    "ed.new_draft": ("New draft from the version in use", "以現用版本建立新草稿", "以当前版本新建草稿"),
    "ed.upload": ("Or upload a YAML file as a new draft", "或上載 YAML 檔案作為新草稿", "或上传 YAML 文件作为新草稿"),
    "ed.upload_bad": (
        "This file cannot be read as text (save it as `UTF-8` text with a `.yaml` name): {reason}",
        "無法以文字讀取此檔案（請儲存為 `UTF-8` 文字檔，副檔名為 `.yaml`）：{reason}",
        "无法以文本读取此文件（请保存为 `UTF-8` 文本文件，扩展名为 `.yaml`）：{reason}",
    ),
    "ed.uploaded": ("Uploaded as draft {id}.", "已上載為草稿 {id}。", "已上传为草稿 {id}。"),
    "ed.text": ("YAML text of the draft", "草稿的 YAML 內容", "草稿的 YAML 内容"),
    "ed.text_help": (
        "Press `Ctrl+Enter` or click outside the box to check the text; Save draft keeps it.",
        "按 `Ctrl+Enter` 或點擊方框以外的地方即可檢查內容；按「儲存草稿」保存。",
        "按 `Ctrl+Enter` 或点击方框外即可检查内容；点击“保存草稿”保存。",
    ),
    "ed.save": ("Save draft", "儲存草稿", "保存草稿"),
    "ed.saved": (
        "Draft saved (revision {revision}).",
        "草稿已儲存（第 {revision} 版）。",
        "草稿已保存（第 {revision} 版）。",
    ),
    "ed.unsaved": ("Unsaved changes.", "有未儲存的修改。", "有未保存的修改。"),
    "ed.download": ("Download the text (YAML)", "下載內容（YAML）", "下载内容（YAML）"),
    "ed.delete": ("Delete this draft", "刪除此草稿", "删除此草稿"),
    "ed.delete_confirm": ("Yes, delete this draft", "確定刪除此草稿", "确认删除此草稿"),
    "ed.deleted": ("Draft deleted.", "草稿已刪除。", "草稿已删除。"),
    "ed.conflict": (
        "Someone else saved this draft while you were editing. Nothing was overwritten: their text stays in "
        "draft {id}, and yours is kept as draft {copy}. Compare them below, then carry on in either.",
        "你編輯期間，有其他人儲存了這份草稿。沒有任何內容被覆蓋：對方的內容保留在草稿 {id}，你的內容另存為草稿 {copy}。"
        "請先比較下面的分別，再選擇在其中一份繼續。",
        "你编辑期间，有其他人保存了这份草稿。没有任何内容被覆盖：对方的内容保留在草稿 {id}，你的内容另存为草稿 {copy}。"
        "请先比较下面的差异，再选择在其中一份继续。",
    ),
    "ed.conflict_diff": (
        "Their text (−) and yours (+)",
        "對方的內容（−）與你的內容（+）",
        "对方的内容（−）与你的内容（+）",
    ),
    "ed.open_copy": ("Open my copy (draft {copy})", "開啟我的副本（草稿 {copy}）", "打开我的副本（草稿 {copy}）"),
    "ed.gone": (
        "This draft no longer exists: someone published or deleted it. Your text is below; start a new draft "
        "with it if you need it.",
        "此草稿已不存在：有人已發布或刪除它。你的內容在下面；如有需要，可用它建立新草稿。",
        "此草稿已不存在：有人已发布或删除它。你的内容在下面；如有需要，可用它新建草稿。",
    ),
    "ed.keep_as_new": ("Keep my text as a new draft", "把我的內容存為新草稿", "把我的内容存为新草稿"),
    "ed.newer": (
        "Someone else saved this draft after you opened it (now revision {revision}). Your text below is "
        "unchanged; if you save it, both texts are kept.",
        "你開啟這份草稿後，有其他人儲存了新內容（現為第 {revision} 版）。"
        "下面你的內容沒有改變；如你儲存，兩份內容都會保留。",
        "你打开这份草稿后，有其他人保存了新内容（现为第 {revision} 版）。"
        "下面你的内容没有改变；如你保存，两份内容都会保留。",
    ),
    "ed.load_newer": (
        "Show their text instead (discards my unsaved changes)",
        "改為顯示對方的內容（放棄我未儲存的修改）",
        "改为显示对方的内容（放弃我未保存的修改）",
    ),
    "ed.check": ("Check", "檢查", "检查"),
    "ed.ok": ("No problems found.", "沒有發現問題。", "没有发现问题。"),
    "ed.counts": (
        "{errors} error(s), {warnings} warning(s).",
        "{errors} 個錯誤，{warnings} 個警告。",
        "{errors} 个错误，{warnings} 个警告。",
    ),
    "ed.problem": (
        "**Line {line}, column {column}** · `{path}`: {message}",
        "**第 {line} 行，第 {column} 欄** · `{path}`：{message}",
        "**第 {line} 行，第 {column} 列** · `{path}`：{message}",
    ),
    "ed.problem_note": (
        "Messages about the questionnaire's content are in English, with the key path that says where.",
        "有關問卷內容的訊息以英文顯示，並附上指出位置的鍵路徑。",
        "有关问卷内容的信息以英文显示，并附上指明位置的键路径。",
    ),
    "ed.view": ("Show", "顯示", "显示"),
    "ed.tab_preview": ("Preview", "預覽", "预览"),
    "ed.tab_changes": ("Changes", "改動", "改动"),
    "ed.tab_impact": ("Impact", "影響", "影响"),
    "ed.tab_publish": ("Publish", "發布", "发布"),
    "ed.tab_history": ("History", "歷史", "历史"),
    "ed.fix_first": (
        "Fix the errors above first.",
        "請先修正上面的錯誤。",
        "请先修正上面的错误。",
    ),
    "ed.preview_lang": ("Preview in", "預覽語言", "预览语言"),
    "ed.preview_note": (
        "Every section and question, as respondents see them; conditions say when they are asked.",
        "所有部分和問題，與答卷人所見相同；條件說明何時會提問。",
        "所有部分和问题，与答卷人所见相同；条件说明何时会提问。",
    ),
    "ed.no_changes": (
        "No changes from version {version}.",
        "與版本 {version} 相比沒有改動。",
        "与版本 {version} 相比没有改动。",
    ),
    "ed.changes_caption": (
        "Lines removed (−) and added (+) compared with version {version}, the one in use.",
        "與現用版本 {version} 相比，刪除（−）及新增（+）的行。",
        "与当前版本 {version} 相比，删除（−）及新增（+）的行。",
    ),
    "ed.impact_intro": (
        "Re-scores every completed assessment with this draft, with answers carried over as a re-assessment "
        "would carry them. Stored results do not change.",
        "以此草稿重新計算每份已完成評估的分數，答案按重新評估的方式沿用。已儲存的結果不會改變。",
        "以此草稿重新计算每份已完成评估的分数，答案按重新评估的方式沿用。已保存的结果不会改变。",
    ),
    "ed.impact_run": ("Re-score stored assessments", "重新計算已儲存的評估", "重新计算已保存的评估"),
    "ed.impact_none": (
        "No completed assessments yet: nothing would change.",
        "尚未有已完成的評估：不會有任何改變。",
        "尚无已完成的评估：不会有任何变化。",
    ),
    "ed.impact_count": ("Assessments re-scored", "重新計算的評估", "重新计算的评估"),
    "ed.impact_up": ("Would move up a maturity level", "成熟度會上升", "成熟度会上升"),
    "ed.impact_down": ("Would move down a maturity level", "成熟度會下降", "成熟度会下降"),
    "ed.impact_mean": ("Mean overall score", "平均總分", "平均总分"),
    "ed.impact_dropped": (
        "{count} stored answers would not carry over (their question changed or went).",
        "有 {count} 個已儲存的答案無法沿用（相關問題已更改或刪除）。",
        "有 {count} 个已保存的答案无法沿用（相关问题已更改或删除）。",
    ),
    "ed.col_section": ("Section", "部分", "部分"),
    "ed.col_before": ("Mean now", "現時平均", "当前平均"),
    "ed.col_after": ("Mean with the draft", "採用草稿後平均", "采用草稿后平均"),
    "ed.col_shift": ("Shift", "變化", "变化"),
    "ed.col_compared": ("Assessments", "評估數目", "评估数目"),
    "ed.publish_version": (
        "The draft will be published as version {version}.",
        "此草稿將發布為版本 {version}。",
        "此草稿将发布为版本 {version}。",
    ),
    "ed.version_not_new": (
        "Version {version} is not new. Change `version:` in the text to a number higher than {current}, "
        "e.g. {suggested}.",
        "版本 {version} 並非新版本。請把內容中的 `version:` 改為高於 {current} 的號碼，例如 {suggested}。",
        "版本 {version} 不是新版本。请把内容中的 `version:` 改为高于 {current} 的号码，例如 {suggested}。",
    ),
    "ed.note": ("What changed (shown in the history)", "改動說明（會在歷史中顯示）", "改动说明（会在历史中显示）"),
    "ed.publish": ("Publish", "發布", "发布"),
    "ed.published": (
        "Published version {version}. New assessments use it from now on.",
        "已發布版本 {version}。新評估即時起採用此版本。",
        "已发布版本 {version}。新评估即时起采用此版本。",
    ),
    "ed.refused": ("Not published: {reason}", "未能發布：{reason}", "未能发布：{reason}"),
    "ed.col_version": ("Version", "版本", "版本"),
    "ed.col_source": ("From", "來源", "来源"),
    "ed.col_published": ("Published", "發布時間", "发布时间"),
    "ed.col_by": ("By", "發布者", "发布者"),
    "ed.col_note": ("Note", "說明", "说明"),
    "ed.col_assessments": ("Assessments", "評估數目", "评估数目"),
    "ed.col_current": ("In use", "現正使用", "当前使用"),
    "ed.source.bundled": ("release", "隨軟件發行", "随软件发行"),
    "ed.source.staff": ("staff", "職員", "职员"),
    "ed.history_download": (
        "Download version {version} (YAML)",
        "下載版本 {version}（YAML）",
        "下载版本 {version}（YAML）",
    ),
    "ed.pick_version": ("Version", "版本", "版本"),
    "ed.rollback_title": ("Roll back", "還原", "回滚"),
    "ed.rollback_intro": (
        "Publishes an earlier version's content again under a new version number; nothing is deleted.",
        "以新的版本號重新發布較早版本的內容；不會刪除任何內容。",
        "以新的版本号重新发布较早版本的内容；不会删除任何内容。",
    ),
    "ed.rollback_new": ("New version number", "新版本號", "新版本号"),
    "ed.rollback": ("Roll back to version {version}", "還原至版本 {version}", "回滚至版本 {version}"),
    "ed.rolled_back": (
        "Version {old} is back in use as version {new}.",
        "版本 {old} 已重新使用，新版本號為 {new}。",
        "版本 {old} 已重新使用，新版本号为 {new}。",
    ),
    "ed.storage_error": ("That did not work: {reason}", "操作未能完成：{reason}", "操作未能完成：{reason}"),
}
