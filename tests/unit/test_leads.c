/* Unit tests for lead lists: the layouts read, and each scrub category at its boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checks/lead_scrub.h"
#include "checks/rules.h"
#include "diag.h"
#include "finding.h"
#include "leads.h"
#include "mapping.h"
#include "model.h"
#include "numlists.h"
#include "profile.h"
#include "util/arena.h"
#include "util/phone.h"
#include "util/timeutil.h"
#include "util/tz.h"

static struct profile *us;

static int
setup(void **state)
{
	struct diag d = { 0 };

	(void)state;
	if (profile_load("us", &us, &d) != 0)
		fail_msg("profile_load(us): %s", d.message);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	profile_free(us);
	return 0;
}

/* A temporary file holding text (bytes as given: CRLF, BOM …). */
static char *
temp_file(const char *text, size_t n)
{
	char *path = strdup("/tmp/dialaudit-leads-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	return path;
}

/* Loads text as a lead file; returns the rc, *d says why on -1. */
static int
load_text(struct lead_set *s, const char *text, const struct mapping *m, struct diag *d)
{
	char *path = temp_file(text, strlen(text));
	int rc = leads_load(s, path, m, &us->numbering, d);

	unlink(path);
	free(path);
	return rc;
}

static void
test_number(void **state)
{
	char e[PHONE_MAX];

	(void)state;
	assert_int_equal(leads_number("1", 1, "7275551213", 10, &us->numbering, e), PHONE_OK);
	assert_string_equal(e, "17275551213");
	assert_int_equal(leads_number("", 0, "(727) 555-1213", 14, &us->numbering, e), PHONE_OK);
	assert_string_equal(e, "17275551213");
	assert_int_equal(leads_number("44", 2, "7700900123", 10, &us->numbering, e), PHONE_OK);
	assert_string_equal(e, "447700900123");
	assert_int_equal(leads_number("+61", 3, "864886000", 9, &us->numbering, e), PHONE_OK);
	assert_string_equal(e, "61864886000");
	/* NANP: ten digits, area code and exchange from 2 */
	assert_int_equal(leads_number("1", 1, "727555121", 9, &us->numbering, e), PHONE_MALFORMED);
	assert_int_equal(leads_number("1", 1, "1275551213", 10, &us->numbering, e), PHONE_MALFORMED);
	assert_int_equal(leads_number("1", 1, "7271551213", 10, &us->numbering, e), PHONE_MALFORMED);
	assert_int_equal(leads_number("1", 1, "7272551213", 10, &us->numbering, e), PHONE_OK);
	assert_int_equal(leads_number("1", 1, "", 0, &us->numbering, e), PHONE_EMPTY);
	assert_int_equal(leads_number("4x", 2, "7700900123", 10, &us->numbering, e), PHONE_MALFORMED);
	assert_int_equal(leads_number("1", 1, "727-CALL-NOW", 12, &us->numbering, e),
	    PHONE_MALFORMED);
}

static const char std_row[] = "100001|10001|107|1|7275551213|MR|I|Q|SMITH01|249 MUNDON ROAD|||"
    "MALDON|FL||33709|USA|M|1970-01-01|7275551212|test@test.com|nothing|COMMENTS|1|Southeast||";

static void
test_standard_bom_crlf(void **state)
{
	struct lead_set s;
	struct diag d = { 0 };
	char text[2048];

	(void)state;
	leads_init(&s);
	/* BOM, CRLF, a blank line, a row of three fields, a row without a number */
	snprintf(text, sizeof(text), "\xEF\xBB\xBF%s\r\n\r\n100002|10002|107\r\n"
	    "100003|10003|107|1||MR\r\n100004|10004|107|1|2125550199\r\n", std_row);
	assert_int_equal(load_text(&s, text, NULL, &d), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.v[0].format, "vicidial-leads");
	assert_int_equal(s.v[0].rows, 4);
	assert_int_equal(s.v[0].rejected, 1);
	assert_int_equal(s.v[0].n, 3);
	assert_int_equal(s.v[0].rows, s.v[0].n + s.v[0].rejected);
	assert_int_equal(s.v[0].bad[0].line, 3);
	assert_non_null(strstr(s.v[0].bad[0].reason, "3 fields"));
	assert_int_equal(s.v[0].v[0].line, 1);
	assert_string_equal(s.v[0].v[0].id, "100001");
	assert_int_equal(s.v[0].v[0].status, PHONE_OK);
	assert_int_equal(s.v[0].v[1].line, 4);
	assert_int_equal(s.v[0].v[1].status, PHONE_EMPTY);
	assert_int_equal(s.v[0].v[2].line, 5);
	assert_int_equal(s.v[0].v[2].status, PHONE_OK);
	leads_free(&s);
}

static void
test_csv_header_and_tab(void **state)
{
	struct lead_set s;
	struct diag d = { 0 };

	(void)state;
	leads_init(&s);
	/* the CSV layout: quotes allowed; a stray quote is a rejected row */
	assert_int_equal(load_text(&s, "100001,10001,129,1,7275551213,MR,\"Smith, John\",Q\n"
	    "100002,10002,129,1,3125551213,MR,Jo\"hn,Q\n", NULL, &d), 0);
	assert_string_equal(s.v[0].format, "vicidial-leads-csv");
	assert_int_equal(s.v[0].n, 1);
	assert_int_equal(s.v[0].rejected, 1);
	assert_int_equal(s.v[0].bad[0].line, 2);
	/* a VICIdial list download: tab-separated, columns by name */
	assert_int_equal(load_text(&s, "lead_id\tentry_date\tphone_code\tphone_number\tstate\r\n"
	    "77\t2026-01-01\t1\t3035551213\tCO\r\n78\t2026-01-01\t1\t12\tCO\r\n", NULL, &d), 0);
	assert_string_equal(s.v[1].format, "vicidial-list");
	assert_int_equal(s.v[1].rows, 2);
	assert_int_equal(s.v[1].n, 2);
	assert_string_equal(s.v[1].v[0].id, "77");
	assert_int_equal(s.v[1].v[0].line, 2);
	assert_int_equal(s.v[1].v[1].status, PHONE_MALFORMED);
	leads_free(&s);
}

static void
test_not_leads(void **state)
{
	struct lead_set s;
	struct diag d = { 0 };

	(void)state;
	leads_init(&s);
	assert_int_equal(load_text(&s, "100001|NOCALL\r\n100002|NEW\r\n", NULL, &d), -1);
	assert_non_null(strstr(d.message, "lead update file"));
	assert_int_equal(d.line, 1);
	/* a CSV header without phone_number: words where the number would be */
	assert_int_equal(load_text(&s, "Customer,Name,Code,Country,Mobile\n1,A,x,US,2125550100\n",
	    NULL, &d), -1);
	assert_non_null(strstr(d.message, "looks like a header (field 5 is \"Mobile\")"));
	/* a first line cut short does not hide the leads after it */
	assert_int_equal(load_text(&s, "100001|10001\r\n100002|10002|107|1|2125550100\r\n", NULL,
	    &d), 0);
	assert_int_equal(s.v[0].rows, 2);
	assert_int_equal(s.v[0].rejected, 1);
	assert_int_equal(s.v[0].bad[0].line, 1);
	assert_int_equal(load_text(&s, "just some text\n", NULL, &d), -1);
	assert_non_null(strstr(d.message, "not a lead list"));
	assert_int_equal(load_text(&s, "\n\n", NULL, &d), -1);
	assert_non_null(strstr(d.message, "empty"));
	assert_int_equal(s.n, 1);
	leads_free(&s);
}

static void
test_long_line(void **state)
{
	struct lead_set s;
	struct diag d = { 0 };
	size_t n = LEADS_MAX_LINE + 100;
	char *text = malloc(n + 200);

	(void)state;
	leads_init(&s);
	snprintf(text, n + 200, "%s\n", std_row);
	memset(text + strlen(text), 'x', n);
	strcpy(text + strlen(std_row) + 1 + n, "\n");
	assert_int_equal(load_text(&s, text, NULL, &d), 0);
	assert_int_equal(s.v[0].rows, 2);
	assert_int_equal(s.v[0].rejected, 1);
	assert_int_equal(s.v[0].bad[0].line, 2);
	free(text);
	leads_free(&s);
}

static void
test_mapped(void **state)
{
	struct lead_set s;
	struct mapping *m;
	struct diag d = { 0 };
	const char *mt = "mapping = { delimiter = \";\"; leads = { number = \"Mobile\"; "
	    "id = \"Customer\"; consent = \"Opt in\"; }; consent_values = [\"ja\"]; };\n";
	char *mp = temp_file(mt, strlen(mt));

	(void)state;
	leads_init(&s);
	assert_int_equal(mapping_load(mp, &m, &d), 0);
	assert_false(mapping_has_columns(m));
	assert_true(mapping_has_leads(m));
	assert_int_equal(load_text(&s, "Customer;Mobile;Opt in\nC1;2125550100;ja\nC2;2125550101;nein\n",
	    m, &d), 0);
	assert_string_equal(s.v[0].format, "mapped-leads");
	assert_int_equal(s.v[0].n, 2);
	assert_string_equal(s.v[0].v[0].id, "C1");
	assert_true(s.v[0].v[0].consent_cell);
	assert_false(s.v[0].v[1].consent_cell);
	/* a file without the mapped header falls back to VICIdial's layouts */
	assert_int_equal(load_text(&s, "a;b\n", m, &d), -1);
	assert_non_null(strstr(d.message, "Mobile"));
	mapping_free(m);
	unlink(mp);
	free(mp);
	/* a leads group must name the number column */
	mt = "mapping = { leads = { id = \"Customer\"; }; };\n";
	mp = temp_file(mt, strlen(mt));
	assert_int_equal(mapping_load(mp, &m, &d), -1);
	assert_non_null(strstr(d.message, "has no 'number'"));
	unlink(mp);
	free(mp);
	leads_free(&s);
}

static void
test_sniff(void **state)
{
	(void)state;
	assert_true(leads_sniff(std_row, strlen(std_row)));
	assert_false(leads_sniff("100001|NOCALL\r\n", 15));
	assert_false(leads_sniff("\"\",\"100\",\"200\",\"default\"\n", 25));
}

/* ---- the scrub ------------------------------------------------------------ */

struct scrub_fx {
	struct model m;
	struct lead_set s;
	struct findings f;
	struct lead_scrub ls;
	struct dnc_list dnc;
	struct consent_list consent;
	struct arena *scratch;
};

/* One campaign in the callee's zone with windows [from, to) every day. */
static void
scrub_init(struct scrub_fx *x, int from_min, int to_min, const char *leads)
{
	struct campaign *c;
	struct sched_iv iv[7];
	struct diag d = { 0 };

	memset(x, 0, sizeof(*x));
	model_init(&x->m);
	findings_init(&x->f);
	leads_init(&x->s);
	x->scratch = arena_new();
	c = model_add_campaign(&x->m, "spring", "spring.cfg");
	c->purpose = PURPOSE_MARKETING;
	c->has_windows = true;
	for (int i = 0; i < 7; i++) {
		iv[i].start = i * 86400 + from_min * 60;
		iv[i].end = i * 86400 + to_min * 60;
	}
	schedule_from_intervals(iv, 7, x->m.arena, &c->windows);
	if (load_text(&x->s, leads, NULL, &d) != 0)
		fail_msg("%s", d.message);
	x->ls.profile = us;
	x->ls.campaigns = &x->m.campaigns;
	x->ls.leads = &x->s;
	x->ls.today = days_from_civil(2026, 11, 28);
	x->ls.out = &x->f;
	x->ls.scratch = x->scratch;
}

static void
scrub_free(struct scrub_fx *x)
{
	if (x->ls.dnc != NULL)
		dnc_free(&x->dnc);
	if (x->ls.consent != NULL)
		consent_free(&x->consent);
	leads_free(&x->s);
	findings_free(&x->f);
	model_free(&x->m);
	arena_free(x->scratch);
}

static const struct finding *
find(const struct findings *f, const char *rule, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].rule->id, rule) == 0 && f->v[i].key != NULL &&
		    strcmp(f->v[i].key, key) == 0)
			return &f->v[i];
	return NULL;
}

/* The profile permits 08:00-21:00: a window ending 08:01 overlaps it by a
 * minute (the windows' resolution), one ending 08:00 not at all. */
static void
test_hours_boundary(void **state)
{
	struct scrub_fx x;
	const struct finding *f;

	(void)state;
	scrub_init(&x, 7 * 60, 8 * 60 + 1, "1|1|1|1|2125550100\n");
	leads_scrub(&x.ls);
	assert_int_equal(x.ls.stats.uncallable, 0);
	assert_null(find(&x.f, "calling-hours", "leads"));
	scrub_free(&x);

	scrub_init(&x, 7 * 60, 8 * 60, "1|1|1|1|2125550100\n");
	leads_scrub(&x.ls);
	assert_int_equal(x.ls.stats.uncallable, 1);
	assert_int_equal(x.ls.stats.campaigns[0].uncallable, 1);
	f = find(&x.f, "calling-hours", "leads");
	assert_non_null(f);
	assert_string_equal(f->campaign, "spring");
	assert_int_equal(f->line, 1);
	scrub_free(&x);

	/* windows in the server's zone: New York 07:00-08:01 is Los Angeles
	 * 04:00-05:01, never inside 08:00-21:00 there; New York itself is fine */
	scrub_init(&x, 7 * 60, 8 * 60 + 1, "1|1|1|1|2125550100\n2|1|1|1|2135550100\n");
	x.m.campaigns.v[0].windows_in_callee_zone = false;
	x.m.campaigns.v[0].server_timezone = "America/New_York";
	leads_scrub(&x.ls);
	assert_int_equal(x.ls.stats.uncallable, 1);
	f = find(&x.f, "calling-hours", "leads");
	assert_non_null(f);
	assert_int_equal(f->line, 2);
	scrub_free(&x);
}

static void
test_consent_boundary(void **state)
{
	struct scrub_fx x;
	struct diag d = { 0 };
	const char *text = "number,granted_at,expires_at\n"
	    "2125550100,2026-01-01 00:00:00,2026-11-27 00:00:00\n"  /* expired yesterday */
	    "2125550101,2026-01-01 00:00:00,2026-11-28 00:00:00\n"  /* expires as today starts */
	    "2125550102,2026-01-01 00:00:00,2026-11-28 23:59:59\n"  /* expires in today's last second */
	    "2125550103,2026-01-01 00:00:00,2026-11-29 00:00:00\n"  /* valid all through today */
	    "2125550104,2026-11-28 00:00:00,\n";                     /* granted as today starts */
	char *path = temp_file(text, strlen(text));

	(void)state;
	scrub_init(&x, 9 * 60, 20 * 60, "1|1|1|1|2125550100\n2|1|1|1|2125550101\n"
	    "3|1|1|1|2125550102\n4|1|1|1|2125550103\n5|1|1|1|2125550104\n6|1|1|1|2125550105\n");
	assert_int_equal(consent_load(path, &us->numbering, tz_get("America/New_York", &d),
	    &x.consent, &d), 0);
	x.ls.consent = &x.consent;
	leads_scrub(&x.ls);
	/* 1, 2, 3 and 6 (no record) lack it; 4 and 5 hold it all day */
	assert_int_equal(x.ls.stats.no_consent, 4);
	assert_int_equal(find(&x.f, "consent", "leads")->line, 1);
	assert_true(x.ls.stats.consent_checked);
	unlink(path);
	free(path);
	scrub_free(&x);
}

static void
test_categories(void **state)
{
	struct scrub_fx x;
	struct diag d = { 0 };
	char *path = temp_file("2125550199\n", 11);
	const struct finding *f;

	(void)state;
	/* DNC hit, invalid number, blocked (900: premium, and in no zone of
	 * its own), foreign, clean, an area code spanning zones (208: Idaho,
	 * Mountain and Pacific) */
	scrub_init(&x, 9 * 60, 20 * 60, "1|1|1|1|2125550199\n2|1|1|1|212555\n3|1|1||9005550100\n"
	    "4|1|1|44|7700900123\n5|1|1|1|2125550100\n6|1|1|1|2085550100\n7|1|1|1|911\n");
	assert_int_equal(dnc_load(path, &us->numbering, &x.dnc, &d), 0);
	x.ls.dnc = &x.dnc;
	leads_scrub(&x.ls);
	assert_int_equal(x.ls.stats.parsed, 7);
	assert_int_equal(x.ls.stats.dnc, 1);
	/* 911 is no valid lead number, and a blocked destination too */
	assert_int_equal(x.ls.stats.invalid_number, 2);
	assert_int_equal(x.ls.stats.zone_unknown, 3);
	assert_int_equal(x.ls.stats.blocked, 2);
	assert_int_equal(x.ls.stats.flagged, 6);
	assert_int_equal(x.ls.stats.uncallable, 0);
	f = find(&x.f, "dnc-list", "leads");
	assert_non_null(f);
	assert_int_equal(f->line, 1);
	assert_non_null(strstr(f->message, "1 of 7 leads"));
	assert_int_equal(find(&x.f, "input-rejected", "leads/invalid-number")->line, 2);
	assert_int_equal(find(&x.f, "calling-hours", "leads/zone-unknown")->line, 3);
	assert_int_equal(find(&x.f, "blocked-destination", "leads")->line, 3);
	/* no --consent: said, not assumed */
	assert_non_null(find(&x.f, "consent", "leads/not-checked"));
	assert_null(find(&x.f, "dnc-list", "leads/not-checked"));
	unlink(path);
	free(path);
	scrub_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_standard_bom_crlf),
		cmocka_unit_test(test_csv_header_and_tab),
		cmocka_unit_test(test_not_leads),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_mapped),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_hours_boundary),
		cmocka_unit_test(test_consent_boundary),
		cmocka_unit_test(test_categories),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
