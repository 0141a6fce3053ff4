"""The words of the reports that are not questionnaire content, in three languages.

Questionnaire texts (questions, options, advice, disclaimer) come from the YAML in the result's
language; everything else a report prints comes from here. Terms follow questionnaires/GLOSSARY.md
and the app's catalogue (ui/i18n.py), so a client reads the same words on screen and on paper.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "zh-Hant", "zh-Hans")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}

# key -> (English, Traditional Chinese as used in Hong Kong, Simplified Chinese as used in the Mainland)
MESSAGES: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ cover
    "report.title": ("IP readiness report", "知識產權準備度報告", "知识产权准备度报告"),
    "report.subtitle": (
        "Self-assessment of IP protection and management capacity",
        "知識產權保護及管理能力自我評估",
        "知识产权保护与管理能力自评",
    ),
    "cover.company": ("Company", "公司", "企业"),
    "cover.no_company": ("(company name not given)", "（未填公司名稱）", "（未填写企业名称）"),
    "cover.date": ("Assessed on", "評估日期", "评估日期"),
    "cover.questionnaire": ("Questionnaire", "問卷", "问卷"),
    "cover.version": ("version {version}", "版本 {version}", "版本 {version}"),
    "cover.language": ("Language", "語言", "语言"),
    "cover.adviser": ("Adviser", "顧問", "顾问"),
    "cover.comment": ("Adviser's summary", "顧問摘要", "顾问摘要"),
    "cover.contents": ("Contents", "目錄", "目录"),
    # ------------------------------------------------------------------ summary
    "summary.title": ("Executive summary", "摘要", "摘要"),
    "summary.overall": ("Overall score", "整體評分", "总体评分"),
    "summary.out_of": ("out of 100", "滿分 100", "满分 100"),
    "summary.not_assessed": ("not assessed", "未評估", "未评估"),
    "summary.level": (
        "Maturity level {level} of {levels}: {name}",
        "成熟度第 {level} 級（共 {levels} 級）：{name}",
        "成熟度第 {level} 级（共 {levels} 级）：{name}",
    ),
    "summary.strongest": ("Strongest areas", "表現最好的範疇", "表现最好的方面"),
    "summary.weakest": ("Areas to develop first", "最需改善的範疇", "最需改进的方面"),
    "summary.incomplete": (
        "Incomplete: {percent}% of the required questions are answered. The scores cover only what was answered.",
        "尚未完成：已回答 {percent}% 的必答題。評分只反映已回答的部分。",
        "尚未完成：已回答 {percent}% 的必答题。评分只反映已回答的部分。",
    ),
    "summary.counts": (
        "{actions} recommended actions, {quick} of them quick wins; {flags} critical issues; {gaps} knowledge gaps.",
        "建議行動 {actions} 項（其中速效行動 {quick} 項）；重大問題 {flags} 項；知識缺口 {gaps} 項。",
        "建议行动 {actions} 项（其中速效行动 {quick} 项）；重大问题 {flags} 项；知识缺口 {gaps} 项。",
    ),
    "summary.top_actions": ("First actions", "首要行動", "首要行动"),
    # ------------------------------------------------------------------ charts
    "charts.title": ("Profile", "評分概覽", "评分概览"),
    "charts.sections": ("Score by section", "各部分評分", "各部分评分"),
    "charts.dimensions": ("Score by dimension", "各範疇評分", "各维度评分"),
    "charts.dimensions_intro": (
        "Protection: rights secured. Management: people, records and routines. Exploitation: IP used to earn "
        "and grow. Red-flag caps do not apply here.",
        "保護：已取得的權利。管理：人員、紀錄及日常程序。運用：以知識產權賺取收益及拓展業務。此處不套用重大問題的評分上限。",
        "保护：已取得的权利。管理：人员、记录和日常流程。运用：利用知识产权创收和发展。此处不适用重大问题的评分上限。",
    ),
    "dim.protection": ("Protection", "保護", "保护"),
    "dim.management": ("Management", "管理", "管理"),
    "dim.exploitation": ("Exploitation", "運用", "运用"),
    # ------------------------------------------------------------------ sections
    "sections.title": ("Scores by section", "各部分評分詳情", "各部分评分详情"),
    "sections.intro": (
        "Each answer scores from 0 to 100. Points: what the answer adds to the overall score, out of what it "
        "could add.",
        "每個答案的評分介乎 0 至 100。分數：該答案為整體評分帶來的分數，以及最多可帶來的分數。",
        "每个答案的评分介于 0 至 100。分数：该答案为总体评分带来的分数，以及最多可带来的分数。",
    ),
    "sections.weight": ("weight {weight}", "比重 {weight}", "权重 {weight}"),
    "sections.answered": (
        "{answered} of {visible} questions answered",
        "已答 {answered} / {visible} 題",
        "已答 {answered} / {visible} 题",
    ),
    "sections.capped": (
        "Capped at {cap} by a critical answer (without the cap: {raw}).",
        "因重大問題，評分上限為 {cap}（不計上限時為 {raw}）。",
        "因重大问题，评分上限为 {cap}（不计上限时为 {raw}）。",
    ),
    "status.answered": ("answered", "已回答", "已回答"),
    "status.assessed": ("assessed", "已評估", "已评估"),
    "status.unscored": ("not scored", "不計分", "不计分"),
    "status.not_applicable": ("not applicable", "不適用", "不适用"),
    "status.unanswered": ("not answered yet", "尚未回答", "尚未回答"),
    "status.hidden": ("does not apply to this company", "不適用於貴公司", "不适用于贵企业"),
    "status.dont_know": ("don't know", "不清楚", "不清楚"),
    "col.section": ("Section", "部分", "部分"),
    "col.question": ("Question", "問題", "问题"),
    "col.answer": ("Answer", "答案", "答案"),
    "col.score": ("Score", "評分", "评分"),
    "col.points": ("Points", "分數", "分数"),
    "col.weight": ("Weight", "比重", "权重"),
    "col.dimension": ("Dimension", "範疇", "维度"),
    "col.level": ("Level", "級別", "等级"),
    "col.from_score": ("From score", "最低評分", "最低评分"),
    "col.description": ("Description", "說明", "说明"),
    # ------------------------------------------------------------------ plan
    "plan.title": ("Action plan", "行動計劃", "行动计划"),
    "plan.intro": (
        "The actions that would raise the score the most come first, weighted by priority. Gain: points of the "
        "overall score the action could add.",
        "最能提升評分的行動排在最前，並按優先次序加權。可加分數：該行動最多可為整體評分增加的分數。",
        "最能提升评分的行动排在最前，并按优先级加权。可加分数：该行动最多可为总体评分增加的分数。",
    ),
    "plan.empty": (
        "No actions: the answers already match the practices this questionnaire looks for.",
        "沒有建議行動：答案已符合本問卷所列的做法。",
        "没有建议行动：答案已符合本问卷所列的做法。",
    ),
    "plan.priority": ("Priority", "優先次序", "优先级"),
    "plan.effort": ("Effort", "所需投入", "所需投入"),
    "plan.gain": ("Gain", "可加分數", "可加分数"),
    "plan.gain_value": ("+{points} points", "+{points} 分", "+{points} 分"),
    "plan.more": ("Further actions", "其他行動", "其他行动"),
    "plan.quick_win": ("Quick win", "速效行動", "速效行动"),
    "plan.contact": ("Where to get help", "可尋求協助的機構", "可寻求帮助的机构"),
    "level.high": ("high", "高", "高"),
    "level.medium": ("medium", "中", "中"),
    "level.low": ("low", "低", "低"),
    # ------------------------------------------------------------------ flags and gaps
    "flags.title": ("Critical issues", "重大問題", "重大问题"),
    "flags.intro": (
        "These answers are red flags: each caps the score of its section until it is fixed.",
        "以下答案屬重大問題：在改善前，每項都會限制所屬部分的評分上限。",
        "以下答案属于重大问题：在改进前，每项都会限制所属部分的评分上限。",
    ),
    "flags.cap": (
        "{section} is capped at {cap}.",
        "「{section}」的評分上限為 {cap}。",
        "“{section}”的评分上限为 {cap}。",
    ),
    "flags.none": ("No critical issues.", "沒有重大問題。", "没有重大问题。"),
    "gaps.title": ("Knowledge gaps", "知識缺口", "知识缺口"),
    "gaps.intro": (
        'The answer to these questions was "don\'t know". Finding out is often the first, cheapest step: each '
        "counts as the worst answer until it is answered.",
        "以下問題的答案是「不清楚」。先了解實際情況往往是最簡單、成本最低的第一步；未有答案前，每題按最差答案計算。",
        "以下问题的答案是“不清楚”。先了解实际情况往往是最简单、成本最低的第一步；未有答案前，每题按最差答案计算。",
    ),
    "gaps.none": ("No knowledge gaps.", "沒有知識缺口。", "没有知识缺口。"),
    # ------------------------------------------------------------------ appendix
    "appendix.title": ("Appendix: all answers", "附錄：全部答案", "附录：全部答案"),
    "appendix.intro": (
        "Every question shown to the company, with the answer as it was given.",
        "向貴公司顯示的每條問題及所填答案。",
        "向贵企业显示的每道问题及所填答案。",
    ),
    "appendix.hidden": (
        "Answers kept but not used (an earlier answer means the question no longer applies)",
        "已保留但不計算的答案（因較早的答案，該問題已不適用）",
        "已保留但不计算的答案（因之前的答案，该问题已不适用）",
    ),
    "answer.na": ("Not applicable", "不適用", "不适用"),
    "answer.dont_know": ("Don't know", "不清楚", "不清楚"),
    "answer.none": ("Not answered", "未回答", "未回答"),
    "answer.yes": ("Yes", "是", "是"),
    "answer.no": ("No", "否", "否"),
    "answer.scale": ("{value} (scale {min} to {max})", "{value}（{min} 至 {max} 分）", "{value}（{min} 至 {max} 分）"),
    # ------------------------------------------------------------------ methodology
    "method.title": ("How the score is calculated", "評分如何計算", "评分如何计算"),
    "method.answers": (
        "Each answer scores from 0 to 100: the best answer 100, the worst 0. One choice scores the points of the "
        "option chosen; several choices add up the points of the options ticked, up to 100; a scale is spread "
        "evenly (on 1 to 5, 4 scores 75); a number scores the points of the highest band it reaches. Free text is "
        "not scored.",
        "每個答案的評分介乎 0 至 100：最佳答案得 100 分，最差得 0 分。單選題按所選選項計分；"
        "多選題把所選選項的分數相加，最高 100 分；量表平均分佈（1 至 5 的量表中，4 得 75 分）；"
        "數字題按所達到的最高分數段計分。文字題不計分。",
        "每个答案的评分介于 0 至 100：最佳答案得 100 分，最差得 0 分。单选题按所选选项计分；"
        "多选题把所选选项的分数相加，最高 100 分；量表均匀分布（1 至 5 的量表中，4 得 75 分）；"
        "数字题按达到的最高分数段计分。文字题不计分。",
    ),
    "method.special": (
        '"Not applicable" leaves a question out: it neither helps nor hurts. "Don\'t know" counts as the worst '
        "answer and is listed as a knowledge gap.",
        "「不適用」的問題不計算，既不加分也不扣分。「不清楚」按最差答案計算，並列為知識缺口。",
        "“不适用”的问题不计算，既不加分也不扣分。“不清楚”按最差答案计算，并列为知识缺口。",
    ),
    "method.sections": (
        "A section's score is the weighted average of its answered questions. Sections that do not apply, or in "
        'which every answer is "not applicable", have no score and are left out.',
        "各部分的評分是該部分已回答問題的加權平均。不適用的部分，或全部答案均為「不適用」的部分，不設評分，亦不計入整體評分。",
        "各部分的评分是该部分已回答问题的加权平均。不适用的部分，或全部答案均为“不适用”的部分，不设评分，也不计入总体评分。",
    ),
    "method.caps": (
        "Some answers are red flags, such as staff who sign no confidentiality agreement. A red flag caps its "
        "section's score, however well the other questions went; with several, the lowest cap counts.",
        "部分答案屬重大問題，例如員工沒有簽署保密協議。重大問題會限制所屬部分的評分上限，不論其他問題表現多好；"
        "如有多項，以最低的上限為準。",
        "部分答案属于重大问题，例如员工没有签署保密协议。重大问题会限制所属部分的评分上限，无论其他问题表现多好；"
        "如有多项，以最低的上限为准。",
    ),
    "method.overall": (
        "The overall score is the weighted average of the section scores, with the section weights below. The "
        "maturity level is the highest level whose starting score the overall score reaches.",
        "整體評分是各部分評分按下表比重計算的加權平均。成熟度級別是整體評分所達到的最高級別。",
        "总体评分是各部分评分按下表权重计算的加权平均。成熟度等级是总体评分达到的最高等级。",
    ),
    "method.dimensions": (
        "Every scored question also belongs to one dimension: protection, management or exploitation. A "
        "dimension's score is the weighted average of its questions, each weighing as much as in the overall "
        "score; red-flag caps are not applied there.",
        "每條計分問題亦屬於一個範疇：保護、管理或運用。範疇評分是其問題的加權平均，每題的比重與整體評分相同；"
        "範疇評分不套用重大問題的上限。",
        "每道计分问题也属于一个维度：保护、管理或运用。维度评分是其问题的加权平均，每题的权重与总体评分相同；"
        "维度评分不适用重大问题的上限。",
    ),
    "method.plan": (
        "Gain is how many points the overall score would rise if the action were taken, everything else staying "
        "the same. Actions are ranked by priority (high 3, medium 2, low 1) times (1 + gain). A quick win takes "
        "little effort and gains at least 1 point.",
        "可加分數是在其他答案不變的情況下，採取該行動後整體評分可提升的分數。行動按優先次序（高 3、中 2、低 1）"
        "乘以（1 + 可加分數）排列。速效行動是所需投入低、並可加至少 1 分的行動。",
        "可加分数是在其他答案不变的情况下，采取该行动后总体评分可提升的分数。行动按优先级（高 3、中 2、低 1）"
        "乘以（1 + 可加分数）排序。速效行动是所需投入低、并可加至少 1 分的行动。",
    ),
    "method.rounding": (
        "Scores are calculated exactly and shown to 2 decimals; levels and thresholds compare the number shown.",
        "評分按精確數值計算，顯示至小數點後兩位；級別及門檻以顯示的數值比較。",
        "评分按精确数值计算，显示至小数点后两位；等级和门槛以显示的数值比较。",
    ),
    "method.equal_weights": (
        "In this questionnaire every section weighs the same.",
        "本問卷各部分的比重相同。",
        "本问卷各部分的权重相同。",
    ),
    "method.weights": ("Section weights", "各部分比重", "各部分权重"),
    "method.levels": ("Maturity levels", "成熟度級別", "成熟度等级"),
    # ------------------------------------------------------------------ notice and footer
    "notice.title": ("General information, not legal advice", "一般資料，並非法律意見", "一般性信息，不构成法律意见"),
    "notice.default": (
        "This report gives general information only. It is not legal advice. For decisions about your IP, "
        "speak to a qualified professional.",
        "本報告只提供一般資料，並非法律意見。就知識產權作出決定前，請諮詢合資格的專業人士。",
        "本报告仅提供一般性信息，不构成法律意见。就知识产权作出决定前，请咨询具备资质的专业人士。",
    ),
    "footer.page": ("Page", "頁", "页"),
    # ------------------------------------------------------------------ printable questionnaire
    "print.title": ("Questionnaire", "問卷", "问卷"),
    "print.intro": (
        "All the questions, to prepare your answers before you fill in the questionnaire online. Some questions "
        "and sections are asked only after certain answers: the condition is shown next to them.",
        "以下列出所有問題，方便您在網上填寫前預先準備答案。部分問題和部分只會在特定答案後出現，條件已在旁註明。",
        "以下列出全部问题，方便您在线填写前提前准备答案。部分问题和部分只会在特定答案后出现，条件已在旁注明。",
    ),
    "print.section_if": (
        "This section is asked if {condition}.",
        "如{condition}，才需回答本部分。",
        "如{condition}，才需回答本部分。",
    ),
    "print.question_if": ("Asked if {condition}.", "如{condition}，才需回答此題。", "如{condition}，才需回答此题。"),
    "print.optional": ("optional", "可選", "可选"),
    "print.choose_one": ("Choose one.", "請選擇一項。", "请选择一项。"),
    "print.choose_any": ("Tick all that apply.", "可選擇多項。", "可选择多项。"),
    "print.exclusive": ("cannot be combined with other options", "不可與其他選項同選", "不可与其他选项同选"),
    "print.scale": (
        "Choose from {min} to {max}.",
        "請在 {min} 至 {max} 之間選擇。",
        "请在 {min} 至 {max} 之间选择。",
    ),
    "print.number": ("Enter a number.", "請填寫數字。", "请填写数字。"),
    "print.number_unit": ("Enter a number ({unit}).", "請填寫數字（{unit}）。", "请填写数字（{unit}）。"),
    "print.text": ("Write your answer.", "請填寫答案。", "请填写答案。"),
    "print.also": ("You may also answer:", "亦可回答：", "也可回答："),
    "print.questions": ("{count} questions", "共 {count} 題", "共 {count} 题"),
    # ------------------------------------------------------------------ conditions in words
    "cond.equals": ("the answer to {question} is {value}", "{question}的答案是{value}", "{question}的答案是{value}"),
    "cond.not_equals": (
        "the answer to {question} is not {value}",
        "{question}的答案不是{value}",
        "{question}的答案不是{value}",
    ),
    "cond.in": ("the answer to {question} is {values}", "{question}的答案是{values}", "{question}的答案是{values}"),
    "cond.not_in": (
        "the answer to {question} is neither {values}",
        "{question}的答案不是{values}",
        "{question}的答案不是{values}",
    ),
    "cond.contains": (
        "the answers to {question} include {value}",
        "{question}的答案包括{value}",
        "{question}的答案包括{value}",
    ),
    "cond.contains_any": (
        "the answers to {question} include {values}",
        "{question}的答案包括{values}",
        "{question}的答案包括{values}",
    ),
    "cond.gt": (
        "the answer to {question} is more than {value}",
        "{question}的答案大於 {value}",
        "{question}的答案大于 {value}",
    ),
    "cond.gte": (
        "the answer to {question} is at least {value}",
        "{question}的答案至少為 {value}",
        "{question}的答案至少为 {value}",
    ),
    "cond.lt": (
        "the answer to {question} is less than {value}",
        "{question}的答案小於 {value}",
        "{question}的答案小于 {value}",
    ),
    "cond.lte": (
        "the answer to {question} is at most {value}",
        "{question}的答案最多為 {value}",
        "{question}的答案最多为 {value}",
    ),
    "cond.numbered": ("question {number}", "第 {number} 題", "第 {number} 题"),
    "cond.answered": ("{question} is answered", "已回答{question}", "已回答{question}"),
    "cond.not_answered": ("{question} is not answered", "未回答{question}", "未回答{question}"),
    "cond.and": (" and ", "，而且", "，而且"),
    "cond.or": (" or ", "，或", "，或"),
    "cond.either": ("either ", "", ""),
    "cond.not": ("it is not the case that {condition}", "並非{condition}", "并非{condition}"),
    "cond.list_or": (" or ", "或", "或"),
    "cond.list_nor": (" nor ", "或", "或"),
    "cond.list_sep": (", ", "、", "、"),
    "paren.open": ("(", "（", "（"),
    "paren.close": (")", "）", "）"),
    "quote.open": ("“", "「", "“"),
    "quote.close": ("”", "」", "”"),
    # ------------------------------------------------------------------ spreadsheets
    "xlsx.summary": ("Summary", "摘要", "摘要"),
    "xlsx.answers": ("Answers", "答案", "答案"),
    "xlsx.questions": ("Question scores", "問題評分", "问题评分"),
    "xlsx.sections": ("Section scores", "部分評分", "部分评分"),
    "xlsx.plan": ("Action plan", "行動計劃", "行动计划"),
    "xlsx.portfolio": ("Portfolio", "評估一覽", "评估一览"),
    "col.question_id": ("Question id", "問題編號", "问题编号"),
    "col.section_id": ("Section id", "部分編號", "部分编号"),
    "col.status": ("Status", "狀態", "状态"),
    "col.max_points": ("Points possible", "可得分數", "可得分数"),
    "col.raw_score": ("Score before cap", "未計上限的評分", "未计上限的评分"),
    "col.cap": ("Cap", "上限", "上限"),
    "col.answered": ("Answered", "已答", "已答"),
    "col.visible": ("Shown", "顯示", "显示"),
    "col.previous": ("Previous", "上次", "上次"),
    "col.change": ("Change", "變化", "变化"),
    "col.item": ("Item", "項目", "项目"),
    "col.value": ("Value", "數值", "数值"),
    "col.rank": ("Rank", "排序", "排序"),
    "col.title": ("Action", "行動", "行动"),
    "col.action": ("What to do", "具體做法", "具体做法"),
    "col.services": ("Where to get help", "可尋求協助的機構", "可寻求帮助的机构"),
    "col.source": ("Source file", "來源檔案", "来源文件"),
    "col.completion": ("Required questions answered", "必答題完成比例", "必答题完成比例"),
    "col.complete": ("Complete", "已完成", "已完成"),
    "col.flags": ("Critical issues", "重大問題", "重大问题"),
    "col.gaps": ("Knowledge gaps", "知識缺口", "知识缺口"),
    "col.top_action": ("First action", "首要行動", "首要行动"),
    "col.maturity": ("Maturity level", "成熟度級別", "成熟度等级"),
    "col.maturity_name": ("Maturity", "成熟度", "成熟度"),
    "col.version": ("Questionnaire version", "問卷版本", "问卷版本"),
    "col.language": ("Language", "語言", "语言"),
    "col.overall": ("Overall score", "整體評分", "总体评分"),
    "col.company": ("Company", "公司", "企业"),
    "col.date": ("Date", "日期", "日期"),
}

_INDEX = {"en": 0, "zh-Hant": 1, "zh-Hans": 2}


def text(key: str, lang: str, **values: object) -> str:
    """The report text `key` in `lang` (English for an unknown language), placeholders filled in."""
    message = MESSAGES[key][_INDEX.get(lang, 0)]
    return message.format(**values) if values else message


def quoted(value: str, lang: str) -> str:
    """A name in quotation marks of the language: “...” or 「...」."""
    return f"{text('quote.open', lang)}{value}{text('quote.close', lang)}"
