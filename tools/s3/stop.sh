#!/usr/bin/env bash
# Stop the S3 server that tools/s3/start.sh <workdir> started (by the pid it wrote). The data in
# <workdir>/data stays: remove the directory yourself when you are done with it.
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 <workdir>" >&2; exit 1; }
PID_FILE="$1/pid"
[[ -f "$PID_FILE" ]] || { echo "[s3] no $PID_FILE: nothing to stop" >&2; exit 0; }
PID="$(cat "$PID_FILE")"
# Only our server: a stale pid file must never make us kill an unrelated process.
if kill -0 "$PID" 2>/dev/null && tr '\0' ' ' <"/proc/$PID/cmdline" 2>/dev/null | grep -q versitygw; then
    kill -TERM "$PID"
    for _ in $(seq 1 50); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$PID" 2>/dev/null; then
        kill -KILL "$PID" 2>/dev/null || true
    fi
    echo "[s3] stopped versitygw (pid $PID)" >&2
else
    echo "[s3] pid $PID is not a running versitygw: nothing to stop" >&2
fi
rm -f "$PID_FILE"
