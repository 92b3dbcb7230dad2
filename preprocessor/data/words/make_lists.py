#!/usr/bin/env python3
"""Regenerate `frequency.tsv`, `bigrams.tsv`, `webfreq.tsv` and `misspellings.tsv` from their published sources.

usage: make_lists.py [--cache DIR]

Both sources are fetched from PyPI at pinned versions into the cache folder (default:
Cargo's target folder), never into the repository:

  frequency.tsv      SymSpell's English frequency dictionary (symspellpy 6.10.1,
                     symspellpy/frequency_dictionary_en_82_765.txt; SymSpell and symspellpy
                     MIT). Its 82,765 words are the intersection of SCOWL and the Google
                     Books Ngram counts (Google Books Ngram Viewer data, CC BY 3.0).
                     Written as `word<TAB>zipf`, where zipf is ten times the base-10 log of
                     the word's frequency per billion words (so 30 is one in a million, 70 is
                     one in a hundred), rounded; the scale of Brysbaert and van Heuven (2014).
  bigrams.tsv        every word pair of letters a-z in SymSpell's bigram dictionary
                     (frequency_bigramdictionary_en_243_342.txt, same package and sources),
                     as `first second<TAB>zipf` on the same scale.
  webfreq.tsv        every English word of letters a-z in wordfreq 3.1.1's "large" list
                     (wordfreq/data/large_en.msgpack.gz; Robyn Speer; data CC BY-SA 4.0,
                     from Wikipedia, subtitles (OpenSubtitles, SUBTLEX), news, books (Google
                     Books Ngrams), the web (ParaCrawl, Leeds Internet Corpus), Reddit and
                     Twitter statistics), as `word<TAB>zipf` on the same scale. It knows the
                     words of web text no dictionary lists ("gameplay", "framerate",
                     "timepoint") and also its common slips ("inthe", "alot"): a glued token
                     is split only when the two words are far likelier than the token.
  misspellings.tsv   codespell 2.4.3's main dictionary (codespell_lib/data/dictionary.txt,
                     a derivative of English Wikipedia's lists of common misspellings,
                     CC BY-SA 3.0). Kept: entries with exactly one correction, letters only,
                     whose misspelling is not itself a word of any list the crate ships
                     (en.tsv, mesh.txt, oncology.txt, frequency.tsv): "infarction" and
                     "covert" are codespell misspellings but real words. Written as
                     `misspelling<TAB>correction`, lower case. This file is CC BY-SA 3.0.
"""
import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
PACKAGES = {
    "symspellpy": "symspellpy==6.10.1",
    "codespell": "codespell==2.4.3",
    # wordfreq reads its own data files with msgpack.
    "wordfreq": "wordfreq==3.1.1",
    "msgpack": "msgpack==1.1.0",
}
# Word pairs kept: all (None). The speller settles an unsure word with any listed
# pair, and takes only the commonest (lexicon::COMMON_PAIR) as evidence for a split.
BIGRAMS_KEPT = None


def fetch(cache: Path, name: str) -> Path:
    dest = cache / name
    if not dest.exists():
        tmp = cache / (name + ".partial")
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
             "--disable-pip-version-check", "--target", str(tmp), PACKAGES[name]],
            check=True,
        )
        tmp.rename(dest)
    return dest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path)
    a = ap.parse_args()
    cache = a.cache
    if cache is None:
        meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                              cwd=REPO, check=True, capture_output=True, text=True)
        cache = Path(json.loads(meta.stdout)["target_directory"]) / "word-lists"
    cache.mkdir(parents=True, exist_ok=True)

    rows = []
    src = next(fetch(cache, "symspellpy").rglob("frequency_dictionary_en_82_765.txt"))
    for line in src.read_text().splitlines():
        w, c = line.split()
        rows.append((w.lower(), int(c)))
    total = sum(c for _, c in rows)
    zipf = {}
    for w, c in rows:
        if w.isalpha() and w.isascii():
            z = round(10 * math.log10(c / total * 1e9))
            zipf[w] = max(zipf.get(w, 0), max(z, 1))
    (HERE / "frequency.tsv").write_text("".join(f"{w}\t{z}\n" for w, z in sorted(zipf.items())))

    # Word pairs: the commonest two-word sequences (SymSpell's bigram dictionary,
    # frequency_bigramdictionary_en_243_342.txt, the same sources), as "a b<TAB>zipf".
    pairs = []
    src2 = next(fetch(cache, "symspellpy").rglob("frequency_bigramdictionary_en_243_342.txt"))
    for line in src2.read_text().splitlines():
        a, b, c = line.split()
        a, b = a.lower(), b.lower()
        if a.isalpha() and b.isalpha() and a.isascii() and b.isascii():
            pairs.append((a, b, int(c)))
    pairs.sort(key=lambda p: -p[2])
    pairs = pairs[:BIGRAMS_KEPT]
    bigram_zipf = {}
    for a, b, c in pairs:
        bigram_zipf[f"{a} {b}"] = max(1, round(10 * math.log10(c / total * 1e9)))
    (HERE / "bigrams.tsv").write_text("".join(f"{k}\t{z}\n" for k, z in sorted(bigram_zipf.items())))

    # wordfreq's data: a msgpack list whose item i is the words of frequency
    # 10^(-i/100) (centibels); item 0 is a header.
    import gzip
    sys.path.insert(0, str(fetch(cache, "msgpack")))
    import msgpack
    packed = next(fetch(cache, "wordfreq").rglob("large_en.msgpack.gz"))
    bins = msgpack.loads(gzip.decompress(packed.read_bytes()), raw=False)[1:]
    web = {}
    for centibels, words in enumerate(bins):
        z = round(10 * (9 - centibels / 100))
        for w in words:
            if w.isascii() and w.isalpha() and w.islower() and z >= 10:
                web.setdefault(w, z)
    (HERE / "webfreq.tsv").write_text("".join(f"{w}\t{z}\n" for w, z in sorted(web.items())))

    known = set(zipf)
    known |= {l.split("\t")[0] for l in (HERE / "en.tsv").read_text().splitlines()}
    for name in ("mesh.txt", "oncology.txt"):
        known |= {l.strip().lower() for l in (HERE / name).read_text().splitlines()
                  if l.strip() and not l.startswith("#")}
    out = {}
    dic = next(fetch(cache, "codespell").rglob("codespell_lib/data/dictionary.txt"))
    for line in dic.read_text().splitlines():
        wrong, _, right = line.partition("->")
        wrong, right = wrong.strip().lower(), right.strip().lower()
        # One correction (a word, or words: "inthe" -> "in the"), letters only.
        if "," in right or not wrong.isalpha() or not right.replace(" ", "").isalpha():
            continue
        if not wrong.isascii() or wrong in known or wrong == right:
            continue
        if not all(r in known for r in right.split()):
            continue
        out[wrong] = right
    (HERE / "misspellings.tsv").write_text("".join(f"{w}\t{r}\n" for w, r in sorted(out.items())))
    print(f"frequency.tsv: {len(zipf):,} words; webfreq.tsv: {len(web):,} words; bigrams.tsv: {len(bigram_zipf):,} pairs; "
          f"misspellings.tsv: {len(out):,} misspellings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
