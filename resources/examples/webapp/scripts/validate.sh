#!/usr/bin/env bash
# ValidateService: the service answers on its port within 10 seconds.
port="${PIPEWRIGHT_INSTANCE_PORT:-8080}"
for _ in $(seq 1 50); do
    curl -fsS "http://127.0.0.1:$port/health/" >/dev/null 2>&1 && exit 0
    sleep 0.2
done
echo "service did not answer on port $port" >&2
exit 1
