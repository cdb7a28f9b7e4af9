#!/usr/bin/env bash
# Failover test of the local Galera cluster (cluster.sh), standalone, about a minute:
#   up -> a writer inserts through HAProxy's write port -> kill-node 1 -> the writes go on, on
#   node 2 -> start-node 1 (IST) -> the writes stay on node 2 -> wait-synced -> the same rows
#   on all three nodes, every acknowledged insert among them -> quorum loss: node 1 alone is
#   taken out of HAProxy -> down, and nothing of the cluster is left running.
# It prints the timings. Run it under the machine's server lock where there is one:
#   flock /work/server.lock server-config/cluster/selftest.sh
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
export CLUSTER_WORK=${CLUSTER_WORK:-$REPO/target/cluster}
[[ $CLUSTER_WORK == /* ]] || CLUSTER_WORK=$PWD/$CLUSTER_WORK
export CLUSTER_DB_PASSWORD=${CLUSTER_DB_PASSWORD:-cluster-secret}
CLUSTER=$HERE/cluster.sh
WRITES=$CLUSTER_WORK/selftest-writes.log
STOP=$CLUSTER_WORK/selftest-stop

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
seconds() { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }
say() { echo "selftest: $*"; }
die() { echo "selftest: FAILED: $*" >&2; "$CLUSTER" status >&2 || true; exit 1; }

db() {  # db PORT SQL: as the application's user, through HAProxy or straight to a node
    timeout 5 mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$1" -usensorhub \
        -p"$CLUSTER_DB_PASSWORD" --connect-timeout=2 -N -B sensorhub -e "$2"
}

# One insert per connection, as a pool that reconnects would: each line of the log is
# "<ms> <seq> ok <node that committed it>" or "<ms> <seq> error".
writer() {
    local seq=0 node
    while [[ ! -e $STOP ]] && (( seq < 20000 )); do
        seq=$(( seq + 1 ))
        if node=$(db 13300 "INSERT INTO selftest (seq, node) VALUES ($seq, @@wsrep_node_name);
                            SELECT @@wsrep_node_name" 2>/dev/null); then
            echo "$(now_ms) $seq ok $node"
        else
            echo "$(now_ms) $seq error"
        fi
        sleep 0.02
    done >"$WRITES"
}

# first_ok_after MS NODE: the time of the first insert after MS committed by NODE.
first_ok_after() {
    awk -v t="$1" -v n="$2" '$1 > t && $3 == "ok" && $4 == n { print $1; exit }' "$WRITES"
}

wait_for_writes_on() {  # wait_for_writes_on NODE SINCE_MS TIMEOUT_S
    local t end=$(( $(now_ms) + $3 * 1000 ))
    while :; do
        t=$(first_ok_after "$2" "$1")
        [[ -n $t ]] && { echo "$t"; return 0; }
        (( $(now_ms) < end )) || return 1
        sleep 0.1
    done
}

pids_of_work() { pgrep -f -- "$CLUSTER_WORK/" || true; }

port_3306_pid() { ss -Htlnp 'sport = :3306' | grep -o 'pid=[0-9]*' | head -n 1; }

shared_before=$(port_3306_pid)
trap '[[ -n ${writer_pid:-} ]] && kill "$writer_pid" 2>/dev/null; "$CLUSTER" down >/dev/null 2>&1 || true' EXIT

t=$(now_ms)
"$CLUSTER" up
up_ms=$(( $(now_ms) - t ))

db 13300 "CREATE TABLE selftest (id BIGINT AUTO_INCREMENT PRIMARY KEY, seq INT NOT NULL,
          node VARCHAR(16) NOT NULL, at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))"
rm -f "$STOP"
writer &
writer_pid=$!
sleep 3
[[ -n $(first_ok_after 0 node1) ]] || die "no insert committed on node 1 through port 13300"

killed=$(now_ms)
"$CLUSTER" kill-node 1
t=$(wait_for_writes_on node2 "$killed" 30) || die "no insert on node 2 within 30 s of the kill"
failover_ms=$(( t - killed ))
errors=$(awk -v t="$killed" '$1 > t && $3 == "error"' "$WRITES" | wc -l)
say "writes on node 2 $(seconds "$failover_ms") s after the kill; $errors inserts refused meanwhile"

sleep 3
t=$(now_ms)
rejoin=$("$CLUSTER" start-node 1)
echo "$rejoin"
rejoin_ms=$(( $(now_ms) - t ))
[[ $rejoin == *IST* ]] && transfer=IST || transfer="SST, not IST"
back=$(now_ms)
sleep 5
[[ -z $(first_ok_after "$back" node1) ]] || die "writes moved back to node 1: two writers for a moment"
[[ -n $(first_ok_after "$back" node2) ]] || die "no insert on node 2 after node 1 rejoined"
say "node 1 rejoined by $transfer in $(seconds "$rejoin_ms") s; the writes stayed on node 2 for the 5 s after"

sleep 2
touch "$STOP"
wait "$writer_pid"
writer_pid=
"$CLUSTER" wait-synced

counts=()
for n in 1 2 3; do
    counts[n]=$("$CLUSTER" sql "$n" "SELECT COUNT(*), COALESCE(SUM(seq), 0), COALESCE(MAX(id), 0)
                                    FROM sensorhub.selftest")
done
say "node 1: ${counts[1]//$'\t'/ }; node 2: ${counts[2]//$'\t'/ }; node 3: ${counts[3]//$'\t'/ } (rows, sum of seq, max id)"
[[ ${counts[1]} == "${counts[2]}" && ${counts[1]} == "${counts[3]}" ]] || die "the nodes differ"
acked=$(awk '$3 == "ok" { print $2 }' "$WRITES" | sort -n)
stored=$("$CLUSTER" sql 2 "SELECT seq FROM sensorhub.selftest ORDER BY seq")
missing=$(comm -23 <(echo "$acked" | sort) <(echo "$stored" | sort) | wc -l)
say "$(echo "$acked" | wc -l) inserts acknowledged, $(echo "$stored" | wc -l) rows stored, $missing acknowledged ones missing"
(( missing == 0 )) || die "acknowledged inserts are missing"
awk '{ n[$3 == "ok" ? $4 : "error"]++ } END { for (k in n) printf "selftest: inserts %s: %d\n", k, n[k] }' "$WRITES" | sort

# Quorum: with nodes 2 and 3 gone, node 1 is non-primary: it still accepts logins, but HAProxy
# must not send it anything.
"$CLUSTER" kill-node 2
"$CLUSTER" kill-node 3
t=$(now_ms)
end=$(( t + 20000 ))
until "$CLUSTER" status | grep -q '^haproxy db_write node1 DOWN'; do
    (( $(now_ms) < end )) || die "HAProxy still sends writes to a non-primary node 1"
    sleep 0.2
done
status=$("$CLUSTER" sql 1 "SHOW STATUS LIKE 'wsrep_cluster_status'" | cut -f2)
say "node 1 alone is $status; out of HAProxy after $(seconds $(( $(now_ms) - t ))) s"
[[ $status != Primary ]] || die "node 1 alone is still Primary"
db 13300 "SELECT 1" >/dev/null 2>&1 && die "the write port still answers with no primary node"
# pc.recovery: a primary component forms again only when all members of the last one are
# back, so nodes 2 and 3 start together; either one alone with node 1 stays non-primary.
t=$(now_ms)
"$CLUSTER" start-node 2 & two=$!
"$CLUSTER" start-node 3 & three=$!
wait "$two" && wait "$three" || die "nodes 2 and 3 did not rejoin node 1"
"$CLUSTER" wait-synced
quorum_ms=$(( $(now_ms) - t ))
say "primary component again after $(seconds "$quorum_ms") s"

t=$(now_ms)
"$CLUSTER" down
down_ms=$(( $(now_ms) - t ))
trap - EXIT
left=$(pids_of_work)
[[ -z $left ]] || die "processes left after down: $left"
[[ $(port_3306_pid) == "$shared_before" ]] || die "the server on 3306 changed: $shared_before -> $(port_3306_pid)"

say "up $(seconds "$up_ms") s, failover $(seconds "$failover_ms") s, rejoin $(seconds "$rejoin_ms") s," \
    "down $(seconds "$down_ms") s"
say "passed"
