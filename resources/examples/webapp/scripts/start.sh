#!/usr/bin/env bash
# ApplicationStart: start the service in the background (its output redirected, so the hook
# can end) and remember its pid for ApplicationStop.
root="${PIPEWRIGHT_INSTANCE_ROOT:-}"
cd "$root/srv/webapp" || exit 1
PORT="${PIPEWRIGHT_INSTANCE_PORT:-8080}" nohup ./server.sh > server.log 2>&1 < /dev/null &
echo $! > server.pid
