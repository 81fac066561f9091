/* The event engine: checking numbers on several threads, each with its own
 * share of the tallies, gives exactly what one thread gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "checks/chartdata.h"
#include "checks/events.h"
#include "checks/rules.h"
#include "model.h"
#include "profile.h"
#include "util/arena.h"
#include "util/tz.h"

int asterisk_cdr_parse(const char *path, struct model *m, struct diag *d);

/* A week of calls with every kind of violation the volume profile knows. */
static void
write_log(char *path)
{
	FILE *f;
	uint64_t x = 42;

	snprintf(path, 64, "/tmp/dialaudit-events-XXXXXX");
	f = fdopen(mkstemp(path), "w");
	assert_non_null(f);
	for (int i = 0; i < 3000; i++) {
		int day, hour, minute, ring, talk;
		unsigned num, caller;
		const char *user = "";

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		day = 1 + (int)(x % 7);
		hour = 6 + (int)(x >> 8) % 17;     /* some before 08:00 and after 21:00 */
		minute = (int)(x >> 16) % 60;
		num = (unsigned)(x >> 24) % 80;    /* repeats, so frequency rules fire */
		caller = (unsigned)(x >> 34) % 6;
		ring = 3 + (int)(x >> 40) % 30;
		talk = (int)(x >> 46) % 3 == 0 ? 0 : (int)(x >> 50) % 40;
		if (caller == 5 && talk > 0)
			talk = 1 + (int)(x >> 50) % 4; /* one caller number hangs up fast */
		if ((x >> 56) % 23 == 0)
			user = "ABANDONED";
		else if ((x >> 56) % 29 == 0)
			user = "REFUSED";
		{
			char answer[40] = "";
			int total = ring + talk;

			if (talk > 0)
				snprintf(answer, sizeof(answer), "\"2026-03-%02d %02d:%02d:%02d\"", day, hour,
				    minute, ring % 60);
			fprintf(f, "\"camp%u\",\"05718800120%u\",\"1390000%04u\",\"out\",\"\","
			    "\"PJSIP/t\",\"%s\",\"Dial\",\"\",\"2026-03-%02d %02d:%02d:00\",%s,"
			    "\"2026-03-%02d %02d:%02d:%02d\",%d,%d,\"%s\",\"DOCUMENTATION\",\"%d.1\","
			    "\"%s\",\"\",\"%d.1\",0\n", caller % 3, caller, num, talk ? "PJSIP/agent" : "",
			    day, hour, minute, answer, day, hour, minute + total / 60, total % 60, total,
			    talk, talk ? "ANSWERED" : "NO ANSWER", 1700000000 + i, user, 1700000000 + i);
		}
	}
	fclose(f);
}

struct result {
	char *findings;
	char *details;
	char *charts;
	uint64_t attempts, numbers, nv;
};

static char *
slurp(FILE *f)
{
	long n;
	char *s;

	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = calloc((size_t)n + 1, 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	return s;
}

/* Every chart tally as text, checked against the engine's own counts. */
static char *
charts_text(const struct event_ctx *e)
{
	const struct chart_data *c = e->charts;
	size_t cap = 1 << 20, used = 0;
	char *buf = calloc(cap, 1);
	uint64_t heat = 0, numbers = 0, callers = 0;

	for (int d = 0; d < 7; d++)
		for (int h = 0; h < 24; h++) {
			used += (size_t)snprintf(buf + used, cap - used, "%llu ",
			    (unsigned long long)c->heat[d][h]);
			heat += c->heat[d][h];
		}
	for (size_t k = 0; k < CHART_WINDOW_BINS; k++) {
		used += (size_t)snprintf(buf + used, cap - used, "w%llu ",
		    (unsigned long long)c->window_max[k]);
		numbers += c->window_max[k];
	}
	for (size_t i = 0; i <= c->ncallers; i++) {
		used += (size_t)snprintf(buf + used, cap - used, "c%llu ",
		    (unsigned long long)c->by_caller[i]);
		callers += c->by_caller[i];
	}
	for (size_t i = 0; i <= c->ncampaigns; i++)
		used += (size_t)snprintf(buf + used, cap - used, "a%llu/%llu ",
		    (unsigned long long)c->abandoned[i], (unsigned long long)c->abandon_base[i]);
	for (size_t i = 0; i < c->nbins; i++)
		used += (size_t)snprintf(buf + used, cap - used, "p%u ", c->peak[i]);
	assert_true(heat == e->attempts);
	assert_true(callers == e->attempts);
	assert_true(numbers == e->numbers);
	assert_true(c->nbins > 0 && c->peak_all > 0);
	return buf;
}

static void
audit(const char *log, const char *profile_path, int jobs, struct result *out)
{
	struct model m;
	struct profile *p;
	struct diag d = { 0 };
	struct findings fs;
	struct event_ctx e = { 0 };
	FILE *details = tmpfile();
	char *buf;
	size_t used = 0, cap = 1 << 20;

	assert_int_equal(profile_load(profile_path, &p, &d), 0);
	model_init(&m);
	m.log_opts.zone = tz_get("Asia/Shanghai", &d);
	m.log_opts.numbering = &p->numbering;
	m.log_opts.jobs = 1;
	if (asterisk_cdr_parse(log, &m, &d) != 0)
		fail_msg("%s", d.message);
	findings_init(&fs);
	e.profile = p;
	e.campaigns = &m.campaigns;
	e.log = &m.log;
	e.capacity = 3;
	e.out = &fs;
	e.scratch = arena_new();
	e.details = details;
	e.jobs = jobs;
	e.min_parallel = 1;
	e.charts = chartdata_new(p, &m.log);
	events_run(&e);
	out->charts = charts_text(&e);
	findings_sort(&fs);
	buf = calloc(cap, 1);
	for (size_t i = 0; i < fs.n; i++)
		used += (size_t)snprintf(buf + used, cap - used, "%s|%s|%s|%s|%s\n", fs.v[i].rule->id,
		    fs.v[i].campaign ? fs.v[i].campaign : "", fs.v[i].actual ? fs.v[i].actual : "",
		    fs.v[i].message, fs.v[i].fingerprint);
	out->findings = buf;
	out->details = slurp(details);
	out->attempts = e.attempts;
	out->numbers = e.numbers;
	out->nv = e.nv;
	fclose(details);
	events_free(&e);
	arena_free(e.scratch);
	findings_free(&fs);
	model_free(&m);
	profile_free(p);
}

static void
test_threads_give_the_same_result(void **state)
{
	char log[64];
	const char *profiles[] = { TEST_DATA_DIR "/profiles/volume.cfg",
		TEST_DATA_DIR "/profiles/strict.cfg" };

	(void)state;
	write_log(log);
	for (size_t k = 0; k < 2; k++) {
		struct result one, many;

		audit(log, profiles[k], 1, &one);
		assert_true(one.nv > 100); /* the log does break rules */
		assert_non_null(strstr(one.findings, "call-frequency"));
		assert_non_null(strstr(one.findings, "calling-hours"));
		/* the rules whose tallies are merged from the threads' shares */
		assert_non_null(strstr(one.findings, k == 0 ? "call-volume" : "abandon-rate"));
		if (k == 0)
			assert_non_null(strstr(one.findings, "short-calls"));
		for (int jobs = 2; jobs <= 5; jobs++) {
			audit(log, profiles[k], jobs, &many);
			assert_string_equal(many.findings, one.findings);
			assert_string_equal(many.details, one.details);
			assert_string_equal(many.charts, one.charts);
			assert_true(many.attempts == one.attempts && many.numbers == one.numbers &&
			    many.nv == one.nv);
			free(many.findings);
			free(many.details);
			free(many.charts);
		}
		free(one.findings);
		free(one.details);
		free(one.charts);
	}
	unlink(log);
}

static int
teardown(void **state)
{
	(void)state;
	tz_cache_clear();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_give_the_same_result),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
