#!/usr/bin/env bash
# AfterInstall: record which deployment installed this revision.
root="${PIPEWRIGHT_INSTANCE_ROOT:-}"
echo "${DEPLOYMENT_ID:-local}" > "$root/srv/webapp/DEPLOYMENT_ID"
