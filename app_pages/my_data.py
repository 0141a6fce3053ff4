"""The SME's own data: who it is shared with, a download of everything, and deletion for good."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.i18n import t
from ui.privacy_panel import deletion_notice, privacy_panel
from ui.resume import require_assessment
from ui.sharing_panel import sharing_panel

lang = state.lang()
st.title(t("nav.my_data", lang))
deletion_notice(lang)  # after "delete for good" no assessment is open any more
require_assessment(lang, "app_pages/my_data.py")
sharing_panel(lang)
privacy_panel(lang)
