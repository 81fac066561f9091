/* call-purpose: a campaign's purpose against the licence and the profile. */
#include "checks/check.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const struct citation *
limit_purpose(const struct profile *p, char *buf, size_t size)
{
	char forbidden[128], types[128] = "";
	size_t used = 0;

	if (!p->call_purpose.set)
		return NULL;
	purposes_format(p->call_purpose.forbidden, forbidden, sizeof(forbidden));
	for (size_t i = 0; i < p->call_purpose.nlicence_types && used < sizeof(types); i++)
		used += (size_t)snprintf(types + used, sizeof(types) - used, "%s%s", i ? ", " : "",
		    p->call_purpose.licence_types[i]);
	if (used > 0)
		snprintf(buf, size, tr("no %s calls under a licence of type %s"), forbidden, types);
	else
		snprintf(buf, size, tr("no %s calls"), forbidden);
	return &p->call_purpose.cite;
}

/* Whether the profile's ban applies to the licence in hand (or, with none,
 * whether it might). */
static bool
ban_applies(const struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;

	if (p->call_purpose.nlicence_types == 0 || ctx->licence == NULL || ctx->licence->type == NULL)
		return true;
	for (size_t i = 0; i < p->call_purpose.nlicence_types; i++)
		if (ctx->licence->type != NULL &&
		    strcasecmp(ctx->licence->type, p->call_purpose.licence_types[i]) == 0)
			return true;
	return false;
}

void
check_purpose_config(struct check_ctx *ctx)
{
	const struct profile *p = ctx->profile;
	const struct licence *l = ctx->licence;
	char limit[256] = "", permitted[128];

	limit_purpose(p, limit, sizeof(limit));
	for (size_t i = 0; i < ctx->campaigns->n; i++) {
		const struct campaign *c = &ctx->campaigns->v[i];

		if (c->purpose < 0) {
			check_campaign(ctx, SEV_MEDIUM, c, CS_PURPOSE, p->call_purpose.set ?
			    &p->call_purpose.cite : NULL, limit[0] ? limit : tr("a stated purpose"),
			    tr("not set"), tr("campaign '%s' states no purpose, so the purpose limits of "
			    "the licence and the profile cannot be checked"), c->name);
			continue;
		}
		if (l != NULL && l->purposes != 0 && !(l->purposes & (1u << c->purpose))) {
			purposes_format(l->purposes, permitted, sizeof(permitted));
			check_campaign_ident(ctx, SEV_CRITICAL, c, CS_PURPOSE, "licence", NULL,
			    arena_printf(ctx->scratch, tr("licence permits: %s"), permitted),
			    purpose_label(c->purpose), tr("campaign '%s' makes %s calls, which the "
			    "licence does not permit (it permits %s)"), c->name, purpose_label(c->purpose),
			    permitted);
		}
		if (p->call_purpose.set && (p->call_purpose.forbidden & (1u << c->purpose)) &&
		    ban_applies(ctx)) {
			bool typed = l != NULL && l->type != NULL;
			enum severity sev = typed || p->call_purpose.nlicence_types == 0 ? SEV_CRITICAL :
			    SEV_HIGH;
			const char *purpose = purpose_label(c->purpose);

			if (!typed && p->call_purpose.nlicence_types > 0)
				check_campaign_ident(ctx, sev, c, CS_PURPOSE, "profile", &p->call_purpose.cite,
				    limit, purpose, tr("campaign '%s' makes %s calls, which the profile "
				    "forbids under the licence types it names (no licence type was given to "
				    "tell)"), c->name, purpose);
			else if (typed)
				check_campaign_ident(ctx, sev, c, CS_PURPOSE, "profile", &p->call_purpose.cite,
				    limit, purpose, tr("campaign '%s' makes %s calls, which the profile "
				    "forbids under a %s licence"), c->name, purpose, l->type);
			else
				check_campaign_ident(ctx, sev, c, CS_PURPOSE, "profile", &p->call_purpose.cite,
				    limit, purpose, tr("campaign '%s' makes %s calls, which the profile "
				    "forbids"), c->name, purpose);
		}
	}
}
