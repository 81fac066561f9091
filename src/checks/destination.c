/* blocked-destination: campaigns must filter emergency and premium numbers. */
#include "checks/check.h"

#include <stdio.h>

#include "calllog.h"
#include "checks/events.h"
#include "util/phone.h"
#include "util/regex.h"

const struct citation *
limit_destination(const struct profile *p, char *buf, size_t size)
{
	char patterns[1024] = "";
	size_t used = 0, n;

	if (!p->blocked_destinations.set)
		return NULL;
	n = regex_list_count(p->blocked_destinations.patterns);
	for (size_t i = 0; i < n && used < sizeof(patterns); i++)
		used += (size_t)snprintf(patterns + used, sizeof(patterns) - used, "%s%s",
		    i ? ", " : "", regex_list_pattern(p->blocked_destinations.patterns, i));
	snprintf(buf, size, tr("never dial numbers matching %s"), patterns);
	return &p->blocked_destinations.cite;
}

void
check_destination_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[512];

	if (limit_destination(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->destination_filter != TRI_YES)
			check_campaign(ctx, SEV_MEDIUM, c, CS_DESTINATION_FILTER,
			    &p->blocked_destinations.cite, limit,
			    c->destination_filter == TRI_NO ? tr("off") : tr("not set"),
			    tr("campaign '%s' does not filter blocked destinations (emergency, premium and "
			    "special numbers) out of its lead lists"), c->name);
	}
}

/* ---- call logs ----------------------------------------------------------- */

/* National numbers are matched without their country code, as profiles write them. */
int
destination_match(const struct profile *p, const char *e164)
{
	const char *nsn = phone_national(e164, &p->numbering);

	return regex_list_match(p->blocked_destinations.patterns, nsn != NULL ? nsn : e164);
}

static bool
destination_applies(const struct event_ctx *ctx)
{
	return ctx->profile->blocked_destinations.set;
}

/* Patterns are matched once per number, not once per call. */
static void
destination_per_number(struct event_ctx *ctx, struct call *const *calls, size_t n)
{
	char e164[32];
	int m;

	number_unpack(calls[0]->number, e164, sizeof(e164));
	m = destination_match(ctx->profile, e164);
	if (m == REGEX_NO_MATCH)
		return;
	for (size_t i = 0; i < n; i++)
		event_violation(ctx, calls[i], event_offset(ctx, calls[i]->start), 0, m);
}

static void
destination_describe(const struct event_ctx *ctx, const struct violation *v, char *buf,
    size_t size)
{
	if (v->aux >= 0)
		snprintf(buf, size, tr("blocked destination (matches %s)"),
		    regex_list_pattern(ctx->profile->blocked_destinations.patterns, (size_t)v->aux));
	else
		snprintf(buf, size, "%s", tr("blocked destination (matches a pattern whose match hit "
		    "its effort limit)"));
}

const struct event_hooks destination_events = {
	destination_applies, NULL, destination_per_number, NULL, destination_describe,
};
