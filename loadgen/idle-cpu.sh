#!/usr/bin/env bash
# The idle cost of the standalone: starts it on a fresh data folder, lets it warm up (JIT, group joins), then reads
# the CPU time the process used over a window from /proc and prints it as a share of one core, with the busiest
# threads. Nothing connects to it in the meantime.
#   loadgen/idle-cpu.sh [WARMUP_SECONDS=90] [WINDOW_SECONDS=60] [PORT=18090]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WARMUP="${1:-90}" WINDOW="${2:-60}" PORT="${3:-18090}"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT

HUMANCHAT_HTTP_PORT="$PORT" HUMANCHAT_DATA_DIR="$DATA/var" "$ROOT/humanchat" start > "$DATA/log" 2>&1 &
PID=$! # ./humanchat start execs the JVM, so this is the standalone's own process
for _ in $(seq 1 600); do grep -q "HumanChat is up" "$DATA/log" && break; sleep 1; done
grep -q "HumanChat is up" "$DATA/log" || { cat "$DATA/log"; echo "idle-cpu: the standalone did not start" >&2; exit 1; }
sleep "$WARMUP"

threads() { for t in /proc/"$PID"/task/*; do echo "$(basename "$t") $(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0) $(tr ' ' '_' < "$t/comm" 2>/dev/null)"; done | sort; }
total() { awk '{print $14+$15}' /proc/"$PID"/stat; }
before="$(threads)"; t0="$(total)"; c0="$(for c in $(pgrep -P "$PID"); do awk '{print $14+$15}' /proc/"$c"/stat; done | paste -sd+ | bc)"
sleep "$WINDOW"
after="$(threads)"; t1="$(total)"; c1="$(for c in $(pgrep -P "$PID"); do awk '{print $14+$15}' /proc/"$c"/stat; done | paste -sd+ | bc)"
ticks="$(getconf CLK_TCK)"
echo "idle standalone, ${WINDOW} s after ${WARMUP} s of warm-up:"
echo "  JVM:            $(echo "scale=2; ($t1 - $t0) * 100 / $ticks / $WINDOW" | bc) % of one core"
echo "  embedded Redis: $(echo "scale=2; (${c1:-0} - ${c0:-0}) * 100 / $ticks / $WINDOW" | bc) % of one core"
echo "  busiest threads (CPU ticks of 1/$ticks s in the window):"
join <(echo "$before") <(echo "$after") | awk '{d = $4 - $2; if (d > 0) print "    " d, $3}' | sort -rn | head -12
