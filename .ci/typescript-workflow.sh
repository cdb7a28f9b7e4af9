#!/usr/bin/env bash
# The main workflow through the generated TypeScript client (src/test/typescript/workflow.ts), run by Node against
# the service as the README runs it (.ci/service.sh). .ci/lint-openapi.sh must have compiled the workflow first.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/service.sh

PORT=${TS_WORKFLOW_PORT:-18070}
KEY=typescript-workflow-admin-key
WORKFLOW=target/openapi-lint/workflow/workflow.js
[ -f "$WORKFLOW" ] || { echo "run .ci/lint-openapi.sh first: $WORKFLOW is missing"; exit 1; }

start_service "$PORT" "$KEY"
SENSORS_BASE=http://127.0.0.1:$PORT SENSORS_KEY=$KEY node "$WORKFLOW"
