/* The log scanner: chunked parsing on many threads gives exactly the
 * single-threaded result, however the chunk boundaries fall. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "adapters/adapter.h"
#include "calllog.h"
#include "logscan.h"
#include "model.h"
#include "util/phone.h"
#include "util/tz.h"

int asterisk_cdr_parse(const char *path, struct model *m, struct diag *d);

static const struct numbering cn = { "86", "0", "00", 11 };

/* A log with every kind of trouble a chunk boundary could land in. */
static char *
write_log(void)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/dialaudit-logscan-XXXXXX");
	fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	assert_non_null(f);
	for (int i = 0; i < 400; i++) {
		const char *acct = i % 7 == 3 ? "multi\nline\ncampaign" : i % 2 ? "promo" : "care";
		const char *end = i % 5 == 0 ? "\r\n" : "\n";

		if (i % 11 == 0)
			fputs("\n", f);                 /* a blank line */
		if (i % 13 == 0)
			fputs("\"a\",\"b\"\n", f);      /* wrong column count */
		if (i % 17 == 0)
			fputs("\"x,\"broken\n", f);     /* malformed quoting */
		fprintf(f, "\"%s\",\"0571880012%02d\",\"139%08d\",\"out\",\"\"\"S\"\" <1>\","
		    "\"PJSIP/t-1\",\"\",\"Dial\",\"PJSIP/1@t,30\",\"2026-03-%02d %02d:%02d:00\",,"
		    "\"2026-03-%02d %02d:%02d:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\",\"%d.%d\",\"\","
		    "\"\",\"%d.%d\",%d%s", acct, i % 5, i % 37, 1 + i % 28, 8 + i % 12, i % 60,
		    1 + i % 28, 8 + i % 12, i % 60, 1700000000 + i, i, 1700000000 + i, i, i, end);
	}
	fclose(f);
	return path;
}

struct flat {
	uint32_t line;
	uint64_t number;
	int64_t start;
	char campaign[32], caller[32];
};

static int
cmp_flat(const void *a, const void *b)
{
	const struct flat *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

static struct flat *
flatten(const struct calllog *log, size_t *n)
{
	struct flat *v = calloc(calllog_count(log) + 1, sizeof(*v));
	size_t k = 0;

	for (size_t r = 0; r < log->nruns; r++)
		for (size_t i = 0; i < log->runs[r].n; i++) {
			const struct call *c = &log->runs[r].v[i];

			v[k].line = c->line;
			v[k].number = c->number;
			v[k].start = c->start;
			snprintf(v[k].campaign, sizeof(v[k].campaign), "%s", log->campaigns.str[c->campaign]);
			snprintf(v[k].caller, sizeof(v[k].caller), "%s", log->callers.str[c->caller]);
			k++;
		}
	qsort(v, k, sizeof(*v), cmp_flat);
	*n = k;
	return v;
}

static void
scan(const char *path, int jobs, size_t min_chunk, struct model *m)
{
	struct diag d = { 0 };

	model_init(m);
	m->log_opts.zone = tz_get("Asia/Shanghai", &d);
	m->log_opts.numbering = &cn;
	m->log_opts.jobs = jobs;
	m->log_opts.min_chunk = min_chunk;
	if (asterisk_cdr_parse(path, m, &d) != 0)
		fail_msg("%s:%d: %s", d.file, d.line, d.message);
}

static void
test_chunks_match_single_thread(void **state)
{
	char *path = write_log();
	struct model one;
	struct flat *base;
	size_t nbase;

	(void)state;
	scan(path, 1, 0, &one);
	base = flatten(&one.log, &nbase);
	assert_int_equal(one.log.files[0].rows, one.log.files[0].parsed + one.log.files[0].rejected);
	assert_int_equal(one.log.files[0].parsed, 400);
	assert_int_equal(one.log.files[0].rejected, 400 / 13 + 1 + 400 / 17 + 1);
	for (int jobs = 2; jobs <= 7; jobs++)
		for (size_t chunk = 1; chunk <= 40000; chunk = chunk * 3 + 7) {
			struct model m;
			struct flat *v;
			size_t n;

			scan(path, jobs, chunk, &m);
			v = flatten(&m.log, &n);
			assert_int_equal(n, nbase);
			for (size_t i = 0; i < n; i++) {
				assert_int_equal(v[i].line, base[i].line);
				assert_true(v[i].number == base[i].number);
				assert_true(v[i].start == base[i].start);
				assert_string_equal(v[i].campaign, base[i].campaign);
				assert_string_equal(v[i].caller, base[i].caller);
			}
			assert_int_equal(m.log.files[0].rows, one.log.files[0].rows);
			assert_int_equal(m.log.files[0].rejected, one.log.files[0].rejected);
			for (size_t k = 0; k < one.log.files[0].nexamples; k++)
				assert_int_equal(m.log.files[0].examples[k].line,
				    one.log.files[0].examples[k].line);
			free(v);
			model_free(&m);
		}
	free(base);
	model_free(&one);
	unlink(path);
}

static void
test_physical_lines(void **state)
{
	char *path = write_log();
	struct model m;
	struct flat *v;
	size_t n;
	FILE *f;
	char *text = NULL;
	size_t cap = 0;
	ssize_t got;
	uint32_t line = 0;
	size_t k = 0;

	(void)state;
	scan(path, 3, 1000, &m);
	v = flatten(&m.log, &n);
	/* every parsed call's line starts with the quoted account code */
	f = fopen(path, "r");
	while ((got = getline(&text, &cap, f)) > 0) {
		line++;
		if (k < n && v[k].line == line) {
			assert_true(text[0] == '"' && (strncmp(text, "\"promo\"", 7) == 0 ||
			    strncmp(text, "\"care\"", 6) == 0 || strncmp(text, "\"multi", 6) == 0));
			k++;
		}
	}
	assert_int_equal(k, n);
	fclose(f);
	free(text);
	free(v);
	model_free(&m);
	unlink(path);
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
		cmocka_unit_test(test_chunks_match_single_thread),
		cmocka_unit_test(test_physical_lines),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
