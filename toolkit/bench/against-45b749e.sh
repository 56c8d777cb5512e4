#!/usr/bin/env bash
# The main job's comparison of commit 45b749e against this code's, timed as whole processes and
# run in turn, pair by pair: MultiMNIST negative transfer, single-task, uniform and the paper's
# αVIL, 3 seeds × 10 epochs. Prints each pair, the medians and the ratio of each pair.
# Usage: bash toolkit/bench/against-45b749e.sh [PAIRS]   (3 pairs by default)
#
# Both run with glibc's MALLOC_PERTURB_=255 unless MALLOC_PERTURB_ is set already (to "none" for
# glibc's default): 45b749e's channels-first LeNet gets non-finite gradients on some machines
# without it (README, "Performance"). A run that stops with a failed training run is reported and
# left out of the figures. 45b749e is built in target/at-45b749e, a git worktree made once.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$top"
pairs="${1:-3}"
[[ "$pairs" =~ ^[1-9][0-9]*$ ]] || { echo "against-45b749e: '$pairs' pairs; accepted: a whole number from 1" >&2; exit 2; }
perturb="${MALLOC_PERTURB_:-255}"
bash data/setup.sh
mvn -B -q install -DskipTests
old="$top/target/at-45b749e"
if [ ! -d "$old/toolkit" ]; then
  git worktree prune
  git worktree add --quiet --detach "$old" 45b749e
fi
for d in mnist fashion-mnist downloads; do [ -e "$old/data/$d" ] || ln -s "$top/data/$d" "$old/data/$d"; done
(cd "$old" && mvn -B -q -pl toolkit compile)
cp_file="$top/target/against-45b749e.classpath"
mvn -B -q -pl toolkit dependency:build-classpath -Dmdep.outputFile="$cp_file"
cp="$(cat "$cp_file")"
log="$top/target/against-45b749e.log"
: >"$log"

# run NAME DIR MAIN ARGS...: prints the run's wall seconds, or "failed"
run() {
  local name="$1" dir="$2" main="$3"
  shift 3
  local out
  out="$(mktemp -d)"
  local start end status=0
  start="$(date +%s.%N)"
  (
    cd "$dir"
    if [ "$perturb" = none ]; then unset MALLOC_PERTURB_; else export MALLOC_PERTURB_="$perturb"; fi
    exec java -cp "$cp:$dir/toolkit/target/classes" "$main" --out "$out" "$@"
  ) >"$out.log" 2>&1 || status=$?
  end="$(date +%s.%N)"
  { echo "== $name, exit status $status"; cat "$out.log"; } >>"$log"
  local failed=0
  grep -q '^FAILED' "$out.log" && failed=1
  rm -rf "$out" "$out.log"
  if [ "$status" != 0 ] || [ "$failed" = 1 ]; then
    echo "failed"
  else
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }'
  fi
}

now=() old_t=() ratios=()
echo "pair  this code (s)  45b749e (s)  ratio   (MALLOC_PERTURB_=$perturb; log: $log)"
for ((i = 1; i <= pairs; i++)); do
  a="$(run new "$top" dev.avil.cli.Study --settings mnist-negative --methods single,uniform,avil-paper \
    --seeds 1,2,3 --epochs 10 --patience 0)"
  b="$(run old "$old" dev.avil.cli.MainJob)"
  r="–"
  if [ "$a" != failed ] && [ "$b" != failed ]; then
    r="$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
    now+=("$a") old_t+=("$b") ratios+=("$r")
  fi
  printf '%4d  %13s  %11s  %5s\n' "$i" "$a" "$b" "$r"
done
# median FORMAT VALUES...
median() {
  local format="$1"
  shift
  [ $# -gt 0 ] || { echo "–"; return; }
  printf '%s\n' "$@" | sort -g | awk -v f="$format" '{ v[NR] = $1 }
    END { printf f, (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "median of ${#ratios[@]} complete pairs: this code $(median %.1f "${now[@]}") s," \
  "45b749e $(median %.1f "${old_t[@]}") s, ratio $(median %.2f "${ratios[@]}")"
