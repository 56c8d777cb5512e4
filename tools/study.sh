#!/usr/bin/env bash
# The study (5 seeds, every setting and default method, at most 100 epochs with patience 10):
# resumable, results in studies/.
# Usage: bash tools/study.sh [--methods single-task,uniform,avil,...] [--settings ...]
#        bash tools/study.sh --summarize
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
bash data/setup.sh
mvn -B -q install -DskipTests
mvn -B -q -pl tools exec:java@study -Dexec.args="--out studies $*"
