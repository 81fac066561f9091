/*
 * Differential fuzz target: the fast one-line CSV path of util/csvrec.c
 * against libcsv alone (no_fast). Every input must give the same records,
 * fields, boundaries, line counts and rejections either way, read as the
 * log scanner reads (a bad multi-line record again from its second line).
 * tests/unit/test_csvrec.c does the same over random inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util/csvrec.h"

/* A canonical description of every record of buf, as a growing string. */
struct out {
	char *p;
	size_t n, cap;
};

static void
put(struct out *o, const void *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		o->cap = (o->n + n + 1) * 2;
		o->p = realloc(o->p, o->cap);
		if (o->p == NULL)
			abort();
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static void
describe(struct csvrec *r, const uint8_t *buf, size_t len, struct out *o)
{
	size_t pos = 0;

	/* every step moves forward, so at most len + 1 records */
	for (size_t guard = 0; guard <= len + 1; guard++) {
		struct csvrec_result res;
		enum csvrec_status s = csvrec_next(r, (const char *)buf, len, pos, &res);
		char head[200];

		if (s == CSVREC_END) {
			put(o, "END;", 4);
			return;
		}
		put(o, head, (size_t)snprintf(head, sizeof(head), "%d s%zu n%zu l%u b%u 2nd%zu [", s,
		    res.start, res.next, res.lines, res.blank_lines, res.second_line));
		if (s == CSVREC_OK)
			for (size_t i = 0; i < r->nfields; i++) {
				char num[32];

				/* the length first: fields may hold any byte */
				put(o, num, (size_t)snprintf(num, sizeof(num), "%zu:", r->fields[i].n));
				put(o, r->fields[i].p, r->fields[i].n);
			}
		else
			put(o, res.reason, strlen(res.reason));
		put(o, "];", 2);
		pos = s == CSVREC_BAD && res.lines > 1 && res.second_line > res.start ?
		    res.second_line : res.next;
		if (pos <= res.start && s != CSVREC_END) {
			fprintf(stderr, "csvrec: no progress at %zu\n", pos);
			abort();
		}
	}
	fprintf(stderr, "csvrec: more records than bytes\n");
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csvrec fast, slow;
	struct out a = { 0 }, b = { 0 };

	if (csvrec_init(&fast, ',') != 0 || csvrec_init(&slow, ',') != 0)
		abort();
	slow.no_fast = true;
	describe(&fast, data, size, &a);
	describe(&slow, data, size, &b);
	if (a.n != b.n || memcmp(a.p, b.p, a.n) != 0) {
		fprintf(stderr, "fast: %.*s\nlibcsv: %.*s\n", (int)a.n, a.p, (int)b.n, b.p);
		abort();
	}
	free(a.p);
	free(b.p);
	csvrec_free(&fast);
	csvrec_free(&slow);
	return 0;
}
