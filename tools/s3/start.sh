#!/usr/bin/env bash
# Start a throwaway S3-compatible server for the storage tests: versitygw (Apache-2.0) serving
# <workdir>/data over the S3 API with real SigV4 checks (presigned URLs included), on a free
# loopback port, with a random root key and one private bucket.
#
#   tools/s3/start.sh <workdir>      # progress on stderr; the last stdout lines are the env:
#   AWS_S3_ENDPOINT_URL=http://127.0.0.1:<port>
#   AWS_ACCESS_KEY_ID=…  AWS_SECRET_ACCESS_KEY=…  AWS_STORAGE_BUCKET_NAME=…  AWS_S3_REGION_NAME=us-east-1
#
# so `s3_env=$(tools/s3/start.sh "$dir"); set -a; eval "$s3_env"; set +a` exports them (the assignment
# first: `eval "$(…)"` would hide a failed start from `set -e`). The same lines go to
# <workdir>/env (mode 600), the pid to <workdir>/pid, the server log to <workdir>/versitygw.log.
# Stop with tools/s3/stop.sh <workdir>.
#
# The binary is built once with `go install` (pinned version) into a cache directory and reused:
#   VERSITYGW            use this binary instead (no build)
#   VERSITYGW_CACHE_DIR  where the build goes (default: ~/.cache/simboisker/versitygw-<version>)
#   S3_BUCKET            bucket name (default: simboisker-documents)
#   PYTHON               a Python with boto3 (default: the project's .venv/bin/python)
set -euo pipefail

VERSITYGW_VERSION="v1.8.0"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { printf '[s3] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 <workdir>"
mkdir -p "$1"
WORKDIR="$(cd "$1" && pwd)"
DATA_DIR="$WORKDIR/data"
LOG="$WORKDIR/versitygw.log"
BUCKET="${S3_BUCKET:-simboisker-documents}"
REGION="us-east-1"
PYTHON="${PYTHON:-$REPO_ROOT/.venv/bin/python}"

if [[ -f "$WORKDIR/pid" ]] && kill -0 "$(cat "$WORKDIR/pid")" 2>/dev/null; then
    die "a server from $WORKDIR is already running (pid $(cat "$WORKDIR/pid")); run tools/s3/stop.sh $WORKDIR"
fi
[[ -x "$PYTHON" ]] || die "$PYTHON not found: run \`make install\` first or set PYTHON to a Python with boto3"
"$PYTHON" -c 'import boto3' 2>/dev/null || die "$PYTHON cannot import boto3"

# --- 1. the binary -------------------------------------------------------------------------
if [[ -n "${VERSITYGW:-}" ]]; then
    BIN="$VERSITYGW"
    [[ -x "$BIN" ]] || die "VERSITYGW=$BIN is not executable"
else
    CACHE_DIR="${VERSITYGW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/simboisker/versitygw-$VERSITYGW_VERSION}"
    BIN="$CACHE_DIR/versitygw"
    if [[ ! -x "$BIN" ]]; then
        if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
            PATH="/usr/local/go/bin:$PATH"
        fi
        command -v go >/dev/null 2>&1 || die "Go is needed to build versitygw (or set VERSITYGW to a binary)"
        say "building versitygw $VERSITYGW_VERSION with $(go version | cut -d' ' -f3) into $CACHE_DIR (once)"
        mkdir -p "$CACHE_DIR"
        build_started=$SECONDS
        # The module and build caches in ~/go and ~/.cache/go-build are reused across runs.
        GOBIN="$CACHE_DIR" GOFLAGS="${GOFLAGS:--buildvcs=false}" \
            go install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION" >&2
        say "built in $((SECONDS - build_started)) s"
    fi
fi
say "versitygw: $BIN"

# --- 2. the server -------------------------------------------------------------------------
mkdir -p "$DATA_DIR"
ACCESS_KEY="$("$PYTHON" -c 'import secrets; print("SMK" + secrets.token_hex(8).upper())')"
SECRET_KEY="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(30).replace("-", "x").replace("_", "y"))')"
free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Answers at all (any HTTP status: an anonymous request gets 403 from a real S3 server).
answers() {
    "$PYTHON" - "$1" <<'PY' >/dev/null 2>&1
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=2)
except urllib.error.HTTPError:
    pass
PY
}

started=0
for attempt in 1 2 3; do
    PORT="$(free_port)"
    ENDPOINT="http://127.0.0.1:$PORT"
    # The keys go through the environment, not the command line (visible in ps). Detached from our
    # stdout, so `$(tools/s3/start.sh …)` returns while the server keeps running.
    ROOT_ACCESS_KEY="$ACCESS_KEY" ROOT_SECRET_KEY="$SECRET_KEY" \
        nohup "$BIN" --port "127.0.0.1:$PORT" --region "$REGION" --quiet posix "$DATA_DIR" \
        </dev/null >>"$LOG" 2>&1 &
    PID=$!
    echo "$PID" >"$WORKDIR/pid"
    for _ in $(seq 1 100); do
        kill -0 "$PID" 2>/dev/null || break
        if answers "$ENDPOINT/"; then started=1; break; fi
        sleep 0.2
    done
    ((started)) && break
    say "versitygw did not answer on port $PORT (attempt $attempt); log: $LOG"
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
done
((started)) || { tail -n 20 "$LOG" >&2 || true; rm -f "$WORKDIR/pid"; die "versitygw did not start"; }
say "listening on $ENDPOINT only (pid $PID, data in $DATA_DIR)"

# --- 3. the bucket -------------------------------------------------------------------------
AWS_ACCESS_KEY_ID="$ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$SECRET_KEY" \
    "$PYTHON" - "$ENDPOINT" "$BUCKET" "$REGION" <<'PY' >&2 || { kill "$PID"; rm -f "$WORKDIR/pid"; die "could not create the bucket"; }
import sys

import boto3
from botocore.config import Config

endpoint, bucket, region = sys.argv[1:]
s3 = boto3.client(
    "s3", endpoint_url=endpoint, region_name=region,
    config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
)
if bucket not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
    s3.create_bucket(Bucket=bucket)  # private: no ACL, no bucket policy
s3.put_object(Bucket=bucket, Key="_probe", Body=b"ok")
assert s3.get_object(Bucket=bucket, Key="_probe")["Body"].read() == b"ok"
s3.delete_object(Bucket=bucket, Key="_probe")
print(f"[s3] bucket {bucket} ready (private)")
PY

ENV_LINES="AWS_S3_ENDPOINT_URL=$ENDPOINT
AWS_ACCESS_KEY_ID=$ACCESS_KEY
AWS_SECRET_ACCESS_KEY=$SECRET_KEY
AWS_STORAGE_BUCKET_NAME=$BUCKET
AWS_S3_REGION_NAME=$REGION"
(umask 077 && printf '%s\n' "$ENV_LINES" >"$WORKDIR/env")
printf '%s\n' "$ENV_LINES"
