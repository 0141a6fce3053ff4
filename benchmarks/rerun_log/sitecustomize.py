"""Loaded only by benchmark servers (this folder is put on PYTHONPATH): appends the duration of every
script run (a full rerun or a fragment rerun) to the file named by IPREADY_RERUN_LOG."""

from __future__ import annotations

import os
import time
from typing import Any

LOG = os.environ.get("IPREADY_RERUN_LOG")

if LOG:
    from streamlit.runtime.scriptrunner import script_runner

    _original = script_runner.exec_func_with_error_handling

    def _timed(func: Any, ctx: Any) -> Any:
        start = time.perf_counter()
        try:
            return _original(func, ctx)
        finally:
            with open(LOG, "a", encoding="utf-8") as log:
                log.write(f"{time.perf_counter() - start:.6f}\n")

    script_runner.exec_func_with_error_handling = _timed
