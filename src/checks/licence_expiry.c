/* licence-expiry: an expired licence, or one inside its renewal lead time. */
#include "checks/check.h"

#include <stdio.h>

#include "util/timeutil.h"

const struct citation *
limit_licence_expiry(const struct profile *p, char *buf, size_t size)
{
	if (!p->licence_renewal.set)
		return NULL;
	snprintf(buf, size, tr("start renewal at least %d days before expiry"),
	    p->licence_renewal.lead_days);
	return &p->licence_renewal.cite;
}

void
check_licence_expiry_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	const struct licence *l = ctx->licence;
	char limit[256], expires[16];
	int64_t left;
	int lead;

	if (l == NULL)
		return;
	lead = p->licence_renewal.set ? p->licence_renewal.lead_days : 0;
	if (limit_licence_expiry(p, limit, sizeof(limit)) == NULL)
		snprintf(limit, sizeof(limit), "%s", tr("valid on the day of the audit"));
	format_date(l->expires, expires, sizeof(expires));
	left = l->expires - ctx->today; /* the expiry day itself is still valid */
	if (left < 0)
		check_licence(ctx, SEV_CRITICAL, l->expires_line, "expires",
		    p->licence_renewal.set ? &p->licence_renewal.cite : NULL, limit, expires,
		    left == -1 ? tr("licence %s expired on %s, %lld day ago") :
		    tr("licence %s expired on %s, %lld days ago"), l->number, expires, (long long)-left);
	else if (p->licence_renewal.set && left <= lead)
		check_licence(ctx, SEV_HIGH, l->expires_line, "expires", &p->licence_renewal.cite, limit,
		    expires, left == 1 ? tr("licence %s expires on %s, in %lld day, inside the %d-day "
		    "renewal lead time") : tr("licence %s expires on %s, in %lld days, inside the %d-day "
		    "renewal lead time"), l->number, expires, (long long)left, lead);
}
