#!/bin/sh
# Lints the container files where the tools exist, and says so plainly where they do not (a clean machine without
# Docker still passes `npm test`). Neither check needs a running engine. README → Operations → Docker says what else to
# run on a machine with one (build, compose up, the replica set and AOF checks).
set -eu
cd "$(dirname "$0")/.."
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  # parses and validates docker-compose.yml (interpolation included) without an engine
  docker compose -f docker-compose.yml config --quiet
  echo "check:docker: docker compose config: docker-compose.yml is valid"
else
  echo "check:docker: note: 'docker compose' is not installed here; docker-compose.yml NOT checked (skipped)"
fi
if command -v hadolint >/dev/null 2>&1; then
  hadolint Dockerfile
  echo "check:docker: hadolint: Dockerfile passes"
else
  echo "check:docker: note: hadolint is not installed here; Dockerfile NOT linted (skipped)"
fi
