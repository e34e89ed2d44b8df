#!/usr/bin/env bash
# Whole-process times of one of Gambit's tools as Spiral runs it: for each game, the
# `gambit/gambit-TOOL -q [FLAGS] GAME` shim (the command line a Gambit script runs), and, where
# GAMBIT names a folder holding Gambit's own `gambit-TOOL` built from its source, that tool on the
# same command line, the two interleaved; N+1 rounds (default N = 5), the first dropped; prints
# the median and the range in seconds, the number of NE lines each printed, and the load average
# before and after. Run from the repository root after one ./spiral call has built the jar:
#   [GAMBIT=DIR] bash benchmarks/tool-processes.sh "TOOL [FLAGS]" [N] [GAME...]
# e.g. GAMBIT=$HOME/gambit bash benchmarks/tool-processes.sh "gnm -n 1 -R 1" 5
# GAMEs default to the reference games under ../shared/games that its BENCH.md times.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bash benchmarks/tool-processes.sh \"TOOL [FLAGS]\" [N] [GAME...]" >&2; exit 2; }
read -r -a cmd <<<"$1"
tool=${cmd[0]}
flags=("${cmd[@]:1}")
shift
n=${1:-5}
shift || true
[ -x "gambit/gambit-$tool" ] || { echo "no shim gambit/gambit-$tool" >&2; exit 2; }
[ -f cli/target/spiral.jar ] || { echo "build first: ./spiral --version" >&2; exit 2; }
own=
if [ -n "${GAMBIT:-}" ]; then
  own="$GAMBIT/gambit-$tool"
  [ -x "$own" ] || { echo "no $own" >&2; exit 2; }
fi
games=("$@")
if [ ${#games[@]} -eq 0 ]; then
  s=../shared/games
  [ -d "$s" ] || { echo "no reference games at $s: name the games" >&2; exit 2; }
  for f in 8x8.nfg 6x6_game_with_75_eq.nfg todd3.nfg csg2.nfg 5x4x3.nfg 8x2x2.nfg \
      2x2x2x2x2.nfg coord333.nfg artist2.efg ttt.efg bayes2a.efg palf2.efg montyhal.efg \
      holdout7.efg 4cards.efg nim7.efg poker.efg condjury.efg jury_mr.efg cs.efg el_farol_bar.efg; do
    games+=("$(find "$s" -name "$f" -print -quit)")
  done
fi
stats() { # median (min-max) of milliseconds, in seconds
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.3f (%.3f-%.3f)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'
}
run() { # run CMD...: wall milliseconds of one run (capped at 60 s) and the NE lines it printed
  local s e out
  s=$(date +%s%N)
  out=$(timeout 60 "$@" 2>/dev/null || true)
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(grep -c '^NE' <<<"$out" || true)"
}
echo "tool: gambit-$tool -q ${flags[*]:-}; rounds: $n; load before: $(uptime | sed 's/.*load average: //')"
theirs=
[ -n "$own" ] && theirs="Gambit's tool (NE lines)"
printf '%-28s %-28s %-28s\n' game "shim (NE lines)" "$theirs"
for game in "${games[@]}"; do
  a=() b=() na= nb=
  for round in $(seq 0 "$n"); do
    read -r x nx < <(run "gambit/gambit-$tool" -q "${flags[@]}" "$game")
    if [ -n "$own" ]; then
      read -r y ny < <(run "$own" -q "${flags[@]}" "$game")
    fi
    if [ "$round" -gt 0 ]; then
      a+=("$x") na=$nx
      [ -n "$own" ] && b+=("$y") nb=$ny
    fi
  done
  printf '%-28s %-28s %-28s\n' "$(basename "$game")" "$(stats "${a[@]}") $na" \
    "$([ -n "$own" ] && echo "$(stats "${b[@]}") $nb")"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
