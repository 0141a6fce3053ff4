"""IP Ready: the Streamlit entry point. Until the respondent journey lands, it shows the bundled
questionnaire's sections, or every problem in it with file, line and key path."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from scoring import QuestionnaireError, load_questionnaire_text

# IPREADY_QUESTIONNAIRE points the app at another questionnaire file (tests, staff trying a draft).
QUESTIONNAIRE = Path(
    os.environ.get("IPREADY_QUESTIONNAIRE") or Path(__file__).parent / "questionnaires" / "ip_readiness.yaml"
)

st.set_page_config(page_title="IP Ready", page_icon="🛡️", layout="centered")


@st.cache_resource
def bundled_questionnaire(path: str, mtime: float) -> object:
    """Parsed once per file version; problems name the file relative to the project."""
    file = Path(path)
    shown = file.relative_to(Path(__file__).parent) if file.is_relative_to(Path(__file__).parent) else file.name
    return load_questionnaire_text(file.read_bytes(), str(shown))


st.title("IP Ready")
try:
    questionnaire = bundled_questionnaire(str(QUESTIONNAIRE), QUESTIONNAIRE.stat().st_mtime)
except QuestionnaireError as exc:
    st.error("The questionnaire file has problems and cannot be used:")
    st.code("\n".join(problem.format() for problem in exc.problems), language="text")
    st.stop()
except FileNotFoundError:
    st.error(f"No questionnaire file found: {QUESTIONNAIRE.name}")
    st.stop()

st.subheader(questionnaire.title.get("en"))  # type: ignore[attr-defined]
st.caption(f"Questionnaire {questionnaire.id}, version {questionnaire.version}")  # type: ignore[attr-defined]
for section in questionnaire.sections:  # type: ignore[attr-defined]
    scored = "" if section.scored else " (profile, not scored)"
    st.markdown(f"- **{section.title.get('en')}**{scored}: {len(section.questions)} questions")
