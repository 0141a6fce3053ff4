"""Interface text in three languages, from one catalogue. Questionnaire content has its own
translations in the YAML; this file holds only the words of the interface."""

from __future__ import annotations

from ui.messages import accounts, adviser, editor, insights, privacy

LANGUAGES: dict[str, str] = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}
DEFAULT_LANGUAGE = "en"

# key -> (English, Traditional Chinese as used in Hong Kong, Simplified Chinese as used in the Mainland)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ shared
    "app.name": ("IP Ready", "知識產權準備度評估", "知识产权准备度评估"),
    "app.tagline": (
        "How ready is your company to protect and use its intellectual property?",
        "貴公司在保護和運用知識產權方面準備得如何？",
        "贵公司在保护和运用知识产权方面准备得如何？",
    ),
    "nav.start": ("Start", "開始", "开始"),
    "nav.questionnaire": ("Questionnaire", "問卷", "问卷"),
    "nav.results": ("Results", "結果", "结果"),
    "nav.section.assessment": ("Self-assessment", "自我評估", "自我评估"),
    "nav.section.adviser": ("Adviser", "顧問", "顾问"),
    "nav.section.staff": ("Programme staff", "計劃職員", "计划职员"),
    "nav.section.account": ("Account", "帳戶", "账户"),
    "nav.login": ("Adviser and staff sign-in", "顧問及職員登入", "顾问及职员登录"),
    "nav.account": ("My account", "我的帳戶", "我的账户"),
    "nav.users": ("Accounts", "帳戶管理", "账户管理"),
    "nav.portfolio": ("My clients", "我的客戶", "我的客户"),
    "nav.client": ("Client", "客戶", "客户"),
    "nav.dashboard": ("Programme dashboard", "計劃概覽", "计划概览"),
    "nav.my_data": ("My data and sharing", "我的資料及分享", "我的数据及分享"),
    "auth.required": (
        "Please sign in to see this page.",
        "請先登入以查看此頁。",
        "请先登录以查看此页。",
    ),
    "auth.forbidden": (
        "Your account cannot open this page.",
        "你的帳戶無權開啟此頁。",
        "你的账户无权打开此页。",
    ),
    "language": ("Language", "語言", "语言"),
    "disclaimer": (
        "General information, not legal advice. For decisions about your IP, speak to a qualified professional.",
        "本評估只提供一般資料，並非法律意見。就知識產權作出決定前，請諮詢合資格的專業人士。",
        "本评估仅提供一般信息，不构成法律意见。就知识产权作出决定前，请咨询具备资质的专业人士。",
    ),
    "error.storage": (
        "Your answer could not be saved just now. It is kept on this page; please try again in a moment.",
        "暫時未能儲存你的答案。答案仍保留在此頁，請稍後再試。",
        "暂时无法保存你的答案。答案仍保留在此页，请稍后再试。",
    ),
    "error.schema": (
        "The database needs updating before the app can start. Run: ipready db upgrade",
        "資料庫需要更新後才可啟動本應用程式。請執行：ipready db upgrade",
        "数据库需要更新后才能启动本应用。请运行：ipready db upgrade",
    ),
    "error.database": (
        "The database cannot be reached just now, so nothing can be shown or saved. Please try again in a few minutes.",
        "暫時無法連接資料庫，因此未能顯示或儲存任何內容。請於數分鐘後再試。",
        "暂时无法连接数据库，因此无法显示或保存任何内容。请在几分钟后再试。",
    ),
    "error.questionnaire": (
        "The questionnaire cannot be used:",
        "問卷有錯誤，暫時無法使用：",
        "问卷有错误，暂时无法使用：",
    ),
    "no_assessment": (
        "No assessment is open. Start a new one or resume with your code.",
        "尚未開啟任何評估。請開始新評估，或以續填碼繼續。",
        "尚未打开任何评估。请开始新评估，或使用续填码继续。",
    ),
    "go_start": ("Go to the start page", "前往開始頁", "前往开始页"),
    # ------------------------------------------------------------------ landing
    "start.intro": (
        "Answer questions about how your company creates, protects and uses intellectual property: "
        "strategy, patents, trade marks, copyright and trade secrets, management, legal services, "
        "commercialisation and protection across Hong Kong, the Mainland and Macao. You get a score, "
        "charts and an action plan that points you to the kinds of help available.",
        "回答有關貴公司如何創造、保護和運用知識產權的問題，涵蓋策略、專利、商標、版權及營業秘密、"
        "管理、法律服務、商品化，以及在香港、內地和澳門的保護。完成後你會得到評分、圖表，"
        "以及一份指向相關支援服務的行動計劃。",
        "回答有关贵公司如何创造、保护和运用知识产权的问题，涵盖战略、专利、商标、版权及商业秘密、"
        "管理、法律服务、商业化，以及在香港、内地和澳门的保护。完成后你会得到评分、图表，"
        "以及一份指向相关支持服务的行动计划。",
    ),
    "start.time": (
        "It takes about 20–30 minutes. You can stop at any time and continue later with your resume code.",
        "約需 20 至 30 分鐘。你可隨時暫停，稍後以續填碼繼續。",
        "约需 20 至 30 分钟。你可随时暂停，稍后使用续填码继续。",
    ),
    "start.privacy_title": ("Privacy", "私隱", "隐私"),
    "start.privacy": (
        "We store your answers, the company name if you give one, your language and the dates of the "
        "assessment. We do not ask for personal data. Your resume code is stored only in a scrambled form "
        "(a digest), so nobody can read it from our database: keep it safe. Your answers are used for your "
        "results; they count in anonymous peer comparisons only if you opt in below, and only in groups of "
        "at least five companies.",
        "我們會儲存你的答案、你提供的公司名稱、語言及評估日期，不會要求個人資料。續填碼只以不可還原的"
        "摘要形式儲存，任何人都無法從資料庫讀取，請妥善保管。你的答案只用於產生你的結果；只有在你於下方"
        "選擇參與時，才會以匿名方式計入同業比較，而且每組至少有五間公司。",
        "我们会保存你的答案、你提供的公司名称、语言及评估日期，不会要求个人信息。续填码仅以不可还原的"
        "摘要形式保存，任何人都无法从数据库读取，请妥善保管。你的答案仅用于生成你的结果；只有在你于下方"
        "选择参与时，才会以匿名方式计入同行比较，且每组至少有五家公司。",
    ),
    "start.consent": (
        "I have read the privacy notice and agree that my answers are stored for this assessment.",
        "我已閱讀私隱聲明，並同意為本評估儲存我的答案。",
        "我已阅读隐私声明，并同意为本评估保存我的答案。",
    ),
    "start.benchmark": (
        "Include my completed result, anonymously, in peer comparisons (optional).",
        "將我已完成的結果以匿名方式納入同業比較（可選）。",
        "将我已完成的结果以匿名方式纳入同行比较（可选）。",
    ),
    "start.new": ("Start a new assessment", "開始新評估", "开始新评估"),
    "start.need_consent": (
        "Please accept the privacy notice to start.",
        "請先同意私隱聲明，然後開始。",
        "请先同意隐私声明，然后开始。",
    ),
    "start.resume_title": ("Continue an assessment", "繼續已開始的評估", "继续已开始的评估"),
    "start.resume_label": ("Your resume code", "你的續填碼", "你的续填码"),
    "start.resume_button": ("Continue", "繼續", "继续"),
    "start.resume_invalid": (
        "This code does not match any assessment. Check it and try again: it has 20 letters and digits, "
        "such as 7K2M-QX4D-9PAT-H3WC-RB6E.",
        "此續填碼不對應任何評估。請檢查後再試：續填碼共 20 個字母及數字，例如 7K2M-QX4D-9PAT-H3WC-RB6E。",
        "此续填码不对应任何评估。请检查后再试：续填码共 20 个字母和数字，例如 7K2M-QX4D-9PAT-H3WC-RB6E。",
    ),
    "start.continue_open": ("Continue your assessment", "繼續你的評估", "继续你的评估"),
    "code.title": ("Your resume code", "你的續填碼", "你的续填码"),
    "code.explain": (
        "Write this code down or bookmark the link. It is the only key to your assessment: we cannot show "
        "it again or recover it.",
        "請記下此續填碼或將連結加入書籤。這是打開你的評估的唯一鑰匙，我們無法再次顯示或補發。",
        "请记下此续填码或将链接加入书签。这是打开你的评估的唯一钥匙，我们无法再次显示或找回。",
    ),
    "code.link": ("Resume link", "續填連結", "续填链接"),
    "code.noted": ("I have noted it", "我已記下", "我已记下"),
    # ------------------------------------------------------------------ questionnaire
    "q.progress": (
        "{answered} of {total} required questions answered",
        "已回答 {answered} / {total} 條必答題",
        "已回答 {answered} / {total} 道必答题",
    ),
    "q.sections": ("Sections", "部分", "部分"),
    "q.company": ("Company name (optional)", "公司名稱（可選）", "公司名称（可选）"),
    "q.saved": ("Saved at {time}", "已於 {time} 儲存", "已于 {time} 保存"),
    "q.not_saved_yet": (
        "Answers are saved as you give them.",
        "答案會在你作答時即時儲存。",
        "答案会在你作答时即时保存。",
    ),
    "q.previous": ("Previous section", "上一部分", "上一部分"),
    "q.next": ("Next section", "下一部分", "下一部分"),
    "q.finish": ("See my results", "查看我的結果", "查看我的结果"),
    "q.na": ("Not applicable", "不適用", "不适用"),
    "q.dont_know": ("Don't know", "不清楚", "不清楚"),
    "q.yes": ("Yes", "是", "是"),
    "q.no": ("No", "否", "否"),
    "q.optional": ("optional", "可選", "可选"),
    "q.number_placeholder": ("Enter a number", "請輸入數字", "请输入数字"),
    "q.missing_title": (
        "Please answer these questions before seeing your results:",
        "查看結果前，請先回答以下問題：",
        "查看结果前，请先回答以下问题：",
    ),
    "q.go_to": ("Go to {section}", "前往「{section}」", "前往“{section}”"),
    "q.section_done": ("complete", "已完成", "已完成"),
    "q.carried_over": (
        "Your earlier answers were carried over. These could not be, because the questionnaire changed:",
        "已沿用你之前的答案。以下答案因問卷更新而未能沿用：",
        "已沿用你之前的答案。以下答案因问卷更新而未能沿用：",
    ),
    # ------------------------------------------------------------------ results
    "r.title": ("Your IP readiness results", "你的知識產權準備度結果", "你的知识产权准备度结果"),
    "r.overall": ("Overall score", "整體評分", "总体评分"),
    "r.level": (
        "Maturity level {level} of {levels}: {name}",
        "成熟度第 {level} 級（共 {levels} 級）：{name}",
        "成熟度第 {level} 级（共 {levels} 级）：{name}",
    ),
    "r.meta": (
        'Assessed on {date} with the questionnaire "{questionnaire}", version {version}.',
        "於 {date} 以問卷「{questionnaire}」（版本 {version}）評估。",
        "于 {date} 使用问卷“{questionnaire}”（版本 {version}）评估。",
    ),
    "r.sections_chart": ("Score by section", "各部分評分", "各部分评分"),
    "r.dimensions_chart": ("Score by dimension", "各範疇評分", "各维度评分"),
    "r.chart_table": ("The chart's data as a table", "圖表數據（表格）", "图表数据（表格）"),
    "r.col_section": ("Section", "部分", "部分"),
    "r.col_dimension": ("Dimension", "範疇", "维度"),
    "r.col_score": ("Score", "評分", "评分"),
    "r.col_question": ("Question", "問題", "问题"),
    "r.col_answer": ("Answer", "答案", "答案"),
    "r.col_points": ("Points earned", "所得分數", "所得分数"),
    "r.col_max": ("Points possible", "可得分數", "可得分数"),
    "r.col_weight": ("Weight", "比重", "权重"),
    "r.col_previous": ("Previous", "上次", "上次"),
    "r.col_change": ("Change", "變化", "变化"),
    "r.not_assessed": ("not assessed", "未評估", "未评估"),
    "r.dim.protection": ("Protection", "保護", "保护"),
    "r.dim.management": ("Management", "管理", "管理"),
    "r.dim.exploitation": ("Exploitation", "運用", "运用"),
    "r.flags": ("Critical issues", "重大問題", "重大问题"),
    "r.flag_cap": (
        "{section} is capped at {cap} until this is fixed.",
        "在改善此問題前，「{section}」的評分上限為 {cap}。",
        "在改善此问题前，“{section}”的评分上限为 {cap}。",
    ),
    "r.plan": ("Your action plan", "你的行動計劃", "你的行动计划"),
    "r.plan_intro": (
        "The actions that would raise your score the most come first, weighted by priority.",
        "最能提升評分的行動排在最前，並按優先次序加權。",
        "最能提升评分的行动排在最前，并按优先级加权。",
    ),
    "r.plan_empty": (
        "No actions: your answers already match the practices this questionnaire looks for.",
        "沒有建議行動：你的答案已符合本問卷所列的做法。",
        "没有建议行动：你的答案已符合本问卷所列的做法。",
    ),
    "r.quick_win": ("Quick win", "速效行動", "速效行动"),
    "r.priority": ("Priority: {value}", "優先次序：{value}", "优先级：{value}"),
    "r.effort": ("Effort: {value}", "所需投入：{value}", "所需投入：{value}"),
    "r.gain": ("Up to {points} points", "最多可加 {points} 分", "最多可加 {points} 分"),
    "r.level.high": ("high", "高", "高"),
    "r.level.medium": ("medium", "中", "中"),
    "r.level.low": ("low", "低", "低"),
    "r.contact": ("Where to get help", "可尋求協助的機構", "可寻求帮助的机构"),
    "r.more_actions": ("More actions ({count})", "更多行動（{count} 項）", "更多行动（{count} 项）"),
    "r.gaps": ("Knowledge gaps", "知識缺口", "知识缺口"),
    "r.gaps_intro": (
        'You answered "don\'t know" here. Finding out is a first step: each counts as 0 until answered.',
        "你在以下問題選擇了「不清楚」。先了解實際情況是第一步；未有答案前，每題以 0 分計算。",
        "你在以下问题选择了“不清楚”。先了解实际情况是第一步；未有答案前，每题按 0 分计算。",
    ),
    "r.how": ("How your score was made", "評分如何計算", "评分如何计算"),
    "r.how_intro": (
        "Each answer scores from 0 to 100. A section's score is the weighted average of its answered "
        'questions ("not applicable" answers are left out; "don\'t know" counts as 0). The overall score '
        'is the weighted average of the sections. "Points earned" shows how many of the 100 overall points '
        "each answer brings, out of the points it could bring.",
        "每個答案的評分介乎 0 至 100。各部分的評分是該部分已回答問題的加權平均（「不適用」不計算；"
        "「不清楚」以 0 分計算）。整體評分是各部分評分的加權平均。「所得分數」顯示每個答案在整體 100 分"
        "中帶來的分數，以及最多可帶來的分數。",
        "每个答案的评分介于 0 至 100。各部分的评分是该部分已回答问题的加权平均（“不适用”不计算；"
        "“不清楚”按 0 分计算）。总体评分是各部分评分的加权平均。“所得分数”显示每个答案在总体 100 分"
        "中带来的分数，以及最多可带来的分数。",
    ),
    "r.downloads": ("Download", "下載", "下载"),
    "r.download_pdf": ("Report (PDF)", "報告（PDF）", "报告（PDF）"),
    "r.download_html": ("Report (HTML)", "報告（HTML）", "报告（HTML）"),
    "r.download_xlsx": ("Spreadsheet (XLSX)", "試算表（XLSX）", "电子表格（XLSX）"),
    "r.download_result": ("Result (JSON)", "結果（JSON）", "结果（JSON）"),
    "r.download_answers": ("Answers (JSON)", "答案（JSON）", "答案（JSON）"),
    "r.download_csv": ("Answers and scores (CSV)", "答案及評分（CSV）", "答案及评分（CSV）"),
    "r.change_title": ("Change since your previous assessment", "與上次評估比較", "与上次评估比较"),
    "r.reassess": ("Start a re-assessment from these answers", "以這些答案開始重新評估", "以这些答案开始重新评估"),
    "r.reassess_help": (
        "A new assessment, pre-filled with your current answers, to record progress later.",
        "建立一份以現有答案預先填寫的新評估，方便日後記錄進展。",
        "创建一份以现有答案预先填写的新评估，便于日后记录进展。",
    ),
    "r.edit": ("Change my answers", "修改我的答案", "修改我的答案"),
    "r.status.in_progress": ("in progress", "進行中", "进行中"),
    "r.status.completed": ("completed", "已完成", "已完成"),
    "r.status.amended": ("amended after completion", "完成後曾修改", "完成后曾修改"),
}


def _merge(*parts: dict[str, tuple[str, str, str]]) -> None:
    for part in parts:
        clash = MESSAGES.keys() & part.keys()
        if clash:
            raise ValueError(f"interface text keys defined twice: {sorted(clash)}")
        MESSAGES.update(part)


_merge(accounts.MESSAGES, adviser.MESSAGES, editor.MESSAGES, insights.MESSAGES, privacy.MESSAGES)

_INDEX = {"en": 0, "zh-Hant": 1, "zh-Hans": 2}


def t(key: str, lang: str, **values: object) -> str:
    """The interface text `key` in `lang`, with {placeholders} filled in."""
    text = MESSAGES[key][_INDEX.get(lang, 0)]
    return text.format(**values) if values else text
