#!/usr/bin/env bash
# Builds synthetic glossaries of the given sizes with the crate's compiler and times queries on each:
#   bash benches/scaling/run.sh 10000 30000
# 10,000 terms build in about a minute and 1.3 GB. A glossary holds at most 65,536 terms.
set -euo pipefail
cd "$(dirname "$0")"
for n in "${@:-10000}"; do
  echo "== $n synthetic terms"
  start=$(date +%s)
  SCALE_TERMS=$n cargo build --release --quiet
  echo "cargo build --release (generation, compiler and rustc): $(( $(date +%s) - start )) s"
  SCALE_TERMS=$n cargo run --release --quiet
done
