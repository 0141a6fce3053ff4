"""Structured conditions (`show_if`) said in words, in the report's language, for the printable
questionnaire: "Asked if the answers to question 1.4 include “Software” or “Product design”."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby

from reports.answer_text import option_label, questions_by_id
from reports.catalogue import quoted, text
from scoring.model import AllOf, AnyOf, Atom, NotOf, Number, QuestionBase, Questionnaire, Scale

Condition = AllOf | AnyOf | NotOf | Atom
# Tests on one question that read as one list: "is A, B or C", "include A, B or C".
_LISTABLE = {"equals": "in", "in": "in", "contains": "contains"}


def condition_text(
    questionnaire: Questionnaire, condition: Condition, lang: str, numbers: Mapping[str, str] | None = None
) -> str:
    """`numbers` (question id -> "2.3"), when given, names questions by number instead of quoting them:
    a printed questionnaire numbers its questions, and a long question quoted in full buries the condition."""
    return _Say(questionnaire, lang, numbers or {}).words(condition, nested=False)


@dataclass(frozen=True)
class _Say:
    questionnaire: Questionnaire
    lang: str
    numbers: Mapping[str, str]

    def words(self, condition: Condition, *, nested: bool) -> str:
        if isinstance(condition, AllOf):
            return self.join([self.words(c, nested=True) for c in condition.all], "cond.and", nested)
        if isinstance(condition, AnyOf):
            said = [self.group(group) for group in _groups(condition.any)]
            joined = self.join(said, "cond.or", nested)
            return text("cond.either", self.lang) + joined if len(said) > 1 and not nested else joined
        if isinstance(condition, NotOf):
            return text("cond.not", self.lang, condition=self.words(condition.not_, nested=True))
        return self.atom(condition)

    def group(self, group: list[Condition]) -> str:
        if len(group) == 1:
            return self.words(group[0], nested=True)
        atoms = [part for part in group if isinstance(part, Atom)]
        codes: list[str] = []
        for atom in atoms:
            operand = atom.operator()[1]
            codes += operand if isinstance(operand, list) else [operand]
        return self.listed(atoms[0].question, _LISTABLE[atoms[0].operator()[0]], codes)

    def join(self, said: list[str], joiner: str, nested: bool) -> str:
        joined = text(joiner, self.lang).join(said)
        # Brackets only where "a and b or c" would be ambiguous.
        if nested and len(said) > 1:
            return f"{text('paren.open', self.lang)}{joined}{text('paren.close', self.lang)}"
        return joined

    def asked(self, question_id: str) -> tuple[QuestionBase | None, str]:
        question = questions_by_id(self.questionnaire).get(question_id)
        if question_id in self.numbers:
            return question, text("cond.numbered", self.lang, number=self.numbers[question_id])
        return question, quoted(question.text.get(self.lang) if question else question_id, self.lang)

    def listed(self, question_id: str, operator: str, codes: list[str]) -> str:
        question, asked = self.asked(question_id)
        labels = [quoted(self.label(question, code), self.lang) for code in codes]
        if len(labels) == 1:
            single = {"in": "equals", "not_in": "not_equals"}.get(operator, operator)
            return text(f"cond.{single}", self.lang, question=asked, value=labels[0])
        last = "cond.list_nor" if operator == "not_in" else "cond.list_or"
        values = text("cond.list_sep", self.lang).join(labels[:-1]) + text(last, self.lang) + labels[-1]
        key = "cond.contains_any" if operator == "contains" else f"cond.{operator}"
        return text(key, self.lang, question=asked, values=values)

    def atom(self, atom: Atom) -> str:
        operator, operand = atom.operator()
        if operator == "answered":
            _, asked = self.asked(atom.question)
            return text("cond.answered" if operand else "cond.not_answered", self.lang, question=asked)
        if operator in ("gt", "gte", "lt", "lte"):
            _, asked = self.asked(atom.question)
            return text(f"cond.{operator}", self.lang, question=asked, value=f"{operand:g}")
        return self.listed(atom.question, operator, operand if isinstance(operand, list) else [operand])

    def label(self, question: QuestionBase | None, code: str) -> str:
        """An option's label; a scale or number condition compares with a number written as a code."""
        if isinstance(question, (Number, Scale)):
            try:
                return f"{float(code):g}"
            except ValueError:
                return code
        return option_label(question, code, self.lang)


def _groups(parts: list[Condition]) -> list[list[Condition]]:
    """Neighbouring tests of one question with the same kind of operator, grouped."""

    def key(part: Condition) -> tuple[str, str] | int:
        if isinstance(part, Atom) and part.operator()[0] in _LISTABLE:
            return (part.question, _LISTABLE[part.operator()[0]])
        return id(part)

    return [list(group) for _, group in groupby(parts, key=key)]
