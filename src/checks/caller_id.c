/* caller-id: presented numbers must exist, be valid, allowed and licensed. */
#include "checks/check.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/events.h"
#include "util/phone.h"
#include "util/xalloc.h"
#include "util/regex.h"

/* Every pattern of a list, comma-separated: a limit lists all its ranges. */
static const char *
patterns_text(const struct regex_list *l, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < regex_list_count(l) && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
		    regex_list_pattern(l, i));
	return buf;
}

const struct citation *
limit_caller_id(const struct profile *p, char *buf, size_t size)
{
	char pats[512];
	size_t used;

	if (!p->caller_id.set)
		return NULL;
	used = (size_t)snprintf(buf, size, "%s", p->caller_id.required ?
	    tr("a genuine caller ID must be presented") : tr("caller ID rules"));
	if (regex_list_count(p->caller_id.allowed) > 0 && used < size)
		used += (size_t)snprintf(buf + used, size - used, tr("; only numbers matching %s"),
		    patterns_text(p->caller_id.allowed, pats, sizeof(pats)));
	if (regex_list_count(p->caller_id.forbidden) > 0 && used < size)
		used += (size_t)snprintf(buf + used, size - used, tr("; never numbers matching %s"),
		    patterns_text(p->caller_id.forbidden, pats, sizeof(pats)));
	if (regex_list_count(p->caller_id.inbound_only) > 0 && used < size)
		snprintf(buf + used, size - used, tr("; numbers matching %s are inbound-only without an "
		    "outbound commitment on the licence"),
		    patterns_text(p->caller_id.inbound_only, pats, sizeof(pats)));
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
check_one(struct check_ctx *ctx, const struct campaign *campaign, size_t k, const char *limit)
{
	/* A copy whose caller_ids setting sits where this one ID was read. */
	struct campaign at = *campaign;
	const struct campaign *c = &at;
	const struct profile *p = ctx->profile;
	const char *raw = c->caller_ids[k];
	char e164[PHONE_MAX];
	enum phone_status st = phone_normalise(raw, strlen(raw), &p->numbering, e164);
	const struct citation *cite = &p->caller_id.cite;
	const char *nsn, *shown;
	int m;

	if (campaign->caller_id_lines != NULL && campaign->caller_id_lines[k] > 0) {
		at.line[CS_CALLER_IDS] = campaign->caller_id_lines[k];
		if (campaign->caller_id_files != NULL && campaign->caller_id_files[k] != NULL)
			at.file[CS_CALLER_IDS] = campaign->caller_id_files[k];
	}

	if (st != PHONE_OK) {
		/* A withheld or malformed caller ID is not personal data: it can be shown. */
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, raw, cite, limit,
		    tr(phone_status_text(st)), st == PHONE_WITHHELD ? tr("campaign '%s' presents "
		    "caller ID \"%s\", which is withheld (hidden from the called person)") :
		    tr("campaign '%s' presents caller ID \"%s\", which is not a valid phone number"),
		    c->name, raw);
		return;
	}
	shown = check_number(ctx, e164);
	nsn = phone_national(e164, &p->numbering);
	if (nsn == NULL)
		nsn = e164;
	if ((m = regex_list_match(p->caller_id.forbidden, nsn)) == REGEX_LIMIT)
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, arena_printf(ctx->scratch, "%s/forbidden", e164), cite, limit, shown,
		    tr("campaign '%s' presents caller ID %s, which the profile forbids (pattern match "
		    "exceeded its effort limit; treated as a match)"), c->name, shown);
	else if (m >= 0)
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, arena_printf(ctx->scratch, "%s/forbidden", e164), cite, limit, shown,
		    tr("campaign '%s' presents caller ID %s, which the profile forbids (matches %s)"),
		    c->name, shown, regex_list_pattern(p->caller_id.forbidden, (size_t)m));
	if (regex_list_count(p->caller_id.allowed) > 0 &&
	    regex_list_match(p->caller_id.allowed, nsn) < 0)
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, arena_printf(ctx->scratch, "%s/allowed", e164),
		    cite, limit, shown,
		    tr("campaign '%s' presents caller ID %s, outside the ranges the profile allows for "
		    "outbound calls"), c->name, shown);
	m = regex_list_match(p->caller_id.inbound_only, nsn);
	if ((m >= 0 || m == REGEX_LIMIT) && (ctx->licence == NULL || !ctx->licence->outbound_commitment))
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, arena_printf(ctx->scratch, "%s/inbound", e164),
		    cite, limit, shown,
		    ctx->licence == NULL ? tr("campaign '%s' presents caller ID %s, an inbound-only "
		    "access number, and no licence was given to show an outbound commitment") :
		    tr("campaign '%s' presents caller ID %s, an inbound-only access number, and the "
		    "licence records no outbound commitment letter"), c->name, shown);
	if (ctx->licence != NULL && ctx->licence->ncaller_numbers > 0 && !licensed(ctx, e164))
		check_campaign_ident(ctx, SEV_HIGH, c, CS_CALLER_IDS, arena_printf(ctx->scratch, "%s/licence", e164),
		    cite, limit, shown,
		    tr("campaign '%s' presents caller ID %s, which is not among the licence's caller "
		    "numbers"), c->name, shown);
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
			    tr("none"), tr("campaign '%s' presents no caller ID"), c->name);
		for (size_t k = 0; k < c->ncaller_ids; k++)
			check_one(ctx, c, k, limit);
	}
}

/* ---- call logs ----------------------------------------------------------- */

enum { CID_OK = 1, CID_MISSING, CID_WITHHELD, CID_MALFORMED, CID_FORBIDDEN, CID_NOT_ALLOWED,
	CID_INBOUND_ONLY, CID_NOT_LICENSED };

static bool
cid_applies(const struct event_ctx *ctx)
{
	return ctx->profile->caller_id.set || (ctx->licence != NULL && ctx->licence->ncaller_numbers > 0);
}

/* The verdict on one caller ID, worked out once however many calls use it. */
static uint8_t
cid_verdict(const struct event_ctx *ctx, uint32_t id)
{
	const struct profile *p = ctx->profile;
	const char *s = ctx->log->callers.str[id];
	char e164[PHONE_MAX];
	const char *nsn;
	enum phone_status st;
	int m;

	if (id == 0)
		return p->caller_id.required ? CID_MISSING : CID_OK;
	st = phone_normalise(s, strlen(s), &p->numbering, e164);
	if (st == PHONE_WITHHELD)
		return CID_WITHHELD;
	if (st != PHONE_OK)
		return CID_MALFORMED;
	nsn = phone_national(e164, &p->numbering);
	if (nsn == NULL)
		nsn = e164;
	if ((m = regex_list_match(p->caller_id.forbidden, nsn)) >= 0 || m == REGEX_LIMIT)
		return CID_FORBIDDEN;
	if (regex_list_count(p->caller_id.allowed) > 0 && regex_list_match(p->caller_id.allowed, nsn) < 0)
		return CID_NOT_ALLOWED;
	m = regex_list_match(p->caller_id.inbound_only, nsn);
	if ((m >= 0 || m == REGEX_LIMIT) && (ctx->licence == NULL || !ctx->licence->outbound_commitment))
		return CID_INBOUND_ONLY;
	if (ctx->licence != NULL && ctx->licence->ncaller_numbers > 0) {
		struct check_ctx cc = { 0 };

		cc.profile = p;
		cc.licence = ctx->licence;
		if (!licensed(&cc, e164))
			return CID_NOT_LICENSED;
	}
	return CID_OK;
}

static void
cid_per_call(struct event_ctx *ctx, const struct call *c)
{
	uint8_t *verdicts = ctx->rule_state[ctx->rule - rule_table];

	if (c->caller == 0 && ctx->log->files[c->file].no_caller_ids)
		return;
	if (verdicts == NULL)
		verdicts = ctx->rule_state[ctx->rule - rule_table] =
		    xcalloc(ctx->log->callers.n + 1, 1);
	if (verdicts[c->caller] == 0)
		verdicts[c->caller] = cid_verdict(ctx, c->caller);
	if (verdicts[c->caller] != CID_OK)
		event_violation(ctx, c, event_offset(ctx, c->start), verdicts[c->caller], (int32_t)c->caller);
}

static void
cid_finish(struct event_ctx *ctx)
{
	free(ctx->rule_state[ctx->rule - rule_table]);
	ctx->rule_state[ctx->rule - rule_table] = NULL;
}

static void
cid_describe(const struct event_ctx *ctx, const struct violation *v, char *buf, size_t size)
{
	const char *s = ctx->log->callers.str[v->aux];
	char shown[PHONE_MAX + 16];

	if (v->reason == CID_WITHHELD || v->reason == CID_MALFORMED || v->reason == CID_MISSING)
		snprintf(shown, sizeof(shown), "\"%.*s\"", PHONE_MAX, s);
	else
		phone_display(s, &ctx->profile->numbering, ctx->show_numbers, shown, sizeof(shown));
	switch (v->reason) {
	case CID_MISSING:
		snprintf(buf, size, "%s", tr("no caller ID presented"));
		break;
	case CID_WITHHELD:
		snprintf(buf, size, tr("caller ID %s is withheld"), shown);
		break;
	case CID_MALFORMED:
		snprintf(buf, size, tr("caller ID %s is not a valid number"), shown);
		break;
	case CID_FORBIDDEN:
		snprintf(buf, size, tr("caller ID %s is forbidden by the profile"), shown);
		break;
	case CID_NOT_ALLOWED:
		snprintf(buf, size, tr("caller ID %s is outside the allowed ranges"), shown);
		break;
	case CID_INBOUND_ONLY:
		snprintf(buf, size, tr("caller ID %s is an inbound-only access number"), shown);
		break;
	default:
		snprintf(buf, size, tr("caller ID %s is not among the licence's caller numbers"), shown);
		break;
	}
}

const struct event_hooks caller_id_events = {
	cid_applies, cid_per_call, NULL, cid_finish, cid_describe,
};
