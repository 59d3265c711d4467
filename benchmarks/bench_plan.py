#!/usr/bin/python3
"""Benchmark the patrol planner: 100 hotspots x 365 days x 3 visits a day (core, in this process).

Run from the repository root: /usr/bin/python3 benchmarks/bench_plan.py [--repeats 3]
Hotspots lie on a 10 x 10 grid 400 m apart with a random hour-of-week risk; shifts cover
08:00-02:00; 12 units; every day is a patrol day (DAYS_OFF 0) so that all 109,500 visits are wanted.
"""

import argparse
import datetime
import importlib.util
import statistics
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("hotspot_patrol", HERE.parent / "__init__.py",
                                                  submodule_search_locations=[str(HERE.parent)])
    package = importlib.util.module_from_spec(spec)
    sys.modules["hotspot_patrol"] = package
    spec.loader.exec_module(package)
    from hotspot_patrol.core import schedule

    rng = np.random.default_rng(1)
    col, row = np.meshgrid(np.arange(10), np.arange(10))
    x, y = col.ravel() * 400.0, row.ravel() * 400.0
    risk = rng.gamma(2.0, 0.5, (100, 168))
    settings = schedule.PlanSettings(first_day=datetime.date(2025, 1, 1), days=365, timezone="Europe/London",
                                     shifts=schedule.parse_shifts("08:00-14:00,14:00-22:00,22:00-02:00"),
                                     visits_per_day=3, days_on=1, days_off=0, units=12, min_gap=120, seed=1)
    seconds = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        plan = schedule.plan_patrols(list(range(1, 101)), list(range(1, 101)), x, y, settings, risk=risk)
        seconds.append(time.perf_counter() - start)
    print(f"100 hotspots x 365 days x 3 visits: {len(plan.visits)} visits planned, {len(plan.dropped)} dropped; "
          f"median {statistics.median(seconds):.2f} s, min {min(seconds):.2f} s over {args.repeats} runs")


if __name__ == "__main__":
    main()
