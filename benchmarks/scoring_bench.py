"""Core goals: validate the bundled questionnaire < 100 ms, score one < 1 ms, 10,000 < 2 s."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import Measurement, median_seconds
from scoring.engine import score
from scoring.loader import load_questionnaire, load_questionnaire_text
from scoring.samples import sample_answers

BUNDLED = Path(__file__).resolve().parent.parent / "questionnaires" / "ip_readiness.yaml"


def run() -> list[Measurement]:
    text = BUNDLED.read_bytes()
    questionnaire = load_questionnaire(BUNDLED, strict=True)
    answer_sets = [sample_answers(questionnaire, "random", seed) for seed in range(200)]
    one = answer_sets[0]

    def score_many() -> None:
        for i in range(10_000):
            score(questionnaire, answer_sets[i % len(answer_sets)])

    return [
        Measurement(
            "load + validate bundled questionnaire (strict)",
            median_seconds(lambda: load_questionnaire_text(text, str(BUNDLED), strict=True)),
            0.100,
        ),
        Measurement("score one assessment", median_seconds(lambda: score(questionnaire, one), repeat=201), 0.001),
        Measurement("score 10,000 assessments", median_seconds(score_many, repeat=3), 2.0),
    ]
