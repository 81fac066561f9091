/* Unit tests for the mapping's time formats: the strict strptime subset at its edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mapping.h"
#include "util/timeutil.h"
#include "util/tz.h"

#define DAY(y, m, d) (days_from_civil((y), (m), (d)) * SECONDS_PER_DAY)

static void
compile_ok(const char *spec, struct timefmt *f)
{
	char err[300] = "";

	if (timefmt_compile(spec, f, err, sizeof(err)) != 0)
		fail_msg("\"%s\" did not compile: %s", spec, err);
}

/* Parses s by spec (in UTC) and returns the epoch; fails the test on an error. */
static int64_t
parse_ok(const char *spec, const char *s)
{
	struct timefmt f;
	const char *why = NULL;
	int64_t t = 0;

	compile_ok(spec, &f);
	if (timefmt_parse(&f, s, strlen(s), NULL, &t, &why) != 0)
		fail_msg("\"%s\" by \"%s\": %s", s, spec, why);
	return t;
}

/* Parses s by spec and returns the reason it was rejected. */
static const char *
parse_bad(const char *spec, const char *s)
{
	struct timefmt f;
	const char *why = NULL;
	int64_t t = 0;

	compile_ok(spec, &f);
	if (timefmt_parse(&f, s, strlen(s), NULL, &t, &why) == 0)
		fail_msg("\"%s\" by \"%s\" was accepted as %lld", s, spec, (long long)t);
	assert_non_null(why);
	return why;
}

static const char *
compile_bad(const char *spec)
{
	static char err[300];
	struct timefmt f;

	err[0] = '\0';
	if (timefmt_compile(spec, &f, err, sizeof(err)) == 0)
		fail_msg("\"%s\" compiled", spec);
	assert_true(err[0] != '\0');
	return err;
}

static void
test_feb_29_leap_years(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("%F %T", "2024-02-29 00:00:00"), 1709164800);
	assert_int_equal(parse_ok("%F %T", "2000-02-29 12:00:00"), DAY(2000, 2, 29) + 12 * 3600);
	assert_int_equal(parse_ok("%d/%m/%Y %H:%M", "29/02/2028 08:30"), DAY(2028, 2, 29) + 30600);
	assert_int_equal(parse_ok("%e %b %Y %H:%M", "29 Feb 2096 10:00"), DAY(2096, 2, 29) + 36000);
}

static void
test_feb_29_other_years(void **state)
{
	(void)state;
	assert_string_equal(parse_bad("%F %T", "2025-02-29 00:00:00"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-02-29 10:00:00"), "impossible date or time");
	/* 2100 is not a leap year, and is out of range anyway */
	assert_string_equal(parse_bad("%F %T", "2100-02-29 10:00:00"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-02-30 10:00:00"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-04-31 10:00:00"), "impossible date or time");
	assert_int_equal(parse_ok("%F %T", "2026-02-28 23:59:59"), DAY(2026, 3, 1) - 1);
}

static void
test_end_of_day(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("%F %T", "2026-03-10 23:59:59"), DAY(2026, 3, 11) - 1);
	assert_int_equal(parse_ok("%F %T", "2026-03-10 00:00:00"), DAY(2026, 3, 10));
	assert_int_equal(parse_ok("%F %T", "2026-12-31 23:59:59"), DAY(2027, 1, 1) - 1);
	/* a leap second is kept inside its minute */
	assert_int_equal(parse_ok("%F %T", "2016-12-31 23:59:60"), DAY(2017, 1, 1) - 1);
	assert_string_equal(parse_bad("%F %T", "2026-03-10 24:00:00"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-03-10 23:60:00"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-03-10 23:59:61"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-13-01 10:00:00"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-00-01 10:00:00"), "impossible date or time");
	assert_string_equal(parse_bad("%F %T", "2026-01-00 10:00:00"), "impossible date or time");
}

static void
test_year_range(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("%F %T", "1970-01-01 00:00:00"), 0);
	assert_int_equal(parse_ok("%F %T", "2099-12-31 23:59:59"), 4102444799);
	assert_string_equal(parse_bad("%F %T", "1969-12-31 23:59:59"), "date outside 1970-2099");
	assert_string_equal(parse_bad("%F %T", "2100-01-01 00:00:00"), "date outside 1970-2099");
	/* %y: 69-99 are 19xx, 00-68 are 20xx */
	assert_int_equal(parse_ok("%d.%m.%y %H:%M", "10.03.26 09:00"), DAY(2026, 3, 10) + 32400);
	assert_int_equal(parse_ok("%d.%m.%y %H:%M", "01.01.70 00:00"), 0);
	assert_string_equal(parse_bad("%d.%m.%y %H:%M", "31.12.69 23:59"), "date outside 1970-2099");
}

static void
test_trailing_garbage_rejected(void **state)
{
	const char *trailing = "trailing characters after the time";

	(void)state;
	assert_string_equal(parse_bad("%F %T", "2026-03-10 10:00:00Z"), trailing);
	assert_string_equal(parse_bad("%F %T", "2026-03-10 10:00:00.123"), trailing);
	assert_string_equal(parse_bad("%F %T", "2026-03-10 10:00:00+08:00"), trailing);
	assert_string_equal(parse_bad("%F %H:%M", "2026-03-10 10:00:00"), trailing);
	assert_string_equal(parse_bad("%F %T", "2026-03-10 10:00:000"), trailing);
	assert_string_equal(parse_bad("%Y%m%d%H%M%S", "202603101000001"), trailing);
	assert_string_equal(parse_bad("epoch", "1773147600x"), trailing);
	assert_string_equal(parse_bad("epoch", "1773147600."), trailing);
	assert_string_equal(parse_bad("epoch_ms", "1773147600000.5"), trailing);
	/* blanks around the cell are not garbage */
	assert_int_equal(parse_ok("%F %T", "  2026-03-10 10:00:00\t"), DAY(2026, 3, 10) + 36000);
}

static void
test_too_short_or_wrong_literal(void **state)
{
	const char *nomatch = "time does not match the mapping's time.format";

	(void)state;
	assert_string_equal(parse_bad("%F %T", "2026-03-10"), nomatch);
	assert_string_equal(parse_bad("%F %T", "2026/03/10 10:00:00"), nomatch);
	assert_string_equal(parse_bad("%F %T", "2026-03-10T10:00:00"), nomatch);
	assert_string_equal(parse_bad("%F %T", "26-03-10 10:00:00"), nomatch);
	assert_string_equal(parse_bad("%F %T", "+2026-03-10 10:00:00"), nomatch);
	assert_string_equal(parse_bad("%F %T", "2026-3-1O 10:00:00"), nomatch);
	assert_string_equal(parse_bad("%F %T", ""), "empty time");
	assert_string_equal(parse_bad("%F %T", "   "), "empty time");
}

static void
test_one_or_two_digits(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("%Y/%m/%d %H:%M", "2020/2/10 22:41"), DAY(2020, 2, 10) + 81660);
	assert_int_equal(parse_ok("%Y/%m/%d %H:%M:%S", "2026/3/1 9:5:7"),
	    DAY(2026, 3, 1) + 9 * 3600 + 5 * 60 + 7);
	/* %Y is exactly four digits; compact formats split greedily */
	assert_int_equal(parse_ok("%Y%m%d%H%M%S", "20260310235959"), DAY(2026, 3, 11) - 1);
	assert_int_equal(parse_ok("%e/%m/%Y %H:%M", " 5/03/2026 10:00"), DAY(2026, 3, 5) + 36000);
	assert_int_equal(parse_ok("%b %e %Y %T", "Mar  5 2026 10:00:00"), DAY(2026, 3, 5) + 36000);
}

static void
test_month_names(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("%d %b %Y %H:%M", "01 jan 2026 00:00"), DAY(2026, 1, 1));
	assert_int_equal(parse_ok("%d %b %Y %H:%M", "01 SEPTEMBER 2026 00:00"), DAY(2026, 9, 1));
	assert_int_equal(parse_ok("%d %b %Y %H:%M", "31 Dec 2026 00:00"), DAY(2026, 12, 31));
	assert_int_equal(parse_ok("%d-%b-%Y %H:%M", "01-May-2026 00:00"), DAY(2026, 5, 1));
	assert_string_equal(parse_bad("%d %b %Y %H:%M", "01 Mrz 2026 00:00"),
	    "month name not recognised (expected Jan … Dec)");
	assert_string_equal(parse_bad("%d %b %Y %H:%M", "01 Ma 2026 00:00"),
	    "month name not recognised (expected Jan … Dec)");
	/* "Sept" is neither the abbreviation nor the name */
	assert_string_equal(parse_bad("%d %b %Y %H:%M", "01 Sept 2026 00:00"),
	    "time does not match the mapping's time.format");
}

static void
test_literals_and_percent(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("%Y年%m月%d日 %H时%M分%S秒", "2026年03月10日 20时59分59秒"),
	    DAY(2026, 3, 10) + 75599);
	assert_int_equal(parse_ok("%%%F %T%%", "%2026-03-10 10:00:00%"), DAY(2026, 3, 10) + 36000);
	assert_int_equal(parse_ok("%FT%T", "2026-03-10T10:00:00"), DAY(2026, 3, 10) + 36000);
}

static void
test_epochs(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("epoch", "1773147600"), 1773147600);
	assert_int_equal(parse_ok("epoch", "1773147599.999999"), 1773147599);
	assert_int_equal(parse_ok("epoch", "0"), 0);
	assert_int_equal(parse_ok("epoch", "4102444799"), 4102444799);
	assert_string_equal(parse_bad("epoch", "4102444800"), "date outside 1970-2099");
	assert_string_equal(parse_bad("epoch", "-1"), "time is not epoch seconds");
	assert_string_equal(parse_bad("epoch", "2026-03-10 10:00:00"),
	    "trailing characters after the time");
	assert_string_equal(parse_bad("epoch", "177314760000"), "epoch time too large");
	assert_int_equal(parse_ok("epoch_ms", "1773147599999"), 1773147599);
	assert_int_equal(parse_ok("epoch_ms", "1773147600000"), 1773147600);
	assert_int_equal(parse_ok("epoch_ms", "4102444799999"), 4102444799);
	assert_string_equal(parse_bad("epoch_ms", "4102444800000"), "date outside 1970-2099");
	assert_string_equal(parse_bad("epoch_ms", "1773147600000000"), "epoch time too large");
	assert_string_equal(parse_bad("epoch_ms", "1.5"), "trailing characters after the time");
}

static void
test_zone_applied_to_wall_clock_only(void **state)
{
	struct diag d;
	const struct tz_zone *bj = tz_get("Asia/Shanghai", &d);
	struct timefmt f;
	const char *why = NULL;
	int64_t t = 0;

	(void)state;
	assert_non_null(bj);
	compile_ok("%F %T", &f);
	assert_int_equal(timefmt_parse(&f, "2026-03-10 21:00:00", 19, bj, &t, &why), 0);
	assert_int_equal(t, 1773147600);
	compile_ok("epoch", &f);
	assert_int_equal(timefmt_parse(&f, "1773147600", 10, bj, &t, &why), 0);
	assert_int_equal(t, 1773147600);
	tz_cache_clear();
}

static void
test_compile_errors(void **state)
{
	(void)state;
	assert_non_null(strstr(compile_bad("%Y-%m-%d %H:%M:%S.%f"), "%f, which dialaudit does not"));
	assert_non_null(strstr(compile_bad("%Y-%j %H:%M"), "%j"));
	assert_non_null(strstr(compile_bad("%c"), "%c"));
	assert_non_null(strstr(compile_bad("%F %T %z"), "%z"));
	assert_non_null(strstr(compile_bad("%F %H:%M %"), "lone %"));
	assert_non_null(strstr(compile_bad(""), "is empty"));
	assert_non_null(strstr(compile_bad("%m-%d %H:%M"), "no year"));
	assert_non_null(strstr(compile_bad("%Y-%d %H:%M"), "no month"));
	assert_non_null(strstr(compile_bad("%Y-%m %H:%M"), "no day"));
	assert_non_null(strstr(compile_bad("%F"), "no hour"));
	assert_non_null(strstr(compile_bad("%F %H"), "no minutes"));
	assert_non_null(strstr(compile_bad("%F %T %S"), "second twice"));
	assert_non_null(strstr(compile_bad("%Y %y %m %d %H:%M"), "year twice"));
	assert_non_null(strstr(compile_bad("%b %m %d %Y %H:%M"), "month twice"));
	assert_non_null(strstr(compile_bad("EPOCH"), "no year"));
	assert_non_null(strstr(compile_bad("%F %T                                                    "
	    "                    "), "too long"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feb_29_leap_years),
		cmocka_unit_test(test_feb_29_other_years),
		cmocka_unit_test(test_end_of_day),
		cmocka_unit_test(test_year_range),
		cmocka_unit_test(test_trailing_garbage_rejected),
		cmocka_unit_test(test_too_short_or_wrong_literal),
		cmocka_unit_test(test_one_or_two_digits),
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_literals_and_percent),
		cmocka_unit_test(test_epochs),
		cmocka_unit_test(test_zone_applied_to_wall_clock_only),
		cmocka_unit_test(test_compile_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
