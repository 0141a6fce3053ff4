"""The questionnaire model: what staff write in YAML, as frozen pydantic classes.

Structure is checked here (types, required keys, unknown keys, ranges). Checks that need the
whole questionnaire (ids, references, order, translations) live in `semantics.py`, so that
they can run on a file that is only partly valid and every problem is reported at once.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

LANGUAGES: tuple[str, ...] = ("en", "zh-Hant", "zh-Hans")
Language = Literal["en", "zh-Hant", "zh-Hans"]

# Ids are what answers, conditions and stored assessments refer to: keep them plain.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
# Option values are codes the author chooses; `no`, `010` and `~` are kept as written.
Code = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Score = Annotated[float, Field(ge=0, le=100)]
Weight = Annotated[float, Field(gt=0, le=1000)]


class Strict(BaseModel):
    # No nan/inf: `at_least: nan` would pass every check and make every band comparison false.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class Text(Strict):
    """A human text in each language of the questionnaire."""

    en: str | None = None
    zh_Hant: str | None = Field(default=None, alias="zh-Hant")
    zh_Hans: str | None = Field(default=None, alias="zh-Hans")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to English, then to any language given."""
        by_lang = {"en": self.en, "zh-Hant": self.zh_Hant, "zh-Hans": self.zh_Hans}
        return by_lang.get(lang) or self.en or self.zh_Hant or self.zh_Hans or ""


class Dimension(StrEnum):
    protection = "protection"
    management = "management"
    exploitation = "exploitation"


class Priority(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class Effort(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class Region(StrEnum):
    HK = "HK"
    Guangdong = "Guangdong"
    Macao = "Macao"
    GBA = "GBA"
    Mainland = "Mainland"
    International = "International"


class ProfileField(StrEnum):
    """Reserved profile answers that benchmarks group by; their codes are fixed in `profile.py`."""

    sector = "sector"
    size_band = "size_band"
    region = "region"


# ---------------------------------------------------------------- conditions


class Atom(Strict):
    """One test on an earlier answer. Exactly one operator is given."""

    question: Id
    equals: Code | None = None
    not_equals: Code | None = None
    in_: list[Code] | None = Field(default=None, alias="in", min_length=1)
    not_in: list[Code] | None = Field(default=None, min_length=1)
    contains: Code | None = None
    gt: float | None = None
    gte: float | None = None
    lt: float | None = None
    lte: float | None = None
    answered: bool | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def operator(self) -> tuple[str, Any]:
        """The single operator given (`semantics.py` reports when there are none or several)."""
        for name in OPERATORS:
            value = getattr(self, "in_" if name == "in" else name)
            if value is not None:
                return name, value
        return "answered", True


OPERATORS: tuple[str, ...] = (
    "equals",
    "not_equals",
    "in",
    "not_in",
    "contains",
    "gt",
    "gte",
    "lt",
    "lte",
    "answered",
)


class AllOf(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class NotOf(Strict):
    not_: Condition = Field(alias="not")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _condition_kind(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "atom"
    if isinstance(value, BaseModel):
        return {AllOf: "all", AnyOf: "any", NotOf: "not"}.get(type(value), "atom")
    return "atom"


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[Atom, Tag("atom")],
    Discriminator(_condition_kind),
]


# ---------------------------------------------------------------- advice and flags


class Advice(Strict):
    """A recommendation tied to this question's answer. Exactly one trigger is given:
    `answers` (one of these chosen), `missing` (multiple choice: one of these not chosen),
    `below` (number or scale under this value) or `dont_know: true`."""

    id: Id
    answers: list[Code] | None = Field(default=None, min_length=1)
    missing: list[Code] | None = Field(default=None, min_length=1)
    below: float | None = None
    dont_know: bool = False
    priority: Priority
    effort: Effort
    title: Text
    action: Text
    services: list[Id] = Field(default_factory=list)


class Critical(Strict):
    """A red-flag answer caps the score of the question's section at `cap`."""

    answers: list[Code] | None = Field(default=None, min_length=1)
    below: float | None = None
    cap: Score
    message: Text


class Option(Strict):
    value: Code
    label: Text
    score: Score | None = None
    # A multiple-choice option that cannot be combined with others ("none of these").
    exclusive: bool = False


class Band(Strict):
    at_least: float
    score: Score


# ---------------------------------------------------------------- questions


class QuestionBase(Strict):
    id: Id
    text: Text
    help: Text | None = None
    required: bool = True
    scored: bool = True
    weight: Weight = 1.0
    dimension: Dimension | None = None
    references: list[str] = Field(default_factory=list)
    allow_na: bool = False
    allow_dont_know: bool = False
    show_if: Condition | None = None
    critical: Critical | None = None
    advice: list[Advice] = Field(default_factory=list)
    profile_field: ProfileField | None = None


class SingleChoice(QuestionBase):
    kind: Literal["single_choice"]
    options: list[Option] = Field(min_length=2)


class MultipleChoice(QuestionBase):
    kind: Literal["multiple_choice"]
    options: list[Option] = Field(min_length=2)


class YesNo(QuestionBase):
    kind: Literal["yes_no"]
    yes_score: Score = 100.0
    no_score: Score = 0.0
    yes_label: Text | None = None
    no_label: Text | None = None


class Scale(QuestionBase):
    kind: Literal["scale"]
    min: int = 1
    max: int = 5
    min_label: Text | None = None
    max_label: Text | None = None


class Number(QuestionBase):
    kind: Literal["number"]
    min: float | None = None
    max: float | None = None
    unit: Text | None = None
    bands: list[Band] = Field(default_factory=list)


class FreeText(QuestionBase):
    kind: Literal["text"]
    scored: bool = False
    max_length: int = Field(default=2000, gt=0, le=20000)


Question = Annotated[
    SingleChoice | MultipleChoice | YesNo | Scale | Number | FreeText,
    Field(discriminator="kind"),
]
QUESTION_KINDS: tuple[str, ...] = ("single_choice", "multiple_choice", "yes_no", "scale", "number", "text")


class Section(Strict):
    id: Id
    title: Text
    intro: Text | None = None
    scored: bool = True
    weight: Weight = 1.0
    show_if: Condition | None = None
    questions: list[Question] = Field(min_length=1)


# ---------------------------------------------------------------- the rest


class MaturityLevel(Strict):
    level: int = Field(ge=1, le=20)
    min_score: Score
    name: Text
    description: Text


class Service(Strict):
    id: Id
    name: Text
    provider: Text
    region: Region
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$")] | None = None
    description: Text | None = None


class ScoreBand(Strict):
    """Score-band trigger: `section` (or `overall`) scored below `below`."""

    section: Id
    below: Score


class Recommendation(Strict):
    """Advice triggered by several answers (`when`) or by a score band (`score_below`)."""

    id: Id
    when: Condition | None = None
    score_below: ScoreBand | None = None
    priority: Priority
    effort: Effort
    title: Text
    action: Text
    services: list[Id] = Field(default_factory=list)


class Questionnaire(Strict):
    id: Id
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,31}$")]
    languages: list[Language] = Field(min_length=1)
    title: Text
    description: Text | None = None
    disclaimer: Text | None = None
    maturity_levels: list[MaturityLevel] = Field(min_length=5)
    services: list[Service] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    recommendations: list[Recommendation] = Field(default_factory=list)

    def all_questions(self) -> list[tuple[Section, QuestionBase]]:
        return [(section, question) for section in self.sections for question in section.questions]


for _model in (AllOf, AnyOf, NotOf):
    _model.model_rebuild()


# Every model of the format, for questions asked of the format as a whole.
ALL_MODELS: tuple[type[BaseModel], ...] = (
    Questionnaire, Section, SingleChoice, MultipleChoice, YesNo, Scale, Number, FreeText, Option, Band, Advice,
    Critical, MaturityLevel, Service, ScoreBand, Recommendation, Atom, AllOf, AnyOf, NotOf, Text,
)  # fmt: skip


def known_keys() -> list[str]:
    """Every key the format knows, for "did you mean ...?" hints."""
    return sorted({info.alias or name for model in ALL_MODELS for name, info in model.model_fields.items()})


def _text_fields() -> frozenset[str]:
    """Keys whose value is a per-language Text, found from the models themselves."""
    return frozenset(
        info.alias or name
        for model in ALL_MODELS
        for name, info in model.model_fields.items()
        if info.annotation is Text or Text in getattr(info.annotation, "__args__", ())
    )


TEXT_FIELDS = _text_fields()
