#!/usr/bin/env bash
# A local three-node MariaDB Galera cluster behind HAProxy, for failover tests on one machine.
#
#   cluster.sh up | down | kill-node N | start-node N | wait-synced | status | sql N "SQL" | ports
#
# CLUSTER_WORK (default target/cluster under the repository) holds everything it creates: the
# nodes' data directories, configurations, logs and pid files, and HAProxy's. Everything listens
# on 127.0.0.1, on the fixed ports that "ports" prints. It stops only processes whose pid file
# it wrote and whose command line names this work folder. CLUSTER_DB_PASSWORD (default
# cluster-secret) is the password of the database user sensorhub.
set -euo pipefail
export LC_ALL=C
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${CLUSTER_WORK:-$REPO/target/cluster}
[[ $WORK == /* ]] || WORK=$PWD/$WORK
DB_PASSWORD=${CLUSTER_DB_PASSWORD:-cluster-secret}
# The system user mariadbd runs as (see galera.cnf): Debian's mariadb-server creates mysql.
OS_USER=${CLUSTER_OS_USER:-mysql}

NODES=(1 2 3)
DB_PORTS=([1]=13306 [2]=13307 [3]=13308)
GALERA_PORTS=([1]=14567 [2]=14577 [3]=14587)
IST_PORTS=([1]=14568 [2]=14578 [3]=14588)
SST_PORTS=([1]=14444 [2]=14454 [3]=14464)
# Donor preference per node, the writer of HAProxy's order (node 1, then node 2) last.
DONORS=([1]=node3,node2, [2]=node3,node1, [3]=node2,node1,)
WRITE_PORT=13300
READ_PORT=13301
HTTP_PORT=18080
APP_PORTS=([1]=18081 [2]=18082 [3]=18083)
STATS_PORT=18090
SYNC_TIMEOUT=120
STOP_TIMEOUT=20

START=${EPOCHREALTIME/./}

elapsed() {
    local us=$(( ${EPOCHREALTIME/./} - ${1:-$START} ))
    printf '%d.%d' $(( us / 1000000 )) $(( us % 1000000 / 100000 ))
}

step() {
    printf '[%6ss] %s\n' "$(elapsed)" "$*"
}

# fail MESSAGE [LOG]: the message and the log's tail on stderr, exit 1.
fail() {
    echo "cluster.sh: $1" >&2
    if [[ -n ${2:-} && -f $2 ]]; then
        echo "--- last lines of $2:" >&2
        tail -n 40 "$2" >&2
    fi
    exit 1
}

node_dir() { echo "$WORK/node$1"; }

check_node_arg() {
    [[ ${1:-} =~ ^[123]$ ]] || fail "node must be 1, 2 or 3, not '${1:-}'"
}

# ours PIDFILE MARK: the pid in PIDFILE if that process is alive and its command line contains
# MARK (a path under the work folder), so a pid reused by another process is never signalled.
ours() {
    local pid
    [[ -f $1 ]] || return 1
    pid=$(<"$1")
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2" || return 1
    echo "$pid"
}

node_pid() { ours "$(node_dir "$1")/started.pid" "$(node_dir "$1")/my.cnf"; }
haproxy_pid() { ours "$WORK/haproxy.pid" "$WORK/haproxy.cfg"; }

sql() {
    timeout 10 mariadb --no-defaults -S "$(node_dir "$1")/mariadbd.sock" -uroot -N -B -e "$2"
}

# wsrep_status N: "state size ready" of node N, or nothing while it does not answer.
wsrep_status() {
    sql "$1" "SHOW GLOBAL STATUS WHERE Variable_name IN
              ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready')" 2>/dev/null |
        awk '{ v[$1] = $2 } END { if (NR) print v["wsrep_local_state_comment"], v["wsrep_cluster_size"], v["wsrep_ready"] }'
}

# wait_synced N SIZE DEADLINE_US: until node N is Synced in a primary component of SIZE nodes.
wait_synced() {
    local s
    while :; do
        node_pid "$1" >/dev/null ||
            fail "node $1 is not running" "$(node_dir "$1")/error.log"
        s=$(wsrep_status "$1" || true)
        [[ $s == "Synced $2 ON" ]] && return 0
        (( ${EPOCHREALTIME/./} < $3 )) ||
            fail "node $1 not Synced in a cluster of $2 after ${SYNC_TIMEOUT}s (now: ${s:-no answer})" \
                "$(node_dir "$1")/error.log"
        sleep 0.3
    done
}

deadline() { echo $(( ${EPOCHREALTIME/./} + $1 * 1000000 )); }

fill() {
    local template=$1; shift
    local args=() kv
    for kv in "$@"; do args+=(-e "s|@${kv%%=*}@|${kv#*=}|g"); done
    sed "${args[@]}" "$template"
}

write_node_config() {
    local n=$1 dir address
    dir=$(node_dir "$n")
    address=$(printf '127.0.0.1:%s,' "${GALERA_PORTS[@]}")
    fill "$HERE/galera.cnf" OS_USER="$OS_USER" NODE="node$n" NODE_DIR="$dir" DB_PORT="${DB_PORTS[$n]}" \
        GALERA_PORT="${GALERA_PORTS[$n]}" IST_PORT="${IST_PORTS[$n]}" SST_PORT="${SST_PORTS[$n]}" \
        CLUSTER_ADDRESS="${address%,}" DONORS="${DONORS[$n]}" >"$dir/my.cnf"
}

# daemon OUT ERR PIDFILE COMMAND...: COMMAND in the background in a session of its own
# (setsid), so that the helpers it forks share its process group and a terminal's Ctrl-C does
# not reach it; its pid in PIDFILE. It inherits no descriptor but stdin (/dev/null), stdout
# (OUT) and stderr (ERR): a lock held by the caller, such as "flock /work/server.lock cluster.sh
# up", is released when the caller ends, not when the cluster stops.
daemon() {
    local out=$1 err=$2 pidfile=$3; shift 3
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            (( fd > 2 )) && eval "exec $fd>&-" 2>/dev/null
        done
        exec setsid "$@"
    ) </dev/null >>"$out" 2>>"$err" &
    local pid=$! tries=0
    echo "$pid" >"$pidfile"
    # Until the child has become the command (its exec done): a check right after finds our processes by
    # their command line, and the subshell's is still this script's (seen once on a loaded machine).
    until [[ $(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 1) == *"$1" ]] || (( ++tries > 100 )); do
        sleep 0.05
    done
}

start_mariadbd() {
    local n=$1 dir; shift
    dir=$(node_dir "$n")
    daemon "$dir/stdout.log" "$dir/stdout.log" "$dir/started.pid" mariadbd --defaults-file="$dir/my.cnf" "$@"
}

# recover_position N: after a kill, grastate.dat says seqno -1 and mariadbd, started directly
# (mysqld_safe and the systemd unit do this themselves), would ask for a full SST. Its real
# position is in InnoDB: --wsrep-recover reads it, and --wsrep_start_position hands it to Galera,
# which then asks a peer for the missing writesets only (IST).
recover_position() {
    local n=$1 dir position
    dir=$(node_dir "$n")
    grep -q '^seqno:[[:space:]]*-1' "$dir/data/grastate.dat" 2>/dev/null || return 0
    rm -f "$dir/recover.log"
    timeout 120 mariadbd --defaults-file="$dir/my.cnf" --wsrep-recover \
        --log-error="$dir/recover.log" </dev/null >/dev/null 2>&1 ||
        fail "node $n: mariadbd --wsrep-recover failed" "$dir/recover.log"
    position=$(sed -n 's/.*WSREP: Recovered position: \([0-9a-f-]*:-\{0,1\}[0-9]*\).*/\1/p' \
        "$dir/recover.log" | tail -n 1)
    [[ -n $position ]] || fail "node $n: no position in the --wsrep-recover log" "$dir/recover.log"
    echo "$position"
}

all_ports() {
    echo "$WRITE_PORT $READ_PORT $HTTP_PORT $STATS_PORT"
    local n
    for n in "${NODES[@]}"; do
        echo "${DB_PORTS[$n]} ${GALERA_PORTS[$n]} ${IST_PORTS[$n]} ${SST_PORTS[$n]}"
    done
}

check_ports_free() {
    local port busy=()
    for port in $(all_ports); do
        [[ -z $(ss -Htln "sport = :$port") ]] || busy+=("$port")
    done
    (( ${#busy[@]} == 0 )) || fail "port(s) ${busy[*]} already in use by another process"
}

sql_string() {
    local s=${1//\\/\\\\}
    printf "'%s'" "${s//\'/\'\'}"
}

# install_haproxy: Debian's package, without letting Debian start its own haproxy service.
install_haproxy() {
    command -v haproxy >/dev/null && return 0
    step "installing HAProxy (apt-get)"
    local created=
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        created=yes
    fi
    local rc=0
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy; } \
        >"$WORK/apt.log" 2>&1 || rc=$?
    [[ -z $created ]] || rm -f /usr/sbin/policy-rc.d
    (( rc == 0 )) || fail "apt-get install haproxy failed" "$WORK/apt.log"
    if [[ -d /run/systemd/system ]]; then
        systemctl disable --now haproxy >>"$WORK/apt.log" 2>&1 || true
    fi
    local pid
    if pid=$(ours /run/haproxy.pid /etc/haproxy/haproxy.cfg); then
        kill "$pid" || true
    fi
}

# haproxy_stat: HAProxy's "show stat" as "proxy server status check_status" lines, servers only.
haproxy_stat() {
    echo "show stat" | timeout 5 socat - "UNIX-CONNECT:$WORK/haproxy.sock" 2>/dev/null |
        awk -F, '!/^#/ && NF > 36 && $2 != "FRONTEND" && $2 != "BACKEND" {
                     print $1, $2, $18, $37, ($21 == 1 ? "backup" : "active") }'
}

write_haproxy_config() {
    fill "$HERE/haproxy.cfg" WORK="$WORK" CHECK="$HERE/galera-check.sh" \
        WRITE_PORT=$WRITE_PORT READ_PORT=$READ_PORT HTTP_PORT=$HTTP_PORT STATS_PORT=$STATS_PORT \
        DB1_PORT="${DB_PORTS[1]}" DB2_PORT="${DB_PORTS[2]}" DB3_PORT="${DB_PORTS[3]}" \
        APP1_PORT="${APP_PORTS[1]}" APP2_PORT="${APP_PORTS[2]}" APP3_PORT="${APP_PORTS[3]}" \
        >"$WORK/haproxy.cfg"
}

start_haproxy() {
    write_haproxy_config
    haproxy -c -q -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 ||
        fail "HAProxy refuses its configuration" "$WORK/haproxy.log"
    # Its log ("log stdout") to haproxy.log; its own copy of warnings and alerts, without a
    # timestamp, to haproxy.stderr. (-q would silence both.)
    daemon "$WORK/haproxy.log" "$WORK/haproxy.stderr" "$WORK/haproxy.pid" \
        haproxy -db -f "$WORK/haproxy.cfg"
}

# wait_haproxy DEADLINE_US: until every database server is UP by a passed check in both
# database proxies, and a query answers through the write and the read port.
wait_haproxy() {
    local up
    while :; do
        haproxy_pid >/dev/null || fail "HAProxy is not running" "$WORK/haproxy.stderr"
        up=$( (haproxy_stat || true) | awk '$1 ~ /^db_/ && $3 == "UP" && $4 == "PROCOK"' | wc -l)
        if (( up == 6 )) && query_port "$WRITE_PORT" && query_port "$READ_PORT"; then
            return 0
        fi
        (( ${EPOCHREALTIME/./} < $1 )) ||
            fail "HAProxy: $up of 6 database servers UP, or a port does not answer" "$WORK/haproxy.log"
        sleep 0.3
    done
}

query_port() {
    timeout 5 mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$1" -usensorhub \
        -p"$DB_PASSWORD" -N -B -e 'SELECT 1' sensorhub >/dev/null 2>&1
}

# stop PID: SIGTERM, SIGKILL after STOP_TIMEOUT s, then whatever is left of its process group.
stop_pid() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || true
    for (( i = 0; i < STOP_TIMEOUT * 10; i++ )); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "pid $pid still running after ${STOP_TIMEOUT}s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    kill_group "$pid"
}

# kill_group PGID: the members of a process group that this script created with setsid.
kill_group() {
    if pgrep -g "$1" >/dev/null; then
        kill -KILL -- "-$1" 2>/dev/null || true
    fi
    local i
    for (( i = 0; i < 50; i++ )); do
        pgrep -g "$1" >/dev/null || return 0
        sleep 0.1
    done
}

cmd_down() {
    local pid n pids=()
    if pid=$(haproxy_pid); then
        stop_pid "$pid"
        echo "HAProxy (pid $pid) stopped"
    fi
    rm -f "$WORK/haproxy.pid"
    for n in "${NODES[@]}"; do
        if pid=$(node_pid "$n"); then
            pids+=("$n:$pid")
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for pid in ${pids[@]+"${pids[@]}"}; do
        stop_pid "${pid#*:}"
        echo "node ${pid%%:*} (pid ${pid#*:}) stopped"
    done
    for n in "${NODES[@]}"; do rm -f "$(node_dir "$n")/started.pid"; done
}

cmd_up() {
    cmd_down >/dev/null
    check_ports_free
    mkdir -p "$WORK"
    (( ${#WORK} + 20 < 108 )) || fail "CLUSTER_WORK is too long for a socket path: $WORK"
    id -u "$OS_USER" >/dev/null 2>&1 || fail "no system user $OS_USER to run mariadbd as"
    install_haproxy
    local n dir until
    for n in "${NODES[@]}"; do
        dir=$(node_dir "$n")
        rm -rf "$dir"
        mkdir -p "$dir/data" "$dir/tmp"
        chown -R "$OS_USER:" "$dir"
        write_node_config "$n"
    done
    rm -f "$WORK"/haproxy.*
    trap 'cmd_down >/dev/null 2>&1' EXIT

    step "node 1: system tables (mariadb-install-db)"
    dir=$(node_dir 1)
    mariadb-install-db --no-defaults --datadir="$dir/data" --user="$OS_USER" --skip-test-db \
        --auth-root-authentication-method=normal >"$dir/install.log" 2>&1 ||
        fail "mariadb-install-db failed" "$dir/install.log"

    step "node 1: bootstrapping a new cluster"
    start_mariadbd 1 --wsrep-new-cluster
    wait_synced 1 1 "$(deadline "$SYNC_TIMEOUT")"
    # Nodes 2 and 3 start from empty data directories and receive node 1's by SST (rsync).
    for n in 2 3; do
        step "node $n: joining (SST)"
        start_mariadbd "$n"
        wait_synced "$n" "$n" "$(deadline "$SYNC_TIMEOUT")"
    done
    until=$(deadline "$SYNC_TIMEOUT")
    for n in "${NODES[@]}"; do wait_synced "$n" 3 "$until"; done

    step "database sensorhub, users sensorhub and haproxy_check"
    local password
    password=$(sql_string "$DB_PASSWORD")
    sql 1 "CREATE DATABASE sensorhub CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
           CREATE USER 'sensorhub'@'127.0.0.1' IDENTIFIED BY $password;
           CREATE USER 'sensorhub'@'localhost' IDENTIFIED BY $password;
           GRANT ALL ON sensorhub.* TO 'sensorhub'@'127.0.0.1', 'sensorhub'@'localhost';
           CREATE USER 'haproxy_check'@'127.0.0.1';" ||
        fail "creating the database and users failed" "$(node_dir 1)/error.log"

    step "HAProxy: starting"
    start_haproxy
    wait_haproxy "$(deadline 30)"
    trap - EXIT
    step "up: write port $WRITE_PORT (node 1), read port $READ_PORT, HTTP port $HTTP_PORT"
}

cmd_kill_node() {
    check_node_arg "${1:-}"
    local pid
    pid=$(node_pid "$1") || fail "node $1 is not running"
    kill -KILL -- "-$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    kill_group "$pid"
    echo "node $1: mariadbd pid $pid killed (SIGKILL)"
}

cmd_start_node() {
    check_node_arg "${1:-}"
    local n=$1 m peer= position log lines transfer=
    local begin=${EPOCHREALTIME/./}
    log=$(node_dir "$n")/error.log
    lines=$(cat "$log" 2>/dev/null | wc -l)
    if node_pid "$n" >/dev/null; then
        echo "node $n is already running"
    else
        for m in "${NODES[@]}"; do
            [[ $m != "$n" ]] && node_pid "$m" >/dev/null && peer=$m
        done
        [[ -n $peer ]] || fail "node $n: no other node is running to join; use up"
        [[ -d $(node_dir "$n")/data ]] || fail "node $n has no data directory; use up"
        position=$(recover_position "$n")
        if [[ -n $position ]]; then
            echo "node $n: recovered position $position ($(elapsed "$begin")s)"
            start_mariadbd "$n" --wsrep_start_position="$position"
        else
            start_mariadbd "$n"
        fi
    fi
    wait_synced "$n" 3 "$(deadline "$SYNC_TIMEOUT")"
    # wsrep_sst_rsync runs for an IST too (and mariadbd then logs "SST received"); what it did is
    # in its own lines.
    if tail -n "+$(( lines + 1 ))" "$log" | grep -q 'rsync SST completed on joiner'; then
        transfer=" (full state transfer, SST)"
    elif tail -n "+$(( lines + 1 ))" "$log" | grep -q 'WSREP: IST received'; then
        transfer=" (incremental state transfer, IST)"
    fi
    echo "node $n: Synced, cluster size 3, after $(elapsed "$begin")s$transfer"
}

cmd_wait_synced() {
    local n until
    until=$(deadline "$SYNC_TIMEOUT")
    for n in "${NODES[@]}"; do wait_synced "$n" 3 "$until"; done
    echo "all 3 nodes Synced after $(elapsed)s"
}

cmd_status() {
    local n pid s
    for n in "${NODES[@]}"; do
        if pid=$(node_pid "$n"); then
            s=$(wsrep_status "$n" || true)
            set -- ${s:-"(no answer)"}
            echo "node$n pid=$pid alive state=${1:-?} cluster_size=${2:-?} ready=${3:-?}"
        else
            echo "node$n not running"
        fi
    done
    if pid=$(haproxy_pid); then
        echo "haproxy pid=$pid (proxy server status check role)"
        haproxy_stat | sed 's/^/haproxy /'
    else
        echo "haproxy not running"
    fi
}

cmd_sql() {
    check_node_arg "${1:-}"
    [[ -n ${2:-} ]] || fail "usage: cluster.sh sql N \"STATEMENT\""
    sql "$1" "$2"
}

cmd_ports() {
    local n
    echo "DB_WRITE_PORT=$WRITE_PORT"
    echo "DB_READ_PORT=$READ_PORT"
    echo "HTTP_PORT=$HTTP_PORT"
    echo "STATS_PORT=$STATS_PORT"
    for n in "${NODES[@]}"; do
        echo "NODE${n}_DB_PORT=${DB_PORTS[$n]}"
        echo "NODE${n}_GALERA_PORT=${GALERA_PORTS[$n]}"
        echo "NODE${n}_IST_PORT=${IST_PORTS[$n]}"
        echo "NODE${n}_SST_PORT=${SST_PORTS[$n]}"
        echo "APP${n}_PORT=${APP_PORTS[$n]}"
    done
}

command=${1:-}
shift || true
case $command in
    up) cmd_up ;;
    down) cmd_down ;;
    kill-node) cmd_kill_node "$@" ;;
    start-node) cmd_start_node "$@" ;;
    wait-synced) cmd_wait_synced ;;
    status) cmd_status ;;
    sql) cmd_sql "$@" ;;
    ports) cmd_ports ;;
    *) sed -n '2,10s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
