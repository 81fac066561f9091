/* Abandonment: abandon-rate, abandon-message and recall-after-abandon. */
#include "checks/check.h"

#include <stdio.h>

#include "util/timeutil.h"

/* Whether the campaign's dialling can abandon calls at all. */
bool
campaign_can_abandon(const struct campaign *c)
{
	if (c->dial_mode == DIAL_PREDICTIVE || c->dial_mode == DIAL_UNSET)
		return true;
	/* AMD holds a call while it listens; a late connect is an abandoned call. */
	return c->dial_mode == DIAL_PROGRESSIVE && c->amd == TRI_YES;
}

/* A live agent waits on every call unless the campaign can abandon. */
static bool
agent_guaranteed(const struct campaign *c)
{
	return !campaign_can_abandon(c);
}

const struct citation *
limit_abandon_rate(const struct profile *p, char *buf, size_t size)
{
	static const char *const denom[] = { "live-answered calls", "answered calls", "attempts" };
	char w[32];

	if (!p->abandon_rate.set)
		return NULL;
	format_duration(p->abandon_rate.window, w, sizeof(w));
	snprintf(buf, size, "at most %g%% of %s per campaign per %s%s", p->abandon_rate.max_percent,
	    denom[p->abandon_rate.denominator], p->abandon_rate.calendar_day ? "calendar day" : w,
	    p->abandon_rate.calendar_day ? "" : " window");
	return &p->abandon_rate.cite;
}

void
check_abandon_rate_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_abandon_rate(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (!campaign_can_abandon(c))
			continue;
		if (c->abandon_target < 0)
			check_campaign(ctx, c->dial_mode == DIAL_UNSET ? SEV_MEDIUM : SEV_HIGH, c,
			    c->dial_mode == DIAL_UNSET ? CS_DIAL_MODE : CS_ABANDON_TARGET,
			    &p->abandon_rate.cite, limit, "not set",
			    "campaign '%s' %s but sets no abandon_target, so the dialer's own default "
			    "decides how many calls it drops", c->name,
			    c->dial_mode == DIAL_PREDICTIVE ? "dials predictively" :
			    c->dial_mode == DIAL_PROGRESSIVE ? "dials progressively with AMD" :
			    "does not say its dial_mode (it may dial predictively)");
		else if (c->abandon_target > p->abandon_rate.max_percent)
			check_campaign(ctx, SEV_HIGH, c, CS_ABANDON_TARGET, &p->abandon_rate.cite, limit,
			    check_printf(ctx, "%g%%", c->abandon_target),
			    "campaign '%s' targets %g%% abandoned calls, above the limit of %g%%", c->name,
			    c->abandon_target, p->abandon_rate.max_percent);
	}
}

const struct citation *
limit_abandon_message(const struct profile *p, char *buf, size_t size)
{
	if (!p->abandon_message.set)
		return NULL;
	snprintf(buf, size, "%s within %g s of the answer",
	    p->abandon_message.required ? "an identification message" : "any message",
	    p->abandon_message.max_seconds);
	return &p->abandon_message.cite;
}

void
check_abandon_message_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_abandon_message(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (!campaign_can_abandon(c))
			continue;
		if (c->abandon_message != TRI_YES) {
			if (p->abandon_message.required)
				check_campaign(ctx, SEV_MEDIUM, c, CS_ABANDON_MESSAGE,
				    &p->abandon_message.cite, limit,
				    c->abandon_message == TRI_NO ? "off" : "not set",
				    "campaign '%s' can abandon calls but plays no message on them, so "
				    "they are silent calls", c->name);
		} else if (c->abandon_message_delay < 0) {
			check_campaign(ctx, SEV_LOW, c, CS_ABANDON_MESSAGE_DELAY,
			    &p->abandon_message.cite, limit, "not set",
			    "campaign '%s' does not say how soon its abandon message starts (limit %g s)",
			    c->name, p->abandon_message.max_seconds);
		} else if (c->abandon_message_delay > p->abandon_message.max_seconds) {
			check_campaign(ctx, SEV_MEDIUM, c, CS_ABANDON_MESSAGE_DELAY,
			    &p->abandon_message.cite, limit,
			    check_printf(ctx, "%g s", c->abandon_message_delay),
			    "campaign '%s' starts its abandon message after %g s, later than %g s",
			    c->name, c->abandon_message_delay, p->abandon_message.max_seconds);
		}
	}
}

const struct citation *
limit_recall_after_abandon(const struct profile *p, char *buf, size_t size)
{
	if (!p->recall_after_abandon.set)
		return NULL;
	snprintf(buf, size, "no new call within %d h of an abandoned call%s",
	    p->recall_after_abandon.hours,
	    p->recall_after_abandon.live_agent_exempt ? " unless a live agent is guaranteed" : "");
	return &p->recall_after_abandon.cite;
}

void
check_recall_after_abandon_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	int64_t need;
	char limit[256];

	if (limit_recall_after_abandon(p, limit, sizeof(limit)) == NULL)
		return;
	need = (int64_t)p->recall_after_abandon.hours * 3600;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];
		enum campaign_setting cs = CS_RETRY_AFTER_ABANDON;
		int64_t delay = c->retry_after_abandon;
		char have[32];

		if (p->recall_after_abandon.live_agent_exempt && agent_guaranteed(c))
			continue;
		if (delay < 0) {
			/* Dialers fall back to the general retry interval. */
			delay = c->retry_interval;
			cs = CS_RETRY_INTERVAL;
		}
		if (delay < 0) {
			check_campaign(ctx, SEV_MEDIUM, c, CS_RETRY_AFTER_ABANDON,
			    &p->recall_after_abandon.cite, limit, "not set",
			    "campaign '%s' sets no delay before an abandoned number is called again",
			    c->name);
			continue;
		}
		if (delay >= need)
			continue;
		format_duration(delay, have, sizeof(have));
		check_campaign(ctx, SEV_MEDIUM, c, cs, &p->recall_after_abandon.cite, limit, have,
		    "campaign '%s' may call an abandoned number again after %s, sooner than %d h",
		    c->name, have, p->recall_after_abandon.hours);
	}
}
