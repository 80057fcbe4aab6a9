#!/usr/bin/env bash
# Start a single-node OpenSearch 2.19 on 127.0.0.1 for development and CI.
#
#   tools/opensearch/start.sh WORKDIR      (env: OPENSEARCH_PORT=9200 to pick the port; default a free one,
#                                           OPENSEARCH_HEAP=768m, OPENSEARCH_START_TIMEOUT=180)
#
# Builds the launcher with Maven (offline first, so a warm ~/.m2 needs no network), starts it in the
# background with its data and logs under WORKDIR, waits for cluster health yellow, writes the pid to
# WORKDIR/pid and prints `OPENSEARCH_URL=http://127.0.0.1:<port>` as its last line of stdout.
# Stop it with tools/opensearch/stop.sh WORKDIR.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 WORKDIR" >&2
    exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$1"
workdir="$(cd "$1" && pwd)"
port="${OPENSEARCH_PORT:-0}"
heap="${OPENSEARCH_HEAP:-768m}"
timeout="${OPENSEARCH_START_TIMEOUT:-180}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ -f "$workdir/pid" ]] && kill -0 "$(cat "$workdir/pid")" 2>/dev/null; then
    echo "OpenSearch already runs from $workdir (pid $(cat "$workdir/pid")); stop it first" >&2
    exit 1
fi

# -- build (skipped when the classes and libraries are newer than the pom and the source) ----------
stamp="$here/target/.built"
if [[ ! -f "$stamp" || -n "$(find "$here/pom.xml" "$here/src" -newer "$stamp" -print -quit)" ]]; then
    echo "building the OpenSearch launcher (Maven)..." >&2
    if ! mvn -q -B -Dstyle.color=never -o -f "$here/pom.xml" package >"$workdir/mvn-offline.log" 2>&1; then
        echo "(offline build failed, see $workdir/mvn-offline.log; downloading from Maven Central)" >&2
        mvn -q -B -Dstyle.color=never -f "$here/pom.xml" package >&2
    fi
    touch "$stamp"
fi

# -- start ------------------------------------------------------------------------------------------
log="$workdir/opensearch.log"
: >"$log"
rm -f "$workdir/node/http.port"
setsid "$java" -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djna.nosys=true -Dlog4j2.formatMsgNoLookups=true \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
    -cp "$here/target/classes:$here/target/lib/*" id.simboisker.opensearch.Launcher "$workdir/node" "$port" \
    >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$workdir/pid"

deadline=$((SECONDS + timeout))
url=""
while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "OpenSearch exited while starting; last lines of $log:" >&2
        tail -n 40 "$log" >&2
        rm -f "$workdir/pid"
        exit 1
    fi
    if [[ -z "$url" ]]; then
        if [[ -s "$workdir/node/http.port" ]]; then
            url="http://127.0.0.1:$(tr -dc '0-9' <"$workdir/node/http.port")"
        fi
    fi
    if [[ -n "$url" ]] && curl -fsS --max-time 5 "$url/_cluster/health?wait_for_status=yellow&timeout=5s" \
        2>/dev/null | grep -Eq '"status":"(yellow|green)"'; then
        echo "OpenSearch is up at $url (pid $pid, log $log)" >&2
        echo "OPENSEARCH_URL=$url"
        exit 0
    fi
    sleep 1
done
echo "OpenSearch did not become healthy within ${timeout}s; last lines of $log:" >&2
tail -n 40 "$log" >&2
kill "$pid" 2>/dev/null || true
rm -f "$workdir/pid"
exit 1
