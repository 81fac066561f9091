#!/bin/sh
# fuzz/run.sh TARGET|all SECONDS
#
# Builds the libFuzzer targets with clang (in build-fuzz/, once) and runs
# each for SECONDS, starting from its seeds and regression inputs, with a
# dictionary. The growing corpus, the logs and every crash, leak, timeout
# or out-of-memory input go to fuzz/findings/ (git-ignored). Ends with a
# summary: executions, corpus size and findings per target; exit status 1
# when anything was found. See fuzz/README.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
out=${FUZZ_OUT:-$root/fuzz/findings}
all="asterisk_cdr generic_csv campaign licence profile mapping waivers dnc consent baseline csvrec_diff astconf callfile asterisk_config freeswitch_cdr freeswitch_config leads vicidial_log vicidial_campaigns vicidial_tables"

usage() {
	echo "usage: fuzz/run.sh TARGET|all SECONDS   (targets: $all)" >&2
	exit 2
}
[ $# -eq 2 ] || usage
case $2 in '' | *[!0-9]*) usage ;; esac
secs=$2
if [ "$1" = all ]; then
	targets=$all
else
	case " $all " in *" $1 "*) targets=$1 ;; *) usage ;; esac
fi
command -v clang >/dev/null || {
	echo "fuzz/run.sh: needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)" >&2
	exit 2
}

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DDIALAUDIT_FUZZ=ON -DDIALAUDIT_TESTS=OFF >/dev/null
bins=""
for t in $targets; do bins="$bins fuzz-$t"; done
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $bins >/dev/null

dict_of() {
	case $1 in
	asterisk_cdr | generic_csv | dnc | consent | csvrec_diff | freeswitch_cdr | vicidial_log | vicidial_campaigns | vicidial_tables) echo "$root/fuzz/dict/csv.dict" ;;
	freeswitch_config) echo "$root/fuzz/dict/xml.dict" ;;
	baseline) echo "$root/fuzz/dict/json.dict" ;;
	*) echo "$root/fuzz/dict/libconfig.dict" ;;
	esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/fuzz/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
summary=""
found_any=0
for t in $targets; do
	corpus=$out/corpus/$t
	crashes=$out/$t
	mkdir -p "$corpus" "$crashes"
	log=$out/$t.log
	stamp=$out/.start-$t
	: >"$stamp"
	echo "fuzz/run.sh: $t for ${secs}s" >&2
	# -fork would survive a crash and go on; one process that stops at the
	# first finding keeps the log readable and the finding reproducible.
	set +e
	"$build/fuzz/fuzz-$t" "$corpus" "$root/fuzz/seeds/$t" "$root/fuzz/regressions/$t" \
		-dict="$(dict_of "$t")" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=16384 -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
	rc=$?
	set -e
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	files=$(find "$crashes" -type f -newer "$stamp" | wc -l) # this run's only
	rm -f "$stamp"
	size=$(find "$corpus" -type f | wc -l)
	[ "$rc" -eq 0 ] && [ "$files" -eq 0 ] || found_any=1
	summary="$summary$(printf '%-13s %6ss %10s execs %7s/s  corpus %5s  findings %s%s' "$t" "$secs" \
		"${execs:-?}" "${speed:-?}" "$size" "$files" "$([ "$rc" -ne 0 ] && echo " (stopped: exit $rc, see $log)")")
"
done
printf '\n%-13s %7s %16s %9s  %12s  %s\n' target time executions speed corpus findings
printf '%s' "$summary"
[ "$found_any" -eq 0 ] || echo "findings in $out/<target>/: reproduce with" \
	"LSAN_OPTIONS=suppressions=fuzz/lsan.supp build-fuzz/fuzz/fuzz-<target> FILE" >&2
exit "$found_any"
