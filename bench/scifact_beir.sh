#!/usr/bin/env bash
# The three SciFact test runs recorded in bench/README.md, plus the whole-abstract dense check.
# Needs the corpus indexed once (~15 min alone on 2 cores, 40 min shared); later runs reuse it.
#   bench/scifact_beir.sh [DATA_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BEIR=${BEIR:-/work/shared/benchmarks/scifact/beir}
DATA=${1:-/tmp/beir-data}
OUT=${2:-bench/results}
for retriever in dense bm25 hybrid; do
  /usr/bin/time -f "$retriever: %e s wall" .venv/bin/paperchat eval beir "$BEIR" --split test \
    --retriever "$retriever" --data-dir "$DATA" --out "$OUT/scifact-test-$retriever" --quiet
done
# Whole abstracts as single chunks (the model truncates them at 256 word pieces), as MTEB embeds them:
# the published all-MiniLM-L6-v2 figure. A collection of its own (chunk size is part of the index hash).
PAPERCHAT_INGEST__CHUNK_TOKENS=100000 /usr/bin/time -f "dense-whole: %e s wall" .venv/bin/paperchat eval beir \
  "$BEIR" --split test --retriever dense --data-dir "$DATA" --out "$OUT/scifact-test-dense-whole-abstract" --quiet
