#!/usr/bin/env bash
# ValidateService: within 10 seconds the service on this instance's port answers /health and
# serves this deployment's files (configure.sh wrote DEPLOYMENT_ID), not a stale process's.
port="${PIPEWRIGHT_INSTANCE_PORT:-8080}"
want="${DEPLOYMENT_ID:-}"
got=""
for _ in $(seq 1 200); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
        [ -z "$want" ] && exit 0
        got="$(curl -fsS "http://127.0.0.1:$port/DEPLOYMENT_ID" 2>/dev/null)"
        [ "$got" = "$want" ] && exit 0
    fi
    sleep 0.05
done
if [ -n "$got" ]; then
    echo "the service on port $port serves deployment '$got', not $want" >&2
else
    echo "service did not answer on port $port" >&2
fi
exit 1
