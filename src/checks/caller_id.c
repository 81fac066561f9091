/* caller-id: presented numbers must exist, be valid, allowed and licensed. */
#include "checks/check.h"

#include <stdio.h>
#include <string.h>

#include "util/phone.h"
#include "util/regex.h"

const struct citation *
limit_caller_id(const struct profile *p, char *buf, size_t size)
{
	size_t used;

	if (!p->caller_id.set)
		return NULL;
	used = (size_t)snprintf(buf, size, "%s",
	    p->caller_id.required ? "a genuine caller ID must be presented" : "caller ID rules");
	if (regex_list_count(p->caller_id.allowed) > 0 && used < size)
		used += (size_t)snprintf(buf + used, size - used, "; only numbers matching %s",
		    regex_list_pattern(p->caller_id.allowed, 0));
	if (regex_list_count(p->caller_id.forbidden) > 0 && used < size)
		used += (size_t)snprintf(buf + used, size - used, "; never numbers matching %s",
		    regex_list_pattern(p->caller_id.forbidden, 0));
	if (regex_list_count(p->caller_id.inbound_only) > 0 && used < size)
		snprintf(buf + used, size - used, "; numbers matching %s are inbound-only without an "
		    "outbound commitment on the licence", regex_list_pattern(p->caller_id.inbound_only, 0));
	return &p->caller_id.cite;
}

static bool
licensed(const struct check_ctx *ctx, const char *e164)
{
	const struct licence *l = ctx->licence;

	for (size_t i = 0; i < l->ncaller_numbers; i++) {
		char n[PHONE_MAX];

		if (phone_normalise(l->caller_numbers[i], strlen(l->caller_numbers[i]),
		    &ctx->profile->numbering, n) == PHONE_OK && strcmp(n, e164) == 0)
			return true;
	}
	return false;
}

static void
check_one(struct check_ctx *ctx, const struct campaign *c, size_t k, const char *limit)
{
	const struct profile *p = ctx->profile;
	const char *raw = c->caller_ids[k];
	char e164[PHONE_MAX];
	enum phone_status st = phone_normalise(raw, strlen(raw), &p->numbering, e164);
	const struct citation *cite = &p->caller_id.cite;
	const char *nsn, *shown;
	int m;

	if (st != PHONE_OK) {
		/* A withheld or malformed caller ID is not personal data: it can be shown. */
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, raw, cite, limit,
		    phone_status_text(st), "campaign '%s' presents caller ID \"%s\", which is %s",
		    c->name, raw, st == PHONE_WITHHELD ? "withheld (hidden from the called person)" :
		    "not a valid phone number");
		return;
	}
	shown = check_number(ctx, e164);
	nsn = phone_national(e164, &p->numbering);
	if (nsn == NULL)
		nsn = e164;
	if ((m = regex_list_match(p->caller_id.forbidden, nsn)) >= 0 || m == REGEX_LIMIT)
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, check_printf(ctx, "%s/forbidden", e164), cite, limit, shown,
		    "campaign '%s' presents caller ID %s, which the profile forbids%s", c->name, shown,
		    m == REGEX_LIMIT ? " (pattern match exceeded its effort limit; treated as a match)" :
		    check_printf(ctx, " (matches %s)", regex_list_pattern(p->caller_id.forbidden, (size_t)m)));
	if (regex_list_count(p->caller_id.allowed) > 0 &&
	    regex_list_match(p->caller_id.allowed, nsn) < 0)
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, check_printf(ctx, "%s/allowed", e164),
		    cite, limit, shown,
		    "campaign '%s' presents caller ID %s, outside the ranges the profile allows for "
		    "outbound calls", c->name, shown);
	m = regex_list_match(p->caller_id.inbound_only, nsn);
	if ((m >= 0 || m == REGEX_LIMIT) && (ctx->licence == NULL || !ctx->licence->outbound_commitment))
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, check_printf(ctx, "%s/inbound", e164),
		    cite, limit, shown,
		    "campaign '%s' presents caller ID %s, an inbound-only access number, and %s", c->name,
		    shown, ctx->licence == NULL ? "no licence was given to show an outbound commitment" :
		    "the licence records no outbound commitment letter");
	if (ctx->licence != NULL && ctx->licence->ncaller_numbers > 0 && !licensed(ctx, e164))
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, check_printf(ctx, "%s/licence", e164),
		    cite, limit, shown,
		    "campaign '%s' presents caller ID %s, which is not among the licence's caller "
		    "numbers", c->name, shown);
}

void
check_caller_id_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	char limit[512];

	if (limit_caller_id(p, limit, sizeof(limit)) == NULL)
		return;
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->ncaller_ids == 0 && p->caller_id.required)
			check_campaign(ctx, SEV_HIGH, c, CS_CALLER_IDS, &p->caller_id.cite, limit,
			    "none", "campaign '%s' presents no caller ID", c->name);
		for (size_t k = 0; k < c->ncaller_ids; k++)
			check_one(ctx, c, k, limit);
	}
}
