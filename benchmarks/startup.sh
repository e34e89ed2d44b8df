#!/usr/bin/env bash
# Whole-process start-up of small commands, as a user meets it: each command run N times (default
# 15) through ./spiral (with its class-data-sharing archive) and as plain `java -jar` (without),
# printing the median and the range in seconds. Run from the repository root after one ./spiral
# call has built the jar and its archive:  bash benchmarks/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
jar=cli/target/spiral.jar
[ -f "$jar" ] || { echo "build first: ./spiral --version" >&2; exit 2; }
game=$(mktemp --suffix=.nfg)
trap 'rm -f "$game"' EXIT
printf 'NFG 1 R "2x2" { "A" "B" } { 2 2 }\n1 1 0 0 0 0 1 1\n' > "$game"
time_it() { # time_it CMD...: median and range of n runs, seconds
  local t=()
  for _ in $(seq "$n"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    t+=("$(( (e - s) / 1000000 ))")
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f (%.2f-%.2f)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'
}
printf '%-28s %-22s %-22s\n' "command" "./spiral (CDS)" "java -jar (no CDS)"
for c in "--version" "--help" "solve $game" "model fearon" "validate core/src/main/resources/spiral/scenarios/rand-d-ports.yaml" "scenarios"; do
  # shellcheck disable=SC2086
  printf '%-28s %-22s %-22s\n' "${c%% *}" "$(time_it ./spiral $c)" "$(time_it java -jar "$jar" $c)"
done
