#!/bin/sh
# Makes sure MariaDB answers on 127.0.0.1:3306 (root, empty password, over TCP): installs Debian's
# mariadb-server on a bare machine, starts mariadbd if it is not running (no systemd here), and waits for it.
set -e
ping_tcp() { mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1; }
ping_tcp && exit 0

if [ ! -x /usr/sbin/mariadbd ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q mariadb-server mariadb-client
fi
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
# mariadbd refuses to run as root; --user=mysql makes it drop privileges itself.
start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
for _ in $(seq 1 120); do mariadb-admin --protocol=socket ping >/dev/null 2>&1 && break; sleep 0.5; done
# Debian's root@localhost logs in through the unix socket only; the tests connect over TCP.
ping_tcp || mariadb --protocol=socket -e "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; CREATE DATABASE IF NOT EXISTS test;"
ping_tcp
