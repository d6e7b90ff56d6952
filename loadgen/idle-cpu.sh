#!/usr/bin/env bash
# The idle cost of the standalone: RUNS times, starts it on a fresh data folder, lets it settle (JIT, group joins),
# then reads from /proc the CPU time used over a window by the JVM, by its embedded Redis (a child process) and by
# its embedded PostgreSQL (started through pg_ctl, so not a child), each as a share of one core, with the JVM's
# JIT compiler threads apart and its busiest threads grouped by name. Nothing connects to it in the meantime.
# Quote the median of the runs: other processes on the machine slow the JIT down and shift work between windows.
#   loadgen/idle-cpu.sh [SETTLE_SECONDS=60] [WINDOW_SECONDS=60] [RUNS=3] [PORT=18090]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SETTLE="${1:-60}" WINDOW="${2:-60}" RUNS="${3:-3}" PORT="${4:-18090}"
TICKS="$(getconf CLK_TCK)"

percent() { echo "scale=2; $1 * 100 / $TICKS / $WINDOW" | bc; }
ticks_of() { local sum=0 pid; for pid in "$@"; do sum=$((sum + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$sum"; }
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
threads() { # tid ticks name, sorted by tid
  for t in /proc/"$PID"/task/*; do
    echo "$(basename "$t") $(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0) $(tr ' ' '_' < "$t/comm" 2>/dev/null)"
  done | sort
}

for run in $(seq 1 "$RUNS"); do
  DATA="$(mktemp -d)"
  HUMANCHAT_HTTP_PORT="$PORT" HUMANCHAT_OPS_HTTP_PORT="$((PORT + 1))" HUMANCHAT_DATA_DIR="$DATA/var" \
    "$ROOT/humanchat" start > "$DATA/log" 2>&1 &
  PID=$! # ./humanchat start execs the JVM, so this is the standalone's own process
  trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
  for _ in $(seq 1 600); do grep -q "HumanChat is up" "$DATA/log" && break; sleep 1; done
  grep -q "HumanChat is up" "$DATA/log" || { cat "$DATA/log"; echo "idle-cpu: the standalone did not start" >&2; exit 1; }
  sleep "$SETTLE"

  POSTGRES="$(pgrep -f "postgres -D $DATA/var/postgres" | head -n1 || true)"
  before="$(threads)"; jvm0="$(ticks_of "$PID")"
  redis0="$(ticks_of $(descendants "$PID"))"; pg0="$(ticks_of ${POSTGRES:+$POSTGRES $(descendants "$POSTGRES")})"
  sleep "$WINDOW"
  after="$(threads)"; jvm1="$(ticks_of "$PID")"
  redis1="$(ticks_of $(descendants "$PID"))"; pg1="$(ticks_of ${POSTGRES:+$POSTGRES $(descendants "$POSTGRES")})"

  per_thread="$(join <(echo "$before") <(echo "$after") | awk '{
      d = $4 - $2; name = $3
      gsub(/[-_]?[0-9a-f]{8}-[0-9a-f-]*/, "", name); gsub(/[0-9]+$/, "", name)
      if (d > 0) sum[name] += d
    } END { for (n in sum) print sum[n], n }' | sort -rn)"
  jit="$(echo "$per_thread" | awk '/Compiler/ { s += $1 } END { print s + 0 }')"
  echo "run $run of $RUNS, ${WINDOW} s after ${SETTLE} s of settling (load average $(cut -d' ' -f1 /proc/loadavg)):"
  echo "  JVM:                 $(percent $((jvm1 - jvm0))) % of one core ($(percent "$jit") % of it the JIT compilers)"
  echo "  embedded Redis:      $(percent $((redis1 - redis0))) %"
  echo "  embedded PostgreSQL: $(percent $((pg1 - pg0))) %"
  echo "  busiest threads, grouped by name (CPU ticks of 1/$TICKS s in the window):"
  echo "$per_thread" | head -15 | sed 's/^/    /'

  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"; trap - EXIT
done
