"""Peer benchmarks and the programme dashboard."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ peer benchmarks (results page)
    "peer.title": ("How you compare with similar companies", "與同類公司比較", "与同类企业比较"),
    "peer.invite": (
        "See where your scores sit among comparable companies. Comparison works both ways: it is shown to "
        "companies that take part. If you take part, only your scores count, anonymously, in other companies' "
        "comparisons: never your company name or your answers, and never in a group of fewer than 5 companies.",
        "查看貴公司的分數在同類公司中的位置。比較是互惠的：只向參與的公司顯示。參與後，只有貴公司的分數會以匿名方式"
        "計入其他公司的比較：絕不包括公司名稱或答案，亦絕不會用於少於5間公司的組別。",
        "查看贵企业的分数在同类企业中的位置。比较是互惠的：只向参与的企业显示。参与后，只有贵企业的分数会以匿名方式"
        "计入其他企业的比较：绝不包括企业名称或答案，也绝不会用于少于5家企业的组别。",
    ),
    "peer.opt_in": (
        "Take part in anonymous peer comparison",
        "參與匿名同業比較",
        "参与匿名同业比较",
    ),
    "peer.opt_in_help": (
        "You can leave at any time: your scores then stop counting at once.",
        "你可隨時退出：退出後你的分數會即時不再計算在內。",
        "你可随时退出：退出后你的分数会立即不再计入。",
    ),
    "peer.empty": (
        "There are not yet enough comparable companies to show a comparison. To protect every company's privacy, "
        "a comparison is shown only for a group of at least 5 companies that completed the assessment and agreed "
        "to be compared. Please look again later.",
        "目前未有足夠的同類公司可供比較。為保障每間公司的私隱，只有當組別內至少有5間已完成評估並同意參與比較的"
        "公司時，才會顯示比較結果。請稍後再查看。",
        "目前还没有足够的同类企业可供比较。为保护每家企业的隐私，只有当组别内至少有5家已完成评估并同意参与比较的"
        "企业时，才会显示比较结果。请稍后再查看。",
    ),
    "peer.group": (
        "Compared with: {group}: {count} companies",
        "比較對象：{group}：{count}間公司",
        "比较对象：{group}：{count}家企业",
    ),
    "peer.group_all": ("all companies that took part", "所有參與的公司", "所有参与的企业"),
    "peer.size": ("{size} staff", "員工{size}", "员工{size}"),
    "peer.widened": (
        "Fewer than 5 companies share all of your sector, size and region, so the group is wider.",
        "與貴公司行業、規模及地區完全相同的公司少於5間，因此採用較廣的組別。",
        "与贵企业行业、规模及地区完全相同的企业少于5家，因此采用较宽的组别。",
    ),
    "peer.percentile": ("Your percentile", "你的百分位", "你的百分位"),
    "peer.higher_than": (
        "You score higher than {percent}% of {count} comparable companies (a tie counts as half).",
        "你的分數高於{count}間同類公司中的{percent}%（同分作一半計）。",
        "你的分数高于{count}家同类企业中的{percent}%（同分按一半计）。",
    ),
    "peer.chart": ("Overall scores of the group", "組別的總分分佈", "组别的总分分布"),
    "peer.you_are_here": ("You are here", "你在這裏", "你在这里"),
    "peer.axis_score": ("Overall score", "總分", "总分"),
    "peer.axis_companies": ("Companies", "公司數目", "企业数量"),
    "peer.col_range": ("Score range", "分數範圍", "分数范围"),
    "peer.col_companies": ("Companies", "公司數目", "企业数量"),
    "peer.col_you": ("Your score", "你的分數", "你的分数"),
    "peer.sections": ("By section", "按部分", "按部分"),
    "peer.col_section": ("Section", "部分", "部分"),
    "peer.col_percentile": ("Percentile", "百分位", "百分位"),
    "peer.col_compared": ("Companies compared", "比較公司數目", "比较企业数量"),
    "peer.sections_hidden": (
        "Sections that fewer than 5 companies in the group have scored are left out.",
        "組別內少於5間公司有評分的部分不予顯示。",
        "组别内少于5家企业有评分的部分不予显示。",
    ),
    "peer.unknown": ("not stated", "未有提供", "未提供"),
    # ------------------------------------------------------------------ programme dashboard (staff)
    "dash.title": ("Programme dashboard", "計劃概覽", "计划概览"),
    "dash.intro": (
        "Programme-wide figures only: no company is named or can be picked out here.",
        "此處只顯示整個計劃的數字：不會列出或可辨認任何公司。",
        "此处只显示整个计划的数字：不会列出或可辨认任何企业。",
    ),
    "dash.empty": (
        "No assessments have been started yet. Figures appear here once companies begin.",
        "尚未有任何評估開始。公司開始評估後，數字便會在此顯示。",
        "尚未有任何评估开始。企业开始评估后，数字便会在此显示。",
    ),
    "dash.empty_range": (
        "No assessments in these dates.",
        "所選日期內沒有評估。",
        "所选日期内没有评估。",
    ),
    "dash.dates": ("Dates", "日期", "日期"),
    "dash.period": ("Group by", "分組方式", "分组方式"),
    "dash.week": ("Week", "按週", "按周"),
    "dash.month": ("Month", "按月", "按月"),
    "dash.started": ("Started", "已開始", "已开始"),
    "dash.completed": ("Completed", "已完成", "已完成"),
    "dash.in_progress": ("In progress", "進行中", "进行中"),
    "dash.rate": ("Completion rate", "完成率", "完成率"),
    "dash.rate_help": (
        "Of the assessments started in these dates, the share completed so far.",
        "在所選日期內開始的評估中，至今已完成的比例。",
        "在所选日期内开始的评估中，至今已完成的比例。",
    ),
    "dash.completed_help": (
        "Assessments completed in these dates, whenever they were started.",
        "在所選日期內完成的評估，不論何時開始。",
        "在所选日期内完成的评估，不论何时开始。",
    ),
    "dash.over_time": ("Assessments over time", "評估數目走勢", "评估数量走势"),
    "dash.col_period": ("From", "開始日期", "开始日期"),
    "dash.drop_off": ("Where unfinished assessments stopped", "未完成評估停留的部分", "未完成评估停留的部分"),
    "dash.drop_off_intro": (
        "Assessments still in progress, by the section they were last on.",
        "仍在進行中的評估，按最後停留的部分統計。",
        "仍在进行中的评估，按最后停留的部分统计。",
    ),
    "dash.col_section": ("Section", "部分", "部分"),
    "dash.col_count": ("Assessments", "評估數目", "评估数量"),
    "dash.by_sector": ("Maturity by sector", "按行業劃分的成熟度", "按行业划分的成熟度"),
    "dash.by_region": ("Maturity by region", "按地區劃分的成熟度", "按地区划分的成熟度"),
    "dash.spread_intro": (
        "Each company once, by its latest assessment completed in these dates.",
        "每間公司只計一次，以其在所選日期內最近完成的評估為準。",
        "每家企业只计一次，以其在所选日期内最近完成的评估为准。",
    ),
    "dash.col_group": ("Group", "組別", "组别"),
    "dash.col_level": ("Maturity level", "成熟度級別", "成熟度级别"),
    "dash.level": ("Level {level}: {name}", "第{level}級：{name}", "第{level}级：{name}"),
}
