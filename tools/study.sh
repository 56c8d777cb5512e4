#!/usr/bin/env bash
# The study (5 seeds, every setting and the study's methods, at most 100 epochs with patience 10):
# resumable; results in studies/ unless --out says otherwise.
# Usage: bash tools/study.sh [--settings a,b] [--methods 'single-task,avil(rho=0.5 evidence=3)'] ...
#        bash tools/study.sh --summarize
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
bash data/setup.sh
mvn -B -q install -DskipTests
args=()
out=no
for a in "$@"; do
  [ "$a" = "--out" ] && out=yes
  args+=("'${a//\'/\'\\\'\'}'")   # each argument quoted, so a method's options keep their spaces
done
[ "$out" = yes ] || args=(--out studies "${args[@]}")
mvn -B -q -pl tools exec:java@study -Dexec.args="${args[*]}"
