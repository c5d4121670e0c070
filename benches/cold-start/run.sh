#!/usr/bin/env bash
# Cold start to first answer, over repeated runs, and the bytes the glossary adds to a release binary:
#   bash benches/cold-start/run.sh [RUNS]
# phf:  social-glossary's compiled tables (nothing happens at start-up)
# json: the glossary embedded as JSON and parsed into a HashMap at start-up (serde_json)
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-200}
cargo build --release --quiet
bin=target/release

time_runs() { # prints the median wall time of one run, in microseconds
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

phf=$(time_runs "$bin/phf" "micro influencers")
json=$(time_runs "$bin/json" "micro influencer")
base=$(time_runs "$bin/baseline" "micro influencer")
echo "cold start to first answer, median of $runs runs (process start to exit):"
echo "  baseline (no glossary): ${base} us"
echo "  phf (social-glossary):  ${phf} us"
echo "  json + HashMap:         ${json} us"
awk -v p="$phf" -v j="$json" -v b="$base" 'BEGIN {
  printf "  over the baseline: phf %d us, json %d us; json/phf = %.1fx\n", p - b, j - b, (j - b) / ((p - b) > 1 ? (p - b) : 1)
}'
inproc() { # median in-process time from main() to the printed answer, in nanoseconds
  for ((i = 0; i < runs; i++)); do "$@" 2>&1 >/dev/null | sed -n 's/^in-process: \([0-9]*\) ns$/\1/p'; done |
    sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
iphf=$(inproc "$bin/phf" "micro influencers")
ijson=$(inproc "$bin/json" "micro influencer")
echo "in-process, from main() to the answer (median): phf ${iphf} ns, json ${ijson} ns, json/phf = $(awk -v p="$iphf" -v j="$ijson" 'BEGIN {printf "%.0f", j / p}')x"
size() { stat -c %s "$1"; }
echo "release binary size:"
echo "  baseline: $(size $bin/baseline) bytes"
echo "  phf:      $(size $bin/phf) bytes (+$(( $(size $bin/phf) - $(size $bin/baseline) )))"
echo "  json:     $(size $bin/json) bytes (+$(( $(size $bin/json) - $(size $bin/baseline) )))"
echo "stripped:"
for b in baseline phf json; do cp "$bin/$b" "target/$b.stripped" && strip "target/$b.stripped"; done
echo "  baseline: $(size target/baseline.stripped), phf: $(size target/phf.stripped), json: $(size target/json.stripped) bytes"
