#!/bin/sh
# Installs Debian's VictoriaMetrics (1.79) for the readings benchmark when it is missing, kept from starting
# (install-debian-daemon.sh). The benchmark runs its own, on loopback, with its own data folder (VictoriaPeer).
exec sh "$(dirname "$0")/install-debian-daemon.sh" victoria-metrics victoria-metrics
