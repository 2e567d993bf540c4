#!/usr/bin/env bash
# Records a differential-testing corpus: random adversarial cases from the team's iam-oracle
# generator and the decisions of @cloud-copilot/iam-simulate (an independent, AGPL simulator that
# is only run here, never shipped or copied). The test
# tests/IamHarden.Core.Tests/Evaluation/DifferentialTests.cs replays the cases through our
# evaluator and requires every disagreement to be listed, with its spec reference, in
# tests/fixtures/differential/known-differences.json.
#
# Usage: tools/differential/record.sh [ORACLE_DIR]   (default: ../shared/tools/iam-oracle)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oracle_src="${1:-$root/../shared/tools/iam-oracle}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$oracle_src" "$work/oracle"
(cd "$work/oracle" && npm ci --silent)
out="$root/tests/fixtures/differential"
mkdir -p "$out"
record() { # seed count extra-generator-flags
  local seed=$1 count=$2; shift 2
  node "$work/oracle/gen.mjs" --seed "$seed" --count "$count" "$@" -o "$work/cases-$seed.jsonl"
  node "$work/oracle/oracle.mjs" "$work/cases-$seed.jsonl" -o "$out/oracle-seed$seed.jsonl" --quiet
  gzip -9 -n -c "$work/cases-$seed.jsonl" > "$out/cases-seed$seed.jsonl.gz"
}
record 1 5000
record 2 5000 --no-exotic
echo "recorded into $out; now run the differential test and review every new disagreement" >&2
