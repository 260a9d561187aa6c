#!/usr/bin/env bash
# Start-up time of the distribution: from `bin/switchboard run` to /ready, and to the first
# answered command (`send`, whose own JVM start is included), with the embedded default and
# with a broker that is already running (a first instance's). Prints a Markdown table.
#   bench/startup.sh [runs]     (default 3; needs `mvn -B -q install -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
tar -C "$work" -xzf launcher/target/switchboard-*-dist.tar.gz
sb=$(ls -d "$work"/switchboard-*)/bin/switchboard
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_ready() { until curl -fs "http://127.0.0.1:$1/ready" >/dev/null 2>&1; do sleep 0.05; done; }

# One start: prints "<ms to /ready> <ms to the first answer>"; $1 = extra environment (or "").
start_once() {
  local env=$1 http kafka t0 ready answered
  http=$(free_port); kafka=$(free_port)
  t0=$(now_ms)
  env $env "$sb" run --data-dir "$work/d$RANDOM" --http-port "$http" --kafka-port "$kafka" \
    >"$work/run.log" 2>&1 &
  local pid=$!
  wait_ready "$http"; ready=$(( $(now_ms) - t0 ))
  local bootstrap=${env#SWITCHBOARD_KAFKA_BOOTSTRAP=}
  [ -n "$env" ] || bootstrap=127.0.0.1:$kafka
  "$sb" send iqreseller inventory.count -c acme --bootstrap "$bootstrap" >/dev/null
  answered=$(( $(now_ms) - t0 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready $answered"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " (" a[1] "–" a[NR] ")"}'; }

embedded=(); external=()
for i in $(seq "$runs"); do embedded+=("$(start_once "")"); done
# A broker that already runs: a first instance's embedded one.
http=$(free_port); kafka=$(free_port)
"$sb" run --data-dir "$work/first" --http-port "$http" --kafka-port "$kafka" >"$work/first.log" 2>&1 &
wait_ready "$http"
for i in $(seq "$runs"); do
  external+=("$(start_once "SWITCHBOARD_KAFKA_BOOTSTRAP=127.0.0.1:$kafka")")
done

echo "| start | to /ready, ms | to the first answer, ms |"
echo "|---|---|---|"
echo "| embedded broker and sandbox (no configuration) | $(printf '%s\n' "${embedded[@]}" | cut -d' ' -f1 | median) | $(printf '%s\n' "${embedded[@]}" | cut -d' ' -f2 | median) |"
echo "| broker already running (SWITCHBOARD_KAFKA_BOOTSTRAP), sandbox | $(printf '%s\n' "${external[@]}" | cut -d' ' -f1 | median) | $(printf '%s\n' "${external[@]}" | cut -d' ' -f2 | median) |"
