/* Findings: collection, identity and ordering. */
#include "finding.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/rules.h"
#include "util/arena.h"
#include "util/xalloc.h"

static const char *const sev_names[SEV__COUNT] = { "info", "low", "medium", "high", "critical" };

const char *
severity_name(enum severity s)
{
	return s < SEV__COUNT ? sev_names[s] : "never";
}

int
severity_parse(const char *s)
{
	for (int i = 0; i < SEV__COUNT; i++)
		if (strcmp(s, sev_names[i]) == 0)
			return i;
	if (strcmp(s, "never") == 0)
		return SEV_NEVER;
	return -1;
}

void
findings_init(struct findings *f)
{
	memset(f, 0, sizeof(*f));
	f->arena = arena_new();
}

void
findings_free(struct findings *f)
{
	free(f->v);
	arena_free(f->arena);
	memset(f, 0, sizeof(*f));
}

static uint64_t
fnv1a(uint64_t h, const char *s)
{
	if (s == NULL)
		s = "";
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0x1f; /* field separator, so ("ab","c") differs from ("a","bc") */
	h *= 0x100000001b3ULL;
	return h;
}

struct finding *
findings_add(struct findings *f, const struct finding *tmpl, const char *fmt, ...)
{
	struct finding *x;
	va_list ap;
	uint64_t h = 0xcbf29ce484222325ULL;

	xgrow((void **)&f->v, &f->cap, f->n + 1, sizeof(*f->v));
	x = &f->v[f->n++];
	*x = *tmpl;
	x->path = arena_strdup(f->arena, tmpl->path);
	x->campaign = arena_strdup(f->arena, tmpl->campaign);
	x->key = arena_strdup(f->arena, tmpl->key);
	x->limit = arena_strdup(f->arena, tmpl->limit);
	x->actual = arena_strdup(f->arena, tmpl->actual);
	va_start(ap, fmt);
	x->message = arena_vprintf(f->arena, fmt, ap);
	va_end(ap);
	h = fnv1a(h, x->rule->id);
	h = fnv1a(h, x->path);
	h = fnv1a(h, x->campaign);
	h = fnv1a(h, x->key);
	h = fnv1a(h, tmpl->ident);
	x->ident = arena_strdup(f->arena, tmpl->ident);
	x->waived = NULL;
	snprintf(x->fingerprint, sizeof(x->fingerprint), "%016llx", (unsigned long long)h);
	return x;
}

static int
cmp_str(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

static int
cmp_finding(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;
	int c;

	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	if ((c = strcmp(a->rule->id, b->rule->id)) != 0)
		return c;
	if ((c = cmp_str(a->path, b->path)) != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if ((c = cmp_str(a->campaign, b->campaign)) != 0)
		return c;
	/* identity before words, so that the order does not change with --lang */
	if ((c = cmp_str(a->key, b->key)) != 0)
		return c;
	if ((c = cmp_str(a->ident, b->ident)) != 0)
		return c;
	return cmp_str(a->message, b->message);
}

void
findings_sort(struct findings *f)
{
	if (f->n > 1)
		qsort(f->v, f->n, sizeof(*f->v), cmp_finding);
}

size_t
findings_count_at_least(const struct findings *f, enum severity s)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].severity >= s && f->v[i].waived == NULL)
			n++;
	return n;
}
