#!/usr/bin/env bash
# Tiny test suite for the example: checks the page template, prints JUnit XML on stdout.
set -u
pass=0; fail=0; cases=""
check() {
    if eval "$2"; then pass=$((pass+1)); cases+="<testcase classname=\"webapp\" name=\"$1\" time=\"0.001\"/>"
    else fail=$((fail+1)); cases+="<testcase classname=\"webapp\" name=\"$1\"><failure message=\"$1 failed\"/></testcase>"; fi
}
check "template has version placeholder" "grep -q @VERSION@ src/index.html"
check "server script exists" "test -f src/server.sh"
echo "<?xml version=\"1.0\"?><testsuite name=\"webapp\" tests=\"$((pass+fail))\" failures=\"$fail\">$cases</testsuite>"
[ "$fail" -eq 0 ]
