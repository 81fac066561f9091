#!/bin/sh
# Builds dialaudit twice (release, and with AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs the whole test suite on both; the
# release build also runs the whole-binary tests under valgrind memcheck.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh --test
# the browser test must run here, not be skipped for want of a browser
export DIALAUDIT_REQUIRE_BROWSER=1
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDIALAUDIT_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir build-asan --output-on-failure -j"$jobs"
