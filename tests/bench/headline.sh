#!/usr/bin/env bash
# The headline figure: in the bundled example workspace, with `pipewright-cli watch` running,
# the time from `git commit` to the new version answering on the deployment group's router
# (source -> build -> deploy -> healthy). Not a CTest test: it prints figures.
#
#   tests/bench/headline.sh [PATH/TO/pipewright-cli] [ROUNDS]
#
# Copies resources/examples/webapp into a temporary git repository, moves the group's router
# and instance ports to free ones, starts `watch --run-now`, waits for the router, then per
# round changes src/index.html, commits, and polls the router until the new page answers
# ("first": the first answer with the new content; "all": every instance behind the router
# serves it). Ends watch with SIGINT, stops the instances' services like a host shutdown
# would, and fails if any process is left.
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
cli="${1:-}"
rounds="${2:-3}"
if [ -z "$cli" ]; then
    cli="$(ls -t "$here"/build/*/app/pipewright-cli 2>/dev/null | head -1 || true)"
fi
[ -x "$cli" ] || { echo "usage: $0 PATH/TO/pipewright-cli [ROUNDS]" >&2; exit 2; }
cli="$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")"

work="$(mktemp -d /tmp/pw-headline.XXXXXX)"
watch_pid=""
log="$work.watch.log"

now() { date +%s.%N; }
elapsed_ms() { python3 -c "import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$1" "$2"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
page() { curl -fsS --max-time 1 "http://127.0.0.1:$router/" 2>/dev/null || true; }

# The instances' services outlive watch, as a host's services outlive its agent; stop them.
stop_services() {
    for pidfile in "$work"/.pipewright/state/instances/*/*/srv/webapp/server.pid; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
}

# Processes whose command line or working folder lies in the temporary workspace.
leftovers() {
    for p in /proc/[0-9]*; do
        local pid="${p#/proc/}"
        [ "$pid" = "$$" ] && continue
        if { tr '\0' ' ' < "$p/cmdline"; } 2>/dev/null | grep -q "$work" ||
            readlink "$p/cwd" 2>/dev/null | grep -q "^$work"; then
            echo "$pid $({ tr '\0' ' ' < "$p/cmdline"; } 2>/dev/null)"
        fi
    done
}

cleanup() {
    [ -n "$watch_pid" ] && kill -INT "$watch_pid" 2>/dev/null || true
    stop_services
}
trap cleanup EXIT

cp -r "$here/resources/examples/webapp/." "$work/"
rm -rf "$work/.pipewright/state"
router="$(free_port)"
sed -i -e "s/port: 18080/port: $router/" -e "s/port: 18081/port: $(free_port)/" \
    -e "s/port: 18082/port: $(free_port)/" "$work/.pipewright/workspace.yml"
echo ".pipewright/state/" > "$work/.gitignore"
git -C "$work" init -q -b main
git -C "$work" add .
git -C "$work" -c user.name=bench -c user.email=bench@example.com commit -qm v1

start="$(now)"
(cd "$work" && exec "$cli" watch --run-now --interval 100 --no-logs) > "$log" 2>&1 &
watch_pid=$!
until page | grep -q "webapp"; do
    kill -0 "$watch_pid" 2>/dev/null || { cat "$log"; echo "watch ended early" >&2; exit 1; }
    if [ "$(elapsed_ms "$start" "$(now)")" -gt 120000 ]; then
        cat "$log"; echo "the router never answered" >&2; exit 1
    fi
    sleep 0.05
done
echo "first release (watch start -> router answers): $(elapsed_ms "$start" "$(now)") ms"

firsts=()
alls=()
for round in $(seq 1 "$rounds"); do
    marker="release-$round-$RANDOM$RANDOM"
    sed -i "s|<p>.*</p>|<p>$marker</p>|" "$work/src/index.html"
    git -C "$work" add src/index.html
    t0="$(now)"
    git -C "$work" -c user.name=bench -c user.email=bench@example.com commit -qm "$marker"
    first=""
    streak=0
    while :; do
        if page | grep -q "$marker"; then
            [ -z "$first" ] && first="$(elapsed_ms "$t0" "$(now)")"
            streak=$((streak + 1))
            # Round robin over two instances: four new answers in a row means both serve it.
            [ "$streak" -ge 4 ] && break
        else
            streak=0
        fi
        if [ "$(elapsed_ms "$t0" "$(now)")" -gt 60000 ]; then
            cat "$log"; echo "round $round: the new version never answered" >&2; exit 1
        fi
        sleep 0.02
    done
    all="$(elapsed_ms "$t0" "$(now)")"
    firsts+=("$first")
    alls+=("$all")
    echo "round $round: git commit -> new version on the router: first answer $first ms, all instances $all ms"
    # Let the execution finish (AfterAllowTraffic of the last instance) before the next commit.
    until [ "$(grep -c 'execution .* Succeeded' "$log")" -gt "$round" ]; do sleep 0.05; done
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "HEADLINE: git commit -> new version answering on the router (median of $rounds):" \
    "first answer $(median "${firsts[@]}") ms, all instances $(median "${alls[@]}") ms"

kill -INT "$watch_pid"
code=0
wait "$watch_pid" || code=$?
watch_pid=""
[ "$code" -eq 130 ] || { cat "$log"; echo "watch exited $code, expected 130" >&2; exit 1; }
stop_services
sleep 0.3
left="$(leftovers)"
if [ -n "$left" ]; then
    echo "processes left behind:" >&2
    echo "$left" >&2
    exit 1
fi
echo "watch stopped (exit 130); no process left"
# HEADLINE_LOG=FILE keeps watch's output (timestamps per stage, action and lifecycle event).
[ -n "${HEADLINE_LOG:-}" ] && cp "$log" "$HEADLINE_LOG"
rm -rf "$work" "$log"
