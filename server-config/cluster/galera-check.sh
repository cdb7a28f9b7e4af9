#!/bin/sh
# HAProxy external-check command for a Galera node: succeeds only if the node answers within
# 4 s, is Synced (wsrep_local_state 4) and ready (wsrep_ready ON). A donor, a joiner or a node of
# a non-primary component accepts TCP connections and logins, so a TCP or mysql-check would pass
# it; this check does not.
#
# HAProxy calls it as: galera-check.sh <proxy_addr> <proxy_port> <server_addr> <server_port>
# (also in HAPROXY_SERVER_ADDR/PORT), with PATH from "external-check path" and nothing else in
# the environment. The user haproxy_check@127.0.0.1 has no password and no privileges:
# SHOW STATUS needs none. cluster.sh up creates it.

host=${3:-$HAPROXY_SERVER_ADDR}
port=${4:-$HAPROXY_SERVER_PORT}

status=$(timeout 4 mariadb --no-defaults --protocol=tcp -h"$host" -P"$port" -uhaproxy_check \
    --connect-timeout=1 -N -B \
    -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state', 'wsrep_ready')" \
    2>/dev/null) || exit 1

state=$(printf '%s\n' "$status" | awk '$1 == "wsrep_local_state" { print $2 }')
ready=$(printf '%s\n' "$status" | awk '$1 == "wsrep_ready" { print $2 }')
[ "$state" = 4 ] && [ "$ready" = ON ]
