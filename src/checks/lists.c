/* dnc-list and consent: whom a campaign may call at all. */
#include "checks/check.h"

#include <stdio.h>

const struct citation *
limit_dnc(const struct profile *p, char *buf, size_t size)
{
	if (!p->dnc.set)
		return NULL;
	if (p->dnc.max_list_age_days > 0)
		snprintf(buf, size, "%s; list copy at most %d days old",
		    p->dnc.scrub_required ? "scrub against the do-not-call list" : "do-not-call list",
		    p->dnc.max_list_age_days);
	else
		snprintf(buf, size, "%s", p->dnc.scrub_required ?
		    "scrub against the do-not-call list" : "do-not-call list");
	return &p->dnc.cite;
}

void
check_dnc_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_dnc(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (p->dnc.scrub_required && c->dnc_scrub != TRI_YES) {
			check_campaign(ctx, SEV_HIGH, c, CS_DNC_SCRUB, &p->dnc.cite, limit,
			    c->dnc_scrub == TRI_NO ? "off" : "not set",
			    "campaign '%s' does not scrub numbers against the do-not-call list", c->name);
			continue;
		}
		if (p->dnc.max_list_age_days <= 0 || c->dnc_scrub != TRI_YES)
			continue;
		if (c->dnc_list_age_days < 0)
			check_campaign(ctx, SEV_MEDIUM, c, CS_DNC_LIST_AGE, &p->dnc.cite, limit, "not set",
			    "campaign '%s' does not say how old its do-not-call list copy may be "
			    "(at most %d days)", c->name, p->dnc.max_list_age_days);
		else if (c->dnc_list_age_days > p->dnc.max_list_age_days)
			check_campaign(ctx, SEV_HIGH, c, CS_DNC_LIST_AGE, &p->dnc.cite, limit,
			    check_printf(ctx, "%d days", c->dnc_list_age_days),
			    "campaign '%s' uses a do-not-call list up to %d days old; at most %d days "
			    "are allowed", c->name, c->dnc_list_age_days, p->dnc.max_list_age_days);
	}
}

const struct citation *
limit_consent(const struct profile *p, char *buf, size_t size)
{
	char purposes[128];

	if (!p->consent.set)
		return NULL;
	purposes_format(p->consent.purposes, purposes, sizeof(purposes));
	snprintf(buf, size, "prior consent required for %s calls", purposes);
	return &p->consent.cite;
}

void
check_consent_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[256];

	if (limit_consent(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->consent_required == TRI_YES)
			continue;
		if (c->purpose < 0)
			check_campaign(ctx, SEV_MEDIUM, c, CS_CONSENT_REQUIRED, &p->consent.cite, limit,
			    c->consent_required == TRI_NO ? "off" : "not set",
			    "campaign '%s' states no purpose and does not require consent; it may need "
			    "consent under the profile", c->name);
		else if (p->consent.purposes & (1u << c->purpose))
			check_campaign(ctx, SEV_HIGH, c, CS_CONSENT_REQUIRED, &p->consent.cite, limit,
			    c->consent_required == TRI_NO ? "off" : "not set",
			    "campaign '%s' makes %s calls without requiring consent", c->name,
			    purpose_name(c->purpose));
	}
}
