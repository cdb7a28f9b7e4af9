#!/usr/bin/env bash
# The cluster check (DEPLOYING.md, "Several instances"), on this machine alone, loopback only: three MariaDB
# Galera nodes and HAProxy (cluster.sh, data in target/cluster), three Payara Micro instances of the unchanged
# WAR, then the checks of the harness's sensorhub.reliability.ClusterSuite (harness/pom.xml): migrations from one
# instance, keys and readings across instances, ingest while an instance and then the writer node are killed
# (SIGKILL) and come back, every acknowledged reading stored once on every node, statistics against numpy; then a
# retention sweep under ingest whose lease holder is killed mid-sweep, taken over and finished by another instance.
# Prints the table (also written to target/cluster.md), stops all it started, and exits non-zero on any failed
# criterion.
# Options after the script's name go to the harness's Maven run, e.g. -Dcluster.clients=16.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CLUSTER_WORK=$PWD/target/cluster
# The suite stops what it started; this covers a Maven run cut short.
trap 'bash server-config/cluster/cluster.sh down > /dev/null 2>&1 || true' EXIT
./mvnw -B -ntp package -DskipTests
./mvnw -B -ntp -f harness/pom.xml -Pcluster verify "$@"
