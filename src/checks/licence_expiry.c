/* licence-expiry: an expired licence, or one inside its renewal lead time. */
#include "checks/check.h"

#include <stdio.h>

#include "util/timeutil.h"

const struct citation *
limit_licence_expiry(const struct profile *p, char *buf, size_t size)
{
	if (!p->licence_renewal.set)
		return NULL;
	snprintf(buf, size, "start renewal at least %d days before expiry",
	    p->licence_renewal.lead_days);
	return &p->licence_renewal.cite;
}

void
check_licence_expiry_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	const struct licence *l = ctx->licence;
	char limit[128] = "valid on the day of the audit", expires[16];
	int64_t left;
	int lead;

	if (l == NULL)
		return;
	lead = p->licence_renewal.set ? p->licence_renewal.lead_days : 0;
	limit_licence_expiry(p, limit, sizeof(limit));
	format_date(l->expires, expires, sizeof(expires));
	left = l->expires - ctx->today; /* the expiry day itself is still valid */
	if (left < 0)
		check_licence(ctx, SEV_CRITICAL, l->expires_line, "expires",
		    p->licence_renewal.set ? &p->licence_renewal.cite : NULL, limit, expires,
		    "licence %s expired on %s, %lld day%s ago", l->number, expires, (long long)-left,
		    left == -1 ? "" : "s");
	else if (p->licence_renewal.set && left <= lead)
		check_licence(ctx, SEV_HIGH, l->expires_line, "expires", &p->licence_renewal.cite, limit,
		    expires, "licence %s expires on %s, in %lld day%s, inside the %d-day renewal lead "
		    "time", l->number, expires, (long long)left, left == 1 ? "" : "s", lead);
}
