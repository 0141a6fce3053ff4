"""A skip must fail the run in CI and stay a skip elsewhere."""

from __future__ import annotations

import pytest

SKIPPING_TEST = """
import pytest

def test_needs_something():
    pytest.skip("chromium not found")

@pytest.mark.xfail(reason="known")
def test_known_failure():
    assert False
"""


def test_a_skip_fails_in_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    pytester.makepyfile(SKIPPING_TEST)
    result = pytester.runpytest("-p", "tests.ci_plugin")
    result.assert_outcomes(failed=1, xfailed=1)
    result.stdout.fnmatch_lines(["*skipped in CI*chromium not found*"])


def test_a_skip_is_a_skip_outside_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    pytester.makepyfile(SKIPPING_TEST)
    pytester.runpytest("-p", "tests.ci_plugin").assert_outcomes(skipped=1, xfailed=1)
