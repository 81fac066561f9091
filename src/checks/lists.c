/* dnc-list and consent: whom a campaign may call at all. */
#include "checks/check.h"
#include "util/arena.h"

#include <stdio.h>

#include "checks/events.h"
#include "numlists.h"

const struct citation *
limit_dnc(const struct profile *p, char *buf, size_t size)
{
	if (!p->dnc.set) {
		/* no legal limit; a list given by hand still binds the calls */
		snprintf(buf, size, "%s", tr("no calls to numbers on the do-not-call list"));
		return NULL;
	}
	if (p->dnc.max_list_age_days > 0)
		snprintf(buf, size, p->dnc.scrub_required ?
		    tr("scrub against the do-not-call list; list copy at most %d days old") :
		    tr("do-not-call list; list copy at most %d days old"), p->dnc.max_list_age_days);
	else
		snprintf(buf, size, "%s", p->dnc.scrub_required ?
		    tr("scrub against the do-not-call list") : tr("do-not-call list"));
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
			    c->dnc_scrub == TRI_NO ? tr("off") : tr("not set"),
			    tr("campaign '%s' does not scrub numbers against the do-not-call list"), c->name);
			continue;
		}
		if (p->dnc.max_list_age_days <= 0 || c->dnc_scrub != TRI_YES)
			continue;
		if (c->dnc_list_age_days < 0)
			check_campaign(ctx, SEV_MEDIUM, c, CS_DNC_LIST_AGE, &p->dnc.cite, limit,
			    tr("not set"), tr("campaign '%s' does not say how old its do-not-call list "
			    "copy may be (at most %d days)"), c->name, p->dnc.max_list_age_days);
		else if (c->dnc_list_age_days > p->dnc.max_list_age_days)
			check_campaign(ctx, SEV_HIGH, c, CS_DNC_LIST_AGE, &p->dnc.cite, limit,
			    arena_printf(ctx->scratch, tr("%d days"), c->dnc_list_age_days),
			    tr("campaign '%s' uses a do-not-call list up to %d days old; at most %d days "
			    "are allowed"), c->name, c->dnc_list_age_days, p->dnc.max_list_age_days);
	}
}

const struct citation *
limit_consent(const struct profile *p, char *buf, size_t size)
{
	char purposes[128];

	if (!p->consent.set)
		return NULL;
	purposes_format(p->consent.purposes, purposes, sizeof(purposes));
	snprintf(buf, size, tr("prior consent required for %s calls"), purposes);
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
			    c->consent_required == TRI_NO ? tr("off") : tr("not set"),
			    tr("campaign '%s' states no purpose and does not require consent; it may need "
			    "consent under the profile"), c->name);
		else if (p->consent.purposes & (1u << c->purpose))
			check_campaign(ctx, SEV_HIGH, c, CS_CONSENT_REQUIRED, &p->consent.cite, limit,
			    c->consent_required == TRI_NO ? tr("off") : tr("not set"),
			    tr("campaign '%s' makes %s calls without requiring consent"), c->name,
			    purpose_label(c->purpose));
	}
}

/* ---- call logs ----------------------------------------------------------- */

static bool
dnc_applies(const struct event_ctx *ctx)
{
	return ctx->dnc != NULL || (ctx->profile->dnc.set && ctx->profile->dnc.scrub_required);
}

static void
dnc_per_call(struct event_ctx *ctx, const struct call *c)
{
	if (ctx->dnc != NULL && dnc_contains(ctx->dnc, c->number))
		event_violation(ctx, c, event_offset(ctx, c->start), 0, 0);
}

/* A list the profile needs but the audit was not given is said, not assumed. */
static void
not_checked(struct event_ctx *ctx, const char *limit, const struct citation *cite,
    const char *key, const char *actual, const char *message)
{
	struct finding t = { 0 };

	t.rule = ctx->rule;
	t.severity = SEV_INFO;
	t.key = key;
	t.limit = limit;
	t.actual = actual;
	t.cite = cite;
	findings_add(ctx->out, &t, "%s", message);
}

static void
dnc_finish(struct event_ctx *ctx)
{
	char limit[256];

	if (ctx->dnc != NULL || ctx->attempts == 0)
		return;
	limit_dnc(ctx->profile, limit, sizeof(limit));
	not_checked(ctx, limit, &ctx->profile->dnc.cite, "dnc-list/not-checked", tr("no list given"),
	    tr("the calls were not checked against a do-not-call list; give one with --dnc FILE"));
}

static void
dnc_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	(void)v;
	snprintf(buf, size, tr("number is on the do-not-call list %s"), ctx->dnc->path);
}

const struct event_hooks dnc_events = {
	dnc_applies, dnc_per_call, NULL, dnc_finish, dnc_describe,
};

static bool
consent_applies(const struct event_ctx *ctx)
{
	return ctx->profile->consent.set;
}

/* Whether the profile requires consent for a campaign's calls: its purpose
 * says, and a campaign of unknown purpose (or none) is assumed to need it. */
bool
consent_needed(const struct profile *p, const struct campaign *cfg)
{
	if (!p->consent.set)
		return false;
	if (cfg == NULL || cfg->purpose < 0)
		return true;
	return (p->consent.purposes & (1u << cfg->purpose)) != 0;
}

/* Whether call c needs consent: its campaign's purpose says, else assume it does. */
static bool
needs_consent(const struct event_ctx *ctx, const struct call *c)
{
	return consent_needed(ctx->profile, ctx->campaign_cfg[c->campaign]);
}

static void
consent_per_call(struct event_ctx *ctx, const struct call *c)
{
	const char *campaign;

	if (ctx->consent == NULL || (c->flags & CALL_CONSENT) || !needs_consent(ctx, c))
		return;
	campaign = c->campaign != 0 ? event_campaign_name(ctx, c->campaign) : NULL;
	if (!consent_valid(ctx->consent, c->number, c->start, campaign))
		event_violation(ctx, c, event_offset(ctx, c->start), 0, 0);
}

static void
consent_finish(struct event_ctx *ctx)
{
	char limit[256];

	if (ctx->consent != NULL || ctx->attempts == 0)
		return;
	limit_consent(ctx->profile, limit, sizeof(limit));
	not_checked(ctx, limit, &ctx->profile->consent.cite, "consent/not-checked",
	    tr("no consent records given"), tr("the calls were not checked for consent; give the "
	    "consent records with --consent FILE"));
}

static void
consent_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	(void)ctx;
	(void)v;
	snprintf(buf, size, "%s", tr("no consent valid at the start of the call"));
}

const struct event_hooks consent_events = {
	consent_applies, consent_per_call, NULL, consent_finish, consent_describe,
};
