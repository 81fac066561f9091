/* record-retention: call records and consent proof kept long enough. */
#include "checks/check.h"
#include "util/arena.h"

#include <stdio.h>

const struct citation *
limit_retention(const struct profile *p, char *buf, size_t size)
{
	if (!p->retention.set)
		return NULL;
	snprintf(buf, size, tr("keep recordings, call records and consent proof at least %d days"),
	    p->retention.days);
	return &p->retention.cite;
}

void
check_retention_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_retention(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->retention_days < 0)
			check_campaign(ctx, SEV_LOW, c, CS_RETENTION, &p->retention.cite, limit,
			    tr("not set"), tr("campaign '%s' does not say how long it keeps call records "
			    "(at least %d days)"), c->name, p->retention.days);
		else if (c->retention_days < p->retention.days)
			check_campaign(ctx, SEV_MEDIUM, c, CS_RETENTION, &p->retention.cite, limit,
			    arena_printf(ctx->scratch, tr("%d days"), c->retention_days),
			    tr("campaign '%s' keeps call records %d days; at least %d are required"),
			    c->name, c->retention_days, p->retention.days);
	}
}
