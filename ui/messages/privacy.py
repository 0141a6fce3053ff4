"""The SME's own data: download everything, delete for good."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {
    "privacy.title": ("Your data", "你的資料", "你的数据"),
    "privacy.stored": (
        "Stored for this assessment: your company name and profile (sector, size, region), your answers and "
        "results, the language you use, when you accepted the privacy notice, whether your results count in "
        "peer benchmarks, and the advisers you share it with. Your resume code itself is never stored, only a "
        "fingerprint of it.",
        "此評估儲存的資料：公司名稱及概況（行業、規模、地區）、答案及結果、使用的語言、你接受私隱聲明的時間、結果是否納入同業比較，"
        "以及你與哪些顧問分享。恢復碼本身不會被儲存，只會保存其指紋。",
        "此评估保存的数据：公司名称及概况（行业、规模、地区）、答案及结果、使用的语言、你接受隐私声明的时间、结果是否纳入同业比较，"
        "以及你与哪些顾问分享。恢复码本身不会被保存，只保存其指纹。",
    ),
    "privacy.retention": (
        "Unfinished assessments are deleted automatically {days} days after their last change. Completed "
        "assessments are kept until you delete them.",
        "未完成的評估在最後一次修改 {days} 日後會被自動刪除。已完成的評估會一直保留，直至你將其刪除。",
        "未完成的评估在最后一次修改 {days} 天后会被自动删除。已完成的评估会一直保留，直至你将其删除。",
    ),
    "privacy.retention_off": (
        "Assessments, finished or not, are kept until you delete them.",
        "所有評估（不論是否完成）均會保留，直至你將其刪除。",
        "所有评估（无论是否完成）均会保留，直至你将其删除。",
    ),
    "privacy.download.explain": (
        "A JSON file with everything stored about this assessment. Advisers' own notes are theirs and not included.",
        "一個 JSON 檔案，載有此評估的全部已儲存資料。顧問的個人筆記屬於顧問本人，並不包括在內。",
        "一个 JSON 文件，包含此评估的全部已保存数据。顾问的个人笔记属于顾问本人，不包括在内。",
    ),
    "privacy.download.button": (
        "Download all my data (JSON)",
        "下載我的全部資料（JSON）",
        "下载我的全部数据（JSON）",
    ),
    "privacy.delete.title": (
        "Delete this assessment for good",
        "永久刪除此評估",
        "永久删除此评估",
    ),
    "privacy.delete.warning": (
        "This deletes the assessment with all its answers and results, and ends every share with advisers: "
        "they will no longer see it, and it leaves the peer benchmarks. It cannot be undone, and your resume "
        "code will stop working. You may want to download your data first.",
        "此操作會刪除評估及其全部答案和結果，並終止與顧問的所有分享：顧問將無法再查看，"
        "評估亦會從同業比較中移除。刪除後無法復原，你的恢復碼亦會失效。建議先下載你的資料。",
        "此操作会删除评估及其全部答案和结果，并终止与顾问的所有分享：顾问将无法再查看，"
        "评估也会从同业比较中移除。删除后无法恢复，你的恢复码也会失效。建议先下载你的数据。",
    ),
    "privacy.delete.earlier_one": (
        "Also delete the earlier assessment of this company that this one was started from",
        "同時刪除此評估所依據的一份本公司較早前的評估",
        "同时删除此评估所依据的一份本公司较早的评估",
    ),
    "privacy.delete.earlier": (
        "Also delete the {count} earlier assessments of this company that this one was started from",
        "同時刪除此評估所依據的 {count} 份本公司較早前的評估",
        "同时删除此评估所依据的 {count} 份本公司较早的评估",
    ),
    "privacy.delete.confirm": (
        "I understand that this cannot be undone",
        "我明白刪除後無法復原",
        "我明白删除后无法恢复",
    ),
    "privacy.delete.button": ("Delete for good", "永久刪除", "永久删除"),
    "privacy.deleted_one": (
        "Deleted for good: the assessment, with its answers, results and shares. Nothing of it is kept.",
        "已永久刪除此評估，連同其答案、結果及分享。系統不會保留任何相關資料。",
        "已永久删除此评估，连同其答案、结果及分享。系统不会保留任何相关数据。",
    ),
    "privacy.deleted": (
        "Deleted for good: {count} assessments, with their answers, results and shares. Nothing of them is kept.",
        "已永久刪除 {count} 份評估，連同其答案、結果及分享。系統不會保留任何相關資料。",
        "已永久删除 {count} 份评估，连同其答案、结果及分享。系统不会保留任何相关数据。",
    ),
    "privacy.gone": (
        "This assessment no longer exists: it may have been deleted in another window.",
        "此評估已不存在，可能已在另一個視窗中被刪除。",
        "此评估已不存在，可能已在另一个窗口中被删除。",
    ),
    "privacy.failed": (
        "The database cannot be reached just now, so nothing was downloaded or deleted. Please try again in a "
        "few minutes.",
        "暫時無法連接資料庫，因此未有下載或刪除任何資料。請於數分鐘後再試。",
        "暂时无法连接数据库，因此未下载或删除任何数据。请在几分钟后再试。",
    ),
}
