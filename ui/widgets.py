"""One widget per question kind. Each draws from the answers dict and saves on change."""

from __future__ import annotations

from typing import Any

import streamlit as st

from scoring.answers import AnswerValue, Special
from scoring.model import FreeText, MultipleChoice, Number, QuestionBase, Scale, SingleChoice, YesNo
from ui import state
from ui.i18n import t

NA, DONT_KNOW = "__not_applicable__", "__dont_know__"
_SPECIAL_OF = {NA: Special.not_applicable, DONT_KNOW: Special.dont_know}
_CODE_OF = {Special.not_applicable: NA, Special.dont_know: DONT_KNOW}


def _key(question: QuestionBase, part: str = "") -> str:
    return f"q:{state.assessment_id()}:{question.id}{':' + part if part else ''}"


def _specials(question: QuestionBase) -> list[str]:
    return [code for code, allowed in ((NA, question.allow_na), (DONT_KNOW, question.allow_dont_know)) if allowed]


def _label(question: QuestionBase, lang: str) -> str:
    text = question.text.get(lang)
    return text if question.required else f"{text} ({t('q.optional', lang)})"


def _init(key: str, value: object) -> None:
    """Seed a widget from the answers dict; its state is then only changed by the widget and callbacks."""
    if key not in st.session_state:
        st.session_state[key] = value


def _save_choice(question_id: str, key: str) -> None:
    chosen = st.session_state.get(key)
    state.record_answer(question_id, _SPECIAL_OF.get(chosen, chosen))


def render_question(question: QuestionBase, lang: str) -> None:
    value = state.answers().get(question.id)
    help_text = question.help.get(lang) if question.help else None
    if isinstance(question, (SingleChoice, YesNo, Scale)):
        _radio(question, value, lang, help_text)
    elif isinstance(question, MultipleChoice):
        _checkboxes(question, value, lang, help_text)
    elif isinstance(question, Number):
        _number(question, value, lang, help_text)
    elif isinstance(question, FreeText):
        _text(question, value, lang, help_text)


def _radio(question: SingleChoice | YesNo | Scale, value: AnswerValue | None, lang: str, help_text: str | None) -> None:
    labels: dict[Any, str]
    horizontal = False
    if isinstance(question, SingleChoice):
        labels = {o.value: o.label.get(lang) for o in question.options}
    elif isinstance(question, YesNo):
        yes = question.yes_label.get(lang) if question.yes_label else t("q.yes", lang)
        no = question.no_label.get(lang) if question.no_label else t("q.no", lang)
        labels = {"yes": yes, "no": no}
        horizontal = True
    else:
        labels = {n: str(n) for n in range(question.min, question.max + 1)}
        if question.min_label:
            labels[question.min] = f"{question.min} – {question.min_label.get(lang)}"
        if question.max_label:
            labels[question.max] = f"{question.max} – {question.max_label.get(lang)}"
    labels.update({NA: t("q.na", lang), DONT_KNOW: t("q.dont_know", lang)})
    options = [code for code in labels if code not in (NA, DONT_KNOW)] + _specials(question)
    current = _CODE_OF.get(value, value) if isinstance(value, Special) else value
    key = _key(question)
    st.radio(
        _label(question, lang),
        options,
        index=options.index(current) if current in options else None,
        format_func=labels.__getitem__,
        key=key,
        help=help_text,
        horizontal=horizontal,
        on_change=_save_choice,
        args=(question.id, key),
    )


def _save_checkboxes(question: MultipleChoice, changed: str) -> None:
    """Tick boxes -> a list of codes. An exclusive option ("none of these") clears the others and back."""
    exclusive = {o.value for o in question.options if o.exclusive}
    keys = {o.value: _key(question, o.value) for o in question.options}
    specials = {code: _key(question, code) for code in _specials(question)}
    ticked_now = st.session_state.get(keys.get(changed) or specials.get(changed, ""), False)
    if ticked_now:
        clear = [c for c in keys if c != changed] if changed in exclusive or changed in specials else list(exclusive)
        for code in clear:
            st.session_state[keys[code]] = False
        for code, key in specials.items():
            if code != changed:
                st.session_state[key] = False
    if changed in specials and ticked_now:
        state.record_answer(question.id, _SPECIAL_OF[changed])
        return
    chosen = [code for code, key in keys.items() if st.session_state.get(key)]
    any_special = any(st.session_state.get(key) for key in specials.values())
    # An empty selection is a real answer ("none of these") only once the respondent has touched it.
    state.record_answer(question.id, chosen if chosen or not any_special else None)


def _checkboxes(question: MultipleChoice, value: AnswerValue | None, lang: str, help_text: str | None) -> None:
    chosen = set(value) if isinstance(value, list) else set()
    # The same size as the other widgets' labels.
    label = _label(question, lang).replace("[", "\\[").replace("]", "\\]")
    st.markdown(f":small[{label}]", help=help_text)
    for option in question.options:
        _init(_key(question, option.value), option.value in chosen)
        st.checkbox(
            option.label.get(lang),
            key=_key(question, option.value),
            on_change=_save_checkboxes,
            args=(question, option.value),
        )
    for code in _specials(question):
        _init(_key(question, code), value is _SPECIAL_OF[code])
        st.checkbox(
            t("q.na" if code == NA else "q.dont_know", lang),
            key=_key(question, code),
            on_change=_save_checkboxes,
            args=(question, code),
        )


def _save_number(question: Number) -> None:
    number = st.session_state.get(_key(question))
    special = st.session_state.get(_key(question, "special"))
    if special in _SPECIAL_OF:
        st.session_state[_key(question)] = None
        state.record_answer(question.id, _SPECIAL_OF[special])
        return
    if number is None:
        state.record_answer(question.id, None)
        return
    state.record_answer(question.id, int(number) if float(number).is_integer() else float(number))


def _clear_special_and_save(question: Number) -> None:
    if _key(question, "special") in st.session_state:
        st.session_state[_key(question, "special")] = None
    _save_number(question)


def _number(question: Number, value: AnswerValue | None, lang: str, help_text: str | None) -> None:
    label = _label(question, lang)
    if question.unit:
        label = f"{label} ({question.unit.get(lang)})"
    integers = all(float(x).is_integer() for x in (question.min or 0, question.max or 0))
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    cast = int if integers else float
    _init(_key(question), None if number is None else cast(number))
    st.number_input(
        label,
        min_value=None if question.min is None else cast(question.min),
        max_value=None if question.max is None else cast(question.max),
        step=1 if integers else 0.1,
        placeholder=t("q.number_placeholder", lang),
        key=_key(question),
        help=help_text,
        on_change=_clear_special_and_save,
        args=(question,),
    )
    specials = _specials(question)
    if specials:
        _init(_key(question, "special"), _CODE_OF[value] if isinstance(value, Special) else None)
        st.radio(
            label,
            specials,
            format_func=lambda code: t("q.na" if code == NA else "q.dont_know", lang),
            key=_key(question, "special"),
            horizontal=True,
            label_visibility="collapsed",
            on_change=_save_number,
            args=(question,),
        )


def _save_text(question: FreeText) -> None:
    text = (st.session_state.get(_key(question)) or "").strip()
    state.record_answer(question.id, text or None)


def _text(question: FreeText, value: AnswerValue | None, lang: str, help_text: str | None) -> None:
    st.text_area(
        _label(question, lang),
        value=value if isinstance(value, str) else "",
        max_chars=question.max_length,
        key=_key(question),
        help=help_text,
        on_change=_save_text,
        args=(question,),
    )
