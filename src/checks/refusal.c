/* wait-after-refusal: how long a refusal suppresses further calls. */
#include "checks/check.h"
#include "util/arena.h"

#include <stdio.h>

#include "checks/events.h"
#include "util/timeutil.h"

const struct citation *
limit_wait_after_refusal(const struct profile *p, char *buf, size_t size)
{
	if (!p->wait_after_refusal.set)
		return NULL;
	if (p->wait_after_refusal.forever)
		snprintf(buf, size, "%s", tr("no further calls after a refusal, ever"));
	else
		snprintf(buf, size, tr("no further calls for %d days after a refusal"),
		    p->wait_after_refusal.days);
	return &p->wait_after_refusal.cite;
}

void
check_wait_after_refusal_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_wait_after_refusal(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];
		int have = c->refusal_suppression_days;

		if (have < 0)
			check_campaign(ctx, SEV_HIGH, c, CS_REFUSAL_SUPPRESSION,
			    &p->wait_after_refusal.cite, limit, tr("not set"),
			    tr("campaign '%s' does not say how long a refusal stops further calls"), c->name);
		else if (have > 0 && p->wait_after_refusal.forever)
			check_campaign(ctx, SEV_HIGH, c, CS_REFUSAL_SUPPRESSION,
			    &p->wait_after_refusal.cite, limit, arena_printf(ctx->scratch, tr("%d days"), have),
			    tr("campaign '%s' calls a number again %d days after a refusal; the profile "
			    "allows no further calls"), c->name, have);
		else if (have > 0 && have < p->wait_after_refusal.days)
			check_campaign(ctx, SEV_HIGH, c, CS_REFUSAL_SUPPRESSION,
			    &p->wait_after_refusal.cite, limit, arena_printf(ctx->scratch, tr("%d days"), have),
			    tr("campaign '%s' calls a number again %d days after a refusal; the minimum is "
			    "%d days"), c->name, have, p->wait_after_refusal.days);
	}
}

/* ---- call logs ----------------------------------------------------------- */

static bool
refusal_applies(const struct event_ctx *ctx)
{
	return ctx->profile->wait_after_refusal.set;
}

static void
refusal_per_number(struct event_ctx *ctx, struct call *const *calls, size_t n)
{
	const struct profile *p = ctx->profile;
	int64_t wait = (int64_t)p->wait_after_refusal.days * SECONDS_PER_DAY;
	const struct call *refused = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct call *c = calls[i];

		if (refused != NULL &&
		    (p->wait_after_refusal.forever || c->start - refused->start < wait))
			event_violation(ctx, c, event_offset(ctx, c->start), 0,
			    (int32_t)((c->start - refused->start) / SECONDS_PER_DAY));
		if (c->flags & CALL_REFUSED)
			refused = c;
	}
}

static void
refusal_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	if (ctx->profile->wait_after_refusal.forever)
		snprintf(buf, size, v->aux == 1 ? tr("called %d day after the person refused further "
		    "calls (never allowed)") : tr("called %d days after the person refused further calls "
		    "(never allowed)"), v->aux);
	else
		snprintf(buf, size, v->aux == 1 ? tr("called %d day after the person refused further "
		    "calls (minimum %d days)") : tr("called %d days after the person refused further "
		    "calls (minimum %d days)"), v->aux, ctx->profile->wait_after_refusal.days);
}

const struct event_hooks wait_after_refusal_events = {
	refusal_applies, NULL, refusal_per_number, NULL, refusal_describe,
};
