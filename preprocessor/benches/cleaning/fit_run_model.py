#!/usr/bin/env python3
"""Fit the run model: is a run of kept text away from the main text main content?

    python3 preprocessor/benches/cleaning/fit_run_model.py [--threshold P] [--l2 X]
                                                           [--write] [--harness]
                                                           [--without f1,f2]

The shipped weights were written with the defaults (--threshold 0.15 --l2 0.01
--harness).

Needs numpy (not needed by CI: only the learned numbers are committed).

1. Cleans each set of ../shared/bench/cleaning/ as one corpus with
   `mdbook-seeds clean --run-features`, which writes every page's runs of kept text
   other than the largest (units separated by three dropped ones or more), with the
   features named in `RUN_FEATURES` (preprocessor/src/clean/classify/runs.rs).
2. Labels: a run's share of word 3-shingles (lower-case \\w+ tokens) found in the
   page's gold text. A run is main content when half of them are. Runs of one or two
   words have no shingle and are left out of the fit (labelling them by their words
   was tried: CleanEval 0.869 -> 0.866 held out). The scorer uses 4-word shingles of
   its own tokens: the labels are close to, not the same as, what it counts.
3. Fits a logistic regression with an L2 penalty on standardised features, by
   gradient descent (Adam); each run weighs the square root of its words (one long
   sidebar is not worth a thousand one-line ones, nor only one).
4. Prints, per set, what the model fitted on the other four sets (leave one set
   out) and on all five would keep and drop at --threshold, in words of gold and
   non-gold text, beside what the cleaner does now (the guard for pages of records,
   `RECORD_PAGE_PROSE_RUNS` in runs.rs, applied).
5. With --harness, also writes the leave-one-set-out weights of each set in turn,
   rebuilds, and runs the harness on that set alone: the honest F1. Then writes the
   weights fitted on every set (as --write does).
6. With --write, writes the weights fitted on every set, and the threshold, to
   preprocessor/src/clean/classify/run_model.rs, with the sets named.

The medical set (../shared/bench/medical) is never fitted on.
"""

import argparse
import csv
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE))
import harness  # noqa: E402

OUT = REPO / "preprocessor" / "src" / "clean" / "classify" / "run_model.rs"
SETS = ["cleaneval-dev", "cleanportaleval", "dragnet", "l3s-gn1", "readability-tests"]
NOT_FEATURES = {"file", "first", "last", "kept", "probability", "text"}
# `RECORD_PAGE_PROSE_RUNS` of runs.rs.
RECORD_PAGE_PROSE_RUNS = 4


def tokens(t: str) -> list[str]:
    return re.findall(r"\w+", t.lower())


def shingles(ws: list[str], n: int = 3) -> set:
    return {tuple(ws[i : i + n]) for i in range(max(1, len(ws) - n + 1))}


def dump(binary: Path, data: Path, set_name: str, tmp: Path) -> Path:
    tsv = tmp / f"{set_name}.tsv"
    files = sorted((data / set_name / "text").glob("*.txt"))
    r = subprocess.run(
        [str(binary), "clean", "--book", str(tmp / "no-book"), "--out-dir", str(tmp / set_name),
         "--run-features", str(tsv), *map(str, files)],
        capture_output=True, text=True,
    )
    if r.returncode != 0:
        sys.exit(f"fit_run_model: clean failed on {set_name}:\n{r.stderr[-2000:]}")
    return tsv


def load(tsv: Path, data: Path, set_name: str):
    """(feature names, X, gold share, words, kept now) of the set's runs."""
    csv.field_size_limit(1 << 30)
    gold_cache: dict[str, tuple[set] | None] = {}
    names, X, y, w, kept = None, [], [], [], []
    with open(tsv, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if names is None:
                names = [k for k in row if k not in NOT_FEATURES]
            stem = row["file"].rsplit(".", 1)[0]
            if stem not in gold_cache:
                g = data / set_name / "gold" / f"{stem}.txt"
                gold_words = tokens(g.read_text(errors="replace")) if g.exists() else None
                gold_cache[stem] = (shingles(gold_words),) if gold_words else None
            gold = gold_cache[stem]
            if gold is None:
                continue
            ws = tokens(row["text"])
            if len(ws) < 3:  # no shingle to label it by
                continue
            sh = shingles(ws)
            X.append([float(row[k]) for k in names])
            y.append(sum(1 for s in sh if s in gold[0]) / len(sh))
            w.append(len(ws))
            kept.append(row["kept"] == "1")
    return names, np.array(X), np.array(y), np.array(w, float), np.array(kept)


def fit(X, y, w, l2: float, steps: int = 3000):
    """Weights per raw feature unit and a bias (standardised inside)."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    sw = np.sqrt(w)
    sw = sw / sw.mean()
    yb = (y >= 0.5).astype(float)
    b = np.zeros(Z.shape[1])
    m, v = np.zeros_like(b), np.zeros_like(b)
    for t in range(1, steps + 1):
        p = 1 / (1 + np.exp(-Z @ b))
        g = Z.T @ ((p - yb) * sw) / len(Z) + l2 * np.r_[b[:-1], 0]
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        b -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    weights = b[:-1] / sd
    bias = b[-1] - (mu / sd) @ b[:-1]
    return weights, bias


def record_page(names, X):
    """Runs that `RECORD_PAGE_PROSE_RUNS` keeps whatever the model says: runs with a
    paragraph of prose on a page with four such runs or more (main run included)."""
    ix = {n: i for i, n in enumerate(names)}
    prose_runs = np.rint(np.exp(X[:, ix["log_prose_runs"]]) - 1)  # the TSV rounds ln(1 + n)
    return (X[:, ix["prose_share"]] > 0) & (prose_runs >= RECORD_PAGE_PROSE_RUNS)


def probability(model, X):
    weights, bias = model
    return 1 / (1 + np.exp(-(X @ weights + bias)))


def words_line(keep, y, w) -> str:
    gold = y * w
    return (f"kept gold {gold[keep].sum():8.0f}  kept non-gold {((1 - y) * w)[keep].sum():8.0f}"
            f"  gold dropped {gold[~keep].sum():7.0f}")


def write(model, names, threshold: float, l2: float, figures: list[str] | None = None):
    weights, bias = model
    width = max(len(f"{x:.4f}") for x in weights) + 1
    lines = [
        "//! The run model's weights: generated by",
        "//! `preprocessor/benches/cleaning/fit_run_model.py --write`; do not edit by hand.",
        "//!",
        f"//! A logistic regression (L2 penalty {l2} on standardised features, runs weighted by",
        "//! the square root of their words) fitted on the public sets of",
        "//! ../shared/bench/cleaning (CleanEval dev, CleanPortalEval, Dragnet, L3S-GN1,",
        "//! Readability tests): a run is main content when half of its word 3-shingles are",
        "//! in the page's gold text.",
    ]
    if figures:
        lines += ["//!", "//! Shingle F1 with the weights fitted on the other four sets (leave one set out):", "//!"]
        lines += [f"//! - {f}" for f in figures]
    lines += [
        "",
        "/// Weights of `runs::RUN_FEATURES`, in that order (per unit of the raw feature).",
        f"pub(super) const RUN_WEIGHTS: [f32; {len(weights)}] = [",
    ]
    for x, n in zip(weights, names):
        lines.append(f"    {f'{x:.4f},':<{width}} // {n}")
    lines += [
        "];",
        "",
        "/// The model's bias (log-odds of a run with every feature zero).",
        f"pub(super) const RUN_BIAS: f64 = {bias:.6f};",
        "",
        "/// A run away from the main text is kept when the model gives it at least this",
        "/// probability of being main content (chosen on the leave-one-set-out figures).",
        f"pub(super) const RUN_KEEP_P: f64 = {threshold};",
        "",
    ]
    OUT.write_text("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threshold", type=float, default=0.15,
                    help="keep a run at this probability or more (0.15 is shipped)")
    ap.add_argument("--l2", type=float, default=0.01, help="L2 penalty on standardised weights")
    ap.add_argument("--write", action="store_true", help="write the weights fitted on every set")
    ap.add_argument("--harness", action="store_true", help="leave-one-set-out F1 through the harness")
    ap.add_argument("--without", default="",
                    help="comma-separated features held at zero, to measure what one adds "
                         "(the shipped weights are then left as they are)")
    args = ap.parse_args()
    data = harness.SHARED / "cleaning"
    binary = harness.release_binary()
    sets = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "no-book").mkdir()
        for s in SETS:
            sets[s] = load(dump(binary, data, s, tmp), data, s)
    names = sets[SETS[0]][0]
    for n in filter(None, args.without.split(",")):
        if n not in names:
            sys.exit(f"fit_run_model: no feature {n} (features: {', '.join(names)})")
        if n in ("prose_share", "log_prose_runs"):
            sys.exit(f"fit_run_model: {n} is read by the records guard (RECORD_PAGE_PROSE_RUNS); it cannot be held at zero")
        for s in SETS:
            sets[s][1][:, names.index(n)] = 0.0

    def fitted_on(chosen):
        return fit(np.vstack([sets[t][1] for t in chosen]), np.concatenate([sets[t][2] for t in chosen]),
                   np.concatenate([sets[t][3] for t in chosen]), args.l2)

    everything = fitted_on(SETS)
    folds = {s: fitted_on([t for t in SETS if t != s]) for s in SETS}
    print(f"Runs away from the main text, at threshold {args.threshold} (words):")
    for s in SETS:
        _, X, y, w, kept = sets[s]
        guard = record_page(names, X)
        print(f"{s}: {len(y)} runs")
        print(f"    {'as cleaned now':22s} {words_line(kept, y, w)}")
        for label, model in (("leave-one-set-out", folds[s]), ("in-sample", everything)):
            keep = (probability(model, X) >= args.threshold) | guard
            print(f"    {label:22s} {words_line(keep, y, w)}")
    print("\nweights fitted on every set (per raw unit):")
    for n, x in zip(names, everything[0]):
        print(f"    {n:22s} {x:+.4f}")
    print(f"    {'bias':22s} {everything[1]:+.4f}")
    figures = []
    if args.harness:
        original = OUT.read_text()
        try:
            for s in SETS:
                write(folds[s], names, args.threshold, args.l2)
                r = subprocess.run([sys.executable, str(HERE / "harness.py"), "--sets", s, "--worst", "0"],
                                   capture_output=True, text=True, check=True)
                row = next(ln for ln in r.stdout.splitlines() if ln.startswith(s))
                print(f"leave-one-set-out harness: {row}")
                figures.append(f"{s}: {row.split()[2]}")
        finally:
            OUT.write_text(original)
    if args.without:
        # A measurement: the shipped weights are never fitted without a feature.
        print(f"--without: {OUT.relative_to(REPO)} left as it was")
    elif args.write or args.harness:
        write(everything, names, args.threshold, args.l2, figures)
        print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
