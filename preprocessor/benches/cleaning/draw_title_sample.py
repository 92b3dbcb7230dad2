"""Draw the pages whose headlines are labelled by hand in titles.tsv.

The three public cleaning sets that carry no free title label (cleaneval-dev,
readability-tests, dragnet) are listed as (set, name) pairs, where name is the
stem of each <set>/gold/<name>.txt, sorted by (set, name).

- First draw (session 1): random.Random(20261130).sample(pairs, 100).
- Second draw (--second, session 37): every cleaneval-dev and readability-tests
  page the first draw left out (the two small sets then count all their pages),
  and random.Random(20261204).sample(dragnet_rest, 150), where dragnet_rest is
  the dragnet pairs the first draw left out, sorted by name (drawn with CPython
  3.11; titles.tsv keeps the drawn list, since sample() is not promised to give
  the same draw in every Python version).

The pairs are printed sorted, one "set<TAB>name" per line.

The data folder defaults to ../shared/bench/cleaning beside the repository
(resolved from this file's location); --data DIR points elsewhere.
Python 3 standard library only.
"""

import argparse
import random
import sys
from pathlib import Path

SETS = ("cleaneval-dev", "readability-tests", "dragnet")
SEED = 20261130
COUNT = 100
SECOND_SEED = 20261204
SECOND_DRAGNET = 150


def default_data_dir() -> Path:
    return (Path(__file__).resolve().parents[3] / ".." / "shared" / "bench" / "cleaning").resolve()


def list_pairs(data: Path) -> list:
    pairs = []
    for s in SETS:
        gold = data / s / "gold"
        if not gold.is_dir():
            sys.exit(f"missing folder: {gold}")
        pairs.extend((s, p.stem) for p in gold.glob("*.txt") if p.is_file())
    pairs.sort()
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data_dir(),
                    help="the cleaning data folder (default: %(default)s)")
    ap.add_argument("--second", action="store_true",
                    help="print the second draw instead of the first")
    args = ap.parse_args()
    pairs = list_pairs(args.data)
    drawn = sorted(random.Random(SEED).sample(pairs, COUNT))
    if args.second:
        first = set(drawn)
        rest = [p for p in pairs if p not in first]
        small = [p for p in rest if p[0] != "dragnet"]
        dragnet = sorted(p for p in rest if p[0] == "dragnet")
        drawn = sorted(small + random.Random(SECOND_SEED).sample(dragnet, SECOND_DRAGNET))
    for s, name in drawn:
        print(f"{s}\t{name}")


if __name__ == "__main__":
    main()
