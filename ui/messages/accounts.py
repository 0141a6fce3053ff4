"""Sign-in, accounts and the staff's user administration."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ sign-in
    "login.title": ("Adviser and staff sign-in", "顧問及職員登入", "顾问及职员登录"),
    "login.intro": (
        "Companies taking the self-assessment do not need an account: they continue with their resume code.",
        "進行自我評估的公司無須帳戶，只需以續填碼繼續。",
        "进行自我评估的企业无需账户，只需使用续填码继续。",
    ),
    "login.email": ("Email", "電郵地址", "电子邮箱"),
    "login.password": ("Password", "密碼", "密码"),
    "login.submit": ("Sign in", "登入", "登录"),
    "login.missing": ("Enter your email and password.", "請輸入電郵地址及密碼。", "请输入电子邮箱和密码。"),
    "login.wrong": (
        "The email or the password is not right.",
        "電郵地址或密碼不正確。",
        "电子邮箱或密码不正确。",
    ),
    "login.locked": (
        "Too many wrong passwords: this account is locked until {time} (Hong Kong time). "
        "Try again then, or ask programme staff to unlock it.",
        "密碼錯誤次數過多，此帳戶已鎖定至 {time}（香港時間）。請屆時再試，或請計劃職員解鎖。",
        "密码错误次数过多，此账户已锁定至 {time}（北京时间）。请届时再试，或请计划职员解锁。",
    ),
    "login.disabled": (
        "This account is disabled. Ask programme staff if you need it again.",
        "此帳戶已停用。如需再次使用，請聯絡計劃職員。",
        "此账户已停用。如需再次使用，请联系计划职员。",
    ),
    "login.change_title": ("Choose your own password", "設定你自己的密碼", "设置你自己的密码"),
    "login.change_intro": (
        "You signed in with a temporary password. Choose your own to continue: at least {min} characters, "
        "not your email address. A few unrelated words make a strong password that is easy to remember.",
        "你以臨時密碼登入。請設定你自己的密碼以繼續：最少 {min} 個字元，且不可與電郵地址相同。"
        "以數個不相關的詞語組成的密碼既安全又容易記住。",
        "你使用临时密码登录。请设置你自己的密码以继续：至少 {min} 个字符，且不能与电子邮箱相同。"
        "由几个不相关的词语组成的密码既安全又容易记住。",
    ),
    "login.change_submit": ("Save and continue", "儲存並繼續", "保存并继续"),
    "login.change_cancel": ("Cancel", "取消", "取消"),
    "login.sso_or": (
        "Or sign in with your organisation's account:",
        "或以你機構的帳戶登入：",
        "或使用你机构的账户登录：",
    ),
    "login.sso_button": ("Sign in with single sign-on", "以單一登入方式登入", "使用单点登录"),
    "login.sso_unknown": (
        "You are signed in with your organisation as {email}, but IP Ready has no account with this email. "
        "Ask programme staff to create one.",
        "你已以機構帳戶 {email} 登入，但本系統沒有使用此電郵地址的帳戶。請聯絡計劃職員建立帳戶。",
        "你已使用机构账户 {email} 登录，但本系统没有使用此电子邮箱的账户。请联系计划职员创建账户。",
    ),
    "login.sso_disabled": (
        "The account for {email} is disabled. Ask programme staff if you need it again.",
        "{email} 的帳戶已停用。如需再次使用，請聯絡計劃職員。",
        "{email} 的账户已停用。如需再次使用，请联系计划职员。",
    ),
    "login.sso_sign_out": ("Sign out of single sign-on", "登出單一登入", "退出单点登录"),
    # ------------------------------------------------------------------ signed out
    "auth.sign_out": ("Sign out", "登出", "退出登录"),
    "auth.signed_in_as": ("Signed in as {name}", "已登入：{name}", "已登录：{name}"),
    "auth.signed_out.idle": (
        "You were signed out after 8 hours without activity. Please sign in again.",
        "由於 8 小時內沒有活動，你已被登出。請重新登入。",
        "由于 8 小时内没有活动，你已退出登录。请重新登录。",
    ),
    "auth.signed_out.changed": (
        "You were signed out because your account was changed (disabled, its role changed or its password "
        "reset). Please sign in again or ask programme staff.",
        "由於你的帳戶有所更改（已停用、角色更改或密碼重設），你已被登出。請重新登入或聯絡計劃職員。",
        "由于你的账户有所更改（已停用、角色更改或密码重置），你已退出登录。请重新登录或联系计划职员。",
    ),
    "auth.signed_out.unchecked": (
        "You were signed out because your account could not be checked just now. Please sign in again.",
        "由於暫時未能核實你的帳戶，你已被登出。請重新登入。",
        "由于暂时无法核实你的账户，你已退出登录。请重新登录。",
    ),
    "auth.signed_out.by_you": ("You are signed out.", "你已登出。", "你已退出登录。"),
    # ------------------------------------------------------------------ my account
    "account.title": ("My account", "我的帳戶", "我的账户"),
    "account.summary": (
        "Signed in as **{name}** ({email}), {role}.",
        "已登入：**{name}**（{email}），{role}。",
        "已登录：**{name}**（{email}），{role}。",
    ),
    "account.role.adviser": ("adviser", "顧問", "顾问"),
    "account.role.staff": ("programme staff", "計劃職員", "计划职员"),
    "account.session": (
        "Your sign-in lasts while this browser tab stays open: reloading the page or 8 hours without "
        "activity signs you out.",
        "登入狀態只在此瀏覽器分頁開啟期間有效：重新載入頁面，或 8 小時內沒有活動，都會登出。",
        "登录状态仅在此浏览器标签页打开期间有效：重新加载页面，或 8 小时内没有活动，都会退出登录。",
    ),
    "account.change_title": ("Change my password", "更改密碼", "修改密码"),
    "account.current_password": ("Current password", "現有密碼", "当前密码"),
    "account.new_password": ("New password", "新密碼", "新密码"),
    "account.repeat_password": ("Repeat the new password", "再次輸入新密碼", "再次输入新密码"),
    "account.change_submit": ("Change password", "更改密碼", "修改密码"),
    "account.changed": ("Your password was changed.", "你的密碼已更改。", "你的密码已修改。"),
    "account.password_rule": (
        "At least {min} characters, not your email address.",
        "最少 {min} 個字元，且不可與電郵地址相同。",
        "至少 {min} 个字符，且不能与电子邮箱相同。",
    ),
    # ------------------------------------------------------------------ refusals (storage.accounts codes)
    "account.error.mismatch": (
        "The two new passwords differ.",
        "兩次輸入的新密碼不一致。",
        "两次输入的新密码不一致。",
    ),
    "account.error.password_short": (
        "The password must have at least {min} characters.",
        "密碼最少須有 {min} 個字元。",
        "密码至少需要 {min} 个字符。",
    ),
    "account.error.password_is_email": (
        "The password must not be the email address.",
        "密碼不可與電郵地址相同。",
        "密码不能与电子邮箱相同。",
    ),
    "account.error.password_same": (
        "The new password must differ from the current one.",
        "新密碼必須與現有密碼不同。",
        "新密码必须与当前密码不同。",
    ),
    "account.error.current_wrong": (
        "The current password is not right.",
        "現有密碼不正確。",
        "当前密码不正确。",
    ),
    "account.error.locked": (
        "Too many wrong passwords: this account is locked for now. Try again later.",
        "密碼錯誤次數過多，此帳戶暫時鎖定。請稍後再試。",
        "密码错误次数过多，此账户暂时锁定。请稍后再试。",
    ),
    "account.error.email_invalid": (
        "This is not an email address.",
        "這不是有效的電郵地址。",
        "这不是有效的电子邮箱。",
    ),
    "account.error.role_invalid": ("Choose a role.", "請選擇角色。", "请选择角色。"),
    "account.error.duplicate": (
        "An account with this email already exists.",
        "已有使用此電郵地址的帳戶。",
        "已有使用此电子邮箱的账户。",
    ),
    "account.error.not_found": (
        "This account no longer exists.",
        "此帳戶已不存在。",
        "此账户已不存在。",
    ),
    "account.error.not_allowed": (
        "This account has no temporary password to replace. Please sign in again.",
        "此帳戶沒有須更換的臨時密碼。請重新登入。",
        "此账户没有需要更换的临时密码。请重新登录。",
    ),
    "account.error.last_staff": (
        "The last enabled staff account cannot be disabled.",
        "不可停用最後一個仍在使用的職員帳戶。",
        "不能停用最后一个仍在使用的职员账户。",
    ),
    "account.error.self": (
        "You cannot disable your own account.",
        "你不可停用自己的帳戶。",
        "你不能停用自己的账户。",
    ),
    # ------------------------------------------------------------------ staff: accounts
    "users.title": ("Accounts", "帳戶管理", "账户管理"),
    "users.intro": (
        "Advisers and programme staff who can sign in. Companies taking the assessment have no account.",
        "可登入的顧問及計劃職員。進行評估的公司並無帳戶。",
        "可登录的顾问及计划职员。进行评估的企业没有账户。",
    ),
    "users.col.email": ("Email", "電郵地址", "电子邮箱"),
    "users.col.name": ("Name", "姓名", "姓名"),
    "users.col.role": ("Role", "角色", "角色"),
    "users.col.status": ("Status", "狀態", "状态"),
    "users.col.last": ("Last sign-in", "上次登入", "上次登录"),
    "users.status.active": ("active", "使用中", "使用中"),
    "users.status.disabled": ("disabled", "已停用", "已停用"),
    "users.status.locked": ("locked until {time}", "鎖定至 {time}", "锁定至 {time}"),
    "users.status.must_change": ("must change password", "須更改密碼", "须修改密码"),
    "users.never": ("never", "從未", "从未"),
    "users.add_title": ("Add an account", "新增帳戶", "新增账户"),
    "users.add_email": ("Email", "電郵地址", "电子邮箱"),
    "users.add_name": ("Name (optional)", "姓名（可選）", "姓名（可选）"),
    "users.add_role": ("Role", "角色", "角色"),
    "users.add_submit": ("Add account", "新增帳戶", "新增账户"),
    "users.temporary": (
        "Temporary password for {email}: give it to them in person or by phone, not in the same email as the "
        "address of this app. It is shown only now; they must choose their own at the first sign-in.",
        "{email} 的臨時密碼：請親身或以電話告知，切勿與本應用程式的網址放在同一封電郵內。"
        "此密碼只會在此顯示一次；對方首次登入時必須設定自己的密碼。",
        "{email} 的临时密码：请当面或通过电话告知，切勿与本应用的网址放在同一封邮件中。"
        "此密码仅在此显示一次；对方首次登录时必须设置自己的密码。",
    ),
    "users.temporary_done": ("I have noted it", "我已記下", "我已记下"),
    "users.manage_title": ("Manage an account", "管理帳戶", "管理账户"),
    "users.pick": ("Account", "帳戶", "账户"),
    "users.disable": ("Disable", "停用", "停用"),
    "users.enable": ("Enable", "重新啟用", "重新启用"),
    "users.unlock": ("Unlock", "解鎖", "解锁"),
    "users.reset": ("Reset password", "重設密碼", "重置密码"),
    "users.done.disable": ("{email} is disabled.", "{email} 已停用。", "{email} 已停用。"),
    "users.done.enable": ("{email} can sign in again.", "{email} 已可再次登入。", "{email} 已可再次登录。"),
    "users.done.unlock": ("{email} is unlocked.", "{email} 已解鎖。", "{email} 已解锁。"),
    "users.manage_help": (
        "Disabling signs the account out at once and keeps its clients and notes. Resetting gives a temporary "
        "password and signs the account out.",
        "停用會即時登出該帳戶，並保留其客戶及筆記。重設密碼會產生臨時密碼，並登出該帳戶。",
        "停用会立即让该账户退出登录，并保留其客户及笔记。重置密码会生成临时密码，并让该账户退出登录。",
    ),
}
