/* wait-after-refusal: how long a refusal suppresses further calls. */
#include "checks/check.h"

#include <stdio.h>

const struct citation *
limit_wait_after_refusal(const struct profile *p, char *buf, size_t size)
{
	if (!p->wait_after_refusal.set)
		return NULL;
	if (p->wait_after_refusal.forever)
		snprintf(buf, size, "no further calls after a refusal, ever (until consent is given again)");
	else
		snprintf(buf, size, "no further calls for %d days after a refusal",
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
			    &p->wait_after_refusal.cite, limit, "not set",
			    "campaign '%s' does not say how long a refusal stops further calls", c->name);
		else if (have > 0 && (p->wait_after_refusal.forever || have < p->wait_after_refusal.days))
			check_campaign(ctx, SEV_HIGH, c, CS_REFUSAL_SUPPRESSION,
			    &p->wait_after_refusal.cite, limit, check_printf(ctx, "%d days", have),
			    "campaign '%s' calls a number again %d days after a refusal; %s", c->name,
			    have, p->wait_after_refusal.forever ? "the profile allows no further calls" :
			    check_printf(ctx, "the minimum is %d days", p->wait_after_refusal.days));
	}
}
