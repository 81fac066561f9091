/* Unit tests for util/tz: offsets of IANA zones, local-to-UTC, fixed offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util/timeutil.h"
#include "util/tz.h"

/*
 * Instants checked against the system's tzdata with
 *   TZ=America/New_York date -d @EPOCH
 * 1772953199 is 2026-03-08 01:59:59 EST, 1772953200 is 03:00:00 EDT;
 * 1793512799 is 2026-11-01 01:59:59 EDT, 1793512800 is 01:00:00 EST.
 */
#define SPRING_2026 INT64_C(1772953200) /* 2026-03-08 07:00:00 UTC */
#define FALL_2026 INT64_C(1793512800)   /* 2026-11-01 06:00:00 UTC */

static int
teardown(void **state)
{
	(void)state;
	tz_cache_clear();
	return 0;
}

static int64_t
utc(int y, int m, int d, int hh, int mm, int ss)
{
	return days_from_civil(y, m, d) * SECONDS_PER_DAY + hh * 3600 + mm * 60 + ss;
}

static const struct tz_zone *
get(const char *name)
{
	struct diag d = { 0 };
	const struct tz_zone *z = tz_get(name, &d);

	if (z == NULL)
		fail_msg("tz_get(\"%s\"): %s", name, d.message);
	return z;
}

static void
test_instants_are_what_the_comment_says(void **state)
{
	(void)state;
	assert_int_equal(utc(2026, 3, 8, 7, 0, 0), SPRING_2026);
	assert_int_equal(utc(2026, 11, 1, 6, 0, 0), FALL_2026);
}

static void
test_shanghai_fixed_in_2026(void **state)
{
	const struct tz_zone *z = get("Asia/Shanghai");

	(void)state;
	assert_string_equal(tz_name(z), "Asia/Shanghai");
	for (int m = 1; m <= 12; m++) {
		assert_int_equal(tz_offset_at(z, utc(2026, m, 1, 0, 0, 0)), 28800);
		assert_int_equal(tz_offset_at(z, utc(2026, m, 15, 18, 30, 0)), 28800);
	}
	/* The New York change instants mean nothing here. */
	assert_int_equal(tz_offset_at(z, SPRING_2026 - 1), 28800);
	assert_int_equal(tz_offset_at(z, SPRING_2026), 28800);
	assert_int_equal(tz_offset_at(z, 0), 28800);
}

static void
test_shanghai_history_sampled(void **state)
{
	const struct tz_zone *z = get("Asia/Shanghai");

	(void)state;
	/* China kept summer time 1986–1991: the table must come from tzdata,
	 * not from one sample. */
	assert_int_equal(tz_offset_at(z, utc(1988, 7, 1, 0, 0, 0)), 32400);
	assert_int_equal(tz_offset_at(z, utc(1988, 1, 1, 0, 0, 0)), 28800);
}

static void
test_new_york_spring_forward(void **state)
{
	const struct tz_zone *z = get("America/New_York");

	(void)state;
	assert_int_equal(tz_offset_at(z, SPRING_2026 - 1), -18000);
	assert_int_equal(tz_offset_at(z, SPRING_2026), -14400);
	assert_int_equal(tz_offset_at(z, SPRING_2026 + 1), -14400);
	assert_int_equal(tz_offset_at(z, utc(2026, 7, 1, 12, 0, 0)), -14400);
}

static void
test_new_york_fall_back(void **state)
{
	const struct tz_zone *z = get("America/New_York");

	(void)state;
	assert_int_equal(tz_offset_at(z, FALL_2026 - 1), -14400);
	assert_int_equal(tz_offset_at(z, FALL_2026), -18000);
	assert_int_equal(tz_offset_at(z, utc(2026, 12, 25, 12, 0, 0)), -18000);
	assert_int_equal(tz_offset_at(z, utc(2026, 1, 15, 12, 0, 0)), -18000);
}

static void
test_new_york_beyond_table(void **state)
{
	const struct tz_zone *z = get("America/New_York");

	(void)state;
	/* Before 1970 the first offset holds. */
	assert_int_equal(tz_offset_at(z, INT64_MIN), -18000);
	assert_int_equal(tz_offset_at(z, -1), -18000);
}

static void
test_local_to_utc_exact(void **state)
{
	const struct tz_zone *ny = get("America/New_York");
	const struct tz_zone *sh = get("Asia/Shanghai");
	enum tz_local_kind k = TZ_LOCAL_GAP;

	(void)state;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 7, 1, 12, 0, 0), &k),
	    utc(2026, 7, 1, 16, 0, 0));
	assert_int_equal(k, TZ_LOCAL_EXACT);
	k = TZ_LOCAL_GAP;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 1, 15, 12, 0, 0), &k),
	    utc(2026, 1, 15, 17, 0, 0));
	assert_int_equal(k, TZ_LOCAL_EXACT);
	k = TZ_LOCAL_GAP;
	assert_int_equal(tz_local_to_utc(sh, utc(2026, 3, 8, 8, 0, 0), &k),
	    utc(2026, 3, 8, 0, 0, 0));
	assert_int_equal(k, TZ_LOCAL_EXACT);
	/* kind may be NULL. */
	assert_int_equal(tz_local_to_utc(sh, utc(2026, 3, 8, 8, 0, 0), NULL),
	    utc(2026, 3, 8, 0, 0, 0));
}

static void
test_local_to_utc_gap(void **state)
{
	const struct tz_zone *ny = get("America/New_York");
	enum tz_local_kind k = TZ_LOCAL_EXACT;

	(void)state;
	/* 02:30 never happened on 2026-03-08: the pre-transition offset (EST)
	 * makes it 07:30 UTC, i.e. 03:30 EDT. */
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 3, 8, 2, 30, 0), &k), SPRING_2026 + 1800);
	assert_int_equal(k, TZ_LOCAL_GAP);
	k = TZ_LOCAL_EXACT;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 3, 8, 2, 0, 0), &k), SPRING_2026);
	assert_int_equal(k, TZ_LOCAL_GAP);
	k = TZ_LOCAL_EXACT;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 3, 8, 2, 59, 59), &k), SPRING_2026 + 3599);
	assert_int_equal(k, TZ_LOCAL_GAP);
	/* Either side of the gap exists once. */
	k = TZ_LOCAL_GAP;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 3, 8, 1, 59, 59), &k), SPRING_2026 - 1);
	assert_int_equal(k, TZ_LOCAL_EXACT);
	k = TZ_LOCAL_GAP;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 3, 8, 3, 0, 0), &k), SPRING_2026);
	assert_int_equal(k, TZ_LOCAL_EXACT);
}

static void
test_local_to_utc_overlap(void **state)
{
	const struct tz_zone *ny = get("America/New_York");
	enum tz_local_kind k = TZ_LOCAL_EXACT;

	(void)state;
	/* 01:30 on 2026-11-01 happens at 05:30 UTC (EDT) and 06:30 UTC (EST):
	 * the earlier is used. */
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 11, 1, 1, 30, 0), &k), FALL_2026 - 1800);
	assert_int_equal(k, TZ_LOCAL_AMBIGUOUS);
	k = TZ_LOCAL_EXACT;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 11, 1, 1, 0, 0), &k), FALL_2026 - 3600);
	assert_int_equal(k, TZ_LOCAL_AMBIGUOUS);
	k = TZ_LOCAL_EXACT;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 11, 1, 1, 59, 59), &k), FALL_2026 - 1);
	assert_int_equal(k, TZ_LOCAL_AMBIGUOUS);
	k = TZ_LOCAL_GAP;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 11, 1, 0, 59, 59), &k), FALL_2026 - 3601);
	assert_int_equal(k, TZ_LOCAL_EXACT);
	k = TZ_LOCAL_GAP;
	assert_int_equal(tz_local_to_utc(ny, utc(2026, 11, 1, 2, 0, 0), &k), FALL_2026 + 3600);
	assert_int_equal(k, TZ_LOCAL_EXACT);
}

static void
test_fixed_offsets(void **state)
{
	const struct tz_zone *z;
	enum tz_local_kind k = TZ_LOCAL_GAP;

	(void)state;
	z = get("+08:00");
	assert_string_equal(tz_name(z), "+08:00");
	assert_int_equal(tz_offset_at(z, SPRING_2026), 28800);
	assert_int_equal(tz_offset_at(z, INT64_MIN), 28800);
	z = get("-05:30");
	assert_int_equal(tz_offset_at(z, SPRING_2026), -19800);
	assert_int_equal(tz_offset_at(z, FALL_2026), -19800);
	assert_int_equal(tz_local_to_utc(z, utc(2026, 6, 1, 12, 0, 0), &k), utc(2026, 6, 1, 17, 30, 0));
	assert_int_equal(k, TZ_LOCAL_EXACT);
	assert_int_equal(tz_offset_at(get("+00:00"), 0), 0);
	assert_int_equal(tz_offset_at(get("+14:00"), 0), 50400);
	assert_int_equal(tz_offset_at(get("UTC"), SPRING_2026), 0);
}

static void
assert_unknown(const char *name, const char *phrase)
{
	struct diag d;

	memset(&d, 0, sizeof(d));
	if (tz_get(name, &d) != NULL)
		fail_msg("tz_get(\"%s\") accepted it", name != NULL ? name : "(null)");
	if (strstr(d.message, phrase) == NULL)
		fail_msg("tz_get(\"%s\"): message \"%s\" lacks \"%s\"", name != NULL ? name : "(null)",
		    d.message, phrase);
	assert_int_equal(d.line, 0);
}

static void
test_unknown_zones(void **state)
{
	(void)state;
	assert_unknown("Mars/Base", "unknown time zone 'Mars/Base'");
	assert_unknown("asia/shanghai", "unknown time zone");
	assert_unknown("America", "unknown time zone");
	assert_unknown("", "empty time zone name");
	assert_unknown(NULL, "empty time zone name");
}

static void
test_bad_fixed_offsets(void **state)
{
	(void)state;
	assert_unknown("+15:00", "unknown time zone");
	assert_unknown("+8:00", "unknown time zone");
	assert_unknown("+08:60", "unknown time zone");
	assert_unknown("08:00", "unknown time zone");
	assert_unknown("+0800", "unknown time zone");
}

static void
test_path_names_rejected(void **state)
{
	(void)state;
	/* A zone name must never reach outside the zoneinfo directory. */
	assert_unknown("../etc/passwd", "unknown time zone '../etc/passwd'");
	assert_unknown("../../../../etc/passwd", "unknown time zone");
	assert_unknown("/etc/passwd", "unknown time zone");
	assert_unknown("Asia/../Asia/Shanghai", "unknown time zone");
	assert_unknown("Asia/Shanghai\n", "unknown time zone");
}

static void
test_cache_same_zone(void **state)
{
	const struct tz_zone *a = get("America/New_York");

	(void)state;
	assert_ptr_equal(get("America/New_York"), a);
	tz_cache_clear();
	/* After a clear the zone is built again and still right. */
	a = get("America/New_York");
	assert_int_equal(tz_offset_at(a, SPRING_2026), -14400);
}

static void
test_tz_env_restored(void **state)
{
	(void)state;
	/* Building a table switches TZ for a moment: the caller's TZ must be back. */
	setenv("TZ", "Europe/London", 1);
	get("America/Chicago");
	assert_non_null(getenv("TZ"));
	assert_string_equal(getenv("TZ"), "Europe/London");
	unsetenv("TZ");
	get("America/Denver");
	assert_null(getenv("TZ"));
}

int
main(void)
{
#define T(fn) cmocka_unit_test_teardown(fn, teardown)
	const struct CMUnitTest tests[] = {
		T(test_instants_are_what_the_comment_says),
		T(test_shanghai_fixed_in_2026),
		T(test_shanghai_history_sampled),
		T(test_new_york_spring_forward),
		T(test_new_york_fall_back),
		T(test_new_york_beyond_table),
		T(test_local_to_utc_exact),
		T(test_local_to_utc_gap),
		T(test_local_to_utc_overlap),
		T(test_fixed_offsets),
		T(test_unknown_zones),
		T(test_bad_fixed_offsets),
		T(test_path_names_rejected),
		T(test_cache_same_zone),
		T(test_tz_env_restored),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
