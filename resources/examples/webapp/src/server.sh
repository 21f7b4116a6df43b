#!/usr/bin/env bash
# A minimal HTTP service for the example: serves index.html and /health on $PORT.
# Uses python3's http.server when present, else busybox httpd.
set -euo pipefail
PORT="${PORT:-${PIPEWRIGHT_INSTANCE_PORT:-8080}}"
cd "$(dirname "$0")"
mkdir -p health && echo ok > health/index.html
if command -v python3 >/dev/null; then
    exec python3 -m http.server "$PORT" --bind 127.0.0.1
fi
exec busybox httpd -f -p "127.0.0.1:$PORT"
