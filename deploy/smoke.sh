#!/usr/bin/env bash
# End-to-end check of the container image on one machine, without an image registry:
#
#   1. a Docker engine: installs docker.io with apt when dockerd is missing, starts dockerd in the
#      background when no daemon answers;
#   2. a local Java 17 base image, switchboard-base:17, made with debootstrap (Debian bookworm,
#      minbase, openjdk-17-jre-headless) and `docker import` (skipped when the image exists);
#   3. the distribution archive launcher/target/switchboard-<version>-dist.tar.gz (built with
#      `mvn -B -q install -DskipTests` when missing, or always with --build);
#   4. the image, from deploy/docker/Dockerfile with --build-arg BASE=switchboard-base:17;
#   5. a container with --network host in the embedded default (no configuration: embedded Kafka
#      broker, sandbox simulators, demo connections), waited for until /ready and the image's
#      HEALTHCHECK say so;
#   6. commands sent from inside the container (bin/switchboard send), /metrics read;
#   7. the container stopped with SIGTERM (graceful stop), a summary printed.
#
# Every step fails loudly, saying what could not be done. Needs root for apt, dockerd and
# debootstrap (or a running daemon, the base image already present and permission to use it).
# Not part of CI (.ci/run never calls it): it needs a Docker engine and takes minutes.
#
# Usage: deploy/smoke.sh [--build] [--keep]
#   --build   rebuild the distribution with Maven first
#   --keep    leave the container running (and print how to stop it)
# Environment: SMOKE_IMAGE (switchboard:smoke), SMOKE_BASE (switchboard-base:17),
#   SMOKE_HTTP_PORT (8080), SMOKE_KAFKA_PORT (9092), SMOKE_MIRROR (http://deb.debian.org/debian).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
IMAGE=${SMOKE_IMAGE:-switchboard:smoke}
BASE=${SMOKE_BASE:-switchboard-base:17}
HTTP_PORT=${SMOKE_HTTP_PORT:-8080}
KAFKA_PORT=${SMOKE_KAFKA_PORT:-9092}
MIRROR=${SMOKE_MIRROR:-http://deb.debian.org/debian}
NAME=switchboard-smoke
BUILD=0
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown argument $arg (try --help)" >&2; exit 64 ;;
  esac
done

T0=$(date +%s)
log() { printf '[smoke %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() {
  printf '[smoke %s] FAILED: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}
declare -a SUMMARY=()
note() { SUMMARY+=("$1"); log "$1"; }
as_root() {
  if [ "$(id -u)" -ne 0 ]; then fail "$1 needs root (run deploy/smoke.sh as root)"; fi
}
apt_install() {
  as_root "installing $*"
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/tmp/switchboard-smoke-apt.log 2>&1 || {
    log "apt-get install failed; retrying after apt-get update"
    apt-get update -qq >>/tmp/switchboard-smoke-apt.log 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>/tmp/switchboard-smoke-apt.log 2>&1 ||
      fail "apt-get install $* failed (log: /tmp/switchboard-smoke-apt.log): $(tail -3 /tmp/switchboard-smoke-apt.log)"
  }
}
# Whether something accepts TCP connections on 127.0.0.1:$1.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# HTTP status of GET http://127.0.0.1:$1$2, or 000.
http_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$1$2" 2>/dev/null || echo 000; }

# ---------------------------------------------------------------------------------------------
# 1. Docker engine
if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  log "no dockerd$(command -v docker >/dev/null 2>&1 || echo ' and no docker CLI') on this machine"
  apt_install docker.io
  command -v dockerd >/dev/null 2>&1 || fail "docker.io installed but dockerd is still not on PATH"
  note "docker.io installed with apt"
fi
command -v curl >/dev/null 2>&1 || apt_install curl
if docker info >/dev/null 2>&1; then
  note "Docker engine: already running ($(docker version -f '{{.Server.Version}}'))"
else
  as_root "starting dockerd"
  log "no Docker daemon answers; starting dockerd in the background (log: /tmp/switchboard-smoke-dockerd.log)"
  nohup dockerd >/tmp/switchboard-smoke-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 ||
    fail "dockerd did not come up within 60 s; last lines of /tmp/switchboard-smoke-dockerd.log:
$(tail -15 /tmp/switchboard-smoke-dockerd.log)"
  note "Docker engine: dockerd started by this script ($(docker version -f '{{.Server.Version}}'), pid $(pgrep -n -x dockerd))"
fi

# ---------------------------------------------------------------------------------------------
# 2. Base image: Debian bookworm minbase with the Java 17 runtime, built here, no registry.
if docker image inspect "$BASE" >/dev/null 2>&1; then
  note "base image $BASE: present, reused"
else
  as_root "debootstrap"
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  ROOTFS=$(mktemp -d /tmp/switchboard-base.XXXXXX)
  log "debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm $ROOTFS $MIRROR (several minutes)"
  t=$(date +%s)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$ROOTFS" "$MIRROR" \
    >/tmp/switchboard-smoke-debootstrap.log 2>&1 ||
    fail "debootstrap failed (log: /tmp/switchboard-smoke-debootstrap.log): $(tail -3 /tmp/switchboard-smoke-debootstrap.log)"
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
  tar -C "$ROOTFS" -c . | docker import \
    -c 'ENV LANG=C.UTF-8' -c 'CMD ["bash"]' \
    -m "debootstrap minbase bookworm + openjdk-17-jre-headless (deploy/smoke.sh)" - "$BASE" >/dev/null ||
    fail "docker import of $ROOTFS failed"
  rm -rf "$ROOTFS"
  note "base image $BASE: made with debootstrap + docker import in $(($(date +%s) - t)) s"
fi
JAVA_IN_BASE=$(docker run --rm --network host "$BASE" java -version 2>&1) ||
  fail "java does not run in $BASE: $JAVA_IN_BASE"
note "java in $BASE: $(head -1 <<<"$JAVA_IN_BASE")"

# ---------------------------------------------------------------------------------------------
# 3. Distribution archive
shopt -s nullglob
archives=(launcher/target/switchboard-*-dist.tar.gz)
if [ "$BUILD" = 1 ] || [ ${#archives[@]} -eq 0 ]; then
  command -v mvn >/dev/null 2>&1 || fail "no distribution archive in launcher/target and no mvn to build one"
  log "mvn -B -q install -DskipTests"
  mvn -B -q install -DskipTests || fail "the Maven build failed"
  archives=(launcher/target/switchboard-*-dist.tar.gz)
fi
[ ${#archives[@]} -eq 1 ] ||
  fail "expected one launcher/target/switchboard-*-dist.tar.gz, found ${#archives[@]}: ${archives[*]}"
ARCHIVE=${archives[0]}
VERSION=$(basename "$ARCHIVE" | sed -e 's/^switchboard-//' -e 's/-dist\.tar\.gz$//')
note "distribution: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1), built $(date -r "$ARCHIVE" '+%F %T'))"

# ---------------------------------------------------------------------------------------------
# 4. Image. The context holds only the archive and the Dockerfile (launcher/target also holds
# classes and reports that other builds may be writing). The classic builder is used when the
# buildx plugin is absent.
CONTEXT=$(mktemp -d /tmp/switchboard-context.XXXXXX)
cp "$ARCHIVE" deploy/docker/Dockerfile "$CONTEXT"/
if ! docker buildx version >/dev/null 2>&1; then export DOCKER_BUILDKIT=0; fi
log "docker build --network host --build-arg BASE=$BASE --build-arg VERSION=$VERSION -t $IMAGE"
t=$(date +%s)
docker build --network host --build-arg "BASE=$BASE" --build-arg "VERSION=$VERSION" \
  -t "$IMAGE" "$CONTEXT" >/tmp/switchboard-smoke-build.log 2>&1 ||
  fail "docker build failed (log: /tmp/switchboard-smoke-build.log):
$(tail -15 /tmp/switchboard-smoke-build.log)"
rm -rf "$CONTEXT"
IMAGE_USER=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")
IMAGE_HC=$(docker image inspect -f '{{if .Config.Healthcheck}}{{json .Config.Healthcheck.Test}}{{end}}' "$IMAGE")
IMAGE_EP=$(docker image inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' "$IMAGE")
IMAGE_VOL=$(docker image inspect -f '{{json .Config.Volumes}}' "$IMAGE")
IMAGE_SIZE=$(docker image inspect -f '{{.Size}}' "$IMAGE")
note "image $IMAGE: built in $(($(date +%s) - t)) s, $((IMAGE_SIZE / 1024 / 1024)) MiB, user $IMAGE_USER, entrypoint+cmd $IMAGE_EP, volumes $IMAGE_VOL"
case "$IMAGE_USER" in '' | 0 | 0:* | root | root:*) fail "the image runs as root (User '$IMAGE_USER')" ;; esac
[ -n "$IMAGE_HC" ] || fail "the image has no HEALTHCHECK"

# ---------------------------------------------------------------------------------------------
# 5. Container, embedded default, host network (all traffic on 127.0.0.1)
docker rm -f -v "$NAME" >/dev/null 2>&1 || true
for p in "$HTTP_PORT" "$KAFKA_PORT"; do
  if listening "$p"; then
    fail "port $p on 127.0.0.1 is already in use (the container uses the host's network); stop what listens there or set SMOKE_HTTP_PORT / SMOKE_KAFKA_PORT"
  fi
done
HEALTH_ARGS=()
if [ "$HTTP_PORT" != 8080 ]; then
  # The image's HEALTHCHECK asks port 8080; ask the port in use instead (same command).
  HEALTH_ARGS=(--health-cmd "bash -c 'exec 3<>/dev/tcp/127.0.0.1/$HTTP_PORT && printf \"GET /health HTTP/1.0\\r\\n\\r\\n\" >&3 && read -r _ code _ <&3 && [ \"\$code\" = 200 ]'")
  note "ops port $HTTP_PORT instead of 8080: the health check is overridden with the same command on that port"
fi
cleanup() {
  if [ "$KEEP" = 0 ]; then docker rm -f -v "$NAME" >/dev/null 2>&1 || true; fi
}
on_error() {
  echo "---- last 40 lines of the container's log ----" >&2
  docker logs --tail 40 "$NAME" >&2 2>&1 || true
  cleanup
}
trap on_error ERR
log "docker run -d --name $NAME --network host --stop-timeout 90 $IMAGE run --kafka-port $KAFKA_PORT --http-port $HTTP_PORT"
t=$(date +%s)
docker run -d --name "$NAME" --network host --stop-timeout 90 "${HEALTH_ARGS[@]}" \
  "$IMAGE" run --kafka-port "$KAFKA_PORT" --http-port "$HTTP_PORT" >/dev/null ||
  fail "docker run failed"

ready=000
for _ in $(seq 1 180); do
  state=$(docker inspect -f '{{.State.Status}}' "$NAME" 2>/dev/null || echo gone)
  if [ "$state" != running ]; then
    on_error
    fail "the container stopped before /ready (state $state, exit code $(docker inspect -f '{{.State.ExitCode}}' "$NAME" 2>/dev/null))"
  fi
  ready=$(http_status "$HTTP_PORT" /ready)
  [ "$ready" = 200 ] && break
  sleep 1
done
[ "$ready" = 200 ] || { on_error; fail "/ready did not answer 200 within 180 s (last: $ready)"; }
READY_S=$(($(date +%s) - t))
note "/ready 200 ($(curl -s "http://127.0.0.1:$HTTP_PORT/ready")) $READY_S s after docker run; /health $(http_status "$HTTP_PORT" /health)"
PROCS=$(docker top "$NAME" -o uid,pid,args | sed -n '2p' | tr -s ' ' | cut -c1-100)
note "process in the container: $PROCS"

health=starting
for _ in $(seq 1 60); do
  health=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$NAME")
  [ "$health" = healthy ] && break
  [ "$health" = unhealthy ] && break
  sleep 2
done
[ "$health" = healthy ] || {
  on_error
  fail "Docker's health check says '$health': $(docker inspect -f '{{json .State.Health}}' "$NAME")"
}
note "Docker HEALTHCHECK: healthy ($(docker inspect -f '{{with index .State.Health.Log 0}}exit {{.ExitCode}}{{end}}' "$NAME"))"

# ---------------------------------------------------------------------------------------------
# 6. Commands, from inside the container (bin/switchboard send), and the metrics
SEND=(docker exec "$NAME" /opt/switchboard/bin/switchboard send --bootstrap "127.0.0.1:$KAFKA_PORT")
log "switchboard send iqreseller inventory.count -c acme"
OUT1=$("${SEND[@]}" iqreseller inventory.count -c acme --timeout 60s 2>&1) ||
  { echo "$OUT1" >&2; on_error; fail "send iqreseller inventory.count exited with $?"; }
echo "$OUT1"
grep -q '"type":"completed"' <<<"$OUT1" && grep -q '"count":5000' <<<"$OUT1" ||
  { on_error; fail "inventory.count did not complete with count 5000: $OUT1"; }
note "iqreseller inventory.count -c acme: $(grep '"type"' <<<"$OUT1" | tail -1)"

log "switchboard send iqreseller salesOrders.list -c acme --quiet"
OUT2=$("${SEND[@]}" iqreseller salesOrders.list -c acme --quiet --timeout 120s 2>/dev/null) ||
  { on_error; fail "send iqreseller salesOrders.list exited with $?: $OUT2"; }
echo "$OUT2"
grep -q '"type":"completed"' <<<"$OUT2" && grep -q '"records":2500' <<<"$OUT2" ||
  { on_error; fail "salesOrders.list did not complete with 2500 records: $OUT2"; }
note "iqreseller salesOrders.list -c acme: $OUT2"

METRICS=$(curl -s "http://127.0.0.1:$HTTP_PORT/metrics")
COMMANDS_METRIC=$(grep '^switchboard_commands_total' <<<"$METRICS" || true)
[ -n "$COMMANDS_METRIC" ] || { on_error; fail "/metrics has no switchboard_commands_total"; }
note "/metrics: $(grep -c '^switchboard_' <<<"$METRICS") switchboard_ samples; $(paste -sd' ' <<<"$COMMANDS_METRIC")"

# ---------------------------------------------------------------------------------------------
# 7. Graceful stop
if [ "$KEEP" = 1 ]; then
  trap - ERR
  note "container $NAME left running (--keep): docker stop -t 90 $NAME && docker rm -v $NAME"
else
  log "docker stop -t 90 $NAME (SIGTERM: graceful shutdown)"
  t=$(date +%s)
  docker stop -t 90 "$NAME" >/dev/null || fail "docker stop failed"
  STOP_S=$(($(date +%s) - t))
  EXIT_CODE=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
  LOGS=$(docker logs "$NAME" 2>&1)
  grep -q 'event=platform.started' <<<"$LOGS" || fail "no event=platform.started in the container's log"
  CLOSED=$(grep -c 'event=connection.closed' <<<"$LOGS" || true)
  ABANDONED=$(grep -c 'event=shutdown.abandon' <<<"$LOGS" || true)
  note "stopped in $STOP_S s, exit code $EXIT_CODE (143 = ended by SIGTERM after the shutdown hook), $CLOSED connections closed, $ABANDONED abandon warnings"
  trap - ERR
  cleanup
fi

echo
echo "================ Switchboard smoke test: PASSED in $(($(date +%s) - T0)) s ================"
for line in "${SUMMARY[@]}"; do echo "  - $line"; done
