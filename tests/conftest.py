"""Shared test set-up: hypothesis profiles, and no silent skips in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from scoring import Questionnaire, load_questionnaire

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI") == "true"
pytest_plugins = ["tests.ci_plugin", "pytester"]

# CI: the same examples every run, no deadline (2 shared cores); locally a little faster.
settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "dev"))


@pytest.fixture(scope="session")
def mini() -> Questionnaire:
    return load_questionnaire(FIXTURES / "mini.yaml", strict=True)
