#!/bin/sh
# Installs Debian's VictoriaMetrics (1.79) for the readings benchmark when it is missing. A policy-rc.d that answers
# 101 keeps Debian from starting it as a service: the benchmark runs its own, on loopback, with its own data folder.
set -e
command -v victoria-metrics >/dev/null 2>&1 && exit 0
policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    made_policy=yes
fi
trap '[ -n "$made_policy" ] && rm -f "$policy"' EXIT
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 install -y -q victoria-metrics || {
    apt-get -o DPkg::Lock::Timeout=300 update -q
    apt-get -o DPkg::Lock::Timeout=300 install -y -q victoria-metrics
}
systemctl stop victoria-metrics 2>/dev/null || true
command -v victoria-metrics >/dev/null
