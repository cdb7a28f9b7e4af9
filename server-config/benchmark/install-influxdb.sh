#!/bin/sh
# Installs Debian's InfluxDB 1.6 for the readings benchmark when influxd is missing. Debian's package would start
# influxd at once, on all interfaces and with its own data; a policy-rc.d that answers 101 ("action forbidden")
# keeps it from starting. The benchmark runs influxd itself, on loopback with its own config (InfluxServer).
set -e
command -v influxd >/dev/null 2>&1 && exit 0

policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    made_policy=yes
fi
trap '[ -n "$made_policy" ] && rm -f "$policy"' EXIT

export DEBIAN_FRONTEND=noninteractive
# Another session may hold the package lock for a while: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=300 install -y -q influxdb || {
    apt-get -o DPkg::Lock::Timeout=300 update -q
    apt-get -o DPkg::Lock::Timeout=300 install -y -q influxdb
}
# Should the package's init script have started influxd after all, stop that one (by its pid file) and only it.
pidfile=/var/run/influxdb/influxd.pid
if [ -s "$pidfile" ]; then
    start-stop-daemon --stop --oknodo --retry 10 --pidfile "$pidfile" --exec /usr/bin/influxd
fi
command -v influxd >/dev/null
