#!/usr/bin/env bash
# Runs a command (a JVM) and writes its CPU time split by thread kind: thread-cpu.sh OUT CMD [ARG...].
# Every 0.5 s the threads' user + sys ticks are read from /proc/PID/task/*/stat (bash builtins only, so the sampling
# itself costs little); a thread's last reading is its total (one that starts and ends between two readings is
# missed, and so is the last half second: the breakdown, not the total, is what it is for; the total comes from
# bash's `time`). OUT gets "seconds kind" lines, largest first, then TOTAL; kinds are thread
# names without their numbers ("Executor task launch worker", "C2 CompilerThread", "main" is "java", "GC Thread").
# The command's standard output and error pass through; its exit status is returned.
set -uo pipefail
out="$1"; shift
"$@" &
pid=$!
declare -A last
tick=$(getconf CLK_TCK)
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    { read -r st < "$t/stat"; read -r comm < "$t/comm"; } 2>/dev/null || continue
    rest=${st##*) }
    read -r -a f <<< "$rest"
    last[${t##*/}]="$comm|$(( f[11] + f[12] ))"
  done
  sleep 0.5
done
wait "$pid"
rc=$?
for k in "${!last[@]}"; do echo "${last[$k]}"; done | awk -F'|' -v tick="$tick" '
  { n = $1; sub(/[-#]?[0-9]+$/, "", n); sub(/ +$/, "", n); s[n] += $2; t += $2 }
  END { for (k in s) printf "%8.1f %s\n", s[k] / tick, k; printf "%8.1f TOTAL\n", t / tick }' | sort -rn > "$out"
exit "$rc"
