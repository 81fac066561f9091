/* Unit tests for util/timeutil: civil dates, times of day, durations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "util/timeutil.h"

/* Converts both ways and checks that the day number is the one expected. */
static void
assert_civil(int y, int m, int d, int64_t days)
{
	int ry, rm, rd;

	assert_int_equal(days_from_civil(y, m, d), days);
	civil_from_days(days, &ry, &rm, &rd);
	assert_int_equal(ry, y);
	assert_int_equal(rm, m);
	assert_int_equal(rd, d);
}

static void
test_civil_epoch(void **state)
{
	(void)state;
	assert_civil(1970, 1, 1, 0);
	assert_civil(1970, 1, 2, 1);
	assert_civil(1969, 12, 31, -1);
}

static void
test_civil_1900_not_leap(void **state)
{
	(void)state;
	/* Divisible by 100 but not by 400: 28 February is followed by 1 March. */
	assert_civil(1900, 1, 1, -25567);
	assert_civil(1900, 2, 28, -25509);
	assert_civil(1900, 3, 1, -25508);
	assert_false(date_is_valid(1900, 2, 29));
}

static void
test_civil_2000_leap(void **state)
{
	(void)state;
	/* Divisible by 400: leap. */
	assert_civil(2000, 2, 28, 11015);
	assert_civil(2000, 2, 29, 11016);
	assert_civil(2000, 3, 1, 11017);
	assert_true(date_is_valid(2000, 2, 29));
}

static void
test_civil_2100_not_leap(void **state)
{
	(void)state;
	assert_civil(2100, 1, 1, 47482);
	assert_civil(2100, 2, 28, 47540);
	assert_civil(2100, 3, 1, 47541);
	assert_false(date_is_valid(2100, 2, 29));
	assert_true(date_is_valid(2024, 2, 29));
	assert_false(date_is_valid(2026, 2, 29));
}

static void
test_civil_negative_days(void **state)
{
	(void)state;
	assert_civil(1, 1, 1, -719162);
	/* The algorithm's own era start: 0000-03-01; year 0 is a leap year. */
	assert_civil(0, 3, 1, -719468);
	assert_civil(0, 2, 29, -719469);
	assert_civil(-1, 12, 31, -719529);
}

static void
test_civil_round_trip_range(void **state)
{
	(void)state;
	/* Every day from 1899 to 2101, so each month end and leap rule is crossed. */
	int64_t from = days_from_civil(1899, 1, 1), to = days_from_civil(2101, 12, 31);
	int py, pm, pd;

	civil_from_days(from - 1, &py, &pm, &pd);
	for (int64_t day = from; day <= to; day++) {
		int y, m, d;

		civil_from_days(day, &y, &m, &d);
		assert_true(date_is_valid(y, m, d));
		assert_int_equal(days_from_civil(y, m, d), day);
		/* The next day is the next date: d+1, or the 1st of the next month. */
		if (d != 1)
			assert_true(y == py && m == pm && d == pd + 1);
		else
			assert_true((m == pm + 1 && y == py) || (m == 1 && pm == 12 && y == py + 1));
		py = y;
		pm = m;
		pd = d;
	}
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(weekday_from_days(0), 3);                            /* Thu 1970-01-01 */
	assert_int_equal(weekday_from_days(-1), 2);                           /* Wed */
	assert_int_equal(weekday_from_days(-3), 0);                           /* Mon 1969-12-29 */
	assert_int_equal(weekday_from_days(-4), 6);                           /* Sun */
	assert_int_equal(weekday_from_days(-7), 3);
	assert_int_equal(weekday_from_days(days_from_civil(2000, 2, 29)), 1); /* Tue */
	assert_int_equal(weekday_from_days(days_from_civil(1900, 1, 1)), 0);  /* Mon */
	assert_int_equal(weekday_from_days(days_from_civil(2026, 3, 8)), 6);  /* Sun */
	assert_int_equal(weekday_from_days(days_from_civil(2026, 6, 1)), 0);  /* Mon */
	assert_int_equal(weekday_from_days(days_from_civil(2100, 3, 1)), 0);  /* Mon */
}

static void
test_weekday_names(void **state)
{
	(void)state;
	assert_string_equal(weekday_name(0), "Mon");
	assert_string_equal(weekday_name(6), "Sun");
	assert_string_equal(weekday_name(7), "?");
	assert_string_equal(weekday_name(-1), "?");
	assert_int_equal(weekday_parse("mon"), 0);
	assert_int_equal(weekday_parse("MON"), 0);
	assert_int_equal(weekday_parse("Sunday"), 6);
	assert_int_equal(weekday_parse("mo"), -1);
	assert_int_equal(weekday_parse(""), -1);
}

static void
test_parse_date_valid(void **state)
{
	int64_t days = -12345;

	(void)state;
	assert_true(parse_date("1970-01-01", &days));
	assert_int_equal(days, 0);
	assert_true(parse_date("2000-02-29", &days));
	assert_int_equal(days, 11016);
	assert_true(parse_date("2026-02-28", &days));
	assert_int_equal(days, days_from_civil(2026, 2, 28));
	assert_true(parse_date("2026-12-31", &days));
	assert_int_equal(days, days_from_civil(2026, 12, 31));
}

static void
test_parse_date_invalid(void **state)
{
	int64_t days = 777;

	(void)state;
	assert_false(parse_date("2026-02-30", &days));
	assert_false(parse_date("2026-02-29", &days));
	assert_false(parse_date("2100-02-29", &days));
	assert_false(parse_date("2026-13-01", &days));
	assert_false(parse_date("2026-00-10", &days));
	assert_false(parse_date("2026-04-31", &days));
	assert_false(parse_date("2026-04-00", &days));
	assert_false(parse_date("2026-1-1", &days));
	assert_false(parse_date("2026-01-1", &days));
	assert_false(parse_date("2026/01/01", &days));
	assert_false(parse_date(" 2026-01-01", &days));
	assert_false(parse_date("2026-01-01 ", &days));
	assert_false(parse_date("2026-01-0a", &days));
	assert_false(parse_date("", &days));
	assert_false(parse_date(NULL, &days));
	/* A rejected date leaves the output alone. */
	assert_int_equal(days, 777);
}

static void
test_parse_time_of_day(void **state)
{
	int32_t s = -1;

	(void)state;
	assert_true(parse_time_of_day("00:00", false, &s));
	assert_int_equal(s, 0);
	assert_true(parse_time_of_day("08:00", false, &s));
	assert_int_equal(s, 28800);
	assert_true(parse_time_of_day("20:59:59", false, &s));
	assert_int_equal(s, 75599);
	assert_true(parse_time_of_day("23:59:59", false, &s));
	assert_int_equal(s, 86399);
	assert_true(parse_time_of_day("23:59", false, &s));
	assert_int_equal(s, 86340);
}

static void
test_parse_time_of_day_24(void **state)
{
	int32_t s = -1;

	(void)state;
	assert_false(parse_time_of_day("24:00", false, &s));
	assert_int_equal(s, -1);
	assert_true(parse_time_of_day("24:00", true, &s));
	assert_int_equal(s, 86400);
	assert_true(parse_time_of_day("24:00:00", true, &s));
	assert_int_equal(s, 86400);
	assert_false(parse_time_of_day("24:01", true, &s));
	assert_false(parse_time_of_day("24:00:01", true, &s));
}

static void
test_parse_time_of_day_invalid(void **state)
{
	int32_t s = -1;

	(void)state;
	assert_false(parse_time_of_day("25:00", true, &s));
	assert_false(parse_time_of_day("12:60", false, &s));
	assert_false(parse_time_of_day("12:00:60", false, &s));
	assert_false(parse_time_of_day("8:00", false, &s));
	assert_false(parse_time_of_day("08:0", false, &s));
	assert_false(parse_time_of_day("0800", false, &s));
	assert_false(parse_time_of_day("08-00", false, &s));
	assert_false(parse_time_of_day("08:00:0", false, &s));
	assert_false(parse_time_of_day("08:00 ", false, &s));
	assert_false(parse_time_of_day("", false, &s));
	assert_false(parse_time_of_day(NULL, false, &s));
	assert_int_equal(s, -1);
}

static void
test_parse_duration_units(void **state)
{
	int64_t s = -1;

	(void)state;
	assert_true(parse_duration("90s", false, &s));
	assert_int_equal(s, 90);
	assert_true(parse_duration("90sec", false, &s));
	assert_int_equal(s, 90);
	assert_true(parse_duration("45", false, &s));
	assert_int_equal(s, 45);
	assert_true(parse_duration("5m", false, &s));
	assert_int_equal(s, 300);
	assert_true(parse_duration("5min", false, &s));
	assert_int_equal(s, 300);
	assert_true(parse_duration("5 m", false, &s));
	assert_int_equal(s, 300);
	assert_true(parse_duration("24h", false, &s));
	assert_int_equal(s, 86400);
	assert_true(parse_duration("7d", false, &s));
	assert_int_equal(s, 604800);
	assert_true(parse_duration("1day", false, &s));
	assert_int_equal(s, 86400);
	assert_true(parse_duration("30days", false, &s));
	assert_int_equal(s, 2592000);
	assert_true(parse_duration("2w", false, &s));
	assert_int_equal(s, 1209600);
}

static void
test_parse_duration_zero(void **state)
{
	int64_t s = -1;

	(void)state;
	assert_false(parse_duration("0", false, &s));
	assert_false(parse_duration("0s", false, &s));
	assert_false(parse_duration("0h", false, &s));
	assert_int_equal(s, -1);
	assert_true(parse_duration("0", true, &s));
	assert_int_equal(s, 0);
	s = -1;
	assert_true(parse_duration("0d", true, &s));
	assert_int_equal(s, 0);
	/* 1 s is the smallest duration that needs no allow_zero. */
	assert_true(parse_duration("1", false, &s));
	assert_int_equal(s, 1);
}

static void
test_parse_duration_invalid(void **state)
{
	int64_t s = -1;

	(void)state;
	assert_false(parse_duration("", true, &s));
	assert_false(parse_duration(NULL, true, &s));
	assert_false(parse_duration("m", true, &s));
	assert_false(parse_duration("-5m", true, &s));
	assert_false(parse_duration("+5m", true, &s));
	assert_false(parse_duration("5x", true, &s));
	assert_false(parse_duration("5hours", true, &s));
	assert_false(parse_duration("1.5h", true, &s));
	assert_false(parse_duration("5m ", true, &s));
	assert_false(parse_duration("5m5s", true, &s));
	/* Absurdly many digits are refused rather than overflowing. */
	assert_false(parse_duration("99999999999999999999999", true, &s));
	assert_int_equal(s, -1);
}

static void
test_format_duration(void **state)
{
	char buf[32];

	(void)state;
	format_duration(0, buf, sizeof(buf));
	assert_string_equal(buf, "0 s");
	format_duration(90, buf, sizeof(buf));
	assert_string_equal(buf, "90 s");
	format_duration(300, buf, sizeof(buf));
	assert_string_equal(buf, "5 min");
	format_duration(7200, buf, sizeof(buf));
	assert_string_equal(buf, "2 h");
	format_duration(86400, buf, sizeof(buf));
	assert_string_equal(buf, "24 h");
	format_duration(172800, buf, sizeof(buf));
	assert_string_equal(buf, "2 days");
	format_duration(2592000, buf, sizeof(buf));
	assert_string_equal(buf, "30 days");
	format_duration(3601, buf, sizeof(buf));
	assert_string_equal(buf, "3601 s");
}

static void
test_format_utc_timestamp(void **state)
{
	char buf[32];

	(void)state;
	format_utc_timestamp(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	format_utc_timestamp(1795046399, buf, sizeof(buf)); /* last second of 2026-11-18 */
	assert_string_equal(buf, "2026-11-18T23:59:59Z");
	format_utc_timestamp(1795046400, buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-19T00:00:00Z");
	format_utc_timestamp(-1, buf, sizeof(buf));
	assert_string_equal(buf, "1969-12-31T23:59:59Z");
}

static void
test_format_time_and_date(void **state)
{
	char buf[32];

	(void)state;
	format_time_of_day(0, buf, sizeof(buf));
	assert_string_equal(buf, "00:00");
	format_time_of_day(75600, buf, sizeof(buf));
	assert_string_equal(buf, "21:00");
	format_time_of_day(75599, buf, sizeof(buf));
	assert_string_equal(buf, "20:59:59");
	format_time_of_day(86400, buf, sizeof(buf));
	assert_string_equal(buf, "24:00");
	format_date(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01");
	format_date(-1, buf, sizeof(buf));
	assert_string_equal(buf, "1969-12-31");
	format_date(11016, buf, sizeof(buf));
	assert_string_equal(buf, "2000-02-29");
	format_date(47541, buf, sizeof(buf));
	assert_string_equal(buf, "2100-03-01");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_civil_epoch),
		cmocka_unit_test(test_civil_1900_not_leap),
		cmocka_unit_test(test_civil_2000_leap),
		cmocka_unit_test(test_civil_2100_not_leap),
		cmocka_unit_test(test_civil_negative_days),
		cmocka_unit_test(test_civil_round_trip_range),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_weekday_names),
		cmocka_unit_test(test_parse_date_valid),
		cmocka_unit_test(test_parse_date_invalid),
		cmocka_unit_test(test_parse_time_of_day),
		cmocka_unit_test(test_parse_time_of_day_24),
		cmocka_unit_test(test_parse_time_of_day_invalid),
		cmocka_unit_test(test_parse_duration_units),
		cmocka_unit_test(test_parse_duration_zero),
		cmocka_unit_test(test_parse_duration_invalid),
		cmocka_unit_test(test_format_duration),
		cmocka_unit_test(test_format_time_and_date),
		cmocka_unit_test(test_format_utc_timestamp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
