#!/usr/bin/env bash
# Whole-process times of Gambit's lcp method through Spiral, as the README's table gives them:
# for each game, `./spiral solve GAME --method lcp`, the `gambit/gambit-lcp -q GAME` shim and
# `java -jar cli/target/spiral.jar solve GAME --method lcp` (without the class-data-sharing
# archive), the three interleaved, N+1 rounds (default N = 7) of which the first is dropped;
# prints the median and the range in seconds, and the load average before and after. Run from the
# repository root after one ./spiral call has built the jar and its archive:
#   bash benchmarks/lcp-processes.sh [N] [GAME...]
# GAMEs default to the README's reference games under ../shared/games (and a 2x2 game).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-7}
shift || true
jar=cli/target/spiral.jar
[ -f "$jar" ] || { echo "build first: ./spiral --version" >&2; exit 2; }
games=("$@")
if [ ${#games[@]} -eq 0 ]; then
  g=../shared/games/contrib/games
  [ -d "$g" ] || { echo "no reference games at $g: name the games" >&2; exit 2; }
  games=("$g/coord2.nfg" "$g/8x8.nfg"
    "../shared/games/catalog/journals/dcg/vonstengel1999/6x6_game_with_75_eq.nfg" "$g/ttt.efg" "$g/artist2.efg"
    "$g/holdout7.efg" "$g/bayes2a.efg" "$g/palf2.efg" "$g/4cards.efg" "$g/nim7.efg"
    "$g/montyhal.efg" "../shared/games/doc/poker.efg")
fi
stats() { # median (min-max) of milliseconds, in seconds
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.3f (%.3f-%.3f)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'
}
ms() { # ms CMD...: wall milliseconds of one run, output discarded
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
echo "load before: $(uptime | sed 's/.*load average: //')"
printf '%-28s %-24s %-24s %-24s\n' game "./spiral solve" "gambit-lcp shim" "java -jar (no archive)"
for game in "${games[@]}"; do
  a=() b=() c=()
  for round in $(seq 0 "$n"); do
    x=$(ms ./spiral solve "$game" --method lcp)
    y=$(ms gambit/gambit-lcp -q "$game")
    z=$(ms java -jar "$jar" solve "$game" --method lcp)
    if [ "$round" -gt 0 ]; then
      a+=("$x") b+=("$y") c+=("$z")
    fi
  done
  printf '%-28s %-24s %-24s %-24s\n' "$(basename "$game")" "$(stats "${a[@]}")" "$(stats "${b[@]}")" "$(stats "${c[@]}")"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
