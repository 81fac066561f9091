# queries.awk - the awk side of bench/run.sh (run with mawk; POSIX awk works).
#
# The two benchmark queries on one Asterisk cdr_csv file (no header, 21
# columns), printed in the same form as bench/duckdb_queries.mjs:
#
#   night_rows=N freq_groups=N freq_excess=N
#
#   night_rows   calls whose start hour, as written in the file, is < 8 or >= 21
#   freq_groups  (dst, start date) pairs with more than 5 calls
#   freq_excess  sum over those pairs of (calls - 5)
#
# Splitting: cdr_csv quotes every string and the first ten columns
# (accountcode .. start) are all strings, so with FS = "\",\"" field 3 is dst
# and field 10 begins with the start time, quotes stripped. lastdata
# ("PJSIP/<n>@trunk,30,tT") holds commas, so FS = "," would not do. This
# holds as long as no string field contains the three bytes "," (true of the
# files gen_cdr writes); it is not a general CSV parser.
BEGIN { FS = "\",\"" }
{
    day = substr($10, 1, 10)
    hour = substr($10, 12, 2) + 0
    if (hour < 8 || hour >= 21)
        night++
    calls[$3 " " day]++
}
END {
    for (k in calls)
        if (calls[k] > 5) {
            groups++
            excess += calls[k] - 5
        }
    printf "night_rows=%d freq_groups=%d freq_excess=%d\n", night, groups, excess
}
