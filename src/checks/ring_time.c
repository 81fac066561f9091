/* ring-time: unanswered calls must ring at least the profile's minimum. */
#include "checks/check.h"
#include "util/arena.h"

#include <stdio.h>

#include "checks/events.h"

const struct citation *
limit_ring_time(const struct profile *p, char *buf, size_t size)
{
	if (!p->ring_time.set)
		return NULL;
	snprintf(buf, size, tr("ring at least %d s before giving up"), p->ring_time.min_seconds);
	return &p->ring_time.cite;
}

void
check_ring_time_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[128];

	if (limit_ring_time(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->ring_timeout < 0)
			check_campaign(ctx, SEV_LOW, c, CS_RING_TIMEOUT, &p->ring_time.cite, limit,
			    tr("not set"), tr("campaign '%s' sets no ring_timeout, so the dialer's default "
			    "decides (the minimum is %d s)"), c->name, p->ring_time.min_seconds);
		else if (c->ring_timeout < p->ring_time.min_seconds)
			check_campaign(ctx, SEV_MEDIUM, c, CS_RING_TIMEOUT, &p->ring_time.cite, limit,
			    arena_printf(ctx->scratch, tr("%d s"), c->ring_timeout),
			    tr("campaign '%s' gives up after %d s of ringing, less than %d s"), c->name,
			    c->ring_timeout, p->ring_time.min_seconds);
	}
}

/* ---- call logs ----------------------------------------------------------- */

static bool
ring_applies(const struct event_ctx *ctx)
{
	return ctx->profile->ring_time.set;
}

/* Busy and failed attempts end early by nature; only unanswered ones count. */
static void
ring_per_call(struct event_ctx *ctx, const struct call *c)
{
	if (c->disposition == DISP_NO_ANSWER && !(c->flags & CALL_ANSWERED) &&
	    c->ring < (uint32_t)ctx->profile->ring_time.min_seconds)
		event_violation(ctx, c, event_offset(ctx, c->start), 0, (int32_t)c->ring);
}

static void
ring_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	snprintf(buf, size, tr("unanswered call given up after %d s (minimum %d s)"), v->aux,
	    ctx->profile->ring_time.min_seconds);
}

const struct event_hooks ring_time_events = {
	ring_applies, ring_per_call, NULL, NULL, ring_describe,
};
