"""What the gazetteer costs a process: load time, memory and lookups per second.

    .venv/bin/python benchmarks/gazetteer.py [--lookups 200000]

Loads the gazetteer once in a fresh process (as the first article of a run does), and prints
the seconds the load took, the process's resident memory before and after it (RSS, from
/proc/self/status, so Linux only), the number of names indexed, and how many `candidates()`
lookups a second it answers over a mix of names: countries, towns of every size, region and
county names, and misses. The load is lazy (the first call of `gazetteer()`), so a process that
reads no place pays nothing.
"""
from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from peacewatch.knowledge.gazetteer import gazetteer

# A mix of what the places stage asks: hits of every kind and misses (capitalised ordinary words).
NAMES = ("Ukraine", "Kharkiv", "Charkow", "Goma", "Springfield", "Laurel County", "Kerala", "Borno State",
         "Tuesday", "Minister", "Paris", "Nowhereville", "Rafah", "Donetsk Oblast", "Cork", "Street")


def resident_mb() -> float:
    """The process's resident set size in MB (0 where /proc is missing)."""
    status = Path("/proc/self/status")
    if not status.exists():
        return 0.0
    line = next(row for row in status.read_text().splitlines() if row.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lookups", type=int, default=200000)
    args = parser.parse_args()
    before = resident_mb()
    started = time.perf_counter()
    index = gazetteer()
    loaded = time.perf_counter() - started
    after = resident_mb()
    started = time.perf_counter()
    for name in itertools.islice(itertools.cycle(NAMES), args.lookups):
        index.candidates(name)
    rate = args.lookups / (time.perf_counter() - started)
    print(f"load {loaded:.2f} s   RSS {before:.0f} -> {after:.0f} MB (+{after - before:.0f})   "
          f"{len(index)} names   {rate:,.0f} lookups/s")


if __name__ == "__main__":
    main()
