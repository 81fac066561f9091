/* capacity: channels against the licence and the per-caller-number limit. */
#include "checks/check.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calllog.h"
#include "checks/events.h"
#include "checks/sweep.h"
#include "util/phone.h"
#include "util/callsort.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

const struct citation *
limit_capacity(const struct profile *p, char *buf, size_t size)
{
	if (!p->capacity.set) {
		snprintf(buf, size, "%s", tr("no more concurrent calls than licensed"));
		return NULL;
	}
	if (p->capacity.per_caller_number == 1)
		snprintf(buf, size, "%s", tr("at most 1 concurrent call per caller number, and no more "
		    "channels than licensed"));
	else
		snprintf(buf, size, tr("at most %d concurrent calls per caller number, and no more "
		    "channels than licensed"), p->capacity.per_caller_number);
	return &p->capacity.cite;
}

static void
check_licence_channels(struct check_ctx *ctx)
{
	const struct licence *l = ctx->licence;
	long long total = 0;
	bool all_set = true;
	char limit[128];

	snprintf(limit, sizeof(limit), tr("%d concurrent channels (licence)"), l->channels);
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->max_channels <= 0) {
			all_set = false;
			check_campaign_ident(ctx, SEV_MEDIUM, c, CS_MAX_CHANNELS, "licence", NULL, limit,
			    tr("not set"),
			    tr("campaign '%s' sets no channel limit; the licence allows %d"), c->name,
			    l->channels);
			continue;
		}
		total += c->max_channels;
		if (c->max_channels > l->channels)
			check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_CHANNELS, "licence", NULL, limit,
			    arena_printf(ctx->scratch, tr("%d channels"), c->max_channels),
			    tr("campaign '%s' may use %d channels; the licence allows %d"), c->name,
			    c->max_channels, l->channels);
	}
	if (all_set && ctx->campaigns->n > 1 && total > l->channels)
		check_licence(ctx, SEV_HIGH, l->capacity_line, "channels/total", NULL, limit,
		    arena_printf(ctx->scratch, tr("%lld channels"), total),
		    tr("the %zu campaigns together may use %lld channels; the licence allows %d"),
		    ctx->campaigns->n, total, l->channels);
}

/* The agents a dialer's queues put calls through to, against the licence's
 * seats: only campaigns whose configuration counts its agents are judged. */
static void
check_licence_seats(struct check_ctx *ctx)
{
	const struct licence *l = ctx->licence;
	long long total = 0;
	size_t counted = 0;
	char limit[128];

	snprintf(limit, sizeof(limit), tr("%d agent seats (licence)"), l->seats);
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->agents <= 0)
			continue;
		counted++;
		total += c->agents;
		if (c->agents > l->seats)
			check_campaign_ident(ctx, SEV_HIGH, c, CS_AGENTS, "licence", NULL, limit,
			    arena_printf(ctx->scratch, tr("%d agents"), c->agents),
			    tr("campaign '%s' puts calls through to %d agents; the licence allows %d "
			    "seats"), c->name, c->agents, l->seats);
	}
	if (counted > 1 && total > l->seats)
		check_licence(ctx, SEV_HIGH, l->capacity_line, "seats/total", NULL, limit,
		    arena_printf(ctx->scratch, tr("%lld agents"), total),
		    tr("the %zu campaigns that count their agents have %lld together; the licence "
		    "allows %d seats"), counted, total, l->seats);
}

void
check_capacity_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (ctx->licence != NULL && ctx->licence->channels > 0)
		check_licence_channels(ctx);
	if (ctx->licence != NULL && ctx->licence->seats > 0)
		check_licence_seats(ctx);
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
		if (valid == 1)
			check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_CHANNELS, "per-caller-number",
			    &p->capacity.cite, limit,
			    arena_printf(ctx->scratch, tr("%d channels over 1 caller number"),
			    c->max_channels),
			    tr("campaign '%s' may run %d concurrent calls over 1 valid caller number; at "
			    "%d per number it may run at most %lld"), c->name, c->max_channels,
			    p->capacity.per_caller_number, allowed);
		else
			check_campaign_ident(ctx, SEV_HIGH, c, CS_MAX_CHANNELS, "per-caller-number",
			    &p->capacity.cite, limit,
			    arena_printf(ctx->scratch, tr("%d channels over %zu caller numbers"),
			    c->max_channels, valid),
			    tr("campaign '%s' may run %d concurrent calls over %zu valid caller numbers; "
			    "at %d per number it may run at most %lld"), c->name, c->max_channels, valid,
			    p->capacity.per_caller_number, allowed);
	}
}

/* ---- call logs ----------------------------------------------------------- */

static bool
capacity_applies(const struct event_ctx *ctx)
{
	return ctx->capacity > 0 || ctx->profile->capacity.set;
}

struct sweep {
	struct end_heap all;         /* ends of every call in progress */
	size_t peak;
	int64_t peak_at;
	uint16_t peak_file;
	uint32_t peak_line;
};

struct total_arg {
	struct event_ctx *ctx;
	struct sweep *s;
};

/* All calls against the capacity; a call over it is marked, so that the
 * per-caller-number check does not count it a second time. */
static void
visit_total(const struct call *cc, void *arg)
{
	struct total_arg *ta = arg;
	struct sweep *s = ta->s;
	struct call *c = (struct call *)cc;

	end_heap_expire(&s->all, c->start);
	end_heap_push(&s->all, c->start + (int64_t)c->duration);
	if (s->all.n > s->peak) {
		s->peak = s->all.n;
		s->peak_at = c->start;
		s->peak_file = c->file;
		s->peak_line = c->line;
	}
	if (s->all.n > (size_t)ta->ctx->capacity) {
		c->flags |= CALL_OVER_CAPACITY;
		event_violation(ta->ctx, c, event_number_offset(ta->ctx, c->number, c->start), 0,
		    (int32_t)s->all.n);
	}
}

struct caller_arg {
	struct event_share *sh;
	struct end_heap *per_caller;  /* by caller id */
};

static bool
keep_caller(const struct call *c, void *arg)
{
	struct caller_arg *ca = arg;

	return c->caller != 0 && c->caller % ca->sh->count == ca->sh->index;
}

static void
visit_caller(const struct call *c, void *arg)
{
	struct caller_arg *ca = arg;
	struct event_ctx *ctx = &ca->sh->ctx;
	struct end_heap *h = &ca->per_caller[c->caller];

	end_heap_expire(h, c->start);
	end_heap_push(h, c->start + (int64_t)c->duration);
	if (h->n > (size_t)ctx->profile->capacity.per_caller_number && !(c->flags & CALL_OVER_CAPACITY))
		event_violation(ctx, c, event_number_offset(ctx, c->number, c->start), 1, (int32_t)h->n);
}

/* One share of the caller numbers (those whose id falls in it), on its own. */
static void
caller_share(struct event_share *sh)
{
	struct caller_arg ca = { sh, NULL };
	size_t n = sh->ctx.log->callers.n + 1;

	ca.per_caller = xcalloc(n, sizeof(*ca.per_caller));
	sweep_by_start(sh->ctx.log, keep_caller, visit_caller, &ca);
	for (size_t i = 0; i < n; i++)
		free(ca.per_caller[i].v);
	free(ca.per_caller);
}

#define CALLER_SHARES 2 /* fixed, so that the output does not depend on -j */

static void
capacity_finish(struct event_ctx *ctx)
{
	struct sweep s = { 0 };
	struct finding t = { 0 };
	struct total_arg ta = { ctx, &s };
	char when[64];

	calls_sort_runs(((struct calllog *)ctx->log)->runs, ctx->log->nruns, CALLS_BY_START,
	    ctx->jobs);
	/* the total is followed only when there is a capacity to hold it to */
	if (ctx->capacity > 0)
		sweep_by_start(ctx->log, NULL, visit_total, &ta);
	free(s.all.v);
	if (ctx->profile->capacity.set)
		events_in_shares(ctx, CALLER_SHARES, caller_share, NULL);
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
	t.limit = ctx->capacity_from_option ?
	    arena_printf(ctx->scratch, tr("%d concurrent calls (--capacity)"), ctx->capacity) :
	    arena_printf(ctx->scratch, tr("%d concurrent calls (licence)"), ctx->capacity);
	t.actual = arena_printf(ctx->scratch, tr("peak of %zu"), s.peak);
	findings_add(ctx->out, &t, tr("the logs reach %zu concurrent calls at %s; the capacity is %d"),
	    s.peak, when, ctx->capacity);
}

static void
capacity_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	if (v->reason == 1)
		snprintf(buf, size, tr("started while its caller number had %d calls in progress "
		    "(limit %d per caller number)"), v->aux, ctx->profile->capacity.per_caller_number);
	else
		snprintf(buf, size, tr("started with %d calls in progress (capacity %d)"), v->aux,
		    ctx->capacity);
}

const struct event_hooks capacity_events = {
	capacity_applies, NULL, NULL, capacity_finish, capacity_describe,
};
