/* Unit tests for the config rules: each check function at its exact boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <libconfig.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/rules.h"
#include "diag.h"
#include "finding.h"
#include "model.h"
#include "profile.h"
#include "schedule.h"
#include "util/arena.h"
#include "util/timeutil.h"
#include "util/tz.h"

#define PROFILES TEST_DATA_DIR "/unit/profiles/"
#define CAMPAIGN_PATH "campaigns/probe.cfg"
#define CAMPAIGN_LINE 10
/* Every setting of a test campaign is "on" line 100 + its index, so a
 * finding's line tells which setting it points at. */
#define LINE_OF(cs) (100 + (int)(cs))

struct fx {
	struct model m;
	struct profile *p;
	struct findings f;
	struct check_ctx ctx;
	struct licence lic;
};

static struct fx *
fx_new(const char *profile)
{
	struct fx *x = calloc(1, sizeof(*x));
	struct diag d;

	memset(&d, 0, sizeof(d));
	if (profile_load(profile, &x->p, &d) != 0)
		fail_msg("profile_load(%s): %s:%d: %s", profile, d.file, d.line, d.message);
	model_init(&x->m);
	findings_init(&x->f);
	x->ctx.profile = x->p;
	x->ctx.licence = NULL;
	x->ctx.campaigns = &x->m.campaigns;
	x->ctx.today = days_from_civil(2026, 11, 28);
	x->ctx.show_numbers = false;
	x->ctx.out = &x->f;
	x->ctx.scratch = arena_new();
	x->lic.path = "licence.cfg";
	x->lic.line = 1;
	x->lic.number = "B2-TEST-0001";
	x->lic.type = "B07";
	x->lic.expires = days_from_civil(2030, 12, 31);
	x->lic.expires_line = 7;
	x->lic.capacity_line = 8;
	return x;
}

static int
setup_cn(void **state)
{
	*state = fx_new("cn");
	return 0;
}

static int
setup_us(void **state)
{
	*state = fx_new("us");
	return 0;
}

static int
setup_rules(void **state)
{
	*state = fx_new(PROFILES "rules.cfg");
	return 0;
}

static int
setup_holidays_barred(void **state)
{
	*state = fx_new(PROFILES "parent-full.cfg");
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;

	findings_free(&x->f);
	profile_free(x->p);
	model_free(&x->m);
	arena_free(x->ctx.scratch);
	free(x);
	return 0;
}

/* Zones stay cached across tests (building a table takes a while); the
 * cache is freed once, at the end, so that LeakSanitizer sees nothing. */
static int
group_teardown(void **state)
{
	(void)state;
	tz_cache_clear();
	return 0;
}

/* A campaign with every setting unset, each setting on its own line. */
static struct campaign *
campaign(struct fx *x, const char *name)
{
	struct campaign *c = model_add_campaign(&x->m, name, CAMPAIGN_PATH);

	c->line[CS_CAMPAIGN] = CAMPAIGN_LINE;
	for (int cs = 1; cs < CS__COUNT; cs++)
		c->line[cs] = LINE_OF(cs);
	return c;
}

static char **
strings(struct fx *x, const char *const *v, size_t n)
{
	char **out = arena_alloc(x->m.arena, sizeof(char *) * (n + 1));

	for (size_t i = 0; i < n; i++)
		out[i] = arena_strdup(x->m.arena, v[i]);
	return out;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define CALLER_IDS(x, c, ...) do { \
	static const char *const ids_[] = { __VA_ARGS__ }; \
	(c)->caller_ids = strings((x), ids_, NELEM(ids_)); \
	(c)->ncaller_ids = NELEM(ids_); \
} while (0)
#define LICENCE_NUMBERS(x, ...) do { \
	static const char *const nums_[] = { __VA_ARGS__ }; \
	(x)->lic.caller_numbers = strings((x), nums_, NELEM(nums_)); \
	(x)->lic.ncaller_numbers = NELEM(nums_); \
} while (0)

/* Campaign windows as a campaign file writes them, e.g. "daily = [\"08:00-21:00\"];". */
static void
windows(struct fx *x, struct campaign *c, const char *body)
{
	char text[512];
	config_t cfg;
	struct diag d;

	snprintf(text, sizeof(text), "windows = { %s };", body);
	config_init(&cfg);
	if (config_read_string(&cfg, text) != CONFIG_TRUE)
		fail_msg("bad test windows: %s", config_error_text(&cfg));
	memset(&d, 0, sizeof(d));
	if (schedule_parse(config_lookup(&cfg, "windows"), x->m.arena, &c->windows, &d) != 0)
		fail_msg("bad test windows: %s", d.message);
	config_destroy(&cfg);
	c->has_windows = true;
}

/* Runs one rule's check on a fresh findings list. */
static void
run(struct fx *x, const char *rule_id, void (*check)(struct check_ctx *))
{
	findings_free(&x->f);
	findings_init(&x->f);
	x->ctx.rule = rule_find(rule_id);
	assert_non_null(x->ctx.rule);
	check(&x->ctx);
}

static void
dump(const struct fx *x)
{
	for (size_t i = 0; i < x->f.n; i++)
		print_message("  finding %zu: %s [%s] line %d key %s: %s\n", i,
		    x->f.v[i].rule->id, severity_name(x->f.v[i].severity), x->f.v[i].line,
		    x->f.v[i].key != NULL ? x->f.v[i].key : "-", x->f.v[i].message);
}

static void
assert_none(const struct fx *x)
{
	if (x->f.n != 0) {
		dump(x);
		fail_msg("expected no finding, got %zu", x->f.n);
	}
}

static void
assert_count(const struct fx *x, size_t n)
{
	if (x->f.n != n) {
		dump(x);
		fail_msg("expected %zu findings, got %zu", n, x->f.n);
	}
}

static void
assert_has(const char *s, const char *phrase)
{
	if (s == NULL || strstr(s, phrase) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", s != NULL ? s : "(null)", phrase);
}

/* Finding i is on campaign setting cs, with this severity and message phrase. */
static const struct finding *
assert_campaign_finding(const struct fx *x, size_t i, enum severity sev,
    enum campaign_setting cs, const char *phrase)
{
	const struct finding *f;

	if (i >= x->f.n) {
		dump(x);
		fail_msg("expected finding %zu, got %zu findings", i, x->f.n);
	}
	f = &x->f.v[i];
	assert_ptr_equal(f->rule, x->ctx.rule);
	if (f->severity != sev) {
		dump(x);
		fail_msg("finding %zu is %s, expected %s", i, severity_name(f->severity),
		    severity_name(sev));
	}
	assert_string_equal(f->key, campaign_setting_key(cs));
	assert_int_equal(f->line, LINE_OF(cs));
	assert_string_equal(f->path, CAMPAIGN_PATH);
	assert_string_equal(f->campaign, "probe");
	assert_has(f->message, phrase);
	assert_int_equal(strlen(f->fingerprint), 16);
	return f;
}

static const struct finding *
assert_one(const struct fx *x, enum severity sev, enum campaign_setting cs, const char *phrase)
{
	assert_count(x, 1);
	return assert_campaign_finding(x, 0, sev, cs, phrase);
}

/* ---- ring-time (us: at least 15 s) --------------------------------------- */

static void
test_ring_time_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->ring_timeout = 15;
	run(x, "ring-time", check_ring_time_config);
	assert_none(x);
	c->ring_timeout = 14;
	run(x, "ring-time", check_ring_time_config);
	f = assert_one(x, SEV_MEDIUM, CS_RING_TIMEOUT, "gives up after 14 s of ringing, less than 15 s");
	assert_string_equal(f->actual, "14 s");
	assert_string_equal(f->limit, "ring at least 15 s before giving up");
	assert_ptr_equal(f->cite, &x->p->ring_time.cite);
}

static void
test_ring_time_unset(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	(void)c;
	run(x, "ring-time", check_ring_time_config);
	f = assert_one(x, SEV_LOW, CS_RING_TIMEOUT, "sets no ring_timeout");
	assert_string_equal(f->actual, "not set");
}

static void
test_ring_time_not_in_cn(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	c->ring_timeout = 1;
	run(x, "ring-time", check_ring_time_config);
	assert_none(x);
}

/* ---- abandon-rate and abandon-message (us: 3 %, message within 2 s) ------ */

static void
test_abandon_rate_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->dial_mode = DIAL_PREDICTIVE;
	c->abandon_target = 3.0;
	run(x, "abandon-rate", check_abandon_rate_config);
	assert_none(x);
	c->abandon_target = 3.01;
	run(x, "abandon-rate", check_abandon_rate_config);
	f = assert_one(x, SEV_HIGH, CS_ABANDON_TARGET, "targets 3.01% abandoned calls, above the "
	    "limit of 3%");
	assert_string_equal(f->actual, "3.01%");
}

static void
test_abandon_rate_unset(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	c->dial_mode = DIAL_PREDICTIVE;
	run(x, "abandon-rate", check_abandon_rate_config);
	assert_one(x, SEV_HIGH, CS_ABANDON_TARGET, "dials predictively but sets no abandon_target");
	/* No dial mode: it may be predictive, so the finding points at dial_mode. */
	c->dial_mode = DIAL_UNSET;
	run(x, "abandon-rate", check_abandon_rate_config);
	assert_one(x, SEV_MEDIUM, CS_DIAL_MODE, "does not say its dial_mode");
	/* Progressive and preview dialling abandon nothing by design. */
	c->dial_mode = DIAL_PROGRESSIVE;
	c->abandon_target = 50;
	run(x, "abandon-rate", check_abandon_rate_config);
	assert_none(x);
	c->dial_mode = DIAL_PREVIEW;
	run(x, "abandon-rate", check_abandon_rate_config);
	assert_none(x);
}

static void
test_abandon_message_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->dial_mode = DIAL_PREDICTIVE;
	c->abandon_message = TRI_YES;
	c->abandon_message_delay = 2.0;
	run(x, "abandon-message", check_abandon_message_config);
	assert_none(x);
	c->abandon_message_delay = 2.01;
	run(x, "abandon-message", check_abandon_message_config);
	f = assert_one(x, SEV_MEDIUM, CS_ABANDON_MESSAGE_DELAY, "after 2.01 s, later than 2 s");
	assert_string_equal(f->actual, "2.01 s");
	c->abandon_message_delay = -1;
	run(x, "abandon-message", check_abandon_message_config);
	assert_one(x, SEV_LOW, CS_ABANDON_MESSAGE_DELAY, "does not say how soon");
	c->abandon_message = TRI_NO;
	run(x, "abandon-message", check_abandon_message_config);
	f = assert_one(x, SEV_MEDIUM, CS_ABANDON_MESSAGE, "silent calls");
	assert_string_equal(f->actual, "off");
}

static void
test_abandon_message_only_when_calls_can_be_abandoned(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	c->abandon_message = TRI_NO;
	c->dial_mode = DIAL_PREVIEW;
	run(x, "abandon-message", check_abandon_message_config);
	assert_none(x);
	c->dial_mode = DIAL_PROGRESSIVE;
	run(x, "abandon-message", check_abandon_message_config);
	assert_none(x);
	/* With answering-machine detection a progressive call can be abandoned. */
	c->amd = TRI_YES;
	run(x, "abandon-message", check_abandon_message_config);
	assert_one(x, SEV_MEDIUM, CS_ABANDON_MESSAGE, "can abandon calls");
}

/* ---- dnc-list (us: scrub, list at most 31 days old) ---------------------- */

static void
test_dnc_list_age_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->dnc_scrub = TRI_YES;
	c->dnc_list_age_days = 31;
	run(x, "dnc-list", check_dnc_config);
	assert_none(x);
	c->dnc_list_age_days = 32;
	run(x, "dnc-list", check_dnc_config);
	f = assert_one(x, SEV_HIGH, CS_DNC_LIST_AGE, "up to 32 days old; at most 31 days");
	assert_string_equal(f->actual, "32 days");
	c->dnc_list_age_days = -1;
	run(x, "dnc-list", check_dnc_config);
	assert_one(x, SEV_MEDIUM, CS_DNC_LIST_AGE, "does not say how old");
}

static void
test_dnc_scrub_off(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	/* Without scrubbing the list age is beside the point: one finding. */
	c->dnc_scrub = TRI_NO;
	c->dnc_list_age_days = 400;
	run(x, "dnc-list", check_dnc_config);
	f = assert_one(x, SEV_HIGH, CS_DNC_SCRUB, "does not scrub");
	assert_string_equal(f->actual, "off");
	c->dnc_scrub = TRI_UNSET;
	run(x, "dnc-list", check_dnc_config);
	f = assert_one(x, SEV_HIGH, CS_DNC_SCRUB, "does not scrub");
	assert_string_equal(f->actual, "not set");
}

/* ---- call-frequency (cn: ≤ 5 per rolling 24 h, ≤ 3 per rolling 5 min) --- */

static void
test_frequency_max_in_window(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	enum campaign_setting bound = CS__COUNT;

	/* The window is (start − 300, start]: attempts 0, s, 2s … fit while
	 * their span stays below 300 s. */
	c->retry_interval = 150; /* 0, 150 (300 is outside) */
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 2);
	assert_int_equal(bound, CS_RETRY_INTERVAL);
	c->retry_interval = 100; /* 0, 100, 200 */
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 3);
	c->retry_interval = 99;  /* 0, 99, 198, 297 */
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 4);
	c->retry_interval = 60;  /* 0 … 240 */
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 5);
	c->retry_interval = 300;
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 1);
	c->retry_interval = 299;
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 2);
	c->retry_interval = 3600;
	assert_int_equal(frequency_max_in_window(c, 86400, &bound), 24);
}

static void
test_frequency_max_in_window_bounds(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	enum campaign_setting bound = CS__COUNT;

	/* Nothing set: no bound at all. */
	assert_true(frequency_max_in_window(c, 300, &bound) == LLONG_MAX);
	/* The shortest of the retry delays spaces the attempts. */
	c->retry_interval = 3600;
	c->retry_after_no_answer = 100;
	c->retry_after_abandon = 600;
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 3);
	assert_int_equal(bound, CS_RETRY_AFTER_NO_ANSWER);
	c->retry_after_abandon = 60;
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 5);
	assert_int_equal(bound, CS_RETRY_AFTER_ABANDON);
	/* max_attempts caps it, and names itself when it is the tighter bound. */
	c->max_attempts = 4;
	c->attempts_window = 86400;
	assert_int_equal(frequency_max_in_window(c, 300, &bound), 4);
	assert_int_equal(bound, CS_MAX_ATTEMPTS);
	/* A window longer than attempts_window holds one batch per started one. */
	c->retry_interval = c->retry_after_no_answer = c->retry_after_abandon = -1;
	c->max_attempts = 5;
	assert_int_equal(frequency_max_in_window(c, 7 * 86400, &bound), 35);
	c->attempts_window = 43200;
	assert_int_equal(frequency_max_in_window(c, 86400, &bound), 10);
	c->attempts_window = 36000; /* 24 h spans three 10 h windows */
	assert_int_equal(frequency_max_in_window(c, 86400, &bound), 15);
	/* attempts_window 0: max_attempts is for the whole campaign. */
	c->attempts_window = 0;
	assert_int_equal(frequency_max_in_window(c, 7 * 86400, &bound), 5);
}

static void
test_frequency_rolling_5min_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	/* max_attempts keeps the 24 h limit satisfied, so only 5 min can bite. */
	c->max_attempts = 5;
	c->attempts_window = 86400;
	c->retry_interval = 150;
	run(x, "call-frequency", check_frequency_config);
	assert_none(x);
	c->retry_interval = 100;
	run(x, "call-frequency", check_frequency_config);
	assert_none(x);
	c->retry_interval = 99;
	run(x, "call-frequency", check_frequency_config);
	f = assert_one(x, SEV_HIGH, CS_RETRY_INTERVAL,
	    "allow up to 4 calls to one number per 5 min; the limit is 3");
	assert_string_equal(f->actual, "up to 4");
	assert_string_equal(f->limit, "at most 3 calls per number per 5 min");
	assert_ptr_equal(f->cite, &x->p->frequency[1].cite);
	c->retry_interval = 60;
	run(x, "call-frequency", check_frequency_config);
	/* 5 by spacing and 5 by max_attempts: either setting would fix it. */
	f = assert_one(x, SEV_HIGH, CS_MAX_ATTEMPTS,
	    "allow up to 5 calls to one number per 5 min; the limit is 3");
}

static void
test_frequency_24h_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->retry_interval = 3600;
	c->attempts_window = 86400;
	c->max_attempts = 5;
	run(x, "call-frequency", check_frequency_config);
	assert_none(x);
	c->max_attempts = 6;
	run(x, "call-frequency", check_frequency_config);
	f = assert_one(x, SEV_HIGH, CS_MAX_ATTEMPTS,
	    "allow up to 6 calls to one number per 24 h; the limit is 5");
	assert_string_equal(f->limit, "at most 5 calls per number per 24 h");
	assert_ptr_equal(f->cite, &x->p->frequency[0].cite);
	/* 2 per 12 h is 4 per 24 h; 3 per 12 h is 6. */
	c->attempts_window = 43200;
	c->max_attempts = 2;
	run(x, "call-frequency", check_frequency_config);
	assert_none(x);
	c->max_attempts = 3;
	run(x, "call-frequency", check_frequency_config);
	assert_one(x, SEV_HIGH, CS_MAX_ATTEMPTS, "up to 6 calls");
}

static void
test_frequency_unlimited(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	(void)c;
	run(x, "call-frequency", check_frequency_config);
	/* One finding per limit, told apart by their windows. */
	assert_count(x, 2);
	assert_campaign_finding(x, 0, SEV_HIGH, CS_MAX_ATTEMPTS, "per 24 h (limit: 5)");
	assert_campaign_finding(x, 1, SEV_HIGH, CS_MAX_ATTEMPTS, "per 5 min (limit: 3)");
	assert_string_equal(x->f.v[0].actual, "unlimited");
	assert_string_not_equal(x->f.v[0].fingerprint, x->f.v[1].fingerprint);
}

static void
test_frequency_per_calendar_day(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	/* rules.cfg: at most 2 per local calendar day. */
	c->retry_interval = 43200;
	run(x, "call-frequency", check_frequency_config);
	assert_none(x);
	c->retry_interval = 43199;
	run(x, "call-frequency", check_frequency_config);
	f = assert_one(x, SEV_HIGH, CS_RETRY_INTERVAL, "up to 3 calls to one number per local day");
	assert_string_equal(f->limit, "at most 2 calls per number per local day");
}

/* ---- recall-after-abandon (rules.cfg: 24 h, live agent exempt) ----------- */

static void
test_recall_after_abandon_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->dial_mode = DIAL_PREDICTIVE;
	c->retry_after_abandon = 86400;
	run(x, "recall-after-abandon", check_recall_after_abandon_config);
	assert_none(x);
	c->retry_after_abandon = 86399;
	run(x, "recall-after-abandon", check_recall_after_abandon_config);
	f = assert_one(x, SEV_MEDIUM, CS_RETRY_AFTER_ABANDON, "sooner than 24 h");
	assert_string_equal(f->actual, "86399 s");
	/* Without its own delay the general retry interval applies. */
	c->retry_after_abandon = -1;
	c->retry_interval = 3600;
	run(x, "recall-after-abandon", check_recall_after_abandon_config);
	f = assert_one(x, SEV_MEDIUM, CS_RETRY_INTERVAL, "again after 1 h, sooner than 24 h");
	c->retry_interval = -1;
	run(x, "recall-after-abandon", check_recall_after_abandon_config);
	assert_one(x, SEV_MEDIUM, CS_RETRY_AFTER_ABANDON, "sets no delay");
	/* A preview call always has an agent: exempt. */
	c->dial_mode = DIAL_PREVIEW;
	run(x, "recall-after-abandon", check_recall_after_abandon_config);
	assert_none(x);
}

/* ---- licence-expiry (cn: renewal lead 90 days) --------------------------- */

static void
test_licence_expiry_boundaries(void **state)
{
	struct fx *x = *state;
	const struct finding *f;
	int64_t today = x->ctx.today;

	x->ctx.licence = &x->lic;
	x->lic.expires = today;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_count(x, 1);
	f = &x->f.v[0];
	assert_int_equal(f->severity, SEV_HIGH);
	assert_string_equal(f->key, "expires");
	assert_string_equal(f->path, "licence.cfg");
	assert_int_equal(f->line, 7);
	assert_null(f->campaign);
	assert_string_equal(f->actual, "2026-11-28");
	assert_has(f->message, "inside the 90-day renewal lead time");
	assert_ptr_equal(f->cite, &x->p->licence_renewal.cite);

	x->lic.expires = today + 90;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_count(x, 1);
	assert_int_equal(x->f.v[0].severity, SEV_HIGH);
	assert_has(x->f.v[0].message, "expires on 2027-02-26, in 90 days");

	x->lic.expires = today + 91;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_none(x);

	x->lic.expires = today - 1;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_count(x, 1);
	assert_int_equal(x->f.v[0].severity, SEV_CRITICAL);
	assert_has(x->f.v[0].message, "licence B2-TEST-0001 expired on 2026-11-27, 1 day ago");

	x->lic.expires = today - 2;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_has(x->f.v[0].message, "2 days ago");

	x->ctx.licence = NULL;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_none(x);
}

static void
test_licence_expiry_zero_lead(void **state)
{
	struct fx *x = *state;

	/* rules.cfg: lead_days = 0; the expiry day itself is still valid but
	 * due, the day before it is not reported. */
	x->ctx.licence = &x->lic;
	x->lic.expires = x->ctx.today + 1;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_none(x);
	x->lic.expires = x->ctx.today;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_count(x, 1);
	assert_int_equal(x->f.v[0].severity, SEV_HIGH);
	x->lic.expires = x->ctx.today - 1;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_count(x, 1);
	assert_int_equal(x->f.v[0].severity, SEV_CRITICAL);
}

/*
 * us sets no licence_renewal. Whatever the check reports then, a finding
 * must not carry a citation with no source: the text report prints
 * cite->source with "%s".
 */
static void
test_licence_expiry_without_renewal_group_has_no_empty_citation(void **state)
{
	struct fx *x = *state;

	x->ctx.licence = &x->lic;
	x->lic.expires = x->ctx.today - 1;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_count(x, 1);
	assert_int_equal(x->f.v[0].severity, SEV_CRITICAL);
	assert_null(x->f.v[0].cite);
	x->lic.expires = x->ctx.today + 1;
	run(x, "licence-expiry", check_licence_expiry_config);
	assert_none(x);
	x->lic.expires = x->ctx.today;
	run(x, "licence-expiry", check_licence_expiry_config);
	for (size_t i = 0; i < x->f.n; i++)
		if (x->f.v[i].cite != NULL && x->f.v[i].cite->source == NULL)
			fail_msg("finding \"%s\" cites the unset licence_renewal group (source NULL)",
			    x->f.v[i].message);
}

/* ---- capacity (cn: 1 concurrent call per caller number) ------------------ */

static void
test_capacity_per_caller_number(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	CALLER_IDS(x, c, "0571-8800-1201", "0571-8800-1202");
	c->max_channels = 2;
	run(x, "capacity", check_capacity_config);
	assert_none(x);
	c->max_channels = 3;
	run(x, "capacity", check_capacity_config);
	f = assert_one(x, SEV_HIGH, CS_MAX_CHANNELS, "3 concurrent calls over 2 valid caller numbers; "
	    "at 1 per number it may run at most 2");
	assert_string_equal(f->actual, "3 channels over 2 caller numbers");
	assert_ptr_equal(f->cite, &x->p->capacity.cite);
	/* No channel limit or no caller IDs: nothing to compare. */
	c->max_channels = 0;
	run(x, "capacity", check_capacity_config);
	assert_none(x);
}

static void
test_capacity_licence_channels(void **state)
{
	struct fx *x = *state;
	struct campaign *a = campaign(x, "probe"), *b;
	const struct finding *f;

	x->ctx.licence = &x->lic;
	x->lic.channels = 4;
	a->max_channels = 4;
	run(x, "capacity", check_capacity_config);
	assert_none(x);
	a->max_channels = 5;
	run(x, "capacity", check_capacity_config);
	f = assert_one(x, SEV_HIGH, CS_MAX_CHANNELS, "may use 5 channels; the licence allows 4");
	assert_null(f->cite);
	a->max_channels = 0;
	run(x, "capacity", check_capacity_config);
	assert_one(x, SEV_MEDIUM, CS_MAX_CHANNELS, "sets no channel limit; the licence allows 4");

	/* Two campaigns that each fit but together exceed the licence. */
	b = campaign(x, "second");
	a = &x->m.campaigns.v[0];
	a->max_channels = 2;
	b->max_channels = 2;
	run(x, "capacity", check_capacity_config);
	assert_none(x);
	b->max_channels = 3;
	run(x, "capacity", check_capacity_config);
	assert_count(x, 1);
	f = &x->f.v[0];
	assert_int_equal(f->severity, SEV_HIGH);
	assert_string_equal(f->key, "channels/total");
	assert_string_equal(f->path, "licence.cfg");
	assert_int_equal(f->line, 8);
	assert_has(f->message, "the 2 campaigns together may use 5 channels; the licence allows 4");
}

/* ---- caller-id (cn: required; 95/96/400 inbound only) -------------------- */

static void
test_caller_id_missing(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	(void)c;
	run(x, "caller-id", check_caller_id_config);
	assert_one(x, SEV_HIGH, CS_CALLER_IDS, "presents no caller ID");
}

static void
test_caller_id_withheld_and_malformed(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	CALLER_IDS(x, c, "anonymous", "12a3", "0571-8800-1201");
	run(x, "caller-id", check_caller_id_config);
	assert_count(x, 2);
	f = assert_campaign_finding(x, 0, SEV_HIGH, CS_CALLER_IDS, "\"anonymous\", which is withheld");
	assert_string_equal(f->actual, "withheld");
	f = assert_campaign_finding(x, 1, SEV_HIGH, CS_CALLER_IDS,
	    "\"12a3\", which is not a valid phone number");
	assert_string_equal(f->actual, "malformed");
	/* Two findings on one setting keep distinct identities. */
	assert_string_not_equal(x->f.v[0].fingerprint, x->f.v[1].fingerprint);
}

static void
test_caller_id_inbound_only(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	CALLER_IDS(x, c, "4008001234");
	run(x, "caller-id", check_caller_id_config);
	f = assert_one(x, SEV_HIGH, CS_CALLER_IDS, "an inbound-only access number, and no licence "
	    "was given");
	/* Numbers are masked unless the report asks for them. */
	assert_string_equal(f->actual, "+86 400*****34");
	assert_has(f->message, "+86 400*****34");
	x->ctx.show_numbers = true;
	run(x, "caller-id", check_caller_id_config);
	f = assert_one(x, SEV_HIGH, CS_CALLER_IDS, "caller ID +864008001234");

	x->ctx.licence = &x->lic;
	run(x, "caller-id", check_caller_id_config);
	assert_one(x, SEV_HIGH, CS_CALLER_IDS, "the licence records no outbound commitment letter");
	x->lic.outbound_commitment = true;
	run(x, "caller-id", check_caller_id_config);
	assert_none(x);
}

static void
test_caller_id_inbound_only_pattern_edges(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	/* 95/96 numbers are 5 to 8 digits; a 9-digit 95… number and a Ningxia
	 * landline (area code 0951) are ordinary numbers. */
	CALLER_IDS(x, c, "95555", "96123456", "951234567", "0951-1234567", "400800123",
	    "40080012345");
	run(x, "caller-id", check_caller_id_config);
	assert_count(x, 2);
	assert_string_equal(x->f.v[0].actual, "+86 ***55");
	assert_string_equal(x->f.v[1].actual, "+86 961***56");
}

static void
test_caller_id_not_licensed(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	x->ctx.licence = &x->lic;
	LICENCE_NUMBERS(x, "0571-8800-1201", "+86 139 1234 5678");
	/* The same numbers written differently are licensed. */
	CALLER_IDS(x, c, "+86 571 8800 1201", "0086 13912345678");
	run(x, "caller-id", check_caller_id_config);
	assert_none(x);
	CALLER_IDS(x, c, "0571-8800-1201", "0571-8800-1202");
	run(x, "caller-id", check_caller_id_config);
	assert_one(x, SEV_HIGH, CS_CALLER_IDS,
	    "caller ID +86 571******02, which is not among the licence's caller numbers");
}

/* ---- call-purpose (cn: no marketing under a B07 licence) ----------------- */

static void
test_purpose_marketing_under_b07(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->purpose = PURPOSE_MARKETING;
	x->ctx.licence = &x->lic;
	run(x, "call-purpose", check_purpose_config);
	f = assert_one(x, SEV_CRITICAL, CS_PURPOSE, "makes marketing calls, which the profile "
	    "forbids under a B07 licence");
	assert_string_equal(f->actual, "marketing");
	assert_ptr_equal(f->cite, &x->p->call_purpose.cite);
	/* Licence types compare without case. */
	x->lic.type = "b07";
	run(x, "call-purpose", check_purpose_config);
	assert_one(x, SEV_CRITICAL, CS_PURPOSE, "which the profile forbids");
	/* Under another licence type the ban does not apply. */
	x->lic.type = "B01";
	run(x, "call-purpose", check_purpose_config);
	assert_none(x);
	/* Without a licence the type is unknown: reported, one step lower. */
	x->ctx.licence = NULL;
	run(x, "call-purpose", check_purpose_config);
	assert_one(x, SEV_HIGH, CS_PURPOSE, "(no licence type was given to tell)");
}

static void
test_purpose_permitted_and_unset(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	x->ctx.licence = &x->lic;
	c->purpose = PURPOSE_SERVICE;
	run(x, "call-purpose", check_purpose_config);
	assert_none(x);
	c->purpose = -1;
	run(x, "call-purpose", check_purpose_config);
	assert_one(x, SEV_MEDIUM, CS_PURPOSE, "states no purpose");
}

static void
test_purpose_outside_licence(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	x->ctx.licence = &x->lic;
	x->lic.purposes = 1u << PURPOSE_CALLBACK | 1u << PURPOSE_SERVICE;
	c->purpose = PURPOSE_RESEARCH;
	run(x, "call-purpose", check_purpose_config);
	assert_one(x, SEV_CRITICAL, CS_PURPOSE, "research calls, which the licence does not "
	    "permit (it permits service, callback)");
	/* Marketing breaks both the licence and the profile: two findings. */
	c->purpose = PURPOSE_MARKETING;
	run(x, "call-purpose", check_purpose_config);
	assert_count(x, 2);
	assert_campaign_finding(x, 0, SEV_CRITICAL, CS_PURPOSE, "which the licence does not permit");
	assert_campaign_finding(x, 1, SEV_CRITICAL, CS_PURPOSE, "which the profile forbids");
	assert_string_not_equal(x->f.v[0].fingerprint, x->f.v[1].fingerprint);
}

static void
test_purpose_not_limited_in_us(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	c->purpose = PURPOSE_MARKETING;
	run(x, "call-purpose", check_purpose_config);
	assert_none(x);
}

/* ---- calling-hours (cn: 08:00–21:00 daily, Beijing time) ----------------- */

static void
test_calling_hours_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	windows(x, c, "daily = [\"08:00-21:00\"];");
	run(x, "calling-hours", check_calling_hours_config);
	assert_none(x);
	windows(x, c, "daily = [\"08:00-21:01\"];");
	run(x, "calling-hours", check_calling_hours_config);
	f = assert_one(x, SEV_HIGH, CS_WINDOWS,
	    "may call outside the permitted hours: Mon–Sun 21:00–21:01");
	assert_string_equal(f->actual, "Mon–Sun 08:00–21:01");
	assert_ptr_equal(f->cite, &x->p->hours.cite);
	windows(x, c, "weekdays = [\"07:59-21:00\"];");
	run(x, "calling-hours", check_calling_hours_config);
	assert_one(x, SEV_HIGH, CS_WINDOWS, "Mon–Fri 07:59–08:00; Sat–Sun none");
	windows(x, c, "sat = [\"20:00-08:00\"];");
	run(x, "calling-hours", check_calling_hours_config);
	assert_one(x, SEV_HIGH, CS_WINDOWS, "Sat 21:00–24:00; Sun 00:00–08:00");
}

static void
test_calling_hours_unset(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	(void)c;
	run(x, "calling-hours", check_calling_hours_config);
	assert_one(x, SEV_HIGH, CS_WINDOWS, "sets no calling windows");
}

static void
test_calling_hours_server_zone(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	/* 00:00–13:00 UTC is 08:00–21:00 in Beijing. */
	c->windows_in_callee_zone = false;
	c->server_timezone = "UTC";
	windows(x, c, "daily = [\"00:00-13:00\"];");
	run(x, "calling-hours", check_calling_hours_config);
	assert_none(x);
	windows(x, c, "daily = [\"00:00-13:01\"];");
	run(x, "calling-hours", check_calling_hours_config);
	f = assert_one(x, SEV_HIGH, CS_WINDOWS, "keeps its windows in the server's zone (UTC)");
	assert_has(f->message, "Mon–Sun 21:00–21:01 (in Asia/Shanghai)");
	/* A server clock in Beijing time needs no shift. */
	c->server_timezone = "+08:00";
	windows(x, c, "daily = [\"08:00-21:00\"];");
	run(x, "calling-hours", check_calling_hours_config);
	assert_none(x);
	/* The same windows judged in UTC would be wrong by 8 h. */
	c->server_timezone = "UTC";
	run(x, "calling-hours", check_calling_hours_config);
	assert_one(x, SEV_HIGH, CS_WINDOWS, "Mon–Sun 00:00–05:00, 21:00–24:00 (in Asia/Shanghai)");
}

static void
test_calling_hours_server_zone_us(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	/* 08:00–21:00 New York time is too early everywhere west of it and, in
	 * winter, too late in Puerto Rico (UTC−4 all year). */
	c->windows_in_callee_zone = false;
	c->server_timezone = "America/New_York";
	windows(x, c, "daily = [\"08:00-21:00\"];");
	run(x, "calling-hours", check_calling_hours_config);
	f = assert_one(x, SEV_HIGH, CS_WINDOWS, "Mon–Sun 02:00–08:00, 21:00–22:00");
	assert_has(f->message, "(in America/Chicago, America/Denver, America/Phoenix, "
	    "America/Los_Angeles, America/Anchorage, America/Adak, Pacific/Honolulu, "
	    "America/Puerto_Rico)");
	/* In the callee's own zone the same windows are fine. */
	c->windows_in_callee_zone = true;
	run(x, "calling-hours", check_calling_hours_config);
	assert_none(x);
}

static void
test_calling_hours_holidays_barred(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	/* parent-full.cfg bars calls on the cn calendar's holidays. */
	windows(x, c, "daily = [\"08:00-21:00\"];");
	c->skip_holidays = TRI_YES;
	run(x, "calling-hours", check_calling_hours_config);
	assert_none(x);
	c->skip_holidays = TRI_NO;
	run(x, "calling-hours", check_calling_hours_config);
	f = assert_one(x, SEV_HIGH, CS_SKIP_HOLIDAYS, "does not skip public holidays");
	assert_string_equal(f->actual, "skip_holidays = false");
}

static void
test_calling_hours_holidays_not_barred_in_cn(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	windows(x, c, "daily = [\"08:00-21:00\"];");
	c->skip_holidays = TRI_NO;
	run(x, "calling-hours", check_calling_hours_config);
	assert_none(x);
}

/* ---- the remaining cn rules ---------------------------------------------- */

static void
test_retention_boundary(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	c->retention_days = 30;
	run(x, "record-retention", check_retention_config);
	assert_none(x);
	c->retention_days = 29;
	run(x, "record-retention", check_retention_config);
	assert_one(x, SEV_MEDIUM, CS_RETENTION, "keeps call records 29 days; at least 30");
	c->retention_days = -1;
	run(x, "record-retention", check_retention_config);
	assert_one(x, SEV_LOW, CS_RETENTION, "does not say how long");
}

static void
test_wait_after_refusal_forever(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	c->refusal_suppression_days = 0; /* forever */
	run(x, "wait-after-refusal", check_wait_after_refusal_config);
	assert_none(x);
	c->refusal_suppression_days = 36500;
	run(x, "wait-after-refusal", check_wait_after_refusal_config);
	assert_one(x, SEV_HIGH, CS_REFUSAL_SUPPRESSION, "the profile allows no further calls");
	c->refusal_suppression_days = -1;
	run(x, "wait-after-refusal", check_wait_after_refusal_config);
	assert_one(x, SEV_HIGH, CS_REFUSAL_SUPPRESSION, "does not say how long a refusal");
}

static void
test_wait_after_refusal_days(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	/* us: 1827 days. */
	c->refusal_suppression_days = 1827;
	run(x, "wait-after-refusal", check_wait_after_refusal_config);
	assert_none(x);
	c->refusal_suppression_days = 0;
	run(x, "wait-after-refusal", check_wait_after_refusal_config);
	assert_none(x);
	c->refusal_suppression_days = 1826;
	run(x, "wait-after-refusal", check_wait_after_refusal_config);
	assert_one(x, SEV_HIGH, CS_REFUSAL_SUPPRESSION, "1826 days after a refusal; the minimum "
	    "is 1827 days");
}

static void
test_consent(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	c->purpose = PURPOSE_MARKETING;
	c->consent_required = TRI_YES;
	run(x, "consent", check_consent_config);
	assert_none(x);
	c->consent_required = TRI_NO;
	run(x, "consent", check_consent_config);
	assert_one(x, SEV_HIGH, CS_CONSENT_REQUIRED, "makes marketing calls without requiring consent");
	c->purpose = PURPOSE_SERVICE;
	run(x, "consent", check_consent_config);
	assert_none(x);
	c->purpose = -1;
	run(x, "consent", check_consent_config);
	assert_one(x, SEV_MEDIUM, CS_CONSENT_REQUIRED, "states no purpose");
}

static void
test_destination_filter(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");
	const struct finding *f;

	c->destination_filter = TRI_YES;
	run(x, "blocked-destination", check_destination_config);
	assert_none(x);
	c->destination_filter = TRI_NO;
	run(x, "blocked-destination", check_destination_config);
	f = assert_one(x, SEV_MEDIUM, CS_DESTINATION_FILTER, "does not filter blocked destinations");
	assert_string_equal(f->actual, "off");
}

/* ---- every rule together ------------------------------------------------- */

static void
good_cn_campaign(struct fx *x, struct campaign *c)
{
	c->purpose = PURPOSE_SERVICE;
	c->dial_mode = DIAL_PREVIEW;
	windows(x, c, "daily = [\"08:00-21:00\"];");
	c->max_attempts = 3;
	c->attempts_window = 86400;
	c->retry_interval = 3600;
	CALLER_IDS(x, c, "0571-8800-1201");
	c->refusal_suppression_days = 0;
	c->retention_days = 30;
	c->destination_filter = TRI_YES;
	c->max_channels = 1;
	c->consent_required = TRI_YES;
}

static void
test_all_rules_clean_campaign(void **state)
{
	struct fx *x = *state;
	struct campaign *c = campaign(x, "probe");

	x->ctx.licence = &x->lic;
	x->lic.channels = 4;
	x->lic.purposes = 1u << PURPOSE_SERVICE | 1u << PURPOSE_CALLBACK;
	LICENCE_NUMBERS(x, "0571-8800-1201");
	good_cn_campaign(x, c);
	findings_free(&x->f);
	findings_init(&x->f);
	checks_run_config(&x->ctx);
	assert_none(x);
}

static void
test_all_rules_unset_campaign(void **state)
{
	struct fx *x = *state;
	const char *const want[] = { "calling-hours", "call-frequency", "call-frequency",
		"wait-after-refusal", "caller-id", "consent", "call-purpose", "blocked-destination",
		"record-retention" };
	size_t n = 0;

	campaign(x, "probe");
	findings_free(&x->f);
	findings_init(&x->f);
	checks_run_config(&x->ctx);
	/* Rules run in table order; each reports the unset setting once. */
	for (size_t i = 0; i < x->f.n; i++) {
		if (n >= NELEM(want) || strcmp(x->f.v[i].rule->id, want[n]) != 0) {
			dump(x);
			fail_msg("finding %zu is %s, expected %s", i, x->f.v[i].rule->id,
			    n < NELEM(want) ? want[n] : "none");
		}
		n++;
	}
	assert_int_equal(n, NELEM(want));
}

int
main(void)
{
	setenv("DIALAUDIT_PROFILE_DIR", TEST_PROFILE_DIR, 0);
#define CN(fn) cmocka_unit_test_setup_teardown(fn, setup_cn, teardown)
#define US(fn) cmocka_unit_test_setup_teardown(fn, setup_us, teardown)
#define RULES(fn) cmocka_unit_test_setup_teardown(fn, setup_rules, teardown)
	const struct CMUnitTest tests[] = {
		US(test_ring_time_boundary),
		US(test_ring_time_unset),
		CN(test_ring_time_not_in_cn),
		US(test_abandon_rate_boundary),
		US(test_abandon_rate_unset),
		US(test_abandon_message_boundary),
		US(test_abandon_message_only_when_calls_can_be_abandoned),
		US(test_dnc_list_age_boundary),
		US(test_dnc_scrub_off),
		CN(test_frequency_max_in_window),
		CN(test_frequency_max_in_window_bounds),
		CN(test_frequency_rolling_5min_boundary),
		CN(test_frequency_24h_boundary),
		CN(test_frequency_unlimited),
		RULES(test_frequency_per_calendar_day),
		RULES(test_recall_after_abandon_boundary),
		CN(test_licence_expiry_boundaries),
		RULES(test_licence_expiry_zero_lead),
		US(test_licence_expiry_without_renewal_group_has_no_empty_citation),
		CN(test_capacity_per_caller_number),
		CN(test_capacity_licence_channels),
		CN(test_caller_id_missing),
		CN(test_caller_id_withheld_and_malformed),
		CN(test_caller_id_inbound_only),
		CN(test_caller_id_inbound_only_pattern_edges),
		CN(test_caller_id_not_licensed),
		CN(test_purpose_marketing_under_b07),
		CN(test_purpose_permitted_and_unset),
		CN(test_purpose_outside_licence),
		US(test_purpose_not_limited_in_us),
		CN(test_calling_hours_boundary),
		CN(test_calling_hours_unset),
		CN(test_calling_hours_server_zone),
		US(test_calling_hours_server_zone_us),
		cmocka_unit_test_setup_teardown(test_calling_hours_holidays_barred,
		    setup_holidays_barred, teardown),
		CN(test_calling_hours_holidays_not_barred_in_cn),
		CN(test_retention_boundary),
		CN(test_wait_after_refusal_forever),
		US(test_wait_after_refusal_days),
		CN(test_consent),
		CN(test_destination_filter),
		CN(test_all_rules_clean_campaign),
		CN(test_all_rules_unset_campaign),
	};
#undef CN
#undef US
#undef RULES

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
