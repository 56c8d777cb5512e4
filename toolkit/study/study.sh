#!/usr/bin/env bash
# The reproduction study (5 seeds, every setting and method, at most 100 epochs with patience 10):
# resumable, results in toolkit/study/.
# Usage: bash toolkit/study/study.sh [--methods single,uniform,avil,...] [--settings ...]
#        bash toolkit/study/study.sh --summarize
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$top"
bash data/setup.sh
mvn -B -q install -DskipTests
mvn -B -q -pl toolkit exec:java@study -Dexec.args="--out toolkit/study $*"
