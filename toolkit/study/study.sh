#!/usr/bin/env bash
# The reproduction study (5 seeds, 10 epochs, every setting): resumable, results in toolkit/study/.
# Usage: bash toolkit/study/study.sh [--methods single,uniform,avil-additive,...] [--settings ...]
#        bash toolkit/study/study.sh --summarize
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$top"
bash data/setup.sh
mvn -B -q install -DskipTests
mvn -B -q -pl toolkit exec:java@study -Dexec.args="--out toolkit/study $*"
