#!/usr/bin/env bash
# scripts/pulse-test.sh — hands-free capture through a real PulseAudio server.
#
# Starts a private PulseAudio server (as `nobody` when run as root: PulseAudio refuses to
# run as root) with two null sinks, callboard_mic and callboard_line, runs
# PulseCaptureTests against it (paplay plays a made-up call into the sinks, callboard
# captures their monitors), and stops the server. Needs pulseaudio and pulseaudio-utils.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in pulseaudio pactl paplay; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed: sudo apt-get install pulseaudio pulseaudio-utils" >&2; exit 69; }
done

run=$(mktemp -d /tmp/callboard-pulse.XXXXXX)
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$run"
    as_user=(runuser -u nobody --)
fi
"${as_user[@]}" env HOME="$run" XDG_RUNTIME_DIR="$run" pulseaudio -n --daemonize=no --exit-idle-time=-1 \
    --use-pid-file=no --log-target=file:"$run/log" \
    -L "module-native-protocol-unix socket=$run/native auth-anonymous=1" \
    -L "module-null-sink sink_name=callboard_mic" -L "module-null-sink sink_name=callboard_line" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$run"' EXIT

export PULSE_SERVER="unix:$run/native"
for _ in $(seq 50); do
    pactl info >/dev/null 2>&1 && break
    sleep 0.1
done
pactl info >/dev/null
swift test --filter PulseCaptureTests "$@"
