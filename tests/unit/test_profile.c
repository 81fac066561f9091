/* Unit tests for profile: the built-in profiles, extends, and every load error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "profile.h"
#include "schedule.h"
#include "util/regex.h"
#include "util/timeutil.h"
#include "util/tz.h"

#define PROFILES TEST_DATA_DIR "/unit/profiles/"
#define H(x) ((int32_t)(x) * 3600)
#define DAY(wd) ((int32_t)(wd) * SECONDS_PER_DAY)

/* Zones stay cached across tests; freed once at the end for LeakSanitizer. */
static int
group_teardown(void **state)
{
	(void)state;
	tz_cache_clear();
	return 0;
}

/* Line (from 1) of the first line of path containing needle, or 0. */
static int
find_line(const char *path, const char *needle)
{
	FILE *fp = fopen(path, "r");
	char buf[4096];
	int line = 0, found = 0;

	if (fp == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(buf, sizeof(buf), fp) != NULL) {
		line++;
		if (strstr(buf, needle) != NULL) {
			found = line;
			break;
		}
	}
	fclose(fp);
	if (found == 0)
		fail_msg("%s has no line with \"%s\"", path, needle);
	return found;
}

static void
assert_has(const char *s, const char *phrase)
{
	if (s == NULL || strstr(s, phrase) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", s != NULL ? s : "(null)", phrase);
}

static void
assert_ends_with(const char *s, const char *suffix)
{
	size_t ls = s != NULL ? strlen(s) : 0, lx = strlen(suffix);

	if (s == NULL || ls < lx || strcmp(s + ls - lx, suffix) != 0)
		fail_msg("\"%s\" does not end with \"%s\"", s != NULL ? s : "(null)", suffix);
}

static struct profile *
load_ok(const char *what)
{
	struct profile *p = NULL;
	struct diag d;

	memset(&d, 0, sizeof(d));
	if (profile_load(what, &p, &d) != 0)
		fail_msg("profile_load(%s): %s:%d: %s", what, d.file, d.line, d.message);
	assert_non_null(p);
	return p;
}

/*
 * Loads a profile that must fail, and checks the whole diagnosis: the file
 * (errfile, or the loaded file when NULL), the line (line; 0: the line of
 * the "<- error" marker in that file; -1: no line) and a phrase of the
 * message.
 */
static void
assert_fails_at(const char *path, const char *errfile, int line, const char *phrase)
{
	struct profile *p = NULL;
	struct diag d;

	memset(&d, 0, sizeof(d));
	if (errfile == NULL)
		errfile = path;
	if (line == 0)
		line = find_line(errfile, "<- error");
	else if (line < 0)
		line = 0;
	if (profile_load(path, &p, &d) != -1)
		fail_msg("profile_load(%s) succeeded", path);
	assert_null(p);
	assert_string_equal(d.file, errfile);
	if (d.line != line)
		fail_msg("%s: error at line %d, expected %d (%s)", path, d.line, line, d.message);
	assert_has(d.message, phrase);
}

static void
assert_fails(const char *name, const char *phrase)
{
	char path[1024];

	snprintf(path, sizeof(path), PROFILES "%s.cfg", name);
	assert_fails_at(path, NULL, 0, phrase);
}

static void
assert_daily(const struct schedule *s, int32_t from, int32_t to)
{
	assert_int_equal(s->n, 7);
	for (int wd = 0; wd < 7; wd++) {
		assert_int_equal(s->iv[wd].start, DAY(wd) + from);
		assert_int_equal(s->iv[wd].end, DAY(wd) + to);
	}
}

static void
assert_cite_at(const struct citation *c, const char *path, const char *group_line)
{
	assert_non_null(c->source);
	assert_string_equal(c->file, path);
	assert_int_equal(c->line, find_line(path, group_line));
}

/* ---- built-in profiles --------------------------------------------------- */

static void
test_builtin_cn(void **state)
{
	struct profile *p = load_ok("cn");
	const char *path = TEST_PROFILE_DIR "/cn.cfg";

	(void)state;
	assert_string_equal(p->id, "cn");
	assert_string_equal(p->jurisdiction, "CN");
	assert_null(p->extends);
	assert_ends_with(p->path, "/cn.cfg");
	assert_true(p->nsources > 0);
	assert_string_equal(p->timezone, "Asia/Shanghai");
	assert_int_equal(p->nzones, 1);
	assert_string_equal(p->zones[0], "Asia/Shanghai");
	assert_string_equal(p->numbering.country_code, "86");
	assert_string_equal(p->numbering.trunk_prefix, "0");
	assert_string_equal(p->numbering.international_prefix, "00");
	assert_int_equal(p->numbering.max_national_length, 11);

	assert_true(p->hours.set);
	assert_daily(&p->hours.windows, H(8), H(21));
	assert_int_equal(p->hours.barred_days, 0);
	assert_non_null(p->hours.calendar);
	assert_string_equal(p->hours.calendar_id, "cn");
	assert_false(p->hours.holidays_barred);
	assert_int_equal(p->hours.workday_as, -1);
	assert_int_equal(p->hours.cite.standing, STANDING_CARRIER_PRACTICE);
	assert_true(p->hours.cite.confirmed);
	assert_ends_with(p->hours.cite.file, "/cn.cfg");
	assert_int_equal(p->hours.cite.line, find_line(path, "calling_hours = {"));

	assert_int_equal(p->nfrequency, 2);
	assert_int_equal(p->frequency[0].calls, 5);
	assert_int_equal(p->frequency[0].window, 86400);
	assert_false(p->frequency[0].calendar_day);
	assert_int_equal(p->frequency[1].calls, 3);
	assert_int_equal(p->frequency[1].window, 300);
	assert_false(p->frequency[1].calendar_day);

	assert_true(p->consent.set);
	assert_int_equal(p->consent.purposes, 1u << PURPOSE_MARKETING);
	assert_true(p->wait_after_refusal.set);
	assert_true(p->wait_after_refusal.forever);
	assert_true(p->caller_id.set);
	assert_true(p->caller_id.required);
	assert_false(p->caller_id.cite.confirmed);
	assert_int_equal(p->caller_id.cite.standing, STANDING_GUIDANCE);
	assert_int_equal(regex_list_count(p->caller_id.allowed), 0);
	assert_int_equal(regex_list_count(p->caller_id.inbound_only), 1);
	assert_true(p->call_purpose.set);
	assert_int_equal(p->call_purpose.forbidden, 1u << PURPOSE_MARKETING);
	assert_int_equal(p->call_purpose.nlicence_types, 1);
	assert_string_equal(p->call_purpose.licence_types[0], "B07");
	assert_true(p->retention.set);
	assert_int_equal(p->retention.days, 30);
	assert_true(p->capacity.set);
	assert_int_equal(p->capacity.per_caller_number, 1);
	assert_true(p->blocked_destinations.set);
	assert_int_equal(regex_list_count(p->blocked_destinations.patterns), 2);
	assert_true(p->licence_renewal.set);
	assert_int_equal(p->licence_renewal.lead_days, 90);

	/* cn sets none of these. */
	assert_false(p->ring_time.set);
	assert_false(p->abandon_rate.set);
	assert_false(p->abandon_message.set);
	assert_false(p->recall_after_abandon.set);
	assert_false(p->dnc.set);
	profile_free(p);
}

static void
test_builtin_us(void **state)
{
	struct profile *p = load_ok("us");
	const char *path = TEST_PROFILE_DIR "/us.cfg";

	(void)state;
	assert_string_equal(p->id, "us");
	assert_string_equal(p->jurisdiction, "US");
	assert_true(p->nsources > 0);
	assert_string_equal(p->timezone, "America/New_York");
	assert_int_equal(p->nzones, 9);
	assert_string_equal(p->zones[0], "America/New_York");
	assert_string_equal(p->zones[7], "Pacific/Honolulu");
	assert_string_equal(p->zones[8], "America/Puerto_Rico");
	assert_string_equal(p->numbering.country_code, "1");
	assert_string_equal(p->numbering.trunk_prefix, "1");
	assert_string_equal(p->numbering.international_prefix, "011");
	assert_int_equal(p->numbering.max_national_length, 10);

	assert_true(p->hours.set);
	assert_daily(&p->hours.windows, H(8), H(21));
	assert_null(p->hours.calendar);
	assert_false(p->hours.holidays_barred);
	assert_int_equal(p->hours.cite.standing, STANDING_LAW);
	assert_false(p->hours.cite.confirmed);

	assert_true(p->abandon_rate.set);
	assert_true(p->abandon_rate.max_percent == 3.0);
	assert_int_equal(p->abandon_rate.window, 30 * 86400);
	assert_false(p->abandon_rate.calendar_day);
	assert_int_equal(p->abandon_rate.denominator, DENOM_LIVE_ANSWERED);
	assert_true(p->abandon_rate.cite.confirmed);
	assert_cite_at(&p->abandon_rate.cite, path, "abandon_rate = {");
	assert_true(p->abandon_message.set);
	assert_true(p->abandon_message.max_seconds == 2.0);
	assert_true(p->abandon_message.required);
	assert_true(p->ring_time.set);
	assert_int_equal(p->ring_time.min_seconds, 15);
	assert_cite_at(&p->ring_time.cite, path, "ring_time = {");
	assert_true(p->dnc.set);
	assert_true(p->dnc.scrub_required);
	assert_int_equal(p->dnc.max_list_age_days, 31);
	assert_true(p->wait_after_refusal.set);
	assert_false(p->wait_after_refusal.forever);
	assert_int_equal(p->wait_after_refusal.days, 1827);
	assert_true(p->caller_id.set);
	assert_true(p->caller_id.required);
	assert_true(p->consent.set);
	assert_int_equal(p->consent.purposes, 1u << PURPOSE_MARKETING);
	assert_int_equal(regex_list_count(p->blocked_destinations.patterns), 3);

	assert_int_equal(p->nfrequency, 0);
	assert_false(p->retention.set);
	assert_false(p->licence_renewal.set);
	assert_false(p->capacity.set);
	assert_false(p->call_purpose.set);
	profile_free(p);
}

static void
test_builtin_by_path(void **state)
{
	struct profile *p = load_ok(TEST_PROFILE_DIR "/cn.cfg");

	(void)state;
	assert_string_equal(p->id, "cn");
	assert_string_equal(p->path, TEST_PROFILE_DIR "/cn.cfg");
	profile_free(p);
}

static void
test_unknown_id(void **state)
{
	struct profile *p = NULL;
	struct diag d;

	(void)state;
	memset(&d, 0, sizeof(d));
	assert_int_equal(profile_load("no-such-profile", &p, &d), -1);
	assert_null(p);
	assert_int_equal(d.line, 0);
	assert_has(d.message, "unknown profile 'no-such-profile'");
	memset(&d, 0, sizeof(d));
	assert_int_equal(profile_load("Bad Id", &p, &d), -1);
	assert_has(d.message, "'Bad Id' is not a profile id");
}

/* ---- extends ------------------------------------------------------------- */

static void
test_extends_child(void **state)
{
	struct profile *p = load_ok(PROFILES "child.cfg");
	const char *child = PROFILES "child.cfg", *parent = PROFILES "parent.cfg";

	(void)state;
	/* Identity is the child's. */
	assert_string_equal(p->id, "child");
	assert_string_equal(p->name, "Unit test child");
	assert_string_equal(p->jurisdiction, "XX-1");
	assert_string_equal(p->review_date, "2027-01-31");
	assert_string_equal(p->extends, "parent");
	assert_string_equal(p->path, child);
	/* Sources accumulate, parent first. */
	assert_int_equal(p->nsources, 2);
	assert_string_equal(p->sources[0], "Parent act, s. 1");
	assert_string_equal(p->sources[1], "Child regulation, art. 1");
	/* Top-level keys the child leaves out are the parent's. */
	assert_string_equal(p->timezone, "Asia/Shanghai");
	assert_string_equal(p->numbering.country_code, "86");
	assert_string_equal(p->numbering.trunk_prefix, "0");
	assert_int_equal(p->numbering.max_national_length, 11);

	/* Groups the child sets are the child's, with the child's citation. */
	assert_int_equal(p->ring_time.min_seconds, 20);
	assert_string_equal(p->ring_time.cite.source, "Child regulation, art. 4");
	assert_int_equal(p->ring_time.cite.standing, STANDING_GUIDANCE);
	assert_cite_at(&p->ring_time.cite, child, "ring_time = {");
	assert_int_equal(p->hours.windows.n, 5);
	for (int wd = 0; wd < 5; wd++) {
		assert_int_equal(p->hours.windows.iv[wd].start, DAY(wd) + H(9));
		assert_int_equal(p->hours.windows.iv[wd].end, DAY(wd) + H(20));
	}
	assert_cite_at(&p->hours.cite, child, "calling_hours = {");
	/* frequency is replaced as a whole list. */
	assert_int_equal(p->nfrequency, 1);
	assert_int_equal(p->frequency[0].calls, 2);
	assert_true(p->frequency[0].calendar_day);
	assert_int_equal(p->frequency[0].window, 86400);
	assert_string_equal(p->frequency[0].cite.file, child);

	/* A group the child does not mention is the parent's, citation and all. */
	assert_true(p->retention.set);
	assert_int_equal(p->retention.days, 30);
	assert_string_equal(p->retention.cite.source, "Parent act, s. 5");
	assert_false(p->retention.cite.confirmed);
	assert_string_equal(p->retention.cite.note, "parent note");
	assert_cite_at(&p->retention.cite, parent, "retention = {");
	profile_free(p);
}

static void
test_extends_parent_alone(void **state)
{
	struct profile *p = load_ok(PROFILES "parent.cfg");

	(void)state;
	/* Loading the child must not have changed what the parent says. */
	assert_string_equal(p->id, "parent");
	assert_int_equal(p->ring_time.min_seconds, 15);
	assert_int_equal(p->nsources, 1);
	assert_daily(&p->hours.windows, H(8), H(21));
	assert_int_equal(p->nfrequency, 1);
	assert_int_equal(p->frequency[0].window, 86400);
	assert_false(p->frequency[0].calendar_day);
	profile_free(p);
}

static void
test_extends_child_barred_days(void **state)
{
	struct profile *p = load_ok(PROFILES "child-barred.cfg");

	(void)state;
	/* Barred weekdays are removed from the windows, dates are kept apart. */
	assert_int_equal(p->hours.windows.n, 6);
	for (int wd = 0; wd < 6; wd++) {
		assert_int_equal(p->hours.windows.iv[wd].start, DAY(wd) + H(8));
		assert_int_equal(p->hours.windows.iv[wd].end, DAY(wd) + H(21));
	}
	assert_int_equal(p->hours.barred_days, 1u << 6);
	assert_int_equal(p->hours.nbarred_dates, 1);
	assert_int_equal(p->hours.barred_dates[0], days_from_civil(2026, 10, 1));
	assert_string_equal(p->hours.cite.source, "Child regulation, art. 5");
	/* A child may add no sources of its own. */
	assert_int_equal(p->nsources, 1);
	profile_free(p);
}

static void
test_extends_by_relative_path(void **state)
{
	struct profile *p;

	(void)state;
	/* The test runs in the build tree: "./parent.cfg" only resolves
	 * relative to the child's folder. */
	p = load_ok(PROFILES "child-by-path.cfg");
	assert_string_equal(p->id, "child-by-path");
	assert_string_equal(p->extends, "./parent.cfg");
	assert_int_equal(p->ring_time.min_seconds, 15);
	assert_string_equal(p->ring_time.cite.file, PROFILES "./parent.cfg");
	assert_int_equal(p->nsources, 1);
	profile_free(p);
}

static void
test_extends_child_group_needs_own_windows(void **state)
{
	(void)state;
	/* The child's calling_hours replaces the parent's whole: no windows are
	 * inherited into it. */
	assert_fails("child-nowindows", "calling_hours has no 'windows'");
}

static void
test_extends_builtin_us(void **state)
{
	struct profile *us = load_ok("us");
	struct profile *p = load_ok(PROFILES "us-state.cfg");

	(void)state;
	assert_string_equal(p->id, "us-xx");
	assert_string_equal(p->extends, "us");
	assert_daily(&p->hours.windows, H(8), H(20));
	assert_string_equal(p->hours.cite.source, "State telemarketing act, s. 2");
	assert_int_equal(p->ring_time.min_seconds, 15);
	assert_ends_with(p->ring_time.cite.file, "/us.cfg");
	assert_true(p->abandon_rate.set);
	/* us's sources, then the state's own. */
	assert_int_equal(p->nsources, us->nsources + 1);
	for (size_t i = 0; i < us->nsources; i++)
		assert_string_equal(p->sources[i], us->sources[i]);
	assert_string_equal(p->sources[us->nsources], "State telemarketing act, s. 1");
	assert_int_equal(p->nzones, 9);
	assert_string_equal(p->timezone, "America/New_York");
	assert_string_equal(p->numbering.international_prefix, "011");
	profile_free(p);
	profile_free(us);
}

static void
test_extends_id_not_inherited(void **state)
{
	(void)state;
	assert_fails_at(PROFILES "child-noid.cfg", NULL, 1,
	    "a profile needs id, name, jurisdiction and review_date");
}

static void
test_extends_loop(void **state)
{
	(void)state;
	/* The error names the extends that closes the loop, in loop-b.cfg. */
	assert_fails_at(PROFILES "loop-a.cfg", PROFILES "loop-b.cfg", 0,
	    "extends \"loop-a\": 'extends' loops back to this profile");
}

static void
test_extends_missing(void **state)
{
	(void)state;
	assert_fails("bad-extends-missing",
	    "extends \"no-such-parent\": unknown profile 'no-such-parent'");
}

/*
 * docs/profiles.md (extends): "A limit group the child sets replaces the
 * parent's group whole: a key the child leaves out takes its default, never
 * the parent's value". child-regroup.cfg sets these groups again with only
 * their required keys.
 */
static void
test_extends_regroup_calling_hours_optional_keys_take_defaults(void **state)
{
	struct profile *p = load_ok(PROFILES "child-regroup.cfg");

	(void)state;
	assert_daily(&p->hours.windows, H(9), H(18));
	assert_string_equal(p->hours.cite.source, "Child regulation, art. 1");
	/* holidays: default none; holidays_barred: default false; workdays_as:
	 * the day's own weekday; barred_days: none. */
	assert_null(p->hours.calendar);
	assert_false(p->hours.holidays_barred);
	assert_int_equal(p->hours.workday_as, -1);
	assert_int_equal(p->hours.nbarred_dates, 0);
	profile_free(p);
}

static void
test_extends_regroup_caller_id_optional_keys_take_defaults(void **state)
{
	struct profile *p = load_ok(PROFILES "child-regroup.cfg");

	(void)state;
	assert_string_equal(p->caller_id.cite.source, "Child regulation, art. 2");
	/* required: default false; allowed, forbidden, inbound_only: none. */
	assert_false(p->caller_id.required);
	assert_int_equal(regex_list_count(p->caller_id.allowed), 0);
	assert_int_equal(regex_list_count(p->caller_id.forbidden), 0);
	assert_int_equal(regex_list_count(p->caller_id.inbound_only), 0);
	profile_free(p);
}

static void
test_extends_regroup_dnc_optional_keys_take_defaults(void **state)
{
	struct profile *p = load_ok(PROFILES "child-regroup.cfg");

	(void)state;
	assert_string_equal(p->dnc.cite.source, "Child regulation, art. 3");
	/* scrub_required: default false; max_list_age_days: no limit. */
	assert_false(p->dnc.scrub_required);
	assert_int_equal(p->dnc.max_list_age_days, 0);
	profile_free(p);
}

/* ---- every invalid profile fails at the right file and line -------------- */

static void
test_err_unknown_top_key(void **state)
{
	(void)state;
	assert_fails("bad-unknown-top", "unknown key 'calling_hour' in a profile");
}

static void
test_err_unknown_key_in_group(void **state)
{
	(void)state;
	assert_fails("bad-unknown-in-group", "unknown key 'max_seconds' in ring_time");
}

static void
test_err_group_wrong_type(void **state)
{
	(void)state;
	assert_fails("bad-ring-type", "'ring_time' in a profile must be a group");
}

static void
test_err_calls_wrong_type(void **state)
{
	(void)state;
	assert_fails("bad-calls-type", "'calls' in a frequency limit must be an integer");
}

static void
test_err_calls_negative(void **state)
{
	(void)state;
	assert_fails("bad-calls-negative", "'calls' is -1; it must be between 1 and");
}

static void
test_err_calls_zero(void **state)
{
	(void)state;
	assert_fails("bad-calls-zero", "'calls' is 0; it must be between 1 and");
}

static void
test_err_window_bad_time(void **state)
{
	(void)state;
	assert_fails("bad-window-time", "window \"25:00-26:00\" in 'weekend' is not HH:MM-HH:MM");
}

static void
test_err_window_empty(void **state)
{
	(void)state;
	assert_fails("bad-window-empty", "window \"10:00-10:00\" in 'sat' is empty");
}

static void
test_err_window_overlap(void **state)
{
	(void)state;
	assert_fails("bad-window-overlap", "windows in 'mon' overlap: \"11:00-13:00\"");
}

static void
test_err_hours_all_barred(void **state)
{
	(void)state;
	assert_fails("bad-hours-all-barred", "calling_hours permits no calling time at all");
}

static void
test_err_group_without_source(void **state)
{
	(void)state;
	assert_fails("bad-no-source", "retention has no 'source'");
}

static void
test_err_group_without_standing(void **state)
{
	(void)state;
	assert_fails("bad-no-standing", "capacity has no 'standing'");
}

static void
test_err_bad_standing(void **state)
{
	(void)state;
	assert_fails("bad-standing",
	    "'standing' is \"statute\"; expected law, guidance or carrier-practice");
}

static void
test_err_frequency_window_and_per(void **state)
{
	(void)state;
	assert_fails("bad-frequency-window-and-per",
	    "one of a rolling 'window', per = \"day\" or 'days'");
	assert_fails("bad-frequency-window-and-days",
	    "one of a rolling 'window', per = \"day\" or 'days'");
}

static void
test_err_zone_table_missing(void **state)
{
	(void)state;
	assert_fails("bad-zone-table-missing", "zone table 'atlantis' not found");
}

/* days = N, a zone table by name (the built-in nanp), wait_after_conversation
 * and recall_after_machine. */
static void
test_calendar_days_and_zone_table(void **state)
{
	struct profile *p = NULL;
	struct diag d = { 0 };
	const struct tz_zone *const *zones;
	size_t n;

	(void)state;
	if (profile_load(PROFILES "calendar-days.cfg", &p, &d) != 0)
		fail_msg("%s:%d: %s", d.file, d.line, d.message);
	assert_int_equal(p->nfrequency, 1);
	assert_int_equal(p->frequency[0].days, 7);
	assert_false(p->frequency[0].calendar_day);
	assert_int_equal(p->frequency[0].window, 7 * 86400);
	assert_true(p->wait_after_conversation.set);
	assert_int_equal(p->wait_after_conversation.days, 7);
	assert_true(p->recall_after_machine.set);
	assert_int_equal(p->recall_after_machine.hours, 24);
	assert_true(p->recall_after_machine.live_agent_exempt);
	assert_true(p->nzone_map > 400);
	profile_zone_tzs(p, "12125550101", &zones, &n);
	assert_int_equal(n, 1);
	assert_string_equal(tz_name(zones[0]), "America/New_York");
	profile_zone_tzs(p, "16025550101", &zones, &n);
	assert_int_equal(n, 2); /* Arizona: Phoenix and Denver */
	profile_free(p);
}

static void
test_err_unknown_purpose(void **state)
{
	(void)state;
	assert_fails("bad-purpose", "unknown call purpose \"telesales\"");
}

static void
test_err_bad_regex(void **state)
{
	(void)state;
	assert_fails("bad-regex", "pattern \"(\" does not compile");
}

static void
test_err_unknown_timezone(void **state)
{
	(void)state;
	assert_fails("bad-timezone", "unknown time zone 'Mars/Base'");
}

static void
test_err_review_date(void **state)
{
	(void)state;
	assert_fails("bad-review-date", "'review_date' = \"2026-02-30\" is not a date");
}

static void
test_err_missing_id(void **state)
{
	(void)state;
	assert_fails_at(PROFILES "bad-no-id.cfg", NULL, 1,
	    "a profile needs id, name, jurisdiction and review_date");
}

static void
test_err_missing_timezone(void **state)
{
	(void)state;
	assert_fails_at(PROFILES "bad-no-timezone.cfg", NULL, 1, "sets no 'timezone'");
}

static void
test_err_missing_sources(void **state)
{
	(void)state;
	assert_fails_at(PROFILES "bad-no-sources.cfg", NULL, 1, "needs a non-empty 'sources' list");
}

static void
test_err_syntax(void **state)
{
	(void)state;
	assert_fails("bad-syntax", "libconfig syntax error");
}

static void
test_err_directory(void **state)
{
	(void)state;
	assert_fails_at(TEST_DATA_DIR "/unit/profiles", NULL, -1, "is a directory");
}

static void
test_err_missing_file(void **state)
{
	(void)state;
	assert_fails_at(PROFILES "does-not-exist.cfg", NULL, -1,
	    "cannot open: No such file or directory");
}

int
main(void)
{
	/* Built-in ids are found through DIALAUDIT_PROFILE_DIR; ctest sets it,
	 * a direct run gets the source tree's. */
	setenv("DIALAUDIT_PROFILE_DIR", TEST_PROFILE_DIR, 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_cn),
		cmocka_unit_test(test_builtin_us),
		cmocka_unit_test(test_builtin_by_path),
		cmocka_unit_test(test_unknown_id),
		cmocka_unit_test(test_extends_child),
		cmocka_unit_test(test_extends_parent_alone),
		cmocka_unit_test(test_extends_child_barred_days),
		cmocka_unit_test(test_extends_by_relative_path),
		cmocka_unit_test(test_extends_child_group_needs_own_windows),
		cmocka_unit_test(test_extends_builtin_us),
		cmocka_unit_test(test_extends_id_not_inherited),
		cmocka_unit_test(test_extends_loop),
		cmocka_unit_test(test_extends_missing),
		cmocka_unit_test(test_extends_regroup_calling_hours_optional_keys_take_defaults),
		cmocka_unit_test(test_extends_regroup_caller_id_optional_keys_take_defaults),
		cmocka_unit_test(test_extends_regroup_dnc_optional_keys_take_defaults),
		cmocka_unit_test(test_err_unknown_top_key),
		cmocka_unit_test(test_err_unknown_key_in_group),
		cmocka_unit_test(test_err_group_wrong_type),
		cmocka_unit_test(test_err_calls_wrong_type),
		cmocka_unit_test(test_err_calls_negative),
		cmocka_unit_test(test_err_calls_zero),
		cmocka_unit_test(test_err_window_bad_time),
		cmocka_unit_test(test_err_window_empty),
		cmocka_unit_test(test_err_window_overlap),
		cmocka_unit_test(test_err_hours_all_barred),
		cmocka_unit_test(test_err_group_without_source),
		cmocka_unit_test(test_err_group_without_standing),
		cmocka_unit_test(test_err_bad_standing),
		cmocka_unit_test(test_err_frequency_window_and_per),
		cmocka_unit_test(test_err_zone_table_missing),
		cmocka_unit_test(test_calendar_days_and_zone_table),
		cmocka_unit_test(test_err_unknown_purpose),
		cmocka_unit_test(test_err_bad_regex),
		cmocka_unit_test(test_err_unknown_timezone),
		cmocka_unit_test(test_err_review_date),
		cmocka_unit_test(test_err_missing_id),
		cmocka_unit_test(test_err_missing_timezone),
		cmocka_unit_test(test_err_missing_sources),
		cmocka_unit_test(test_err_syntax),
		cmocka_unit_test(test_err_directory),
		cmocka_unit_test(test_err_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
