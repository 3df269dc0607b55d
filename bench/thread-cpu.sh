#!/usr/bin/env bash
# A process's CPU time split by thread kind.
#   thread-cpu.sh OUT CMD [ARG...]     runs CMD and samples it (and the processes it starts)
#   thread-cpu.sh --pid PID OUT        samples the running process PID (and its descendants) until it exits
# Every 0.5 s the threads' user + sys ticks are read from /proc/PID/task/*/stat (bash builtins only, so the sampling
# itself costs little); a thread's last reading is its total (one that starts and ends between two readings is
# missed, and so is the last half second: the breakdown, not the total, is what it is for; the total comes from
# bash's `time`). OUT gets "seconds kind" lines, largest first, then TOTAL; kinds are thread names without their
# numbers ("Executor task launch worker", "C2 CompilerThread", a JVM's main thread is "java", "GC Thread").
# With CMD, its standard output and error pass through and its exit status is returned. Run under bash's `time`,
# the sampler's own CPU (its `sleep` every half second) is counted too: compare the TOTAL lines, not `time`.
set -uo pipefail
if [[ "$1" == "--pid" ]]; then
  pid="$2"; out="$3"; own=0
else
  out="$1"; shift
  "$@" &
  pid=$!; own=1
fi
declare -A last
tick=$(getconf CLK_TCK)
pids=()
tree() { # the process and its descendants into pids (no subshell, no external command)
  local p="$1" c t kids
  pids+=("$p")
  for t in /proc/"$p"/task/*; do
    kids=()
    { read -r -a kids < "$t/children"; } 2>/dev/null    # (no newline at its end: read reports EOF, having read it)
    for c in "${kids[@]}"; do tree "$c"; done
  done
}
while kill -0 "$pid" 2>/dev/null; do
  pids=()
  tree "$pid"
  for p in "${pids[@]}"; do
    for t in /proc/"$p"/task/*; do
      { read -r st < "$t/stat"; read -r comm < "$t/comm"; } 2>/dev/null || continue
      rest=${st##*) }
      read -r -a f <<< "$rest"
      last[$p/${t##*/}]="$comm|$(( f[11] + f[12] ))"
    done
  done
  sleep 0.5
done
rc=0
(( own )) && { wait "$pid"; rc=$?; }
for k in "${!last[@]}"; do echo "${last[$k]}"; done | awk -F'|' -v tick="$tick" '
  { n = $1; sub(/[-#]?[0-9]+$/, "", n); sub(/ +$/, "", n); s[n] += $2; t += $2 }
  END { for (k in s) printf "%8.1f %s\n", s[k] / tick, k; printf "%8.1f TOTAL\n", t / tick }' | sort -rn > "$out"
exit "$rc"
