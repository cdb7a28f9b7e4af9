#!/bin/sh
# Installs Debian's InfluxDB 1.6 for the readings benchmark when influxd is missing, kept from starting
# (install-debian-daemon.sh). The benchmark runs influxd itself, on loopback with its own config (InfluxServer).
set -e
command -v influxd >/dev/null 2>&1 && exit 0
sh "$(dirname "$0")/install-debian-daemon.sh" influxd influxdb
# Should the package's init script have started influxd after all, stop that one (by its pid file) and only it.
pidfile=/var/run/influxdb/influxd.pid
if [ -s "$pidfile" ]; then
    start-stop-daemon --stop --oknodo --retry 10 --pidfile "$pidfile" --exec /usr/bin/influxd
fi
command -v influxd >/dev/null
