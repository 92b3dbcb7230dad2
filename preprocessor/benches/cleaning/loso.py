#!/usr/bin/env python3
"""Leave-one-set-out figures of the cleaner: each public set cleaned with models that
never saw it.

    python3 preprocessor/benches/cleaning/loso.py [--sets a,b] [--json FILE] [--keep DIR]

Needs numpy (as the two fitting scripts do; CI does not run this).

The cleaner has two fitted models: the title model (`title_model.rs`, written by
fit_title_model.py) and the run model (`run_model.rs`, written by fit_run_model.py).
Their shipped weights were fitted on all five public sets of ../shared/bench/cleaning,
so the harness's figures are in-sample. For each set S in turn this script

1. fits both models, with the shipped settings (L2 penalty 0.01, the run model's
   shipped threshold), on the other four sets, from features the current release
   binary writes (`clean --title-features`, `clean --run-features`);
2. writes the two fold weight files, rebuilds the release binary, and runs the
   harness on S alone;

and, as the reference, does the same with both models refitted on all five sets
(in-sample, on today's features). It then restores the shipped weight files and
rebuilds, whatever happened, and prints per set: F1, pages worse than raw, pages
under 0.5 recall and titles, shipped / refitted in-sample / leave-one-set-out,
beside the targets (F1 >= 0.90 and trafilatura's figure, titles >= 95%).

Every hand-set threshold of the cleaner stays as it is: they were each checked on
all five sets (README, "What moved the figures"), not fitted to one. The medical
set is never fitted on by either model, so its harness figures are held out already.
Eight release builds (shipped, in-sample, five folds, the restore): five or six
minutes on two cores. Features are taken once, from the shipped binary: the run
model's features come after the title is chosen, so a fold's run features saw a title
model fitted on all five sets, and its held-out figure is slightly optimistic.
"""

import argparse
import json
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import fit_run_model as runs  # noqa: E402
import fit_title_model as titles  # noqa: E402
import harness  # noqa: E402

SETS = titles.SETS


def harness_rows(sets: list[str], keep: Path | None) -> dict:
    """The harness's JSON figures for `sets` (the harness rebuilds the release binary);
    the cleaned pages go to `keep` when given."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "h.json"
        r = subprocess.run([sys.executable, str(HERE / "harness.py"), "--sets", ",".join(sets), "--worst", "0",
                            "--json", str(out), *(["--keep", str(keep)] if keep else [])],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"loso: the harness failed on {', '.join(sets)}:\n{r.stderr[-3000:]}")
        return json.loads(out.read_text())["sets"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", help="comma-separated sets to hold out in turn (default: all five)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--keep", type=Path,
                    help="keep the cleaned pages in KEEP/shipped, KEEP/in-sample and KEEP/loso")
    a = ap.parse_args()
    held = a.sets.split(",") if a.sets else SETS
    data = harness.SHARED / "cleaning"
    binary = harness.release_binary()
    hand = harness.hand_titles()
    # Features of every set, from the binary as it is now.
    title_sets, run_sets, names_t, names_r = {}, {}, None, None
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        (work / "no-book").mkdir()
        for s in SETS:
            names_t, pages = titles.candidates(binary, data, s, work)
            title_sets[s] = titles.build(pages, titles.labels_for(s, data, hand))
            run_sets[s] = runs.load(runs.dump(binary, data, s, work), data, s)
            names_r = run_sets[s][0]
    # The run model's shipped threshold, kept in every fold.
    threshold = float(re.search(r"RUN_KEEP_P: f64 = ([0-9.]+);", runs.OUT.read_text())[1])

    def fit_both(on: list[str]):
        t = titles.fit([r for s in on for r in title_sets[s]], 0.01)
        r = runs.fit(*(runs.np.concatenate([run_sets[s][k] for s in on]) for k in (1, 2, 3)), 0.01)
        return t, r

    shipped_title, shipped_run = titles.OUT.read_text(), runs.OUT.read_text()
    # A terminal closed or a job killed must still restore the shipped weights.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(f"loso: stopped by signal; restoring the shipped weights"))
    figures: dict[str, dict] = {s: {} for s in held}
    try:
        print("shipped weights ...", file=sys.stderr)
        for s, row in harness_rows(held, a.keep and a.keep / "shipped").items():
            figures[s]["shipped"] = row
        print("refitted on all five sets ...", file=sys.stderr)
        t, r = fit_both(SETS)
        titles.write(t, names_t, {}, 0.01)
        runs.write(r, names_r, threshold, 0.01)
        for s, row in harness_rows(held, a.keep and a.keep / "in-sample").items():
            figures[s]["in-sample"] = row
        for s in held:
            print(f"fitted without {s} ...", file=sys.stderr)
            t, r = fit_both([o for o in SETS if o != s])
            titles.write(t, names_t, {}, 0.01)
            runs.write(r, names_r, threshold, 0.01)
            figures[s]["loso"] = harness_rows([s], a.keep and a.keep / "loso")[s]
    finally:
        titles.OUT.write_text(shipped_title)
        runs.OUT.write_text(shipped_run)
        rebuilt = subprocess.run(["cargo", "build", "--release", "-q", "-p", "mdbook-seeds"], cwd=harness.REPO)
        if rebuilt.returncode != 0:
            print("loso: the shipped weights are restored in the source, but the rebuild failed: "
                  "the release binary may still hold a fold's weights", file=sys.stderr)

    print("\nLeave-one-set-out: each set cleaned by title and run models fitted on the other four")
    print("(shipped = the committed weights, fitted on all five; in-sample = refitted on all five today)\n")
    head = (f"{'set':18s} {'F1 shipped':>10s} {'in-sample':>9s} {'LOSO':>6s} {'target':>6s}   "
            f"{'worse':>11s}   {'R<0.5':>11s}   {'titles shipped':>14s} {'in-sample':>9s} {'LOSO':>9s}")
    print(head)
    print("-" * len(head))
    for s in held:
        f = figures[s]
        target = max(0.90, harness.BASELINES.get(s, (0.0, 0.0, 0.0))[2])
        col = lambda k, key: f[k][key]
        ttl = lambda k: f"{f[k]['titles_right']}/{f[k]['titled']}"
        counts = lambda key: "/".join(str(len(f[k][key])) for k in ("shipped", "in-sample", "loso"))
        print(f"{s:18s} {col('shipped', 'f1'):10.4f} {col('in-sample', 'f1'):9.4f} {col('loso', 'f1'):6.4f} "
              f"{target:6.3f}   {counts('worse_than_raw'):>11s}   {counts('recall_below_half'):>11s}   "
              f"{ttl('shipped'):>14s} {ttl('in-sample'):>9s} {ttl('loso'):>9s}")
    print("\nworse and R<0.5: pages, shipped/in-sample/LOSO; target: F1 >= 0.90 and >= trafilatura's")
    if a.json:
        a.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
