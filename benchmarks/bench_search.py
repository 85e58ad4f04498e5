"""Benchmark of the search (timings live here, not in the tests).

    python benchmarks/bench_search.py            # table of median / p95 per query
    python benchmarks/bench_search.py --rounds 50

Builds :class:`~hamstring_viewer.search.SearchIndex` over the shipped knowledge base once per
interface language (each index holds both languages' texts), then runs each query of a
realistic list (1-3 words, one-letter prefixes, what a person types
letter by letter) ``--rounds`` times and prints the median and 95th percentile per query, and
over all queries. The budget is 20 ms per query.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hamstring_viewer import resources  # noqa: E402
from hamstring_viewer.catalog import load_knowledge_base  # noqa: E402
from hamstring_viewer.search import SearchIndex  # noqa: E402

BUDGET_MS = 20.0
QUERIES = [
    # one letter, then a name typed letter by letter
    "s",
    "b",
    "m",
    "t",
    "se",
    "sem",
    "semi",
    "semim",
    "semimem",
    "semimembranosus",
    # Latin and English names
    "musculus semitendinosus",
    "caput longum",
    "biceps fem",
    "biceps femoris long head",
    "tuber ischiadicum",
    "nervus",
    "sciatic nerve",
    "sitting bone",
    "achilles",
    # glossary terms and synonyms
    "hollow of the knee",
    "pes anserinus",
    "popliteal fossa",
    "eccentric",
    "pnf",
    # body text
    "foam roller",
    "tennis ball",
    "referred pain",
    "pain when sitting",
    "l5 s1",
    "knee",
    "stretch the h",
    # typing slips and lay words (found through the nearest spelling)
    "semitendonosus",
    "simimembranosus",
    "bicep femoris",
    "gluteus minimis",
    "hamstring",
    "back of knee",
    # German: names, lay words, glossary, body text, a slip
    "oberschenkel",
    "kniebeuger",
    "kniekehle",
    "sitzbeinhöcker",
    "halbsehniger muskel",
    "gesäß",
    "faszienrolle",
    "schmerz beim sitzen",
    "triggerpunkt",
    "halbsehnieger",
    # nothing
    "xyzzy",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="runs of each query")
    args = parser.parse_args()

    base, _ = load_knowledge_base(resources.data_dir())
    everything: list[float] = []
    for language in ("en", "de"):
        kb = base.localized(language)
        start = time.perf_counter()
        index = SearchIndex(kb)
        build_ms = (time.perf_counter() - start) * 1000
        print(f"[{language}] index: {len(index)} records, built in {build_ms:.1f} ms")

        # the first query that needs a spelling nearby builds the table of near spellings
        fresh = SearchIndex(kb)
        start = time.perf_counter()
        fresh.search("semitendonosus")
        print(
            f"[{language}] first misspelt query (builds the near-spelling table): "
            f"{(time.perf_counter() - start) * 1000:.1f} ms"
        )

        print(f"{'query':28} {'hits':>4} {'median ms':>10} {'p95 ms':>8}")
        for query in QUERIES:
            times = []
            hits = 0
            for _ in range(args.rounds):
                start = time.perf_counter()
                hits = len(index.search(query))
                times.append((time.perf_counter() - start) * 1000)
            everything += times
            print(
                f"{query!r:28} {hits:>4} {statistics.median(times):>10.3f} "
                f"{percentile(times, 0.95):>8.3f}"
            )
    median = statistics.median(everything)
    p95 = percentile(everything, 0.95)
    worst = max(everything)
    print(
        f"all {len(QUERIES)} queries x 2 languages x {args.rounds}: median {median:.3f} ms, "
        f"p95 {p95:.3f} ms, max {worst:.3f} ms (budget {BUDGET_MS:.0f} ms)"
    )
    return 0 if p95 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
