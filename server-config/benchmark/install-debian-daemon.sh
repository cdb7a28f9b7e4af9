#!/bin/sh
# install-debian-daemon.sh COMMAND PACKAGE: installs Debian's PACKAGE for a benchmark peer when COMMAND is missing.
# Debian's package would start the daemon at once, on all interfaces and with its own data; a policy-rc.d that
# answers 101 ("action forbidden") keeps it from starting. The benchmark runs the daemon itself, on loopback.
set -e
command -v "$1" >/dev/null 2>&1 && exit 0

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
apt-get -o DPkg::Lock::Timeout=300 install -y -q "$2" || {
    apt-get -o DPkg::Lock::Timeout=300 update -q
    apt-get -o DPkg::Lock::Timeout=300 install -y -q "$2"
}
command -v "$1" >/dev/null
