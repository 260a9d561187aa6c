#!/usr/bin/env bash
# Memory with commands queued in Kafka: the distribution's `run` (its default JVM settings), a
# provider answering in 1 s, and N commands published at once. The intake pauses a partition at
# runtime.queueHighWater records, so memory must not grow with N. Prints a Markdown table of
# heap used and RSS (VmHWM) 15 s after the N-th command was published.
#   bench/queued-memory.sh [N ...]   (default 10000 100000 1000000; needs a built distribution
#                                      and bench/target/lib from bench/run)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000 1000000}"); [ $# -gt 0 ] || sizes=(10000 100000 1000000)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
tar -C "$work" -xzf launcher/target/switchboard-*-dist.tar.gz
sb=$(ls -d "$work"/switchboard-*)/bin/switchboard
tools="$PWD/bench/target/lib/*"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "| commands queued | heap used, MiB | RSS peak (VmHWM), MiB | commands answered by then |"
echo "|---|---|---|---|"
for n in "${sizes[@]}"; do
  http=$(free_port); kafka=$(free_port)
  "$sb" run --data-dir "$work/d$n" --http-port "$http" --kafka-port "$kafka" >"$work/run$n.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$http/ready" >/dev/null 2>&1; do sleep 0.1; done
  jvm=$(pgrep -P "$pid" java || echo "$pid")
  origin=$(grep -o 'iqreseller on http://[0-9.:]*' "$work/run$n.log" | head -1 | sed 's/iqreseller on //')
  curl -fs -X PUT "$origin/_sandbox/scenarios/demo-acme-key" -d '{"latencyMs":1000}' >/dev/null
  # n distinct commands, one JSON per line, published as fast as the producer goes
  awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "{\"id\":\"q%d\",\"operation\":\"inventory.count\",\"connection\":\"acme\"}\n", i }' >"$work/cmds"
  java -cp "$tools" org.apache.kafka.tools.ProducerPerformance --topic switchboard.iqreseller.commands \
    --num-records "$n" --throughput -1 --payload-file "$work/cmds" --payload-delimiter $'\n' \
    --producer-props bootstrap.servers=127.0.0.1:$kafka acks=1 >/dev/null 2>&1
  sleep 15
  heap=$(curl -fs "http://127.0.0.1:$http/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}')
  answered=$(curl -fs "http://127.0.0.1:$http/metrics" | awk '/^switchboard_commands_total\{/ {s += $NF} END {printf "%.0f", s}')
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/"$jvm"/status)
  echo "| $n | $heap | $hwm | $answered |"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
