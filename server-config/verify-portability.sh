#!/usr/bin/env bash
# One WAR, three servers. Builds the WAR once (./mvnw package), then for each server and database:
# provisions the server from Maven Central (cached in ~/.m2) and configures it from server-config/, runs the
# project's black-box Arquillian suite (*IT) against it with the Maven profile that swaps in the server's
# adapter (the adapter starts the server, deploys the WAR, waits until it is deployed, stops it), and then
# checks the documented production layout once per server: the WAR at context root "/", started the way
# server-config/DEPLOYING.md says, answering the API, /openapi, health and its own error pages.
#
#   server-config/verify-portability.sh
#   SERVERS="wildfly liberty" DBS=h2 server-config/verify-portability.sh
#   RUNS="payara/mysql wildfly/mysql liberty/h2" server-config/verify-portability.sh   (what .ci/run does)
#
# RUNS names the server/database pairs the suite runs on (by default each of SERVERS on each of DBS); the layout
# check runs once for each server in SERVERS. EXCLUDED_GROUPS names JUnit tags the suite leaves out (.ci/run:
# "browser", the dashboard's tests in Chromium, which run in the README's suite; they drive the page, which is the
# same static files and API on every server, and take two of a run's four minutes).
#
# Prints one line per server and database with the suite's pass/fail counts; exits non-zero if any fails.
# MariaDB (DBS containing mysql): 127.0.0.1:3306, where root without a password creates a database
# sensorhub_port_<server> and a user with a fresh password for each run (WildFly and Payara refuse empty
# passwords). On MariaDB each server also binds the second datasource of the heavy reads (server-config/*/reads.*)
# to the same database and the service is told to use it (SENSORS_READS_DATASOURCE); the run fails unless the
# server's log names it as the reads' datasource. On H2 the reads use the primary (the default). Work files:
# target/portability/. One server runs at a time; ports: WildFly 18080 and 19990 (offset 10000), Open Liberty
# 18090, Payara Micro 18085.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SERVERS=${SERVERS:-payara wildfly liberty}
EXCLUDED_GROUPS=${EXCLUDED_GROUPS:-}
DBS=${DBS:-h2 mysql}
if [ -z "${RUNS:-}" ]; then
    RUNS=$(for server in $SERVERS; do for db in $DBS; do printf '%s/%s ' "$server" "$db"; done; done)
fi
DBS=$(for run in $RUNS; do echo "${run#*/}"; done | sort -u | tr '\n' ' ')
WILDFLY_VERSION=39.0.1.Final
LIBERTY_VERSION=26.0.0.3
M2_REPO=${M2_REPO:-$HOME/.m2/repository}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
WORK=$ROOT/target/portability
WAR=$ROOT/target/sensorhub.war
MYSQL_JAR=$ROOT/target/server/mysql-connector-j.jar
PAYARA_JAR=$ROOT/target/server/payara-micro.jar
ADMIN_KEY=portability-admin-key
READY_TIMEOUT=${READY_TIMEOUT:-180}
MVN=(./mvnw -B -ntp)
# The H2 driver the tests use, as the pom names it (the one place its version is written).
pom_property() { "${MVN[@]}" -q org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate -DforceStdout -Dexpression="$1"; }

declare -A HTTP_PORT=([payara]=18085 [wildfly]=18080 [liberty]=18090)
declare -A HEALTH_ROOT=([payara]=http://127.0.0.1:18085 [wildfly]=http://127.0.0.1:19990 [liberty]=http://127.0.0.1:18090)
declare -A PROFILE=([payara]="" [wildfly]=wildfly [liberty]=liberty)
# The JNDI name of the reads' datasource that server-config/<server>/reads.* binds, and the log the server writes
# in a suite's run folder, with its rotated parts beside it (payara.log.0, .1, ...; server.log.<date>); Payara
# Micro's MariaDB suite asks for a log file of its own (--logtofile) with the rotation the production log has.
declare -A READS_DATASOURCE=([payara]=jdbc/sensorhub-reads [wildfly]=java:jboss/datasources/SensorHubReadsDS
                             [liberty]=jdbc/sensorhub-reads)
declare -A SERVER_LOG=([payara]=payara.log [wildfly]=wildfly/standalone/log/server.log
                       [liberty]=wlp/usr/servers/sensorhub/logs/messages.log)

T0=$SECONDS
RESULTS=()
FAILED=0
TOTAL_PASSED=0
TOTAL_FAILED=0
SERVER_PID=

log() { printf '[%4ds] %s\n' $((SECONDS - T0)) "$*"; }
die() { log "ERROR: $*"; exit 2; }

# ---------------------------------------------------------------- provisioning

fetch() { # groupId artifactId version type -> path of the file in the local Maven repository
    local file="$M2_REPO/${1//.//}/$2/$3/$2-$3.$4"
    if [ ! -f "$file" ]; then
        "${MVN[@]}" -q dependency:get -Dartifact="$1:$2:$3:$4" -Dtransitive=false >&2 || return 1
    fi
    echo "$file"
}

free_port() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A WildFly configured as DEPLOYING.md says, in $1 (its JBOSS_HOME).
provision_wildfly() {
    local home=$1 db=$2
    mkdir -p "$(dirname "$home")"
    tar -xzf "$WILDFLY_TGZ" -C "$(dirname "$home")" && mv "$(dirname "$home")/wildfly-$WILDFLY_VERSION" "$home" || return 1
    # the scripts in one jboss-cli run (each embeds and stops its own offline server); on MariaDB the reads' pool
    # after the primary, whose driver it uses
    cat "$ROOT/server-config/wildfly/microprofile.cli" \
        "$ROOT/server-config/wildfly/$([ "$db" = mysql ] && echo mysql || echo h2-file).cli" > "$home/../configure.cli"
    [ "$db" = mysql ] && cat "$ROOT/server-config/wildfly/reads.cli" >> "$home/../configure.cli"
    "$home/bin/jboss-cli.sh" --file="$home/../configure.cli" -Dsensors.jdbc.driver="$MYSQL_JAR" \
        > "$home/../configure.log" 2>&1 || { log "jboss-cli failed:"; cat "$home/../configure.log"; return 1; }
}

# An Open Liberty with server "sensorhub" configured as DEPLOYING.md says, in $1 (its wlp folder). The
# application itself comes from Arquillian (dropins/), or from sensorhub.xml for the layout check.
provision_liberty() {
    local wlp=$1 db=$2
    mkdir -p "$(dirname "$wlp")"
    unzip -q "$LIBERTY_ZIP" -d "$(dirname "$wlp")" || return 1
    local server=$wlp/usr/servers/sensorhub
    mkdir -p "$server/configDropins/overrides" "$wlp/usr/shared/resources/jdbc"
    cp "$ROOT/server-config/liberty/server.xml" "$server/"
    if [ "$db" = mysql ]; then
        cp "$ROOT/server-config/liberty/mysql.xml" "$ROOT/server-config/liberty/reads.xml" "$server/configDropins/overrides/"
        cp "$MYSQL_JAR" "$wlp/usr/shared/resources/jdbc/"
    else
        cp "$ROOT/server-config/liberty/h2-file.xml" "$server/configDropins/overrides/"
        cp "$H2_JAR" "$wlp/usr/shared/resources/jdbc/"
    fi
    cp "$ROOT/src/test/liberty/arquillian.xml" "$server/configDropins/overrides/"
}

# ---------------------------------------------------------------- databases

mariadb_root() { mariadb --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -uroot "$@"; }

# A fresh database and user for one run; exports what the server and the tests read, the reads' datasource of
# server $1 bound to the same database.
use_mysql() {
    local name=sensorhub_port_$1 password
    password=port-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    mariadb_root <<SQL || return 1
DROP DATABASE IF EXISTS $name;
CREATE DATABASE $name CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '$name'@'localhost';
CREATE USER IF NOT EXISTS '$name'@'127.0.0.1';
ALTER USER '$name'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$name'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL ON $name.* TO '$name'@'localhost';
GRANT ALL ON $name.* TO '$name'@'127.0.0.1';
SQL
    export SENSORS_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$name" SENSORS_DB_USER=$name SENSORS_DB_PASSWORD=$password
    export SENSORS_READS_DB_URL=$SENSORS_DB_URL SENSORS_READS_DATASOURCE=${READS_DATASOURCE[$1]}
}

use_h2() {
    unset SENSORS_DB_URL SENSORS_DB_USER SENSORS_DB_PASSWORD SENSORS_READS_DB_URL SENSORS_READS_DATASOURCE
    export SENSORS_H2_FILE=$1/db/sensorhub
}

# ---------------------------------------------------------------- the suite

# Runs the *IT suite on one server and database; appends the result line.
run_suite() {
    local server=$1 db=$2 run=$WORK/runs/$1-$2 started=$SECONDS
    rm -rf "$run" && mkdir -p "$run"
    if [ "$db" = mysql ]; then use_mysql "$server" || { record "$server" "$db" "" "MariaDB setup failed" 0; return; }
    else use_h2 "$run"; fi
    case $server in
        wildfly) provision_wildfly "$run/wildfly" "$db" || { record "$server" "$db" "" "provisioning failed" 0; return; } ;;
        liberty) provision_liberty "$run/wlp" "$db" || { record "$server" "$db" "" "provisioning failed" 0; return; } ;;
    esac
    local args=(-Dit.reports="$run/reports" -Dit.excludedGroups="$EXCLUDED_GROUPS"
                -Dit.h2.file="$run/db/sensorhub" -Dit.port="${HTTP_PORT[payara]}"
                -Dit.wildfly.home="$run/wildfly" -Dit.liberty.home="$run/wlp" -Dit.liberty.port="${HTTP_PORT[liberty]}")
    local profiles=${PROFILE[$server]}
    if [ "$server" = payara ] && [ "$db" = mysql ]; then
        # Payara Micro takes one post-boot file: the primary's commands, then the reads' pool (reads.asadmin says
        # so); the profile mysql's other options, and a log file to look for the reads' datasource in
        profiles=mysql
        cat "$ROOT/server-config/payara/mysql.asadmin" "$ROOT/server-config/payara/reads.asadmin" > "$run/post-boot.asadmin"
        args+=("-Dit.db.options=--addlibs $MYSQL_JAR --postbootcommandfile $run/post-boot.asadmin --logtofile $run/${SERVER_LOG[payara]}")
    fi
    [ -n "$profiles" ] && args+=(-P"$profiles")
    log "$server/$db: suite${SENSORS_READS_DATASOURCE:+, heavy reads through a second pool, $SENSORS_READS_DATASOURCE}"
    SUITE_RUN=$run
    "${MVN[@]}" "${args[@]}" failsafe:integration-test failsafe:verify > "$run/maven.log" 2>&1
    local status=$?
    stop_leftovers "$run"
    SUITE_RUN=
    local applied problem=""
    applied=$(migrations_applied "$db" "$server" "$run"); applied=${applied:-0}
    [ "$applied" = "$MIGRATIONS" ] || problem="$applied of $MIGRATIONS migrations in the schema history"
    if [ "$db" = mysql ] && ! reads_datasource_logged "$run/${SERVER_LOG[$server]}"; then
        problem="${problem:+$problem; }the server's log ($run/${SERVER_LOG[$server]}*) does not name"
        problem="$problem $SENSORS_READS_DATASOURCE as the reads' datasource"
    fi
    record "$server" "$db" "$run/reports/failsafe-summary.xml" "$problem" $((SECONDS - started)) $status
}

# How many of the WAR's versioned migrations the server's run recorded as applied, read from the database
# after the run: each run starts from an empty database, so this counts what Flyway did on that server.
migrations_applied() { # db server run-folder
    if [ "$1" = mysql ]; then
        mariadb_root -N -B -e "SELECT COUNT(*) FROM sensorhub_port_$2.flyway_schema_history
                               WHERE success AND version IS NOT NULL" 2>/dev/null
    else
        java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:$3/db/sensorhub" -user "" -password "" \
            -sql 'SELECT COUNT(*) FROM "flyway_schema_history" WHERE "success" AND "version" IS NOT NULL' \
            2>/dev/null | sed -n 2p
    fi
}

# Whether the service logged that its heavy reads use the datasource SENSORS_READS_DATASOURCE names: a binding
# the service never saw (a variable not passed on, a file not read) leaves the reads on the primary and says so.
reads_datasource_logged() { # server-log
    grep -q -F "Heavy reads use the datasource $SENSORS_READS_DATASOURCE (sensors.reads.datasource)" "$1"* 2>/dev/null
}

# The names and first lines of the failed tests, from Maven's own summary, so that a CI log says what broke.
print_failures() { # maven-log
    [ -f "$1" ] || return 0
    sed -n '/^\[ERROR\] \(Failures\|Errors\):/,/^\[INFO\]/p' "$1" | head -n 40
}

summary_value() { sed -n "s:.*<$2>\([0-9]*\)</$2>.*:\1:p" "$1" | head -n1; }

# server db summary-file problem seconds [maven-status]
record() {
    local server=$1 db=$2 summary=$3 problem=$4 seconds=$5 status=${6:-1}
    local completed=0 failures=0 errors=0 skipped=0
    if [ -n "$summary" ] && [ -f "$summary" ]; then
        completed=$(summary_value "$summary" completed); failures=$(summary_value "$summary" failures)
        errors=$(summary_value "$summary" errors); skipped=$(summary_value "$summary" skipped)
    fi
    local failed=$((failures + errors)) passed=$((completed - failures - errors - skipped))
    [ -z "$problem" ] && [ "$completed" = 0 ] && problem="no test ran"
    [ -z "$problem" ] && [ "$status" != 0 ] && [ "$failed" = 0 ] && problem="maven failed"
    local line
    line=$(printf '%-8s %-6s %3d passed, %d failed, %d skipped  (%ds)' "$server" "$db" "$passed" "$failed" "$skipped" "$seconds")
    if [ -n "$problem" ] || [ "$failed" != 0 ]; then
        FAILED=1; line="$line  FAIL${problem:+: $problem}"
        [ -n "$summary" ] && print_failures "$(dirname "$(dirname "$summary")")/maven.log"
    fi
    TOTAL_PASSED=$((TOTAL_PASSED + passed)); TOTAL_FAILED=$((TOTAL_FAILED + failed))
    [ -n "$problem" ] && TOTAL_FAILED=$((TOTAL_FAILED + 1))
    RESULTS+=("$line")
    log "$line"
}

# Servers the adapters started must be gone when the suite ends; if Maven was cut short, stop what is left
# of this run (processes whose command line names the run's own folder or this checkout's Payara Micro).
stop_leftovers() {
    local pattern=$1 pid
    [ "${server:-}" = payara ] && pattern=$PAYARA_JAR
    for _ in $(seq 1 50); do pgrep -f -- "$pattern" > /dev/null || return 0; sleep 0.2; done
    for pid in $(pgrep -f -- "$pattern"); do
        log "stopping leftover process $pid"
        kill "$pid" 2>/dev/null
    done
}

# ---------------------------------------------------------------- the documented layout at context root /

start_layout() { # server run-folder
    local server=$1 run=$2
    export SENSORS_ADMIN_KEY=$ADMIN_KEY
    case $server in
        wildfly)
            cp "$WAR" "$run/wildfly/standalone/deployments/ROOT.war"
            JBOSS_PIDFILE=$run/wildfly.pid LAUNCH_JBOSS_IN_BACKGROUND=1 \
                "$run/wildfly/bin/standalone.sh" -c standalone.xml -Djboss.socket.binding.port-offset=10000 \
                -b 127.0.0.1 -bmanagement 127.0.0.1 > "$run/layout-server.log" 2>&1 &
            for _ in $(seq 1 100); do [ -s "$run/wildfly.pid" ] && break; sleep 0.1; done
            SERVER_PID=$(cat "$run/wildfly.pid" 2>/dev/null) ;;
        liberty)
            local server_dir=$run/wlp/usr/servers/sensorhub
            rm -rf "$server_dir/configDropins/overrides/arquillian.xml" "$server_dir/dropins"
            mkdir -p "$server_dir/apps" && cp "$WAR" "$server_dir/apps/sensorhub.war"
            cp "$ROOT/server-config/liberty/sensorhub.xml" "$server_dir/configDropins/overrides/"
            HTTP_PORT=${HTTP_PORT[liberty]} HTTP_HOST=127.0.0.1 "$run/wlp/bin/server" start sensorhub \
                > "$run/layout-server.log" 2>&1
            SERVER_PID=$(cat "$run/wlp/usr/servers/.pid/sensorhub.pid" 2>/dev/null) ;;
        payara)
            java -jar "$PAYARA_JAR" --nohazelcast --port "${HTTP_PORT[payara]}" --rootdir "$run/layout/payara-root" \
                --prebootcommandfile "$ROOT/server-config/payara/hardening.asadmin" \
                --systemproperties "$ROOT/server-config/payara/system.properties" \
                --postbootcommandfile "$ROOT/server-config/payara/h2-file.asadmin" \
                --deploy "$WAR" --contextroot / > "$run/layout-server.log" 2>&1 &
            SERVER_PID=$! ;;
    esac
}

stop_layout() { # server run-folder
    local server=$1 run=$2
    [ -z "$SERVER_PID" ] && return
    if [ "$server" = liberty ]; then "$run/wlp/bin/server" stop sensorhub > /dev/null 2>&1; fi
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID"
    fi
    SERVER_PID=
    unset SENSORS_ADMIN_KEY
}

http() { # url [header] -> "status content-type" then the body in $BODY_FILE
    curl -s -o "$BODY_FILE" -w '%{http_code} %{content_type}' ${2:+-H "$2"} "$1"
}

check() { # name expected actual
    if [[ $3 == $2 ]]; then LAYOUT_PASSED=$((LAYOUT_PASSED + 1))
    else LAYOUT_FAILED=$((LAYOUT_FAILED + 1)); log "  layout check failed: $1: expected '$2', got '$3'"; fi
}

# The WAR as an administrator deploys it (H2 file database): at "/", with the key from SENSORS_ADMIN_KEY; on
# the server the H2 suite ran on (the adapter has undeployed its copy), with a database of its own.
run_layout() {
    local server=$1 run=$WORK/runs/$1-h2 started=$SECONDS
    if [ ! -d "$run" ]; then
        run=$WORK/runs/$1-layout
        rm -rf "$run" && mkdir -p "$run"
        case $server in
            wildfly) provision_wildfly "$run/wildfly" h2 || { record "$server" "at /" "" "provisioning failed" 0; return; } ;;
            liberty) provision_liberty "$run/wlp" h2 || { record "$server" "at /" "" "provisioning failed" 0; return; } ;;
        esac
    fi
    mkdir -p "$run/layout" && use_h2 "$run/layout"
    log "$server: documented layout at /"
    LAYOUT_RUN=$run
    start_layout "$server" "$run"
    local base=http://127.0.0.1:${HTTP_PORT[$server]} ready=${HEALTH_ROOT[$server]}/health/ready
    BODY_FILE=$run/body
    local deadline=$((SECONDS + READY_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$ready")" = 200 ] && break
        { [ -z "$SERVER_PID" ] || ! kill -0 "$SERVER_PID" 2>/dev/null; } && break
        sleep 0.5
    done
    LAYOUT_PASSED=0 LAYOUT_FAILED=0
    check "GET health/ready" "200 application/json*" "$(http "$ready")"
    check "readiness names the H2 database" "*\"product\":\"H2\"*" "$(cat "$BODY_FILE")"
    check "GET /api/sensors without key" "401 application/problem+json*" "$(http "$base/api/sensors")"
    check "GET /api/sensors with the admin key" "200 application/json*" "$(http "$base/api/sensors" "X-API-KEY: $ADMIN_KEY")"
    check "GET /openapi" "200 *" "$(http "$base/openapi")"
    check "OpenAPI paths start at /api" "*/api/sensors:*" "$(cat "$BODY_FILE")"
    check "GET /api-docs/" "200 text/html*" "$(http "$base/api-docs/")"
    check "GET / (the dashboard)" "200 text/html*" "$(http "$base/")"
    check "the dashboard page loads its module" "*js/app.js*" "$(cat "$BODY_FILE")"
    check "GET the dashboard's chart library" "200 *javascript*" "$(http "$base/webjars/uplot/1.6.30/dist/uPlot.esm.js")"
    check "GET /no-such-page" "404 application/problem+json*" "$(http "$base/no-such-page")"
    stop_layout "$server" "$run"
    local line
    line=$(printf '%-8s %-6s %3d passed, %d failed  (%ds)' "$server" "at /" "$LAYOUT_PASSED" "$LAYOUT_FAILED" $((SECONDS - started)))
    if [ "$LAYOUT_FAILED" != 0 ]; then FAILED=1; line="$line  FAIL (logs: $run)"; fi
    TOTAL_PASSED=$((TOTAL_PASSED + LAYOUT_PASSED)); TOTAL_FAILED=$((TOTAL_FAILED + LAYOUT_FAILED))
    RESULTS+=("$line")
    log "$line"
}

# ---------------------------------------------------------------- main

# Interrupted: stop whatever this run started (the layout server, or the server of a suite cut short).
trap 'stop_layout "${server:-}" "${LAYOUT_RUN:-}" 2>/dev/null; [ -n "${SUITE_RUN:-}" ] && stop_leftovers "$SUITE_RUN"' EXIT

for port in 18080 19990 18090 18085; do free_port "$port" || die "port $port is in use: stop what listens there first"; done

log "build the WAR once: ./mvnw package -DskipTests"
"${MVN[@]}" -q package -DskipTests > "$ROOT/target/portability-build.log" 2>&1 \
    || { cat "$ROOT/target/portability-build.log"; die "the build failed"; }
WAR_SUM=$(sha256sum "$WAR" | cut -d' ' -f1)
# SQL migrations in db/migration, and Java ones (named V<n>__..., registered by SchemaMigration) beside it.
MIGRATIONS=$(unzip -Z1 "$WAR" | grep -c -E '^WEB-INF/classes/(db/migration/V.*\.sql|sensorhub/database/boundary/V[0-9]+__[^$]*\.class)$')

log "fetch the servers from Maven Central (cached in $M2_REPO)"
[[ " $SERVERS " == *" wildfly "* ]] && { WILDFLY_TGZ=$(fetch org.wildfly wildfly-dist "$WILDFLY_VERSION" tar.gz) || die "no WildFly"; }
[[ " $SERVERS " == *" liberty "* ]] && { LIBERTY_ZIP=$(fetch io.openliberty openliberty-runtime "$LIBERTY_VERSION" zip) || die "no Open Liberty"; }
H2_VERSION=$(pom_property h2.version) && [ -n "$H2_VERSION" ] || die "no h2.version in the pom"
H2_JAR=$(fetch com.h2database h2 "$H2_VERSION" jar) || die "no H2 driver"
[[ " $DBS " == *" mysql "* ]] && { sh "$ROOT/.ci/start-mariadb.sh" || die "MariaDB does not answer on $DB_HOST:$DB_PORT"; }
rm -rf "$WORK/runs"

for server in $SERVERS; do
    for run in $RUNS; do [ "${run%/*}" = "$server" ] && run_suite "$server" "${run#*/}"; done
    run_layout "$server"
done

[ "$(sha256sum "$WAR" | cut -d' ' -f1)" = "$WAR_SUM" ] || { FAILED=1; log "the WAR changed during the run"; }

echo
echo "== One WAR ($(basename "$WAR"), sha256 ${WAR_SUM:0:12}), the same suite on each server and database of RUNS;"
echo "   each suite run starts from an empty database and must leave the WAR's $MIGRATIONS migration(s) applied;"
echo "   the MariaDB runs read through a second pool (server-config/*/reads.*, on the same database), named in the log"
[ -n "$EXCLUDED_GROUPS" ] && echo "   tests tagged $EXCLUDED_GROUPS left out (EXCLUDED_GROUPS)"
printf '%s\n' "${RESULTS[@]}"
echo "total time $((SECONDS - T0)) s; logs in target/portability/runs/"
echo "portability: $TOTAL_PASSED passed, $TOTAL_FAILED failed"
exit $FAILED
