#!/usr/bin/env bash
# ApplicationStop: stop the running service, if any, and wait until it is gone (a zombie
# counts as gone: its port is already free, and reaping it is up to its new parent).
root="${PIPEWRIGHT_INSTANCE_ROOT:-}"
pidfile="$root/srv/webapp/server.pid"
running() {
    if [ -r "/proc/$1/status" ]; then
        ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
    else
        kill -0 "$1" 2>/dev/null
    fi
}
if [ -f "$pidfile" ]; then
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do
        running "$pid" || break
        sleep 0.01
    done
    running "$pid" && kill -9 "$pid" 2>/dev/null
fi
rm -f "$pidfile"
exit 0
