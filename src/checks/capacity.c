/* capacity: channels against the licence and the per-caller-number limit. */
#include "checks/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/events.h"
#include "util/phone.h"
#include "util/callsort.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

const struct citation *
limit_capacity(const struct profile *p, char *buf, size_t size)
{
	if (!p->capacity.set) {
		snprintf(buf, size, "no more concurrent calls than licensed");
		return NULL;
	}
	snprintf(buf, size, "at most %d concurrent call%s per caller number, and no more channels "
	    "than licensed", p->capacity.per_caller_number,
	    p->capacity.per_caller_number == 1 ? "" : "s");
	return &p->capacity.cite;
}

static void
check_licence_channels(struct check_ctx *ctx)
{
	const struct licence *l = ctx->licence;
	long long total = 0;
	bool all_set = true;
	char limit[128];

	snprintf(limit, sizeof(limit), "%d concurrent channels (licence)", l->channels);
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->max_channels <= 0) {
			all_set = false;
			check_campaign_ident(ctx, SEV_MEDIUM, c, CS_MAX_CHANNELS, "licence", NULL, limit,
			    "not set",
			    "campaign '%s' sets no channel limit; the licence allows %d", c->name,
			    l->channels);
			continue;
		}
		total += c->max_channels;
		if (c->max_channels > l->channels)
			check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_CHANNELS, "licence", NULL, limit,
			    check_printf(ctx, "%d channels", c->max_channels),
			    "campaign '%s' may use %d channels; the licence allows %d", c->name,
			    c->max_channels, l->channels);
	}
	if (all_set && ctx->campaigns->n > 1 && total > l->channels)
		check_licence(ctx, SEV_HIGH, l->capacity_line, "channels/total", NULL, limit,
		    check_printf(ctx, "%lld channels", total),
		    "the %zu campaigns together may use %lld channels; the licence allows %d",
		    ctx->campaigns->n, total, l->channels);
}

void
check_capacity_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (ctx->licence != NULL && ctx->licence->channels > 0)
		check_licence_channels(ctx);
	if (limit_capacity(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];
		size_t valid = 0;
		long long allowed;

		for (size_t k = 0; k < c->ncaller_ids; k++) {
			char e164[PHONE_MAX];

			valid += phone_normalise(c->caller_ids[k], strlen(c->caller_ids[k]),
			    &p->numbering, e164) == PHONE_OK;
		}
		allowed = (long long)p->capacity.per_caller_number * (long long)valid;
		if (c->max_channels <= 0 || valid == 0 || c->max_channels <= allowed)
			continue;
		check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_CHANNELS, "per-caller-number",
		    &p->capacity.cite, limit,
		    check_printf(ctx, "%d channels over %zu caller number%s", c->max_channels,
		    valid, valid == 1 ? "" : "s"),
		    "campaign '%s' may run %d concurrent calls over %zu valid caller number%s; at %d "
		    "per number it may run at most %lld", c->name, c->max_channels, valid,
		    valid == 1 ? "" : "s", p->capacity.per_caller_number, allowed);
	}
}

/* ---- call logs ----------------------------------------------------------- */

static bool
capacity_applies(const struct event_ctx *ctx)
{
	return ctx->capacity > 0 || ctx->profile->capacity.set;
}

struct heap {
	int64_t *v;
	size_t n, cap;
};

static void
heap_push(struct heap *h, int64_t x)
{
	size_t i;

	xgrow((void **)&h->v, &h->cap, h->n + 1, sizeof(*h->v));
	for (i = h->n++; i > 0 && h->v[(i - 1) / 2] > x; i = (i - 1) / 2)
		h->v[i] = h->v[(i - 1) / 2];
	h->v[i] = x;
}

static void
heap_pop(struct heap *h)
{
	int64_t x = h->v[--h->n];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && h->v[c + 1] < h->v[c])
			c++;
		if (h->v[c] >= x)
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n > 0)
		h->v[i] = x;
}

static bool
earlier(const struct call *a, const struct call *b)
{
	if (a->start != b->start)
		return a->start < b->start;
	if (a->file != b->file)
		return a->file < b->file;
	return a->line < b->line;
}

struct sweep {
	struct heap all;         /* ends of every call in progress */
	struct heap *per_caller; /* by caller id */
	size_t peak;
	int64_t peak_at;
	uint16_t peak_file;
	uint32_t peak_line;
};

/* Drops calls that ended by t: a call ending at this second holds no line. */
static void
expire(struct heap *h, int64_t t)
{
	while (h->n > 0 && h->v[0] <= t)
		heap_pop(h);
}

static void
visit(struct event_ctx *ctx, struct sweep *s, const struct call *c)
{
	int64_t end = c->start + (int64_t)c->duration;

	/* the total is followed only when there is a capacity to hold it to */
	if (ctx->capacity > 0) {
		expire(&s->all, c->start);
		heap_push(&s->all, end);
		if (s->all.n > s->peak) {
			s->peak = s->all.n;
			s->peak_at = c->start;
			s->peak_file = c->file;
			s->peak_line = c->line;
		}
		/* one violating call, however many limits it breaks: the total first */
		if (s->all.n > (size_t)ctx->capacity)
			event_violation(ctx, c, event_number_offset(ctx, c->number, c->start), 0,
			    (int32_t)s->all.n);
	}
	if (ctx->profile->capacity.set && c->caller != 0) {
		struct heap *h = &s->per_caller[c->caller];

		expire(h, c->start);
		heap_push(h, end);
		if (h->n > (size_t)ctx->profile->capacity.per_caller_number &&
		    !(ctx->capacity > 0 && s->all.n > (size_t)ctx->capacity))
			event_violation(ctx, c, event_number_offset(ctx, c->number, c->start), 1,
			    (int32_t)h->n);
	}
}

/*
 * One sweep over every counted call in start order: each run is sorted in
 * place and the runs are merged, so no copy of the calls is made.
 */
static void
sweep_calls(struct event_ctx *ctx, struct sweep *s)
{
	struct calllog *log = (struct calllog *)ctx->log;
	size_t *at = xcalloc(log->nruns + 1, sizeof(*at));

	calls_sort_runs(log->runs, log->nruns, CALLS_BY_START, ctx->jobs);
	for (;;) {
		const struct call *best = NULL;
		size_t br = 0;

		for (size_t r = 0; r < log->nruns; r++) {
			while (at[r] < log->runs[r].n && log->runs[r].v[at[r]].flags & CALL_DUPLICATE)
				at[r]++;
			if (at[r] < log->runs[r].n && (best == NULL || earlier(&log->runs[r].v[at[r]], best))) {
				best = &log->runs[r].v[at[r]];
				br = r;
			}
		}
		if (best == NULL)
			break;
		at[br]++;
		visit(ctx, s, best);
	}
	free(at);
}

static void
capacity_finish(struct event_ctx *ctx)
{
	struct sweep s = { 0 };
	struct finding t = { 0 };
	char when[64];

	s.per_caller = xcalloc(ctx->log->callers.n + 1, sizeof(*s.per_caller));
	sweep_calls(ctx, &s);
	free(s.all.v);
	for (size_t i = 0; i <= ctx->log->callers.n; i++)
		free(s.per_caller[i].v);
	free(s.per_caller);
	if (ctx->capacity <= 0 || s.peak <= (size_t)ctx->capacity)
		return;
	{
		int64_t day = s.peak_at / SECONDS_PER_DAY;
		int32_t sec = (int32_t)(s.peak_at - day * SECONDS_PER_DAY);

		format_date(day, when, 16);
		snprintf(when + strlen(when), sizeof(when) - strlen(when), " %02d:%02d:%02d UTC",
		    sec / 3600, sec / 60 % 60, sec % 60);
	}
	t.rule = ctx->rule;
	t.severity = ctx->rule->severity;
	t.path = ctx->log->files[s.peak_file].path;
	t.line = (int)s.peak_line;
	t.key = "capacity/peak";
	t.limit = check_printf_arena(ctx->scratch, "%d concurrent calls (%s)", ctx->capacity,
	    ctx->capacity_from_option ? "--capacity" : "licence");
	t.actual = check_printf_arena(ctx->scratch, "peak of %zu", s.peak);
	findings_add(ctx->out, &t, "the logs reach %zu concurrent calls at %s; the capacity is %d",
	    s.peak, when, ctx->capacity);
}

static void
capacity_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	if (v->reason == 1)
		snprintf(buf, size, "started while its caller number had %d calls in progress "
		    "(limit %d per caller number)", v->aux, ctx->profile->capacity.per_caller_number);
	else
		snprintf(buf, size, "started with %d calls in progress (capacity %d)", v->aux,
		    ctx->capacity);
}

const struct event_hooks capacity_events = {
	capacity_applies, NULL, NULL, capacity_finish, capacity_describe,
};
