#!/usr/bin/env bash
# bench/run.sh - dialaudit's full log audit against DuckDB, mawk and wc -l on
# the same generated Asterisk cdr_csv files, on the same machine.
#
# Usage: bench/run.sh [--full] [--runs N] [--seed N] [ROWS...]
#   ROWS     sizes to run, e.g. `bench/run.sh 1000000` (default: 100000 1000000)
#   --full   add 10000000 to the default sizes
#   --runs N runs per tool and size, the median is reported (default 3)
#   --seed N generator seed (default 42)
# Environment:
#   DIALAUDIT       the binary to measure (default build/dialaudit)
#   DUCKDB_THREADS  DuckDB threads (default 2, the cores of the reference machine)
#
# Files: bench/out/ (git-ignored) holds the generator binary, the CDR files
# (cdr-ROWS-sSEED.csv, reused when their .meta says same rows, seed, size and
# generator source), node_modules with @duckdb/node-api, and results.md.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
cd "$root"

runs=3
seed=42
full=0
sizes=()
while [ $# -gt 0 ]; do
    case "$1" in
    --full) full=1 ;;
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --seed) seed=${2:?--seed needs a number}; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    *) sizes+=("$1") ;;
    esac
    shift
done
if [ ${#sizes[@]} -eq 0 ]; then
    sizes=(100000 1000000)
    [ "$full" = 1 ] && sizes+=(10000000)
fi
case "$runs" in ''|*[!0-9]*|0) echo "run.sh: --runs must be a positive integer" >&2; exit 2 ;; esac
case "$seed" in ''|*[!0-9]*) echo "run.sh: --seed must be a non-negative integer" >&2; exit 2 ;; esac

DIALAUDIT=${DIALAUDIT:-build/dialaudit}
export DUCKDB_THREADS=${DUCKDB_THREADS:-2}

log() { printf '%s\n' "$*" >&2; }

apt_install() { # PACKAGE: install a Debian package (root only)
    if [ "$(id -u)" != 0 ]; then
        log "run.sh: '$1' is missing; install it (apt-get install $1) and rerun"
        exit 2
    fi
    log "== installing $1"
    apt-get install -y -qq "$1" >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null && apt-get install -y -qq "$1" >/dev/null; }
}

# ---------------------------------------------------------------- tools
[ -x /usr/bin/time ] || apt_install time
command -v mawk >/dev/null || apt_install mawk
command -v cc >/dev/null || { log "run.sh: no C compiler (cc)"; exit 2; }
mkdir -p "$out"

if [ ! -x "$out/gen_cdr" ] || [ "$here/gen_cdr.c" -nt "$out/gen_cdr" ]; then
    log "== building the generator"
    cc -O2 -o "$out/gen_cdr" "$here/gen_cdr.c"
fi
gen_sha=$(sha256sum "$here/gen_cdr.c" | cut -c1-16)

have_duckdb=1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    have_duckdb=0
    log "run.sh: node/npm not found; DuckDB is skipped"
elif [ ! -d "$out/node_modules/@duckdb/node-api" ]; then
    log "== npm install --prefix bench/out @duckdb/node-api"
    npm install --prefix "$out" --no-audit --no-fund --loglevel=error @duckdb/node-api >&2
fi
duckdb_version=
[ "$have_duckdb" = 1 ] && duckdb_version=$(node -p \
    "require('$out/node_modules/@duckdb/node-api/package.json').version" 2>/dev/null || echo '?')

dialaudit_note=
if [ ! -x "$DIALAUDIT" ]; then
    dialaudit_note="not yet available: $DIALAUDIT not found (build it first)"
elif ! "$DIALAUDIT" logs --help >/dev/null 2>&1; then
    dialaudit_note="not yet available: '$DIALAUDIT logs --help' fails (no logs command yet)"
fi
[ -n "$dialaudit_note" ] && log "run.sh: dialaudit skipped, $dialaudit_note"
dialaudit_sha() { sha256sum "$DIALAUDIT" 2>/dev/null | cut -c1-12; }
dialaudit_sha0=$(dialaudit_sha)
dialaudit_desc=
if [ -z "$dialaudit_note" ]; then
    dialaudit_desc="$("$DIALAUDIT" version 2>/dev/null | head -1), binary $DIALAUDIT"
    dialaudit_desc+=" (sha256 $dialaudit_sha0, file dated $(date -u -r "$DIALAUDIT" '+%Y-%m-%d %H:%M UTC')"
    if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
        dialaudit_desc+=", working tree at $(git -C "$root" describe --always --dirty 2>/dev/null)"
    fi
    dialaudit_desc+=")"
fi

# --------------------------------------------------------------- helpers
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure TOOL ROWS FILE OKCODES -- COMMAND...
# Runs COMMAND $runs times under /usr/bin/time; records the median wall,
# user+sys CPU and peak RSS, and the first run's stdout in $res/TOOL-ROWS.out.
declare -A R_WALL R_CPU R_RSS R_STATUS
tools=()
measure() {
    local tool=$1 rows=$2 okcodes=$3; shift 4
    local key="$tool|$rows" i rc t0 t1 w u s m walls=() cpus=() rsss=()
    [[ " ${tools[*]} " == *" $tool "* ]] || tools+=("$tool")
    for ((i = 1; i <= runs; i++)); do
        log "   $tool, run $i/$runs"
        set +e
        t0=$EPOCHREALTIME
        /usr/bin/time -f '%e %U %S %M' -o "$res/time" "$@" >"$res/stdout" 2>"$res/stderr"
        rc=$?
        t1=$EPOCHREALTIME
        set -e
        if [[ " $okcodes " != *" $rc "* ]]; then
            log "run.sh: $tool failed (exit $rc):"; tail -5 "$res/stderr" >&2
            R_STATUS[$key]="failed (exit $rc)"
            return 0
        fi
        [ "$i" = 1 ] && cp "$res/stdout" "$res/$tool-$rows.out"
        # Wall time from bash's microsecond clock (time's %e has 10 ms steps).
        read -r _ u s m < <(tail -1 "$res/time")
        w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
        walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')"); rsss+=("$m")
    done
    R_WALL[$key]=$(printf '%s\n' "${walls[@]}" | median)
    R_CPU[$key]=$(printf '%s\n' "${cpus[@]}" | median)
    R_RSS[$key]=$(printf '%s\n' "${rsss[@]}" | median)   # KiB
    R_STATUS[$key]=ok
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
res=$(mktemp -d)
trap 'rm -rf "$res"' EXIT

# ------------------------------------------------------------------ runs
declare -A F_BYTES F_EXPECT F_AGREE F_DA
mismatch=0
for rows in "${sizes[@]}"; do
    file="$out/cdr-$rows-s$seed.csv"
    meta="$file.meta"
    bytes=$(stat -c %s "$file" 2>/dev/null || echo -1)
    if [ -f "$meta" ] && grep -qx "rows=$rows" "$meta" && grep -qx "seed=$seed" "$meta" &&
        grep -qx "bytes=$bytes" "$meta" && grep -qx "gen_sha=$gen_sha" "$meta"; then
        log "== reusing $file"
    else
        log "== generating $file ($rows rows, seed $seed)"
        rm -f "$meta"
        "$out/gen_cdr" -n "$rows" -s "$seed" -o "$file" 2>"$meta.tmp"
        echo "gen_sha=$gen_sha" >>"$meta.tmp"
        mv "$meta.tmp" "$meta"
        bytes=$(stat -c %s "$file")
    fi
    F_BYTES[$rows]=$bytes
    F_EXPECT[$rows]=$(awk -F= '$1 == "night_rows" || $1 == "freq_groups" || $1 == "freq_excess" { printf "%s%s", sep, $0; sep = " " } END { print "" }' "$meta")

    log "== $rows rows, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB: warming the page cache"
    cat "$file" >/dev/null

    measure "wc -l" "$rows" 0 -- wc -l "$file"
    measure mawk "$rows" 0 -- mawk -f "$here/queries.awk" "$file"
    if [ "$have_duckdb" = 1 ]; then
        measure "duckdb scan" "$rows" 0 -- env DUCKDB_MODE=scan node "$here/duckdb_queries.mjs" "$file" "$out"
        measure "duckdb table" "$rows" 0 -- env DUCKDB_MODE=table node "$here/duckdb_queries.mjs" "$file" "$out"
    fi
    if [ -z "$dialaudit_note" ]; then
        # Exit status 1 only means findings were reported.
        measure dialaudit "$rows" "0 1" -- "$DIALAUDIT" logs --profile cn --log-tz Asia/Shanghai \
            -f json -o /dev/null "$file"
    fi

    # dialaudit's calling-hours total, from one more (untimed) run writing
    # JSON. With the cn profile every mobile is in Asia/Shanghai and holidays
    # are not barred, so it should equal night_rows; a difference is shown,
    # not fatal (dialaudit's rule is more than this query).
    da_hours=
    if [ -z "$dialaudit_note" ] && [ "${R_STATUS[dialaudit|$rows]:-}" = ok ] && command -v node >/dev/null; then
        set +e
        "$DIALAUDIT" logs --profile cn --log-tz Asia/Shanghai -f json -o "$res/da.json" "$file" 2>/dev/null
        set -e
        da_hours=$(node -e '
            const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
            let n = 0;
            for (const f of r.findings || [])
                if (f.rule === "calling-hours") n += parseInt(f.actual, 10) || 0;
            console.log(n);' "$res/da.json" 2>/dev/null || echo '?')
    fi

    # The query answers must agree with each other and with the generator.
    log "   answers: generator    ${F_EXPECT[$rows]}"
    F_AGREE[$rows]="generator"
    for t in mawk "duckdb scan" "duckdb table"; do
        f="$res/$t-$rows.out"
        [ -f "$f" ] || continue
        got=$(tr -d '\n' <"$f")
        if [ "$got" = "${F_EXPECT[$rows]}" ]; then
            log "   answers: $(printf '%-12s' "$t") $got (agree)"
            F_AGREE[$rows]+=", $t"
        else
            log "   answers: $(printf '%-12s' "$t") $got  <-- MISMATCH"
            mismatch=1
        fi
    done
    if [ -n "$da_hours" ]; then
        want=$(printf '%s\n' "${F_EXPECT[$rows]}" | tr ' ' '\n' | sed -n 's/^night_rows=//p')
        if [ "$da_hours" = "$want" ]; then
            F_DA[$rows]="dialaudit's calling-hours findings count $da_hours calls, the same as night_rows."
        else
            F_DA[$rows]="dialaudit's calling-hours findings count $da_hours calls, night_rows is $want (they differ)."
        fi
        log "   ${F_DA[$rows]}"
    fi
done
dialaudit_sha1=$(dialaudit_sha)

# ----------------------------------------------------------------- table
{
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores," \
        "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo);" \
        "median of $runs runs; warm page cache; DuckDB ${duckdb_version:-n/a} on $DUCKDB_THREADS threads (node $(node --version 2>/dev/null || echo n/a))," \
        "$(mawk -W version 2>&1 | head -1)."
    echo
    echo "Load average (1, 5, 15 min) at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)." \
        "Anything else running on the machine skews the figures."
    if [ -n "$dialaudit_desc" ]; then
        echo
        echo "dialaudit: $dialaudit_desc; command: $DIALAUDIT logs --profile cn --log-tz Asia/Shanghai -f json -o /dev/null FILE."
        [ "$dialaudit_sha0" = "$dialaudit_sha1" ] ||
            echo "WARNING: $DIALAUDIT changed while the benchmark ran (sha256 $dialaudit_sha0 -> $dialaudit_sha1); its rows mix two builds."
    fi
    echo
    echo "| tool | rows | file MB | wall s | CPU s | peak RSS MB | RSS bytes/row | MB/s |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for rows in "${sizes[@]}"; do
        for t in "${tools[@]}"; do
            key="$t|$rows"
            [ -n "${R_STATUS[$key]:-}" ] || continue
            if [ "${R_STATUS[$key]}" != ok ]; then
                printf '| %s | %s | %.1f | %s | | | | |\n' "$t" "$rows" "$(awk -v b="${F_BYTES[$rows]}" 'BEGIN { print b / 1e6 }')" "${R_STATUS[$key]}"
                continue
            fi
            awk -v t="$t" -v rows="$rows" -v b="${F_BYTES[$rows]}" -v w="${R_WALL[$key]}" \
                -v c="${R_CPU[$key]}" -v m="${R_RSS[$key]}" 'BEGIN {
                rss = m * 1024
                printf "| %s | %d | %.1f | %.3f | %.2f | %.1f | %.1f | %s |\n", t, rows, b / 1e6, w, c,
                    rss / 1e6, rss / rows, (w > 0 ? sprintf("%.0f", b / 1e6 / w) : "n/a")
            }'
        done
        if [ -n "$dialaudit_note" ]; then
            printf '| dialaudit | %s | %.1f | %s | | | | |\n' "$rows" \
                "$(awk -v b="${F_BYTES[$rows]}" 'BEGIN { print b / 1e6 }')" "$dialaudit_note"
        fi
    done
    # Cost ratios between sizes ten times apart (target: 10M / 1M <= 11).
    ratios=
    for rows in "${sizes[@]}"; do
        big=$((rows * 10))
        [[ " ${sizes[*]} " == *" $big "* ]] || continue
        for t in "${tools[@]}"; do
            [ "${R_STATUS[$t|$rows]:-}" = ok ] && [ "${R_STATUS[$t|$big]:-}" = ok ] || continue
            ratios+=$(awk -v t="$t" -v a="$rows" -v b="$big" -v w1="${R_WALL[$t|$rows]}" -v w2="${R_WALL[$t|$big]}" \
                -v c1="${R_CPU[$t|$rows]}" -v c2="${R_CPU[$t|$big]}" 'BEGIN {
                printf "| %s | %d / %d | %s | %s |\n", t, b, a,
                    (w1 > 0 ? sprintf("%.1f", w2 / w1) : "n/a"), (c1 > 0 ? sprintf("%.1f", c2 / c1) : "n/a")
            }')$'\n'
        done
    done
    if [ -n "$ratios" ]; then
        echo
        echo "| tool | rows ratio | wall ratio | CPU ratio |"
        echo "| --- | --- | ---: | ---: |"
        printf '%s' "$ratios"
    fi
    echo
    for rows in "${sizes[@]}"; do
        echo "Answers for $rows rows: ${F_EXPECT[$rows]} (identical from: ${F_AGREE[$rows]}).${F_DA[$rows]:+ ${F_DA[$rows]}}"
    done
} | tee "$out/results.md"

if [ "$mismatch" != 0 ]; then
    log "run.sh: the tools disagree on the query answers (see above)"
    exit 1
fi
