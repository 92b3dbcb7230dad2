#!/usr/bin/env python3
"""Fit the title model: which of a page's candidate lines is its headline.

    python3 preprocessor/benches/cleaning/fit_title_model.py [--write] [--l2 X]

Needs numpy (not needed by CI: only the learned numbers are committed).

1. Cleans each set of ../shared/bench/cleaning/ as one corpus with
   `mdbook-seeds clean --title-features`, which writes every page's candidate lines
   (up to 40 units before the text starts, 6 after a short lede) with the features named in
   `TITLE_FEATURES` (preprocessor/src/clean/classify/title.rs).
2. Labels: the headline of l3s-gn1 and cleanportaleval (their first gold line, see the
   README there) and the hand labels of titles.tsv (cleaneval-dev, readability-tests,
   dragnet). A candidate is the headline when it equals it with case, spacing and
   punctuation ignored (the harness's rule). Pages none of whose candidates is the
   headline teach nothing and are left out of the fit (they still count as misses).
3. Fits a conditional logit (softmax over a page's candidates; the page's headline is
   the observed choice) with an L2 penalty, on standardised features, by gradient
   descent (Adam). The title is the candidate with the highest score.
4. Prints leave-one-set-out accuracy (fitted on the other sets) beside in-sample
   accuracy, over the pages whose headline is among the candidates and over all
   labelled pages.
5. With --write, fits on every set and writes the weights to
   preprocessor/src/clean/classify/title_model.rs, with the sets and figures named.

The medical set (../shared/bench/medical) is never fitted on: the harness reports its
titles as a held-out check.
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE))
import harness  # noqa: E402

OUT = REPO / "preprocessor" / "src" / "clean" / "classify" / "title_model.rs"
SETS = ["cleaneval-dev", "cleanportaleval", "dragnet", "l3s-gn1", "readability-tests"]


def labels_for(set_name: str, data: Path, hand: dict) -> dict[str, str]:
    out = {}
    for g in sorted((data / set_name / "gold").glob("*.txt")):
        if set_name in harness.FIRST_LINE_TITLES:
            gold = g.read_text(errors="replace")
            want = next((ln.strip() for ln in gold.splitlines() if ln.strip()), "")
        else:
            want = hand.get((set_name, g.stem), "")
        if want:
            out[g.stem] = want
    return out


def candidates(binary: Path, data: Path, set_name: str, work: Path):
    """Per page (file stem): (names, X, texts) of its candidates."""
    files = sorted((data / set_name / "text").glob("*.txt"))
    tsv = work / f"{set_name}.tsv"
    out = work / set_name
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as no_book:
        r = subprocess.run(
            [str(binary), "clean", "--book", no_book, "--out-dir", str(out),
             "--title-features", str(tsv), *map(str, files)],
            capture_output=True, text=True,
        )
    if r.returncode != 0:
        sys.exit(f"fit_title_model: clean failed on {set_name}:\n{r.stderr[-2000:]}")
    pages: dict[str, tuple[list, list]] = {}
    with tsv.open(newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        names = header[4:-1]
        for row in rows:
            stem = Path(row[0]).stem
            feats = [float(x) for x in row[4:-1]]
            pages.setdefault(stem, ([], []))
            pages[stem][0].append(feats)
            pages[stem][1].append(row[-1])
    return names, {k: (np.array(x, dtype=np.float64), t) for k, (x, t) in pages.items()}


def build(set_pages, labels):
    """Training rows: (X, mask of the candidates equal to the headline) per page whose
    headline is among its candidates (a headline printed twice counts either way)."""
    out = []
    for stem, want in labels.items():
        if stem not in set_pages:
            continue
        x, texts = set_pages[stem]
        w = harness.fold_title(want)
        hits = np.array([harness.fold_title(t) == w for t in texts])
        if hits.any():
            out.append((x, hits))
    return out


def fit(rows, l2: float, steps: int = 1500):
    """Conditional-logit weights for raw features (standardised inside, on the rows
    fitted on only). The likelihood of a page is the probability of any candidate
    equal to its headline."""
    allx = np.vstack([x for x, _ in rows])
    mu, sd = allx.mean(0), allx.std(0)
    sd[sd == 0] = 1.0
    xs = [((x - mu) / sd, y) for x, y in rows]
    big = np.vstack([x for x, _ in xs])
    seg = np.cumsum([0] + [len(x) for x, _ in xs])[:-1]
    hit = np.concatenate([y for _, y in xs]).astype(float)
    w = np.zeros(big.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    n = len(xs)
    for t in range(1, steps + 1):
        s = big @ w
        # Softmax within each page.
        mx = np.maximum.reduceat(s, seg)
        e = np.exp(s - np.repeat(mx, np.diff(np.append(seg, len(s)))))
        z = np.add.reduceat(e, seg)
        p = e / np.repeat(z, np.diff(np.append(seg, len(s))))
        # The headline's share of the page's probability, per candidate.
        ph = p * hit
        zh = np.add.reduceat(ph, seg)
        q = ph / np.repeat(zh, np.diff(np.append(seg, len(s))))
        g = ((p - q) @ big) / n + 2 * l2 * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return w / sd


def choose(x, texts, names, w):
    """The candidate the Rust chooser ranks first: an unnumbered section before a
    numbered one, then the highest score, the last on a tie (its guard, which may
    defer to the rules, is not simulated)."""
    sc = x @ w
    num = x[:, names.index("section_number")] > 0
    key = [(not n, s, i) for i, (n, s) in enumerate(zip(num, sc))]
    return max(key)[2]


def accuracy(w, set_pages, labels, names):
    right = findable = 0
    for stem, want in labels.items():
        if stem not in set_pages:
            continue
        x, texts = set_pages[stem]
        wf = harness.fold_title(want)
        if any(harness.fold_title(t) == wf for t in texts):
            findable += 1
            if harness.fold_title(texts[choose(x, texts, names, w)]) == wf:
                right += 1
    return right, findable, len(labels)


def write(w, names, figures, l2):
    lines = [
        "//! The title model's weights: generated by",
        "//! `preprocessor/benches/cleaning/fit_title_model.py --write`; do not edit by hand.",
        "//!",
        "//! A conditional logit (softmax over a page's candidate lines) fitted with an L2",
        f"//! penalty of {l2} on standardised features, on the headline labels of the public",
        "//! sets of ../shared/bench/cleaning (CleanEval dev, CleanPortalEval, Dragnet,",
        "//! L3S-GN1, Readability tests: first gold line or `titles.tsv`). Accuracy of the",
        "//! model's first-ranked line (before the guard in `title.rs`), right / headline among",
        "//! the candidates / labelled pages, leave-one-set-out and in-sample:",
        "//!",
    ]
    for s, (lo, ins) in figures.items():
        lines.append(f"//! - {s}: {lo} (in-sample {ins})")
    lines += [
        "",
        "/// Weights of `title::TITLE_FEATURES`, in that order (per unit of the raw feature).",
        f"pub(crate) const TITLE_WEIGHTS: [f32; {len(w)}] = [",
    ]
    for n, x in zip(names, w):
        lines.append(f"    {f'{x:.4f},':<8} // {n}")
    lines.append("];")
    OUT.write_text("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write the weights fitted on every set")
    ap.add_argument("--l2", type=float, default=0.01, help="L2 penalty on standardised weights")
    ap.add_argument("--without", default="",
                    help="comma-separated features left out of the fit (weight 0), to measure what each adds")
    a = ap.parse_args()
    data = harness.SHARED / "cleaning"
    binary = harness.release_binary()
    hand = harness.hand_titles()
    per_set = {}
    names = None
    with tempfile.TemporaryDirectory() as work:
        for s in SETS:
            names, pages = candidates(binary, data, s, Path(work))
            labels = labels_for(s, data, hand)
            if a.without:
                off = [names.index(n) for n in a.without.split(",")]
                for x, _ in pages.values():
                    x[:, off] = 0.0
            per_set[s] = (pages, labels, build(pages, labels))
    everything = [r for s in SETS for r in per_set[s][2]]
    w_all = fit(everything, a.l2)
    figures = {}
    print(f"{'set':18s} {'labelled':>8s} {'findable':>8s} {'LOSO':>12s} {'in-sample':>12s}")
    tot = np.zeros(3, dtype=int)
    tot_in = np.zeros(3, dtype=int)
    for s in SETS:
        pages, labels, _ = per_set[s]
        rest = [r for o in SETS if o != s for r in per_set[o][2]]
        lo = accuracy(fit(rest, a.l2), pages, labels, names)
        ins = accuracy(w_all, pages, labels, names)
        tot += lo
        tot_in += ins
        f = lambda r: f"{r[0]}/{r[1]} {100 * r[0] / max(r[1], 1):.0f}%"
        print(f"{s:18s} {lo[2]:8d} {lo[1]:8d} {f(lo):>12s} {f(ins):>12s}")
        figures[s] = (f"{lo[0]}/{lo[1]} / {lo[2]}", f"{ins[0]}/{ins[1]} / {ins[2]}")
    print(f"{'all':18s} {tot[2]:8d} {tot[1]:8d} {tot[0]}/{tot[1]:<6d} {tot_in[0]}/{tot_in[1]}")
    print("\nweights (per raw unit):")
    for n, x in sorted(zip(names, w_all), key=lambda p: -abs(p[1])):
        print(f"  {n:32s} {x:+.3f}")
    if a.write:
        write(w_all, names, figures, a.l2)
        print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
