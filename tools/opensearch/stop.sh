#!/usr/bin/env bash
# Stop the OpenSearch started by start.sh WORKDIR: SIGTERM (the launcher closes the node), then SIGKILL
# after 30 s. Leaves WORKDIR (data and logs) for the caller to remove.
set -uo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 WORKDIR" >&2
    exit 2
fi
pidfile="$1/pid"
[[ -f "$pidfile" ]] || exit 0
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "OpenSearch (pid $pid) did not stop within 30 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null
    fi
fi
rm -f "$pidfile"
