#!/usr/bin/env bash
# ApplicationStop: stop the running service, if any.
root="${PIPEWRIGHT_INSTANCE_ROOT:-}"
pidfile="$root/srv/webapp/server.pid"
[ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
rm -f "$pidfile"
exit 0
