#!/usr/bin/env bash
# Everything the cleaner and the book produce, written by one mdbook-seeds binary, so that
# two binaries can be compared byte for byte (a refactor must change nothing):
#   preprocessor/benches/same-output.sh BIN OUT      # then: diff -r OUT_A OUT_B
# OUT/<set>/: each set of ../shared/bench/cleaning and ../shared/bench/medical cleaned as one
# corpus, with the edit report; OUT/fixtures/, OUT/heldout/: each page cleaned alone, Markdown
# and outline; OUT/seeds/: the seed book's pages with the report; OUT/site/: the seed book
# built (HTML, search index).
set -euo pipefail
bin=$(realpath "$1"); out=$(realpath -m "$2")
cd "$(dirname "$0")/../.."
rm -rf "$out"; mkdir -p "$out"
bench=../shared/bench
for d in "$bench"/cleaning/*/; do
  s=$(basename "$d"); [ -d "$d/text" ] || continue
  "$bin" clean --book /nonexistent-book --report --out-dir "$out/$s" "$d"text/*.txt >/dev/null 2>&1 || echo "clean failed: $s"
done
"$bin" clean --report --out-dir "$out/medical" "$bench"/medical/*.txt >/dev/null 2>&1 || echo "clean failed: medical"
for t in fixtures heldout; do
  mkdir -p "$out/$t"
  for f in preprocessor/tests/$t/*.txt; do
    n=$(basename "$f" .txt)
    "$bin" clean "$f" >"$out/$t/$n.md" 2>"$out/$t/$n.err" || true
    "$bin" clean --outline "$f" >"$out/$t/$n.outline" 2>/dev/null || true
  done
done
"$bin" clean --report --out-dir "$out/seeds" seeds/*.txt >/dev/null 2>&1 || echo "clean failed: seeds"
"$bin" build . --dest-dir "$out/site" >/dev/null 2>&1 || echo "build failed"
echo "wrote $out"
