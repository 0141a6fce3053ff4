"""`make bench`: run every benchmark and print one table. Exit 1 when a goal is missed."""

from __future__ import annotations

import platform
import sys

from benchmarks import journey_bench, peer_bench, portfolio_bench, reports_bench, scoring_bench
from benchmarks.timing import table


def main() -> int:
    measurements = (
        scoring_bench.run() + journey_bench.run() + reports_bench.run() + peer_bench.run() + portfolio_bench.run()
    )
    print(f"IP Ready benchmarks (Python {platform.python_version()}, {platform.machine()})")
    print(table(measurements))
    return 0 if all(m.ok for m in measurements) else 1


if __name__ == "__main__":
    sys.exit(main())
