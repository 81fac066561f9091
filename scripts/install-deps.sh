#!/bin/sh
# Installs the Debian packages dialaudit needs to build and test, only when
# one is missing, so that it costs nothing on a machine that has them.
# With --test, also what only the test suite needs: Chromium, in which the
# HTML report is rendered headless, and a CJK font for its zh-CN screenshots.
set -eu
PKGS="build-essential cmake pkg-config tzdata python3 time libconfig-dev libpcre2-dev libcsv-dev libcmocka-dev libjansson-dev nettle-dev libexpat1-dev valgrind python3-jsonschema"
if [ "${1:-}" = "--test" ]; then
	PKGS="$PKGS chromium fonts-wqy-microhei"
fi
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "install-deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq $missing >/dev/null
fi
