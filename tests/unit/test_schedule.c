/* Unit tests for schedule: parsing windows groups, set arithmetic, formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <libconfig.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "schedule.h"
#include "util/arena.h"
#include "util/timeutil.h"

#define H(x) ((int32_t)(x) * 3600)
#define DAY(wd) ((int32_t)(wd) * SECONDS_PER_DAY)

struct fixture {
	struct arena *arena;
	config_t cfg;
	bool cfg_live;
	struct diag d;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->arena = arena_new();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f->cfg_live)
		config_destroy(&f->cfg);
	arena_free(f->arena);
	free(f);
	return 0;
}

/*
 * Parses text (a libconfig document holding "windows = { … };") the way a
 * profile or campaign reader would, and returns schedule_parse's result.
 * Line numbers in d are lines of text, counted from 1.
 */
static int
parse(struct fixture *f, const char *text, struct schedule *out)
{
	const config_setting_t *w;

	if (f->cfg_live)
		config_destroy(&f->cfg);
	config_init(&f->cfg);
	f->cfg_live = true;
	if (config_read_string(&f->cfg, text) != CONFIG_TRUE)
		fail_msg("test text does not parse: line %d: %s", config_error_line(&f->cfg),
		    config_error_text(&f->cfg));
	w = config_lookup(&f->cfg, "windows");
	assert_non_null(w);
	memset(&f->d, 0, sizeof(f->d));
	return schedule_parse(w, f->arena, out, &f->d);
}

static void
assert_iv(const struct schedule *s, size_t i, int32_t start, int32_t end)
{
	assert_true(i < s->n);
	assert_int_equal(s->iv[i].start, start);
	assert_int_equal(s->iv[i].end, end);
}

static void
assert_message_has(const struct diag *d, const char *phrase)
{
	if (strstr(d->message, phrase) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", d->message, phrase);
}

static void
test_daily(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { daily = [\"08:00-21:00\"]; };", &s), 0);
	assert_int_equal(s.n, 7);
	for (int wd = 0; wd < 7; wd++)
		assert_iv(&s, (size_t)wd, DAY(wd) + H(8), DAY(wd) + H(21));
	assert_int_equal(schedule_total(&s), 7 * H(13));
}

static void
test_precedence(void **state)
{
	struct fixture *f = *state;
	struct schedule s;
	char buf[512];

	/* A day's own key beats weekdays/weekend, which beat daily; an empty
	 * list means no calls that day. */
	assert_int_equal(parse(f,
	    "windows = {\n"
	    "  daily = [\"08:00-21:00\"];\n"
	    "  weekdays = [\"09:00-20:00\"];\n"
	    "  weekend = [\"10:00-18:00\"];\n"
	    "  wed = [\"12:00-13:00\", \"14:00-15:00\"];\n"
	    "  sun = [];\n"
	    "};", &s), 0);
	assert_int_equal(s.n, 7);
	assert_iv(&s, 0, DAY(0) + H(9), DAY(0) + H(20));
	assert_iv(&s, 1, DAY(1) + H(9), DAY(1) + H(20));
	assert_iv(&s, 2, DAY(2) + H(12), DAY(2) + H(13));
	assert_iv(&s, 3, DAY(2) + H(14), DAY(2) + H(15));
	assert_iv(&s, 4, DAY(3) + H(9), DAY(3) + H(20));
	assert_iv(&s, 5, DAY(4) + H(9), DAY(4) + H(20));
	assert_iv(&s, 6, DAY(5) + H(10), DAY(5) + H(18));
	schedule_format(&s, buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Tue 09:00–20:00; Wed 12:00–13:00, 14:00–15:00; "
	    "Thu–Fri 09:00–20:00; Sat 10:00–18:00; Sun none");
}

static void
test_precedence_daily_fills_unnamed(void **state)
{
	struct fixture *f = *state;
	struct schedule s;
	char buf[512];

	/* weekend given, weekdays not: Mon–Fri fall back to daily. */
	assert_int_equal(parse(f,
	    "windows = { daily = [\"08:00-21:00\"]; weekend = [\"10:00-18:00\"]; sat = [\"11:00-12:00\"]; };",
	    &s), 0);
	schedule_format(&s, buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Fri 08:00–21:00; Sat 11:00–12:00; Sun 10:00–18:00");
}

static void
test_days_not_named_have_no_window(void **state)
{
	struct fixture *f = *state;
	struct schedule s;
	char buf[512];

	assert_int_equal(parse(f, "windows = { tue = \"09:00-17:00\"; };", &s), 0);
	assert_int_equal(s.n, 1);
	assert_iv(&s, 0, DAY(1) + H(9), DAY(1) + H(17));
	schedule_format(&s, buf, sizeof(buf));
	assert_string_equal(buf, "Mon none; Tue 09:00–17:00; Wed–Sun none");
}

static void
test_midnight_crossing(void **state)
{
	struct fixture *f = *state;
	struct schedule s;
	char buf[256];

	/* The window belongs to the day it starts on: Mon 21:00 → Tue 08:00. */
	assert_int_equal(parse(f, "windows = { mon = [\"21:00-08:00\"]; };", &s), 0);
	assert_int_equal(s.n, 1);
	assert_iv(&s, 0, DAY(0) + H(21), DAY(1) + H(8));
	assert_false(schedule_contains(&s, DAY(0) + H(21) - 1));
	assert_true(schedule_contains(&s, DAY(0) + H(21)));
	assert_true(schedule_contains(&s, DAY(1)));
	assert_true(schedule_contains(&s, DAY(1) + H(8) - 1));
	assert_false(schedule_contains(&s, DAY(1) + H(8)));
	schedule_format_iv(&s.iv[0], buf, sizeof(buf));
	assert_string_equal(buf, "Mon 21:00–Tue 08:00");
	schedule_format(&s, buf, sizeof(buf));
	assert_string_equal(buf, "Mon 21:00–24:00; Tue 00:00–08:00; Wed–Sun none");
}

static void
test_midnight_crossing_sunday_wraps(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { sun = [\"22:00-06:00\"]; };", &s), 0);
	/* Sun 22:00 → Mon 06:00 splits at the end of the week. */
	assert_int_equal(s.n, 2);
	assert_iv(&s, 0, 0, H(6));
	assert_iv(&s, 1, DAY(6) + H(22), SECONDS_PER_WEEK);
	assert_true(schedule_contains(&s, 0));
	assert_true(schedule_contains(&s, H(6) - 1));
	assert_false(schedule_contains(&s, H(6)));
	assert_false(schedule_contains(&s, DAY(6) + H(22) - 1));
	assert_true(schedule_contains(&s, DAY(6) + H(22)));
	assert_true(schedule_contains(&s, SECONDS_PER_WEEK - 1));
	assert_int_equal(schedule_total(&s), H(8));
}

static void
test_midnight_crossing_daily(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { daily = [\"21:00-08:00\"]; };", &s), 0);
	/* Mon 00:00–08:00 (from Sunday), six crossings Mon…Sat, Sun 21:00–24:00. */
	assert_int_equal(s.n, 8);
	assert_iv(&s, 0, 0, H(8));
	for (int wd = 0; wd < 6; wd++)
		assert_iv(&s, (size_t)wd + 1, DAY(wd) + H(21), DAY(wd + 1) + H(8));
	assert_iv(&s, 7, DAY(6) + H(21), SECONDS_PER_WEEK);
	assert_int_equal(schedule_total(&s), 7 * H(11));
}

static void
test_to_24(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { mon = [\"08:00-24:00\"]; tue = [\"00:00-24:00\"]; };",
	    &s), 0);
	/* Mon 08:00–24:00 touches Tue 00:00: adjacent windows merge. */
	assert_int_equal(s.n, 1);
	assert_iv(&s, 0, H(8), DAY(2));
	/* Whole days every day are one interval over the whole week. */
	assert_int_equal(parse(f, "windows = { daily = [\"00:00-24:00\"]; };", &s), 0);
	assert_int_equal(s.n, 1);
	assert_iv(&s, 0, 0, SECONDS_PER_WEEK);
	assert_true(schedule_contains(&s, 0));
	assert_true(schedule_contains(&s, SECONDS_PER_WEEK - 1));
	assert_false(schedule_contains(&s, SECONDS_PER_WEEK));
	assert_int_equal(parse(f, "windows = { mon = [\"00:00-00:00\"]; };", &s), -1);
	assert_message_has(&f->d, "is empty");
}

/* Builds "windows = { mon = [ n windows of 10 min, 20 min apart ]; };". */
static void
many_windows(char *buf, size_t size, int n)
{
	size_t used = (size_t)snprintf(buf, size, "windows = {\n  mon = [");

	for (int i = 0; i < n; i++) {
		int m = i * 20;

		used += (size_t)snprintf(buf + used, size - used, "%s\"%02d:%02d-%02d:%02d\"",
		    i ? ", " : "", m / 60, m % 60, (m + 10) / 60, (m + 10) % 60);
	}
	snprintf(buf + used, size - used, "];\n};");
}

static void
test_windows_per_key_limit(void **state)
{
	struct fixture *f = *state;
	struct schedule s;
	char text[2048];

	many_windows(text, sizeof(text), 32);
	assert_int_equal(parse(f, text, &s), 0);
	assert_int_equal(s.n, 32);
	assert_iv(&s, 31, 31 * 1200, 31 * 1200 + 600);
	many_windows(text, sizeof(text), 33);
	assert_int_equal(parse(f, text, &s), -1);
	assert_int_equal(f->d.line, 2);
	assert_message_has(&f->d, "too many windows in 'mon' (at most 32");
}

static void
test_adjacent_windows_are_not_overlap(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	/* Half-open: 09:00–12:00 ends where 12:00–13:00 starts. */
	assert_int_equal(parse(f, "windows = { mon = [\"09:00-12:00\", \"12:00-13:00\"]; };", &s), 0);
	assert_int_equal(s.n, 1);
	assert_iv(&s, 0, H(9), H(13));
}

static void
test_spaces_around_dash(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { mon = [\" 09:00 - 12:00 \"]; };", &s), 0);
	assert_int_equal(s.n, 1);
	assert_iv(&s, 0, H(9), H(12));
}

static void
test_error_empty_window(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f,
	    "windows = {\n"
	    "  daily = [\"08:00-21:00\"];\n"
	    "  tue = [\"10:00-10:00\"];\n"
	    "};", &s), -1);
	assert_int_equal(f->d.line, 3);
	assert_message_has(&f->d, "\"10:00-10:00\" in 'tue' is empty");
}

static void
test_error_overlap(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f,
	    "windows = {\n"
	    "  mon = [\"09:00-12:00\", \"11:59-13:00\"];\n"
	    "};", &s), -1);
	assert_int_equal(f->d.line, 2);
	assert_message_has(&f->d, "windows in 'mon' overlap");
	assert_message_has(&f->d, "11:59-13:00");
}

static void
test_error_overlap_with_crossing_window(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	/* 22:00–02:00 and 23:00–01:00 both start on Monday and overlap. */
	assert_int_equal(parse(f,
	    "windows = {\n"
	    "\n"
	    "  weekdays = [\"22:00-02:00\", \"23:00-01:00\"];\n"
	    "};", &s), -1);
	assert_int_equal(f->d.line, 3);
	assert_message_has(&f->d, "overlap");
}

static void
test_error_bad_time(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f,
	    "windows = {\n"
	    "  daily = [\"25:00-26:00\"];\n"
	    "};", &s), -1);
	assert_int_equal(f->d.line, 2);
	assert_message_has(&f->d, "\"25:00-26:00\" in 'daily' is not HH:MM-HH:MM");
}

static void
test_error_bad_shapes(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { mon = [\"24:00-08:00\"]; };", &s), -1);
	assert_message_has(&f->d, "not HH:MM-HH:MM");
	assert_int_equal(parse(f, "windows = { mon = [\"08:00-24:01\"]; };", &s), -1);
	assert_message_has(&f->d, "not HH:MM-HH:MM");
	assert_int_equal(parse(f, "windows = { mon = [\"08:00\"]; };", &s), -1);
	assert_message_has(&f->d, "not HH:MM-HH:MM");
	assert_int_equal(parse(f, "windows = { mon = [\"8:00-9:00\"]; };", &s), -1);
	assert_message_has(&f->d, "not HH:MM-HH:MM");
	assert_int_equal(parse(f, "windows = { mon = [\"-09:00\"]; };", &s), -1);
	assert_message_has(&f->d, "not HH:MM-HH:MM");
}

static void
test_error_unknown_key_and_type(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f,
	    "windows = {\n"
	    "  daily = [\"08:00-21:00\"];\n"
	    "  monday = [\"08:00-21:00\"];\n"
	    "};", &s), -1);
	assert_int_equal(f->d.line, 3);
	assert_message_has(&f->d, "unknown key 'monday' in windows");
	assert_int_equal(parse(f,
	    "windows = {\n"
	    "  daily = 8;\n"
	    "};", &s), -1);
	assert_int_equal(f->d.line, 2);
	assert_message_has(&f->d, "'daily' in windows must be a list of strings");
	assert_int_equal(parse(f, "windows = [\"08:00-21:00\"];", &s), -1);
	assert_message_has(&f->d, "windows must be a group");
}

/*
 * A key every day overrides is never used, but a bad value in it is still
 * a mistake in the file: schedule_parse must not let it pass unseen (the
 * tool's rule is that nothing misspelt is silently ignored).
 */
static void
test_error_bad_window_in_shadowed_daily_key(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f,
	    "windows = {\n"
	    "  daily = [\"25:00-26:00\"];\n"
	    "  weekdays = [\"09:00-17:00\"];\n"
	    "  weekend = [];\n"
	    "};", &s), -1);
	assert_int_equal(f->d.line, 2);
	assert_message_has(&f->d, "25:00-26:00");
}

static void
test_contains_boundaries(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { daily = [\"08:00-21:00\"]; };", &s), 0);
	for (int wd = 0; wd < 7; wd++) {
		assert_false(schedule_contains(&s, DAY(wd) + H(8) - 1));  /* 07:59:59 */
		assert_true(schedule_contains(&s, DAY(wd) + H(8)));       /* 08:00:00 */
		assert_true(schedule_contains(&s, DAY(wd) + H(21) - 1));  /* 20:59:59 */
		assert_false(schedule_contains(&s, DAY(wd) + H(21)));     /* 21:00:00 */
	}
	assert_false(schedule_contains(&s, 0));
	assert_false(schedule_contains(&s, SECONDS_PER_WEEK - 1));
}

static void
test_contains_empty(void **state)
{
	struct fixture *f = *state;
	struct schedule s;

	assert_int_equal(parse(f, "windows = { daily = []; };", &s), 0);
	assert_int_equal(s.n, 0);
	assert_false(schedule_contains(&s, H(12)));
	assert_int_equal(schedule_total(&s), 0);
}

static void
test_subtract(void **state)
{
	struct fixture *f = *state;
	struct schedule a, b, out;
	char buf[512];

	assert_int_equal(parse(f, "windows = { daily = [\"08:00-21:00\"]; };", &a), 0);
	assert_int_equal(parse(f, "windows = { daily = [\"09:00-20:00\"]; };", &b), 0);
	schedule_subtract(&a, &b, f->arena, &out);
	assert_int_equal(out.n, 14);
	assert_iv(&out, 0, H(8), H(9));
	assert_iv(&out, 1, H(20), H(21));
	assert_iv(&out, 13, DAY(6) + H(20), DAY(6) + H(21));
	schedule_format(&out, buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Sun 08:00–09:00, 20:00–21:00");

	/* Nothing is left of a window the other covers; b minus a is empty. */
	schedule_subtract(&b, &a, f->arena, &out);
	assert_int_equal(out.n, 0);
	schedule_subtract(&a, &a, f->arena, &out);
	assert_int_equal(out.n, 0);
}

static void
test_subtract_one_second_over(void **state)
{
	struct fixture *f = *state;
	struct schedule permitted, campaign, out;
	char buf[512];

	assert_int_equal(parse(f, "windows = { daily = [\"08:00-21:00\"]; };", &permitted), 0);
	assert_int_equal(parse(f, "windows = { weekdays = [\"08:00-21:00:01\"]; };", &campaign), 0);
	schedule_subtract(&campaign, &permitted, f->arena, &out);
	assert_int_equal(out.n, 5);
	assert_iv(&out, 0, H(21), H(21) + 1);
	schedule_format(&out, buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Fri 21:00–21:00:01; Sat–Sun none");
}

static void
test_subtract_touching_crossing_window(void **state)
{
	struct fixture *f = *state;
	struct schedule night, day, out;

	/* Mon 21:00–Tue 08:00 only touches 08:00–21:00 at its ends. */
	assert_int_equal(parse(f, "windows = { mon = [\"21:00-08:00\"]; };", &night), 0);
	assert_int_equal(parse(f, "windows = { daily = [\"08:00-21:00\"]; };", &day), 0);
	schedule_subtract(&night, &day, f->arena, &out);
	assert_int_equal(out.n, 1);
	assert_iv(&out, 0, H(21), DAY(1) + H(8));
	schedule_subtract(&day, &night, f->arena, &out);
	assert_int_equal(out.n, 7);
}

static void
test_shift(void **state)
{
	struct fixture *f = *state;
	struct schedule utc, shifted, back;

	/* 00:00–13:00 UTC is 08:00–21:00 in Beijing. */
	assert_int_equal(parse(f, "windows = { daily = [\"00:00-13:00\"]; };", &utc), 0);
	schedule_shift(&utc, H(8), f->arena, &shifted);
	assert_int_equal(shifted.n, 7);
	for (int wd = 0; wd < 7; wd++)
		assert_iv(&shifted, (size_t)wd, DAY(wd) + H(8), DAY(wd) + H(21));
	schedule_shift(&shifted, -H(8), f->arena, &back);
	assert_int_equal(back.n, 7);
	for (int wd = 0; wd < 7; wd++)
		assert_iv(&back, (size_t)wd, DAY(wd), DAY(wd) + H(13));
}

static void
test_shift_negative_wraps(void **state)
{
	struct fixture *f = *state;
	struct schedule s, out;

	/* Monday 08:00–21:00 moved 9 h earlier starts on Sunday 23:00. */
	assert_int_equal(parse(f, "windows = { mon = [\"08:00-21:00\"]; };", &s), 0);
	schedule_shift(&s, -H(9), f->arena, &out);
	assert_int_equal(out.n, 2);
	assert_iv(&out, 0, 0, H(12));
	assert_iv(&out, 1, DAY(6) + H(23), SECONDS_PER_WEEK);
	assert_true(schedule_contains(&out, SECONDS_PER_WEEK - 1));
	assert_false(schedule_contains(&out, DAY(6) + H(23) - 1));
	assert_int_equal(schedule_total(&out), H(13));
}

static void
test_shift_positive_wraps_and_whole_week(void **state)
{
	struct fixture *f = *state;
	struct schedule s, out;

	/* Sunday 20:00–23:00 moved 2 h later ends on Monday 01:00. */
	assert_int_equal(parse(f, "windows = { sun = [\"20:00-23:00\"]; };", &s), 0);
	schedule_shift(&s, H(2), f->arena, &out);
	assert_int_equal(out.n, 2);
	assert_iv(&out, 0, 0, H(1));
	assert_iv(&out, 1, DAY(6) + H(22), SECONDS_PER_WEEK);
	schedule_shift(&s, SECONDS_PER_WEEK, f->arena, &out);
	assert_int_equal(out.n, 1);
	assert_iv(&out, 0, DAY(6) + H(20), DAY(6) + H(23));
	schedule_shift(&s, -SECONDS_PER_WEEK, f->arena, &out);
	assert_int_equal(out.n, 1);
	assert_iv(&out, 0, DAY(6) + H(20), DAY(6) + H(23));
}

static void
test_from_intervals_merges(void **state)
{
	struct fixture *f = *state;
	struct schedule s;
	const struct sched_iv in[] = {
		{ H(14), H(16) }, { H(9), H(12) }, { H(11), H(13) }, { H(13), H(14) },
		{ H(20), H(20) }, /* empty: dropped */
		{ DAY(6) + H(23), DAY(7) + H(1) }, /* wraps */
	};

	schedule_from_intervals(in, sizeof(in) / sizeof(in[0]), f->arena, &s);
	assert_int_equal(s.n, 3);
	assert_iv(&s, 0, 0, H(1));
	assert_iv(&s, 1, H(9), H(16));
	assert_iv(&s, 2, DAY(6) + H(23), SECONDS_PER_WEEK);
}

static void
test_drop_days(void **state)
{
	struct fixture *f = *state;
	struct schedule s, out;
	char buf[512];

	assert_int_equal(parse(f, "windows = { daily = [\"21:00-08:00\"]; };", &s), 0);
	/* Without Tuesday, Monday's window stops at midnight and Tuesday's is gone. */
	schedule_drop_days(&s, 1u << 1, f->arena, &out);
	schedule_format(&out, buf, sizeof(buf));
	assert_string_equal(buf, "Mon 00:00–08:00, 21:00–24:00; Tue none; "
	    "Wed–Sun 00:00–08:00, 21:00–24:00");
}

static void
test_format_grouping(void **state)
{
	struct fixture *f = *state;
	struct schedule s;
	char buf[512];

	assert_int_equal(parse(f,
	    "windows = { weekdays = [\"09:00-20:00\"]; sat = [\"09:00-17:00\"]; };", &s), 0);
	schedule_format(&s, buf, sizeof(buf));
	assert_string_equal(buf, "Mon–Fri 09:00–20:00; Sat 09:00–17:00; Sun none");
	schedule_format_day(&s, 6, buf, sizeof(buf));
	assert_string_equal(buf, "none");
	schedule_format_day(&s, 5, buf, sizeof(buf));
	assert_string_equal(buf, "09:00–17:00");
	schedule_format_iv(&s.iv[0], buf, sizeof(buf));
	assert_string_equal(buf, "Mon 09:00–20:00");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_daily),
		T(test_precedence),
		T(test_precedence_daily_fills_unnamed),
		T(test_days_not_named_have_no_window),
		T(test_midnight_crossing),
		T(test_midnight_crossing_sunday_wraps),
		T(test_midnight_crossing_daily),
		T(test_to_24),
		T(test_windows_per_key_limit),
		T(test_adjacent_windows_are_not_overlap),
		T(test_spaces_around_dash),
		T(test_error_empty_window),
		T(test_error_overlap),
		T(test_error_overlap_with_crossing_window),
		T(test_error_bad_time),
		T(test_error_bad_shapes),
		T(test_error_unknown_key_and_type),
		T(test_error_bad_window_in_shadowed_daily_key),
		T(test_contains_boundaries),
		T(test_contains_empty),
		T(test_subtract),
		T(test_subtract_one_second_over),
		T(test_subtract_touching_crossing_window),
		T(test_shift),
		T(test_shift_negative_wraps),
		T(test_shift_positive_wraps_and_whole_week),
		T(test_from_intervals_merges),
		T(test_drop_days),
		T(test_format_grouping),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
